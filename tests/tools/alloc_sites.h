/* alloc_sites.h: the sites of what a program still holds at exit, for
 * failing_alloc.so (PREPOST_ALLOC_SITES=FILE): after an allocation failed,
 * a site that holds more at exit than in the run where none failed is
 * memory the failure path did not free. */
#ifndef PREPOST_ALLOC_SITES_H
#define PREPOST_ALLOC_SITES_H

/* Starts watching; at exit, writes "OFFSET COUNT" lines (an offset into
 * the program's file, as addr2line reads it, and how many allocations
 * made there are still held) to path, and "overflow" first when there were
 * too many to follow. */
void alloc_sites_start(const char *path);

/* p was just allocated by a call from `caller` (a return address). */
void alloc_sites_add(void *p, void *caller);

/* p is being freed (or moved by realloc). */
void alloc_sites_remove(void *p);

#endif

/* strlist.h: an owned, growable list of C strings. */
#ifndef PREPOST_STRLIST_H
#define PREPOST_STRLIST_H

#include <stddef.h>

typedef struct {
    char **items;
    size_t count;
    size_t capacity;
} pp_strings;

/* Appends a copy of s[0..len). Returns 0, or -1 on out of memory. */
int pp_strings_push(pp_strings *list, const char *s, size_t len);
/* Appends a copy of a NUL-terminated string. */
int pp_strings_push_str(pp_strings *list, const char *s);
/* Frees every string and the list; leaves an empty list. */
void pp_strings_clear(pp_strings *list);
/* Splits text at each `sep` character, trimming white space around each
 * piece; empty pieces are kept as empty strings. Returns 0 or -1. */
int pp_strings_split(pp_strings *list, const char *text, char sep);
/* 0-based index of the first item equal to s, or -1. */
long pp_strings_index(const pp_strings *list, const char *s);

#endif

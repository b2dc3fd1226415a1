/* column_index.h: a hash table from forgivingly normalised column names
 * (label.h) to column numbers, built once per export header so that every
 * codebook lookup is one hash probe. A name given to two different columns
 * is remembered as ambiguous. */
#ifndef PREPOST_COLUMN_INDEX_H
#define PREPOST_COLUMN_INDEX_H

#include <stddef.h>

typedef struct pp_column_index pp_column_index;

/* Room for `names` insertions. NULL on out of memory. */
pp_column_index *pp_column_index_new(size_t names);
/* Adds `name` (normalised here) for 0-based column. Blank names are not
 * added. 0, or -1 on out of memory. */
int pp_column_index_add(pp_column_index *ix, const char *name, long column);
/* Looks an already normalised key up. Returns the number of different
 * columns with that name (0, 1 or 2 meaning "two or more"); *first and
 * *second receive the first two of them. */
int pp_column_index_get(const pp_column_index *ix, const char *key,
                        long *first, long *second);
void pp_column_index_free(pp_column_index *ix);

#endif

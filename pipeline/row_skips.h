/* row_skips.h: the export rows ingest passes over (prepost-ingest
 * --skip-rows FILE). FILE lists row numbers as records number them (the
 * `row` field, records.h), one a line in decimal, ascending:
 *
 *   1843
 *   90211
 *
 * The rows are few (`prepost run --jobs N` lists the rows its settling of
 * ids across shards has already accounted for), so they are held in one
 * array. */
#ifndef PREPOST_ROW_SKIPS_H
#define PREPOST_ROW_SKIPS_H

#include <stddef.h>

#include "diag.h"

typedef struct {
    long *rows;                 /* ascending, no row twice */
    size_t n;
} pp_row_skips;

/* Reads FILE into skips. PP_OK, or PP_ERR_MISSING (cannot open),
 * PP_ERR_READ, PP_ERR_NOMEM, or PP_ERR_ROW_LIST naming the file and line
 * of a line that is not a row number or not above the one before. Free
 * with pp_row_skips_free either way. */
pp_error pp_row_skips_load(pp_row_skips *skips, const char *path, pp_diag *diag);
void pp_row_skips_free(pp_row_skips *skips);

/* Whether row is listed. Rows must be asked in ascending order: *next
 * (0 at first) remembers how far the list has been gone through. */
int pp_row_skips_has(const pp_row_skips *skips, size_t *next, long row);

#endif

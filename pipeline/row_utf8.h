/* row_utf8.h: the cells of an export row must be UTF-8 (utf8.h). The
 * encoding is a property of the whole file, so a cell that is not stops
 * the run (a bad file), naming the file, row and column, the byte and
 * what the file probably is (not_utf8.h). Ingest checks every header cell
 * and, in respondent rows, only the columns the codebook reads. A row
 * pp_csv_read found UTF-8 as a whole (pp_row.utf8: the NUL between fields
 * ends any sequence, so a whole that is UTF-8 has every field UTF-8) is
 * not looked at again: one pass per row, not one call per cell. */
#ifndef PREPOST_ROW_UTF8_H
#define PREPOST_ROW_UTF8_H

#include <stddef.h>

#include "csv_rows.h"
#include "diag.h"
#include "header.h"

/* Checks the cells of row at the 0-based `columns` (n_columns of them;
 * every cell when columns is NULL; a column the row is too short for is
 * blank, so valid). Returns 0, or -1 with diag: PP_ERR_ENCODING at file,
 * the row and the first bad cell's column, named by header when it is not
 * NULL. */
int pp_row_utf8_check(const pp_row *row, const long *columns, size_t n_columns,
                      const pp_header *header, const char *file, pp_diag *diag);

/* A header row: every cell is checked, and the message replaces any error
 * diag already holds (a header row that could not be read is likelier the
 * encoding's fault, and a name that is not UTF-8 never matches the
 * codebook's). 0, or -1 with diag filled. */
int pp_row_utf8_check_header(const pp_row *row, const char *file, pp_diag *diag);

#endif

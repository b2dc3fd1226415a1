/* stat_rows.h: the cases of a statistical file (SPSS, Stata, SAS) as the
 * rows ingest reads from a CSV export, so everything after the reader is
 * the same: row 1 holds the variable names, row 2 the variable labels
 * (header.h names columns from them), then one row per case, each cell
 * the text of its value (stat_dict.h: the value label, or the value).
 *
 * Rows are numbered as the case numbers (the header rows are row 0), the
 * numbers a statistics package shows. Memory holds the file (ReadStat
 * needs to seek) and one case. */
#ifndef PREPOST_STAT_ROWS_H
#define PREPOST_STAT_ROWS_H

#include "codebook.h"
#include "csv_rows.h"
#include "diag.h"
#include "source.h"
#include "stat_dict.h"

/* Reads src as a file of kind `layout` and calls fn for every row, as
 * pp_csv_read does. When dict_out is not NULL, fn's rows come with the
 * dictionary too: *dict_out points to it for as long as fn is called. A
 * file of another kind is an error naming the layout it would be. */
int pp_stat_read(pp_source *src, pp_layout layout, pp_row_fn fn, void *user,
                 const pp_stat_dict **dict_out, pp_diag *diag);

#endif

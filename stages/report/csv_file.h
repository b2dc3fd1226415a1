/* csv_file.h: reads a small CSV file the run wrote beside the page
 * (rejects.csv, unmatched.csv) through the project's CSV reader, one row
 * at a time, for the summaries on the dashboard. */
#ifndef PREPOST_REPORT_CSV_FILE_H
#define PREPOST_REPORT_CSV_FILE_H

#include "csv_rows.h"
#include "diag.h"

/* Opens path and hands every row to fn. 0, or -1 with diag filled
 * (PP_ERR_MISSING when it cannot be opened). */
int report_read_csv_file(const char *path, pp_row_fn fn, void *user, pp_diag *diag);

#endif

/* table_files.h: every table of one results.json written into the output
 * folder: <item id>.csv/.md/.tex per paired, single and multi item,
 * summary.csv/.md/.tex, and segment-<name>.csv/.md/.tex per segment. */
#ifndef PREPOST_TABLE_FILES_H
#define PREPOST_TABLE_FILES_H

#include <jansson.h>

#include "diag.h"
#include "table_outdir.h"

/* PP_OK, or the error with diag filled. results has passed pp_table_check. */
pp_error pp_table_write_all(pp_outdir *o, json_t *results, pp_diag *diag);

#endif

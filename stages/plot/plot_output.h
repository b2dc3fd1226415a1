/* plot_output.h: the charts appear whole or not at all.
 *
 * gnuplot draws into a work directory made inside the output directory
 * (so renames stay on one file system), under neutral names
 * (chart-1.svg ...) that carry no codebook text. Only when every chart of
 * the run is drawn are they renamed to <chart>.svg and <chart>.png beside
 * charts.tsv, the list of charts the report reads:
 *
 *   chart <TAB> kind <TAB> title <TAB> items      (a header line, then one
 *                                                  line per chart; items are
 *                                                  ids joined with ",") */
#ifndef PREPOST_PLOT_OUTPUT_H
#define PREPOST_PLOT_OUTPUT_H

#include <stddef.h>

#include "diag.h"
#include "plot_chart.h"

#define PLOT_INDEX_NAME "charts.tsv"

/* Makes the output directory (and its parents) if need be and a fresh
 * work directory in it; malloc'd path, or NULL with diag (PP_ERR_WRITE). */
char *plot_workdir_create(const char *out_dir, pp_diag *diag);
/* Removes the work directory and whatever is left in it. */
void plot_workdir_remove(const char *work_dir);

/* "<work_dir>/chart-<index + 1>.<ext>" */
void plot_work_file(char *buf, size_t size, const char *work_dir, size_t index,
                    const char *ext);

/* Writes charts.tsv into the work directory. 0, or -1 with diag set. */
int plot_write_index(const char *work_dir, const plot_charts *charts, pp_diag *diag);

/* Checks that every chart was drawn, then renames the charts and
 * charts.tsv into out_dir. 0, or -1 with diag set. */
int plot_publish(const char *work_dir, const char *out_dir, const plot_charts *charts,
                 pp_diag *diag);

#endif

/* plot_output.h: the charts appear whole or not at all.
 *
 * gnuplot draws into a work directory made inside the output directory
 * (so renames stay on one file system), under neutral names
 * (chart-1.svg ...) that carry no codebook text. Only when every chart of
 * the run is drawn are they renamed to <name>.svg and <name>.png beside
 * charts.tsv, the list of charts:
 *
 *   chart <TAB> kind <TAB> title <TAB> items <TAB> segment
 *
 * a header line, then one line per figure: its file name (<chart>, or
 * <chart>.by-<segment> for a chart by segment), the items' ids joined with
 * ",", and the segment ("" for the whole sample). */
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
int plot_write_index(const char *work_dir, const plot_figures *figures, pp_diag *diag);

/* Checks that every figure was drawn, then renames the charts and
 * charts.tsv into out_dir. 0, or -1 with diag set. */
int plot_publish(const char *work_dir, const char *out_dir, const plot_figures *figures,
                 pp_diag *diag);

#endif

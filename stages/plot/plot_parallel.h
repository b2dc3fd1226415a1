/* plot_parallel.h: several gnuplots drawing at once, each its own script.
 *
 * Each script is a share of the charts (plot_split.h); each begins every
 * chart with `reset session`, so a chart's files are the same whichever
 * gnuplot draws it. */
#ifndef PREPOST_PLOT_PARALLEL_H
#define PREPOST_PLOT_PARALLEL_H

#include <stddef.h>

#include "diag.h"

/* At most this many gnuplots at once (prepost-plot --jobs). */
#define PLOT_MAX_JOBS 64

typedef struct {
    char *text;
    size_t length;
} plot_script;

/* Starts a gnuplot per script (n <= PLOT_MAX_JOBS), its output in
 * work_dir/gnuplot-<k>.log, feeds each its script as it reads, and waits
 * for every one it started, whatever happens. 0 when all drew their
 * charts; otherwise -1 with diag set by the first that failed (in script
 * order), or by the first that could not be started. */
int plot_parallel_run(const plot_script *scripts, size_t n, const char *work_dir,
                      pp_diag *diag);

#endif

/* plot_gnuplot.h: running one gnuplot for all the charts.
 *
 * gnuplot (or the program named by PREPOST_GNUPLOT, e.g. a full path) is
 * started without a shell and reads the whole script on its standard
 * input; what it prints goes to a log in the work directory, whose last
 * line (gnuplot's error) is quoted when it fails. gnuplot reading a script
 * exits non-zero after any error, and that makes the run fail. */
#ifndef PREPOST_PLOT_GNUPLOT_H
#define PREPOST_PLOT_GNUPLOT_H

#include <stddef.h>

#include "diag.h"

/* Runs gnuplot on the script; 0, or -1 with diag (PP_ERR_INTERNAL) set. */
int plot_gnuplot_run(const char *script, size_t length, const char *work_dir,
                     pp_diag *diag);

#endif

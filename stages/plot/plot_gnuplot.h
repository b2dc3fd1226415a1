/* plot_gnuplot.h: starting one gnuplot and judging how it ended.
 *
 * gnuplot (or the program named by PREPOST_GNUPLOT, e.g. a full path) is
 * started without a shell and reads its script on its standard input, a
 * pipe; what it prints goes to a log in the work directory, whose last
 * line (gnuplot's error) is quoted when it fails. gnuplot reading a script
 * exits non-zero after any error, and that makes the run fail. Feeding
 * the pipes is plot_parallel.h's. */
#ifndef PREPOST_PLOT_GNUPLOT_H
#define PREPOST_PLOT_GNUPLOT_H

#include <stddef.h>
#include <sys/types.h>

#include "diag.h"

/* Starts gnuplot with its standard input on a new pipe and its output on
 * log_path. Returns the pipe's write end (close-on-exec, so no other
 * gnuplot holds it), or -1 with diag (PP_ERR_INTERNAL) set. */
int plot_gnuplot_start(const char *log_path, pid_t *pid, pp_diag *diag);

/* Waits for the gnuplot started as pid. 0 when it read its whole script
 * (`fed` is 0) and exited 0; otherwise -1 with diag (PP_ERR_INTERNAL) set,
 * naming the log's last line, unless diag holds an error already. */
int plot_gnuplot_wait(pid_t pid, int fed, const char *log_path, pp_diag *diag);

#endif

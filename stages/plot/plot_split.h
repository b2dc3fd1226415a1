/* plot_split.h: sharing the charts of a script among gnuplots.
 *
 * The charts are dealt so that the shares cost about the same. A chart
 * costs the bytes of its part of the script (which grow with its bars)
 * and a fixed amount for its files; the costliest goes first, each to the
 * share that costs least so far, ties to the lower index, so the same
 * charts always go the same way. Each share is a whole
 * script: a header line, its charts in their order, then `exit`. With one
 * share it is the script of every chart, as one gnuplot reads it. */
#ifndef PREPOST_PLOT_SPLIT_H
#define PREPOST_PLOT_SPLIT_H

#include <stddef.h>

#include "diag.h"
#include "plot_parallel.h"

typedef struct {
    plot_script *scripts;
    size_t count;
} plot_scripts;

/* Makes min(jobs, n) scripts of the n charts (n > 0, jobs > 0) whose
 * parts are text[starts[i]] to text[starts[i + 1]]. PP_OK, or
 * PP_ERR_NOMEM with diag set and *out empty. */
pp_error plot_split(plot_scripts *out, const char *text, const size_t *starts, size_t n,
                    size_t jobs, pp_diag *diag);
void plot_scripts_free(plot_scripts *scripts);

#endif

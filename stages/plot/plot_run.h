/* plot_run.h: drawing every chart of a survey from its results.json:
 * the charts are grouped (plot_chart.h), their data written as gnuplot
 * script (plot_data.h) for the templates to draw, shared among up to
 * `jobs` gnuplots run at once (plot_split.h, plot_parallel.h), and the
 * files published whole (plot_output.h). */
#ifndef PREPOST_PLOT_RUN_H
#define PREPOST_PLOT_RUN_H

#include <stddef.h>

#include <jansson.h>

#include "codebook.h"
#include "diag.h"

typedef struct {
    const pp_codebook *cb;
    json_t *results;
    const char *results_name;   /* for messages */
    const char *templates;      /* directory of the .gp templates */
    const char *out_dir;
    int jobs;                   /* gnuplots at once: 1..PLOT_MAX_JOBS */
} plot_job;

/* Draws the charts into job->out_dir; *n_charts gets how many. PP_OK, or
 * the error with diag set and nothing written. */
pp_error plot_run(const plot_job *job, size_t *n_charts, pp_diag *diag);

#endif

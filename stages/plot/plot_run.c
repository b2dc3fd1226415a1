/* plot_run.c: one run of the plot stage (plot_run.h). */
#include "plot_run.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>

#include "plot_chart.h"
#include "plot_data.h"
#include "plot_output.h"
#include "plot_parallel.h"
#include "plot_signals.h"
#include "plot_split.h"
#include "plot_text.h"

/* The commands around one chart's data: a clean gnuplot state, where to
 * draw and which template draws it. */
static int write_chart_end(FILE *out, const plot_job *job, const char *work_dir,
                           size_t index, const plot_figure *figure)
{
    char path[PATH_MAX];
    int failed = 0;
    fprintf(out, "templates = ");
    failed |= plot_write_path(out, job->templates);
    for (int e = 0; e < 2; e++) {
        plot_work_file(path, sizeof path, work_dir, index, e ? "png" : "svg");
        fprintf(out, "\n%s_file = ", e ? "png" : "svg");
        failed |= plot_write_path(out, path);
    }
    fprintf(out, "\nload templates . '/%s.gp'\n", plot_kind_name(figure->chart->kind));
    return failed;
}

/* Every chart's part of the script, chart i beginning at starts[i] (and
 * the last ending at starts[count]). */
static pp_error write_charts(FILE *out, const plot_job *job, const plot_figures *figures,
                             const char *work_dir, size_t *starts, pp_diag *diag)
{
    for (size_t i = 0; i < figures->count; i++) {
        const plot_figure *figure = &figures->figures[i];
        starts[i] = (size_t)ftello(out);
        fprintf(out, "\nreset session\n# chart %s\n", figure->name);
        pp_error status = figure->chart->kind == PLOT_DIVERGING
            ? plot_data_diverging(out, figure, job->cb, job->results, job->results_name, diag)
            : plot_data_options(out, figure, job->cb, job->results, job->results_name, diag);
        if (status != PP_OK)
            return status;
        if (write_chart_end(out, job, work_dir, i, figure) != 0)
            return pp_diag_set(diag, PP_ERR_WRITE, job->out_dir, 0, "a directory name "
                               "with a line break or another control character cannot "
                               "be given to gnuplot; choose another");
    }
    starts[figures->count] = (size_t)ftello(out);
    return PP_OK;
}

/* The charts' scripts, shared among up to job->jobs gnuplots, drawn into
 * the work directory. 0, or -1 with diag set. */
static int draw(const plot_job *job, const plot_figures *figures, const char *work_dir,
                pp_diag *diag)
{
    char *text = NULL;
    size_t length = 0, *starts = calloc(figures->count + 1, sizeof *starts);
    plot_scripts scripts = {0};
    FILE *out = starts != NULL ? open_memstream(&text, &length) : NULL;
    if (out == NULL) {
        pp_diag_set(diag, PP_ERR_NOMEM, NULL, 0, NULL);
        goto cleanup;
    }
    pp_error status = write_charts(out, job, figures, work_dir, starts, diag);
    if (fclose(out) != 0 && status == PP_OK)
        pp_diag_set(diag, PP_ERR_NOMEM, NULL, 0, NULL);
    size_t jobs = job->jobs > 1 ? (size_t)job->jobs : 1;
    if (diag->code != PP_OK ||
        plot_split(&scripts, text, starts, figures->count, jobs, diag) != PP_OK)
        goto cleanup;
    plot_parallel_run(scripts.scripts, scripts.count, work_dir, diag);

cleanup:
    plot_scripts_free(&scripts);
    free(text);
    free(starts);
    return diag->code == PP_OK ? 0 : -1;
}

pp_error plot_run(const plot_job *job, size_t *n_charts, pp_diag *diag)
{
    plot_charts charts = {0};
    plot_figures figures = {0};
    char *work_dir = NULL;

    plot_signals_watch();                       /* a stop now cleans up first */
    if (plot_charts_build(&charts, job->cb, diag) != PP_OK ||
        plot_figures_build(&figures, &charts, job->cb, diag) != PP_OK)
        goto cleanup;
    if ((work_dir = plot_workdir_create(job->out_dir, diag)) == NULL)
        goto cleanup;
    if (figures.count > 0 && draw(job, &figures, work_dir, diag) != 0)
        goto cleanup;
    if (plot_write_index(work_dir, &figures, diag) != 0)
        goto cleanup;
    if (plot_signals_caught() || plot_publish(work_dir, job->out_dir, &figures, diag) != 0)
        goto cleanup;
    *n_charts = figures.count;

cleanup:
    plot_workdir_remove(work_dir);
    free(work_dir);
    plot_signals_end();                         /* dies here if it was stopped */
    plot_figures_free(&figures);
    plot_charts_free(&charts);
    return diag->code;
}

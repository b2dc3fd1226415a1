/* plot_figure.c: the files each chart is drawn as: the whole sample, then
 * by each segment (plot_figures_build in plot_chart.h). */
#include <stdlib.h>
#include <string.h>

#include "plot_chart.h"
#include "segment_chart.h"

static pp_error add(plot_figures *figures, const plot_chart *chart, const pp_segment *segment,
                    const pp_codebook *cb, pp_diag *diag)
{
    char name[512];
    plot_figure *figure = &figures->figures[figures->count];
    if (segment == NULL)
        snprintf(name, sizeof name, "%s", chart->name);
    else if (pp_segment_chart_name(name, sizeof name, chart->name, segment->name) != 0)
        return pp_diag_set(diag, PP_ERR_CODEBOOK, cb->path, segment->line, "the name of the "
                           "chart of \"%s\" by the segment \"%s\" is too long; shorten one "
                           "of them", chart->name, segment->name);
    figure->chart = chart;
    figure->segment = segment;
    if ((figure->name = strdup(name)) == NULL)
        return pp_diag_set(diag, PP_ERR_NOMEM, NULL, 0, NULL);
    figures->count++;
    return PP_OK;
}

pp_error plot_figures_build(plot_figures *figures, const plot_charts *charts,
                            const pp_codebook *cb, pp_diag *diag)
{
    memset(figures, 0, sizeof *figures);
    figures->figures = calloc(charts->count * (cb->n_segments + 1) + 1, sizeof *figures->figures);
    if (figures->figures == NULL)
        return pp_diag_set(diag, PP_ERR_NOMEM, NULL, 0, NULL);
    for (size_t i = 0; i < charts->count; i++) {
        if (add(figures, &charts->charts[i], NULL, cb, diag) != PP_OK)
            return diag->code;
        for (size_t s = 0; s < cb->n_segments; s++)
            if (add(figures, &charts->charts[i], &cb->segments[s], cb, diag) != PP_OK)
                return diag->code;
    }
    return PP_OK;
}

void plot_figures_free(plot_figures *figures)
{
    for (size_t i = 0; i < figures->count; i++)
        free(figures->figures[i].name);
    free(figures->figures);
    memset(figures, 0, sizeof *figures);
}

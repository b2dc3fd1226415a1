/* plot_chart.c: grouping items into charts (plot_chart.h). */
#include "plot_chart.h"

#include <stdlib.h>
#include <string.h>

#include "chart_name.h"

const char *plot_kind_name(plot_kind kind)
{
    return kind == PLOT_DIVERGING ? "diverging" : "options";
}

static plot_chart *find_chart(plot_charts *charts, const char *name)
{
    for (size_t i = 0; i < charts->count; i++)
        if (strcmp(charts->charts[i].name, name) == 0)
            return &charts->charts[i];
    return NULL;
}

static plot_kind kind_of(const pp_item *item)
{
    return item->kind == PP_ITEM_MULTI ? PLOT_OPTIONS : PLOT_DIVERGING;
}

/* An item joins a chart of the same battery: same kind and scale. */
static pp_error join(plot_chart *chart, const pp_codebook *cb, const pp_item *item,
                     pp_diag *diag)
{
    const pp_item *first = chart->items[0];
    if (item->battery == NULL || first->battery == NULL)
        return pp_diag_set(diag, PP_ERR_CODEBOOK, cb->path, item->line,
                           "the chart name \"%s\" is both an item and a battery; "
                           "rename one of them", chart->name);
    if (kind_of(item) != chart->kind)
        return pp_diag_set(diag, PP_ERR_CODEBOOK, cb->path, item->line,
                           "the battery \"%s\" mixes ratings with tick-all-that-apply "
                           "items ([%s %s] and [%s %s]); one chart can draw only one "
                           "of them", chart->name, pp_item_kind_name(first->kind),
                           first->id, pp_item_kind_name(item->kind), item->id);
    if (chart->kind == PLOT_DIVERGING && &cb->scales[item->scale] != chart->scale)
        return pp_diag_set(diag, PP_ERR_CODEBOOK, cb->path, item->line,
                           "the battery \"%s\" mixes the scales \"%s\" and \"%s\" "
                           "([%s %s]); items charted together need one scale",
                           chart->name, chart->scale->name, cb->scales[item->scale].name,
                           pp_item_kind_name(item->kind), item->id);
    chart->items[chart->n_items++] = item;
    chart->as_written |= item->order_as_written;
    return PP_OK;
}

static pp_error add_item(plot_charts *charts, const pp_codebook *cb, const pp_item *item,
                         pp_diag *diag)
{
    const char *name = pp_chart_name(item);
    plot_chart *chart = find_chart(charts, name);
    if (chart != NULL)
        return join(chart, cb, item, diag);
    chart = &charts->charts[charts->count++];
    memset(chart, 0, sizeof *chart);
    chart->name = name;
    chart->kind = kind_of(item);
    chart->scale = chart->kind == PLOT_DIVERGING ? &cb->scales[item->scale] : NULL;
    chart->items = calloc(cb->n_items, sizeof *chart->items);
    if (chart->items == NULL)
        return pp_diag_set(diag, PP_ERR_NOMEM, NULL, 0, NULL);
    chart->items[chart->n_items++] = item;
    chart->as_written = item->order_as_written;
    return PP_OK;
}

pp_error plot_charts_build(plot_charts *charts, const pp_codebook *cb, pp_diag *diag)
{
    memset(charts, 0, sizeof *charts);
    charts->charts = calloc(cb->n_items + 1, sizeof *charts->charts);
    if (charts->charts == NULL)
        return pp_diag_set(diag, PP_ERR_NOMEM, NULL, 0, NULL);
    for (size_t i = 0; i < cb->n_items; i++) {
        if (pp_chart_name(&cb->items[i]) == NULL)
            continue;
        if (add_item(charts, cb, &cb->items[i], diag) != PP_OK)
            return diag->code;
    }
    for (size_t i = 0; i < charts->count; i++)
        if (plot_chart_titles(&charts->charts[i]) != 0)
            return pp_diag_set(diag, PP_ERR_NOMEM, NULL, 0, NULL);
    return PP_OK;
}

void plot_charts_free(plot_charts *charts)
{
    for (size_t i = 0; i < charts->count; i++) {
        plot_chart *chart = &charts->charts[i];
        for (size_t j = 0; chart->labels != NULL && j < chart->n_items; j++)
            free(chart->labels[j]);
        free(chart->labels);
        free(chart->title);
        free(chart->items);
    }
    free(charts->charts);
    memset(charts, 0, sizeof *charts);
}

/* plot_title.c: a chart's title and the names of its items within it
 * (plot_chart_titles in plot_chart.h). The title is the one the dashboard
 * gives the battery too (pp_battery_title); each bar is labelled with what
 * its item's title says after the shared question (pp_battery_labels, the
 * names the dashboard's alt text gives them). */
#include <stdlib.h>

#include "chart_name.h"
#include "plot_chart.h"

int plot_chart_titles(plot_chart *chart)
{
    const char **titles = calloc(chart->n_items + 1, sizeof *titles);
    int failed = titles == NULL;
    for (size_t i = 0; !failed && i < chart->n_items; i++)
        titles[i] = chart->items[i]->title;
    if (!failed) {
        chart->title = pp_battery_title(chart->name, titles, chart->n_items, NULL);
        chart->labels = pp_battery_labels(titles, chart->n_items);
    }
    free(titles);
    return chart->title == NULL || chart->labels == NULL ? -1 : 0;
}

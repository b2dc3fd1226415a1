/* plot_title.c: a chart's title and the names of its items within it
 * (plot_chart_titles in plot_chart.h). The title is the one the dashboard
 * gives the battery too (pp_battery_title); each bar is labelled with what
 * its item's title says after the shared question. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "chart_name.h"
#include "plot_chart.h"

static char *capitalised(const char *text)
{
    char *s = strdup(text);
    if (s != NULL && islower((unsigned char)s[0]))
        s[0] = (char)toupper((unsigned char)s[0]);
    return s;
}

int plot_chart_titles(plot_chart *chart)
{
    const char **titles = calloc(chart->n_items, sizeof *titles);
    size_t *label_at = calloc(chart->n_items, sizeof *label_at);
    chart->labels = calloc(chart->n_items, sizeof *chart->labels);
    int failed = titles == NULL || label_at == NULL || chart->labels == NULL;
    for (size_t i = 0; !failed && i < chart->n_items; i++)
        titles[i] = chart->items[i]->title;
    if (!failed)
        chart->title = pp_battery_title(chart->name, titles, chart->n_items, label_at);
    failed = failed || chart->title == NULL;
    for (size_t i = 0; !failed && i < chart->n_items; i++) {
        chart->labels[i] = capitalised(titles[i] + label_at[i]);
        failed = chart->labels[i] == NULL;
    }
    free(titles);
    free(label_at);
    return failed ? -1 : 0;
}

/* plot_title.c: a chart's title and the names of its items within it
 * (plot_chart_titles in plot_chart.h). A battery's titles usually repeat
 * one question and differ after a separator ("...cycle: planning"); the
 * question becomes the chart's title and the rest each bar's label. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "plot_chart.h"

static const char *const separators[] = {": ", " - ", " / ", " \xE2\x80\x93 "};

static size_t shared_prefix(const plot_chart *chart)
{
    const char *first = chart->items[0]->title;
    size_t n = strlen(first);
    for (size_t i = 1; i < chart->n_items; i++) {
        const char *t = chart->items[i]->title;
        size_t k = 0;
        while (k < n && t[k] == first[k])
            k++;
        n = k;
    }
    return n;
}

/* The end of the question in the shared prefix (the last separator in it
 * that leaves something after it in every title), or 0; *skip gets the
 * separator's length. */
static size_t question_end(const plot_chart *chart, size_t *skip)
{
    size_t shared = shared_prefix(chart), best = 0;
    const char *first = chart->items[0]->title;
    for (size_t s = 0; s < sizeof separators / sizeof separators[0]; s++) {
        size_t len = strlen(separators[s]);
        for (size_t at = 1; at + len <= shared; at++) {
            if (memcmp(first + at, separators[s], len) != 0 || at <= best)
                continue;
            int every = 1;
            for (size_t i = 0; i < chart->n_items; i++)
                every &= chart->items[i]->title[at + len] != '\0';
            if (every) {
                best = at;
                *skip = len;
            }
        }
    }
    return best;
}

/* "works_public" -> "Works public". */
static char *humanise(const char *name)
{
    char *s = strdup(name);
    for (char *p = s; p != NULL && *p; p++)
        if (*p == '_' || *p == '-')
            *p = ' ';
    if (s != NULL)
        s[0] = (char)toupper((unsigned char)s[0]);
    return s;
}

static char *capitalised(const char *text)
{
    char *s = strdup(text);
    if (s != NULL && islower((unsigned char)s[0]))
        s[0] = (char)toupper((unsigned char)s[0]);
    return s;
}

int plot_chart_titles(plot_chart *chart)
{
    chart->labels = calloc(chart->n_items, sizeof *chart->labels);
    if (chart->labels == NULL)
        return -1;
    size_t skip = 0;
    size_t end = chart->n_items > 1 ? question_end(chart, &skip) : 0;
    if (chart->n_items == 1)
        chart->title = strdup(chart->items[0]->title);
    else if (end > 0)
        chart->title = strndup(chart->items[0]->title, end);
    else
        chart->title = humanise(chart->name);
    if (chart->title == NULL)
        return -1;
    for (size_t i = 0; i < chart->n_items; i++) {
        const char *title = chart->items[i]->title;
        chart->labels[i] = capitalised(end > 0 ? title + end + skip : title);
        if (chart->labels[i] == NULL)
            return -1;
    }
    return 0;
}

/* report_segment_charts.c: under an item's or a battery's chart, its
 * charts by segment (plots/<chart>.by-<segment>.svg, named as in
 * segment_chart.h), each in a <details> of its own and only when
 * prepost-plot made it. The alt text says each level's result in words,
 * as the whole sample chart's does, for the levels the chart draws
 * (pp_segment_chart_levels); a chart with no level to draw is said in a
 * sentence instead. A <details> opens without a script. */
#include <stdlib.h>
#include <string.h>

#include "chart_name.h"
#include "report.h"
#include "segment_chart.h"

/* What a battery's bars are named by, as its chart labels them
 * (pp_battery_labels). NULL for one item or when out of memory: the
 * levels name the bars. */
static char **item_names(json_t *items)
{
    size_t n = json_array_size(items);
    const char **titles = n < 2 ? NULL : calloc(n + 1, sizeof *titles);
    char **names = NULL;
    if (titles == NULL)
        return NULL;
    for (size_t i = 0; i < n; i++)
        titles[i] = str(json_array_get(items, i), "title", "");
    names = pp_battery_labels(titles, n);
    free(titles);
    return names;
}

/* "Third sector: nobody (n = 0)" or its result in words. */
static void result_alt(report *r, json_t *item, const char *segment, const char *level,
                       const char *name)
{
    json_t *result = pp_segment_result(item, segment, level);
    if (result != NULL) {
        report_item_alt(r, item, result, name);
        return;
    }
    html(r, name);
    raw(r, ": nobody (n = 0)");
}

static void level_alt(report *r, json_t *items, char **names, const char *segment,
                      const char *level)
{
    json_t *item;
    size_t i;
    if (names == NULL) {
        result_alt(r, json_array_get(items, 0), segment, level, level);
        raw(r, ". ");
        return;
    }
    html(r, level);
    raw(r, ": ");
    json_array_foreach(items, i, item) {
        result_alt(r, item, segment, level, names[i]);
        raw(r, i + 1 < json_array_size(items) ? "; " : ". ");
    }
}

static void chart_title(report *r, json_t *items)
{
    const char *battery = str(json_array_get(items, 0), "battery", NULL);
    if (json_array_size(items) > 1 && battery != NULL)
        report_battery_title(r, items, battery);
    else
        html(r, str(json_array_get(items, 0), "title", ""));
}

static bool asked_of_one_level(json_t *items)
{
    json_t *item;
    size_t i;
    json_array_foreach(items, i, item)
        if (json_is_object(json_object_get(item, "among")))
            return true;
    return false;
}

/* The chart, its alt text level by level, and its PNG if there is one. */
static void figure(report *r, json_t *items, const pp_segment *seg, const char *name,
                   const char **levels, long n)
{
    char **names = item_names(items), png[176];
    rawf(r, "<figure>\n<img src=\"plots/%s.svg\" alt=\"", name);
    chart_title(r, items);
    raw(r, ", by ");
    html(r, seg->name);
    if (json_array_size(items) > 1)
        rawf(r, ", %zu items charted together", json_array_size(items));
    raw(r, ". ");
    for (long l = 0; l < n; l++)
        level_alt(r, items, names, seg->name, levels[l]);
    raw(r, "\">\n");
    snprintf(png, sizeof png, "%s.png", name);
    if (report_file_exists(r->plots_dir, png)) {
        rawf(r, "<figcaption><a href=\"plots/%s\">The chart by ", png);
        html(r, seg->name);
        raw(r, " as a picture (PNG)</a></figcaption>\n");
    }
    raw(r, "</figure>\n");
    pp_battery_labels_free(names);
}

static void segment_chart(report *r, json_t *items, const pp_segment *seg, const char *name)
{
    const char **levels = NULL;
    long n = pp_segment_chart_levels(seg, r->results, items, &levels);
    raw(r, "<details class=\"by-segment\">\n<summary>The chart by ");
    html(r, seg->name);
    raw(r, "</summary>\n");
    if (n > 0) {
        figure(r, items, seg, name, levels, n);
    } else {
        raw(r, "<p class=\"note\">No chart by ");
        html(r, seg->name);
        rawf(r, ": %s is in any of its levels.</p>\n",
             asked_of_one_level(items) ? "no one asked" : "nobody");
    }
    raw(r, "</details>\n");
    free(levels);
}

void report_segment_charts(report *r, json_t *items, const char *chart)
{
    char name[160], file[168];
    for (size_t s = 0; r->cb != NULL && s < r->cb->n_segments; s++) {
        const pp_segment *seg = &r->cb->segments[s];
        if (pp_segment_chart_name(name, sizeof name, chart, seg->name) != 0)
            continue;
        snprintf(file, sizeof file, "%s.svg", name);
        if (report_file_exists(r->plots_dir, file))
            segment_chart(r, items, seg, name);
    }
}

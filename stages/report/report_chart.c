/* report_chart.c: an item's or a battery's chart, linked as
 * plots/<chart>.svg when prepost-plot made it, with alt text that says the
 * result in words, and under it its charts by segment
 * (report_segment_charts.c); when there is no chart, a sentence that says
 * so. */
#include <math.h>
#include <string.h>

#include "plain_words.h"
#include "report.h"

/* "rose from 28% to 70%", "fell from ...", "stayed at 40%". */
static void paired_alt(report *r, json_t *item, json_t *whole)
{
    char top[256], a[16], b[16];
    report_levels_phrase(item, "top", top, sizeof top);
    double before = num(whole, "top_before"), after = num(whole, "top_after");
    words_pct(a, sizeof a, before);
    words_pct(b, sizeof b, after);
    raw(r, ", before and after: ");
    html(r, top);
    if (strcmp(a, b) == 0)
        rawf(r, " stayed at %s", a);
    else
        rawf(r, " %s from %s to %s", after > before ? "rose" : "fell", a, b);
}

static void single_alt(report *r, json_t *item, json_t *whole)
{
    char top[256], bottom[256], p[16], n[16], m[16];
    report_levels_phrase(item, "top", top, sizeof top);
    report_levels_phrase(item, "bottom", bottom, sizeof bottom);
    rawf(r, ": %s ", words_pct(p, sizeof p, num(whole, "positive")));
    html(r, top);
    rawf(r, ", %s neutral, %s ", words_pct(n, sizeof n, num(whole, "neutral")),
         words_pct(m, sizeof m, num(whole, "negative")));
    html(r, bottom);
}

static void multi_alt(report *r, json_t *item, json_t *whole)
{
    json_t *option;
    size_t i;
    char p[16];
    raw(r, ":");
    json_array_foreach(json_object_get(item, "options"), i, option) {
        raw(r, i ? "; " : " ");
        html(r, json_string_value(option));
        rawf(r, " %s", words_pct(p, sizeof p, num_at(whole, "pct", i)));
    }
}

void report_item_alt(report *r, json_t *item, json_t *whole, const char *name)
{
    const char *kind = str(item, "kind", "");
    html(r, name);
    if (strcmp(kind, "paired") == 0)
        paired_alt(r, item, whole);
    else if (strcmp(kind, "single") == 0)
        single_alt(r, item, whole);
    else if (strcmp(kind, "multi") == 0)
        multi_alt(r, item, whole);
    if (json_is_true(json_object_get(whole, "small_base")))
        rawf(r, " (base %lld, too small to conclude from)",
             (long long)json_integer_value(json_object_get(whole, "base")));
}

static void alt_text(report *r, json_t *items)
{
    json_t *item;
    size_t i;
    if (json_array_size(items) > 1)
        rawf(r, "%zu items charted together. ", json_array_size(items));
    json_array_foreach(items, i, item) {
        report_item_alt(r, item, json_array_get(json_object_get(item, "results"), 0),
                        str(item, "title", ""));
        raw(r, ". ");
    }
}

void report_chart(report *r, json_t *items)
{
    char chart[128], file[160];
    report_chart_name(json_array_get(items, 0), chart, sizeof chart);
    snprintf(file, sizeof file, "%s.svg", chart);
    if (!report_file_exists(r->plots_dir, file)) {
        rawf(r, "<p class=\"note\">No chart: the chart plots/%s was not made "
                "(run prepost-plot to draw it). The figures are in the table below.</p>\n",
             file);
        return;
    }
    rawf(r, "<figure>\n<img src=\"plots/%s\" alt=\"", file);
    alt_text(r, items);
    raw(r, "\">\n");
    snprintf(file, sizeof file, "%s.png", chart);
    if (report_file_exists(r->plots_dir, file))
        rawf(r, "<figcaption><a href=\"plots/%s\">The chart as a picture (PNG)</a>"
                "</figcaption>\n", file);
    raw(r, "</figure>\n");
    report_segment_charts(r, items, chart);
}

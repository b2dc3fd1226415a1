/* report_segments.c: an item per segment level (a row each, small bases
 * flagged) and the tests between the segments, in words. */
#include <string.h>

#include "plain_words.h"
#include "report.h"

static void header_row(report *r, json_t *item, const char *kind)
{
    raw(r, "<tr><th scope=\"col\">Segment</th><th scope=\"col\">Level</th>"
           "<th scope=\"col\">Base</th>");
    if (strcmp(kind, "paired") == 0) {
        raw(r, "<th scope=\"col\">Top box before</th><th scope=\"col\">Top box after</th>"
               "<th scope=\"col\">Mean shift</th><th scope=\"col\">Result</th>");
    } else if (strcmp(kind, "single") == 0) {
        raw(r, "<th scope=\"col\">Positive</th><th scope=\"col\">Neutral</th>"
               "<th scope=\"col\">Negative</th><th scope=\"col\">Result</th>");
    } else {
        json_t *option;
        size_t i;
        json_array_foreach(json_object_get(item, "options"), i, option) {
            raw(r, "<th scope=\"col\">");
            html(r, json_string_value(option));
            raw(r, "</th>");
        }
    }
    raw(r, "</tr>\n");
}

static void result_cell(report *r, json_t *res, const char *kind)
{
    char words[200], p[32];
    long base = (long)json_integer_value(json_object_get(res, "base"));
    if (json_is_true(json_object_get(res, "small_base")))
        rawf(r, "<td class=\"flag\">%s</td>", words_small_base(words, sizeof words, base, r->min_base));
    else if (strcmp(kind, "paired") == 0)
        rawf(r, "<td>%s</td>", words_shift(words, sizeof words, num(res, "wilcoxon_p"),
                                           num(res, "wilcoxon_p_holm"), num(res, "mean_shift")));
    else if (num(res, "positive_vs_negative_p_holm") < WORDS_ALPHA)
        rawf(r, "<td>significantly %s (%s, Holm-adjusted)</td>",
             num(res, "positive") > num(res, "negative") ? "positive" : "negative",
             words_p(p, sizeof p, num(res, "positive_vs_negative_p_holm")));
    else
        raw(r, "<td>neither significantly positive nor negative</td>");
}

static void segment_row(report *r, json_t *item, json_t *res, const char *kind)
{
    char a[16], b[16], c[16];
    raw(r, "<tr><td>");
    html(r, str(res, "segment", ""));
    raw(r, "</td><th scope=\"row\">");
    html(r, str(res, "level", ""));
    rawf(r, "</th><td>%lld</td>", (long long)json_integer_value(json_object_get(res, "base")));
    if (strcmp(kind, "paired") == 0) {
        rawf(r, "<td>%s</td><td>%s</td><td>%s</td>", words_pct(a, sizeof a, num(res, "top_before")),
             words_pct(b, sizeof b, num(res, "top_after")),
             words_signed(c, sizeof c, num(res, "mean_shift")));
        result_cell(r, res, kind);
    } else if (strcmp(kind, "single") == 0) {
        rawf(r, "<td>%s</td><td>%s</td><td>%s</td>", words_pct(a, sizeof a, num(res, "positive")),
             words_pct(b, sizeof b, num(res, "neutral")), words_pct(c, sizeof c, num(res, "negative")));
        result_cell(r, res, kind);
    } else {
        for (size_t i = 0; i < json_array_size(json_object_get(item, "options")); i++)
            rawf(r, "<td>%s</td>", words_pct(a, sizeof a, num_at(res, "pct", i)));
    }
    raw(r, "</tr>\n");
}

static void between(report *r, json_t *item)
{
    json_t *tests = json_object_get(item, "between_segments"), *t;
    size_t i;
    char words[200];
    if (json_array_size(tests) == 0)
        return;
    raw(r, "<ul class=\"between\">\n");
    json_array_foreach(tests, i, t) {
        raw(r, "<li>Between levels of ");
        html(r, str(t, "segment", ""));
        raw(r, " (");
        html(r, str(t, "compared", "answers"));
        raw(r, "): ");
        if (json_is_null(json_object_get(t, "rank_p")) && json_is_null(json_object_get(t, "homogeneity_p"))) {
            raw(r, "not tested: ");
            html(r, str(json_object_get(t, "notes"), "rank_p", "too few answers"));
        } else {
            html(r, str(t, "rank_test", "rank test"));
            rawf(r, ": %s; ", words_between(words, sizeof words, num(t, "rank_p"), num(t, "rank_p_holm")));
            html(r, str(t, "homogeneity_method", "homogeneity test"));
            rawf(r, ": %s", words_between(words, sizeof words, num(t, "homogeneity_p"),
                                          num(t, "homogeneity_p_holm")));
        }
        raw(r, ".</li>\n");
    }
    raw(r, "</ul>\n");
}

void report_segments(report *r, json_t *item)
{
    json_t *results = json_object_get(item, "results");
    const char *kind = str(item, "kind", "");
    if (json_array_size(results) < 2)
        return;
    rawf(r, "<h%d>By segment</h%d>\n<div class=\"scroll\"><table class=\"segments\">\n"
            "<caption>Each segment level on its own; small bases are flagged</caption>\n",
         r->h + 1, r->h + 1);
    header_row(r, item, kind);
    for (size_t i = 1; i < json_array_size(results); i++)
        segment_row(r, item, json_array_get(results, i), kind);
    raw(r, "</table></div>\n");
    between(r, item);
}

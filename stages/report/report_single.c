/* report_single.c: a one-time item: positive, neutral and negative in
 * words (and whether it is significantly positive or negative), and the
 * share of each answer with its Wilson interval. */
#include <math.h>

#include "plain_words.h"
#include "report.h"

static void answer_row(report *r, const char *label, json_t *whole, size_t k)
{
    char p[16], lo[16], hi[16];
    json_t *ci = json_array_get(json_object_get(whole, "pct_ci"), k);
    raw(r, "<tr><th scope=\"row\">");
    html(r, label);
    rawf(r, "</th><td>%lld</td><td>%s</td><td>%s to %s</td></tr>\n",
         (long long)json_integer_value(json_array_get(json_object_get(whole, "counts"), k)),
         words_pct1(p, sizeof p, num_at(whole, "pct", k)),
         words_pct1(lo, sizeof lo, json_number_value(json_array_get(ci, 0))),
         words_pct1(hi, sizeof hi, json_number_value(json_array_get(ci, 1))));
}

static void shares_table(report *r, json_t *item, json_t *whole)
{
    json_t *scale = json_object_get(item, "scale"), *level;
    size_t k;
    char p[16];
    rawf(r, "<div class=\"scroll\"><table>\n<caption>Answers of the %lld respondents "
            "who gave one</caption>\n<tr><th scope=\"col\">Answer</th>"
            "<th scope=\"col\">Count</th><th scope=\"col\">Share</th>"
            "<th scope=\"col\">95%% interval</th></tr>\n",
         (long long)json_integer_value(json_object_get(whole, "n")));
    json_array_foreach(json_object_get(scale, "levels"), k, level)
        answer_row(r, json_string_value(level), whole, k);
    json_array_foreach(json_object_get(scale, "missing"), k, level) {
        const char *label = json_string_value(level);
        raw(r, "<tr class=\"apart\"><th scope=\"row\">");
        html(r, label);
        rawf(r, " <span class=\"kind\">(of all who answered; not in the shares)</span>"
                "</th><td>%lld</td><td>%s</td><td></td></tr>\n",
             (long long)json_integer_value(json_array_get(json_object_get(whole, "missing_counts"), k)),
             words_pct1(p, sizeof p, num(json_object_get(whole, "missing"), label)));
    }
    raw(r, "</table></div>\n");
}

/* "significantly positive (p < 0.001, Holm-adjusted)" or "neither ...". */
static void balance(report *r, json_t *whole)
{
    char p[32], q[32];
    double raw_p = num(whole, "positive_vs_negative_p"), holm = num(whole, "positive_vs_negative_p_holm");
    double lean = num(whole, "positive") - num(whole, "negative");
    if (isnan(holm)) {
        raw(r, "Whether it leans positive or negative was not tested.");
        return;
    }
    words_p(p, sizeof p, holm);
    words_p(q, sizeof q, raw_p);
    if (holm < WORDS_ALPHA && lean != 0)
        rawf(r, "<strong>Significantly %s</strong> (%s, Holm-adjusted).",
             lean > 0 ? "positive" : "negative", p);
    else
        rawf(r, "<strong>Neither significantly positive nor negative</strong> "
                "(%s, Holm-adjusted; %s unadjusted).", p, q);
}

void report_single(report *r, json_t *item)
{
    json_t *whole = json_array_get(json_object_get(item, "results"), 0);
    char top[256], bottom[256], a[16], b[16], c[16], words[160];
    long base = (long)json_integer_value(json_object_get(whole, "base"));
    report_levels_phrase(item, "top", top, sizeof top);
    report_levels_phrase(item, "bottom", bottom, sizeof bottom);
    raw(r, "<p class=\"verdict\">");
    if (json_is_true(json_object_get(whole, "small_base")))
        rawf(r, "<strong>%s</strong>. ", words_small_base(words, sizeof words, base, r->min_base));
    rawf(r, "Positive %s (", words_pct(a, sizeof a, num(whole, "positive")));
    html(r, top);
    rawf(r, "), neutral %s, negative %s (", words_pct(b, sizeof b, num(whole, "neutral")),
         words_pct(c, sizeof c, num(whole, "negative")));
    html(r, bottom);
    raw(r, "). ");
    if (!json_is_true(json_object_get(whole, "small_base")))
        balance(r, whole);
    raw(r, "</p>\n");
    shares_table(r, item, whole);
}

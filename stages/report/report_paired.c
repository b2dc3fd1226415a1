/* report_paired.c: a before-and-after item: the shares before and after,
 * the verdict of the Wilcoxon signed-rank test in words, the mean shift and
 * the top-box shift with their intervals. */
#include <math.h>

#include "plain_words.h"
#include "report.h"

static void shares_table(report *r, json_t *item, json_t *whole)
{
    json_t *scale = json_object_get(item, "scale"), *level;
    size_t k;
    char a[16], b[16];
    rawf(r, "<div class=\"scroll\"><table>\n<caption>Shares before and after, of the "
            "%lld respondents who answered both times</caption>\n"
            "<tr><th scope=\"col\">Answer</th><th scope=\"col\">Before</th>"
            "<th scope=\"col\">After</th></tr>\n",
         (long long)json_integer_value(json_object_get(whole, "n_pairs")));
    json_array_foreach(json_object_get(scale, "levels"), k, level) {
        raw(r, "<tr><th scope=\"row\">");
        html(r, json_string_value(level));
        rawf(r, "</th><td>%s</td><td>%s</td></tr>\n",
             words_pct1(a, sizeof a, num_at(whole, "pct_before", k)),
             words_pct1(b, sizeof b, num_at(whole, "pct_after", k)));
    }
    json_array_foreach(json_object_get(scale, "missing"), k, level) {
        const char *label = json_string_value(level);
        raw(r, "<tr class=\"apart\"><th scope=\"row\">");
        html(r, label);
        rawf(r, " <span class=\"kind\">(of all who answered; not in the shares)</span>"
                "</th><td>%s</td><td>%s</td></tr>\n",
             words_pct1(a, sizeof a, num(json_object_get(whole, "missing_before"), label)),
             words_pct1(b, sizeof b, num(json_object_get(whole, "missing_after"), label)));
    }
    raw(r, "</table></div>\n");
}

/* The reason a statistic is null, from the result's notes. */
static void why_not(report *r, json_t *whole, const char *statistic)
{
    raw(r, "not available: ");
    html(r, str(json_object_get(whole, "notes"), statistic, "it could not be computed"));
}

static void mean_shift(report *r, json_t *whole)
{
    char s[16], lo[16], hi[16];
    rawf(r, "<li>The mean score moved from %.2f to %.2f, a shift of %s",
         num(whole, "mean_before"), num(whole, "mean_after"),
         words_signed(s, sizeof s, num(whole, "mean_shift")));
    double low = num_at(whole, "mean_shift_ci", 0), high = num_at(whole, "mean_shift_ci", 1);
    if (isnan(low)) {
        raw(r, " (95% confidence interval ");
        why_not(r, whole, "mean_shift_ci");
        raw(r, ").</li>\n");
    } else {
        rawf(r, " (95%% confidence interval %s to %s).</li>\n",
             words_signed(lo, sizeof lo, low), words_signed(hi, sizeof hi, high));
    }
}

static void top_shift(report *r, json_t *item, json_t *whole)
{
    char top[256], a[16], b[16], words[160];
    report_levels_phrase(item, "top", top, sizeof top);
    raw(r, "<li>");
    html(r, top);
    rawf(r, ": %s before, %s after, ", words_pct(a, sizeof a, num(whole, "top_before")),
         words_pct(b, sizeof b, num(whole, "top_after")));
    double shift = num(whole, "top_shift_pp");
    double low = num_at(whole, "top_shift_ci", 0), high = num_at(whole, "top_shift_ci", 1);
    rawf(r, "a change of %+.0f percentage points", shift + 0.0);
    if (isnan(low)) {
        raw(r, " (95% confidence interval ");
        why_not(r, whole, "top_shift_ci");
        raw(r, ")");
    } else {
        rawf(r, " (95%% confidence interval %+.0f to %+.0f)", low + 0.0, high + 0.0);
    }
    rawf(r, "; McNemar test: %s.</li>\n",
         words_shift(words, sizeof words, num(whole, "mcnemar_p"),
                     num(whole, "mcnemar_p_holm"), shift));
}

static void verdict(report *r, json_t *whole)
{
    char words[200];
    long base = (long)json_integer_value(json_object_get(whole, "base"));
    raw(r, "<p class=\"verdict\">");
    if (json_is_true(json_object_get(whole, "small_base")))
        rawf(r, "<strong>%s</strong>.", words_small_base(words, sizeof words, base, r->min_base));
    else
        rawf(r, "<strong>%s</strong>, by the Wilcoxon signed-rank test on %ld pairs.",
             words_shift(words, sizeof words, num(whole, "wilcoxon_p"),
                         num(whole, "wilcoxon_p_holm"), num(whole, "mean_shift")),
             base);
    raw(r, "</p>\n");
}

void report_paired(report *r, json_t *item)
{
    json_t *whole = json_array_get(json_object_get(item, "results"), 0);
    verdict(r, whole);
    raw(r, "<ul class=\"facts\">\n");
    rawf(r, "<li>%lld improved, %lld unchanged, %lld worsened.</li>\n",
         (long long)json_integer_value(json_object_get(whole, "improved")),
         (long long)json_integer_value(json_object_get(whole, "unchanged")),
         (long long)json_integer_value(json_object_get(whole, "worsened")));
    mean_shift(r, whole);
    top_shift(r, item, whole);
    raw(r, "</ul>\n");
    shares_table(r, item, whole);
}

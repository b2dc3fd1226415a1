/* report_multi.c: a tick-all-that-apply item: each option's count and
 * share of respondents with its Wilson interval. */
#include "plain_words.h"
#include "report.h"

void report_multi(report *r, json_t *item)
{
    json_t *whole = json_array_get(json_object_get(item, "results"), 0), *option;
    size_t i;
    char p[16], lo[16], hi[16], words[160];
    long base = (long)json_integer_value(json_object_get(whole, "base"));
    if (json_is_true(json_object_get(whole, "small_base")))
        rawf(r, "<p class=\"verdict\"><strong>%s</strong>.</p>\n",
             words_small_base(words, sizeof words, base, r->min_base));
    rawf(r, "<div class=\"scroll\"><table>\n<caption>Options ticked, of %lld respondents "
            "(one may tick several)</caption>\n<tr><th scope=\"col\">Option</th>"
            "<th scope=\"col\">Count</th><th scope=\"col\">Share of respondents</th>"
            "<th scope=\"col\">95%% interval</th></tr>\n",
         (long long)json_integer_value(json_object_get(whole, "respondents")));
    json_array_foreach(json_object_get(item, "options"), i, option) {
        json_t *ci = json_array_get(json_object_get(whole, "pct_ci"), i);
        raw(r, "<tr><th scope=\"row\">");
        html(r, json_string_value(option));
        rawf(r, "</th><td>%lld</td><td>%s</td><td>%s to %s</td></tr>\n",
             (long long)json_integer_value(json_array_get(json_object_get(whole, "counts"), i)),
             words_pct1(p, sizeof p, num_at(whole, "pct", i)),
             words_pct1(lo, sizeof lo, json_number_value(json_array_get(ci, 0))),
             words_pct1(hi, sizeof hi, json_number_value(json_array_get(ci, 1))));
    }
    raw(r, "</table></div>\n");
}

/* results_single.c: the results of a `single` item in one slot (SPEC §5):
 * n, counts and pct per level with Wilson 95% intervals, positive (top),
 * neutral, negative (bottom), each missing label's share of all who
 * answered, mean and median code. Beyond SPEC §5, `positive_vs_negative_p`
 * asks whether opinion leans one way: binom.test(positive, positive +
 * negative), the sign test of a one-time rating against its neutral middle
 * (an evaluation's "significantly positive"). */
#include <stdlib.h>

#include "codes.h"
#include "paired.h"
#include "results.h"
#include "single_item.h"

void pp_results_shares(pp_results *r, const char *key, const pp_share *shares, size_t n)
{
    char ci_key[96];
    snprintf(ci_key, sizeof ci_key, "%s_ci", key);
    pp_json_key(&r->json, key);
    pp_json_begin_array(&r->json);
    for (size_t i = 0; i < n; i++)
        shares[i].available ? pp_json_number(&r->json, shares[i].pct) : pp_json_null(&r->json);
    pp_json_end_array(&r->json);
    pp_json_key(&r->json, ci_key);
    pp_json_begin_array(&r->json);
    for (size_t i = 0; i < n; i++) {
        if (!shares[i].available) {
            pp_json_null(&r->json);
            continue;
        }
        pp_json_begin_array(&r->json);
        pp_json_number(&r->json, shares[i].pct_lower);
        pp_json_number(&r->json, shares[i].pct_upper);
        pp_json_end_array(&r->json);
    }
    pp_json_end_array(&r->json);
}

static void write_counts(pp_results *r, const char *key, const long *counts, size_t n)
{
    pp_json_key(&r->json, key);
    pp_json_begin_array(&r->json);
    for (size_t i = 0; i < n; i++)
        pp_json_integer(&r->json, counts[i]);
    pp_json_end_array(&r->json);
}

/* `missing: {label: pct of all who answered}`, each missing label apart. */
static void write_missing(pp_results *r, const char *key, const pp_scale *s,
                          const pp_share *shares)
{
    pp_json_key(&r->json, key);
    pp_json_begin_object(&r->json);
    for (size_t m = 0; m < s->missing.count; m++)
        pp_results_number(r, s->missing.items[m], shares[m].available, shares[m].pct);
    pp_json_end_object(&r->json);
}

static void write_lean(pp_results *r, const pp_scale *s, const long *levels)
{
    long positive = 0, negative = 0;
    for (size_t k = 0; k < s->levels.count; k++) {
        positive += s->is_top[k] ? levels[k] : 0;
        negative += s->is_bottom[k] ? levels[k] : 0;
    }
    int available = positive + negative > 0;
    pp_results_p(r, "positive_vs_negative_p", available,
                 available ? pp_binomial_two_sided_p((double)positive,
                                                     (double)(positive + negative)) : 0);
    if (!available)
        pp_results_note(r, "positive_vs_negative_p", "nobody answered positively or negatively");
}

void pp_results_single(pp_results *r, size_t item, size_t slot)
{
    const pp_item_counts *ic = &r->view->items[item];
    const pp_scale *s = ic->scale;
    const uint64_t *raw = ic->by_slot[slot];
    size_t K = s->levels.count, M = s->missing.count;
    long *levels = calloc(K + M + 1, sizeof *levels);
    pp_share *shares = calloc(K + M + 1, sizeof *shares);
    if (levels == NULL || shares == NULL) {
        r->out_of_memory = true;
        goto cleanup;
    }
    long *missing = levels + K;
    for (size_t k = 0; raw && k < K; k++)
        levels[k] = (long)raw[pp_code_level(s, k + 1)];
    for (size_t m = 0; raw && m < M; m++)
        missing[m] = (long)raw[m];
    pp_single_counts in = {(int)K, levels, s->is_top, s->is_bottom, (int)M, missing};
    pp_single_summary sum = pp_single_item_summary(&in, shares, shares + K);
    pp_results_count(r, "n", sum.available ? sum.n : 0);
    pp_results_count(r, "no_answer", raw ? (long long)raw[pp_code_no_answer(s)] : 0);
    write_counts(r, "counts", levels, K);
    pp_results_shares(r, "pct", shares, K);
    pp_results_number(r, "positive", sum.available, sum.positive);
    pp_results_number(r, "neutral", sum.available, sum.neutral);
    pp_results_number(r, "negative", sum.available, sum.negative);
    write_counts(r, "missing_counts", missing, M);
    write_missing(r, "missing", s, shares + K);
    pp_results_number(r, "missing_total", sum.missing_available, sum.missing);
    write_lean(r, s, levels);
    pp_results_number(r, "mean", sum.available, sum.mean);
    pp_results_number(r, "median", sum.available, sum.median);
    if (!sum.available)
        pp_results_note(r, "n", sum.reason);
cleanup:
    free(levels);
    free(shares);
}

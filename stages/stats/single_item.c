/* single_item.c: summary of one single-answer item from its counts per code.
 * Each figure matches the R expression in scripts/stats-reference-segments.R
 * on the expanded answers x = rep(1:K, counts): 100 * counts / n, mean(x),
 * median(x) (an even n averages the two middle codes), prop.test(count, n,
 * correct = FALSE)$conf.int for each level. */
#include "single_item.h"

#include <stddef.h>

/* The code at 1-based position `rank` of the sorted answers. */
static int code_at_rank(const long *counts, int n_levels, long rank)
{
    long seen = 0;
    for (int k = 0; k < n_levels; k++) {
        seen += counts[k];
        if (seen >= rank)
            return k + 1;
    }
    return n_levels;
}

static double median_code(const long *counts, int n_levels, long n)
{
    if (n % 2 == 1)
        return code_at_rank(counts, n_levels, (n + 1) / 2);
    int low = code_at_rank(counts, n_levels, n / 2);
    int high = code_at_rank(counts, n_levels, n / 2 + 1);
    return (low + high) / 2.0;
}

static bool counts_valid(const long *counts, int n)
{
    if (n > 0 && counts == NULL)
        return false;
    for (int i = 0; i < n; i++)
        if (counts[i] < 0)
            return false;
    return true;
}

static void fill_level_shares(const pp_single_counts *item, long n,
                              pp_share *level_shares)
{
    for (int k = 0; k < item->n_levels; k++)
        level_shares[k] = pp_share_of(item->counts[k], n);
}

static void fill_missing_shares(const pp_single_counts *item, long answered,
                                pp_share *missing_shares)
{
    for (int m = 0; m < item->n_missing_levels; m++)
        missing_shares[m] = pp_share_of(item->missing_counts[m], answered);
}

pp_single_summary pp_single_item_summary(const pp_single_counts *item,
                                         pp_share *level_shares,
                                         pp_share *missing_shares)
{
    pp_single_summary s = { .available = false };
    if (item == NULL || item->n_levels < 1 || item->n_missing_levels < 0 ||
        !counts_valid(item->counts, item->n_levels) ||
        !counts_valid(item->missing_counts, item->n_missing_levels)) {
        s.reason = "invalid counts";
        return s;
    }
    long n = 0, missing = 0, top = 0, bottom = 0;
    double code_sum = 0;
    for (int k = 0; k < item->n_levels; k++) {
        long c = item->counts[k];
        n += c;
        code_sum += (double)c * (k + 1);
        if (item->is_top && item->is_top[k])
            top += c;
        else if (item->is_bottom && item->is_bottom[k])
            bottom += c;
    }
    for (int m = 0; m < item->n_missing_levels; m++)
        missing += item->missing_counts[m];
    s.n = n;
    s.answered = n + missing;
    if (level_shares)
        fill_level_shares(item, n, level_shares);
    if (missing_shares)
        fill_missing_shares(item, s.answered, missing_shares);
    if (s.answered > 0) {
        s.missing_available = true;
        s.missing = 100.0 * (double)missing / (double)s.answered;
    }
    if (n == 0) {
        s.reason = "no answers on the scale (n = 0)";
        return s;
    }
    s.available = true;
    s.positive = 100.0 * (double)top / (double)n;
    s.negative = 100.0 * (double)bottom / (double)n;
    s.neutral = 100.0 * (double)(n - top - bottom) / (double)n;
    s.mean = code_sum / (double)n;
    s.median = median_code(item->counts, item->n_levels, n);
    return s;
}

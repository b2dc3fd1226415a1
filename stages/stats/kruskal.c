/* kruskal.c: Kruskal-Wallis rank-sum test from counts per level, in
 * O(groups x K). Matches R's kruskal.test(list of the non-empty groups'
 * answers rep(1:K, counts)):
 *   H = (12 / (N (N + 1)) sum_g R_g^2 / n_g - 3 (N + 1)) / (1 - sum(t^3 - t) / (N^3 - N))
 * with R_g the sum of group g's midranks, df = groups - 1,
 * p = pchisq(H, df, lower.tail = FALSE). */
#include "kruskal.h"

#include <stdlib.h>

#include "chisq.h"
#include "midranks.h"

static pp_kruskal kw_not_available(const char *reason)
{
    pp_kruskal none = { .available = false, .reason = reason };
    return none;
}

/* sum over groups of (rank sum)^2 / size, and how many groups have answers */
static double weighted_rank_sums(const long *counts, int n_groups, int n_levels,
                                 const double *midrank, int *groups)
{
    double sum = 0;
    *groups = 0;
    for (int g = 0; g < n_groups; g++) {
        const long *row = counts + (long)g * n_levels;
        double size = 0, rank_sum = 0;
        for (int k = 0; k < n_levels; k++) {
            size += (double)row[k];
            rank_sum += (double)row[k] * midrank[k];
        }
        if (size > 0) {
            sum += rank_sum * rank_sum / size;
            (*groups)++;
        }
    }
    return sum;
}

pp_kruskal pp_kruskal_test(const long *counts, int n_groups, int n_levels)
{
    if (n_groups < 1 || n_levels < 1)
        return kw_not_available("no segments or no levels");
    for (long i = 0; i < (long)n_groups * n_levels; i++)
        if (counts[i] < 0)
            return kw_not_available("invalid counts");
    double *totals = calloc((size_t)n_levels, sizeof *totals);
    double *midrank = malloc(sizeof *midrank * (size_t)n_levels);
    if (!totals || !midrank) {
        free(totals);
        free(midrank);
        return kw_not_available("out of memory");
    }
    double N = 0;
    for (int g = 0; g < n_groups; g++)
        for (int k = 0; k < n_levels; k++)
            totals[k] += (double)counts[(long)g * n_levels + k];
    for (int k = 0; k < n_levels; k++)
        N += totals[k];
    pp_midranks(totals, n_levels, midrank);
    double tie_term = pp_tie_term(totals, n_levels);
    int groups;
    double weighted = weighted_rank_sums(counts, n_groups, n_levels, midrank, &groups);
    free(totals);
    free(midrank);

    if (groups < 2)
        return kw_not_available("fewer than two segments have answers");
    double tie_denominator = 1 - tie_term / (N * N * N - N);
    if (tie_denominator <= 0)
        return kw_not_available("every answer is in the same level");

    pp_kruskal r = { .available = true, .groups = groups, .df = groups - 1 };
    r.statistic = (12 * weighted / (N * (N + 1)) - 3 * (N + 1)) / tie_denominator;
    if (r.statistic < 0)    /* rounding when every group has the same ranks */
        r.statistic = 0;
    r.p = pp_chisq_upper_p(r.statistic, r.df);
    return r;
}

/* rank_sum_exact.c: P(W <= q) for the Wilcoxon-Mann-Whitney statistic
 * W = (sum of the first sample's ranks) - m(m+1)/2, when all m + n values
 * are distinct; matches R's pwilcox(q, m, n). Every choice of which m of
 * the ranks 1..m+n belong to the first sample is equally likely, so count
 * the m-subsets by their rank sum (a subset-sum table built one rank at a
 * time, additions only, so no cancellation) and divide by their number,
 * choose(m+n, m).
 * Like R, sums over the shorter tail: P(W <= q) = 1 - P(W <= mn - q - 1). */
#include "rank_sum_exact.h"

#include <math.h>
#include <stdlib.h>

/* ways[j * (max_sum + 1) + s] = number of j-subsets of 1..m+n with sum s. */
static double *count_subsets_by_sum(int m, int n, long max_sum)
{
    long width = max_sum + 1;
    double *ways = calloc((size_t)(m + 1) * (size_t)width, sizeof *ways);
    if (ways == NULL)
        return NULL;
    ways[0] = 1;
    for (int rank = 1; rank <= m + n; rank++)
        for (int j = rank < m ? rank : m; j >= 1; j--)
            for (long s = max_sum; s >= rank; s--)
                ways[j * width + s] += ways[(j - 1) * width + s - rank];
    return ways;
}

/* P(W <= q) with 0 <= q, summing the lower tail directly. */
static double lower_tail_sum(const double *ways_m, int m, int n, long q)
{
    long offset = (long)m * (m + 1) / 2;
    double count = 0;
    for (long w = 0; w <= q && w <= (long)m * n; w++)
        count += ways_m[w + offset];
    double all = 0;     /* choose(m + n, m), as the same sum of counts */
    for (long w = 0; w <= (long)m * n; w++)
        all += ways_m[w + offset];
    return count / all;
}

double pp_rank_sum_lower_tail(double q, int m, int n)
{
    if (m < 1 || n < 1 || m > PP_RANK_SUM_EXACT_MAX || n > PP_RANK_SUM_EXACT_MAX)
        return -1;
    double q_floor = floor(q + 1e-7);
    long mn = (long)m * n;
    if (q_floor < 0)
        return 0;
    if (q_floor >= mn)
        return 1;
    long max_sum = (long)m * (m + n) - (long)m * (m - 1) / 2;
    double *ways = count_subsets_by_sum(m, n, max_sum);
    if (ways == NULL)
        return -1;
    const double *ways_m = ways + (long)m * (max_sum + 1);
    double p;
    if (q_floor <= mn / 2.0)
        p = lower_tail_sum(ways_m, m, n, (long)q_floor);
    else    /* W is symmetric about mn/2: P(W > q) = P(W < mn - q) */
        p = 1 - lower_tail_sum(ways_m, m, n, mn - (long)q_floor - 1);
    free(ways);
    return p;
}

/* signrank.c: the exact null distribution of the Wilcoxon signed-rank
 * statistic V for n untied, non-zero differences, as R's psignrank(q, n).
 * Under the null each rank 1..n is positive with probability 1/2, so
 * P(V = s) = (number of subsets of {1..n} summing to s) / 2^n. The subset
 * counts come from the usual dynamic programme (add one rank at a time),
 * over sums up to n(n+1)/4 only: the distribution is symmetric. */
#include <stdlib.h>

#include <math.h>

#include "paired.h"

/* counts[s] = number of subsets of {1..n} with sum s, for s = 0..max_sum.
 * Doubles hold them exactly up to 2^53, far beyond n < 50. */
static double *subset_sum_counts(int n, int max_sum)
{
    double *counts = calloc((size_t)max_sum + 1, sizeof *counts);
    if (counts == NULL)
        return NULL;
    counts[0] = 1;
    for (int rank = 1; rank <= n; rank++)
        for (int s = max_sum; s >= rank; s--)
            counts[s] += counts[s - rank];
    return counts;
}

int pp_signrank_cdf(double q, int n, double *prob)
{
    if (n < 0 || n > 1000 || isnan(q))
        return -1;
    double total = n * (n + 1.0) / 2;
    q = nearbyint(q + 1e-7);           /* as R: a q just below an integer is that integer */
    if (q < 0) {
        *prob = 0;
        return 0;
    }
    if (q >= total) {
        *prob = 1;
        return 0;
    }
    /* By symmetry P(V <= q) = 1 - P(V <= total - q - 1): sum the short side. */
    int upper_side = q > total / 2;
    int limit = (int)(upper_side ? total - q - 1 : q);
    double *counts = subset_sum_counts(n, limit);
    if (counts == NULL)
        return -1;
    double below = 0;
    for (int s = 0; s <= limit; s++)
        below += counts[s];
    free(counts);
    below = ldexp(below, -n);
    *prob = upper_side ? 1 - below : below;
    return 0;
}

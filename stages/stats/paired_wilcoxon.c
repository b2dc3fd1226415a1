/* paired_wilcoxon.c: the Wilcoxon signed-rank test of after against before,
 * as R 4.2's wilcox.test(after, before, paired = TRUE) with its defaults,
 * and the matched-pairs rank-biserial correlation, from the table alone.
 *
 * The differences d = after - before take only the values -(k-1)..(k-1), so
 * the table is first folded into counts per difference (O(k^2)). Zero
 * differences are dropped; the |d| are ranked with ties given their average
 * rank, which for a block of m equal |d| after `start` smaller ones is
 * start + (m + 1)/2. V is the sum of the ranks of the positive differences.
 *   exact   (psignrank, signrank.c) when fewer than 50 differences remain,
 *           no two |d| tie and no zero was dropped;
 *   normal  otherwise: z = (V - n(n+1)/4 - sign * 0.5) / sigma with
 *           sigma^2 = n(n+1)(2n+1)/24 - sum(m^3 - m)/48 over tied blocks.
 * rank_biserial = (R+ - R-)/(R+ + R-) with the same ranks. */
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_cdf.h>
#include <math.h>

#include "paired.h"

/* by_difference[d + k - 1] = pairs whose after - before is d. */
static double *fold_differences(const pp_paired_table *t)
{
    int k = t->k;
    double *by_difference = calloc((size_t)(2 * k - 1), sizeof *by_difference);
    if (by_difference == NULL)
        return NULL;
    for (int before = 1; before <= k; before++)
        for (int after = 1; after <= k; after++)
            by_difference[after - before + k - 1] += (double)pp_paired_cell(t, before, after);
    return by_difference;
}

typedef struct {
    double n, zeros;
    double rank_sum_positive, rank_sum_negative;
    double tie_term;                /* sum over blocks of equal |d| of m^3 - m */
    int ties;
} signed_ranks;

static signed_ranks rank_differences(const double *by_difference, int k)
{
    signed_ranks r = {0};
    r.zeros = by_difference[k - 1];
    for (int magnitude = 1; magnitude < k; magnitude++) {
        double up = by_difference[k - 1 + magnitude];
        double down = by_difference[k - 1 - magnitude];
        double m = up + down;
        if (m == 0)
            continue;
        double average_rank = r.n + (m + 1) / 2;
        r.rank_sum_positive += up * average_rank;
        r.rank_sum_negative += down * average_rank;
        r.tie_term += m * m * m - m;
        if (m > 1)
            r.ties = 1;
        r.n += m;
    }
    return r;
}

/* Two-sided exact p: as R, from the nearer tail, doubled, capped at 1. */
static int exact_p(double V, int n, double *p)
{
    double tail;
    if (V > n * (n + 1.0) / 4) {
        if (pp_signrank_cdf(V - 1, n, &tail) != 0)
            return -1;
        tail = 1 - tail;
    } else if (pp_signrank_cdf(V, n, &tail) != 0) {
        return -1;
    }
    *p = fmin(2 * tail, 1);
    return 0;
}

static double normal_p(const signed_ranks *r)
{
    double n = r->n;
    double centred = r->rank_sum_positive - n * (n + 1) / 4;
    double sigma = sqrt(n * (n + 1) * (2 * n + 1) / 24 - r->tie_term / 48);
    double correction = centred > 0 ? 0.5 : centred < 0 ? -0.5 : 0;
    double z = (centred - correction) / sigma;
    return 2 * fmin(gsl_cdf_ugaussian_P(z), gsl_cdf_ugaussian_Q(z));
}

int pp_paired_wilcoxon_compute(const pp_paired_table *t, pp_paired_wilcoxon *out)
{
    memset(out, 0, sizeof *out);
    out->reason = pp_paired_table_problem(t);
    if (out->reason != NULL)
        return 0;
    double *by_difference = fold_differences(t);
    if (by_difference == NULL) {
        out->reason = "out of memory";
        return -1;
    }
    signed_ranks r = rank_differences(by_difference, t->k);
    free(by_difference);
    if (r.n == 0) {
        out->reason = r.zeros > 0 ? "every pair unchanged" : "no pairs";
        return 0;
    }
    out->n_nonzero = r.n;
    out->V = r.rank_sum_positive;
    out->rank_biserial = (r.rank_sum_positive - r.rank_sum_negative)
                         / (r.rank_sum_positive + r.rank_sum_negative);
    if (r.n < 50 && !r.ties && r.zeros == 0) {
        out->method = PP_WILCOXON_EXACT;
        out->method_name = "exact";
        if (exact_p(out->V, (int)r.n, &out->p) != 0) {
            out->reason = "out of memory";
            return -1;
        }
    } else {
        out->method = PP_WILCOXON_NORMAL;
        out->method_name = "normal, tie- and continuity-corrected";
        out->p = normal_p(&r);
    }
    out->available = 1;
    return 0;
}

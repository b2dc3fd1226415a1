/* mann_whitney.c: two-sided Wilcoxon-Mann-Whitney test from counts per
 * level, in O(K). Matches R 4.2's wilcox.test(x, y) with its defaults on
 * x = rep(1:K, x_counts), y = rep(1:K, y_counts):
 *   W = sum of x's midranks - n_x (n_x + 1) / 2;
 *   exact p (rank_sum_exact.c) only when n_x < 50, n_y < 50 and no two
 *   answers tie (with few levels that means at most one answer per level);
 *   otherwise the normal approximation with tie-corrected variance
 *   n_x n_y / 12 * ((N + 1) - sum(t^3 - t) / (N (N - 1))) and continuity
 *   correction 0.5 towards the mean. (R 4.4 changed the exact rule; SPEC §5
 *   pins R 4.2.) */
#include "mann_whitney.h"

#include <gsl/gsl_cdf.h>
#include <math.h>
#include <stdlib.h>

#include "midranks.h"
#include "rank_sum_exact.h"

static pp_mann_whitney mw_not_available(const char *reason)
{
    pp_mann_whitney none = { .available = false, .reason = reason };
    return none;
}

/* W's null distribution is symmetric about n_x n_y / 2, so the tail beyond
 * an upper W equals the lower tail at n_x n_y - W (R's pwilcox(W - 1, upper)). */
static double exact_two_sided_p(double W, long n_x, long n_y)
{
    double mn = (double)n_x * (double)n_y;
    double q = W > mn / 2 ? mn - W : W;
    double one_tail = pp_rank_sum_lower_tail(q, (int)n_x, (int)n_y);
    return one_tail < 0 ? -1 : fmin(2 * one_tail, 1);
}

static double normal_two_sided_p(double W, double n_x, double n_y, double tie_term)
{
    double N = n_x + n_y;
    double z = W - n_x * n_y / 2;
    double sigma = sqrt(n_x * n_y / 12 * ((N + 1) - tie_term / (N * (N - 1))));
    double correction = z > 0 ? 0.5 : z < 0 ? -0.5 : 0;
    z = (z - correction) / sigma;
    return 2 * fmin(gsl_cdf_ugaussian_P(z), gsl_cdf_ugaussian_Q(z));
}

pp_mann_whitney pp_mann_whitney_test(const long *x_counts, const long *y_counts,
                                     int n_levels)
{
    if (n_levels < 1)
        return mw_not_available("no levels");
    double *totals = malloc(sizeof *totals * (size_t)n_levels);
    double *midrank = malloc(sizeof *midrank * (size_t)n_levels);
    if (!totals || !midrank) {
        free(totals);
        free(midrank);
        return mw_not_available("out of memory");
    }
    long n_x = 0, n_y = 0;
    bool ties = false, negative = false;
    for (int k = 0; k < n_levels; k++) {
        negative |= x_counts[k] < 0 || y_counts[k] < 0;
        totals[k] = (double)x_counts[k] + (double)y_counts[k];
        ties |= totals[k] > 1;
        n_x += x_counts[k];
        n_y += y_counts[k];
    }
    pp_midranks(totals, n_levels, midrank);
    double rank_sum = 0;
    for (int k = 0; k < n_levels; k++)
        rank_sum += (double)x_counts[k] * midrank[k];
    double tie_term = pp_tie_term(totals, n_levels);
    free(totals);
    free(midrank);

    if (negative)
        return mw_not_available("invalid counts");
    if (n_x == 0 || n_y == 0)
        return mw_not_available("a segment has no answers");
    double N = (double)(n_x + n_y);
    if (N * (N * N - 1) - tie_term <= 0)
        return mw_not_available("every answer is in the same level");

    pp_mann_whitney r = { .available = true, .n_x = n_x, .n_y = n_y };
    r.W = rank_sum - (double)n_x * ((double)n_x + 1) / 2;
    r.exact = n_x <= PP_RANK_SUM_EXACT_MAX && n_y <= PP_RANK_SUM_EXACT_MAX && !ties;
    if (r.exact) {
        r.method = "Wilcoxon rank sum exact test";
        r.p = exact_two_sided_p(r.W, n_x, n_y);
        if (r.p < 0)
            return mw_not_available("out of memory");
    } else {
        r.method = "Wilcoxon rank sum test with continuity correction";
        r.p = normal_two_sided_p(r.W, (double)n_x, (double)n_y, tie_term);
    }
    return r;
}

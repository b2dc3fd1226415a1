/* paired_binomial.c: the two exact binomial tests of the paired items,
 * both R's binom.test(x, n, p = 0.5)$p.value (two-sided):
 *   mcnemar_p  x = pairs in the top box before only, n = pairs in it before
 *              only or after only (the discordant pairs);
 *   sign_p     x = pairs that improved, n = pairs that improved or worsened.
 *
 * binom.test's two-sided p adds to P(X <= x) the upper tail of outcomes no
 * more likely than x (within a relative 1e-7). With p = 0.5 the distribution
 * is symmetric, so that tail starts at n - x, or a step earlier when the
 * next outcome is within 1e-7 of as likely (only for n in the tens of
 * millions). P(X <= k) comes from binomial_half.c. */
#include <string.h>

#include <math.h>

#include "paired.h"

double pp_binomial_two_sided_p(double successes, double trials)
{
    double n = trials;
    double x = fmin(successes, n - successes);      /* the lower side, by symmetry */
    if (2 * x == n)
        return 1;
    /* Walk the upper tail's start down from n - x while the outcome below
     * is within R's relative 1e-7 of P(X = x); ratio = P(X = j-1)/P(X = x). */
    double start = n - x, ratio = 1;
    while (start - 1 >= ceil(n / 2)) {
        double next_ratio = ratio * start / (n - start + 1);
        if (next_ratio > 1 + 1e-7)
            break;
        ratio = next_ratio;
        start -= 1;
    }
    double p = pp_binomial_half_cdf(x, n) + pp_binomial_half_cdf(n - start, n);
    return fmin(p, 1);
}

static void binomial_p(double successes, double trials, const char *no_trials,
                       pp_binomial_p *out)
{
    out->successes = successes;
    out->trials = trials;
    if (trials == 0) {
        out->reason = no_trials;
        return;
    }
    out->p = pp_binomial_two_sided_p(successes, trials);
    out->available = 1;
}

void pp_paired_mcnemar_exact(const pp_paired_table *t, const unsigned char *is_top,
                             pp_binomial_p *out)
{
    memset(out, 0, sizeof *out);
    pp_paired_top_box box;
    pp_paired_top_box_compute(t, is_top, 0.95, PP_PHI_DEFAULT, &box);
    if (!box.available) {
        out->reason = box.reason;
        return;
    }
    binomial_p(box.before_only, box.before_only + box.after_only,
               "no pair moved into or out of the top box", out);
}

void pp_paired_sign_test(const pp_paired_table *t, pp_binomial_p *out)
{
    memset(out, 0, sizeof *out);
    pp_paired_counts counts;
    pp_paired_counts_compute(t, 0.95, &counts);
    if (!counts.available) {
        out->reason = counts.reason;
        return;
    }
    binomial_p((double)counts.improved, (double)(counts.improved + counts.worsened),
               "every pair unchanged", out);
}

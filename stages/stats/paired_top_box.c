/* paired_top_box.c: the share of pairs in the top levels before and after,
 * the shift in percentage points, and Newcombe's (1998) method 10 interval
 * for a difference of paired proportions: Wilson score limits for each
 * margin, combined through the correlation φ̂ of the paired indicators.
 * R has no built-in for it; scripts/stats-reference-paired.R writes the
 * formulae out and checks them on Newcombe's own worked examples.
 *
 * In Newcombe's notation, with p1 = share after and p2 = share before:
 *   a = top before and after, b = after only, c = before only, d = neither
 *   θ = p1 - p2 = (b - c)/n
 *   L = θ - sqrt((p1-l1)² - 2φ̂(p1-l1)(u2-p2) + (u2-p2)²)
 *   U = θ + sqrt((p2-l2)² - 2φ̂(p2-l2)(u1-p1) + (u1-p1)²)
 * where (l, u) are the Wilson limits of each share, and φ̂ is
 * (ad - bc)/sqrt((a+b)(c+d)(a+c)(b+d)), 0 when a margin is empty; under the
 * Altman convention (the default) ad - bc is replaced by
 * max(ad - bc - n/2, 0) when it is positive. */
#include <string.h>

#include <gsl/gsl_cdf.h>
#include <math.h>

#include "paired.h"

const char *pp_phi_convention_name(pp_phi_convention convention)
{
    return convention == PP_PHI_PLAIN ? "plain" : "altman_n_over_2";
}

/* Wilson score limits (no continuity correction) for x successes of n. */
static void wilson_limits(double x, double n, double z, double *lower, double *upper)
{
    double centre = 2 * x + z * z;
    double half_width = z * sqrt(z * z + 4 * x * (n - x) / n);
    *lower = (centre - half_width) / (2 * (n + z * z));
    *upper = (centre + half_width) / (2 * (n + z * z));
}

static double phi_hat(double a, double b, double c, double d, pp_phi_convention convention)
{
    double n = a + b + c + d;
    double margins = (a + b) * (c + d) * (a + c) * (b + d);
    if (margins == 0)
        return 0;
    double cross = a * d - b * c;
    if (convention == PP_PHI_ALTMAN_HALF_N && cross > 0)
        cross = fmax(cross - n / 2, 0);
    return cross / sqrt(margins);
}

static void split_two_by_two(const pp_paired_table *t, const unsigned char *is_top,
                             pp_paired_top_box *out)
{
    for (int before = 1; before <= t->k; before++)
        for (int after = 1; after <= t->k; after++) {
            double c = (double)pp_paired_cell(t, before, after);
            int top_before = is_top[before - 1] != 0, top_after = is_top[after - 1] != 0;
            if (top_before && top_after)
                out->both += c;
            else if (top_after)
                out->after_only += c;
            else if (top_before)
                out->before_only += c;
            else
                out->neither += c;
        }
}

static int any_flag(const unsigned char *flags, int k)
{
    for (int i = 0; i < k; i++)
        if (flags[i])
            return 1;
    return 0;
}

static void newcombe_interval(double conf_level, pp_paired_top_box *out)
{
    double a = out->both, b = out->after_only, c = out->before_only, d = out->neither;
    double n = a + b + c + d;
    double z = gsl_cdf_ugaussian_Pinv((1 + conf_level) / 2);
    double p1 = (a + b) / n, p2 = (a + c) / n, l1, u1, l2, u2;
    wilson_limits(a + b, n, z, &l1, &u1);
    wilson_limits(a + c, n, z, &l2, &u2);
    double phi = phi_hat(a, b, c, d, out->convention);
    double theta = p1 - p2;
    double below = (p1 - l1) * (p1 - l1) - 2 * phi * (p1 - l1) * (u2 - p2) + (u2 - p2) * (u2 - p2);
    double above = (p2 - l2) * (p2 - l2) - 2 * phi * (p2 - l2) * (u1 - p1) + (u1 - p1) * (u1 - p1);
    out->ci_low = 100 * (theta - sqrt(fmax(below, 0)));
    out->ci_high = 100 * (theta + sqrt(fmax(above, 0)));
}

void pp_paired_top_box_compute(const pp_paired_table *t, const unsigned char *is_top,
                               double conf_level, pp_phi_convention convention,
                               pp_paired_top_box *out)
{
    memset(out, 0, sizeof *out);
    out->convention = convention;
    out->convention_name = pp_phi_convention_name(convention);
    out->reason = pp_paired_table_problem(t);
    if (out->reason != NULL)
        return;
    if (is_top == NULL || !any_flag(is_top, t->k)) {
        out->reason = "no level is marked";
        return;
    }
    split_two_by_two(t, is_top, out);
    double n = out->both + out->after_only + out->before_only + out->neither;
    if (n == 0) {
        out->reason = "no pairs";
        return;
    }
    out->top_before = 100 * (out->both + out->before_only) / n;
    out->top_after = 100 * (out->both + out->after_only) / n;
    out->top_shift_pp = 100 * (out->after_only - out->before_only) / n;
    newcombe_interval(conf_level, out);
    out->available = 1;
}

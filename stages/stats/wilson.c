/* wilson.c: the Wilson score interval for a proportion, without continuity
 * correction. Matches R's prop.test(x, n, correct = FALSE)$conf.int,
 * including its edges: x = 0 gives a lower bound of exactly 0 and x = n an
 * upper bound of exactly 1. */
#include "wilson.h"

#include <gsl/gsl_cdf.h>
#include <math.h>
#include <stddef.h>

static pp_wilson wilson_not_available(const char *reason)
{
    pp_wilson none = { .available = false, .reason = reason };
    return none;
}

pp_wilson pp_wilson_interval(long successes, long trials, double confidence)
{
    if (trials <= 0)
        return wilson_not_available("no answers (n = 0)");
    if (successes < 0 || successes > trials)
        return wilson_not_available("count outside 0..n");
    if (!(confidence > 0 && confidence < 1))
        return wilson_not_available("confidence level outside (0, 1)");

    double n = (double)trials;
    double p = (double)successes / n;
    double z = gsl_cdf_ugaussian_Pinv((1 + confidence) / 2);
    double z22n = z * z / (2 * n);
    double half_width = z * sqrt(p * (1 - p) / n + z22n / (2 * n));
    double centre = p + z22n;
    double scale = 1 + 2 * z22n;

    pp_wilson ci = { .available = true, .reason = NULL, .estimate = p };
    ci.lower = p <= 0 ? 0 : (centre - half_width) / scale;
    ci.upper = p >= 1 ? 1 : (centre + half_width) / scale;
    if (ci.lower < 0)
        ci.lower = 0;
    if (ci.upper > 1)
        ci.upper = 1;
    return ci;
}

pp_share pp_share_of(long count, long base)
{
    pp_share share = { .count = count, .base = base };
    pp_wilson ci = pp_wilson_interval(count, base, 0.95);
    share.available = ci.available;
    share.reason = ci.reason;
    if (ci.available) {
        share.pct = 100 * ci.estimate;
        share.pct_lower = 100 * ci.lower;
        share.pct_upper = 100 * ci.upper;
    }
    return share;
}

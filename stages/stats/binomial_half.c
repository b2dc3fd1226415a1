/* binomial_half.c: P(X = k) and P(X <= k) for X ~ Binomial(n, 1/2), to
 * near double precision for n up to 2^32, as R's dbinom and pbinom give
 * them. The exact binomial tests (paired_binomial.c) need tails of tables
 * with millions of pairs; GSL's incomplete beta gives up there.
 *
 * The probability of one outcome uses Loader's (2000) saddle-point form,
 * which R's dbinom also uses:
 *   log P(X = k) = stirlerr(n) - stirlerr(k) - stirlerr(n-k)
 *                  - bd0(k, n/2) - bd0(n-k, n/2) + log(n / (2 pi k (n-k)))/2
 * with stirlerr(m) = log(m!) - log(sqrt(2 pi m) (m/e)^m) and
 * bd0(x, M) = x log(x/M) + M - x computed without cancellation. The
 * cumulative probability is P(X = k) times the sum of the ratios
 * P(X = i)/P(X = k) for i = k, k-1, ..., stopped when they no longer count. */
#include <gsl/gsl_sf_gamma.h>
#include <math.h>

#include "paired.h"

static const double LOG_SQRT_2PI = 0.918938533204672741780329736406;

/* log(m!) - (m + 1/2) log(m) + m - log(sqrt(2 pi)), m >= 1 */
static double stirling_error(double m)
{
    if (m <= 15)
        return gsl_sf_lnfact((unsigned int)m) - (m + 0.5) * log(m) + m - LOG_SQRT_2PI;
    double m2 = m * m;
    return (1.0 / 12 - (1.0 / 360 - (1.0 / 1260 - (1.0 / 1680 - 1.0 / 1188 / m2) / m2) / m2) / m2) / m;
}

/* x log(x/M) + M - x, accurate when x is close to M */
static double deviance_term(double x, double M)
{
    if (fabs(x - M) >= 0.1 * (x + M))
        return x * log(x / M) + M - x;
    double v = (x - M) / (x + M), s = (x - M) * v, power = 2 * x * v;
    for (int j = 1; j < 1000; j++) {
        power *= v * v;
        double next = s + power / (2 * j + 1);
        if (next == s)
            break;
        s = next;
    }
    return s;
}

double pp_binomial_half_pmf(double k, double n)
{
    if (k < 0 || k > n)
        return 0;
    if (k == 0 || k == n)
        return exp(n * -M_LN2);
    double log_p = stirling_error(n) - stirling_error(k) - stirling_error(n - k)
                   - deviance_term(k, n / 2) - deviance_term(n - k, n / 2)
                   + 0.5 * log(n / (2 * M_PI * k * (n - k)));
    return exp(log_p);
}

double pp_binomial_half_cdf(double k, double n)
{
    if (k < 0)
        return 0;
    if (k >= n)
        return 1;
    if (k > n / 2)
        return 1 - pp_binomial_half_cdf(n - k - 1, n);
    double at_k = pp_binomial_half_pmf(k, n);
    if (at_k == 0)
        return 0;
    double ratio = 1, sum = 1;
    for (double i = k; i >= 1; i--) {
        ratio *= i / (n - i + 1);                  /* P(X = i-1) / P(X = k) */
        sum += ratio;
        if (ratio < 1e-17 * sum)
            break;
    }
    return fmin(at_k * sum, 1);
}

/* binomial_draw.c: Binomial(n, p) random numbers in O(1) expected time.
 *
 * With the mean n p under 10 the distribution is inverted from 0: about
 * n p + 1 steps of f(x + 1) = f(x) (n - x) / (x + 1) * p / q. Otherwise
 * BTRD (W. Hörmann, "The generation of binomial random variates", 1993):
 * a uniform V mostly lands in the box under the density where the
 * transformed-rejection hat needs no test (about 80% of draws, one uniform
 * and a division); the rest are accepted or rejected against the exact
 * ratio f(k) / f(mode), by recursion when k is within 15 of the mode, else
 * through a squeeze and Stirling's series. GSL's gsl_ran_binomial (BTPE)
 * works out all its constants from n and p on every call, which is what a
 * multinomial's conditional binomials pay for each of their draws. */
#include "binomial_draw.h"

#include <math.h>

void pp_binomial_plan_init(pp_binomial_plan *plan, double p)
{
    p = p < 0 ? 0 : p > 1 ? 1 : p;
    plan->flipped = p > 0.5;
    plan->p = plan->flipped ? 1 - p : p;
    plan->q = 1 - plan->p;
    plan->r = plan->p / plan->q;
    plan->log_q = log(plan->q);
}

/* log(k!) - [(k + 1/2) log(k + 1) - (k + 1) + log(2 pi) / 2], the error of
 * Stirling's formula at k + 1 (Hörmann's f_c). */
static double stirling_tail(double k)
{
    static const double small[10] = {
        0.08106146679532726, 0.04134069595540929, 0.02767792568499834,
        0.02079067210376509, 0.01664469118982119, 0.01387612882307075,
        0.01189670994589177, 0.01041126526197209, 0.009255462182712733,
        0.008330563433362871,
    };
    if (k <= 9)
        return small[(int)k];
    double k1 = k + 1, k2 = k1 * k1;
    return (1.0 / 12 - (1.0 / 360 - 1.0 / 1260 / k2) / k2) / k1;
}

static double draw_by_inversion(gsl_rng *rng, double n, const pp_binomial_plan *b)
{
    double start = exp(n * b->log_q);           /* P(X = 0) = q^n */
    for (;;) {
        double u = gsl_rng_uniform(rng), f = start;
        for (double x = 0; x <= n; x++) {
            if (u < f)
                return x;
            u -= f;
            f *= b->r * (n - x) / (x + 1);
        }
        /* rounding left a sliver of probability past n: draw again */
    }
}

static double draw_btrd(gsl_rng *rng, double n, const pp_binomial_plan *bp)
{
    const double p = bp->p, r = bp->r;
    const double npq = n * p * bp->q, spq = sqrt(npq);
    const double b = 1.15 + 2.53 * spq;
    const double a = -0.0873 + 0.0248 * b + 0.01 * p;
    const double c = n * p + 0.5;
    const double v_r = 0.92 - 4.2 / b, u_rv_r = 0.86 * v_r;
    const double alpha = (2.83 + 5.1 / b) * spq;
    const double m = floor((n + 1) * p), nr = (n + 1) * r;
    for (;;) {
        double v = gsl_rng_uniform(rng), u;
        if (v <= u_rv_r) {                          /* inside the box */
            u = v / v_r - 0.43;
            return floor((2 * a / (0.5 - fabs(u)) + b) * u + c);
        }
        if (v >= v_r) {
            u = gsl_rng_uniform(rng) - 0.5;
        } else {
            u = v / v_r - 0.93;
            u = (u < 0 ? -0.5 : 0.5) - u;
            v = gsl_rng_uniform(rng) * v_r;
        }
        double us = 0.5 - fabs(u);
        double k = floor((2 * a / us + b) * u + c);
        if (k < 0 || k > n)
            continue;
        v = v * alpha / (a / (us * us) + b);
        double km = fabs(k - m);
        if (km <= 15) {                             /* f(k) / f(m) by recursion */
            double f = 1;
            if (m < k)
                for (double i = m + 1; i <= k; i++)
                    f *= nr / i - r;
            else
                for (double i = k + 1; i <= m; i++)
                    v *= nr / i - r;
            if (v <= f)
                return k;
            continue;
        }
        v = log(v);                                 /* squeeze */
        double rho = (km / npq) * (((km / 3 + 0.625) * km + 1.0 / 6) / npq + 0.5);
        double t = -km * km / (2 * npq);
        if (v < t - rho)
            return k;
        if (v > t + rho)
            continue;
        double nm = n - m + 1, nk = n - k + 1;
        double h = (m + 0.5) * log((m + 1) / (r * nm)) + stirling_tail(m) + stirling_tail(n - m);
        if (v <= h + (n + 1) * log(nm / nk) + (k + 0.5) * log(nk * r / (k + 1)) -
                      stirling_tail(k) - stirling_tail(n - k))
            return k;
    }
}

double pp_binomial_draw(gsl_rng *rng, double n, const pp_binomial_plan *plan)
{
    double x;
    if (n <= 0 || plan->p <= 0)
        x = 0;
    else if (n * plan->p < 10)
        x = draw_by_inversion(rng, n, plan);
    else
        x = draw_btrd(rng, n, plan);
    return plan->flipped ? n - x : x;
}

/* binomial_draw.h: Binomial(n, p) random numbers whose cost does not grow
 * with n, for the conditional binomials of a multinomial draw (the
 * bootstrap of paired_bootstrap.c). p is fixed for many draws and n
 * varies, so what depends on p alone is worked out once, in a plan. */
#ifndef PREPOST_BINOMIAL_DRAW_H
#define PREPOST_BINOMIAL_DRAW_H

#include <gsl/gsl_rng.h>

typedef struct {
    double p;           /* min(p, 1 - p) */
    double q;           /* 1 - this p */
    double r;           /* p / q */
    double log_q;       /* log(q), for the start of the inversion */
    int flipped;        /* p was over 1/2: count the failures */
} pp_binomial_plan;

/* p in 0..1. */
void pp_binomial_plan_init(pp_binomial_plan *plan, double p);

/* One draw of Binomial(n, p), n < 2^53: inversion from 0 when n p < 10,
 * otherwise Hörmann's BTRD (transformed rejection with decomposition,
 * J. Statist. Comput. Simul. 46, 1993), O(1) expected time for any n. */
double pp_binomial_draw(gsl_rng *rng, double n, const pp_binomial_plan *plan);

#endif

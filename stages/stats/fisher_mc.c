/* fisher_mc.c: Monte Carlo p-value of Fisher's exact test for an r x c
 * table. Matches R's fisher.test(tab, simulate.p.value = TRUE, B = 2000) in
 * method: the statistic is -sum(log(x_ij!)) (larger = more probable table,
 * since the margins are fixed), B random tables with the same margins are
 * drawn (random_table.c, Patefield's algorithm), and
 *   p = (1 + #{simulated statistic <= observed / (1 + 64 eps)}) / (B + 1),
 * R's tolerance for tables equally probable up to rounding. The random
 * numbers come from GSL's MT19937 seeded with `seed`, not from R's RNG, so
 * the p-value agrees with R's in distribution, not digit for digit. */
#include "fisher_mc.h"

#include <float.h>
#include <gsl/gsl_rng.h>
#include <stdlib.h>

#include "random_table.h"

static double minus_log_factorial_sum(const long *cells, long n_cells,
                                      const double *log_factorial)
{
    double sum = 0;
    for (long i = 0; i < n_cells; i++)
        sum -= log_factorial[cells[i]];
    return sum;
}

static pp_fisher_mc mc_not_available(const char *reason)
{
    pp_fisher_mc none = { .available = false, .reason = reason };
    return none;
}

pp_fisher_mc pp_fisher_monte_carlo(const pp_table *t, long replicates,
                                   unsigned long seed)
{
    if (t->rows < 2 || t->cols < 2)
        return mc_not_available("needs two segments and two levels with answers");
    if (replicates < 1)
        return mc_not_available("no Monte Carlo replicates asked for");

    long n_cells = (long)t->rows * t->cols;
    double *log_factorial = pp_log_factorials(t->total);
    long *cells = malloc(sizeof *cells * (size_t)n_cells);
    long *col_left = malloc(sizeof *col_left * (size_t)t->cols);
    gsl_rng *rng = gsl_rng_alloc(gsl_rng_mt19937);
    pp_fisher_mc result = mc_not_available("out of memory");
    if (log_factorial && cells && col_left && rng) {
        gsl_rng_set(rng, seed);
        const double almost_one = 1 + 64 * DBL_EPSILON;
        double observed = minus_log_factorial_sum(t->cells, n_cells, log_factorial);
        double cutoff = observed / almost_one;   /* observed < 0: nudged up */
        long as_extreme = 0;
        for (long b = 0; b < replicates; b++) {
            pp_random_table(rng, t->rows, t->cols, t->row_sums, t->col_sums,
                            log_factorial, col_left, cells);
            if (minus_log_factorial_sum(cells, n_cells, log_factorial) <= cutoff)
                as_extreme++;
        }
        result = (pp_fisher_mc){ .available = true, .statistic = observed,
                                 .replicates = replicates,
                                 .p = (1.0 + as_extreme) / (replicates + 1.0) };
    }
    if (rng)
        gsl_rng_free(rng);
    free(col_left);
    free(cells);
    free(log_factorial);
    return result;
}

/* fisher_mc.c: Monte Carlo p-value of Fisher's exact test for an r x c
 * table. Matches R's fisher.test(tab, simulate.p.value = TRUE, B = 2000) in
 * method: the statistic is -sum(log(x_ij!)) (larger = more probable table,
 * since the margins are fixed), B random tables with the same margins are
 * drawn (random_table.c, Patefield's algorithm), and
 *   p = (1 + #{simulated statistic <= observed / (1 + 64 eps)}) / (B + 1),
 * R's tolerance for tables equally probable up to rounding. The random
 * numbers come from GSL's MT19937 seeded with `seed`, not from R's RNG, so
 * the p-value agrees with R's in distribution, not digit for digit.
 *
 * The statistic does not change when rows or columns are reordered, so the
 * random tables are drawn with both margins in ascending order: the largest
 * row and column, the costliest to draw, then follow from the others. */
#include "fisher_mc.h"

#include <float.h>
#include <gsl/gsl_rng.h>
#include <stdlib.h>
#include <string.h>

#include "random_table.h"

static double minus_log_factorial_sum(const long *cells, long n_cells, const double *lf)
{
    double sum = 0;
    for (long i = 0; i < n_cells; i++)
        sum -= cells[i] < PP_LOG_FACTORIAL_TABLE ? lf[cells[i]] : pp_log_factorial(cells[i]);
    return sum;
}

static int ascending(const void *a, const void *b)
{
    long x = *(const long *)a, y = *(const long *)b;
    return (x > y) - (x < y);
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
    const double *lf = pp_log_factorial_table();
    long *cells = malloc(sizeof *cells * (size_t)n_cells);
    long *margins = malloc(sizeof *margins * (size_t)(t->rows + 2 * t->cols));
    gsl_rng *rng = gsl_rng_alloc(gsl_rng_mt19937);
    pp_fisher_mc result = mc_not_available("out of memory");
    if (lf && cells && margins && rng) {
        long *row_sums = margins, *col_sums = margins + t->rows;
        long *col_left = col_sums + t->cols;
        memcpy(row_sums, t->row_sums, sizeof *row_sums * (size_t)t->rows);
        memcpy(col_sums, t->col_sums, sizeof *col_sums * (size_t)t->cols);
        qsort(row_sums, (size_t)t->rows, sizeof *row_sums, ascending);
        qsort(col_sums, (size_t)t->cols, sizeof *col_sums, ascending);
        gsl_rng_set(rng, seed);
        const double almost_one = 1 + 64 * DBL_EPSILON;
        double observed = minus_log_factorial_sum(t->cells, n_cells, lf);
        double cutoff = observed / almost_one;   /* observed < 0: nudged up */
        long as_extreme = 0;
        for (long b = 0; b < replicates; b++) {
            pp_random_table(rng, t->rows, t->cols, row_sums, col_sums, lf, col_left, cells);
            if (minus_log_factorial_sum(cells, n_cells, lf) <= cutoff)
                as_extreme++;
        }
        result = (pp_fisher_mc){ .available = true, .statistic = observed,
                                 .replicates = replicates,
                                 .p = (1.0 + as_extreme) / (replicates + 1.0) };
    }
    if (rng)
        gsl_rng_free(rng);
    free(margins);
    free(cells);
    return result;
}

/* random_table.c: Patefield's algorithm (Applied Statistics AS 159, 1981),
 * the method behind R's r2dtable and fisher.test(simulate.p.value = TRUE).
 *
 * Under independence with both margins fixed, a table is the cross-tab of a
 * random permutation. Fill it row by row: each row takes its total from the
 * answers not yet placed, so its cell in column j, given the cells to its
 * left, is hypergeometric (draw what is left of the row total from column
 * j's remaining answers against those of the columns to its right). Each
 * hypergeometric draw inverts the distribution starting at the mode and
 * stepping outwards, so it costs about one standard deviation of steps.
 * The random numbers differ from R's, the distribution of tables does not. */
#include "random_table.h"

#include <math.h>
#include <stdlib.h>

double *pp_log_factorials(long total)
{
    double *table = malloc(sizeof *table * ((size_t)total + 1));
    if (table == NULL)
        return NULL;
    table[0] = 0;
    for (long i = 1; i <= total; i++)
        table[i] = table[i - 1] + log((double)i);
    return table;
}

static double hypergeometric_pmf(long x, long good, long bad, long drawn,
                                 const double *lf)
{
    long total = good + bad;
    return exp(lf[good] - lf[x] - lf[good - x] + lf[bad] - lf[drawn - x] -
               lf[bad - drawn + x] - lf[total] + lf[drawn] + lf[total - drawn]);
}

/* One draw of x successes in `drawn` draws without replacement from `good`
 * successes and `bad` failures. */
static long draw_hypergeometric(gsl_rng *rng, long good, long bad, long drawn,
                                const double *lf)
{
    long lo = drawn - bad > 0 ? drawn - bad : 0;
    long hi = drawn < good ? drawn : good;
    if (lo >= hi)
        return lo;
    long mode = (drawn + 1) * (good + 1) / (good + bad + 2);
    mode = mode < lo ? lo : mode > hi ? hi : mode;
    double p_mode = hypergeometric_pmf(mode, good, bad, drawn, lf);

    for (int attempt = 0; attempt < 100; attempt++) {
        double u = gsl_rng_uniform(rng) - p_mode;
        if (u < 0)
            return mode;
        long up = mode, down = mode;
        double p_up = p_mode, p_down = p_mode;
        while (up < hi || down > lo) {
            if (up < hi) {
                p_up *= (double)(good - up) * (double)(drawn - up) /
                        ((double)(up + 1) * (double)(bad - drawn + up + 1));
                up++;
                if ((u -= p_up) < 0)
                    return up;
            }
            if (down > lo) {
                p_down *= (double)down * (double)(bad - drawn + down) /
                          ((double)(good - down + 1) * (double)(drawn - down + 1));
                down--;
                if ((u -= p_down) < 0)
                    return down;
            }
        }
        /* rounding left a sliver of probability unassigned: draw again */
    }
    return mode;
}

void pp_random_table(gsl_rng *rng, int rows, int cols,
                     const long *row_sums, const long *col_sums,
                     const double *log_factorial, long *col_left, long *cells)
{
    long pool = 0;
    for (int j = 0; j < cols; j++) {
        col_left[j] = col_sums[j];
        pool += col_sums[j];
    }
    for (int i = 0; i < rows; i++) {
        long *row = cells + (long)i * cols;
        long row_left = row_sums[i];
        long pool_right = pool;         /* answers left in columns j.. */
        for (int j = 0; j < cols; j++) {
            long x;
            if (i == rows - 1)
                x = col_left[j];
            else if (j == cols - 1)
                x = row_left;
            else
                x = draw_hypergeometric(rng, col_left[j], pool_right - col_left[j],
                                        row_left, log_factorial);
            row[j] = x;
            pool_right -= col_left[j];
            col_left[j] -= x;
            row_left -= x;
        }
        pool -= row_sums[i];
    }
}

/* random_table.c: Patefield's algorithm (Applied Statistics AS 159, 1981),
 * the method behind R's r2dtable and fisher.test(simulate.p.value = TRUE).
 *
 * Under independence with both margins fixed, a table is the cross-tab of a
 * random permutation. Fill it row by row: each row takes its total from the
 * answers not yet placed, so its cell in column j, given the cells to its
 * left, is hypergeometric (draw what is left of the row total from column
 * j's remaining answers against those of the columns to its right). The
 * last row and the last column follow from the margins.
 *
 * A hypergeometric draw with a standard deviation under 4 inverts the
 * distribution from the mode outwards (a few steps). A wider one uses
 * Stadlober's ratio of uniforms (HRUA: E. Stadlober, "The ratio of uniforms
 * approach for generating discrete random variates", J. Comput. Appl.
 * Math. 31, 1990), whose expected cost does not grow with the counts:
 * about 1.5 tries of two uniforms and four log-factorials from a table.
 * The random numbers differ from R's, the distribution of tables does not. */
#include "random_table.h"

#include <math.h>
#include <pthread.h>
#include <stdlib.h>

static double *log_factorial_table;
static pthread_once_t log_factorial_once = PTHREAD_ONCE_INIT;

static void build_log_factorials(void)
{
    double *table = malloc(sizeof *table * PP_LOG_FACTORIAL_TABLE);
    if (table == NULL)
        return;
    table[0] = 0;
    for (long i = 1; i < PP_LOG_FACTORIAL_TABLE; i++)
        table[i] = table[i - 1] + log((double)i);
    log_factorial_table = table;
}

const double *pp_log_factorial_table(void)
{
    pthread_once(&log_factorial_once, build_log_factorials);
    return log_factorial_table;
}

/* log(x!) by Stirling's series, for x past the table (error under 1e-30). */
static double stirling_log_factorial(double x)
{
    double x1 = x + 1, x2 = x1 * x1;
    return (x + 0.5) * log(x1) - x1 + 0.91893853320467274178 +
           (1.0 / 12 - (1.0 / 360 - 1.0 / 1260 / x2) / x2) / x1;
}

static inline double lfact(const double *lf, long x)
{
    return x < PP_LOG_FACTORIAL_TABLE ? lf[x] : stirling_log_factorial((double)x);
}

double pp_log_factorial(long x)
{
    const double *lf = pp_log_factorial_table();
    if (x < PP_LOG_FACTORIAL_TABLE && lf != NULL)
        return lf[x];
    return stirling_log_factorial((double)x);
}

static double hypergeometric_pmf(long x, long good, long bad, long drawn,
                                 const double *lf)
{
    long total = good + bad;
    return exp(lfact(lf, good) - lfact(lf, x) - lfact(lf, good - x) + lfact(lf, bad) -
               lfact(lf, drawn - x) - lfact(lf, bad - drawn + x) - lfact(lf, total) +
               lfact(lf, drawn) + lfact(lf, total - drawn));
}

/* Inversion from the mode outwards: about one standard deviation of steps. */
static long draw_from_mode(gsl_rng *rng, long good, long bad, long drawn,
                           long lo, long hi, const double *lf)
{
    long mode = (long)((double)(drawn + 1) * (double)(good + 1) / (double)(good + bad + 2));
    mode = mode < lo ? lo : mode > hi ? hi : mode;
    double p_mode = hypergeometric_pmf(mode, good, bad, drawn, lf);
    for (;;) {
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
}

/* HRUA. With M = min(good, bad), the draw is made for min(drawn, total -
 * drawn) draws from M and mapped back (the distribution's symmetries). */
static long draw_hrua(gsl_rng *rng, long good, long bad, long drawn, double variance,
                      const double *lf)
{
    const double d1 = 1.7155277699214135;      /* 2 sqrt(2 / e) */
    const double d2 = 0.8989161620588988;      /* 3 - 2 sqrt(3 / e) */
    long total = good + bad;
    long sample = drawn < total - drawn ? drawn : total - drawn;
    long small = good < bad ? good : bad, large = total - small;
    double a = (double)sample * small / total + 0.5;
    double c = sqrt(variance + 0.5);
    double h = d1 * c + d2;
    long m = (long)((double)(sample + 1) * (double)(small + 1) / (double)(total + 2));
    double g = lfact(lf, m) + lfact(lf, small - m) + lfact(lf, sample - m) +
               lfact(lf, large - sample + m);
    double b = (double)(sample < small ? sample : small) + 1;
    long k;
    for (;;) {
        double u = gsl_rng_uniform_pos(rng);
        double v = gsl_rng_uniform(rng);
        double x = a + h * (v - 0.5) / u;
        if (x < 0 || x >= b)
            continue;
        k = (long)x;
        double t = g - (lfact(lf, k) + lfact(lf, small - k) + lfact(lf, sample - k) +
                        lfact(lf, large - sample + k));
        if (u * (4 - u) - 3 <= t)               /* quick acceptance */
            break;
        if (u * (u - t) >= 1)                   /* quick rejection */
            continue;
        if (2 * log(u) <= t)
            break;
    }
    if (good > bad)
        k = sample - k;
    if (sample < drawn)
        k = good - k;
    return k;
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
    double total = (double)good + (double)bad;
    double variance = (double)drawn * ((double)good / total) * ((double)bad / total) *
                      ((total - (double)drawn) / (total - 1));
    if (variance < 16)
        return draw_from_mode(rng, good, bad, drawn, lo, hi, lf);
    return draw_hrua(rng, good, bad, drawn, variance, lf);
}

void pp_random_table(gsl_rng *rng, int rows, int cols,
                     const long *row_sums, const long *col_sums,
                     const double *lf, long *col_left, long *cells)
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
            else if (j == cols - 1 || row_left == 0)
                x = row_left;
            else
                x = draw_hypergeometric(rng, col_left[j], pool_right - col_left[j],
                                        row_left, lf);
            row[j] = x;
            pool_right -= col_left[j];
            col_left[j] -= x;
            row_left -= x;
        }
        pool -= row_sums[i];
    }
}

/* fisher.c: two-sided Fisher's exact test for a 2 x 2 table, as R's
 * fisher.test(tab) computes it: with the margins fixed, the top-left cell is
 * hypergeometric; the p-value sums the probabilities of every table whose
 * probability is at most that of the observed one times 1 + 1e-7 (R's
 * relErr, so tables equally likely up to rounding count as "as extreme"). */
#include "fisher.h"

#include <gsl/gsl_sf_gamma.h>
#include <math.h>

/* log P(X = x), X hypergeometric: x of `drawn` from `good` + `bad`. */
static double log_dhyper(long x, long good, long bad, long drawn)
{
    return gsl_sf_lnchoose((unsigned)good, (unsigned)x) +
           gsl_sf_lnchoose((unsigned)bad, (unsigned)(drawn - x)) -
           gsl_sf_lnchoose((unsigned)(good + bad), (unsigned)drawn);
}

double pp_fisher_exact_2x2(const pp_table *t)
{
    if (t->rows != 2 || t->cols != 2)
        return -1;
    long good = t->col_sums[0];     /* first column total */
    long bad = t->col_sums[1];
    long drawn = t->row_sums[0];    /* first row total */
    long observed = pp_table_cell(t, 0, 0);
    long lo = drawn - bad > 0 ? drawn - bad : 0;
    long hi = drawn < good ? drawn : good;

    double log_observed = log_dhyper(observed, good, bad, drawn);
    double log_cutoff = log_observed + log1p(1e-7);
    double log_max = log_observed;
    for (long x = lo; x <= hi; x++)
        log_max = fmax(log_max, log_dhyper(x, good, bad, drawn));

    double as_extreme = 0, total = 0;
    for (long x = lo; x <= hi; x++) {
        double log_p = log_dhyper(x, good, bad, drawn);
        double scaled = exp(log_p - log_max);   /* in range, largest is 1 */
        total += scaled;
        if (log_p <= log_cutoff)
            as_extreme += scaled;
    }
    double p = as_extreme / total;
    return p > 1 ? 1 : p;
}

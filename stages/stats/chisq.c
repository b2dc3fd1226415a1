/* chisq.c: Pearson's chi-square test of homogeneity without continuity
 * correction. Matches R's chisq.test(tab, correct = FALSE): expected counts
 * E = outer(rowSums, colSums) / n, statistic sum((O - E)^2 / E),
 * df = (r - 1)(c - 1), p = pchisq(statistic, df, lower.tail = FALSE). */
#include "chisq.h"

#include <gsl/gsl_errno.h>
#include <gsl/gsl_sf_gamma.h>

#include "gsl_quiet.h"

double pp_chisq_upper_p(double x, double df)
{
    if (x <= 0)
        return 1;
    gsl_sf_result q;
    pp_gsl_quiet_begin();               /* an underflow is p = 0, not an error */
    int status = gsl_sf_gamma_inc_Q_e(df / 2, x / 2, &q);
    pp_gsl_quiet_end();
    if (status == GSL_EUNDRFLW || (status == GSL_SUCCESS && q.val < 0))
        return 0;
    return status == GSL_SUCCESS ? q.val : 0;
}

pp_chisq pp_chisq_homogeneity(const pp_table *t)
{
    pp_chisq result = { .available = false };
    if (t->rows < 2) {
        result.reason = "fewer than two segments have answers";
        return result;
    }
    if (t->cols < 2) {
        result.reason = "every answer is in the same level";
        return result;
    }
    double n = (double)t->total;
    double statistic = 0, min_expected = n;
    for (int i = 0; i < t->rows; i++) {
        for (int j = 0; j < t->cols; j++) {
            double expected = (double)t->row_sums[i] * (double)t->col_sums[j] / n;
            double diff = (double)pp_table_cell(t, i, j) - expected;
            statistic += diff * diff / expected;
            if (expected < min_expected)
                min_expected = expected;
        }
    }
    result.available = true;
    result.statistic = statistic;
    result.df = (t->rows - 1) * (t->cols - 1);
    result.p = pp_chisq_upper_p(statistic, result.df);
    result.min_expected = min_expected;
    return result;
}

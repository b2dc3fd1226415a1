/* chisq.h: Pearson's chi-square test of homogeneity of a segments x levels
 * table (chisq.test(tab, correct = FALSE)). */
#ifndef PREPOST_CHISQ_H
#define PREPOST_CHISQ_H

#include <stdbool.h>

#include "contingency.h"

typedef struct {
    bool available;
    const char *reason;
    double statistic;       /* X-squared */
    int df;                 /* (rows - 1) (cols - 1) */
    double p;
    double min_expected;    /* smallest expected count; under 5 means the
                               chi-square approximation is doubtful */
} pp_chisq;

/* The table must be compacted (no zero margins). Needs 2 or more rows and
 * columns. */
pp_chisq pp_chisq_homogeneity(const pp_table *t);

/* Upper tail of the chi-square distribution, pchisq(x, df, lower = FALSE),
 * without GSL's error handler firing on underflow (a huge statistic gives
 * p = 0, as in R). */
double pp_chisq_upper_p(double x, double df);

#endif

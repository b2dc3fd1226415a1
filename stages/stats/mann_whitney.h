/* mann_whitney.h: Wilcoxon-Mann-Whitney rank-sum test between two segments
 * on ordinal codes given as counts per level (wilcox.test(x, y)). */
#ifndef PREPOST_MANN_WHITNEY_H
#define PREPOST_MANN_WHITNEY_H

#include <stdbool.h>

typedef struct {
    bool available;
    const char *reason;
    bool exact;             /* exact distribution, or normal approximation */
    const char *method;     /* R's name of the method used */
    double W;               /* rank sum of x minus n_x (n_x + 1) / 2 */
    double p;               /* two-sided */
    long n_x, n_y;
} pp_mann_whitney;

/* x_counts[K], y_counts[K]: answers per code 1..K in each segment. */
pp_mann_whitney pp_mann_whitney_test(const long *x_counts, const long *y_counts,
                                     int n_levels);

#endif

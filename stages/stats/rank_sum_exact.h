/* rank_sum_exact.h: the exact null distribution of the Mann-Whitney W
 * statistic without ties (R's pwilcox). */
#ifndef PREPOST_RANK_SUM_EXACT_H
#define PREPOST_RANK_SUM_EXACT_H

#define PP_RANK_SUM_EXACT_MAX 49    /* R computes it exactly below 50 */

/* P(W <= q) for samples of m and n untied values (pwilcox(q, m, n)).
 * Returns -1 when m or n is outside 1..PP_RANK_SUM_EXACT_MAX or memory ran
 * out. */
double pp_rank_sum_lower_tail(double q, int m, int n);

#endif

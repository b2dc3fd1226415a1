/* kruskal.h: Kruskal-Wallis rank-sum test across three or more segments on
 * ordinal codes given as counts per level (kruskal.test). */
#ifndef PREPOST_KRUSKAL_H
#define PREPOST_KRUSKAL_H

#include <stdbool.h>

typedef struct {
    bool available;
    const char *reason;
    double statistic;       /* Kruskal-Wallis chi-squared, tie-corrected */
    int df;                 /* groups with answers - 1 */
    double p;
    int groups;             /* segments with at least one answer */
} pp_kruskal;

/* counts[n_groups * n_levels], row-major: answers per code 1..K in each
 * segment. Segments without answers are left out (and not counted in df). */
pp_kruskal pp_kruskal_test(const long *counts, int n_groups, int n_levels);

#endif

/* segment_compare.h: the between-segment tests of one item (SPEC §5): is the
 * distribution over levels the same in every segment, and do the segments
 * differ in how high they rate. Input is the segments x levels table of
 * counts of the substantive codes 1..K (missing answers left out). */
#ifndef PREPOST_SEGMENT_COMPARE_H
#define PREPOST_SEGMENT_COMPARE_H

#include <stdbool.h>

#define PP_METHOD_CHISQ "chi-square"
#define PP_METHOD_FISHER "Fisher exact"
#define PP_METHOD_FISHER_MC "Fisher exact, Monte Carlo (B = 2000)"

/* Homogeneity over levels nobody chose dropped and segments without answers
 * dropped. The chi-square figures are always given when available; `p` is
 * the p-value of `method`, which is Fisher's exact test instead when an
 * expected count is under 5 (exact for 2 x 2, Monte Carlo with B = 2000
 * seeded tables otherwise). */
typedef struct {
    bool available;
    const char *reason;
    int segments_used;
    int levels_used;
    double chisq_statistic;
    int chisq_df;
    double chisq_p;
    double min_expected;
    const char *method;     /* PP_METHOD_* */
    double p;
} pp_homogeneity;

/* Mann-Whitney when exactly two segments have answers, Kruskal-Wallis when
 * three or more do. */
typedef struct {
    bool available;
    const char *reason;
    const char *test;       /* "Mann-Whitney" or "Kruskal-Wallis" */
    const char *method;     /* the R method line: exact or approximate */
    double statistic;       /* W, or the Kruskal-Wallis chi-squared */
    int df;                 /* Kruskal-Wallis only; 0 for Mann-Whitney */
    double p;
} pp_rank_comparison;

typedef struct {
    pp_homogeneity homogeneity;
    pp_rank_comparison ranks;
} pp_segment_comparison;

/* counts[n_segments * n_levels], row-major (segment i, code k+1). `seed`
 * seeds the Monte Carlo test: the same counts and seed give the same p. */
pp_segment_comparison pp_compare_segments(const long *counts, int n_segments,
                                          int n_levels, unsigned long seed);

pp_homogeneity pp_homogeneity_test(const long *counts, int n_segments,
                                   int n_levels, unsigned long seed);
pp_rank_comparison pp_rank_comparison_test(const long *counts, int n_segments,
                                           int n_levels);

#endif

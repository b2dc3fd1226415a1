/* paired.h: the paired statistics of SPEC §5, computed from a K x K table
 * of counts (a tally), never from the respondents themselves.
 *
 * The table: row = code before, column = code after, codes 1..K over the
 * substantive levels, worst to best (missing levels are not in it). Levels
 * nobody chose stay in the table as zero rows and columns.
 *
 * Every result carries `available`; when it is 0, `reason` says why in plain
 * words ("no pairs", "every pair unchanged", ...) and the numbers are 0, never
 * NaN. `reason` points to a static string; nothing here needs freeing.
 * Percentages are 0..100; shifts of a share are in percentage points.
 *
 * One method per file:
 *   paired_table.c       the checks on a table every method makes
 *   paired_counts.c      counts, shares per level, means, paired-t interval
 *   paired_top_box.c     top/bottom shares, Newcombe method 10 interval
 *   paired_binomial.c    mcnemar_p and sign_p (exact binomial, binom.test)
 *   binomial_half.c      Binomial(n, 1/2) probabilities for those tests
 *   paired_wilcoxon.c    signed-rank test and matched-pairs rank-biserial
 *   signrank.c           exact distribution of the signed-rank statistic
 *   stuart_maxwell.c     marginal homogeneity (coin::mh_test, asymptotic)
 *   paired_bootstrap.c   percentile bootstrap interval of the mean shift
 *   binomial_draw.c      Binomial(n, p) draws in O(1), for that bootstrap
 */
#ifndef PREPOST_PAIRED_H
#define PREPOST_PAIRED_H

#include <stddef.h>

typedef struct {
    int k;                          /* levels, codes 1..k; k >= 1 */
    const long *count;              /* k*k, row-major, none negative:
                                       count[(before-1)*k + (after-1)] */
} pp_paired_table;

/* The count of pairs that answered `before` then `after` (codes 1..k). */
static inline long pp_paired_cell(const pp_paired_table *t, int before, int after)
{
    return t->count[(size_t)(before - 1) * (size_t)t->k + (size_t)(after - 1)];
}

/* NULL if the table can be used, else why not ("no levels", "a negative count"). */
const char *pp_paired_table_problem(const pp_paired_table *t);

/* ---- counts, shares and means (paired_counts.c) ----------------------- */

typedef struct {
    unsigned long long n_pairs, improved, unchanged, worsened;
    int available;                 /* means: 0 when there are no pairs */
    const char *reason;
    double mean_before, mean_after, mean_shift;     /* shift = after - before */
    int ci_available;              /* paired-t interval: needs n >= 2 and spread */
    const char *ci_reason;
    double ci_low, ci_high;        /* t.test(after, before, paired=TRUE)$conf.int */
} pp_paired_counts;

/* Fills out; conf_level is 0.95 for the SPEC's interval. */
void pp_paired_counts_compute(const pp_paired_table *t, double conf_level,
                              pp_paired_counts *out);

/* pct_before[k-1], pct_after[k-1]: % of pairs at code k, before and after
 * (arrays of t->k doubles). Returns 1, or 0 when there are no pairs (or the
 * table is unusable), with the arrays set to 0. */
int pp_paired_level_shares(const pp_paired_table *t, double *pct_before, double *pct_after);

/* ---- top box and bottom box (paired_top_box.c) ------------------------ */

/* How φ̂ (the correlation of the paired top-box indicators) enters
 * Newcombe's method 10 interval. */
typedef enum {
    /* Altman et al., Statistics with Confidence: when AD > BC, use
     * max(AD - BC - N/2, 0). This is what Newcombe (1998) used for his
     * worked examples, and it is the default. */
    PP_PHI_ALTMAN_HALF_N = 0,
    /* plain (AD - BC) / sqrt(product of the margins) */
    PP_PHI_PLAIN
} pp_phi_convention;

#define PP_PHI_DEFAULT PP_PHI_ALTMAN_HALF_N

/* "altman_n_over_2" or "plain", as written to results.json. */
const char *pp_phi_convention_name(pp_phi_convention convention);

typedef struct {
    int available;                 /* 0: no pairs, or no level flagged */
    const char *reason;
    double top_before, top_after;  /* % of pairs in a flagged level */
    double top_shift_pp;           /* top_after - top_before */
    double ci_low, ci_high;        /* Newcombe (1998) method 10, in pp */
    pp_phi_convention convention;
    const char *convention_name;
    /* the paired 2 x 2 table of the flagged levels */
    double both, after_only, before_only, neither;
} pp_paired_top_box;

/* is_top: k flags (non-zero = a top level). conf_level 0.95 for the SPEC.
 * Also used for the bottom box (pass is_bottom; ignore the interval). */
void pp_paired_top_box_compute(const pp_paired_table *t, const unsigned char *is_top,
                               double conf_level, pp_phi_convention convention,
                               pp_paired_top_box *out);

/* ---- exact binomial tests (paired_binomial.c) ------------------------- */

typedef struct {
    int available;
    const char *reason;
    double successes, trials;
    double p;                      /* two-sided, binom.test(x, n, 0.5)$p.value */
} pp_binomial_p;

/* X ~ Binomial(n, 1/2): P(X = k) and P(X <= k), as R's dbinom and pbinom
 * (binomial_half.c). */
double pp_binomial_half_pmf(double k, double n);
double pp_binomial_half_cdf(double k, double n);

/* binom.test(successes, trials, 0.5)$p.value (two-sided). Exposed for tests. */
double pp_binomial_two_sided_p(double successes, double trials);

/* mcnemar_p: exact binomial on the discordant top-box pairs
 * (before-only of before-only + after-only). */
void pp_paired_mcnemar_exact(const pp_paired_table *t, const unsigned char *is_top,
                             pp_binomial_p *out);
/* sign_p: binom.test(improved, improved + worsened). */
void pp_paired_sign_test(const pp_paired_table *t, pp_binomial_p *out);

/* ---- Wilcoxon signed-rank (paired_wilcoxon.c, signrank.c) ------------- */

typedef enum { PP_WILCOXON_EXACT, PP_WILCOXON_NORMAL } pp_wilcoxon_method;

typedef struct {
    int available;                 /* 0 when no pair changed */
    const char *reason;
    double n_nonzero;              /* pairs with after != before */
    double V;                      /* sum of the ranks of positive differences */
    double p;                      /* two-sided */
    pp_wilcoxon_method method;
    const char *method_name;       /* "exact" or "normal, tie- and continuity-corrected" */
    double rank_biserial;          /* (R+ - R-) / (R+ + R-), zeros dropped */
} pp_paired_wilcoxon;

/* wilcox.test(after, before, paired=TRUE) with R 4.2 defaults, from the
 * table in O(k^2). Returns 0, or -1 on out of memory (available = 0). */
int pp_paired_wilcoxon_compute(const pp_paired_table *t, pp_paired_wilcoxon *out);

/* Exact null distribution of the signed-rank statistic V for n untied
 * non-zero differences (R's psignrank): P(V <= q). n must be in 0..1000;
 * returns -1 on out of memory or bad n, else 0 with *prob set. */
int pp_signrank_cdf(double q, int n, double *prob);

/* ---- Stuart-Maxwell marginal homogeneity (stuart_maxwell.c) ----------- */

typedef struct {
    int available;
    const char *reason;
    int levels_used;               /* levels somebody chose */
    double chi2;
    int df;                        /* rank of the covariance matrix */
    double p;
} pp_stuart_maxwell;

/* coin::mh_test(table) with the asymptotic distribution. Returns 0, or -1
 * on out of memory (available = 0). */
int pp_stuart_maxwell_compute(const pp_paired_table *t, pp_stuart_maxwell *out);

/* ---- bootstrap of the mean shift (paired_bootstrap.c) ----------------- */

#define PP_BOOT_DEFAULT_REPLICATES 2000

typedef struct {
    int available;
    const char *reason;
    int replicates;
    unsigned long seed;
    double ci_low, ci_high;        /* percentile interval, R quantile() type 7 */
} pp_paired_bootstrap;

/* Resamples n_pairs pairs from the table B times (one multinomial draw over
 * the 2k - 1 shifts after - before each, since the mean shift depends on
 * nothing else; GSL mt19937 seeded with `seed`), and takes
 * the (1-conf)/2 and (1+conf)/2 type-7 quantiles of the B mean shifts.
 * Same table, B and seed: same bytes. Not available for no pairs, B < 1 or
 * more than UINT_MAX pairs. Returns 0, or -1 on out of memory
 * (available = 0). */
int pp_paired_bootstrap_mean_shift(const pp_paired_table *t, int replicates,
                                   unsigned long seed, double conf_level,
                                   pp_paired_bootstrap *out);

#endif

/* test_paired_stats.c: the paired statistics (stages/stats/paired.h)
 * against R. fixtures/stats/paired-reference.tsv, written by
 * scripts/stats-reference-paired.R, holds 50-odd tables and every statistic
 * R gives for them; each is compared to 1e-6 relative (1e-12 absolute near
 * 0), and "NA" must come out not available. A mismatch names the table and
 * the statistic. Then: Newcombe's published examples, K = 1 and K = 2,
 * exact tails, and the bootstrap (determinism, coverage, a large-B check). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "binomial_draw.h"
#include "cunit_main.h"
#include "paired.h"

/* ---- the reference fixture -------------------------------------------- */

enum { MAX_K = 16, MAX_STATS = 128, MAX_CASES = 200 };

typedef struct {
    char statistic[48];
    char value[80];
} expected_value;

typedef struct {
    char name[96];
    int k;
    long count[MAX_K * MAX_K];
    unsigned char is_top[MAX_K], is_bottom[MAX_K];
    int n_expected;
    expected_value expected[MAX_STATS];
} reference_case;

static reference_case *cases;
static int n_cases;

static int parse_list(const char *text, long *out, int max)
{
    int n = 0;
    char *end;
    while (*text != '\0' && n < max) {
        out[n++] = strtol(text, &end, 10);
        text = *end == ',' ? end + 1 : end;
        if (end == text && *end != '\0')
            return -1;
    }
    return n;
}

static void set_definition(reference_case *c, const char *statistic, const char *value)
{
    long values[MAX_K * MAX_K];
    if (strcmp(statistic, "k") == 0) {
        c->k = atoi(value);
    } else if (strcmp(statistic, "counts") == 0) {
        parse_list(value, c->count, MAX_K * MAX_K);
    } else if (strcmp(statistic, "is_top") == 0 || strcmp(statistic, "is_bottom") == 0) {
        int n = parse_list(value, values, MAX_K);
        unsigned char *flags = statistic[3] == 't' ? c->is_top : c->is_bottom;
        for (int i = 0; i < n; i++)
            flags[i] = (unsigned char)values[i];
    } else if (c->n_expected < MAX_STATS) {
        expected_value *e = &c->expected[c->n_expected++];
        snprintf(e->statistic, sizeof e->statistic, "%s", statistic);
        snprintf(e->value, sizeof e->value, "%s", value);
    }
}

/* Reads the fixture into `cases`; returns the number of tables, -1 if it
 * cannot be read. */
static int load_reference(void)
{
    const char *dir = getenv("PREPOST_FIXTURES");
    char path[1024], line[512];
    snprintf(path, sizeof path, "%s/stats/paired-reference.tsv", dir ? dir : "fixtures");
    FILE *in = fopen(path, "r");
    if (in == NULL) {
        fprintf(stderr, "cannot open %s (set PREPOST_FIXTURES)\n", path);
        return -1;
    }
    cases = calloc(MAX_CASES, sizeof *cases);
    n_cases = 0;
    while (cases != NULL && fgets(line, sizeof line, in) != NULL) {
        line[strcspn(line, "\r\n")] = '\0';
        if (line[0] == '#' || strncmp(line, "table\t", 6) == 0 || line[0] == '\0')
            continue;
        char *name = strtok(line, "\t"), *statistic = strtok(NULL, "\t"),
             *value = strtok(NULL, "\t");
        if (name == NULL || statistic == NULL || value == NULL)
            continue;
        if (n_cases == 0 || strcmp(cases[n_cases - 1].name, name) != 0) {
            if (n_cases == MAX_CASES)
                break;
            snprintf(cases[n_cases++].name, sizeof cases[0].name, "%s", name);
        }
        set_definition(&cases[n_cases - 1], statistic, value);
    }
    fclose(in);
    return cases ? n_cases : -1;
}

/* ---- everything we compute for one table ------------------------------ */

typedef struct {
    pp_paired_counts counts;
    int shares_available;
    double pct_before[MAX_K], pct_after[MAX_K];
    pp_paired_top_box top, top_plain, bottom;
    pp_binomial_p mcnemar, sign;
    pp_paired_wilcoxon wilcoxon;
    pp_stuart_maxwell stuart_maxwell;
} paired_results;

static void compute_all(const reference_case *c, paired_results *r)
{
    pp_paired_table t = {c->k, c->count};
    pp_paired_counts_compute(&t, 0.95, &r->counts);
    r->shares_available = pp_paired_level_shares(&t, r->pct_before, r->pct_after);
    pp_paired_top_box_compute(&t, c->is_top, 0.95, PP_PHI_DEFAULT, &r->top);
    pp_paired_top_box_compute(&t, c->is_top, 0.95, PP_PHI_PLAIN, &r->top_plain);
    pp_paired_top_box_compute(&t, c->is_bottom, 0.95, PP_PHI_DEFAULT, &r->bottom);
    pp_paired_mcnemar_exact(&t, c->is_top, &r->mcnemar);
    pp_paired_sign_test(&t, &r->sign);
    CU_ASSERT_EQUAL(pp_paired_wilcoxon_compute(&t, &r->wilcoxon), 0);
    CU_ASSERT_EQUAL(pp_stuart_maxwell_compute(&t, &r->stuart_maxwell), 0);
}

typedef struct {
    int found, available;
    double number;
    const char *text;          /* for wilcoxon_method */
} computed_value;

static computed_value numeric(int available, double number)
{
    return (computed_value){1, available, number, NULL};
}

static int level_of(const char *statistic, const char *prefix)
{
    size_t len = strlen(prefix);
    return strncmp(statistic, prefix, len) == 0 ? atoi(statistic + len) : 0;
}

static computed_value look_up(const paired_results *r, const char *s)
{
    const pp_paired_counts *c = &r->counts;
    int level;
    if (strcmp(s, "n_pairs") == 0) return numeric(1, (double)c->n_pairs);
    if (strcmp(s, "improved") == 0) return numeric(1, (double)c->improved);
    if (strcmp(s, "unchanged") == 0) return numeric(1, (double)c->unchanged);
    if (strcmp(s, "worsened") == 0) return numeric(1, (double)c->worsened);
    if ((level = level_of(s, "pct_before_")) > 0) return numeric(r->shares_available, r->pct_before[level - 1]);
    if ((level = level_of(s, "pct_after_")) > 0) return numeric(r->shares_available, r->pct_after[level - 1]);
    if (strcmp(s, "mean_before") == 0) return numeric(c->available, c->mean_before);
    if (strcmp(s, "mean_after") == 0) return numeric(c->available, c->mean_after);
    if (strcmp(s, "mean_shift") == 0) return numeric(c->available, c->mean_shift);
    if (strcmp(s, "mean_shift_ci_low") == 0) return numeric(c->ci_available, c->ci_low);
    if (strcmp(s, "mean_shift_ci_high") == 0) return numeric(c->ci_available, c->ci_high);
    if (strcmp(s, "top_before") == 0) return numeric(r->top.available, r->top.top_before);
    if (strcmp(s, "top_after") == 0) return numeric(r->top.available, r->top.top_after);
    if (strcmp(s, "top_shift_pp") == 0) return numeric(r->top.available, r->top.top_shift_pp);
    if (strcmp(s, "top_shift_ci_low") == 0) return numeric(r->top.available, r->top.ci_low);
    if (strcmp(s, "top_shift_ci_high") == 0) return numeric(r->top.available, r->top.ci_high);
    if (strcmp(s, "top_shift_ci_low_plain") == 0) return numeric(r->top_plain.available, r->top_plain.ci_low);
    if (strcmp(s, "top_shift_ci_high_plain") == 0) return numeric(r->top_plain.available, r->top_plain.ci_high);
    if (strcmp(s, "bottom_before") == 0) return numeric(r->bottom.available, r->bottom.top_before);
    if (strcmp(s, "bottom_after") == 0) return numeric(r->bottom.available, r->bottom.top_after);
    if (strcmp(s, "mcnemar_p") == 0) return numeric(r->mcnemar.available, r->mcnemar.p);
    if (strcmp(s, "sign_p") == 0) return numeric(r->sign.available, r->sign.p);
    if (strcmp(s, "wilcoxon_V") == 0) return numeric(r->wilcoxon.available, r->wilcoxon.V);
    if (strcmp(s, "wilcoxon_p") == 0) return numeric(r->wilcoxon.available, r->wilcoxon.p);
    if (strcmp(s, "rank_biserial") == 0) return numeric(r->wilcoxon.available, r->wilcoxon.rank_biserial);
    if (strcmp(s, "wilcoxon_method") == 0)
        return (computed_value){1, r->wilcoxon.available, 0, r->wilcoxon.method_name};
    if (strcmp(s, "stuart_maxwell_chi2") == 0) return numeric(r->stuart_maxwell.available, r->stuart_maxwell.chi2);
    if (strcmp(s, "stuart_maxwell_df") == 0) return numeric(r->stuart_maxwell.available, r->stuart_maxwell.df);
    if (strcmp(s, "stuart_maxwell_p") == 0) return numeric(r->stuart_maxwell.available, r->stuart_maxwell.p);
    return (computed_value){0, 0, 0, NULL};
}

static int close_enough(double got, double want)
{
    return fabs(got - want) <= fmax(1e-6 * fabs(want), 1e-12);
}

/* Returns 1 if the computed value matches; prints the mismatch otherwise. */
static int check_value(const reference_case *c, const expected_value *e, computed_value got)
{
    const char *problem = NULL;
    char detail[200] = "";
    if (!got.found) {
        problem = "is not a statistic the test knows";
    } else if (strcmp(e->value, "NA") == 0) {
        if (got.available)
            problem = "should be not available";
    } else if (!got.available) {
        problem = "is not available";
    } else if (got.text != NULL) {
        if (strcmp(got.text, e->value) != 0)
            problem = "differs", snprintf(detail, sizeof detail, "got \"%s\"", got.text);
    } else if (isnan(got.number) || !close_enough(got.number, strtod(e->value, NULL))) {
        problem = "differs";
        snprintf(detail, sizeof detail, "got %.17g", got.number);
    }
    if (problem == NULL)
        return 1;
    fprintf(stderr, "\n  MISMATCH table %s, statistic %s %s: R says %s %s\n",
            c->name, e->statistic, problem, e->value, detail);
    return 0;
}

static void test_against_r_reference(void)
{
    int loaded = load_reference();
    CU_ASSERT_FATAL(loaded >= 40);
    int compared = 0, failed = 0, exact = 0, normal = 0, not_available = 0;
    for (int i = 0; i < n_cases; i++) {
        const reference_case *c = &cases[i];
        CU_ASSERT_FATAL(c->k >= 1 && c->k <= MAX_K);
        paired_results r;
        compute_all(c, &r);
        for (int j = 0; j < c->n_expected; j++) {
            failed += !check_value(c, &c->expected[j], look_up(&r, c->expected[j].statistic));
            compared++;
        }
        exact += r.wilcoxon.available && r.wilcoxon.method == PP_WILCOXON_EXACT;
        normal += r.wilcoxon.available && r.wilcoxon.method == PP_WILCOXON_NORMAL;
        not_available += !r.counts.available || !r.wilcoxon.available;
    }
    free(cases);
    cases = NULL;
    CU_ASSERT_EQUAL(failed, 0);
    CU_ASSERT(compared >= 40 * 30);          /* a truncated fixture fails too */
    CU_ASSERT(exact >= 5);
    CU_ASSERT(normal >= 20);
    CU_ASSERT(not_available >= 2);
}

/* ---- Newcombe (1998), Table II, method 10 ----------------------------- */

/* Newcombe's a (both), b (first only), c (second only), d (neither) as a
 * K = 2 table whose top level is 2, "after" being his first proportion. */
static void newcombe_table(long a, long b, long c, long d, long count[4])
{
    count[0] = d;        /* before 1, after 1 */
    count[1] = b;        /* before 1, after 2: top after only */
    count[2] = c;        /* before 2, after 1: top before only */
    count[3] = a;
}

static void test_newcombe_published_examples(void)
{
    static const struct { long a, b, c, d; double lower, upper; } examples[] = {
        {36, 12, 2, 0, 0.0569, 0.3404},
        {18, 12, 2, 18, 0.0562, 0.3290},
        {53, 0, 0, 1, -0.0729, 0.0729},
        {0, 30, 0, 0, 0.8395, 1.0000},
    };
    const unsigned char is_top[2] = {0, 1};
    for (size_t i = 0; i < sizeof examples / sizeof examples[0]; i++) {
        long count[4];
        newcombe_table(examples[i].a, examples[i].b, examples[i].c, examples[i].d, count);
        pp_paired_table t = {2, count};
        pp_paired_top_box box;
        pp_paired_top_box_compute(&t, is_top, 0.95, PP_PHI_DEFAULT, &box);
        CU_ASSERT_FATAL(box.available);
        CU_ASSERT_STRING_EQUAL(box.convention_name, "altman_n_over_2");
        /* printed to 4 decimals of a proportion: 0.005 percentage points */
        CU_ASSERT_DOUBLE_EQUAL(box.ci_low, 100 * examples[i].lower, 0.0051);
        CU_ASSERT_DOUBLE_EQUAL(box.ci_high, 100 * examples[i].upper, 0.0051);
    }
    /* the plain φ̂ gives a different, narrower interval for 18,12,2,18 */
    long count[4];
    newcombe_table(18, 12, 2, 18, count);
    pp_paired_table t = {2, count};
    pp_paired_top_box box;
    pp_paired_top_box_compute(&t, is_top, 0.95, PP_PHI_PLAIN, &box);
    CU_ASSERT_STRING_EQUAL(box.convention_name, "plain");
    CU_ASSERT_DOUBLE_EQUAL(box.ci_low, 6.18, 0.0051);
    CU_ASSERT_DOUBLE_EQUAL(box.ci_high, 32.39, 0.0051);
    CU_ASSERT_DOUBLE_EQUAL(box.top_shift_pp, 20.0, 1e-12);
}

/* ---- small and degenerate tables -------------------------------------- */

static void test_k2_stuart_maxwell_is_mcnemar(void)
{
    long count[4] = {20, 9, 3, 15};     /* b = 9 (1 -> 2), c = 3 (2 -> 1) */
    pp_paired_table t = {2, count};
    pp_stuart_maxwell sm;
    CU_ASSERT_EQUAL_FATAL(pp_stuart_maxwell_compute(&t, &sm), 0);
    CU_ASSERT_FATAL(sm.available);
    CU_ASSERT_EQUAL(sm.df, 1);
    CU_ASSERT_DOUBLE_EQUAL(sm.chi2, (9.0 - 3) * (9 - 3) / (9 + 3), 1e-12);
    CU_ASSERT_DOUBLE_EQUAL(sm.p, 0.08326451666355042, 1e-12);   /* mcnemar.test(correct=FALSE) */
}

static void test_one_level(void)
{
    long count[1] = {12};
    const unsigned char is_top[1] = {1};
    pp_paired_table t = {1, count};
    pp_paired_counts counts;
    pp_paired_counts_compute(&t, 0.95, &counts);
    CU_ASSERT(counts.available);
    CU_ASSERT_EQUAL(counts.unchanged, 12);
    CU_ASSERT_DOUBLE_EQUAL(counts.mean_shift, 0, 0);
    CU_ASSERT_FALSE(counts.ci_available);
    CU_ASSERT_STRING_EQUAL(counts.ci_reason, "every pair unchanged");
    pp_paired_wilcoxon w;
    CU_ASSERT_EQUAL(pp_paired_wilcoxon_compute(&t, &w), 0);
    CU_ASSERT_FALSE(w.available);
    CU_ASSERT_STRING_EQUAL(w.reason, "every pair unchanged");
    pp_stuart_maxwell sm;
    CU_ASSERT_EQUAL(pp_stuart_maxwell_compute(&t, &sm), 0);
    CU_ASSERT_FALSE(sm.available);
    CU_ASSERT_STRING_EQUAL(sm.reason, "only one level chosen");
    pp_binomial_p sign, mcnemar;
    pp_paired_sign_test(&t, &sign);
    pp_paired_mcnemar_exact(&t, is_top, &mcnemar);
    CU_ASSERT_FALSE(sign.available);
    CU_ASSERT_STRING_EQUAL(sign.reason, "every pair unchanged");
    CU_ASSERT_FALSE(mcnemar.available);
    pp_paired_top_box box;
    pp_paired_top_box_compute(&t, is_top, 0.95, PP_PHI_DEFAULT, &box);
    CU_ASSERT(box.available);
    CU_ASSERT_DOUBLE_EQUAL(box.top_shift_pp, 0, 0);
    CU_ASSERT(!isnan(box.ci_low) && !isnan(box.ci_high));
}

static void test_no_pairs_and_bad_tables(void)
{
    long zeros[9] = {0}, negative[4] = {1, -1, 0, 2};
    const unsigned char none_top[3] = {0, 0, 0};
    pp_paired_table empty = {3, zeros}, bad = {2, negative}, no_counts = {3, NULL};
    pp_paired_counts counts;
    pp_paired_counts_compute(&empty, 0.95, &counts);
    CU_ASSERT_FALSE(counts.available);
    CU_ASSERT_STRING_EQUAL(counts.reason, "no pairs");
    CU_ASSERT_FALSE(isnan(counts.mean_shift));
    pp_paired_counts_compute(&bad, 0.95, &counts);
    CU_ASSERT_STRING_EQUAL(counts.reason, "a negative count");
    pp_paired_counts_compute(&no_counts, 0.95, &counts);
    CU_ASSERT_STRING_EQUAL(counts.reason, "no levels");
    pp_paired_top_box box;
    pp_paired_top_box_compute(&empty, none_top, 0.95, PP_PHI_DEFAULT, &box);
    CU_ASSERT_FALSE(box.available);
    CU_ASSERT_STRING_EQUAL(box.reason, "no level is marked");
    pp_paired_wilcoxon w;
    CU_ASSERT_EQUAL(pp_paired_wilcoxon_compute(&empty, &w), 0);
    CU_ASSERT_STRING_EQUAL(w.reason, "no pairs");
    pp_stuart_maxwell sm;
    CU_ASSERT_EQUAL(pp_stuart_maxwell_compute(&bad, &sm), 0);
    CU_ASSERT_FALSE(sm.available);
    pp_paired_bootstrap boot;
    CU_ASSERT_EQUAL(pp_paired_bootstrap_mean_shift(&empty, 2000, 1, 0.95, &boot), 0);
    CU_ASSERT_FALSE(boot.available);
    CU_ASSERT_STRING_EQUAL(boot.reason, "no pairs");
}

/* ---- exact distributions, checked against R ----------------------------- */

static void test_signrank_cdf(void)
{
    static const struct { double q; int n; double p; } cases_r[] = {
        {3, 5, 0.15625}, {10, 10, 0.0419921875}, {27, 10, 0.5},
        {200, 30, 0.25792422145605093}, {611, 49, 0.49606789335900464},
        {0, 1, 0.5}, {-1, 4, 0}, {10, 4, 1},
    };
    for (size_t i = 0; i < sizeof cases_r / sizeof cases_r[0]; i++) {
        double p = -1;
        CU_ASSERT_EQUAL_FATAL(pp_signrank_cdf(cases_r[i].q, cases_r[i].n, &p), 0);
        CU_ASSERT(close_enough(p, cases_r[i].p));
    }
    double p;
    CU_ASSERT_EQUAL(pp_signrank_cdf(1, -1, &p), -1);
}

static void test_binomial_against_r(void)
{
    static const struct { double x, n, p; } cases_r[] = {
        {4990000, 1e7, 2.5448004911551821e-10},
        {10000000, 20000002, 1.0},      /* R's 1e-7 tolerance widens the tail */
        {9999000, 20000002, 6.5455943709175968e-01},
        {3, 10, 3.4375000000000011e-01}, {7, 10, 3.4375000000000011e-01},
        {0, 1, 1}, {60, 100, 5.6887933640980867e-02}, {10, 3000, 0},
    };
    for (size_t i = 0; i < sizeof cases_r / sizeof cases_r[0]; i++)
        CU_ASSERT(close_enough(pp_binomial_two_sided_p(cases_r[i].x, cases_r[i].n), cases_r[i].p));
}

/* n in the tens of millions costs no more than n = 10: O(k^2). */
static void test_wilcoxon_huge_table(void)
{
    long count[49];
    for (int i = 0; i < 49; i++)
        count[i] = 1000000 + 7919L * i;
    pp_paired_table t = {7, count};
    pp_paired_wilcoxon w;
    CU_ASSERT_EQUAL_FATAL(pp_paired_wilcoxon_compute(&t, &w), 0);
    CU_ASSERT_FATAL(w.available);
    CU_ASSERT_EQUAL(w.method, PP_WILCOXON_NORMAL);
    CU_ASSERT(w.p >= 0 && w.p <= 1);
    double n = w.n_nonzero;
    double negative_sum = n * (n + 1) / 2 - w.V;
    CU_ASSERT_DOUBLE_EQUAL(w.rank_biserial, (w.V - negative_sum) / (n * (n + 1) / 2), 1e-12);
}

/* ---- bootstrap --------------------------------------------------------- */

static long moderate_table[16] = {10, 12, 6, 2, 3, 20, 15, 4, 1, 4, 25, 14, 0, 1, 3, 30};

static void test_bootstrap_is_deterministic(void)
{
    pp_paired_table t = {4, moderate_table};
    pp_paired_bootstrap first, second, other_seed;
    CU_ASSERT_EQUAL_FATAL(pp_paired_bootstrap_mean_shift(&t, PP_BOOT_DEFAULT_REPLICATES, 20110301, 0.95, &first), 0);
    CU_ASSERT_EQUAL_FATAL(pp_paired_bootstrap_mean_shift(&t, PP_BOOT_DEFAULT_REPLICATES, 20110301, 0.95, &second), 0);
    CU_ASSERT_EQUAL_FATAL(pp_paired_bootstrap_mean_shift(&t, PP_BOOT_DEFAULT_REPLICATES, 7, 0.95, &other_seed), 0);
    CU_ASSERT(first.available);
    CU_ASSERT_EQUAL(memcmp(&first.ci_low, &second.ci_low, sizeof first.ci_low), 0);
    CU_ASSERT_EQUAL(memcmp(&first.ci_high, &second.ci_high, sizeof first.ci_high), 0);
    CU_ASSERT(first.ci_low != other_seed.ci_low || first.ci_high != other_seed.ci_high);
    /* an empty level added to the scale changes nothing */
    long wider[25] = {0};
    for (int b = 0; b < 4; b++)
        for (int a = 0; a < 4; a++)
            wider[b * 5 + a] = moderate_table[b * 4 + a];
    pp_paired_table t5 = {5, wider};
    pp_paired_bootstrap widened;
    CU_ASSERT_EQUAL(pp_paired_bootstrap_mean_shift(&t5, PP_BOOT_DEFAULT_REPLICATES, 20110301, 0.95, &widened), 0);
    CU_ASSERT_EQUAL(memcmp(&first.ci_low, &widened.ci_low, sizeof first.ci_low), 0);
    CU_ASSERT_EQUAL(memcmp(&first.ci_high, &widened.ci_high, sizeof first.ci_high), 0);
}

/* The interval covers the observed shift, and with a large B its limits sit
 * near the normal ones: mean ± 1.96 sd / sqrt(n) (sd with divisor n). */
static void test_bootstrap_interval_is_sensible(void)
{
    pp_paired_table t = {4, moderate_table};
    pp_paired_counts counts;
    pp_paired_counts_compute(&t, 0.95, &counts);
    pp_paired_bootstrap boot;
    CU_ASSERT_EQUAL_FATAL(pp_paired_bootstrap_mean_shift(&t, 20000, 99, 0.95, &boot), 0);
    CU_ASSERT_FATAL(boot.available);
    CU_ASSERT(boot.ci_low < counts.mean_shift && counts.mean_shift < boot.ci_high);
    double n = (double)counts.n_pairs, ss = 0;
    for (int b = 1; b <= 4; b++)
        for (int a = 1; a <= 4; a++) {
            double deviation = (a - b) - counts.mean_shift;
            ss += moderate_table[(b - 1) * 4 + (a - 1)] * deviation * deviation;
        }
    double half_width = 1.959964 * sqrt(ss / n) / sqrt(n);
    CU_ASSERT_DOUBLE_EQUAL(boot.ci_low, counts.mean_shift - half_width, 0.05 * half_width);
    CU_ASSERT_DOUBLE_EQUAL(boot.ci_high, counts.mean_shift + half_width, 0.05 * half_width);
    /* every pair moved up by one: nothing to resample but that */
    long same[9] = {0, 4, 0, 0, 0, 6, 0, 0, 0};
    pp_paired_table shifted = {3, same};
    CU_ASSERT_EQUAL(pp_paired_bootstrap_mean_shift(&shifted, 500, 1, 0.95, &boot), 0);
    CU_ASSERT(boot.available);
    pp_paired_counts_compute(&shifted, 0.95, &counts);
    CU_ASSERT_FALSE(counts.ci_available);
    CU_ASSERT_STRING_EQUAL(counts.ci_reason, "every pair moved by the same amount");
    CU_ASSERT_DOUBLE_EQUAL(boot.ci_low, 1, 0);
    CU_ASSERT_DOUBLE_EQUAL(boot.ci_high, 1, 0);
    CU_ASSERT_EQUAL(pp_paired_bootstrap_mean_shift(&t, 0, 1, 0.95, &boot), 0);
    CU_ASSERT_FALSE(boot.available);
}

/* The same pairs a thousand times over: the interval narrows by sqrt(1000)
 * around the same shift, through the large-n binomial draws. */
static void test_bootstrap_large_counts(void)
{
    long many[16];
    for (int i = 0; i < 16; i++)
        many[i] = 1000 * moderate_table[i];
    pp_paired_table t = {4, many};
    pp_paired_counts counts;
    pp_paired_counts_compute(&t, 0.95, &counts);
    pp_paired_bootstrap boot;
    CU_ASSERT_EQUAL_FATAL(pp_paired_bootstrap_mean_shift(&t, 20000, 5, 0.95, &boot), 0);
    CU_ASSERT_FATAL(boot.available);
    double n = (double)counts.n_pairs, ss = 0;
    for (int b = 1; b <= 4; b++)
        for (int a = 1; a <= 4; a++) {
            double deviation = (a - b) - counts.mean_shift;
            ss += many[(b - 1) * 4 + (a - 1)] * deviation * deviation;
        }
    double half_width = 1.959964 * sqrt(ss / n) / sqrt(n);
    CU_ASSERT_DOUBLE_EQUAL(boot.ci_low, counts.mean_shift - half_width, 0.05 * half_width);
    CU_ASSERT_DOUBLE_EQUAL(boot.ci_high, counts.mean_shift + half_width, 0.05 * half_width);
}

/* Binomial draws by inversion (n p < 10) and by BTRD, p either side of 1/2:
 * mean and variance within 5 standard errors of n p and n p q. */
static void test_binomial_draws(void)
{
    static const double cases[][2] = {
        {7, 0.3}, {2000, 0.003}, {40, 0.5}, {9600, 0.31}, {9600, 0.97}, {1e8, 0.2}, {1e8, 0.999},
    };
    const long draws = 100000;
    gsl_rng *rng = gsl_rng_alloc(gsl_rng_mt19937);
    CU_ASSERT_PTR_NOT_NULL_FATAL(rng);
    gsl_rng_set(rng, 11);
    for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
        double n = cases[c][0], p = cases[c][1];
        pp_binomial_plan plan;
        pp_binomial_plan_init(&plan, p);
        double sum = 0, squares = 0;
        int outside = 0;
        for (long d = 0; d < draws; d++) {
            double x = pp_binomial_draw(rng, n, &plan);
            outside += x < 0 || x > n || x != floor(x);
            sum += x;
            squares += x * x;
        }
        double mean = sum / draws, variance = squares / draws - mean * mean;
        double want_variance = n * p * (1 - p);
        CU_ASSERT_EQUAL(outside, 0);
        CU_ASSERT_DOUBLE_EQUAL(mean, n * p, 5 * sqrt(want_variance / draws));
        CU_ASSERT_DOUBLE_EQUAL(variance, want_variance, 5 * want_variance * sqrt(2.0 / draws));
    }
    gsl_rng_free(rng);
}

static CU_TestInfo reference_tests[] = {
    {"every statistic matches R on the reference tables", test_against_r_reference},
    {"Newcombe's published method 10 examples", test_newcombe_published_examples},
    {NULL, NULL},
};

static CU_TestInfo edge_tests[] = {
    {"K = 2 Stuart-Maxwell is McNemar's chi-square", test_k2_stuart_maxwell_is_mcnemar},
    {"K = 1: defined results, reasons where not available", test_one_level},
    {"no pairs and unusable tables", test_no_pairs_and_bad_tables},
    {"psignrank values", test_signrank_cdf},
    {"binom.test values, huge n and R's tolerance", test_binomial_against_r},
    {"Wilcoxon on a table of 50 million pairs", test_wilcoxon_huge_table},
    {NULL, NULL},
};

static CU_TestInfo bootstrap_tests[] = {
    {"same seed, same bytes", test_bootstrap_is_deterministic},
    {"covers the shift and agrees with a large-B normal range", test_bootstrap_interval_is_sensible},
    {"a thousand times the pairs: the normal range narrows", test_bootstrap_large_counts},
    {"binomial draws have the binomial mean and variance", test_binomial_draws},
    {NULL, NULL},
};

CU_ErrorCode add_suites(void)
{
    CU_ErrorCode status = add_suite("paired: R reference", reference_tests);
    if (status == CUE_SUCCESS)
        status = add_suite("paired: edges", edge_tests);
    if (status == CUE_SUCCESS)
        status = add_suite("paired: bootstrap", bootstrap_tests);
    return status;
}

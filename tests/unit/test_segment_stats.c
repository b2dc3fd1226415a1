/* test_segment_stats.c: the single-item, multi-option and between-segment
 * statistics (stages/stats/) against R 4.2: every line of
 * $PREPOST_FIXTURES/stats/segments-reference.tsv (written by
 * scripts/stats-reference-segments.R) is recomputed and compared to 1e-6
 * relative; "NA" lines must come out "not available" with a reason. The
 * Monte Carlo Fisher p-value uses another RNG than R, so it is checked
 * statistically: within a few Monte Carlo standard errors of R's simulated
 * value and of the exact p-value, and identical for the same seed. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cunit_main.h"
#include "fisher.h"
#include "fisher_mc.h"
#include "holm.h"
#include "multi_option.h"
#include "random_table.h"
#include "rank_sum_exact.h"
#include "segment_compare.h"
#include "single_item.h"
#include "wilson.h"

#define MAX_CELLS 64
#define SEED 20110301UL

/* ---- what a computation gives for one statistic ---- */

typedef struct {
    bool na;                /* not available */
    const char *text;       /* a name (method), or NULL for a number */
    double num;
} value;

static value num(double x) { return (value){ .num = x }; }
static value text(const char *s) { return (value){ .text = s, .na = s == NULL }; }
static value na(void) { return (value){ .na = true }; }
static value num_if(bool available, double x) { return available ? num(x) : na(); }

/* ---- parsing fixture inputs ---- */

static bool bad_input;      /* set when a fixture input does not parse */

/* "3,0,12" up to ';', '/' or the end -> longs. Returns the count. */
static int parse_longs(const char *s, long *out, int max)
{
    int n = 0;
    while (*s && *s != ';' && *s != '/') {
        char *end;
        long x = strtol(s, &end, 10);
        if (end == s || n == max || !strchr(",;/", *end)) {
            bad_input = true;
            return n;
        }
        out[n++] = x;
        s = *end == ',' ? end + 1 : end;
    }
    return n;
}

static const char *field(const char *input, const char *key)
{
    const char *at = strstr(input, key);
    return at ? at + strlen(key) : "";
}

/* ---- one result per case, recomputed when the case changes ---- */

typedef struct {
    char name[128];
    char kind[16];
    pp_wilson wilson;
    long counts[MAX_CELLS], missing[MAX_CELLS], top[MAX_CELLS], bottom[MAX_CELLS];
    unsigned char is_top[MAX_CELLS], is_bottom[MAX_CELLS];
    int n_levels, n_missing, n_segments;
    pp_single_summary single;
    pp_share shares[MAX_CELLS], missing_shares[MAX_CELLS];
    pp_segment_comparison segments;
    double p[MAX_CELLS], adjusted[MAX_CELLS];
    bool available[MAX_CELLS];
    double pwilcox;
} case_result;

static void compute_single(case_result *c, const char *input)
{
    c->n_levels = parse_longs(field(input, "counts="), c->counts, MAX_CELLS);
    c->n_missing = parse_longs(field(input, "missing="), c->missing, MAX_CELLS);
    int n_top = parse_longs(field(input, "top="), c->top, MAX_CELLS);
    int n_bottom = parse_longs(field(input, "bottom="), c->bottom, MAX_CELLS);
    memset(c->is_top, 0, sizeof c->is_top);
    memset(c->is_bottom, 0, sizeof c->is_bottom);
    for (int i = 0; i < n_top; i++)
        c->is_top[c->top[i] - 1] = 1;
    for (int i = 0; i < n_bottom; i++)
        c->is_bottom[c->bottom[i] - 1] = 1;
    pp_single_counts item = { c->n_levels, c->counts, c->is_top, c->is_bottom,
                              c->n_missing, c->missing };
    c->single = pp_single_item_summary(&item, c->shares, c->missing_shares);
}

static void compute_segments(case_result *c, const char *input)
{
    int cells = 0, rows = 0;
    for (const char *s = input; *s; rows++) {
        int n = parse_longs(s, c->counts + cells, MAX_CELLS - cells);
        c->n_levels = n;
        cells += n;
        s = strchr(s, '/');
        s = s ? s + 1 : "";
    }
    c->n_segments = rows;
    c->segments = pp_compare_segments(c->counts, rows, c->n_levels, SEED);
}

static void compute_holm(case_result *c, const char *input)
{
    int n = 0;
    for (const char *s = input; *s && n < MAX_CELLS; n++) {
        char *end;
        c->available[n] = strncmp(s, "NA", 2) != 0;
        c->p[n] = c->available[n] ? strtod(s, &end) : (end = (char *)s + 2, 0);
        s = *end == ',' ? end + 1 : end;
    }
    CU_ASSERT_EQUAL_FATAL(pp_holm_adjust((size_t)n, c->p, c->available, c->adjusted), 0);
}

static void compute_case(case_result *c, const char *name, const char *kind,
                         const char *input)
{
    snprintf(c->name, sizeof c->name, "%s", name);
    snprintf(c->kind, sizeof c->kind, "%s", kind);
    bad_input = false;
    if (strcmp(kind, "wilson") == 0) {
        long x, n;
        char rest;
        bad_input = sscanf(input, "%ld %ld%c", &x, &n, &rest) != 2;
        c->wilson = pp_wilson_interval(x, n, 0.95);
    } else if (strcmp(kind, "single") == 0) {
        compute_single(c, input);
    } else if (strcmp(kind, "multi") == 0) {
        int n = parse_longs(field(input, "chosen="), c->counts, MAX_CELLS);
        pp_multi_option_shares(c->counts, n, atol(field(input, "respondents=")), c->shares);
    } else if (strcmp(kind, "segments") == 0) {
        compute_segments(c, input);
    } else if (strcmp(kind, "holm") == 0) {
        compute_holm(c, input);
    } else if (strcmp(kind, "pwilcox") == 0) {
        double q;
        int m, n;
        char rest;
        bad_input = sscanf(input, "%lf %d %d%c", &q, &m, &n, &rest) != 3;
        c->pwilcox = pp_rank_sum_lower_tail(q, m, n);
    }
}

/* ---- statistic name -> computed value ---- */

/* "pct_3" -> 2 (0-based index), or -1 if stat does not start with prefix. */
static int indexed(const char *stat, const char *prefix)
{
    size_t len = strlen(prefix);
    if (strncmp(stat, prefix, len) != 0 || stat[len] < '1' || stat[len] > '9')
        return -1;
    return atoi(stat + len) - 1;
}

static bool share_stat(const pp_share *shares, const char *stat, const char *prefix,
                       value *out)
{
    char key[64];
    const char *parts[] = { "pct_", "pct_lower_", "pct_upper_" };
    for (int part = 0; part < 3; part++) {
        snprintf(key, sizeof key, "%s%s", prefix, parts[part]);
        int i = indexed(stat, key);
        if (i < 0)
            continue;
        const pp_share *s = &shares[i];
        double x = part == 0 ? s->pct : part == 1 ? s->pct_lower : s->pct_upper;
        *out = num_if(s->available, x);
        return true;
    }
    return false;
}

static bool single_stat(const case_result *c, const char *stat, value *out)
{
    const pp_single_summary *s = &c->single;
    int i;
    if (share_stat(c->shares, stat, "", out))
        return true;
    if ((i = indexed(stat, "missing_pct_")) >= 0)
        *out = num_if(c->missing_shares[i].available, c->missing_shares[i].pct);
    else if ((i = indexed(stat, "missing_lower_")) >= 0)
        *out = num_if(c->missing_shares[i].available, c->missing_shares[i].pct_lower);
    else if ((i = indexed(stat, "missing_upper_")) >= 0)
        *out = num_if(c->missing_shares[i].available, c->missing_shares[i].pct_upper);
    else if (strcmp(stat, "n") == 0) *out = num((double)s->n);
    else if (strcmp(stat, "answered") == 0) *out = num((double)s->answered);
    else if (strcmp(stat, "missing") == 0) *out = num_if(s->missing_available, s->missing);
    else if (strcmp(stat, "positive") == 0) *out = num_if(s->available, s->positive);
    else if (strcmp(stat, "negative") == 0) *out = num_if(s->available, s->negative);
    else if (strcmp(stat, "neutral") == 0) *out = num_if(s->available, s->neutral);
    else if (strcmp(stat, "mean") == 0) *out = num_if(s->available, s->mean);
    else if (strcmp(stat, "median") == 0) *out = num_if(s->available, s->median);
    else return false;
    return true;
}

static bool segments_stat(const case_result *c, const char *stat, value *out)
{
    const pp_homogeneity *h = &c->segments.homogeneity;
    const pp_rank_comparison *r = &c->segments.ranks;
    if (strcmp(stat, "segments_used") == 0) *out = num(h->segments_used);
    else if (strcmp(stat, "levels_used") == 0) *out = num(h->levels_used);
    else if (strcmp(stat, "chisq_statistic") == 0) *out = num_if(h->available, h->chisq_statistic);
    else if (strcmp(stat, "chisq_df") == 0) *out = num_if(h->available, h->chisq_df);
    else if (strcmp(stat, "chisq_p") == 0) *out = num_if(h->available, h->chisq_p);
    else if (strcmp(stat, "min_expected") == 0) *out = num_if(h->available, h->min_expected);
    else if (strcmp(stat, "method") == 0) *out = text(h->available ? h->method : NULL);
    else if (strcmp(stat, "p") == 0) *out = num_if(h->available, h->p);
    else if (strcmp(stat, "rank_test") == 0) *out = text(r->available ? r->test : NULL);
    else if (strcmp(stat, "rank_method") == 0) *out = text(r->available ? r->method : NULL);
    else if (strcmp(stat, "rank_statistic") == 0) *out = num_if(r->available, r->statistic);
    else if (strcmp(stat, "rank_df") == 0) *out = num_if(r->available, r->df);
    else if (strcmp(stat, "rank_p") == 0) *out = num_if(r->available, r->p);
    else return false;
    return true;
}

static bool lookup(const case_result *c, const char *stat, value *out)
{
    const char *kind = c->kind;
    int i;
    if (strcmp(kind, "wilson") == 0) {
        if (strcmp(stat, "lower") == 0) *out = num_if(c->wilson.available, c->wilson.lower);
        else if (strcmp(stat, "upper") == 0) *out = num_if(c->wilson.available, c->wilson.upper);
        else return false;
        return true;
    }
    if (strcmp(kind, "single") == 0)
        return single_stat(c, stat, out);
    if (strcmp(kind, "multi") == 0)
        return share_stat(c->shares, stat, "", out);
    if (strcmp(kind, "segments") == 0)
        return segments_stat(c, stat, out);
    if (strcmp(kind, "holm") == 0 && (i = indexed(stat, "adj_")) >= 0) {
        *out = num_if(c->available[i], c->adjusted[i]);
        return true;
    }
    if (strcmp(kind, "pwilcox") == 0 && strcmp(stat, "p") == 0) {
        *out = num_if(c->pwilcox >= 0, c->pwilcox);
        return true;
    }
    return false;
}

/* ---- comparing ---- */

static int failures;

static void fail(const char *case_name, const char *stat, const char *what)
{
    char message[512];
    snprintf(message, sizeof message, "case %s, statistic %s: %s", case_name, stat, what);
    fprintf(stderr, "FAIL %s\n", message);
    CU_assertImplementation(CU_FALSE, __LINE__, message, __FILE__, "", CU_FALSE);
    failures++;
}

/* A p-value is compared to 1e-6 relative all the way down; other figures
 * that should be 0 may differ from R's by rounding noise (1e-12). */
static bool close_enough(const char *stat, double got, double want)
{
    double diff = fabs(got - want);
    if (diff <= 1e-6 * fmax(fabs(got), fabs(want)))
        return true;
    bool is_p = strstr(stat, "_p") || strcmp(stat, "p") == 0 || strncmp(stat, "adj_", 4) == 0;
    return !is_p && diff <= 1e-12;
}

/* Monte Carlo p against R's simulated one (two independent estimates) and
 * against the exact p, allowing 5 standard errors plus the 1/(B+1) grain. */
static void check_monte_carlo(const case_result *c, const char *stat, double want)
{
    const pp_homogeneity *h = &c->segments.homogeneity;
    if (!h->available || strcmp(h->method, PP_METHOD_FISHER_MC) != 0) {
        fail(c->name, stat, "expected the Monte Carlo Fisher test");
        return;
    }
    double B = PP_FISHER_MC_REPLICATES;
    double centre = (h->p + want) / 2;
    double se = sqrt(fmax(centre * (1 - centre), 1 / B) / B);
    double sources = strcmp(stat, "p_mc_r") == 0 ? sqrt(2) : 1;
    double allowed = 5 * sources * se + 2 / (B + 1);
    if (fabs(h->p - want) > allowed) {
        char what[160];
        snprintf(what, sizeof what, "Monte Carlo p %.6f vs R %.6f: off by more than %.4f",
                 h->p, want, allowed);
        fail(c->name, stat, what);
    }
}

static void check_line(const case_result *c, const char *stat, const char *want)
{
    if (strcmp(c->kind, "segments") == 0 &&
        (strcmp(stat, "p_mc_r") == 0 || strcmp(stat, "p_exact") == 0)) {
        if (strcmp(want, "NA") != 0)
            check_monte_carlo(c, stat, strtod(want, NULL));
        return;
    }
    value got;
    char what[256];
    if (!lookup(c, stat, &got)) {
        fail(c->name, stat, "unknown statistic in the fixture");
        return;
    }
    if (strcmp(want, "NA") == 0) {
        if (!got.na)
            fail(c->name, stat, "R says not available, we computed a value");
        return;
    }
    if (got.na) {
        snprintf(what, sizeof what, "not available, R says %s", want);
        fail(c->name, stat, what);
    } else if (got.text) {
        if (strcmp(got.text, want) != 0) {
            snprintf(what, sizeof what, "got \"%s\", R says \"%s\"", got.text, want);
            fail(c->name, stat, what);
        }
    } else if (isnan(got.num) || !close_enough(stat, got.num, strtod(want, NULL))) {
        snprintf(what, sizeof what, "got %.17g, R says %s", got.num, want);
        fail(c->name, stat, what);
    }
}

static FILE *open_fixture(void)
{
    const char *dir = getenv("PREPOST_FIXTURES");
    char path[1024];
    if (dir == NULL) {
        CU_FAIL("PREPOST_FIXTURES is not set");
        return NULL;
    }
    snprintf(path, sizeof path, "%s/stats/segments-reference.tsv", dir);
    FILE *f = fopen(path, "r");
    if (f == NULL) {
        fprintf(stderr, "cannot open %s\n", path);
        CU_FAIL("cannot open the reference fixture");
    }
    return f;
}

static void test_against_r_reference(void)
{
    FILE *f = open_fixture();
    if (f == NULL)
        return;
    static case_result current;
    current.name[0] = '\0';
    char *line = NULL;
    size_t size = 0;
    int lines = 0, cases = 0, segment_cases = 0;
    failures = 0;
    while (getline(&line, &size, f) > 0) {
        line[strcspn(line, "\r\n")] = '\0';
        char *name = strtok(line, "\t"), *kind = strtok(NULL, "\t");
        char *input = strtok(NULL, "\t"), *stat = strtok(NULL, "\t");
        char *want = strtok(NULL, "\t");
        if (!name || strcmp(name, "case") == 0)
            continue;
        if (!kind || !input || !stat || !want) {
            fail(name, "?", "malformed fixture line");
            continue;
        }
        if (strcmp(name, current.name) != 0) {
            compute_case(&current, name, kind, input);
            if (bad_input)
                fail(name, "(input)", "the fixture input does not parse");
            cases++;
            segment_cases += strcmp(kind, "segments") == 0;
        }
        check_line(&current, stat, want);
        lines++;
    }
    free(line);
    fclose(f);
    fprintf(stderr, "%d reference lines, %d cases (%d between segments), %d failures\n",
            lines, cases, segment_cases, failures);
    CU_ASSERT(segment_cases >= 40);
    CU_ASSERT(lines >= 500);
}

/* ---- Monte Carlo: determinism, margins, and accuracy with a large B ---- */

static const long sparse_table[] = { 2, 1, 0, 1,  0, 1, 2, 1,  1, 0, 0, 3 };
#define SPARSE_EXACT_P 0.37662337662337519   /* fisher.test(), exact */

static void test_monte_carlo_is_deterministic(void)
{
    pp_table t;
    CU_ASSERT_EQUAL_FATAL(pp_table_compact(sparse_table, 3, 4, &t), 0);
    pp_fisher_mc a = pp_fisher_monte_carlo(&t, 2000, 7);
    pp_fisher_mc b = pp_fisher_monte_carlo(&t, 2000, 7);
    pp_fisher_mc other = pp_fisher_monte_carlo(&t, 2000, 8);
    CU_ASSERT_TRUE(a.available && b.available && other.available);
    CU_ASSERT_EQUAL(a.p, b.p);
    CU_ASSERT_NOT_EQUAL(a.p, other.p);      /* the seed is really used */
    pp_table_free(&t);
}

static void test_monte_carlo_large_b_matches_exact(void)
{
    pp_table t;
    CU_ASSERT_EQUAL_FATAL(pp_table_compact(sparse_table, 3, 4, &t), 0);
    long B = 200000;
    pp_fisher_mc mc = pp_fisher_monte_carlo(&t, B, 99);
    double se = sqrt(SPARSE_EXACT_P * (1 - SPARSE_EXACT_P) / B);
    CU_ASSERT_TRUE(mc.available);
    if (fabs(mc.p - SPARSE_EXACT_P) > 5 * se)
        fprintf(stderr, "Monte Carlo p %.5f, exact %.5f, 5 SE = %.5f\n",
                mc.p, SPARSE_EXACT_P, 5 * se);
    CU_ASSERT(fabs(mc.p - SPARSE_EXACT_P) <= 5 * se);
    pp_table_free(&t);
}

/* Large counts take the ratio-of-uniforms draws: a 2 x 2 table with cells
 * near 1,000 against Fisher's exact p (checked against R elsewhere). */
static void test_monte_carlo_large_counts_match_exact(void)
{
    const long large[] = { 1000, 1075, 980, 1060 };
    pp_table t;
    CU_ASSERT_EQUAL_FATAL(pp_table_compact(large, 2, 2, &t), 0);
    double exact = pp_fisher_exact_2x2(&t);
    long B = 20000;
    pp_fisher_mc mc = pp_fisher_monte_carlo(&t, B, 3);
    double se = sqrt(exact * (1 - exact) / B);
    CU_ASSERT_TRUE(mc.available);
    CU_ASSERT(exact > 0.2 && exact < 0.99);
    if (fabs(mc.p - exact) > 5 * se)
        fprintf(stderr, "Monte Carlo p %.5f, exact %.5f, 5 SE = %.5f\n", mc.p, exact, 5 * se);
    CU_ASSERT(fabs(mc.p - exact) <= 5 * se);
    pp_table_free(&t);
}

static void test_random_tables_keep_margins(void)
{
    const long rows[] = { 5, 0, 17, 3 }, cols[] = { 10, 1, 0, 14 };
    long cells[16], scratch[4];          /* the margins sum to 25 */
    const double *log_factorial = pp_log_factorial_table();
    gsl_rng *rng = gsl_rng_alloc(gsl_rng_mt19937);
    CU_ASSERT_PTR_NOT_NULL_FATAL(log_factorial);
    CU_ASSERT_PTR_NOT_NULL_FATAL(rng);
    gsl_rng_set(rng, 1);
    int bad = 0;
    for (int b = 0; b < 1000; b++) {
        pp_random_table(rng, 4, 4, rows, cols, log_factorial, scratch, cells);
        for (int i = 0; i < 4; i++) {
            long r = 0, c = 0;
            for (int j = 0; j < 4; j++) {
                r += cells[i * 4 + j];
                c += cells[j * 4 + i];
                bad += cells[i * 4 + j] < 0;
            }
            bad += r != rows[i] || c != cols[i];
        }
    }
    CU_ASSERT_EQUAL(bad, 0);
    gsl_rng_free(rng);
}

/* ---- degenerate input: not available, with a reason, never NaN ---- */

static void test_degenerate_inputs_say_why(void)
{
    const long zeros[6] = { 0 }, one_level[6] = { 0, 4, 0, 0, 9, 0 };
    pp_segment_comparison none = pp_compare_segments(zeros, 2, 3, SEED);
    CU_ASSERT_FALSE(none.homogeneity.available);
    CU_ASSERT_PTR_NOT_NULL(none.homogeneity.reason);
    CU_ASSERT_FALSE(none.ranks.available);
    CU_ASSERT_PTR_NOT_NULL(none.ranks.reason);

    pp_segment_comparison flat = pp_compare_segments(one_level, 2, 3, SEED);
    CU_ASSERT_FALSE(flat.homogeneity.available);
    CU_ASSERT_FALSE(flat.ranks.available);
    CU_ASSERT_PTR_NOT_NULL(flat.ranks.reason);

    pp_segment_comparison single = pp_compare_segments(one_level, 1, 6, SEED);
    CU_ASSERT_FALSE(single.homogeneity.available);
    CU_ASSERT_FALSE(single.ranks.available);

    pp_wilson w = pp_wilson_interval(0, 0, 0.95);
    CU_ASSERT_FALSE(w.available);
    CU_ASSERT_PTR_NOT_NULL(w.reason);
    CU_ASSERT_FALSE(pp_wilson_interval(5, 4, 0.95).available);
    CU_ASSERT_FALSE(pp_wilson_interval(-1, 4, 0.95).available);

    const long negative[4] = { 3, -1, 2, 2 };
    CU_ASSERT_FALSE(pp_compare_segments(negative, 2, 2, SEED).homogeneity.available);
    CU_ASSERT_FALSE(pp_compare_segments(negative, 2, 2, SEED).ranks.available);

    pp_single_counts empty = { 3, zeros, NULL, NULL, 0, NULL };
    pp_share shares[3];
    pp_single_summary s = pp_single_item_summary(&empty, shares, NULL);
    CU_ASSERT_FALSE(s.available);
    CU_ASSERT_FALSE(s.missing_available);
    CU_ASSERT_PTR_NOT_NULL(s.reason);
    CU_ASSERT_FALSE(shares[0].available);
}

static void test_holm_leaves_unavailable_alone(void)
{
    double p[3] = { 0.02, 123.0, 0.01 }, adjusted[3];
    bool available[3] = { true, false, true };
    CU_ASSERT_EQUAL_FATAL(pp_holm_adjust(3, p, available, adjusted), 0);
    CU_ASSERT_DOUBLE_EQUAL(adjusted[0], 0.02, 1e-15);
    CU_ASSERT_EQUAL(adjusted[1], 123.0);
    CU_ASSERT_DOUBLE_EQUAL(adjusted[2], 0.02, 1e-15);
    CU_ASSERT_EQUAL(pp_holm_adjust(0, p, available, adjusted), 0);
}

CU_ErrorCode add_suites(void)
{
    static CU_TestInfo tests[] = {
        { "every statistic matches R 4.2", test_against_r_reference },
        { "Monte Carlo p is deterministic for a seed", test_monte_carlo_is_deterministic },
        { "Monte Carlo p with large B is the exact p", test_monte_carlo_large_b_matches_exact },
        { "Monte Carlo p with large counts is the exact p", test_monte_carlo_large_counts_match_exact },
        { "random tables keep their margins", test_random_tables_keep_margins },
        { "degenerate input is not available, with a reason", test_degenerate_inputs_say_why },
        { "Holm skips what is not available", test_holm_leaves_unavailable_alone },
        CU_TEST_INFO_NULL,
    };
    return add_suite("segment statistics", tests);
}

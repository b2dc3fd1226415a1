/* table_paired.c: the table of a before/after item. Per segment level: the
 * levels' shares of the pairs before and after, the labels not on the
 * scale apart (shares of all who answered that side), then the pairs and
 * the statistics of SPEC §5 with their intervals, p and Holm p. */
#include "table_build.h"
#include "table_values.h"

#include <stdio.h>

enum { PART = PP_TC_FIRST_OWN, MEASURE, N, BEFORE, AFTER, CHANGE, CI_LOW, CI_HIGH, CI, P, P_HOLM,
       N_COLS };

static const pp_column columns[N_COLS] = {
    PP_TABLE_SLOT_COLUMNS,
    {"part", "Part", PP_COL_CSV, false},
    {"measure", "Measure", PP_COL_BOTH, false},
    {"n", "n", PP_COL_BOTH, true},
    {"before", "Before", PP_COL_BOTH, true},
    {"after", "After", PP_COL_BOTH, true},
    {"change", "Change", PP_COL_BOTH, true},
    {"ci_low", "CI low", PP_COL_CSV, true},
    {"ci_high", "CI high", PP_COL_CSV, true},
    {"", "95% CI", PP_COL_PAGE, true},
    {"p", "p", PP_COL_BOTH, true},
    {"p_holm", "Holm p", PP_COL_BOTH, true},
};

static void row(pp_table *t, json_t *slot, bool rule, const char *part, const char *measure)
{
    pp_table_slot_row(t, slot, rule);
    pp_table_text(t, PART, part, part);
    pp_table_text(t, MEASURE, measure, measure);
}

/* Before, after and after minus before, in percentage points. */
static void before_after(pp_table *t, json_t *slot, json_t *before, json_t *after)
{
    const char *reason = pp_table_reason(slot, "n_pairs");
    pp_table_json(t, BEFORE, before, PP_SHOW_PCT, reason);
    pp_table_json(t, AFTER, after, PP_SHOW_PCT, reason);
    pp_table_number(t, CHANGE, json_is_number(before) && json_is_number(after),
                    json_number_value(after) - json_number_value(before), PP_SHOW_CHANGE, reason);
}

static void test_row(pp_table *t, json_t *slot, const char *measure, const char *key)
{
    char holm[96];
    snprintf(holm, sizeof holm, "%s_holm", key);
    row(t, slot, false, "statistic", measure);
    pp_table_stat(t, P, slot, key, PP_SHOW_P);
    pp_table_stat(t, P_HOLM, slot, holm, PP_SHOW_P);
}

static void distribution(pp_table *t, json_t *item, json_t *slot)
{
    json_t *scale = json_object_get(item, "scale"), *label;
    size_t k;
    char measure[600];
    json_array_foreach(json_object_get(scale, "levels"), k, label) {
        snprintf(measure, sizeof measure, "%s %%", json_string_value(label));
        row(t, slot, false, "answer", measure);
        before_after(t, slot, pp_table_at(slot, "pct_before", k), pp_table_at(slot, "pct_after", k));
    }
    json_array_foreach(json_object_get(scale, "missing"), k, label) {
        const char *name = json_string_value(label);
        snprintf(measure, sizeof measure, "%s %% (not on the scale)", name);
        row(t, slot, k == 0, "not on the scale", measure);
        before_after(t, slot, json_object_get(json_object_get(slot, "missing_before"), name),
                     json_object_get(json_object_get(slot, "missing_after"), name));
    }
}

static void pairs(pp_table *t, json_t *slot)
{
    static const char *const keys[] = {"n_pairs", "improved", "unchanged", "worsened"};
    static const char *const names[] = {"Pairs", "Improved", "Unchanged", "Worsened"};
    for (size_t i = 0; i < 4; i++) {
        row(t, slot, i == 0, "pairs", names[i]);
        pp_table_stat(t, N, slot, keys[i], PP_SHOW_COUNT);
    }
}

static void boxes(pp_table *t, json_t *item, json_t *slot)
{
    json_t *scale = json_object_get(item, "scale");
    char list[400], measure[600];
    pp_table_join(json_object_get(scale, "top"), list, sizeof list);
    snprintf(measure, sizeof measure, "Top box %% (%s)", list);
    row(t, slot, false, "statistic", measure);
    before_after(t, slot, json_object_get(slot, "top_before"), json_object_get(slot, "top_after"));
    pp_table_interval(t, CI_LOW, CI_HIGH, CI, json_object_get(slot, "top_shift_ci"),
                      PP_SHOW_PCT, pp_table_reason(slot, "top_shift_ci"));
    pp_table_join(json_object_get(scale, "bottom"), list, sizeof list);
    snprintf(measure, sizeof measure, "Bottom box %% (%s)", list);
    row(t, slot, false, "statistic", measure);
    before_after(t, slot, json_object_get(slot, "bottom_before"),
                 json_object_get(slot, "bottom_after"));
}

static void means(pp_table *t, json_t *item, json_t *slot)
{
    json_t *levels = json_object_get(json_object_get(item, "scale"), "levels");
    char measure[600];
    snprintf(measure, sizeof measure, "Mean (1 = %s to %zu = %s)",
             json_string_value(json_array_get(levels, 0)), json_array_size(levels),
             json_string_value(json_array_get(levels, json_array_size(levels) - 1)));
    row(t, slot, true, "statistic", measure);
    pp_table_stat(t, BEFORE, slot, "mean_before", PP_SHOW_MEAN);
    pp_table_stat(t, AFTER, slot, "mean_after", PP_SHOW_MEAN);
    pp_table_stat(t, CHANGE, slot, "mean_shift", PP_SHOW_SHIFT);
    pp_table_interval(t, CI_LOW, CI_HIGH, CI, json_object_get(slot, "mean_shift_ci"),
                      PP_SHOW_SHIFT, pp_table_reason(slot, "mean_shift_ci"));
    row(t, slot, false, "statistic", "Mean change, bootstrap interval");
    pp_table_stat(t, CHANGE, slot, "mean_shift", PP_SHOW_SHIFT);
    pp_table_interval(t, CI_LOW, CI_HIGH, CI, json_object_get(slot, "boot_mean_shift_ci"),
                      PP_SHOW_SHIFT, pp_table_reason(slot, "boot_mean_shift_ci"));
}

static void tests(pp_table *t, json_t *slot)
{
    char measure[300];
    json_t *v = json_object_get(slot, "wilcoxon_V");
    const char *method = json_string_value(json_object_get(slot, "wilcoxon_method"));
    test_row(t, slot, "Sign test (improved against worsened)", "sign_p");
    test_row(t, slot, "McNemar exact test (top box)", "mcnemar_p");
    if (json_is_number(v))
        snprintf(measure, sizeof measure, "Wilcoxon signed-rank test (V = %g; %s)",
                 json_number_value(v), method ? method : "");
    else
        snprintf(measure, sizeof measure, "Wilcoxon signed-rank test");
    test_row(t, slot, measure, "wilcoxon_p");
    row(t, slot, false, "statistic", "Rank-biserial correlation");
    pp_table_json(t, CHANGE, json_object_get(slot, "rank_biserial"), PP_SHOW_SHIFT,
                  pp_table_reason(slot, "wilcoxon_p"));
    json_t *chi2 = json_object_get(slot, "stuart_maxwell_chi2");
    json_t *df = json_object_get(slot, "stuart_maxwell_df");
    if (json_is_number(chi2) && json_is_number(df))
        snprintf(measure, sizeof measure, "Stuart-Maxwell test (chi-square %.2f, df %g)",
                 json_number_value(chi2), json_number_value(df));
    else
        snprintf(measure, sizeof measure, "Stuart-Maxwell test");
    test_row(t, slot, measure, "stuart_maxwell_p");
}

void pp_table_paired(pp_table *t, json_t *item, long min_base)
{
    size_t i;
    json_t *slot;
    pp_table_init(t, columns, N_COLS, min_base);
    json_array_foreach(json_object_get(item, "results"), i, slot) {
        pp_table_slot_heading(t, slot, NULL);
        distribution(t, item, slot);
        pairs(t, slot);
        means(t, item, slot);
        boxes(t, item, slot);
        tests(t, slot);
    }
    json_t *whole = json_array_get(json_object_get(item, "results"), 0);
    const char *phi = json_string_value(json_object_get(whole, "top_shift_ci_phi"));
    pp_table_remark(t, "Levels, means, boxes and tests are over the pairs (respondents with a "
                    "level both before and after); a label not on the scale is a share of "
                    "everyone who answered that side. Change: after minus before, in "
                    "percentage points for shares.");
    pp_table_remark(t, "Intervals: mean change, paired t; bootstrap, percentile (B = %lld, "
                    "seeded); top box change, Newcombe (1998) method 10 (phi: %s).",
                    (long long)json_integer_value(json_object_get(whole, "boot_replicates")),
                    phi ? phi : "not given");
}

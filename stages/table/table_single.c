/* table_single.c: the table of a one-time rating. Per segment level: each
 * level's count and share of the answers on the scale with its Wilson
 * interval, the labels not on the scale apart (shares of all who
 * answered), those who left it blank, then positive, neutral, negative,
 * all missing, and the sign test of positive against negative. */
#include "table_build.h"
#include "table_values.h"

#include <stdio.h>
#include <string.h>

enum { MEAN = PP_TC_FIRST_OWN, MEDIAN, PART, MEASURE, N, PCT, CI_LOW, CI_HIGH, CI, P, P_HOLM,
       N_COLS };

static const pp_column columns[N_COLS] = {
    PP_TABLE_SLOT_COLUMNS,
    {"mean", "Mean", PP_COL_CSV, true},
    {"median", "Median", PP_COL_CSV, true},
    {"part", "Part", PP_COL_CSV, false},
    {"measure", "Measure", PP_COL_BOTH, false},
    {"n", "n", PP_COL_BOTH, true},
    {"pct", "%", PP_COL_BOTH, true},
    {"ci_low", "CI low", PP_COL_CSV, true},
    {"ci_high", "CI high", PP_COL_CSV, true},
    {"", "95% CI", PP_COL_PAGE, true},
    {"p", "p", PP_COL_BOTH, true},
    {"p_holm", "Holm p", PP_COL_BOTH, true},
};

static void row(pp_table *t, json_t *slot, bool rule, const char *part, const char *measure)
{
    pp_table_slot_row(t, slot, rule);
    pp_table_stat(t, MEAN, slot, "mean", PP_SHOW_MEAN);
    pp_table_stat(t, MEDIAN, slot, "median", PP_SHOW_MEAN);
    pp_table_text(t, PART, part, part);
    pp_table_text(t, MEASURE, measure, measure);
}

static void levels(pp_table *t, json_t *scale, json_t *slot)
{
    size_t k;
    json_t *label;
    const char *reason = pp_table_reason(slot, "pct");
    json_array_foreach(json_object_get(scale, "levels"), k, label) {
        row(t, slot, false, "answer", json_string_value(label));
        pp_table_json(t, N, pp_table_at(slot, "counts", k), PP_SHOW_COUNT, reason);
        pp_table_json(t, PCT, pp_table_at(slot, "pct", k), PP_SHOW_PCT, reason);
        pp_table_interval(t, CI_LOW, CI_HIGH, CI, pp_table_at(slot, "pct_ci", k), PP_SHOW_PCT,
                          reason);
    }
    json_array_foreach(json_object_get(scale, "missing"), k, label) {
        const char *name = json_string_value(label);
        char measure[600];
        snprintf(measure, sizeof measure, "%s (not on the scale)", name);
        row(t, slot, k == 0, "not on the scale", measure);
        pp_table_json(t, N, pp_table_at(slot, "missing_counts", k), PP_SHOW_COUNT, NULL);
        pp_table_json(t, PCT, json_object_get(json_object_get(slot, "missing"), name),
                      PP_SHOW_PCT, pp_table_reason(slot, "missing"));
    }
    row(t, slot, json_array_size(json_object_get(scale, "missing")) == 0, "no answer",
        "No answer (left blank)");
    pp_table_stat(t, N, slot, "no_answer", PP_SHOW_COUNT);
}

/* The levels neither top nor bottom, joined (t->failed when memory runs
 * out). */
static void neutral_levels(pp_table *t, json_t *scale, char *buf, size_t size)
{
    json_t *middle = json_array(), *label;
    size_t k;
    buf[0] = '\0';
    if (middle == NULL) {
        t->failed = true;
        return;
    }
    json_array_foreach(json_object_get(scale, "levels"), k, label) {
        const char *name = json_string_value(label);
        bool outer = false;
        size_t j;
        json_t *other;
        json_array_foreach(json_object_get(scale, "top"), j, other)
            outer |= strcmp(json_string_value(other), name) == 0;
        json_array_foreach(json_object_get(scale, "bottom"), j, other)
            outer |= strcmp(json_string_value(other), name) == 0;
        if (!outer && json_array_append(middle, label) != 0)
            t->failed = true;
    }
    pp_table_join(middle, buf, size);
    json_decref(middle);
}

static void shares(pp_table *t, json_t *scale, json_t *slot)
{
    char list[400], measure[600];
    static const char *const keys[] = {"positive", "neutral", "negative"};
    static const char *const names[] = {"Positive", "Neutral", "Negative"};
    for (size_t i = 0; i < 3; i++) {
        if (i == 1)
            neutral_levels(t, scale, list, sizeof list);
        else
            pp_table_join(json_object_get(scale, i == 0 ? "top" : "bottom"), list, sizeof list);
        snprintf(measure, sizeof measure, "%s %% (%s)", names[i], list);
        row(t, slot, i == 0, "summary", measure);
        pp_table_stat(t, PCT, slot, keys[i], PP_SHOW_PCT);
    }
    row(t, slot, false, "summary", "Not on the scale %, all labels");
    pp_table_stat(t, PCT, slot, "missing_total", PP_SHOW_PCT);
    row(t, slot, false, "summary", "Sign test (positive against negative)");
    pp_table_stat(t, P, slot, "positive_vs_negative_p", PP_SHOW_P);
    pp_table_stat(t, P_HOLM, slot, "positive_vs_negative_p_holm", PP_SHOW_P);
}

void pp_table_single(pp_table *t, json_t *item, long min_base)
{
    json_t *scale = json_object_get(item, "scale"), *slot;
    size_t i;
    pp_table_init(t, columns, N_COLS, min_base);
    json_array_foreach(json_object_get(item, "results"), i, slot) {
        char extra[160] = "";
        json_t *mean = json_object_get(slot, "mean"), *median = json_object_get(slot, "median");
        if (json_is_number(mean) && json_is_number(median))
            snprintf(extra, sizeof extra, "; mean %.2f, median %g", json_number_value(mean),
                     json_number_value(median));
        pp_table_slot_heading(t, slot, extra);
        levels(t, scale, slot);
        shares(t, scale, slot);
    }
    pp_table_remark(t, "Shares of levels are of the answers on the scale (n), with Wilson 95%% "
                    "intervals; a label not on the scale is a share of everyone who answered.");
}

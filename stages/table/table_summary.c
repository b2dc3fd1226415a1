/* table_summary.c: one row per item and segment level (per option for a
 * multi item) with the headline figures: paired: pairs, top box before
 * and after, its change with Newcombe's interval, the mean change with its
 * paired-t interval, Wilcoxon p and Holm p; single: n, positive, neutral,
 * negative, mean; multi: count, % and interval; text: the number of
 * comments. On the page each kind is its own table. */
#include "table_build.h"
#include "table_values.h"

#include <string.h>

enum { ITEM, KIND, SEGMENT, LEVEL, OPTION, BASE, SMALL, N_PAIRS, TOP_BEFORE, TOP_AFTER,
       TOP_SHIFT, TOP_LOW, TOP_HIGH, TOP_CI, MEAN_SHIFT, SHIFT_LOW, SHIFT_HIGH, SHIFT_CI,
       W_P, W_P_HOLM, N, POSITIVE, NEUTRAL, NEGATIVE, MEAN, COUNT, PCT, PCT_LOW, PCT_HIGH,
       PCT_CI, COMMENTS, N_COLS };

static const pp_column columns[N_COLS] = {
    {"item", "Item", PP_COL_BOTH, false},
    {"kind", "Kind", PP_COL_CSV, false},
    {"segment", "Segment", PP_COL_BOTH, false},
    {"level", "Level", PP_COL_BOTH, false},
    {"option", "Option", PP_COL_BOTH, false},
    {"base", "Base", PP_COL_BOTH, true},
    {"small_base", "Small base", PP_COL_CSV, false},
    {"n_pairs", "Pairs", PP_COL_BOTH, true},
    {"top_before", "Top box before %", PP_COL_BOTH, true},
    {"top_after", "Top box after %", PP_COL_BOTH, true},
    {"top_shift_pp", "Top box change", PP_COL_BOTH, true},
    {"top_shift_ci_low", "", PP_COL_CSV, true},
    {"top_shift_ci_high", "", PP_COL_CSV, true},
    {"", "95% CI", PP_COL_PAGE, true},
    {"mean_shift", "Mean change", PP_COL_BOTH, true},
    {"mean_shift_ci_low", "", PP_COL_CSV, true},
    {"mean_shift_ci_high", "", PP_COL_CSV, true},
    {"", "95% CI", PP_COL_PAGE, true},
    {"wilcoxon_p", "Wilcoxon p", PP_COL_BOTH, true},
    {"wilcoxon_p_holm", "Holm p", PP_COL_BOTH, true},
    {"n", "n", PP_COL_BOTH, true},
    {"positive", "Positive %", PP_COL_BOTH, true},
    {"neutral", "Neutral %", PP_COL_BOTH, true},
    {"negative", "Negative %", PP_COL_BOTH, true},
    {"mean", "Mean", PP_COL_BOTH, true},
    {"count", "Ticked", PP_COL_BOTH, true},
    {"pct", "%", PP_COL_BOTH, true},
    {"pct_ci_low", "", PP_COL_CSV, true},
    {"pct_ci_high", "", PP_COL_CSV, true},
    {"", "95% CI", PP_COL_PAGE, true},
    {"comments", "Comments", PP_COL_BOTH, true},
};

/* A new row naming the item and the slot (slot NULL: the whole sample). */
static void start(pp_table *t, json_t *item, json_t *slot)
{
    const char *segment = json_string_value(json_object_get(slot, "segment"));
    const char *level = json_string_value(json_object_get(slot, "level"));
    const char *id = json_string_value(json_object_get(item, "id"));
    pp_table_row(t, false);
    pp_table_text(t, ITEM, id, id);
    pp_table_text(t, KIND, json_string_value(json_object_get(item, "kind")), "");
    pp_table_text(t, SEGMENT, segment ? segment : "", segment ? segment : "All respondents");
    pp_table_text(t, LEVEL, level ? level : "", level ? level : "");
    if (slot == NULL)
        return;
    bool small = json_is_true(json_object_get(slot, "small_base"));
    pp_table_count(t, BASE, json_integer_value(json_object_get(slot, "base")), small);
    pp_table_text(t, SMALL, small ? "yes" : "no", "");
}

static void paired(pp_table *t, json_t *item, json_t *slot)
{
    start(t, item, slot);
    pp_table_stat(t, N_PAIRS, slot, "n_pairs", PP_SHOW_COUNT);
    pp_table_stat(t, TOP_BEFORE, slot, "top_before", PP_SHOW_PCT);
    pp_table_stat(t, TOP_AFTER, slot, "top_after", PP_SHOW_PCT);
    pp_table_stat(t, TOP_SHIFT, slot, "top_shift_pp", PP_SHOW_CHANGE);
    pp_table_interval(t, TOP_LOW, TOP_HIGH, TOP_CI, json_object_get(slot, "top_shift_ci"),
                      PP_SHOW_PCT, pp_table_reason(slot, "top_shift_ci"));
    pp_table_stat(t, MEAN_SHIFT, slot, "mean_shift", PP_SHOW_SHIFT);
    pp_table_interval(t, SHIFT_LOW, SHIFT_HIGH, SHIFT_CI, json_object_get(slot, "mean_shift_ci"),
                      PP_SHOW_SHIFT, pp_table_reason(slot, "mean_shift_ci"));
    pp_table_stat(t, W_P, slot, "wilcoxon_p", PP_SHOW_P);
    pp_table_stat(t, W_P_HOLM, slot, "wilcoxon_p_holm", PP_SHOW_P);
}

static void single(pp_table *t, json_t *item, json_t *slot)
{
    start(t, item, slot);
    pp_table_stat(t, N, slot, "n", PP_SHOW_COUNT);
    pp_table_stat(t, POSITIVE, slot, "positive", PP_SHOW_PCT);
    pp_table_stat(t, NEUTRAL, slot, "neutral", PP_SHOW_PCT);
    pp_table_stat(t, NEGATIVE, slot, "negative", PP_SHOW_PCT);
    pp_table_stat(t, MEAN, slot, "mean", PP_SHOW_MEAN);
}

static void multi(pp_table *t, json_t *item, json_t *slot)
{
    size_t o;
    json_t *option;
    const char *reason = pp_table_reason(slot, "pct");
    json_array_foreach(json_object_get(item, "options"), o, option) {
        start(t, item, slot);
        pp_table_text(t, OPTION, json_string_value(option), json_string_value(option));
        pp_table_json(t, COUNT, pp_table_at(slot, "counts", o), PP_SHOW_COUNT, reason);
        pp_table_json(t, PCT, pp_table_at(slot, "pct", o), PP_SHOW_PCT, reason);
        pp_table_interval(t, PCT_LOW, PCT_HIGH, PCT_CI, pp_table_at(slot, "pct_ci", o),
                          PP_SHOW_PCT, reason);
    }
}

static void text(pp_table *t, json_t *item)
{
    long long comments = 0;
    size_t i;
    json_t *c;
    json_array_foreach(json_object_get(item, "comments"), i, c)
        comments += json_integer_value(json_object_get(c, "count"));
    start(t, item, NULL);
    pp_table_count(t, COMMENTS, comments, false);
}

/* The rows of every item of one kind, as one section. */
static void section(pp_table *t, json_t *results, const char *kind, const char *caption)
{
    size_t i, s;
    json_t *item, *slot;
    pp_table_section(t, caption);
    json_array_foreach(json_object_get(results, "items"), i, item) {
        if (strcmp(json_string_value(json_object_get(item, "kind")), kind) != 0)
            continue;
        if (strcmp(kind, "text") == 0) {
            text(t, item);
            continue;
        }
        json_array_foreach(json_object_get(item, "results"), s, slot) {
            if (strcmp(kind, "paired") == 0)
                paired(t, item, slot);
            else if (strcmp(kind, "single") == 0)
                single(t, item, slot);
            else
                multi(t, item, slot);
        }
    }
}

void pp_table_summary(pp_table *t, json_t *results)
{
    json_t *survey = json_object_get(results, "survey");
    pp_table_init(t, columns, N_COLS, (long)json_integer_value(json_object_get(survey, "min_base")));
    const char *title = json_string_value(json_object_get(survey, "title"));
    pp_table_caption(t, "%s: summary of results", title ? title : "Survey");
    section(t, results, "paired", "Before and after");
    section(t, results, "single", "One-time ratings");
    section(t, results, "multi", "Tick all that apply");
    section(t, results, "text", "Comments");
    pp_table_remark(t, "Top box change in percentage points, with Newcombe's (1998) method 10 "
                    "interval; mean change with a paired-t interval; Holm p adjusted across "
                    "all %lld p-values of the survey's results. Single items: shares of the "
                    "answers on the scale (n). Multi items: shares of the respondents asked.",
                    (long long)json_integer_value(
                        json_object_get(json_object_get(results, "p_adjustment"), "count")));
}

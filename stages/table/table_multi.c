/* table_multi.c: the table of a tick-all-that-apply item: per segment
 * level, each option's count and share of the respondents asked, with its
 * Wilson interval. */
#include "table_build.h"
#include "table_values.h"

enum { OPTION = PP_TC_FIRST_OWN, COUNT, PCT, CI_LOW, CI_HIGH, CI, N_COLS };

static const pp_column columns[N_COLS] = {
    PP_TABLE_SLOT_COLUMNS,
    {"option", "Option", PP_COL_BOTH, false},
    {"count", "n", PP_COL_BOTH, true},
    {"pct", "%", PP_COL_BOTH, true},
    {"ci_low", "CI low", PP_COL_CSV, true},
    {"ci_high", "CI high", PP_COL_CSV, true},
    {"", "95% CI", PP_COL_PAGE, true},
};

void pp_table_multi(pp_table *t, json_t *item, long min_base)
{
    json_t *slot, *option;
    size_t i, o;
    pp_table_init(t, columns, N_COLS, min_base);
    json_array_foreach(json_object_get(item, "results"), i, slot) {
        pp_table_slot_heading(t, slot, NULL);
        const char *reason = pp_table_reason(slot, "pct");
        json_array_foreach(json_object_get(item, "options"), o, option) {
            pp_table_slot_row(t, slot, false);
            pp_table_text(t, OPTION, json_string_value(option), json_string_value(option));
            pp_table_json(t, COUNT, pp_table_at(slot, "counts", o), PP_SHOW_COUNT, reason);
            pp_table_json(t, PCT, pp_table_at(slot, "pct", o), PP_SHOW_PCT, reason);
            pp_table_interval(t, CI_LOW, CI_HIGH, CI, pp_table_at(slot, "pct_ci", o),
                              PP_SHOW_PCT, reason);
        }
    }
    pp_table_remark(t, "Shares are of the respondents asked (the base), with Wilson 95%% "
                    "intervals; a respondent may tick several options.");
}

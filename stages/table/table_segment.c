/* table_segment.c: respondents per level of one segment, in the layout of
 * the NPTSC report's Table 1.1: level, respondents and % (one decimal, in
 * every format, as published), then a TOTAL row. Levels come in the order
 * of results.json (the codebook's `levels` when it lists them); shares are
 * of the respondents with a level, and those without one are counted in a
 * line under the table. */
#include "table_build.h"
#include "table_values.h"

#include <stdio.h>

enum { LEVEL, RESPONDENTS, PCT, SMALL, N_COLS };

static const pp_column columns[N_COLS] = {
    {"level", "Level", PP_COL_BOTH, false},
    {"respondents", "Respondents", PP_COL_BOTH, true},
    {"percent", "%", PP_COL_BOTH, true},
    {"small_base", "Small base", PP_COL_CSV, false},
};

static void level_row(pp_table *t, const char *level, long long n, long long total, bool rule)
{
    char pct[32] = "";
    bool small = n < t->min_base;
    pp_table_row(t, rule);
    pp_table_text(t, LEVEL, level, level);
    pp_table_count(t, RESPONDENTS, n, small);
    if (total > 0)
        snprintf(pct, sizeof pct, "%.1f", 100.0 * (double)n / (double)total);
    if (total > 0)
        pp_table_figure(t, PCT, pct, pct, false);
    else
        pp_table_null(t, PCT, "nobody has a level of this segment");
    pp_table_text(t, SMALL, small ? "yes" : "no", "");
}

void pp_table_segment(pp_table *t, json_t *results, json_t *segment)
{
    json_t *survey = json_object_get(results, "survey"), *levels = json_object_get(segment, "levels");
    json_t *level;
    size_t i;
    long long total = 0, everyone = json_integer_value(json_object_get(survey, "respondents"));
    const char *name = json_string_value(json_object_get(segment, "name"));
    pp_table_init(t, columns, N_COLS, (long)json_integer_value(json_object_get(survey, "min_base")));
    t->csv_note_column = false;
    json_array_foreach(levels, i, level)
        total += json_integer_value(json_object_get(level, "respondents"));
    pp_table_caption(t, "Survey respondents by %s (n = %lld)", name, total);
    json_array_foreach(levels, i, level)
        level_row(t, json_string_value(json_object_get(level, "level")),
                  json_integer_value(json_object_get(level, "respondents")), total, false);
    level_row(t, "TOTAL", total, total, true);
    if (everyone > total)
        pp_table_remark(t, "%lld of the %lld respondents have no %s.", everyone - total, everyone,
                        name);
}

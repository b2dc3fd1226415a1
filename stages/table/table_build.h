/* table_build.h: the tables of one results.json (layout in
 * stages/stats/results.c), each built into a pp_table (table_model.h) that
 * the caller frees; t->failed says it ran out of memory. The file has
 * been through pp_table_check first.
 *   per item (table_item.c): one row block per segment level, the whole
 *     sample first: paired (table_paired.c) levels before/after, the
 *     labels not on the scale apart, then the statistics; single
 *     (table_single.c) levels with count, % and Wilson CI, then
 *     positive/neutral/negative/missing; multi (table_multi.c) options
 *     with count, % and CI. Text items have no table.
 *   summary (table_summary.c): one row per item and segment level (per
 *     option for multi) with the headline figures, a section per kind.
 *   segment (table_segment.c): respondents per level, as the NPTSC
 *     report's Table 1.1. */
#ifndef PREPOST_TABLE_BUILD_H
#define PREPOST_TABLE_BUILD_H

#include <jansson.h>

#include "table_model.h"

void pp_table_item(pp_table *t, json_t *results, json_t *item);
void pp_table_paired(pp_table *t, json_t *item, long min_base);
void pp_table_single(pp_table *t, json_t *item, long min_base);
void pp_table_multi(pp_table *t, json_t *item, long min_base);
void pp_table_summary(pp_table *t, json_t *results);
void pp_table_segment(pp_table *t, json_t *results, json_t *segment);

/* Shared by the item tables: the first four CSV columns of every item
 * table are segment, level, base and small_base. */
enum { PP_TC_SEGMENT, PP_TC_LEVEL, PP_TC_BASE, PP_TC_SMALL, PP_TC_FIRST_OWN };
#define PP_TABLE_SLOT_COLUMNS                                   \
    {"segment", "Segment", PP_COL_CSV, false},                  \
    {"level", "Level", PP_COL_CSV, false},                      \
    {"base", "Base", PP_COL_CSV, true},                         \
    {"small_base", "Small base", PP_COL_CSV, false}

/* "All respondents" or "SEGMENT: LEVEL" into buf. */
const char *pp_table_slot_label(json_t *slot, char *buf, size_t size);
/* A heading row "LABEL: base N" and extra (may be NULL or ""). */
void pp_table_slot_heading(pp_table *t, json_t *slot, const char *extra);
/* A new row with the slot's segment, level, base and small_base cells. */
void pp_table_slot_row(pp_table *t, json_t *slot, bool rule);
/* "Very good, Excellent": the scale's list under key, joined. */
void pp_table_join(json_t *list, char *buf, size_t size);
/* A value from slot[key][i] (an array). */
json_t *pp_table_at(json_t *slot, const char *key, size_t i);

#endif

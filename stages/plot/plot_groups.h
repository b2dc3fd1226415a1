/* plot_groups.h: the groups of bars of a figure (plot_chart.h).
 *
 * A chart of the whole sample is one group with no heading; its subtitle
 * gives the base and the small-base flag. A chart by segment has a group
 * per level it draws (pp_segment_chart_levels in segment_chart.h), headed
 * by the level's name, its own base and its own small-base flag; its
 * subtitle names the segment. Each group holds the chart's bars read from
 * that level's results; an item without a result there (nobody of that
 * level was counted) draws empty bars and counts n = 0. The kinds' writers
 * (plot_data.h) read the bars; the order is the whole sample chart's. */
#ifndef PREPOST_PLOT_GROUPS_H
#define PREPOST_PLOT_GROUPS_H

#include <stddef.h>

#include <jansson.h>

#include "codebook.h"
#include "diag.h"
#include "plot_chart.h"

/* Which results a group is drawn from. */
typedef struct {
    const char *segment;        /* NULL: the whole sample */
    const char *level;
} plot_slot;

typedef struct {
    plot_slot slot;
    char base[96];              /* "n = 212 pairs", "n = 0" */
    char flag[96];              /* "base under 50: too small ...", or "" */
} plot_group;

typedef struct {
    plot_group *groups;
    size_t count;
    int headed;                 /* by segment: each group has a heading */
    char base[128];             /* the subtitle: the whole sample's base, or
                                   "By sector" */
    char flag[96];              /* the whole sample's flag, or "" */
} plot_groups;

pp_error plot_groups_build(plot_groups *groups, const plot_figure *figure,
                           const pp_codebook *cb, json_t *results, const char *results_name,
                           pp_diag *diag);
void plot_groups_free(plot_groups *groups);

/* The item (of results.json) and its result for the slot: results[0] for
 * the whole sample; NULL when it has none. */
json_t *plot_slot_result(json_t *item, const plot_slot *slot);

/* The item of results.json a codebook item is drawn from. NULL, with diag
 * set (PP_ERR_RECORDS naming results_name), when it is missing, of another
 * kind, or has no whole-sample result. */
json_t *plot_item_of(const pp_item *item, json_t *results, const char *results_name,
                     pp_diag *diag);

#endif

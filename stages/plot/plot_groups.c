/* plot_groups.c: a figure's groups of bars and the text over them
 * (plot_groups.h). */
#include "plot_groups.h"

#include <stdlib.h>
#include <string.h>

#include "plot_data.h"
#include "results_read.h"
#include "segment_chart.h"

json_t *plot_item_of(const pp_item *item, json_t *results, const char *results_name,
                     pp_diag *diag)
{
    json_t *found = pp_results_item(results, item->id);
    const char *kind = pp_results_string(found, "kind", "");
    if (found == NULL || strcmp(kind, pp_item_kind_name(item->kind)) != 0
        || !json_is_object(pp_results_whole_sample(found))) {
        pp_diag_set(diag, PP_ERR_RECORDS, results_name, 0,
                    "the %s item \"%s\" of the codebook is %s in this results file; "
                    "make it again with prepost-stats from the same codebook",
                    pp_item_kind_name(item->kind), item->id,
                    found == NULL ? "not" : "different");
        return NULL;
    }
    return found;
}

json_t *plot_slot_result(json_t *item, const plot_slot *slot)
{
    if (slot->segment == NULL)
        return pp_results_whole_sample(item);
    return pp_segment_result(item, slot->segment, slot->level);
}

/* The chart's items of results.json, as a new JSON array; NULL with diag. */
static json_t *chart_items(const plot_chart *chart, json_t *results, const char *name,
                           pp_diag *diag)
{
    json_t *items = json_array();
    if (items == NULL) {
        pp_diag_set(diag, PP_ERR_NOMEM, NULL, 0, NULL);
        return NULL;
    }
    for (size_t i = 0; i < chart->n_items; i++) {
        json_t *item = plot_item_of(chart->items[i], results, name, diag);
        if (item == NULL || json_array_append(items, item) != 0) {
            if (item != NULL)
                pp_diag_set(diag, PP_ERR_NOMEM, NULL, 0, NULL);
            json_decref(items);
            return NULL;
        }
    }
    return items;
}

/* The base over the chart's items in the slot ("n = 31 to 35"; pairs when
 * every item is paired; an item without a result counts 0) and its flag. */
static void slot_text(char *base, size_t base_size, char *flag, size_t flag_size,
                      const plot_chart *chart, json_t *items, const plot_slot *slot,
                      long min_base)
{
    long min = 0, max = 0;
    int small = 0, paired = 1;
    for (size_t i = 0; i < chart->n_items; i++) {
        json_t *result = plot_slot_result(json_array_get(items, i), slot);
        long n = (long)json_integer_value(json_object_get(result, "base"));
        min = i == 0 || n < min ? n : min;
        max = i == 0 || n > max ? n : max;
        small |= json_is_true(json_object_get(result, "small_base")) || n < min_base;
        paired &= chart->items[i]->kind == PP_ITEM_PAIRED;
    }
    plot_base_text(base, base_size, min, max, paired ? "pair" : NULL, paired ? "pairs" : NULL);
    plot_flag_text(flag, flag_size, small, min_base);
}

static pp_error by_segment(plot_groups *groups, const plot_figure *figure, long min_base,
                           json_t *results, json_t *items, pp_diag *diag)
{
    const char **levels = NULL;
    long n = pp_segment_chart_levels(figure->segment, results, items, &levels);
    groups->groups = n < 0 ? NULL : calloc((size_t)n + 1, sizeof *groups->groups);
    if (groups->groups == NULL) {
        free(levels);
        return pp_diag_set(diag, PP_ERR_NOMEM, NULL, 0, NULL);
    }
    groups->headed = 1;
    for (long l = 0; l < n; l++) {
        plot_group *g = &groups->groups[groups->count++];
        g->slot = (plot_slot){figure->segment->name, levels[l]};
        slot_text(g->base, sizeof g->base, g->flag, sizeof g->flag, figure->chart, items,
                  &g->slot, min_base);
    }
    int among = 0;
    for (size_t i = 0; i < figure->chart->n_items; i++)
        among |= figure->chart->items[i]->among_segment >= 0;
    snprintf(groups->base, sizeof groups->base, "By %s%s", figure->segment->name,
             n > 0 ? "" : among ? ": no one asked is in any of its levels"
                                : ": nobody is in any of its levels");
    free(levels);
    return PP_OK;
}

pp_error plot_groups_build(plot_groups *groups, const plot_figure *figure,
                           const pp_codebook *cb, json_t *results, const char *results_name,
                           pp_diag *diag)
{
    memset(groups, 0, sizeof *groups);
    json_t *items = chart_items(figure->chart, results, results_name, diag);
    if (items == NULL)
        return diag->code;
    if (figure->segment != NULL) {
        by_segment(groups, figure, cb->min_base, results, items, diag);
    } else if ((groups->groups = calloc(1, sizeof *groups->groups)) == NULL) {
        pp_diag_set(diag, PP_ERR_NOMEM, NULL, 0, NULL);
    } else {
        groups->count = 1;
        slot_text(groups->base, sizeof groups->base, groups->flag, sizeof groups->flag,
                  figure->chart, items, &groups->groups[0].slot, cb->min_base);
    }
    json_decref(items);
    return diag->code;
}

void plot_groups_free(plot_groups *groups)
{
    free(groups->groups);
    memset(groups, 0, sizeof *groups);
}

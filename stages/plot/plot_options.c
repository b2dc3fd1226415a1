/* plot_options.c: the data of a tick-all-that-apply chart
 * (plot_data_options in plot_data.h): one bar per option, its share of
 * respondents with its Wilson 95% interval; options sorted by share unless
 * the codebook says `order = as written`. Items of a battery each get a
 * heading over their options. By segment, each level's group repeats the
 * options in the whole sample's order under the level's heading. */
#include <stdlib.h>

#include "plot_data.h"
#include "plot_groups.h"
#include "plot_text.h"

typedef struct {
    size_t option;
    int valid;              /* 0: nobody to share (the share is null) */
    double pct, lower, upper;
} option_bar;

static int by_share(const void *a, const void *b)
{
    const option_bar *x = a, *y = b;
    if (x->pct != y->pct)
        return x->pct > y->pct ? -1 : 1;
    return x->option < y->option ? -1 : x->option > y->option;
}

/* The item's bars in the slot, in option order (malloc'd; all invalid when
 * it has no result there), or NULL with diag set. */
static option_bar *read_bars(const pp_item *item, json_t *found, const plot_slot *slot,
                             const char *name, pp_diag *diag)
{
    json_t *result = plot_slot_result(found, slot);
    json_t *pct = json_object_get(result, "pct"), *ci = json_object_get(result, "pct_ci");
    size_t n = item->options.count;
    if (result != NULL && (json_array_size(pct) != n || json_array_size(ci) != n)) {
        pp_diag_set(diag, PP_ERR_RECORDS, name, 0, "the options of \"%s\" in this results "
                    "file do not fit the codebook; make it again with prepost-stats from "
                    "the same codebook", item->id);
        return NULL;
    }
    option_bar *bars = calloc(n + 1, sizeof *bars);
    if (bars == NULL) {
        pp_diag_set(diag, PP_ERR_NOMEM, NULL, 0, NULL);
        return NULL;
    }
    for (size_t k = 0; k < n; k++) {
        json_t *interval = json_array_get(ci, k);
        bars[k].option = k;
        bars[k].valid = json_is_number(json_array_get(pct, k)) && json_array_size(interval) == 2;
        bars[k].pct = bars[k].valid ? json_number_value(json_array_get(pct, k)) : 0;
        bars[k].lower = bars[k].valid ? json_number_value(json_array_get(interval, 0)) : 0;
        bars[k].upper = bars[k].valid ? json_number_value(json_array_get(interval, 1)) : 0;
    }
    return bars;
}

/* A figure's bars: per group, per item, in the whole sample's order. */
typedef struct {
    const plot_chart *chart;
    const plot_groups *groups;
    option_bar **bars;          /* [group * n_items + item] */
} layout;

static void layout_free(layout *l)
{
    for (size_t i = 0; l->bars != NULL && i < l->groups->count * l->chart->n_items; i++)
        free(l->bars[i]);
    free(l->bars);
}

/* Each group's bars of item i, ordered as the whole sample's. */
static pp_error read_item(layout *l, size_t i, json_t *results, const char *name,
                          pp_diag *diag)
{
    const pp_item *item = l->chart->items[i];
    plot_slot whole = {NULL, NULL};
    json_t *found = plot_item_of(item, results, name, diag);
    option_bar *sorted = found ? read_bars(item, found, &whole, name, diag) : NULL;
    if (sorted == NULL)
        return diag->code;
    if (!l->chart->as_written)
        qsort(sorted, item->options.count, sizeof *sorted, by_share);
    for (size_t g = 0; g < l->groups->count; g++) {
        option_bar *mine = read_bars(item, found, &l->groups->groups[g].slot, name, diag);
        option_bar **slot = &l->bars[g * l->chart->n_items + i];
        if (mine == NULL || (*slot = calloc(item->options.count + 1, sizeof **slot)) == NULL) {
            if (mine != NULL)
                pp_diag_set(diag, PP_ERR_NOMEM, NULL, 0, NULL);
            free(mine);
            break;
        }
        for (size_t k = 0; k < item->options.count; k++)
            (*slot)[k] = mine[sorted[k].option];
        free(mine);
    }
    free(sorted);
    return diag->code;
}

/* $headings: a level's over its group (by segment), an item's over its
 * options (in a battery). */
static int write_headings(FILE *out, const layout *l)
{
    size_t row = 0, headings = 0, n_items = l->chart->n_items;
    plot_data_begin(out, "headings");
    fprintf(out, "# label first_row headings_so_far indent base flag\n");
    for (size_t g = 0; g < l->groups->count; g++) {
        const plot_group *group = &l->groups->groups[g];
        if (l->groups->headed &&
            plot_heading(out, group->slot.level, row, ++headings, 0, group->base, group->flag) != 0)
            return -1;
        for (size_t i = 0; i < n_items; i++) {
            if (n_items > 1 && plot_heading(out, l->chart->labels[i], row, ++headings,
                                            l->groups->headed, "", "") != 0)
                return -1;
            row += l->chart->items[i]->options.count;
        }
    }
    plot_data_end(out);
    fprintf(out, "heading_count = %zu\n", headings);
    return 0;
}

/* $rows (labels) when bars_block is 0, else $bars (shares). */
static int write_block(FILE *out, int bars_block, const layout *l)
{
    size_t row = 0, headings = 0, n_items = l->chart->n_items;
    double upper_max = 0;
    plot_data_begin(out, bars_block ? "bars" : "rows");
    fprintf(out, bars_block ? "# row headings_so_far valid percent lower upper item option\n"
                            : "# label row headings_so_far\n");
    for (size_t g = 0; g < l->groups->count; g++) {
        headings += l->groups->headed;
        for (size_t i = 0; i < n_items; i++) {
            const pp_item *item = l->chart->items[i];
            headings += n_items > 1;
            for (size_t k = 0; k < item->options.count; k++, row++) {
                const option_bar *b = &l->bars[g * n_items + i][k];
                upper_max = b->upper > upper_max ? b->upper : upper_max;
                if (bars_block)
                    fprintf(out, "%zu %zu %d %.4f %.4f %.4f %zu %zu\n", row, headings,
                            b->valid, b->pct, b->lower, b->upper, i + 1, b->option + 1);
                else if (plot_write_field(out, item->options.items[b->option],
                                          PLOT_LABEL_MAX) == 0)
                    fprintf(out, " %zu %zu\n", row, headings);
                else
                    return -1;              /* out of memory */
            }
        }
    }
    plot_data_end(out);
    if (bars_block)
        fprintf(out, "row_count = %zu\nupper_max = %.4f\n", row, upper_max);
    return 0;
}

pp_error plot_data_options(FILE *out, const plot_figure *figure, const pp_codebook *cb,
                           json_t *results, const char *results_name, pp_diag *diag)
{
    plot_groups groups;
    layout l = {figure->chart, &groups, NULL};
    if (plot_groups_build(&groups, figure, cb, results, results_name, diag) != PP_OK)
        goto cleanup;
    if ((l.bars = calloc(groups.count * l.chart->n_items + 1, sizeof *l.bars)) == NULL) {
        pp_diag_set(diag, PP_ERR_NOMEM, NULL, 0, NULL);
        goto cleanup;
    }
    for (size_t i = 0; i < l.chart->n_items; i++)
        if (read_item(&l, i, results, results_name, diag) != PP_OK)
            goto cleanup;
    if (plot_data_text(out, l.chart->title, groups.base, groups.flag) != 0 ||
        write_headings(out, &l) != 0 || write_block(out, 0, &l) != 0 ||
        write_block(out, 1, &l) != 0)
        pp_diag_set(diag, PP_ERR_NOMEM, NULL, 0, NULL);

cleanup:
    if (l.bars != NULL)
        layout_free(&l);
    plot_groups_free(&groups);
    return diag->code;
}

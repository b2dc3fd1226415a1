/* plot_rows.c: reading a rating chart's bars from results.json
 * (plot_rows.h). */
#include "plot_rows.h"

#include <stdlib.h>
#include <string.h>


double plot_centre(const pp_scale *scale)
{
    return scale->centre > 0 ? scale->centre : (scale->levels.count + 1) / 2.0;
}

/* A number, or 0 when it is null or missing (nobody answered). */
static double number(json_t *value)
{
    return json_is_number(value) ? json_number_value(value) : 0;
}

static pp_error misfit(const pp_item *item, const char *what, const char *name, pp_diag *diag)
{
    return pp_diag_set(diag, PP_ERR_RECORDS, name, 0,
                       "the %s of \"%s\" in this results file do not fit the codebook's "
                       "scale; make it again with prepost-stats from the same codebook",
                       what, item->id);
}

static pp_error read_paired(plot_row *row, const pp_item *item, const pp_scale *s,
                            json_t *result, const char *name, pp_diag *diag)
{
    const char *side = row->side == PLOT_SIDE_BEFORE ? "before" : "after";
    char key[32];
    snprintf(key, sizeof key, "answered_pct_%s", side);
    json_t *pct = json_object_get(result, key);
    snprintf(key, sizeof key, "missing_%s", side);
    json_t *missing = json_object_get(result, key);
    if (json_array_size(pct) != s->levels.count || !json_is_object(missing))
        return misfit(item, "shares", name, diag);
    snprintf(key, sizeof key, "answered_%s", side);
    row->n = (long)number(json_object_get(result, key));
    for (size_t k = 0; k < s->levels.count; k++)
        row->share[k] = number(json_array_get(pct, k));
    for (size_t m = 0; m < s->missing.count; m++)
        row->share[s->levels.count + m] = number(json_object_get(missing, s->missing.items[m]));
    return PP_OK;
}

static pp_error read_single(plot_row *row, const pp_item *item, const pp_scale *s,
                            json_t *result, const char *name, pp_diag *diag)
{
    json_t *counts = json_object_get(result, "counts");
    json_t *missing = json_object_get(result, "missing_counts");
    size_t K = s->levels.count, M = s->missing.count;
    if (json_array_size(counts) != K || json_array_size(missing) != M)
        return misfit(item, "counts", name, diag);
    double total = 0;
    for (size_t i = 0; i < K + M; i++) {
        json_t *count = i < K ? json_array_get(counts, i) : json_array_get(missing, i - K);
        row->share[i] = number(count) > 0 ? number(count) : 0;
        total += row->share[i];
    }
    for (size_t i = 0; i < K + M && total > 0; i++)
        row->share[i] *= 100.0 / total;
    row->n = (long)total;
    return PP_OK;
}

/* result NULL: no result in the slot, an empty bar. */
static pp_error add_row(plot_rows *rows, const plot_chart *chart, size_t item, plot_side side,
                        json_t *result, const char *name, pp_diag *diag)
{
    const pp_scale *s = chart->scale;
    plot_row *row = &rows->rows[rows->count++];
    row->item = item;
    row->side = side;
    row->share = calloc(s->levels.count + s->missing.count + 1, sizeof *row->share);
    if (row->share == NULL)
        return pp_diag_set(diag, PP_ERR_NOMEM, NULL, 0, NULL);
    if (result == NULL)
        return PP_OK;
    if (side == PLOT_SIDE_ONE)
        return read_single(row, chart->items[item], s, result, name, diag);
    return read_paired(row, chart->items[item], s, result, name, diag);
}

pp_error plot_rows_read(plot_rows *rows, const plot_chart *chart, json_t *results,
                        const plot_slot *slot, const char *results_name, pp_diag *diag)
{
    memset(rows, 0, sizeof *rows);
    rows->rows = calloc(2 * chart->n_items, sizeof *rows->rows);
    if (rows->rows == NULL)
        return pp_diag_set(diag, PP_ERR_NOMEM, NULL, 0, NULL);
    for (size_t i = 0; i < chart->n_items; i++) {
        const pp_item *item = chart->items[i];
        json_t *found = plot_item_of(item, results, results_name, diag);
        if (found == NULL)
            return diag->code;
        json_t *result = plot_slot_result(found, slot);
        if (item->kind != PP_ITEM_PAIRED) {
            if (add_row(rows, chart, i, PLOT_SIDE_ONE, result, results_name, diag) != PP_OK)
                return diag->code;
            continue;
        }
        if (add_row(rows, chart, i, PLOT_SIDE_BEFORE, result, results_name, diag) != PP_OK ||
            add_row(rows, chart, i, PLOT_SIDE_AFTER, result, results_name, diag) != PP_OK)
            return diag->code;
    }
    return PP_OK;
}

void plot_rows_free(plot_rows *rows)
{
    for (size_t i = 0; i < rows->count; i++)
        free(rows->rows[i].share);
    free(rows->rows);
    memset(rows, 0, sizeof *rows);
}

/* plot_options.c: the data of a tick-all-that-apply chart
 * (plot_data_options in plot_data.h): one bar per option, its share of
 * respondents with its Wilson 95% interval; options sorted by share unless
 * the codebook says `order = as written`. Items of a battery each get a
 * heading over their options. */
#include <stdlib.h>

#include "plot_data.h"
#include "plot_rows.h"
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

/* The item's bars in chart order (malloc'd), or NULL with diag set. */
static option_bar *item_bars(const plot_chart *chart, size_t i, json_t *results,
                             const char *name, pp_diag *diag)
{
    const pp_item *item = chart->items[i];
    json_t *result = plot_result_of(item, results, name, diag);
    json_t *pct = json_object_get(result, "pct"), *ci = json_object_get(result, "pct_ci");
    size_t n = item->options.count;
    if (result == NULL)
        return NULL;
    if (json_array_size(pct) != n || json_array_size(ci) != n) {
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
    if (!chart->as_written)
        qsort(bars, n, sizeof *bars, by_share);
    return bars;
}

/* $text: the bases and their flag over the chart's items. */
static pp_error write_text(FILE *out, const plot_chart *chart, const pp_codebook *cb,
                           json_t *results, const char *name, pp_diag *diag)
{
    long min = 0, max = 0;
    int small = 0;
    char base[96], flag[96];
    for (size_t i = 0; i < chart->n_items; i++) {
        json_t *result = plot_result_of(chart->items[i], results, name, diag);
        if (result == NULL)
            return diag->code;
        long n = (long)json_integer_value(json_object_get(result, "base"));
        min = i == 0 || n < min ? n : min;
        max = i == 0 || n > max ? n : max;
        small |= json_is_true(json_object_get(result, "small_base"));
    }
    plot_base_text(base, sizeof base, min, max, "");
    plot_flag_text(flag, sizeof flag, small, cb->min_base);
    if (plot_data_text(out, chart->title, base, flag) != 0)
        return pp_diag_set(diag, PP_ERR_NOMEM, NULL, 0, NULL);
    return PP_OK;
}

static int write_headings(FILE *out, const plot_chart *chart)
{
    size_t row = 0;
    plot_data_begin(out, "headings");
    fprintf(out, "# label first_row headings_so_far\n");
    for (size_t i = 0; chart->n_items > 1 && i < chart->n_items; i++) {
        if (plot_write_field(out, chart->labels[i], PLOT_LABEL_MAX) != 0)
            return -1;
        fprintf(out, " %zu %zu\n", row, i + 1);
        row += chart->items[i]->options.count;
    }
    plot_data_end(out);
    fprintf(out, "heading_count = %zu\n", chart->n_items > 1 ? chart->n_items : 0);
    return 0;
}

/* $rows (labels) when bars_block is 0, else $bars (shares). */
static pp_error write_block(FILE *out, int bars_block, const plot_chart *chart,
                            json_t *results, const char *name, pp_diag *diag)
{
    size_t row = 0;
    double upper_max = 0;
    int failed = 0;
    plot_data_begin(out, bars_block ? "bars" : "rows");
    fprintf(out, bars_block ? "# row headings_so_far valid percent lower upper\n"
                            : "# label row headings_so_far\n");
    for (size_t i = 0; i < chart->n_items; i++) {
        size_t group = chart->n_items > 1 ? i + 1 : 0;
        option_bar *bars = item_bars(chart, i, results, name, diag);
        if (bars == NULL)
            return diag->code;
        for (size_t k = 0; k < chart->items[i]->options.count; k++, row++) {
            const option_bar *b = &bars[k];
            upper_max = b->upper > upper_max ? b->upper : upper_max;
            if (bars_block)
                fprintf(out, "%zu %zu %d %.4f %.4f %.4f\n", row, group, b->valid, b->pct,
                        b->lower, b->upper);
            else if (plot_write_field(out, chart->items[i]->options.items[b->option],
                                      PLOT_LABEL_MAX) == 0)
                fprintf(out, " %zu %zu\n", row, group);
            else
                failed = 1;             /* out of memory */
        }
        free(bars);
        if (failed)
            return pp_diag_set(diag, PP_ERR_NOMEM, NULL, 0, NULL);
    }
    plot_data_end(out);
    if (bars_block)
        fprintf(out, "row_count = %zu\nupper_max = %.4f\n", row, upper_max);
    return PP_OK;
}

pp_error plot_data_options(FILE *out, const plot_chart *chart, const pp_codebook *cb,
                           json_t *results, const char *results_name, pp_diag *diag)
{
    if (write_text(out, chart, cb, results, results_name, diag) != PP_OK)
        return diag->code;
    if (write_headings(out, chart) != 0)
        return pp_diag_set(diag, PP_ERR_NOMEM, NULL, 0, NULL);
    if (write_block(out, 0, chart, results, results_name, diag) != PP_OK ||
        write_block(out, 1, chart, results, results_name, diag) != PP_OK)
        return diag->code;
    return PP_OK;
}

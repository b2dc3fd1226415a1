/* plot_diverging.c: the data of a diverging stacked bar chart
 * (plot_data_diverging in plot_data.h).
 *
 * The C side does the arithmetic (where each level's segment starts and
 * ends around the zero line, each level's tone), plots/diverging.gp
 * everything visible. Levels below the centre lie left of zero, above it
 * right; a centre level straddles zero, half on each side. Missing labels
 * ("Don't know") are measured from 0 in a panel of their own. */
#include <stdlib.h>

#include "plot_data.h"
#include "plot_rows.h"
#include "plot_text.h"

typedef struct {
    double left, right, missing;    /* largest extents over the bars */
} extents;

/* -1 (the worst level) .. 0 (the centre) .. 1 (the best). */
static double tone(size_t k, const pp_scale *s, double centre)
{
    double d = (double)(k + 1) - centre;
    double far_below = centre - 1, far_above = (double)s->levels.count - centre;
    if (d < 0)
        return far_below > 0 ? d / far_below : -1;
    if (d > 0)
        return far_above > 0 ? d / far_above : 1;
    return 0;
}

static int write_levels(FILE *out, const pp_scale *s, double centre)
{
    plot_data_begin(out, "levels");
    fprintf(out, "# label kind(0 level, 1 missing) index tone\n");
    for (size_t i = 0; i < s->levels.count + s->missing.count; i++) {
        int missing = i >= s->levels.count;
        if (plot_write_field(out, missing ? s->missing.items[i - s->levels.count]
                                          : s->levels.items[i], PLOT_LABEL_MAX) != 0)
            return -1;
        fprintf(out, " %d %zu %.4f\n", missing, missing ? i - s->levels.count + 1 : i + 1,
                missing ? 0.0 : tone(i, s, centre));
    }
    plot_data_end(out);
    return 0;
}

/* One bar's segments; its heading count is `group`. */
static void write_segments(FILE *out, const plot_row *row, size_t at, size_t group,
                           const pp_scale *s, double centre, extents *ext)
{
    double left = 0, total = 0, x, missing = 0;
    for (size_t k = 0; k < s->levels.count; k++) {
        double level = (double)(k + 1);
        left += level < centre ? row->share[k] : level == centre ? row->share[k] / 2 : 0;
        total += row->share[k];
    }
    x = -left;
    for (size_t k = 0; k < s->levels.count; k++) {
        fprintf(out, "%zu %zu 0 %zu %.4f %.4f %.4f %.4f\n", at, group, k + 1, x,
                x + row->share[k], row->share[k], tone(k, s, centre));
        x += row->share[k];
    }
    for (size_t m = 0; m < s->missing.count; m++) {
        double share = row->share[s->levels.count + m];
        fprintf(out, "%zu %zu 1 %zu %.4f %.4f %.4f 0\n", at, group, m + 1, missing,
                missing + share, share);
        missing += share;
    }
    ext->left = left > ext->left ? left : ext->left;
    ext->right = total - left > ext->right ? total - left : ext->right;
    ext->missing = missing > ext->missing ? missing : ext->missing;
}

/* A paired item in a battery gets a heading over its two bars. */
static int has_heading(const plot_chart *chart, const plot_row *row)
{
    return chart->n_items > 1 && row->side == PLOT_SIDE_BEFORE;
}

static const char *row_label(const plot_chart *chart, const plot_row *row)
{
    if (row->side == PLOT_SIDE_BEFORE)
        return "Before";
    if (row->side == PLOT_SIDE_AFTER)
        return "After";
    return chart->n_items > 1 ? chart->labels[row->item] : "";
}

static double missing_total(const pp_scale *s, const plot_row *row)
{
    double total = 0;
    for (size_t m = 0; m < s->missing.count; m++)
        total += row->share[s->levels.count + m];
    return total;
}

static int write_rows(FILE *out, const plot_chart *chart, const plot_rows *rows)
{
    size_t group = 0;
    plot_data_begin(out, "rows");
    fprintf(out, "# label row headings_so_far n missing_percent\n");
    for (size_t i = 0; i < rows->count; i++) {
        group += has_heading(chart, &rows->rows[i]);
        if (plot_write_field(out, row_label(chart, &rows->rows[i]), PLOT_LABEL_MAX) != 0)
            return -1;
        fprintf(out, " %zu %zu %ld %.4f\n", i, group, rows->rows[i].n,
                missing_total(chart->scale, &rows->rows[i]));
    }
    plot_data_end(out);
    group = 0;
    plot_data_begin(out, "headings");
    fprintf(out, "# label first_row headings_so_far\n");
    for (size_t i = 0; i < rows->count; i++) {
        if (!has_heading(chart, &rows->rows[i]))
            continue;
        if (plot_write_field(out, chart->labels[rows->rows[i].item], PLOT_LABEL_MAX) != 0)
            return -1;
        fprintf(out, " %zu %zu\n", i, ++group);
    }
    plot_data_end(out);
    fprintf(out, "heading_count = %zu\n", group);
    return 0;
}

static void write_all_segments(FILE *out, const plot_chart *chart, const plot_rows *rows,
                               double centre)
{
    extents ext = {0, 0, 0};
    size_t group = 0;
    plot_data_begin(out, "segments");
    fprintf(out, "# row headings_so_far kind index x_from x_to percent tone\n");
    for (size_t i = 0; i < rows->count; i++) {
        group += has_heading(chart, &rows->rows[i]);
        write_segments(out, &rows->rows[i], i, group, chart->scale, centre, &ext);
    }
    plot_data_end(out);
    fprintf(out, "row_count = %zu\nlevel_count = %zu\nmissing_count = %zu\n"
                 "centre = %.1f\nextent_left = %.4f\nextent_right = %.4f\nmissing_max = %.4f\n",
            rows->count, chart->scale->levels.count, chart->scale->missing.count, centre,
            ext.left, ext.right, ext.missing);
}

pp_error plot_data_diverging(FILE *out, const plot_chart *chart, const pp_codebook *cb,
                             json_t *results, const char *results_name, pp_diag *diag)
{
    plot_rows rows;
    char base[96], flag[96];
    double centre = plot_centre(chart->scale);
    if (plot_rows_read(&rows, chart, results, results_name, diag) != PP_OK)
        goto cleanup;
    if (!chart->as_written)
        plot_rows_sort(&rows, chart->scale, centre);
    plot_base_text(base, sizeof base, rows.base_min, rows.base_max, rows.paired ? "pairs" : "");
    plot_flag_text(flag, sizeof flag, rows.small_base, cb->min_base);
    if (plot_data_text(out, chart->title, base, flag) != 0 ||
        write_levels(out, chart->scale, centre) != 0 || write_rows(out, chart, &rows) != 0) {
        pp_diag_set(diag, PP_ERR_NOMEM, NULL, 0, NULL);
        goto cleanup;
    }
    write_all_segments(out, chart, &rows, centre);

cleanup:
    plot_rows_free(&rows);
    return diag->code;
}

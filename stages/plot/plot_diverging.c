/* plot_diverging.c: the data of a diverging stacked bar chart
 * (plot_data_diverging in plot_data.h), of the whole sample or by segment
 * (its groups of bars one after another, plot_groups.h).
 *
 * The C side does the arithmetic (where each level's segment starts and
 * ends around the zero line, each level's tone), plots/diverging.gp
 * everything visible. Levels below the centre lie left of zero, above it
 * right; a centre level straddles zero, half on each side. Missing labels
 * ("Don't know") are measured from 0 in a panel of their own. */
#include <stdlib.h>
#include <string.h>

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

/* A figure's bars: one plot_rows per group, in the whole sample's order. */
typedef struct {
    const plot_chart *chart;
    const plot_groups *groups;
    plot_rows *rows;            /* [groups->count] */
} bars;

/* $rows: each bar's label, position and who answered. */
static int write_rows(FILE *out, const bars *b)
{
    size_t row = 0, headings = 0;
    plot_data_begin(out, "rows");
    fprintf(out, "# label row headings_so_far n missing_percent item\n");
    for (size_t g = 0; g < b->groups->count; g++) {
        const plot_rows *rows = &b->rows[g];
        headings += b->groups->headed;
        for (size_t i = 0; i < rows->count; i++, row++) {
            headings += has_heading(b->chart, &rows->rows[i]);
            if (plot_write_field(out, row_label(b->chart, &rows->rows[i]), PLOT_LABEL_MAX) != 0)
                return -1;
            fprintf(out, " %zu %zu %ld %.4f %zu\n", row, headings, rows->rows[i].n,
                    missing_total(b->chart->scale, &rows->rows[i]), rows->rows[i].item + 1);
        }
    }
    plot_data_end(out);
    return 0;
}

/* $headings: a level's over its group (by segment), an item's over its
 * before and after bars (in a battery). */
static int write_headings(FILE *out, const bars *b)
{
    size_t row = 0, headings = 0;
    plot_data_begin(out, "headings");
    fprintf(out, "# label first_row headings_so_far indent base flag\n");
    for (size_t g = 0; g < b->groups->count; g++) {
        const plot_rows *rows = &b->rows[g];
        const plot_group *group = &b->groups->groups[g];
        if (b->groups->headed &&
            plot_heading(out, group->slot.level, row, ++headings, 0, group->base, group->flag) != 0)
            return -1;
        for (size_t i = 0; i < rows->count; i++, row++)
            if (has_heading(b->chart, &rows->rows[i]) &&
                plot_heading(out, b->chart->labels[rows->rows[i].item], row, ++headings,
                             b->groups->headed, "", "") != 0)
                return -1;
    }
    plot_data_end(out);
    fprintf(out, "heading_count = %zu\n", headings);
    return 0;
}

static void write_all_segments(FILE *out, const bars *b, double centre)
{
    const pp_scale *s = b->chart->scale;
    extents ext = {0, 0, 0};
    size_t row = 0, headings = 0;
    plot_data_begin(out, "segments");
    fprintf(out, "# row headings_so_far kind index x_from x_to percent tone\n");
    for (size_t g = 0; g < b->groups->count; g++) {
        const plot_rows *rows = &b->rows[g];
        headings += b->groups->headed;
        for (size_t i = 0; i < rows->count; i++, row++) {
            headings += has_heading(b->chart, &rows->rows[i]);
            write_segments(out, &rows->rows[i], row, headings, s, centre, &ext);
        }
    }
    plot_data_end(out);
    fprintf(out, "row_count = %zu\nlevel_count = %zu\nmissing_count = %zu\n"
                 "centre = %.1f\nextent_left = %.4f\nextent_right = %.4f\nmissing_max = %.4f\n",
            row, s->levels.count, s->missing.count, centre, ext.left, ext.right, ext.missing);
}

/* Reads every group's bars: the whole sample's, sorted unless the
 * codebook says `order = as written`, and each level's in that order. */
static pp_error read_bars(bars *b, json_t *results, const char *name, double centre,
                          pp_diag *diag)
{
    const plot_chart *chart = b->chart;
    plot_slot whole = {NULL, NULL};
    plot_rows sorted;
    size_t *order = calloc(chart->n_items + 1, sizeof *order);
    if (order == NULL)
        return pp_diag_set(diag, PP_ERR_NOMEM, NULL, 0, NULL);
    if (plot_rows_read(&sorted, chart, results, &whole, name, diag) != PP_OK)
        goto cleanup;
    if (!chart->as_written)
        plot_rows_sort(&sorted, chart->scale, centre);
    plot_rows_items(&sorted, order, chart->n_items);
    for (size_t g = 0; g < b->groups->count; g++) {
        if (!b->groups->headed) {       /* the whole sample: the bars just read */
            b->rows[g] = sorted;
            memset(&sorted, 0, sizeof sorted);
            continue;
        }
        if (plot_rows_read(&b->rows[g], chart, results, &b->groups->groups[g].slot, name,
                           diag) != PP_OK)
            goto cleanup;
        if (plot_rows_arrange(&b->rows[g], order, chart->n_items) != 0) {
            pp_diag_set(diag, PP_ERR_NOMEM, NULL, 0, NULL);
            goto cleanup;
        }
    }

cleanup:
    plot_rows_free(&sorted);
    free(order);
    return diag->code;
}

pp_error plot_data_diverging(FILE *out, const plot_figure *figure, const pp_codebook *cb,
                             json_t *results, const char *results_name, pp_diag *diag)
{
    plot_groups groups;
    bars b = {figure->chart, &groups, NULL};
    double centre = plot_centre(figure->chart->scale);
    if (plot_groups_build(&groups, figure, cb, results, results_name, diag) != PP_OK)
        goto cleanup;
    if ((b.rows = calloc(groups.count + 1, sizeof *b.rows)) == NULL) {
        pp_diag_set(diag, PP_ERR_NOMEM, NULL, 0, NULL);
        goto cleanup;
    }
    if (read_bars(&b, results, results_name, centre, diag) != PP_OK)
        goto cleanup;
    if (plot_data_text(out, figure->chart->title, groups.base, groups.flag) != 0 ||
        write_levels(out, figure->chart->scale, centre) != 0 || write_rows(out, &b) != 0 ||
        write_headings(out, &b) != 0) {
        pp_diag_set(diag, PP_ERR_NOMEM, NULL, 0, NULL);
        goto cleanup;
    }
    write_all_segments(out, &b, centre);

cleanup:
    for (size_t g = 0; b.rows != NULL && g < groups.count; g++)
        plot_rows_free(&b.rows[g]);
    free(b.rows);
    plot_groups_free(&groups);
    return diag->code;
}

/* plot_rows.h: the bars of a rating chart, read from results.json.
 *
 * A single item is one bar; a paired item two, before above after. Each
 * bar's shares are of everyone who answered that side, the K levels then
 * each missing label, so that they add up to 100: for a paired item
 * answered_pct_<side> and missing_<side>; for a single item its counts and
 * missing_counts over their sum. Nobody answering gives zeros. */
#ifndef PREPOST_PLOT_ROWS_H
#define PREPOST_PLOT_ROWS_H

#include <stddef.h>

#include <jansson.h>

#include "diag.h"
#include "plot_chart.h"

typedef enum { PLOT_SIDE_ONE, PLOT_SIDE_BEFORE, PLOT_SIDE_AFTER } plot_side;

typedef struct {
    size_t item;            /* index into chart->items */
    plot_side side;
    long n;                 /* who answered: the shares' base */
    double *share;          /* K levels then M missing labels, percent */
} plot_row;

typedef struct {
    plot_row *rows;
    size_t count;
    long base_min, base_max;    /* results' base over the chart's items */
    int small_base;             /* some item's base is flagged */
    int paired;                 /* every item is paired */
} plot_rows;

/* Reads the chart's bars from results.json, in codebook order.
 * PP_ERR_RECORDS naming results_name when results.json lacks an item or
 * does not fit the codebook's scale. */
pp_error plot_rows_read(plot_rows *rows, const plot_chart *chart, json_t *results,
                        const char *results_name, pp_diag *diag);
void plot_rows_free(plot_rows *rows);

/* Sorts bars by the net positive share (levels above the centre minus
 * below) of each item's last bar, most positive first; an item's bars stay
 * together, before above after; ties keep the codebook's order. */
void plot_rows_sort(plot_rows *rows, const pp_scale *scale, double centre);

/* The level the chart centres on, 1..K: the scale's centre (k + 0.5 is
 * between k and k + 1), else the middle (between two for an even K). */
double plot_centre(const pp_scale *scale);

/* Look-ups in one item of results.json, shared with the options chart:
 * the item (PP_ERR_RECORDS if it is missing or of another kind) and its
 * whole-sample result. */
json_t *plot_result_of(const pp_item *item, json_t *results, const char *results_name,
                       pp_diag *diag);

#endif

/* plot_rows.h: the bars of a rating chart, read from results.json.
 *
 * A single item is one bar; a paired item two, before above after. Each
 * bar's shares are of everyone who answered that side, the K levels then
 * each missing label, so that they add up to 100: for a paired item
 * answered_pct_<side> and missing_<side>; for a single item its counts and
 * missing_counts over their sum. Nobody answering, or no result for the
 * slot (a level nobody of was counted), gives zeros and n = 0. */
#ifndef PREPOST_PLOT_ROWS_H
#define PREPOST_PLOT_ROWS_H

#include <stddef.h>

#include <jansson.h>

#include "diag.h"
#include "plot_chart.h"
#include "plot_groups.h"

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
} plot_rows;

/* Reads the chart's bars in the slot from results.json, in codebook order.
 * PP_ERR_RECORDS naming results_name when results.json lacks an item or
 * its whole-sample result, or does not fit the codebook's scale. */
pp_error plot_rows_read(plot_rows *rows, const plot_chart *chart, json_t *results,
                        const plot_slot *slot, const char *results_name, pp_diag *diag);
void plot_rows_free(plot_rows *rows);

/* Sorts bars by the net positive share (levels above the centre minus
 * below) of each item's last bar, most positive first; an item's bars stay
 * together, before above after; ties keep the codebook's order. */
void plot_rows_sort(plot_rows *rows, const pp_scale *scale, double centre);

/* The items in the order their bars come: order[0..n_items) gets each
 * item's index once (every item has bars, as plot_rows_read reads them). */
void plot_rows_items(const plot_rows *rows, size_t *order, size_t n_items);

/* Puts the bars in this order of items (as plot_rows_items gives it), an
 * item's bars staying together in their order. 0, or -1 when out of
 * memory or the order misses a bar's item (left as they were). */
int plot_rows_arrange(plot_rows *rows, const size_t *order, size_t n_items);

/* The level the chart centres on, 1..K: the scale's centre (k + 0.5 is
 * between k and k + 1), else the middle (between two for an even K). */
double plot_centre(const pp_scale *scale);

#endif

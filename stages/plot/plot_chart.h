/* plot_chart.h: the charts of a survey and what goes in each.
 *
 * Every item but a text item is drawn: items of a battery together in one
 * chart named after the battery, any other item alone in a chart named
 * after its id (pp_chart_name). A chart of ratings (paired and single
 * items on one scale) is a diverging stacked bar chart; a chart of
 * tick-all-that-apply items is a bar chart of option shares.
 *
 * Each chart is drawn for the whole sample and once more by each segment
 * (a figure each): the same bars, in the same order, repeated for each
 * level of the segment under the level's name, base and small-base flag
 * (segment_chart.h names the files and picks the levels). */
#ifndef PREPOST_PLOT_CHART_H
#define PREPOST_PLOT_CHART_H

#include <stddef.h>

#include "codebook.h"
#include "diag.h"

typedef enum { PLOT_DIVERGING, PLOT_OPTIONS } plot_kind;

typedef struct {
    const char *name;           /* file name without extension */
    plot_kind kind;
    const pp_scale *scale;      /* PLOT_DIVERGING: the items' one scale */
    const pp_item **items;      /* codebook order */
    size_t n_items;
    int as_written;             /* battery: keep the codebook's order */
    char *title;                /* raw text; cleaned when written */
    char **labels;              /* per item: its name within the chart */
} plot_chart;

typedef struct {
    plot_chart *charts;
    size_t count;
} plot_charts;

/* Groups the codebook's items into charts. PP_ERR_CODEBOOK when a battery
 * mixes ratings with tick-all-that-apply items or two scales, or a chart
 * name is used twice (a battery named like an item). */
pp_error plot_charts_build(plot_charts *charts, const pp_codebook *cb, pp_diag *diag);
void plot_charts_free(plot_charts *charts);

/* One pair of files to draw: a chart of the whole sample, or a chart by a
 * segment. */
typedef struct {
    const plot_chart *chart;
    const pp_segment *segment;  /* NULL: the whole sample */
    char *name;                 /* file name without extension */
} plot_figure;

typedef struct {
    plot_figure *figures;       /* each chart, then it by each segment in
                                   codebook order */
    size_t count;
} plot_figures;

/* The figures of the charts. PP_ERR_CODEBOOK when a name is too long. */
pp_error plot_figures_build(plot_figures *figures, const plot_charts *charts,
                            const pp_codebook *cb, pp_diag *diag);
void plot_figures_free(plot_figures *figures);

const char *plot_kind_name(plot_kind kind);   /* "diverging", "options" */

/* Sets chart->title and chart->labels: an item's title alone; for a
 * battery, the words its titles share before a ': ' (or ' - ', ' / ')
 * and what follows in each, else the battery's name and whole titles
 * (pp_battery_title in chart_name.h, as the dashboard heads it).
 * 0, or -1 on out of memory. */
int plot_chart_titles(plot_chart *chart);

#endif

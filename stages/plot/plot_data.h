/* plot_data.h: writing one chart's data for its gnuplot template.
 *
 * A chart reaches gnuplot as datablocks and numeric variables only; the
 * template (plots/<kind>.gp) does all the drawing and styling. Every text
 * is a quoted field at the start of a datablock line (plot_text.h), so no
 * line can equal the terminator and no text is ever a command. What each
 * datablock holds is listed at the top of plots/diverging.gp and
 * plots/options.gp. */
#ifndef PREPOST_PLOT_DATA_H
#define PREPOST_PLOT_DATA_H

#include <stdio.h>

#include <jansson.h>

#include "diag.h"
#include "plot_chart.h"

/* Ends every datablock. No data line can equal it: each starts with '"'
 * or a digit or '-'. */
#define PLOT_EOD "PREPOST_END_OF_DATA"

/* Writes the figure's datablocks and variables to the gnuplot script: the
 * whole sample, or a group of bars per level of a segment (plot_groups.h).
 * The results file's name is for messages. */
pp_error plot_data_diverging(FILE *out, const plot_figure *figure, const pp_codebook *cb,
                             json_t *results, const char *results_name, pp_diag *diag);
pp_error plot_data_options(FILE *out, const plot_figure *figure, const pp_codebook *cb,
                           json_t *results, const char *results_name, pp_diag *diag);

/* Shared by both: $text (title, base, small-base flag), a datablock's
 * first and last lines, and a line of $headings: "label" first_row
 * headings_so_far indent "base" "flag" (a level's heading has its base and
 * flag; an item's has indent 1 under a level's, and "" ""). */
int plot_data_text(FILE *out, const char *title, const char *base, const char *flag);
int plot_heading(FILE *out, const char *label, size_t first_row, size_t headings,
                 int indent, const char *base, const char *flag);
void plot_data_begin(FILE *out, const char *name);
void plot_data_end(FILE *out);
/* "n = 212", "n = 31 to 35", with a unit if given: `one` ("pair") when
 * the base is exactly 1, else `many` ("pairs"); NULL for none. */
void plot_base_text(char *buf, size_t size, long min, long max, const char *one,
                    const char *many);
/* "base under 50: too small to conclude from", or "" when not small. */
void plot_flag_text(char *buf, size_t size, int small_base, long min_base);

#endif

/* chart_name.h: which chart draws an item, and the title a battery goes
 * by, named once for every stage. prepost-plot writes <name>.svg and
 * <name>.png; the report and the tables refer to those files by the same
 * name, and the chart and the dashboard head a battery with the same title. */
#ifndef PREPOST_CHART_NAME_H
#define PREPOST_CHART_NAME_H

#include <stddef.h>

#include "codebook.h"

/* The chart an item is drawn in: its battery's name for an item in a
 * battery (one chart for the whole battery), its id otherwise. NULL for a
 * text item, which has no chart. Owned by the item. */
const char *pp_chart_name(const pp_item *item);

/* The title of a chart of n items with these titles (codebook order),
 * named `name`. One item: its title. A battery's titles usually repeat one
 * question and differ after a separator ("...cycle: planning"): the words
 * they share before the last ': ' (or ' - ', ' / ', ' – ') that leaves
 * something after it in every title. Otherwise the name made readable
 * ("works_public" -> "Works public").
 * label_at, when not NULL, gets where each item's own words begin in its
 * title (past the question and its separator; 0 when there is no shared
 * question). Returns a malloc'd string, or NULL when out of memory. */
char *pp_battery_title(const char *name, const char *const *titles, size_t n,
                       size_t *label_at);

/* What each of n items is called within their chart, as its bars are
 * labelled and the dashboard's alt text names them: its title past the
 * question the titles share (pp_battery_title), first letter capitalised;
 * its whole title when they share none. A malloc'd array of n malloc'd
 * strings and a NULL after them (pp_battery_labels_free), or NULL when out
 * of memory. */
char **pp_battery_labels(const char *const *titles, size_t n);
void pp_battery_labels_free(char **labels);

#endif

/* chart_name.h: which chart draws an item, named once for every stage.
 * prepost-plot writes <name>.svg and <name>.png; the report and the tables
 * refer to those files by the same name. */
#ifndef PREPOST_CHART_NAME_H
#define PREPOST_CHART_NAME_H

#include "codebook.h"

/* The chart an item is drawn in: its battery's name for an item in a
 * battery (one chart for the whole battery), its id otherwise. NULL for a
 * text item, which has no chart. Owned by the item. */
const char *pp_chart_name(const pp_item *item);

#endif

/* segment_chart.h: the charts by segment, named once for every stage.
 *
 * Every chart (chart_name.h) is drawn a second time for each [segment] of
 * the codebook, its bars repeated for each level of the segment under the
 * level's name. prepost-plot writes it as <chart>.by-<segment>.svg and
 * .png; the dashboard links the same names. Chart and segment names are
 * letters, digits, '_' and '-' only (codebook.c), so the '.' can only be
 * this separator: no such name equals a chart's name or another chart by
 * segment's, whatever the segment's levels say (level text never goes
 * into a file name). */
#ifndef PREPOST_SEGMENT_CHART_H
#define PREPOST_SEGMENT_CHART_H

#include <stddef.h>

#include <jansson.h>

#include "codebook.h"

/* dst gets "<chart>.by-<segment>". 0, or -1 when it does not fit (dst is
 * then ""). */
int pp_segment_chart_name(char *dst, size_t cap, const char *chart, const char *segment);

/* The result of an item of results.json for one level of a segment (the
 * whole sample's for segment and level NULL), or NULL when it has none
 * (nobody of that level was counted). */
json_t *pp_segment_result(json_t *item, const char *segment, const char *level);

/* The levels a chart of these items (a JSON array of results.json items)
 * draws by the segment, in order: the codebook's `levels =` (a level
 * nobody is in included: it draws with n = 0), then the levels results.json
 * lists for the segment that the codebook does not, in its order. When an
 * item of the chart was asked of one segment level only (`among`), only
 * the levels where some item of the chart has a result.
 * *levels gets a malloc'd array of pointers into seg and results (free
 * only the array). Returns how many, or -1 when out of memory. */
long pp_segment_chart_levels(const pp_segment *seg, json_t *results, json_t *items,
                             const char ***levels);

#endif

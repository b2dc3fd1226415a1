/* segment_chart.c: the names and levels of the charts by segment
 * (segment_chart.h). */
#include "segment_chart.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int pp_segment_chart_name(char *dst, size_t cap, const char *chart, const char *segment)
{
    int n = snprintf(dst, cap, "%s.by-%s", chart, segment);
    if (n >= 0 && (size_t)n < cap)
        return 0;
    if (cap > 0)
        dst[0] = '\0';
    return -1;
}

/* A string member equal to text; text NULL: a null one. */
static int same(json_t *value, const char *text)
{
    const char *s = json_string_value(value);
    if (text == NULL)
        return json_is_null(value);
    return s != NULL && strcmp(s, text) == 0;
}

json_t *pp_segment_result(json_t *item, const char *segment, const char *level)
{
    size_t i;
    json_t *result;
    json_array_foreach(json_object_get(item, "results"), i, result)
        if (same(json_object_get(result, "segment"), segment) &&
            same(json_object_get(result, "level"), level))
            return result;
    return NULL;
}

/* The levels results.json lists for the segment (a JSON array), or NULL. */
static json_t *listed_levels(json_t *results, const char *segment)
{
    size_t i;
    json_t *entry;
    json_array_foreach(json_object_get(results, "segments"), i, entry)
        if (same(json_object_get(entry, "name"), segment))
            return json_object_get(entry, "levels");
    return NULL;
}

static int any_among(json_t *items)
{
    size_t i;
    json_t *item;
    json_array_foreach(items, i, item)
        if (json_is_object(json_object_get(item, "among")))
            return 1;
    return 0;
}

static int any_result(json_t *items, const char *segment, const char *level)
{
    size_t i;
    json_t *item;
    json_array_foreach(items, i, item)
        if (pp_segment_result(item, segment, level) != NULL)
            return 1;
    return 0;
}

/* Why an item asked among one level draws only the levels with results: a
 * level outside those asked was never put the question, and an empty bar
 * with "n = 0" would read as asked and unanswered. An evaluator looking at
 * a question put to the public sector by partner expects the partners the
 * public sector came through, not bars for partners that trained only
 * third sector organisations. An item asked of everyone draws every level,
 * so that a level nobody is in shows as such (n = 0) and the charts of one
 * segment all have the same groups. */
static int drawn(json_t *items, int among, const char *segment, const char *level)
{
    return !among || any_result(items, segment, level);
}

long pp_segment_chart_levels(const pp_segment *seg, json_t *results, json_t *items,
                             const char ***levels)
{
    json_t *listed = listed_levels(results, seg->name), *entry;
    int among = any_among(items);
    size_t i, n = 0;
    *levels = calloc(seg->levels.count + json_array_size(listed) + 1, sizeof **levels);
    if (*levels == NULL)
        return -1;
    for (i = 0; i < seg->levels.count; i++)
        if (drawn(items, among, seg->name, seg->levels.items[i]))
            (*levels)[n++] = seg->levels.items[i];
    json_array_foreach(listed, i, entry) {
        const char *level = json_string_value(json_object_get(entry, "level"));
        if (level != NULL && pp_strings_index(&seg->levels, level) < 0 &&
            drawn(items, among, seg->name, level))
            (*levels)[n++] = level;
    }
    return (long)n;
}

/* table_check.c: results.json checked for the tables (table_check.h). */
#include "table_check.h"

#include <ctype.h>
#include <string.h>

#define DAMAGED(...) pp_diag_set(diag, PP_ERR_RECORDS, name, 0, __VA_ARGS__)

/* 1 if every element of a is a string. */
static int all_strings(json_t *a)
{
    size_t i;
    json_t *v;
    if (!json_is_array(a))
        return 0;
    json_array_foreach(a, i, v) if (!json_is_string(v)) return 0;
    return 1;
}

/* 1 if s names a file: letters, digits, '_' and '-', at most 64. */
static int plain_name(const char *s)
{
    if (s == NULL || *s == '\0' || strlen(s) > 64)
        return 0;
    for (; *s; s++)
        if (!isalnum((unsigned char)*s) && *s != '_' && *s != '-')
            return 0;
    return 1;
}

static pp_error check_segments(json_t *segments, const pp_codebook *cb, const char *name,
                               pp_diag *diag)
{
    if (!json_is_array(segments) || json_array_size(segments) != cb->n_segments)
        return DAMAGED("its segments are not the %zu of the codebook", cb->n_segments);
    for (size_t s = 0; s < cb->n_segments; s++) {
        json_t *seg = json_array_get(segments, s), *levels = json_object_get(seg, "levels");
        const char *seg_name = json_string_value(json_object_get(seg, "name"));
        if (seg_name == NULL || strcmp(seg_name, cb->segments[s].name) != 0 || !json_is_array(levels))
            return DAMAGED("segment %zu is not the codebook's \"%s\"", s + 1, cb->segments[s].name);
        size_t i;
        json_t *level;
        json_array_foreach(levels, i, level) {
            if (!json_is_string(json_object_get(level, "level")) ||
                !json_is_integer(json_object_get(level, "respondents")))
                return DAMAGED("a level of segment \"%s\" has no name or no count", seg_name);
        }
    }
    return PP_OK;
}

static pp_error check_results(json_t *item, const char *id, const char *name, pp_diag *diag)
{
    json_t *results = json_object_get(item, "results"), *slot;
    size_t i;
    if (!json_is_array(results) || json_array_size(results) == 0)
        return DAMAGED("item \"%s\" has no results", id);
    json_array_foreach(results, i, slot) {
        json_t *segment = json_object_get(slot, "segment"), *level = json_object_get(slot, "level");
        if (!json_is_integer(json_object_get(slot, "base")) ||
            !(json_is_null(segment) || json_is_string(segment)) ||
            !(json_is_null(level) || json_is_string(level)))
            return DAMAGED("item \"%s\" has a result without its base or segment", id);
    }
    return PP_OK;
}

static pp_error check_item(json_t *item, const pp_item *want, const char *name, pp_diag *diag)
{
    const char *id = json_string_value(json_object_get(item, "id"));
    const char *kind = json_string_value(json_object_get(item, "kind"));
    if (id == NULL || strcmp(id, want->id) != 0 || kind == NULL ||
        strcmp(kind, pp_item_kind_name(want->kind)) != 0)
        return DAMAGED("it does not hold the codebook's %s item \"%s\" where expected; "
                       "make it again with prepost-stats from this codebook",
                       pp_item_kind_name(want->kind), want->id);
    if (!plain_name(id) || strcmp(id, "summary") == 0 || strncmp(id, "segment-", 8) == 0)
        return DAMAGED("the item name \"%s\" would overwrite another table; rename the item "
                       "in the codebook", id);
    if (!json_is_string(json_object_get(item, "title")))
        return DAMAGED("item \"%s\" has no title", id);
    if (want->kind == PP_ITEM_TEXT)
        return json_is_array(json_object_get(item, "comments")) ? PP_OK
               : DAMAGED("text item \"%s\" has no comments list", id);
    json_t *scale = json_object_get(item, "scale");
    if (want->kind == PP_ITEM_MULTI ? !all_strings(json_object_get(item, "options"))
        : !all_strings(json_object_get(scale, "levels")) ||
          !all_strings(json_object_get(scale, "missing")) ||
          !all_strings(json_object_get(scale, "top")) ||
          !all_strings(json_object_get(scale, "bottom")))
        return DAMAGED("item \"%s\" has no list of its %s", id,
                       want->kind == PP_ITEM_MULTI ? "options" : "scale's levels");
    return check_results(item, id, name, diag);
}

pp_error pp_table_check(json_t *results, const pp_codebook *cb, const char *name, pp_diag *diag)
{
    json_t *survey = json_object_get(results, "survey"), *items = json_object_get(results, "items");
    if (!json_is_integer(json_object_get(survey, "min_base")) ||
        !json_is_integer(json_object_get(survey, "respondents")))
        return DAMAGED("it has no survey respondents or min_base");
    pp_error status = check_segments(json_object_get(results, "segments"), cb, name, diag);
    if (status != PP_OK)
        return status;
    if (!json_is_array(items) || json_array_size(items) != cb->n_items)
        return DAMAGED("it holds %zu items where the codebook has %zu; make it again with "
                       "prepost-stats from this codebook",
                       json_is_array(items) ? json_array_size(items) : 0, cb->n_items);
    for (size_t i = 0; i < cb->n_items && status == PP_OK; i++)
        status = check_item(json_array_get(items, i), &cb->items[i], name, diag);
    return status;
}

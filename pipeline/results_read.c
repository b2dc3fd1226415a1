/* results_read.c: loading results.json and the look-ups of results_read.h. */
#include "results_read.h"

#include <stdlib.h>
#include <string.h>

/* jansson does not always say when it runs out of memory while parsing: a
 * string may lose a character and the parse go on. So the loads count the
 * allocations that fail themselves, through an allocator of their own. */
static int allocation_failed;

static void *noting_malloc(size_t size)
{
    void *p = malloc(size);
    if (p == NULL)
        allocation_failed = 1;
    return p;
}

/* Runs before a load: from here until loaded(), failures are noted. */
static void loading(json_malloc_t *saved_malloc, json_free_t *saved_free)
{
    json_get_alloc_funcs(saved_malloc, saved_free);
    json_set_alloc_funcs(noting_malloc, free);
    allocation_failed = 0;
}

/* Puts the allocator back; a load that ran out of memory gives NULL with
 * the diag set, whatever it parsed. */
static json_t *loaded(json_t *root, json_malloc_t saved_malloc, json_free_t saved_free,
                      const char *name, pp_diag *diag)
{
    json_set_alloc_funcs(saved_malloc, saved_free);
    if (!allocation_failed)
        return root;
    json_decref(root);
    pp_diag_set(diag, PP_ERR_NOMEM, name, 0, NULL);
    return NULL;
}

static json_t *check_schema(json_t *root, const char *name, pp_diag *diag)
{
    const char *schema = json_is_object(root)
                             ? json_string_value(json_object_get(root, "schema")) : NULL;
    if (schema == NULL || strcmp(schema, PP_RESULTS_SCHEMA) != 0) {
        pp_diag_set(diag, PP_ERR_RECORDS, name, 0,
                    schema ? "this results file has the schema '%.40s'; this prepost "
                             "reads '" PP_RESULTS_SCHEMA "' (make it again with "
                             "prepost-stats)"
                           : "this is not a results.json made by prepost-stats%.0s",
                    schema ? schema : "");
        json_decref(root);
        return NULL;
    }
    return root;
}

static json_t *parse_failed(const json_error_t *error, const char *name, pp_diag *diag)
{
    pp_diag_set(diag, PP_ERR_RECORDS, name, error->line,
                "this is not valid JSON: %s", error->text);
    pp_diag_at_column(diag, error->column, NULL);
    return NULL;
}

json_t *pp_results_load(FILE *in, const char *name, pp_diag *diag)
{
    json_error_t error;
    json_malloc_t saved_malloc;
    json_free_t saved_free;
    loading(&saved_malloc, &saved_free);
    json_t *root = json_loadf(in, JSON_REJECT_DUPLICATES, &error);
    root = loaded(root, saved_malloc, saved_free, name, diag);
    if (allocation_failed)
        return NULL;
    if (root == NULL)
        return parse_failed(&error, name, diag);
    return check_schema(root, name, diag);
}

json_t *pp_results_load_buffer(const char *text, size_t len, const char *name, pp_diag *diag)
{
    json_error_t error;
    json_malloc_t saved_malloc;
    json_free_t saved_free;
    loading(&saved_malloc, &saved_free);
    json_t *root = json_loadb(text, len, JSON_REJECT_DUPLICATES, &error);
    root = loaded(root, saved_malloc, saved_free, name, diag);
    if (allocation_failed)
        return NULL;
    if (root == NULL)
        return parse_failed(&error, name, diag);
    return check_schema(root, name, diag);
}

json_t *pp_results_item(json_t *results, const char *id)
{
    size_t i;
    json_t *item;
    json_array_foreach(json_object_get(results, "items"), i, item) {
        const char *item_id = json_string_value(json_object_get(item, "id"));
        if (item_id != NULL && strcmp(item_id, id) == 0)
            return item;
    }
    return NULL;
}

json_t *pp_results_whole_sample(json_t *item)
{
    return json_array_get(json_object_get(item, "results"), 0);
}

const char *pp_results_string(json_t *object, const char *key, const char *fallback)
{
    const char *value = json_string_value(json_object_get(object, key));
    return value ? value : fallback;
}

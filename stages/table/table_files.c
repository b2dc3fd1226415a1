/* table_files.c: building each table and writing it three ways into the
 * output folder (table_files.h). */
#include "table_files.h"

#include <stdio.h>
#include <string.h>

#include "table_build.h"
#include "table_write.h"

typedef int (*table_writer)(const pp_table *, FILE *);

/* Writes t as stem.csv, stem.md and stem.tex. */
static pp_error write_three(pp_outdir *o, const pp_table *t, const char *stem, pp_diag *diag)
{
    static const char *const ext[] = {"csv", "md", "tex"};
    static const table_writer writers[] = {pp_table_write_csv, pp_table_write_md,
                                           pp_table_write_tex};
    if (t->failed)
        return pp_diag_set(diag, PP_ERR_NOMEM, NULL, 0, NULL);
    for (size_t i = 0; i < 3; i++) {
        char name[128];
        snprintf(name, sizeof name, "%s.%s", stem, ext[i]);
        FILE *f = pp_outdir_create(o, name, diag);
        if (f == NULL)
            return diag->code;
        int wrote = writers[i](t, f);
        if (pp_outdir_close(o, f, name, diag) != 0)
            return diag->code;
        if (wrote != 0)
            return pp_diag_set(diag, PP_ERR_NOMEM, NULL, 0, NULL);
    }
    return PP_OK;
}

static pp_error write_items(pp_outdir *o, json_t *results, pp_diag *diag)
{
    size_t i;
    json_t *item;
    json_array_foreach(json_object_get(results, "items"), i, item) {
        if (strcmp(json_string_value(json_object_get(item, "kind")), "text") == 0)
            continue;
        pp_table t;
        pp_table_item(&t, results, item);
        pp_error status = write_three(o, &t, json_string_value(json_object_get(item, "id")), diag);
        pp_table_free(&t);
        if (status != PP_OK)
            return status;
    }
    return PP_OK;
}

static pp_error write_segments(pp_outdir *o, json_t *results, pp_diag *diag)
{
    size_t i;
    json_t *segment;
    json_array_foreach(json_object_get(results, "segments"), i, segment) {
        char stem[96];
        snprintf(stem, sizeof stem, "segment-%s",
                 json_string_value(json_object_get(segment, "name")));
        pp_table t;
        pp_table_segment(&t, results, segment);
        pp_error status = write_three(o, &t, stem, diag);
        pp_table_free(&t);
        if (status != PP_OK)
            return status;
    }
    return PP_OK;
}

pp_error pp_table_write_all(pp_outdir *o, json_t *results, pp_diag *diag)
{
    pp_table t;
    pp_error status = write_items(o, results, diag);
    if (status == PP_OK)
        status = write_segments(o, results, diag);
    if (status != PP_OK)
        return status;
    pp_table_summary(&t, results);
    status = write_three(o, &t, "summary", diag);
    pp_table_free(&t);
    return status;
}

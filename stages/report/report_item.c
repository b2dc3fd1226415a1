/* report_item.c: one item's part of the page: who was asked, its kind's
 * table and words, the segments, the notes on what could not be computed,
 * and links to its tables. */
#include <stdlib.h>
#include <string.h>

#include "html_escape.h"
#include "report.h"

static void among(report *r, json_t *item)
{
    json_t *a = json_object_get(item, "among");
    if (!json_is_object(a))
        return;
    raw(r, "<p class=\"among\">Asked of ");
    html(r, str(a, "segment", ""));
    raw(r, " = ");
    html(r, str(a, "level", ""));
    raw(r, " only.</p>\n");
}

void report_notes(report *r, json_t *result)
{
    json_t *notes = json_object_get(result, "notes"), *reason;
    const char *key;
    if (json_object_size(notes) == 0)
        return;
    raw(r, "<ul class=\"notes\">\n");
    json_object_foreach(notes, key, reason) {
        char *name = strdup(key);
        for (char *c = name; c && *c; c++)
            if (*c == '_')
                *c = ' ';
        raw(r, "<li>");
        html(r, name ? name : key);
        raw(r, ": not available: ");
        html(r, json_string_value(reason));
        raw(r, "</li>\n");
        free(name);
    }
    raw(r, "</ul>\n");
}

void report_tables_links(report *r, const char *item_id)
{
    static const char *const ext[] = {"csv", "md", "tex"};
    char name[128], file[160];
    pp_html_safe_name(name, sizeof name, item_id);
    bool any = false;
    for (size_t i = 0; i < 3; i++) {
        snprintf(file, sizeof file, "%s.%s", name, ext[i]);
        if (!report_file_exists(r->tables_dir, file))
            continue;
        raw(r, any ? ", " : "<p class=\"files\">This item's table as ");
        rawf(r, "<a href=\"tables/%s\">%s</a>", file, i == 0 ? "CSV" : i == 1 ? "Markdown" : "LaTeX");
        any = true;
    }
    if (any)
        raw(r, ".</p>\n");
}

void report_item(report *r, json_t *item)
{
    const char *kind = str(item, "kind", "");
    among(r, item);
    if (strcmp(kind, "paired") == 0)
        report_paired(r, item);
    else if (strcmp(kind, "single") == 0)
        report_single(r, item);
    else if (strcmp(kind, "multi") == 0)
        report_multi(r, item);
    else if (strcmp(kind, "text") == 0)
        report_comments(r, item);
    if (strcmp(kind, "text") != 0) {
        report_notes(r, json_array_get(json_object_get(item, "results"), 0));
        report_segments(r, item);
    }
    report_tables_links(r, str(item, "id", ""));
}

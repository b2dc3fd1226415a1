/* report_contents.c: the contents list: one entry per section (an item,
 * or a battery with its items under it), linked to it on the page, in the
 * order of the page: a battery where its first item stands, once. */
#include <string.h>

#include "html_escape.h"
#include "report.h"

/* Opens an entry: "<li><a href=...>"; the caller writes its text. */
static void entry_open(report *r, const char *prefix, const char *name)
{
    char id[128];
    rawf(r, "<li><a href=\"#%s-%s\">", prefix, pp_html_safe_name(id, sizeof id, name));
}

static void item_entry(report *r, json_t *item)
{
    entry_open(r, "item", str(item, "id", ""));
    html(r, str(item, "title", ""));
    raw(r, "</a></li>\n");
}

static void battery_entry(report *r, const char *battery)
{
    json_t *items = report_battery_items(r, battery), *item;
    size_t i;
    entry_open(r, "battery", battery);
    report_battery_title(r, items, battery);
    raw(r, "</a>\n<ol>\n");
    json_array_foreach(items, i, item)
        item_entry(r, item);
    raw(r, "</ol></li>\n");
    json_decref(items);
}

void report_contents(report *r)
{
    json_t *item;
    size_t i;
    raw(r, "<nav aria-labelledby=\"contents\">\n<h2 id=\"contents\">Contents</h2>\n<ol>\n");
    json_array_foreach(json_object_get(r->results, "items"), i, item) {
        const char *battery = str(item, "battery", NULL);
        if (battery == NULL)
            item_entry(r, item);
        else if (!report_battery_seen(r, i, battery))
            battery_entry(r, battery);
    }
    raw(r, "</ol>\n</nav>\n");
}

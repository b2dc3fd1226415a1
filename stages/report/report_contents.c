/* report_contents.c: the contents list: one entry per section (an item,
 * or a battery with its items under it), linked to it on the page. */
#include <string.h>

#include "html_escape.h"
#include "report.h"

static void entry(report *r, const char *prefix, const char *name, const char *text)
{
    char id[128];
    rawf(r, "<li><a href=\"#%s-%s\">", prefix, pp_html_safe_name(id, sizeof id, name));
    html(r, text);
    raw(r, "</a>");
}

void report_contents(report *r)
{
    json_t *items = json_object_get(r->results, "items"), *item;
    size_t i;
    const char *open_battery = NULL;
    raw(r, "<nav aria-labelledby=\"contents\">\n<h2 id=\"contents\">Contents</h2>\n<ol>\n");
    json_array_foreach(items, i, item) {
        const char *battery = str(item, "battery", NULL);
        if (open_battery != NULL && (battery == NULL || strcmp(battery, open_battery) != 0)) {
            raw(r, "</ol></li>\n");
            open_battery = NULL;
        }
        if (battery != NULL && open_battery == NULL) {
            entry(r, "battery", battery, battery);
            raw(r, "\n<ol>\n");
            open_battery = battery;
        }
        entry(r, "item", str(item, "id", ""), str(item, "title", ""));
        raw(r, "</li>\n");
    }
    if (open_battery != NULL)
        raw(r, "</ol></li>\n");
    raw(r, "</ol>\n</nav>\n");
}

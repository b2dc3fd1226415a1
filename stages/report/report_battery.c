/* report_battery.c: a battery on the page: its items, wherever they stand
 * in results.json, gathered where its first item stands, and its title,
 * the one its chart has (pp_battery_title). */
#include <stdlib.h>
#include <string.h>

#include "chart_name.h"
#include "report.h"

json_t *report_battery_items(report *r, const char *battery)
{
    json_t *items = json_array(), *item;
    size_t i;
    if (items == NULL) {
        r->out_of_memory = true;
        return NULL;
    }
    json_array_foreach(json_object_get(r->results, "items"), i, item) {
        const char *b = str(item, "battery", NULL);
        if (b != NULL && strcmp(b, battery) == 0 && json_array_append(items, item) != 0) {
            r->out_of_memory = true;
            json_decref(items);
            return NULL;
        }
    }
    return items;
}

bool report_battery_seen(report *r, size_t upto, const char *battery)
{
    for (size_t i = 0; i < upto; i++) {
        json_t *item = json_array_get(json_object_get(r->results, "items"), i);
        const char *b = str(item, "battery", NULL);
        if (b != NULL && strcmp(b, battery) == 0)
            return true;
    }
    return false;
}

void report_battery_title(report *r, json_t *items, const char *battery)
{
    size_t n = json_array_size(items);
    const char **titles = calloc(n ? n : 1, sizeof *titles);
    char *title = NULL;
    if (titles != NULL && n > 0) {
        for (size_t i = 0; i < n; i++)
            titles[i] = str(json_array_get(items, i), "title", "");
        title = pp_battery_title(battery, titles, n, NULL);
    }
    html(r, title != NULL ? title : battery);
    free(title);
    free(titles);
}

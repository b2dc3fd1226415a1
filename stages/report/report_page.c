/* report_page.c: the whole dashboard page: head with the embedded style,
 * the survey header, the contents, then one section per item, or per
 * battery (its chart once, then each of its items). */
#include <string.h>

#include "html_escape.h"
#include "report.h"

static void head(report *r)
{
    json_t *survey = json_object_get(r->results, "survey");
    raw(r, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
           "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
           "<title>");
    html(r, str(survey, "title", "Survey"));
    raw(r, ": results</title>\n<style>\n");
    raw(r, report_style);
    raw(r, "</style>\n</head>\n<body>\n");
}

static void battery_section(report *r, const char *battery)
{
    char id[128];
    json_t *items = report_battery_items(r, battery), *item;
    size_t i;
    if (items == NULL)
        return;                         /* out of memory, noted */
    rawf(r, "<section id=\"battery-%s\" class=\"battery\">\n<h2>",
         pp_html_safe_name(id, sizeof id, battery));
    report_battery_title(r, items, battery);
    rawf(r, " <span class=\"kind\">(%zu items charted together)</span></h2>\n",
         json_array_size(items));
    report_chart(r, items);
    r->h = 3;
    json_array_foreach(items, i, item) {
        rawf(r, "<article id=\"item-%s\">\n<h3>",
             pp_html_safe_name(id, sizeof id, str(item, "id", "")));
        html(r, str(item, "title", ""));
        raw(r, "</h3>\n");
        report_item(r, item);
        raw(r, "</article>\n");
    }
    raw(r, "</section>\n");
    json_decref(items);
}

static void item_section(report *r, json_t *item)
{
    char id[128];
    rawf(r, "<section id=\"item-%s\">\n<h2>",
         pp_html_safe_name(id, sizeof id, str(item, "id", "")));
    html(r, str(item, "title", ""));
    raw(r, "</h2>\n");
    if (strcmp(str(item, "kind", ""), "text") != 0) {
        json_t *one = json_pack("[O]", item);
        if (one == NULL)
            r->out_of_memory = true;
        else
            report_chart(r, one);
        json_decref(one);
    }
    r->h = 2;
    report_item(r, item);
    raw(r, "</section>\n");
}

int report_page(report *r)
{
    json_t *item;
    size_t i;
    head(r);
    report_header(r);
    report_contents(r);
    raw(r, "<main>\n");
    json_array_foreach(json_object_get(r->results, "items"), i, item) {
        const char *battery = str(item, "battery", NULL);
        if (battery == NULL)
            item_section(r, item);
        else if (!report_battery_seen(r, i, battery))
            battery_section(r, battery);
    }
    raw(r, "</main>\n<footer><p>Made by prepost from ");
    report_file_link(r, "results.json", "results.json");
    if (r->date != NULL)
        rawf(r, " on %s", r->date);
    raw(r, ". Significance is judged on Holm-adjusted p-values under 0.05, "
           "adjusted across every test in the report.</p></footer>\n</body>\n</html>\n");
    if (r->out_of_memory)
        return -2;
    return ferror(r->out) ? -1 : 0;
}

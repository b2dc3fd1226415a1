/* report_html.c: writing markup and escaped text, and the small look-ups
 * into results.json that every part of the page uses (report.h). */
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "html_escape.h"
#include "report.h"

void raw(report *r, const char *markup)
{
    fputs(markup, r->out);
}

void rawf(report *r, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vfprintf(r->out, fmt, ap);
    va_end(ap);
}

void html(report *r, const char *text)
{
    pp_html_put(r->out, text);
}

void html_in(report *r, const char *tag, const char *cls, const char *text)
{
    if (cls != NULL)
        rawf(r, "<%s class=\"%s\">", tag, cls);
    else
        rawf(r, "<%s>", tag);
    html(r, text);
    rawf(r, "</%s>", tag);
}

void report_chart_name(json_t *item, char *dst, size_t cap)
{
    const char *battery = str(item, "battery", NULL);
    pp_html_safe_name(dst, cap, battery ? battery : str(item, "id", ""));
}

bool report_file_exists(const char *dir, const char *file)
{
    if (dir == NULL)
        return false;
    size_t len = strlen(dir) + strlen(file) + 2;
    char *path = malloc(len);
    if (path == NULL)
        return false;
    snprintf(path, len, "%s/%s", dir, file);
    bool exists = access(path, R_OK) == 0;
    free(path);
    return exists;
}

double num(json_t *object, const char *key)
{
    json_t *v = json_object_get(object, key);
    return json_is_number(v) ? json_number_value(v) : NAN;
}

double num_at(json_t *object, const char *key, size_t i)
{
    json_t *v = json_array_get(json_object_get(object, key), i);
    return json_is_number(v) ? json_number_value(v) : NAN;
}

const char *str(json_t *object, const char *key, const char *fallback)
{
    const char *value = json_string_value(json_object_get(object, key));
    return value ? value : fallback;
}

void report_levels_phrase(json_t *item, const char *which, char *dst, size_t cap)
{
    json_t *levels = json_object_get(json_object_get(item, "scale"), which);
    size_t n = json_array_size(levels), used = 0;
    dst[0] = '\0';
    for (size_t i = 0; i < n; i++) {
        const char *level = json_string_value(json_array_get(levels, i));
        const char *join = i == 0 ? "" : i + 1 == n ? " or " : ", ";
        int w = snprintf(dst + used, cap - used, "%s%s", join, level ? level : "");
        if (w < 0 || (size_t)w >= cap - used)
            break;
        used += (size_t)w;
    }
    if (used == 0)
        snprintf(dst, cap, "%s", strcmp(which, "top") == 0 ? "the top levels" : "the bottom levels");
}

void report_file_link(report *r, const char *file, const char *name)
{
    if (report_file_exists(r->out_dir, file)) {
        raw(r, "<a href=\"");
        html(r, file);
        raw(r, "\">");
        html(r, file);
        raw(r, "</a>");
    } else {
        html_in(r, "code", NULL, name);
    }
}

/* table_values.c: numbers from results.json as table cells (table_values.h). */
#include "table_values.h"

#include <stdio.h>
#include <string.h>

const char *pp_table_reason(json_t *slot, const char *key)
{
    json_t *notes = json_object_get(slot, "notes");
    char name[96];
    const char *found = json_string_value(json_object_get(notes, key));
    snprintf(name, sizeof name, "%s", key);
    char *cut = strrchr(name, '_');
    if (found == NULL && cut != NULL && (strcmp(cut, "_holm") == 0 || strcmp(cut, "_ci") == 0)) {
        *cut = '\0';
        found = json_string_value(json_object_get(notes, name));
    }
    if (found == NULL && (cut = strrchr(name, '_')) != NULL) {
        snprintf(cut, sizeof name - (size_t)(cut - name), "_p");
        found = json_string_value(json_object_get(notes, name));
    }
    if (found == NULL)
        found = json_string_value(json_object_get(notes, "n"));
    if (found == NULL)
        found = json_string_value(json_object_get(notes, "n_pairs"));
    return found;
}

/* The page text of value v. */
static void shown_text(char *buf, size_t size, double v, pp_show show)
{
    switch (show) {
    case PP_SHOW_PCT:    snprintf(buf, size, "%.1f", v); break;
    case PP_SHOW_CHANGE: snprintf(buf, size, "%+.1f", v); break;
    case PP_SHOW_MEAN:   snprintf(buf, size, "%.2f", v); break;
    case PP_SHOW_SHIFT:  snprintf(buf, size, "%+.2f", v); break;
    case PP_SHOW_COUNT:  snprintf(buf, size, "%.0f", v); break;
    case PP_SHOW_P:
        if (v < 0.001)
            snprintf(buf, size, "< 0.001");
        else
            snprintf(buf, size, "%.3f", v);
        break;
    }
    /* a rounded zero carries no sign */
    if (strcmp(buf, "-0.0") == 0 || strcmp(buf, "+0.0") == 0 || strcmp(buf, "-0.00") == 0 ||
        strcmp(buf, "+0.00") == 0 || strcmp(buf, "-0") == 0)
        memmove(buf, buf + 1, strlen(buf));
}

void pp_table_number(pp_table *t, size_t col, bool available, double value, pp_show show,
                     const char *reason)
{
    if (!available) {
        pp_table_null(t, col, reason);
        return;
    }
    char csv[64], page[64];
    snprintf(csv, sizeof csv, "%.15g", value);
    shown_text(page, sizeof page, value, show);
    pp_table_figure(t, col, csv, page, false);
}

void pp_table_json(pp_table *t, size_t col, json_t *value, pp_show show, const char *reason)
{
    if (json_is_integer(value)) {
        char csv[32], page[64];
        snprintf(csv, sizeof csv, "%lld", (long long)json_integer_value(value));
        shown_text(page, sizeof page, (double)json_integer_value(value), show);
        pp_table_figure(t, col, csv, page, false);
        return;
    }
    pp_table_number(t, col, json_is_real(value), json_real_value(value), show, reason);
}

void pp_table_stat(pp_table *t, size_t col, json_t *slot, const char *key, pp_show show)
{
    json_t *value = json_object_get(slot, key);
    pp_table_json(t, col, value, show, json_is_number(value) ? NULL : pp_table_reason(slot, key));
}

void pp_table_interval(pp_table *t, size_t col_low, size_t col_high, size_t col_page,
                       json_t *pair, pp_show show, const char *reason)
{
    json_t *low = json_array_get(pair, 0), *high = json_array_get(pair, 1);
    if (!json_is_number(low) || !json_is_number(high)) {
        pp_table_null(t, col_low, reason);
        pp_table_null(t, col_high, reason);
        pp_table_null(t, col_page, reason);
        return;
    }
    char a[64], b[64], page[140];
    pp_table_json(t, col_low, low, show, NULL);
    pp_table_json(t, col_high, high, show, NULL);
    shown_text(a, sizeof a, json_number_value(low), show);
    shown_text(b, sizeof b, json_number_value(high), show);
    snprintf(page, sizeof page, "[%s, %s]", a, b);
    pp_table_figure(t, col_page, "", page, false);
}

void pp_table_count(pp_table *t, size_t col, long long n, bool small)
{
    char text[32];
    snprintf(text, sizeof text, "%lld", n);
    pp_table_figure(t, col, text, text, small);
}

/* table_item.c: what every per-item table shares: the slot block heading,
 * the slot columns of CSV, and the remarks under the table. */
#include "table_build.h"
#include "table_values.h"

#include <stdio.h>
#include <string.h>

const char *pp_table_slot_label(json_t *slot, char *buf, size_t size)
{
    const char *segment = json_string_value(json_object_get(slot, "segment"));
    const char *level = json_string_value(json_object_get(slot, "level"));
    if (segment == NULL)
        snprintf(buf, size, "All respondents");
    else
        snprintf(buf, size, "%s: %s", segment, level ? level : "");
    return buf;
}

void pp_table_slot_heading(pp_table *t, json_t *slot, const char *extra)
{
    char label[512];
    pp_table_heading(t, json_is_true(json_object_get(slot, "small_base")), "%s: base %lld%s",
                     pp_table_slot_label(slot, label, sizeof label),
                     (long long)json_integer_value(json_object_get(slot, "base")),
                     extra ? extra : "");
}

void pp_table_slot_row(pp_table *t, json_t *slot, bool rule)
{
    const char *segment = json_string_value(json_object_get(slot, "segment"));
    const char *level = json_string_value(json_object_get(slot, "level"));
    bool small = json_is_true(json_object_get(slot, "small_base"));
    pp_table_row(t, rule);
    pp_table_text(t, PP_TC_SEGMENT, segment ? segment : "", segment ? segment : "");
    pp_table_text(t, PP_TC_LEVEL, level ? level : "", level ? level : "");
    pp_table_count(t, PP_TC_BASE, json_integer_value(json_object_get(slot, "base")), small);
    pp_table_text(t, PP_TC_SMALL, small ? "yes" : "no", small ? "yes" : "no");
}

void pp_table_join(json_t *list, char *buf, size_t size)
{
    size_t i, used = 0;
    json_t *v;
    buf[0] = '\0';
    json_array_foreach(list, i, v) {
        int n = snprintf(buf + used, size - used, "%s%s", i ? ", " : "", json_string_value(v));
        if (n < 0 || (size_t)n >= size - used)
            break;
        used += (size_t)n;
    }
}

json_t *pp_table_at(json_t *slot, const char *key, size_t i)
{
    return json_array_get(json_object_get(slot, key), i);
}

/* Lines under every item table: who was asked, and the Holm family. */
static void item_remarks(pp_table *t, json_t *results, json_t *item)
{
    json_t *among = json_object_get(item, "among");
    if (json_is_object(among)) {
        pp_table_remark(t, "Asked of %s = %s only.",
                        json_string_value(json_object_get(among, "segment")),
                        json_string_value(json_object_get(among, "level")));
        json_int_t outside = json_integer_value(json_object_get(item, "answers_outside_among"));
        if (outside > 0)
            pp_table_remark(t, "%lld answers from others were set aside.", (long long)outside);
    }
    json_int_t family = json_integer_value(
        json_object_get(json_object_get(results, "p_adjustment"), "count"));
    if (json_object_get(item, "kind") != NULL &&
        strcmp(json_string_value(json_object_get(item, "kind")), "multi") != 0)
        pp_table_remark(t, "p: two-sided. Holm p: adjusted by Holm's method across all %lld "
                        "p-values of the survey's results.", (long long)family);
}

void pp_table_item(pp_table *t, json_t *results, json_t *item)
{
    long min_base = (long)json_integer_value(
        json_object_get(json_object_get(results, "survey"), "min_base"));
    const char *kind = json_string_value(json_object_get(item, "kind"));
    if (strcmp(kind, "paired") == 0)
        pp_table_paired(t, item, min_base);
    else if (strcmp(kind, "single") == 0)
        pp_table_single(t, item, min_base);
    else
        pp_table_multi(t, item, min_base);
    pp_table_caption(t, "%s (%s)", json_string_value(json_object_get(item, "title")),
                     json_string_value(json_object_get(item, "id")));
    item_remarks(t, results, item);
}

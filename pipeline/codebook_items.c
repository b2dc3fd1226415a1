/* codebook_items.c: builds [paired ID], [single ID], [multi ID] and
 * [text ID] from their keys (the format is documented in codebook.c).
 * Scale and segment names are resolved later, in codebook_check.c. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "codebook_build.h"

static pp_item *new_item(pp_cb_builder *b)
{
    pp_codebook *cb = b->cb;
    if (cb->n_items == b->cap_items) {
        size_t cap = b->cap_items ? 2 * b->cap_items : 8;
        pp_item *grown = realloc(cb->items, cap * sizeof *grown);
        if (grown == NULL)
            return NULL;
        cb->items = grown;
        pp_item_refs *refs = realloc(b->refs, cap * sizeof *refs);
        if (refs == NULL)
            return NULL;
        b->refs = refs;
        b->cap_items = cap;
    }
    pp_item *item = &cb->items[cb->n_items];
    memset(item, 0, sizeof *item);
    memset(&b->refs[cb->n_items], 0, sizeof b->refs[cb->n_items]);
    item->among_segment = -1;
    cb->n_items++;
    return item;
}

/* Copies a required column key into *out and notes its line. */
static int take_column(pp_cb_builder *b, const pp_ini_section *sec,
                       const char *key, char **out, long *line)
{
    const char *value = pp_cb_required(b, sec, key, "column = the column's "
                                       "header text, or #3 for the third column");
    if (value == NULL || (*out = pp_cb_strdup(b, value)) == NULL)
        return -1;
    *line = pp_ini_find(sec, key)->line;
    return 0;
}

/* An owned copy of s[0..len) without surrounding white space. */
static char *trimmed_copy(pp_cb_builder *b, const char *s, size_t len)
{
    while (len > 0 && isspace((unsigned char)*s))
        s++, len--;
    while (len > 0 && isspace((unsigned char)s[len - 1]))
        len--;
    char *copy = strndup(s, len);
    if (copy == NULL)
        pp_cb_nomem(b);
    return copy;
}

/* `among = SEGMENT = VALUE`: the segment is resolved later. */
static int take_among(pp_cb_builder *b, const pp_ini_section *sec,
                      pp_item *item, pp_item_refs *refs)
{
    const pp_ini_entry *entry = pp_ini_find(sec, "among");
    if (entry == NULL)
        return 0;
    const char *eq = strchr(entry->value, '=');
    if (eq != NULL) {
        refs->among = entry;
        refs->among_segment = trimmed_copy(b, entry->value, (size_t)(eq - entry->value));
        item->among_value = trimmed_copy(b, eq + 1, strlen(eq + 1));
        if (refs->among_segment == NULL || item->among_value == NULL)
            return -1;
    }
    if (eq == NULL || refs->among_segment[0] == '\0' || item->among_value[0] == '\0')
        return pp_cb_error(b, entry->line, "in %s among is \"%s\"; expected "
                           "SEGMENT = VALUE, e.g. among = sector = Public sector",
                           pp_cb_where(b, sec), entry->value);
    return 0;
}

/* title, among, battery, order and wave: what every kind may have. */
static int take_common(pp_cb_builder *b, const pp_ini_section *sec,
                       pp_item *item, pp_item_refs *refs)
{
    int status = 0;
    const char *title = pp_cb_value(b, sec, "title", &status);
    if (status != 0 || (item->title = pp_cb_strdup(b, title ? title : sec->name)) == NULL)
        return -1;
    const char *battery = pp_cb_value(b, sec, "battery", &status);
    if (status != 0 || (battery && (pp_cb_check_battery(b, sec, pp_ini_find(sec, "battery")) != 0 ||
                                    (item->battery = pp_cb_strdup(b, battery)) == NULL)))
        return -1;
    const pp_ini_entry *order = pp_ini_find(sec, "order");
    if (order && strcasecmp(order->value, "as written") == 0)
        item->order_as_written = 1;
    else if (order && strcasecmp(order->value, "sorted") != 0)
        return pp_cb_error(b, order->line, "in %s order is \"%s\"; expected "
                           "\"as written\" or \"sorted\"", pp_cb_where(b, sec),
                           order->value);
    const pp_ini_entry *wave = pp_ini_find(sec, "wave");
    item->wave = item->kind == PP_ITEM_PAIRED ? PP_WAVE_BOTH : PP_WAVE_AFTER;
    if (wave && pp_cb_wave(b, sec, wave, &item->wave) != 0)
        return -1;
    return take_among(b, sec, item, refs);
}

/* The sub-label after the last " / " of a column, or the whole column. */
static const char *sub_label(const char *column)
{
    const char *last = NULL;
    for (const char *p = column; (p = strstr(p, " / ")) != NULL; p++)
        last = p;
    return last ? last + 3 : column;
}

/* `columns` (options from sub-labels or `options`), or `column` + `options`. */
static int take_multi(pp_cb_builder *b, const pp_ini_section *sec,
                      pp_item *item, pp_item_refs *refs)
{
    const pp_ini_entry *columns = pp_ini_find(sec, "columns");
    const pp_ini_entry *column = pp_ini_find(sec, "column");
    const pp_ini_entry *options = pp_ini_find(sec, "options");
    if (columns && column)
        return pp_cb_error(b, column->line, "%s gives both columns and column; "
                           "use columns for one column per option, or column "
                           "with options for one cell holding every choice",
                           pp_cb_where(b, sec));
    if (!columns && !column)
        return pp_cb_error(b, sec->line, "%s needs columns = A | B | C (one "
                           "column per option), or column with options",
                           pp_cb_where(b, sec));
    if (options && pp_cb_list(b, sec, options, &item->options) != 0)
        return -1;
    if (column) {
        if (!options)
            return pp_cb_error(b, column->line, "%s has one column, so it needs "
                               "options = the choices that column can hold, "
                               "e.g. options = A | B | C", pp_cb_where(b, sec));
        return take_column(b, sec, "column", &item->column, &refs->column_line[0]);
    }
    refs->column_line[0] = columns->line;
    if (pp_cb_list(b, sec, columns, &item->columns) != 0)
        return -1;
    if (options && item->options.count != item->columns.count)
        return pp_cb_error(b, options->line, "%s has %zu columns but %zu "
                           "options; give one option per column",
                           pp_cb_where(b, sec), item->columns.count,
                           item->options.count);
    for (size_t i = 0; !options && i < item->columns.count; i++)
        if (pp_strings_push_str(&item->options, sub_label(item->columns.items[i])) != 0)
            return pp_cb_nomem(b);
    return 0;
}

static int check_unique_id(pp_cb_builder *b, const pp_ini_section *sec)
{
    for (size_t i = 0; i < b->cb->n_items; i++) {
        const pp_item *other = &b->cb->items[i];
        if (strcasecmp(other->id, sec->name) == 0)
            return pp_cb_error(b, sec->line, "the id \"%s\" is already used by "
                               "[%s %s] on line %ld; every item needs its own id",
                               sec->name, pp_item_kind_name(other->kind),
                               other->id, other->line);
    }
    return 0;
}

static int kind_of(const char *kind, pp_item_kind *out)
{
    static const pp_item_kind kinds[] = {PP_ITEM_PAIRED, PP_ITEM_SINGLE,
                                         PP_ITEM_MULTI, PP_ITEM_TEXT};
    for (size_t i = 0; i < 4; i++) {
        if (strcmp(kind, pp_item_kind_name(kinds[i])) == 0) {
            *out = kinds[i];
            return 0;
        }
    }
    return -1;
}

int pp_cb_build_item(pp_cb_builder *b, const pp_ini_section *sec)
{
    pp_item_kind kind;
    if (kind_of(sec->kind, &kind) != 0)
        return pp_cb_error(b, sec->line, "[%s] is not a kind of item", sec->kind);
    if (pp_cb_check_name(b, sec) != 0 || check_unique_id(b, sec) != 0)
        return -1;
    pp_item *item = new_item(b);
    if (item == NULL)
        return pp_cb_nomem(b);
    pp_item_refs *refs = &b->refs[b->cb->n_items - 1];
    item->kind = kind;
    item->line = sec->line;
    if ((item->id = pp_cb_strdup(b, sec->name)) == NULL ||
        take_common(b, sec, item, refs) != 0)
        return -1;
    if (kind == PP_ITEM_PAIRED || kind == PP_ITEM_SINGLE) {
        if (pp_cb_required(b, sec, "scale", "scale = rating") == NULL)
            return -1;
        refs->scale = pp_ini_find(sec, "scale");
    }
    switch (kind) {
    case PP_ITEM_PAIRED:
        if (take_column(b, sec, "before", &item->before, &refs->column_line[0]) != 0)
            return -1;
        return take_column(b, sec, "after", &item->after, &refs->column_line[1]);
    case PP_ITEM_MULTI:
        return take_multi(b, sec, item, refs);
    case PP_ITEM_SINGLE:
    case PP_ITEM_TEXT:
        break;
    }
    return take_column(b, sec, "column", &item->column, &refs->column_line[0]);
}

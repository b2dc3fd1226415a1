/* codebook_check.c: the checks that span sections, run once the whole
 * codebook is read: each item's scale and `among` segment exist, and no
 * column is claimed twice (by two items, two options, or both sides of a
 * pair) within one export. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "codebook_build.h"
#include "label.h"

/* Appends "a, b, c" style pieces to buf without ever overflowing it. */
static void append(char *buf, size_t cap, const char *sep, const char *piece)
{
    size_t used = strlen(buf);
    if (used + 1 < cap)
        snprintf(buf + used, cap - used, "%s%s", used ? sep : "", piece);
}

static int resolve_scale(pp_cb_builder *b, pp_item *item, const pp_ini_entry *ref)
{
    pp_codebook *cb = b->cb;
    char names[300] = "";
    for (size_t i = 0; i < cb->n_scales; i++) {
        if (strcasecmp(cb->scales[i].name, ref->value) == 0) {
            item->scale = i;
            return 0;
        }
        append(names, sizeof names, ", ", cb->scales[i].name);
    }
    return pp_cb_error(b, ref->line, "[%s %s] uses scale \"%s\", but there is "
                       "no [scale %s]; the scales are: %s",
                       pp_item_kind_name(item->kind), item->id, ref->value,
                       ref->value, cb->n_scales ? names : "none yet");
}

/* The item's `among` value must be one of the segment's levels, if it
 * lists them. */
static int check_among_value(pp_cb_builder *b, const pp_item *item,
                             const pp_segment *segment, long line)
{
    char levels[300] = "";
    for (size_t k = 0; k < segment->levels.count; k++) {
        const char *level = segment->levels.items[k];
        if (pp_label_equal(level, strlen(level), item->among_value,
                           strlen(item->among_value)))
            return 0;
        append(levels, sizeof levels, " | ", level);
    }
    if (segment->levels.count == 0)
        return 0;
    return pp_cb_error(b, line, "[%s %s] is among %s = \"%s\", but that is "
                       "not one of the segment's levels (%s)",
                       pp_item_kind_name(item->kind), item->id, segment->name,
                       item->among_value, levels);
}

static int resolve_among(pp_cb_builder *b, pp_item *item, const pp_item_refs *refs)
{
    pp_codebook *cb = b->cb;
    char names[300] = "";
    for (size_t i = 0; i < cb->n_segments; i++) {
        if (strcasecmp(cb->segments[i].name, refs->among_segment) == 0) {
            item->among_segment = (long)i;
            return check_among_value(b, item, &cb->segments[i], refs->among->line);
        }
        append(names, sizeof names, ", ", cb->segments[i].name);
    }
    return pp_cb_error(b, refs->among->line, "[%s %s] is among segment \"%s\", "
                       "but there is no [segment %s]; the segments are: %s",
                       pp_item_kind_name(item->kind), item->id,
                       refs->among_segment, refs->among_segment,
                       cb->n_segments ? names : "none");
}

/* ---- columns named twice ----------------------------------------------- */

enum { FROM_BEFORE = 1, FROM_AFTER = 2, FROM_ANY = 3 };

typedef struct {
    char *normal;           /* the column, normalised (label.h) */
    const char *written;
    unsigned from;          /* FROM_*: which export(s) it is read from */
    long line;
    const pp_item *item;
    const char *role;       /* "before", "after", "" */
} column_use;

typedef struct {
    column_use *uses;
    size_t count;
} column_uses;

static unsigned wave_bits(const pp_codebook *cb, pp_wave wave)
{
    if (!pp_codebook_is_panel(cb) || wave == PP_WAVE_BOTH)
        return FROM_ANY;
    return wave == PP_WAVE_BEFORE ? FROM_BEFORE : FROM_AFTER;
}

/* Records one use; an earlier use of the same column in the same export is
 * an error. */
static int add_use(pp_cb_builder *b, column_uses *all, const pp_item *item,
                   const char *column, unsigned from, long line, const char *role)
{
    column_use use = {pp_label_normalize(column, strlen(column)), column, from,
                      line, item, role};
    if (use.normal == NULL)
        return pp_cb_nomem(b);
    for (size_t i = 0; i < all->count; i++) {
        const column_use *first = &all->uses[i];
        if ((first->from & from) && strcmp(first->normal, use.normal) == 0) {
            free(use.normal);
            return pp_cb_error(b, line, "the column \"%s\" is used twice: by "
                               "[%s %s]%s%s%s on line %ld and by [%s %s]%s%s%s; "
                               "each column can belong to one item only",
                               column, pp_item_kind_name(first->item->kind),
                               first->item->id, *first->role ? " (" : "",
                               first->role, *first->role ? ")" : "", first->line,
                               pp_item_kind_name(item->kind), item->id,
                               *role ? " (" : "", role, *role ? ")" : "");
        }
    }
    all->uses[all->count++] = use;
    return 0;
}

static size_t count_columns(const pp_codebook *cb)
{
    size_t n = 0;
    for (size_t i = 0; i < cb->n_items; i++)
        n += 2 + cb->items[i].columns.count;
    return n;
}

static int add_item_uses(pp_cb_builder *b, column_uses *all, size_t i)
{
    const pp_item *item = &b->cb->items[i];
    const long *line = b->refs[i].column_line;
    unsigned from = wave_bits(b->cb, item->wave);
    if (item->kind == PP_ITEM_PAIRED)
        return add_use(b, all, item, item->before, wave_bits(b->cb, PP_WAVE_BEFORE),
                       line[0], "before") ||
               add_use(b, all, item, item->after, wave_bits(b->cb, PP_WAVE_AFTER),
                       line[1], "after");
    if (item->column != NULL)
        return add_use(b, all, item, item->column, from, line[0], "");
    for (size_t c = 0; c < item->columns.count; c++)
        if (add_use(b, all, item, item->columns.items[c], from, line[0],
                    item->options.items[c]) != 0)
            return -1;
    return 0;
}

static int check_columns_once(pp_cb_builder *b)
{
    column_uses all = {calloc(count_columns(b->cb) + 1, sizeof(column_use)), 0};
    int status = all.uses ? 0 : pp_cb_nomem(b);
    for (size_t i = 0; status == 0 && i < b->cb->n_items; i++)
        status = add_item_uses(b, &all, i);
    for (size_t i = 0; i < all.count; i++)
        free(all.uses[i].normal);
    free(all.uses);
    return status;
}

/* In a one-wave survey every column is read from the one export. */
static void settle_waves(pp_codebook *cb)
{
    int panel = pp_codebook_is_panel(cb);
    for (size_t i = 0; i < cb->n_items; i++)
        if (!panel || cb->items[i].kind == PP_ITEM_PAIRED)
            cb->items[i].wave = PP_WAVE_BOTH;
    for (size_t i = 0; !panel && i < cb->n_segments; i++)
        cb->segments[i].wave = PP_WAVE_BOTH;
}

int pp_cb_check(pp_cb_builder *b)
{
    for (size_t i = 0; i < b->cb->n_items; i++) {
        pp_item *item = &b->cb->items[i];
        const pp_item_refs *refs = &b->refs[i];
        if (refs->scale && resolve_scale(b, item, refs->scale) != 0)
            return -1;
        if (refs->among && resolve_among(b, item, refs) != 0)
            return -1;
    }
    settle_waves(b->cb);
    return check_columns_once(b);
}

/* tally_view.c: arranges a tally's entries per item and slot (tally_view.h). */
#include "tally_view.h"

#include <stdlib.h>
#include <string.h>

#include "codes.h"

/* The levels of one segment seen in the tally (pointing into it). */
typedef struct {
    const char **items;
    size_t count, capacity;
} level_list;

typedef struct {
    level_list *levels;         /* per segment: levels seen, then ordered */
    const pp_codebook *cb;
    const char *name;           /* the tally's name, for messages */
    pp_diag *diag;
} builder;

/* Splits "NAME=LEVEL" into a segment index and the level; "*" gives -1.
 * Returns 0, or -1 with diag set. */
static int parse_segment(builder *b, const char *text, long *segment, const char **level)
{
    *segment = -1;
    *level = NULL;
    if (strcmp(text, "*") == 0)
        return 0;
    const char *eq = strchr(text, '=');
    for (size_t s = 0; eq != NULL && s < b->cb->n_segments; s++) {
        const char *name = b->cb->segments[s].name;
        if (strlen(name) == (size_t)(eq - text) && memcmp(name, text, (size_t)(eq - text)) == 0) {
            *segment = (long)s;
            *level = eq + 1;
            return 0;
        }
    }
    pp_diag_set(b->diag, PP_ERR_RECORDS, b->name, 0,
                "the tally has the segment level '%.80s', but the codebook has no such "
                "segment: was it made with this codebook?", text);
    return -1;
}

/* Position of a level in the segment's `levels` list, or the list's length
 * for a level the codebook does not list. */
static size_t listed_position(const pp_segment *seg, const char *level)
{
    long at = pp_strings_index(&seg->levels, level);
    return at < 0 ? seg->levels.count : (size_t)at;
}

static const pp_segment *sort_segment;

static int compare_levels(const void *pa, const void *pb)
{
    const char *a = *(const char *const *)pa, *b = *(const char *const *)pb;
    size_t ia = listed_position(sort_segment, a), ib = listed_position(sort_segment, b);
    if (ia != ib)
        return ia < ib ? -1 : 1;
    return strcmp(a, b);
}

static int add_level(level_list *list, const char *level)
{
    for (size_t i = 0; i < list->count; i++)
        if (strcmp(list->items[i], level) == 0)
            return 0;
    if (list->count == list->capacity) {
        size_t capacity = list->capacity ? 2 * list->capacity : 8;
        const char **items = realloc(list->items, capacity * sizeof *items);
        if (items == NULL)
            return -1;
        list->items = items;
        list->capacity = capacity;
    }
    list->items[list->count++] = level;
    return 0;
}

/* Collects every segment level the tally names and lays out the slots. */
static int build_slots(builder *b, pp_tally_view *v, const pp_tally_entry *e, size_t n)
{
    const pp_codebook *cb = b->cb;
    for (size_t i = 0; i < n; i++) {
        long s;
        const char *level;
        if (parse_segment(b, e[i].segment, &s, &level) != 0)
            return -1;
        if (s >= 0 && add_level(&b->levels[s], level) != 0)
            return -1;
    }
    size_t n_slots = 1;
    for (size_t s = 0; s < cb->n_segments; s++) {
        sort_segment = &cb->segments[s];
        if (b->levels[s].count > 1)
            qsort(b->levels[s].items, b->levels[s].count, sizeof(char *), compare_levels);
        n_slots += b->levels[s].count;
    }
    v->slots = calloc(n_slots, sizeof *v->slots);
    if (v->slots == NULL)
        return -1;
    v->slots[0].segment = -1;
    v->n_slots = 1;
    for (size_t s = 0; s < cb->n_segments; s++)
        for (size_t l = 0; l < b->levels[s].count; l++)
            v->slots[v->n_slots++] = (pp_slot){(long)s, b->levels[s].items[l], 0};
    return 0;
}

static size_t find_slot(const pp_tally_view *v, long segment, const char *level)
{
    for (size_t i = 1; segment >= 0 && i < v->n_slots; i++)
        if (v->slots[i].segment == segment && strcmp(v->slots[i].level, level) == 0)
            return i;
    return 0;
}

/* Finds an item by id, trying the previous one first (entries come sorted
 * by item). Returns its index or -1 with diag set. */
static long find_item(builder *b, const char *id, long previous)
{
    if (previous >= 0 && strcmp(b->cb->items[previous].id, id) == 0)
        return previous;
    for (size_t i = 0; i < b->cb->n_items; i++)
        if (strcmp(b->cb->items[i].id, id) == 0)
            return (long)i;
    pp_diag_set(b->diag, PP_ERR_RECORDS, b->name, 0,
                "the tally counts an item '%.80s' that the codebook does not have: "
                "was it made with this codebook?", id);
    return -1;
}

/* The count index of an entry within its item's array, or -1. */
static long entry_index(const pp_item_counts *ic, const pp_tally_entry *e)
{
    switch (ic->item->kind) {
    case PP_ITEM_PAIRED: {
        long a = pp_code_index(ic->scale, e->a, strlen(e->a));
        long b = pp_code_index(ic->scale, e->b, strlen(e->b));
        if (a < 0 || b < 0)
            return -1;
        return a * (long)pp_code_width(ic->scale) + b;
    }
    case PP_ITEM_SINGLE:
        return pp_code_index(ic->scale, e->a, strlen(e->a));
    case PP_ITEM_MULTI: {
        if (strcmp(e->a, "n") == 0)
            return 0;
        char *end;
        long option = strtol(e->a, &end, 10);
        return (*end == '\0' && option >= 1 && (size_t)option < ic->width) ? option : -1;
    }
    case PP_ITEM_TEXT:
        return -1;
    }
    return -1;
}

static int add_text(pp_item_counts *ic, const pp_tally_entry *e)
{
    pp_text_count *grown = realloc(ic->texts, (ic->n_texts + 1) * sizeof *grown);
    if (grown == NULL)
        return -1;
    ic->texts = grown;
    ic->texts[ic->n_texts++] = (pp_text_count){e->a, e->count};
    return 0;
}

static int set_up_items(pp_tally_view *v)
{
    const pp_codebook *cb = v->cb;
    v->items = calloc(cb->n_items ? cb->n_items : 1, sizeof *v->items);
    if (v->items == NULL)
        return -1;
    for (size_t i = 0; i < cb->n_items; i++) {
        pp_item_counts *ic = &v->items[i];
        ic->item = &cb->items[i];
        if (ic->item->kind == PP_ITEM_PAIRED || ic->item->kind == PP_ITEM_SINGLE) {
            ic->scale = &cb->scales[ic->item->scale];
            size_t w = pp_code_width(ic->scale);
            ic->width = ic->item->kind == PP_ITEM_PAIRED ? w * w : w;
        } else if (ic->item->kind == PP_ITEM_MULTI) {
            ic->width = ic->item->options.count + 1;
        }
        ic->by_slot = calloc(v->n_slots, sizeof *ic->by_slot);
        if (ic->by_slot == NULL)
            return -1;
    }
    return 0;
}

/* Puts one entry's count in its place. 0, or -1 with diag set. */
static int place_entry(builder *b, pp_tally_view *v, const pp_tally_entry *e, long *item)
{
    long s;
    const char *level;
    if (parse_segment(b, e->segment, &s, &level) != 0)
        return -1;
    size_t slot = find_slot(v, s, level);
    if (strcmp(e->item, "@respondents") == 0) {
        v->slots[slot].respondents += e->count;
        return 0;
    }
    if ((*item = find_item(b, e->item, *item)) < 0)
        return -1;
    pp_item_counts *ic = &v->items[*item];
    if (strcmp(e->a, "!") == 0 && strcmp(e->b, "!") == 0) {
        ic->outside += e->count;
        return 0;
    }
    if (ic->item->kind == PP_ITEM_TEXT)
        return slot == 0 ? add_text(ic, e) : 0;
    long index = entry_index(ic, e);
    if (index < 0) {
        pp_diag_set(b->diag, PP_ERR_RECORDS, b->name, 0,
                    "the tally has the answer '%.40s'/'%.40s' for %s, which is no code "
                    "of its scale or options", e->a, e->b, e->item);
        return -1;
    }
    if (ic->by_slot[slot] == NULL &&
        (ic->by_slot[slot] = calloc(ic->width, sizeof(uint64_t))) == NULL)
        return -1;
    ic->by_slot[slot][index] += e->count;
    return 0;
}

pp_error pp_tally_view_build(pp_tally_view *v, const pp_codebook *cb, pp_tally *t,
                             const char *tally_name, pp_diag *diag)
{
    memset(v, 0, sizeof *v);
    v->cb = cb;
    builder b = {NULL, cb, tally_name, diag};
    const pp_tally_entry *entries;
    size_t n = pp_tally_entries(t, &entries);
    int failed = 1;
    b.levels = calloc(cb->n_segments ? cb->n_segments : 1, sizeof *b.levels);
    if (b.levels == NULL || entries == NULL)
        goto cleanup;
    if (build_slots(&b, v, entries, n) != 0 || set_up_items(v) != 0)
        goto cleanup;
    long item = -1;
    for (size_t i = 0; i < n; i++)
        if (place_entry(&b, v, &entries[i], &item) != 0)
            goto cleanup;
    failed = 0;
cleanup:
    for (size_t s = 0; b.levels && s < cb->n_segments; s++)
        free(b.levels[s].items);
    free(b.levels);
    if (failed) {
        pp_tally_view_free(v);
        pp_diag_set(diag, PP_ERR_NOMEM, tally_name, 0, NULL);   /* unless already set */
        return diag->code;
    }
    return PP_OK;
}

void pp_tally_view_free(pp_tally_view *v)
{
    for (size_t i = 0; v->items && i < v->cb->n_items; i++) {
        for (size_t slot = 0; v->items[i].by_slot && slot < v->n_slots; slot++)
            free(v->items[i].by_slot[slot]);
        free(v->items[i].by_slot);
        free(v->items[i].texts);
    }
    free(v->items);
    free(v->slots);
    memset(v, 0, sizeof *v);
}

const uint64_t *pp_tally_view_counts(const pp_tally_view *v, size_t item, size_t slot)
{
    return v->items[item].by_slot[slot];
}

/* tally_records.c: counts records into a tally (tally.h): record by record
 * through a pp_tally_counter (ingest --tally feeds it the records it
 * builds), or a whole records stream (prepost-tally).
 *
 * Counting is dense: each item keeps, per "slot" (the whole sample, or one
 * level of one segment), an array of counts indexed by code, so a record
 * costs a few array increments per item rather than a hash look-up per
 * key; text answers are counted apart (tally_texts.h). Only at the end are
 * the non-zero counts turned into tally keys.
 * Codes are indexed as codes.h says. */
#include "tally.h"

#include <stdlib.h>
#include <string.h>

#include "codes.h"
#include "label.h"
#include "records.h"
#include "tally_texts.h"

typedef struct {
    long column;            /* seg:NAME in the records */
    pp_strings levels;      /* levels seen so far, in order of appearance */
    size_t *slot_of_level;  /* slot number per level */
} segment_counter;

typedef struct {
    const pp_item *item;
    const pp_scale *scale;
    long column_a, column_b;/* records columns; column_b only for paired */
    size_t width;           /* counts per slot */
    uint64_t **by_slot;     /* [slot][width], allocated when first used */
    uint64_t outside;       /* answers from outside `among` */
    signed char *inside;    /* per level of the `among` segment: 1 it is the
                               level asked, 0 not, -1 not yet compared */
    size_t n_inside;
} item_counter;

struct pp_tally_counter {
    const pp_codebook *cb;
    pp_tally *tally;
    const char *name;       /* the records' source, for messages */
    const pp_strings *columns;  /* the records' column names */
    long waves_column;
    segment_counter *segments;
    item_counter *items;
    pp_strings slot_names;  /* "*", "sector=Public sector", ... */
    pp_text_counts *texts;  /* answers to text items */
    uint64_t *respondents;  /* per slot */
    size_t slot_cap;
    size_t *record_slots;   /* slots of the current record */
    long *record_levels;    /* level index per segment for the current record, -1 = blank */
};

typedef struct pp_tally_counter counter;

/* ---- slots: the whole sample and each segment level ------------------- */

static long add_slot(counter *c, const char *name)
{
    if (c->slot_names.count == c->slot_cap) {
        size_t cap = c->slot_cap ? c->slot_cap * 2 : 16;
        uint64_t *resp = realloc(c->respondents, cap * sizeof *resp);
        if (resp == NULL)
            return -1;
        c->respondents = resp;
        for (size_t i = 0; i < c->cb->n_items; i++) {
            uint64_t **grown = realloc(c->items[i].by_slot, cap * sizeof *grown);
            if (grown == NULL)
                return -1;
            memset(grown + c->slot_cap, 0, (cap - c->slot_cap) * sizeof *grown);
            c->items[i].by_slot = grown;
        }
        c->slot_cap = cap;
    }
    if (pp_strings_push_str(&c->slot_names, name) != 0)
        return -1;
    c->respondents[c->slot_names.count - 1] = 0;
    return (long)c->slot_names.count - 1;
}

/* The level index of a segment value, adding the level (and its slot) the
 * first time it is seen. -1 on out of memory. */
static long segment_level(counter *c, size_t s, const char *value, size_t len)
{
    segment_counter *sc = &c->segments[s];
    for (size_t l = 0; l < sc->levels.count; l++)
        if (strlen(sc->levels.items[l]) == len && memcmp(sc->levels.items[l], value, len) == 0)
            return (long)l;
    size_t n = sc->levels.count;
    size_t *grown = realloc(sc->slot_of_level, (n + 1) * sizeof *grown);
    if (grown == NULL)
        return -1;
    sc->slot_of_level = grown;
    if (pp_strings_push(&sc->levels, value, len) != 0)
        return -1;
    const char *seg_name = c->cb->segments[s].name;
    size_t name_len = strlen(seg_name) + len + 2;
    char *name = malloc(name_len);
    if (name == NULL)
        return -1;
    snprintf(name, name_len, "%s=%s", seg_name, sc->levels.items[n]);
    long slot = add_slot(c, name);
    free(name);
    if (slot < 0)
        return -1;
    sc->slot_of_level[n] = (size_t)slot;
    return (long)n;
}

/* ---- setting up from the records' columns ----------------------------- */

static long need_column(const counter *c, const char *name, pp_diag *diag)
{
    long at = pp_strings_index(c->columns, name);
    if (at < 0)
        pp_diag_set(diag, PP_ERR_RECORDS, c->name, 2,
                    "the records have no column '%s': were they made with this codebook?",
                    name);
    return at;
}

static long item_column(const counter *c, const pp_item *item, const char *side,
                        pp_diag *diag)
{
    char name[512];
    if (side)
        snprintf(name, sizeof name, "%s:%s", item->id, side);
    else
        snprintf(name, sizeof name, "%s", item->id);
    return need_column(c, name, diag);
}

static pp_error set_up(counter *c, pp_diag *diag)
{
    const pp_codebook *cb = c->cb;
    c->segments = calloc(cb->n_segments ? cb->n_segments : 1, sizeof *c->segments);
    c->items = calloc(cb->n_items ? cb->n_items : 1, sizeof *c->items);
    c->record_slots = calloc(cb->n_segments + 1, sizeof *c->record_slots);
    c->record_levels = calloc(cb->n_segments + 1, sizeof *c->record_levels);
    c->texts = pp_text_counts_new();
    if (!c->segments || !c->items || !c->record_slots || !c->record_levels || !c->texts
        || add_slot(c, "*") < 0)
        return pp_diag_set(diag, PP_ERR_NOMEM, c->name, 0, NULL);
    if ((c->waves_column = need_column(c, "waves", diag)) < 0)
        return diag->code;
    for (size_t s = 0; s < cb->n_segments; s++) {
        char name[512];
        snprintf(name, sizeof name, "seg:%s", cb->segments[s].name);
        if ((c->segments[s].column = need_column(c, name, diag)) < 0)
            return diag->code;
    }
    for (size_t i = 0; i < cb->n_items; i++) {
        item_counter *ic = &c->items[i];
        ic->item = &cb->items[i];
        ic->column_b = -1;
        switch (ic->item->kind) {
        case PP_ITEM_PAIRED:
            ic->scale = &cb->scales[ic->item->scale];
            ic->width = pp_code_width(ic->scale) * pp_code_width(ic->scale);
            ic->column_a = item_column(c, ic->item, "before", diag);
            ic->column_b = item_column(c, ic->item, "after", diag);
            if (ic->column_b < 0)
                return diag->code;
            break;
        case PP_ITEM_SINGLE:
            ic->scale = &cb->scales[ic->item->scale];
            ic->width = pp_code_width(ic->scale);
            ic->column_a = item_column(c, ic->item, NULL, diag);
            break;
        case PP_ITEM_MULTI:
            ic->width = ic->item->options.count + 1;
            ic->column_a = item_column(c, ic->item, NULL, diag);
            break;
        case PP_ITEM_TEXT:
            ic->width = 0;
            ic->column_a = item_column(c, ic->item, NULL, diag);
            break;
        }
        if (ic->column_a < 0)
            return diag->code;
    }
    return PP_OK;
}

/* ---- counting one record ----------------------------------------------- */

typedef struct {
    int before, after;      /* the respondent answered this wave */
} waves;

static int in_wave(const waves *w, pp_wave wave)
{
    return wave == PP_WAVE_BEFORE ? w->before
         : wave == PP_WAVE_AFTER  ? w->after
         : (w->before || w->after);
}

static uint64_t *slot_counts(item_counter *ic, size_t slot)
{
    if (ic->by_slot[slot] == NULL)
        ic->by_slot[slot] = calloc(ic->width ? ic->width : 1, sizeof(uint64_t));
    return ic->by_slot[slot];
}

/* Whether the record is in the segment level an item was asked of. Each
 * level is compared with it once (forgivingly, as labels are). */
static int record_inside_among(const counter *c, item_counter *ic)
{
    const pp_item *item = ic->item;
    if (item->among_segment < 0)
        return 1;
    long level = c->record_levels[item->among_segment];
    if (level < 0)
        return 0;
    if ((size_t)level >= ic->n_inside) {
        signed char *grown = realloc(ic->inside, (size_t)level + 1);
        if (grown != NULL) {
            memset(grown + ic->n_inside, -1, (size_t)level + 1 - ic->n_inside);
            ic->inside = grown;
            ic->n_inside = (size_t)level + 1;
        }
    }
    if ((size_t)level < ic->n_inside && ic->inside[level] >= 0)
        return ic->inside[level];
    const char *value = c->segments[item->among_segment].levels.items[level];
    int inside = pp_label_equal(value, strlen(value), item->among_value,
                                strlen(item->among_value));
    if ((size_t)level < ic->n_inside)
        ic->inside[level] = (signed char)inside;
    return inside;
}

static pp_error bad_field(const counter *c, const pp_row *row, long column, const char *what,
                          pp_diag *diag)
{
    pp_diag_set(diag, PP_ERR_RECORDS, c->name, row->row,
                "'%.40s' is not %s", row->fields[column], what);
    pp_diag_at_column(diag, column + 1, NULL);
    return PP_ERR_RECORDS;
}

/* Counts one item of one record into every slot the record belongs to. */
static pp_error count_item(counter *c, item_counter *ic, const pp_row *row,
                           const waves *w, size_t n_slots, pp_diag *diag)
{
    const pp_item *item = ic->item;
    const char *a = row->fields[ic->column_a];
    size_t a_len = row->lengths[ic->column_a];
    long cell = -1;
    int answered = 0;
    if (item->kind == PP_ITEM_PAIRED || item->kind == PP_ITEM_SINGLE) {
        long ia = pp_code_index(ic->scale, a, a_len);
        if (ia < 0)
            return bad_field(c, row, ic->column_a, "a code of this item's scale", diag);
        int wave_a = item->kind == PP_ITEM_PAIRED ? w->before : in_wave(w, item->wave);
        if (!wave_a)
            ia = (long)pp_code_not_in_wave(ic->scale);
        answered = ia < (long)pp_code_no_answer(ic->scale);
        cell = ia;
        if (item->kind == PP_ITEM_PAIRED) {
            const char *b = row->fields[ic->column_b];
            long ib = pp_code_index(ic->scale, b, row->lengths[ic->column_b]);
            if (ib < 0)
                return bad_field(c, row, ic->column_b, "a code of this item's scale", diag);
            if (!w->after)
                ib = (long)pp_code_not_in_wave(ic->scale);
            answered = answered || ib < (long)pp_code_no_answer(ic->scale);
            cell = ia * (long)pp_code_width(ic->scale) + ib;
        }
    } else if (item->kind == PP_ITEM_MULTI) {
        if (a_len != item->options.count || strspn(a, "01") != a_len)
            return bad_field(c, row, ic->column_a, "one 0 or 1 per option", diag);
        if (!in_wave(w, item->wave))
            return PP_OK;
        answered = memchr(a, '1', a_len) != NULL;
    } else {
        if (!in_wave(w, item->wave) || pp_label_is_blank(a, a_len))
            return PP_OK;
        answered = 1;
    }
    if (!record_inside_among(c, ic)) {
        ic->outside += (uint64_t)answered;
        return PP_OK;
    }
    size_t text_len = item->kind == PP_ITEM_TEXT ? strlen(a) : 0;   /* as a key: to a NUL */
    uint64_t text_hash = item->kind == PP_ITEM_TEXT ? pp_text_hash(a, text_len) : 0;
    for (size_t k = 0; k < n_slots; k++) {
        size_t slot = c->record_slots[k];
        if (item->kind == PP_ITEM_TEXT) {
            if (pp_text_counts_add(c->texts, (size_t)(ic - c->items), slot, a, text_len,
                                   text_hash) != 0)
                return pp_diag_set(diag, PP_ERR_NOMEM, c->name, row->row, NULL);
            continue;
        }
        uint64_t *counts = slot_counts(ic, slot);
        if (counts == NULL)
            return pp_diag_set(diag, PP_ERR_NOMEM, c->name, row->row, NULL);
        if (item->kind == PP_ITEM_MULTI) {
            counts[0]++;
            for (size_t p = 0; p < a_len; p++)
                counts[p + 1] += (uint64_t)(a[p] == '1');
        } else {
            counts[cell]++;
        }
    }
    return PP_OK;
}

static pp_error count_record(counter *c, const pp_row *row, pp_diag *diag)
{
    const char *wv = row->fields[c->waves_column];
    waves w = {strcmp(wv, "after") != 0, strcmp(wv, "before") != 0};
    if (strcmp(wv, "both") != 0 && strcmp(wv, "before") != 0 && strcmp(wv, "after") != 0)
        return bad_field(c, row, c->waves_column, "both, before or after", diag);
    size_t n_slots = 0;
    c->record_slots[n_slots++] = 0;
    for (size_t s = 0; s < c->cb->n_segments; s++) {
        long column = c->segments[s].column;
        c->record_levels[s] = -1;
        if (row->lengths[column] == 0)
            continue;
        long level = segment_level(c, s, row->fields[column], row->lengths[column]);
        if (level < 0)
            return pp_diag_set(diag, PP_ERR_NOMEM, c->name, row->row, NULL);
        c->record_levels[s] = level;
        c->record_slots[n_slots++] = c->segments[s].slot_of_level[level];
    }
    for (size_t k = 0; k < n_slots; k++)
        c->respondents[c->record_slots[k]]++;
    for (size_t i = 0; i < c->cb->n_items; i++) {
        pp_error e = count_item(c, &c->items[i], row, &w, n_slots, diag);
        if (e != PP_OK)
            return e;
    }
    return PP_OK;
}

/* ---- turning the dense counts into tally keys -------------------------- */

static int emit_item(counter *c, const item_counter *ic)
{
    const pp_item *item = ic->item;
    char a[32], b[32];
    for (size_t slot = 0; slot < c->slot_names.count; slot++) {
        const uint64_t *counts = ic->by_slot ? ic->by_slot[slot] : NULL;
        const char *seg = c->slot_names.items[slot];
        for (size_t cell = 0; counts != NULL && cell < ic->width; cell++) {
            if (counts[cell] == 0)
                continue;
            if (item->kind == PP_ITEM_PAIRED) {
                size_t d = pp_code_width(ic->scale);
                pp_code_text(ic->scale, cell / d, a, sizeof a);
                pp_code_text(ic->scale, cell % d, b, sizeof b);
            } else if (item->kind == PP_ITEM_SINGLE) {
                pp_code_text(ic->scale, cell, a, sizeof a);
                snprintf(b, sizeof b, ".");
            } else {
                if (cell == 0)
                    snprintf(a, sizeof a, "n");
                else
                    snprintf(a, sizeof a, "%zu", cell);
                snprintf(b, sizeof b, ".");
            }
            if (pp_tally_add(c->tally, item->id, seg, a, b, counts[cell]) != 0)
                return -1;
        }
    }
    if (ic->outside > 0 && pp_tally_add(c->tally, item->id, "*", "!", "!", ic->outside) != 0)
        return -1;
    return 0;
}

static int emit_text(size_t item, size_t slot, const char *text, uint64_t count, void *user)
{
    counter *c = user;
    return pp_tally_add(c->tally, c->cb->items[item].id, c->slot_names.items[slot], text,
                        ".", count);
}

static int emit(counter *c)
{
    for (size_t slot = 0; slot < c->slot_names.count; slot++)
        if (c->respondents[slot] > 0 &&
            pp_tally_add(c->tally, "@respondents", c->slot_names.items[slot], ".", ".",
                         c->respondents[slot]) != 0)
            return -1;
    for (size_t i = 0; i < c->cb->n_items; i++)
        if (emit_item(c, &c->items[i]) != 0)
            return -1;
    return pp_text_counts_each(c->texts, emit_text, c) != 0 ? -1 : 0;
}

static void free_counter(counter *c)
{
    for (size_t s = 0; c->segments && s < c->cb->n_segments; s++) {
        pp_strings_clear(&c->segments[s].levels);
        free(c->segments[s].slot_of_level);
    }
    for (size_t i = 0; c->items && i < c->cb->n_items; i++) {
        for (size_t slot = 0; c->items[i].by_slot && slot < c->slot_names.count; slot++)
            free(c->items[i].by_slot[slot]);
        free(c->items[i].by_slot);
        free(c->items[i].inside);
    }
    pp_text_counts_free(c->texts);
    free(c->segments);
    free(c->items);
    free(c->respondents);
    free(c->record_slots);
    free(c->record_levels);
    pp_strings_clear(&c->slot_names);
}

/* ---- the counter's interface (tally.h) --------------------------------- */

pp_tally_counter *pp_tally_counter_new(pp_tally *t, const pp_codebook *cb,
                                       const pp_strings *columns, const char *name,
                                       pp_diag *diag)
{
    counter *c = calloc(1, sizeof *c);
    if (c == NULL) {
        pp_diag_set(diag, PP_ERR_NOMEM, name, 0, NULL);
        return NULL;
    }
    *c = (counter){.cb = cb, .tally = t, .name = name, .columns = columns};
    if (set_up(c, diag) != PP_OK) {
        pp_tally_counter_free(c);
        return NULL;
    }
    return c;
}

pp_error pp_tally_counter_add(pp_tally_counter *c, const pp_row *row, pp_diag *diag)
{
    if (row->n_fields != c->columns->count)
        return pp_diag_set(diag, PP_ERR_INTERNAL, c->name, row->row,
                           "a record has %zu fields, not %zu", row->n_fields,
                           c->columns->count);
    return count_record(c, row, diag);
}

pp_error pp_tally_counter_finish(pp_tally_counter *c, pp_diag *diag)
{
    if (emit(c) != 0)
        return pp_diag_set(diag, PP_ERR_NOMEM, c->name, 0, NULL);
    return PP_OK;
}

void pp_tally_counter_free(pp_tally_counter *c)
{
    if (c == NULL)
        return;
    free_counter(c);
    free(c);
}

/* A whole records stream, its column names copied for the counter. */
pp_error pp_tally_records(pp_tally *t, const pp_codebook *cb, pp_source *records,
                          long *respondents, pp_diag *diag)
{
    pp_error status = PP_OK;
    pp_tally_counter *c = NULL;
    pp_strings columns = {0};
    long read = 0;
    pp_records_reader *r = pp_records_open(records, diag);
    if (r == NULL)
        return diag->code;
    for (size_t i = 0; i < pp_records_n_columns(r); i++)
        if (pp_strings_push_str(&columns, pp_records_column(r, i)) != 0) {
            status = pp_diag_set(diag, PP_ERR_NOMEM, pp_source_name(records), 2, NULL);
            goto cleanup;
        }
    c = pp_tally_counter_new(t, cb, &columns, pp_source_name(records), diag);
    if (c == NULL) {
        status = diag->code;
        goto cleanup;
    }
    pp_row row;
    int got;
    while ((got = pp_records_next(r, &row, diag)) == 1) {
        if ((status = count_record(c, &row, diag)) != PP_OK)
            goto cleanup;
        read++;
    }
    if (got < 0) {
        status = diag->code;
        goto cleanup;
    }
    status = pp_tally_counter_finish(c, diag);
cleanup:
    if (respondents)
        *respondents = read;
    pp_tally_counter_free(c);
    pp_strings_clear(&columns);
    pp_records_close(r);
    return status;
}

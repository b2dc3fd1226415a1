/* results.c: results.json, the file every later stage reads.
 *
 *   {
 *     "schema": "prepost-results 1",
 *     "survey": {"title", "respondents", "min_base", "seed", "id_column"
 *                (null: numbered by row, duplicates could not be checked)},
 *     "p_adjustment": {"method": "holm", "family": "every p-value in this file",
 *                      "count" (of those not null: the family adjusted over)},
 *     "segments": [{"name", "levels": [{"level", "respondents", "small_base"}]}],
 *     "items": [{
 *        "id", "kind" (paired|single|multi|text), "title", "battery", "order",
 *        "among": null | {"segment", "level"}, "answers_outside_among",
 *        "scale": {"name", "levels", "missing", "top", "bottom", "centre"},
 *        "options": [...]                      (multi),
 *        "results": [{"segment": null | NAME, "level": null | LEVEL,
 *                     "base", "small_base", ...the statistics of SPEC §5
 *                     for the kind, "notes": {statistic: why it is null}}],
 *        "between_segments": [{"segment", ...tests...}],
 *        "comments": [{"text", "count"}]        (text, whole sample)
 *     }]
 *   }
 *
 * Every p-value `x_p` has a twin `x_p_holm`, adjusted across the file.
 * A statistic that cannot be computed is null, with the reason in notes.
 * Percentages are 0..100; shares and intervals of proportions too. */
#include "results.h"

#include <stdlib.h>
#include <string.h>

#include "holm.h"

/* ---- small writers shared by the per-kind files ------------------------ */

void pp_results_p(pp_results *r, const char *key, bool available, double p)
{
    if (r->collecting) {
        if (r->n_p == r->cap_p) {
            size_t cap = r->cap_p ? 2 * r->cap_p : 256;
            double *pv = realloc(r->p, cap * sizeof *pv);
            if (pv != NULL)
                r->p = pv;
            bool *av = realloc(r->p_available, cap * sizeof *av);
            if (av != NULL)
                r->p_available = av;
            if (pv == NULL || av == NULL) {
                r->out_of_memory = true;
                return;
            }
            r->cap_p = cap;
        }
        r->p[r->n_p] = available ? p : 0;
        r->p_available[r->n_p++] = available;
        return;
    }
    size_t at = r->p_cursor++;
    char holm_key[96];
    snprintf(holm_key, sizeof holm_key, "%s_holm", key);
    pp_results_number(r, key, available, p);
    pp_results_number(r, holm_key, available && at < r->n_p, at < r->n_p ? r->p_adjusted[at] : 0);
}

void pp_results_number(pp_results *r, const char *key, bool available, double value)
{
    if (key != NULL)                    /* NULL: an element of an array */
        pp_json_key(&r->json, key);
    if (available)
        pp_json_number(&r->json, value);
    else
        pp_json_null(&r->json);
}

void pp_results_count(pp_results *r, const char *key, long long value)
{
    pp_json_key(&r->json, key);
    pp_json_integer(&r->json, value);
}

void pp_results_text(pp_results *r, const char *key, const char *text)
{
    pp_json_key(&r->json, key);
    pp_json_cstring(&r->json, text);
}

void pp_results_note(pp_results *r, const char *statistic, const char *reason)
{
    /* The statistics say they ran out of memory in this reason; results
     * missing for want of memory are not published. */
    if (reason != NULL && strcmp(reason, PP_RESULTS_NO_MEMORY) == 0)
        r->out_of_memory = true;
    for (size_t i = 0; i < r->n_notes; i++)
        if (strcmp(r->note_keys[i], statistic) == 0)
            return;
    if (r->n_notes < sizeof r->note_keys / sizeof r->note_keys[0]) {
        r->note_keys[r->n_notes] = statistic;
        r->note_reasons[r->n_notes++] = reason ? reason : "not available";
    }
}

void pp_results_flush_notes(pp_results *r)
{
    pp_json_key(&r->json, "notes");
    pp_json_begin_object(&r->json);
    for (size_t i = 0; i < r->n_notes; i++)
        pp_results_text(r, r->note_keys[i], r->note_reasons[i]);
    pp_json_end_object(&r->json);
    r->n_notes = 0;
}

/* ---- the document ------------------------------------------------------ */

static void write_strings(pp_results *r, const char *key, const pp_strings *list)
{
    pp_json_key(&r->json, key);
    pp_json_begin_array(&r->json);
    for (size_t i = 0; i < list->count; i++)
        pp_json_cstring(&r->json, list->items[i]);
    pp_json_end_array(&r->json);
}

static void write_flagged_levels(pp_results *r, const char *key, const pp_scale *s,
                                 const unsigned char *flags)
{
    pp_json_key(&r->json, key);
    pp_json_begin_array(&r->json);
    for (size_t k = 0; k < s->levels.count; k++)
        if (flags[k])
            pp_json_cstring(&r->json, s->levels.items[k]);
    pp_json_end_array(&r->json);
}

static void write_scale(pp_results *r, const pp_scale *s)
{
    pp_json_key(&r->json, "scale");
    pp_json_begin_object(&r->json);
    pp_results_text(r, "name", s->name);
    write_strings(r, "levels", &s->levels);
    write_strings(r, "missing", &s->missing);
    write_flagged_levels(r, "top", s, s->is_top);
    write_flagged_levels(r, "bottom", s, s->is_bottom);
    pp_results_number(r, "centre", s->centre > 0, s->centre);
    pp_json_end_object(&r->json);
}

static void write_slot_name(pp_results *r, const pp_slot *slot)
{
    pp_results_text(r, "segment", slot->segment < 0 ? NULL : r->cb->segments[slot->segment].name);
    pp_results_text(r, "level", slot->level);
}

static void write_item_results(pp_results *r, size_t item)
{
    const pp_item_counts *ic = &r->view->items[item];
    pp_json_key(&r->json, "results");
    pp_json_begin_array(&r->json);
    for (size_t slot = 0; slot < r->view->n_slots; slot++) {
        if (slot > 0 && ic->by_slot[slot] == NULL)
            continue;
        pp_json_begin_object(&r->json);
        write_slot_name(r, &r->view->slots[slot]);
        long base = pp_results_base(r, item, slot);
        pp_results_count(r, "base", base);
        pp_json_key(&r->json, "small_base");
        pp_json_bool(&r->json, base < r->cb->min_base);
        if (ic->item->kind == PP_ITEM_PAIRED)
            pp_results_paired(r, item, slot);
        else if (ic->item->kind == PP_ITEM_SINGLE)
            pp_results_single(r, item, slot);
        else
            pp_results_multi(r, item, slot);
        pp_results_flush_notes(r);
        pp_json_end_object(&r->json);
    }
    pp_json_end_array(&r->json);
}

static void write_comments(pp_results *r, const pp_item_counts *ic)
{
    pp_json_key(&r->json, "comments");
    pp_json_begin_array(&r->json);
    for (size_t i = 0; i < ic->n_texts; i++) {
        pp_json_begin_object(&r->json);
        pp_results_text(r, "text", ic->texts[i].text);
        pp_results_count(r, "count", (long long)ic->texts[i].count);
        pp_json_end_object(&r->json);
    }
    pp_json_end_array(&r->json);
}

static void write_item(pp_results *r, size_t index)
{
    const pp_item_counts *ic = &r->view->items[index];
    const pp_item *item = ic->item;
    pp_json_begin_object(&r->json);
    pp_results_text(r, "id", item->id);
    pp_results_text(r, "kind", pp_item_kind_name(item->kind));
    pp_results_text(r, "title", item->title);
    pp_results_text(r, "battery", item->battery);
    pp_results_text(r, "order", item->order_as_written ? "as written" : "sorted");
    pp_json_key(&r->json, "among");
    if (item->among_segment < 0) {
        pp_json_null(&r->json);
    } else {
        pp_json_begin_object(&r->json);
        pp_results_text(r, "segment", r->cb->segments[item->among_segment].name);
        pp_results_text(r, "level", item->among_value);
        pp_json_end_object(&r->json);
    }
    pp_results_count(r, "answers_outside_among", (long long)ic->outside);
    if (ic->scale)
        write_scale(r, ic->scale);
    if (item->kind == PP_ITEM_MULTI)
        write_strings(r, "options", &item->options);
    if (item->kind == PP_ITEM_TEXT) {
        write_comments(r, ic);
    } else {
        write_item_results(r, index);
        pp_results_between(r, index);
    }
    pp_json_end_object(&r->json);
}

static void write_segments(pp_results *r)
{
    pp_json_key(&r->json, "segments");
    pp_json_begin_array(&r->json);
    for (size_t s = 0; s < r->cb->n_segments; s++) {
        pp_json_begin_object(&r->json);
        pp_results_text(r, "name", r->cb->segments[s].name);
        pp_json_key(&r->json, "levels");
        pp_json_begin_array(&r->json);
        for (size_t slot = 1; slot < r->view->n_slots; slot++) {
            const pp_slot *sl = &r->view->slots[slot];
            if (sl->segment != (long)s)
                continue;
            pp_json_begin_object(&r->json);
            pp_results_text(r, "level", sl->level);
            pp_results_count(r, "respondents", (long long)sl->respondents);
            pp_json_key(&r->json, "small_base");
            pp_json_bool(&r->json, (long long)sl->respondents < r->cb->min_base);
            pp_json_end_object(&r->json);
        }
        pp_json_end_array(&r->json);
        pp_json_end_object(&r->json);
    }
    pp_json_end_array(&r->json);
}

/* The size of Holm's family: the p-values that are not null (as R's
 * p.adjust leaves NA out). In the first pass, only those seen so far. */
static long long holm_family(const pp_results *r)
{
    long long family = 0;
    for (size_t i = 0; i < r->n_p; i++)
        family += r->p_available[i];
    return family;
}

static void write_document(pp_results *r)
{
    const pp_codebook *cb = r->cb;
    pp_json_begin_object(&r->json);
    pp_results_text(r, "schema", "prepost-results 1");
    pp_json_key(&r->json, "survey");
    pp_json_begin_object(&r->json);
    pp_results_text(r, "title", cb->title);
    pp_results_count(r, "respondents", (long long)r->view->slots[0].respondents);
    pp_results_count(r, "min_base", cb->min_base);
    pp_results_count(r, "seed", (long long)cb->seed);
    pp_results_text(r, "id_column", cb->id_column);
    pp_json_end_object(&r->json);
    pp_json_key(&r->json, "p_adjustment");
    pp_json_begin_object(&r->json);
    pp_results_text(r, "method", "holm");
    pp_results_text(r, "family", "every p-value in this file");
    pp_results_count(r, "count", holm_family(r));
    pp_json_end_object(&r->json);
    write_segments(r);
    pp_json_key(&r->json, "items");
    pp_json_begin_array(&r->json);
    for (size_t i = 0; i < cb->n_items; i++)
        write_item(r, i);
    pp_json_end_array(&r->json);
    pp_json_end_object(&r->json);
}

pp_error pp_results_write(const pp_tally_view *view, FILE *out, pp_diag *diag)
{
    pp_results r = {.view = view, .cb = view->cb, .collecting = true};
    pp_error status = PP_OK;
    if (pp_results_precompute(&r) != 0) {      /* bootstraps and Monte Carlo tests */
        status = pp_diag_set(diag, PP_ERR_NOMEM, NULL, 0, NULL);
        goto cleanup;
    }
    pp_json_init(&r.json, NULL);
    write_document(&r);                         /* pass 1: the p-values */
    r.p_adjusted = malloc((r.n_p ? r.n_p : 1) * sizeof *r.p_adjusted);
    if (r.out_of_memory || r.p_adjusted == NULL ||
        pp_holm_adjust(r.n_p, r.p, r.p_available, r.p_adjusted) != 0) {
        status = pp_diag_set(diag, PP_ERR_NOMEM, NULL, 0, NULL);
        goto cleanup;
    }
    r.collecting = false;
    pp_json_init(&r.json, out);
    write_document(&r);                         /* pass 2: everything */
    if (r.out_of_memory) {
        status = pp_diag_set(diag, PP_ERR_NOMEM, NULL, 0, NULL);
        goto cleanup;
    }
    if (pp_json_finish(&r.json) != 0 || r.p_cursor != r.n_p)
        status = pp_diag_set(diag, ferror(out) ? PP_ERR_WRITE : PP_ERR_INTERNAL, NULL, 0,
                             ferror(out) ? "results.json could not be written"
                                         : "the two passes over the results disagree");
cleanup:
    pp_results_release(&r);
    free(r.p);
    free(r.p_available);
    free(r.p_adjusted);
    return status;
}

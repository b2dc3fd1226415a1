/* results_between.c: between-segment comparisons of one item (SPEC §5), one
 * per segment of the codebook: a test of homogeneity (chi-square, or
 * Fisher's exact test where an expected count is under 5) and a rank test
 * (Mann-Whitney for two segment levels, Kruskal-Wallis for more). Single
 * items compare the answers; paired items compare the shift, after minus
 * before, over complete pairs (2K - 1 ordered values). */
#include <stdlib.h>

#include "codes.h"
#include "results.h"
#include "segment_compare.h"

/* Fills row[n_values] with the item's ordered values in one slot. */
static void slot_values(const pp_item_counts *ic, const uint64_t *raw, long *row)
{
    const pp_scale *s = ic->scale;
    size_t K = s->levels.count, W = pp_code_width(s);
    if (raw == NULL)
        return;
    if (ic->item->kind == PP_ITEM_SINGLE) {
        for (size_t k = 1; k <= K; k++)
            row[k - 1] = (long)raw[pp_code_level(s, k)];
        return;
    }
    for (size_t b = 1; b <= K; b++)
        for (size_t a = 1; a <= K; a++)
            row[(a - 1) + (K - 1) - (b - 1)] +=
                (long)raw[pp_code_level(s, b) * W + pp_code_level(s, a)];
}

static void write_comparison(pp_results *r, const pp_segment_comparison *c)
{
    const pp_homogeneity *h = &c->homogeneity;
    const pp_rank_comparison *k = &c->ranks;
    pp_results_count(r, "segments_used", h->segments_used);
    pp_results_count(r, "values_used", h->levels_used);
    pp_results_number(r, "chisq", h->available, h->chisq_statistic);
    pp_results_number(r, "chisq_df", h->available, h->chisq_df);
    pp_results_number(r, "chisq_p", h->available, h->chisq_p);
    pp_results_number(r, "min_expected", h->available, h->min_expected);
    pp_results_text(r, "homogeneity_method", h->available ? h->method : NULL);
    pp_results_p(r, "homogeneity_p", h->available, h->p);
    if (!h->available)
        pp_results_note(r, "homogeneity_p", h->reason);
    pp_results_text(r, "rank_test", k->available ? k->test : NULL);
    pp_results_text(r, "rank_method", k->available ? k->method : NULL);
    pp_results_number(r, "rank_statistic", k->available, k->statistic);
    pp_results_number(r, "rank_df", k->available && k->df > 0, k->df);
    pp_results_p(r, "rank_p", k->available, k->p);
    if (!k->available)
        pp_results_note(r, "rank_p", k->reason);
}

int pp_results_between_compare(const pp_results *r, size_t item, size_t segment,
                               pp_segment_comparison *out)
{
    const pp_item_counts *ic = &r->view->items[item];
    size_t K = ic->scale->levels.count;
    size_t n_values = ic->item->kind == PP_ITEM_PAIRED ? 2 * K - 1 : K;
    size_t n_rows = 0;
    for (size_t slot = 1; slot < r->view->n_slots; slot++)
        n_rows += r->view->slots[slot].segment == (long)segment;
    long *table = calloc(n_rows * n_values + 1, sizeof *table);
    if (table == NULL)
        return -1;
    size_t row = 0;
    for (size_t slot = 1; slot < r->view->n_slots; slot++)
        if (r->view->slots[slot].segment == (long)segment)
            slot_values(ic, ic->by_slot[slot], table + n_values * row++);
    *out = pp_compare_segments(table, (int)n_rows, (int)n_values, r->cb->seed);
    free(table);
    return 0;
}

void pp_results_between(pp_results *r, size_t item)
{
    const pp_item_counts *ic = &r->view->items[item];
    pp_json_key(&r->json, "between_segments");
    pp_json_begin_array(&r->json);
    if (ic->item->kind == PP_ITEM_MULTI) {
        pp_json_end_array(&r->json);
        return;
    }
    for (size_t s = 0; s < r->cb->n_segments; s++) {
        pp_segment_comparison c;
        if (r->between != NULL) {
            c = r->between[item * r->cb->n_segments + s];
        } else if (pp_results_between_compare(r, item, s, &c) != 0) {
            r->out_of_memory = true;
            break;
        }
        pp_json_begin_object(&r->json);
        pp_results_text(r, "segment", r->cb->segments[s].name);
        pp_results_text(r, "compared", ic->item->kind == PP_ITEM_PAIRED
                                           ? "shift (after minus before)" : "answers");
        write_comparison(r, &c);
        pp_results_flush_notes(r);
        pp_json_end_object(&r->json);
    }
    pp_json_end_array(&r->json);
}

long pp_results_base(const pp_results *r, size_t item, size_t slot)
{
    const pp_item_counts *ic = &r->view->items[item];
    const uint64_t *raw = ic->by_slot[slot];
    if (raw == NULL)
        return 0;
    if (ic->item->kind == PP_ITEM_MULTI)
        return (long)raw[0];
    const pp_scale *s = ic->scale;
    size_t K = s->levels.count, W = pp_code_width(s);
    long base = 0;
    for (size_t a = 1; a <= K; a++) {
        if (ic->item->kind == PP_ITEM_SINGLE) {
            base += (long)raw[pp_code_level(s, a)];
            continue;
        }
        for (size_t b = 1; b <= K; b++)
            base += (long)raw[pp_code_level(s, a) * W + pp_code_level(s, b)];
    }
    return base;
}

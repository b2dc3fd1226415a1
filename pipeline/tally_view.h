/* tally_view.h: a tally arranged for the statistics: per item, per slot
 * (the whole sample, or one level of one segment), a dense array of
 * counts indexed as codes.h says (paired: before * width + after).
 * Slot 0 is the whole sample; then each segment's levels in codebook
 * order (its `levels` if listed, else the levels' text sorted bytewise). */
#ifndef PREPOST_TALLY_VIEW_H
#define PREPOST_TALLY_VIEW_H

#include <stdint.h>

#include "codebook.h"
#include "diag.h"
#include "tally.h"

typedef struct {
    long segment;               /* index into cb->segments, -1 = whole sample */
    const char *level;          /* NULL for the whole sample */
    uint64_t respondents;
} pp_slot;

typedef struct {
    const char *text;
    uint64_t count;
} pp_text_count;

typedef struct {
    const pp_item *item;
    const pp_scale *scale;      /* paired and single, else NULL */
    size_t width;               /* counts per slot: paired W*W, single W,
                                   multi options + 1 (index 0 = asked) */
    uint64_t **by_slot;         /* [n_slots], NULL where nothing was counted */
    uint64_t outside;           /* answers from outside `among` */
    pp_text_count *texts;       /* text items: whole-sample answers, in tally order */
    size_t n_texts;
} pp_item_counts;

typedef struct {
    const pp_codebook *cb;
    pp_slot *slots;
    size_t n_slots;
    pp_item_counts *items;      /* cb->n_items, in codebook order */
} pp_tally_view;

/* Arranges t (which must outlive the view) by cb. PP_ERR_RECORDS when the
 * tally names an item, segment or code the codebook does not have. */
pp_error pp_tally_view_build(pp_tally_view *v, const pp_codebook *cb, pp_tally *t,
                             const char *tally_name, pp_diag *diag);
void pp_tally_view_free(pp_tally_view *v);

/* The counts of an item in a slot, or NULL when nothing was counted. */
const uint64_t *pp_tally_view_counts(const pp_tally_view *v, size_t item, size_t slot);

#endif

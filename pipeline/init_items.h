/* init_items.h: the sections of a draft codebook for the columns of one
 * export, by their roles (init_roles.h): scales, segments, items (a
 * rating, one or a before/after pair; a tick-all-that-apply group; several
 * choices in one cell; text) and the columns left out. `prepost init`
 * writes a one-wave survey with them (init_draft.h), and each wave of a
 * two-wave panel (init_panel.h), where an item of one export says its
 * wave. */
#ifndef PREPOST_INIT_ITEMS_H
#define PREPOST_INIT_ITEMS_H

#include <stdio.h>

#include "init_ids.h"
#include "init_profile.h"
#include "init_roles.h"
#include "strlist.h"

typedef struct {
    pp_init_roles r;                /* each column's role, the scales */
    const pp_init_profile *p;
    pp_strings *ids;                /* ids given, to keep them unique (shared
                                     * by the waves of a panel) */
    pp_init_id_texts texts;         /* the texts of this export's ids are made
                                     * from, each item's and segment's once */
    char **seg_ids;                 /* per column: its segment's id, or NULL */
    char **battery_ids;             /* per column: its battery's id, or NULL */
    long *pair_of;                  /* per column: the other column of its
                                     * before/after pair in this export, or -1 */
    unsigned char *before;          /* per column: 1 for the before column of
                                     * a pair */
    const char *wave;               /* a panel's "before" or "after"; NULL for
                                     * a one-wave survey */
    FILE *out;
    int out_of_memory;              /* an id or a copy of one could not be
                                     * made: the draft written is incomplete */
} pp_init_draft;

/* Gives the columns of p their roles, and (one wave) pairs before and
 * after columns; gathers the texts its ids are made from. 0, or -1 out of
 * memory. */
int pp_init_draft_open(pp_init_draft *d, const pp_init_profile *p, pp_strings *ids,
                       const char *wave, FILE *out);
void pp_init_draft_close(pp_init_draft *d);
/* Sets d->pair_of and d->before: each rating column of a one-wave export
 * paired with the column of the other wave that asks its question
 * (init_pairs.c). 0, or -1 out of memory. */
int pp_init_pair_columns(pp_init_draft *d);

/* How the codebook names column i: its name, or #N when that is ambiguous
 * or cannot be written. */
void pp_init_column_ref(const pp_init_draft *d, size_t i, char *buf, size_t cap);
/* ---- names (init_names.c) ---- */

/* An id from a text, unique among those given (init_ids.h): the words
 * that tell it from the other texts of this export; context as there. */
void pp_init_make_id(pp_init_draft *d, const char *text, const char *context,
                     pp_init_id_kind kind, char *id, size_t cap);
/* A copy of id to keep in d (NULL, and d->out_of_memory set, if there is
 * no memory for it). */
char *pp_init_keep_id(pp_init_draft *d, const char *id);
/* The text the id of column i's item is made from, by its role: a
 * segment's or text's heading, a pair's question, a single rating's
 * sub-label (or heading), a tick group's or a one-cell multi's question. */
void pp_init_id_text(const pp_init_draft *d, size_t i, char *buf, size_t cap);
/* The id of column i's item or segment, from its text. */
void pp_init_column_id(pp_init_draft *d, size_t i, const char *context, pp_init_id_kind kind,
                       char *id, size_t cap);
/* The question of a one-cell multi (without Qualtrics' " - Selected Choice"). */
void pp_init_cell_question(const pp_init_draft *d, const pp_init_column *c, char *buf, size_t cap);
/* The id of the battery single rating i is in, or NULL. */
const char *pp_init_battery_of(pp_init_draft *d, size_t i);
/* Gathers into d->texts the text of every item, segment and battery of
 * the export, once. 0, or -1 out of memory. */
int pp_init_gather_texts(pp_init_draft *d);

/* ---- writing (init_items.c) ---- */

/* "a | b | c" on one line (skip: per item, written only when it is want). */
void pp_init_write_list(FILE *out, const pp_strings *items, const unsigned char *skip, int want);
void pp_init_write_title(FILE *out, const char *title);
/* The survey's title, made from the export's file name: said to be checked. */
void pp_init_write_survey_title(FILE *out, const char *title);
/* A [paired] section (to b->out): before column i of b, after column j of
 * a (the same draft for a one-wave export, the two waves' for a panel). */
void pp_init_write_paired(pp_init_draft *b, size_t i, pp_init_draft *a, size_t j,
                          const char *id, const char *title);

void pp_init_write_scale(FILE *out, const pp_init_scale *s);
/* Segment column i; in a panel, other and j name the column of the same
 * name in the other wave (-1: none, the segment is this wave's only). */
void pp_init_write_segment(pp_init_draft *d, size_t i, pp_init_draft *other, long j);
/* Rating i's answers off its scale, or a scale it took from a neighbour,
 * in a check: comment. */
void pp_init_write_off_scale(pp_init_draft *d, size_t i);
/* The item of column i by its role (none for other roles); a tick group
 * from its first column, a pair from its before column. */
void pp_init_write_item(pp_init_draft *d, size_t i);
void pp_init_write_left_out(const pp_init_draft *d);

#endif

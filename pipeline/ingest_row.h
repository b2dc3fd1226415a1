/* ingest_row.h: turns one respondent row of an export into the fields of
 * one record (records.h column order), or finds the first problem that
 * gets the row rejected. Checks run in this order: the id (missing, then
 * seen before: the first row to carry an id claims it, even if that row is
 * itself rejected later), cells beyond the header, then each records
 * column in codebook order. The fields point into the row, the codebook or
 * one scratch buffer the builder reuses, so building a record does not
 * allocate once the buffer is big enough; each is followed by a NUL, as
 * the records reader hands fields out, so a record can be counted
 * (tally.h) as it is. */
#ifndef PREPOST_INGEST_ROW_H
#define PREPOST_INGEST_ROW_H

#include <stddef.h>

#include "csv_rows.h"
#include "header.h"
#include "idset.h"
#include "ingest.h"
#include "ingest_plan.h"
#include "label_memo.h"

#define PP_RECORD_FIXED_COLUMNS 3   /* id, row, waves */

/* Why a row is rejected: the first problem found. */
typedef struct {
    pp_reject_reason reason;
    long column;                /* export column (0-based), -1 if none */
    const char *value;          /* the offending cell (or piece of it) */
    size_t value_len;
    const char *expected;       /* what would have been accepted */
    char text[96];              /* room for an expected text made up here */
} pp_row_problem;

typedef struct {
    const pp_ingest_plan *plan;
    const pp_header *header;
    pp_wave wave;
    pp_idset *ids;              /* ids seen so far */
    const char **fields;        /* the record: PP_RECORD_FIXED_COLUMNS + plan->n_fields */
    size_t *lengths;
    size_t n_fields;
    pp_label_memo *memos;       /* per plan field: its cells' lookups */
    char *scratch;              /* codes, ticks, collapsed segments of a row */
    size_t scratch_capacity;
    size_t scratch_used;
} pp_record_builder;

/* 0, or -1 on out of memory (free with pp_record_builder_free either way).
 * The builder borrows plan and header. */
int pp_record_builder_init(pp_record_builder *b, const pp_ingest_plan *plan,
                           const pp_header *header, pp_wave wave);
void pp_record_builder_free(pp_record_builder *b);

/* Returns 0 with the record in b->fields / b->lengths (valid until the
 * next call; fields[i][lengths[i]] is a NUL), 1 when the row is rejected (problem filled; b->fields[0] is
 * the id as far as known), -1 on out of memory. */
int pp_record_build(pp_record_builder *b, const pp_row *row, pp_row_problem *problem);

/* The row is the file's last, cut off before its last column (no line break
 * after it): pp_record_build rejects it as cut short. */
int pp_row_cut_short(const pp_record_builder *b, const pp_row *row);

#endif

/* ingest_plan.h: what ingest reads from each export column, worked out once
 * from the codebook and the export's header before the first respondent:
 * per records column (after id, row, waves) the export column(s) it comes
 * from and the compiled label lookup that turns a cell into a code. A
 * column the codebook names but the export lacks is found here, before any
 * row is read. */
#ifndef PREPOST_INGEST_PLAN_H
#define PREPOST_INGEST_PLAN_H

#include <stddef.h>

#include "codebook.h"
#include "diag.h"
#include "header.h"
#include "label.h"
#include "strlist.h"

typedef enum {
    PP_FIELD_UNREAD,            /* not asked in this wave: written empty */
    PP_FIELD_SEGMENT_FREE,      /* segment without levels: trimmed, collapsed */
    PP_FIELD_SEGMENT_LEVELS,    /* segment with levels: the codebook's spelling */
    PP_FIELD_RATING,            /* paired or single: the scale code */
    PP_FIELD_TEXT,              /* verbatim */
    PP_FIELD_MULTI_CELL,        /* one cell holding every choice */
    PP_FIELD_MULTI_COLUMNS      /* one column per option, ticked = not blank */
} pp_field_kind;

typedef struct {
    pp_field_kind kind;
    long column;                /* export column (0-based); -1 for multi columns */
    long *option_columns;       /* multi columns: export column per option */
    size_t n_options;           /* multi */
    size_t max_separators;      /* one-cell multi: see multi_cell.h */
    const pp_label_index *index;/* rating, segment levels, one-cell multi */
    const pp_strings *levels;   /* segment levels, as the codebook spells them */
    const char *expected;       /* "A | B | C", for rejects (owned by the plan) */
} pp_field;

typedef struct {
    long id_column;             /* export column of the id; -1: number rows */
    pp_strings columns;         /* records column names (records.h order) */
    pp_field *fields;           /* columns.count - 3 of them */
    size_t n_fields;
    pp_label_index **owned_indexes;
    size_t n_owned_indexes;
    pp_strings owned_texts;     /* the expected-label lists */
    long *read_columns;         /* every export column read (the id's too),
                                   ascending: those whose cells must be UTF-8 */
    size_t n_read_columns;
} pp_ingest_plan;

/* Builds the plan for one wave (PP_WAVE_BOTH: a one-wave survey). Returns
 * PP_OK, or PP_ERR_COLUMN (diag: the codebook entry and the export column
 * it names), or PP_ERR_NOMEM / PP_ERR_INTERNAL. The plan borrows from cb,
 * which must outlive it. Free with pp_ingest_plan_free even on error. */
pp_error pp_ingest_plan_build(pp_ingest_plan *plan, const pp_codebook *cb,
                              pp_wave wave, const pp_header *header,
                              pp_diag *diag);
void pp_ingest_plan_free(pp_ingest_plan *plan);

#endif

/* header.h: the header rows of an export, per layout, turned into column
 * names the codebook can refer to (SPEC §3, "Columns are named by ...").
 *
 *   plain, google   one header row; a column is named as written
 *                   (Google Forms matrix columns read `Question [Row]`).
 *   surveymonkey    two header rows: the question, carried forward across
 *                   the empty cells of its merged header, and a sub-label.
 *                   A column is `question / sub-label`, or just `question`
 *                   when the sub-label is empty, "Response" or
 *                   "Open-Ended Response".
 *   qualtrics       row 1 column IDs (Q3_1), row 2 question text, and in
 *                   newer exports row 3 of ImportId JSON ({"ImportId":...}).
 *                   Rows are detected, not assumed: a third row that is not
 *                   ImportId JSON is the first respondent. A column answers
 *                   to its ID or its text.
 *   spss, stata,    two rows made by stat_rows.h: variable names, then
 *   sas             variable labels. A column is shown by its name and
 *                   answers to its name or its label.
 */
#ifndef PREPOST_HEADER_H
#define PREPOST_HEADER_H

#include <stddef.h>

#include "codebook.h"
#include "csv_rows.h"
#include "diag.h"

typedef struct pp_header pp_header;

typedef enum {
    PP_HEADER_MORE,         /* row taken as a header row; feed the next */
    PP_HEADER_DONE,         /* row taken; the header is complete */
    PP_HEADER_DONE_BEFORE,  /* the header was complete before this row:
                               this row is the first respondent */
    PP_HEADER_ERROR         /* diag filled */
} pp_header_status;

pp_header *pp_header_new(pp_layout layout, const char *file);
pp_header_status pp_header_feed(pp_header *h, const pp_row *row, pp_diag *diag);
/* Call at end of data if the header never completed; returns 0 if it can be
 * completed with what was fed (e.g. a header-only Qualtrics file), else -1
 * with PP_ERR_EMPTY / PP_ERR_HEADER in diag. */
int pp_header_finish(pp_header *h, pp_diag *diag);
void pp_header_free(pp_header *h);

size_t pp_header_columns(const pp_header *h);
/* The name to show for column i (0-based), e.g. "Q1 / Before the programme". */
const char *pp_header_name(const pp_header *h, size_t i);
int pp_header_rows(const pp_header *h);   /* how many rows the header used */

/* Resolves a codebook column reference: `#N` (1-based) or a name, matched
 * forgivingly (label.h). Returns the 0-based index, -1 if nothing matches
 * (diag: PP_ERR_COLUMN, with near misses listed), -2 if several columns
 * match (diag: PP_ERR_COLUMN, "named twice in the export"). */
long pp_header_find(const pp_header *h, const char *ref, pp_diag *diag);

#endif

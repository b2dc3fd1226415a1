/* tally.h: the tally format, counts per (item, segment, before code, after
 * code): the sufficient statistics every figure is computed from (SPEC §2).
 *
 *   prepost-tally 1
 *   item<TAB>segment<TAB>a<TAB>b<TAB>count
 *   @respondents<TAB>*<TAB>.<TAB>.<TAB>250
 *   @respondents<TAB>sector=Public sector<TAB>.<TAB>.<TAB>217
 *   awareness<TAB>*<TAB>2<TAB>4<TAB>31
 *   awareness<TAB>sector=Public sector<TAB>-1<TAB>3<TAB>2
 *   needs_analysis<TAB>*<TAB>5<TAB>.<TAB>40
 *   support<TAB>*<TAB>n<TAB>.<TAB>250
 *   support<TAB>*<TAB>2<TAB>.<TAB>97
 *   implemented<TAB>*<TAB>We now consult TSOs first<TAB>.<TAB>1
 *
 * Line 1 names the format and its version, line 2 the columns (read with
 * the records reader, records.h). Every other line is one count:
 *
 *   item      an item id of the codebook, or @respondents (records read)
 *   segment   `*` for the whole sample, or NAME=LEVEL for one level of a
 *             segment; respondents who left a segment blank are in `*` only
 *   a, b      paired: the before and after code; single: the code and `.`;
 *             multi: an option's number (1-based) and `.`, counting those
 *             who ticked it, plus `n` and `.` counting those asked;
 *             text: the answer and `.`. Codes are as in records (1..K,
 *             -1..-M missing levels) or `.` for no answer, `~` for a
 *             respondent not in that wave of a panel.
 *   count     a positive integer
 *
 * Fields are escaped as in records. Count lines are sorted bytewise
 * and each key appears once, so a tally is canonical: tallying shards and
 * merging them gives the same bytes as tallying the whole. An item with
 * `among` counts only respondents in that segment level; answers from
 * others are counted under the item with segment `*` and a = b = `!` (a
 * text answer always has b = `.`, so even the answer "!" never meets it).
 */
#ifndef PREPOST_TALLY_H
#define PREPOST_TALLY_H

#include <stdint.h>
#include <stdio.h>

#include "codebook.h"
#include "csv_rows.h"
#include "diag.h"
#include "source.h"

#define PP_TALLY_MAGIC "prepost-tally"
#define PP_TALLY_VERSION 1

/* A set of counts keyed by (item, segment, a, b): the in-memory tally. */
typedef struct pp_tally pp_tally;

typedef struct {
    const char *item, *segment, *a, *b;   /* unescaped, NUL-terminated */
    uint64_t count;
} pp_tally_entry;

pp_tally *pp_tally_new(void);
void pp_tally_free(pp_tally *t);
/* Adds count to the key's total (a zero count adds no key). 0, or -1 on
 * out of memory / overflow. */
int pp_tally_add(pp_tally *t, const char *item, const char *segment,
                 const char *a, const char *b, uint64_t count);
/* Adds every line of a tally stream (merge). PP_ERR_RECORDS-style errors
 * name the stream's line. */
pp_error pp_tally_read(pp_tally *t, pp_source *src, pp_diag *diag);
/* Writes the canonical form: magic line, then the lines sorted. 0 or -1. */
int pp_tally_write(pp_tally *t, FILE *out);

/* Entries in canonical order (valid until the tally changes). When memory
 * runs out, 0 with *entries NULL (an empty tally gives a non-NULL one). */
size_t pp_tally_entries(pp_tally *t, const pp_tally_entry **entries);

/* Counts a records stream against the codebook into t. */
pp_error pp_tally_records(pp_tally *t, const pp_codebook *cb, pp_source *records,
                          long *respondents, pp_diag *diag);

/* Counting records one at a time, as they are made (prepost-ingest
 * --tally), with the same result as writing them and reading them back
 * through pp_tally_records. */
typedef struct pp_tally_counter pp_tally_counter;

/* A counter for records with these columns (records.h order; borrowed,
 * as are t and cb). `name` names the records in messages. NULL with diag
 * filled when a column the codebook needs is missing, or on no memory. */
pp_tally_counter *pp_tally_counter_new(pp_tally *t, const pp_codebook *cb,
                                       const pp_strings *columns, const char *name,
                                       pp_diag *diag);
/* Counts one record: its fields unescaped and each NUL-terminated, as
 * pp_records_next hands them out. */
pp_error pp_tally_counter_add(pp_tally_counter *c, const pp_row *row, pp_diag *diag);
/* Adds the counts to the tally; after the last record. */
pp_error pp_tally_counter_finish(pp_tally_counter *c, pp_diag *diag);
void pp_tally_counter_free(pp_tally_counter *c);

#endif

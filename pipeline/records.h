/* records.h: the records format, one respondent per line with labels
 * already turned into codes. Written by ingest and pair, read by pair and
 * tally.
 *
 *   prepost-records 1
 *   id<TAB>row<TAB>waves<TAB>seg:sector<TAB>awareness:before<TAB>awareness:after<TAB>needs_analysis<TAB>support<TAB>implemented
 *   R1001<TAB>3<TAB>both<TAB>Public sector<TAB>2<TAB>4<TAB>-1<TAB>101<TAB>We now consult TSOs first
 *
 * Line 1 names the format and its version. Line 2 names the columns, in
 * this order: `id`, `row`, `waves`, then `seg:NAME` per segment, then per
 * item in codebook order: `ITEM:before` and `ITEM:after` (paired) or
 * `ITEM` (single, multi, text). Readers find columns by name.
 * `prepost-ingest --ids-only` writes only the first two, `id<TAB>row`: a
 * list of who was kept, for `prepost run --jobs N` to check ids across
 * shards; tally and pair, which need `waves`, do not read it.
 *
 * Fields are separated by TAB and escaped: backslash as `\\`, TAB `\t`,
 * newline `\n`, carriage return `\r`, NUL `\0`; every other byte as is
 * (invalid UTF-8 from an export is carried through, not repaired).
 *
 *   id        the respondent ID from the export, or `#ROW` without `id`
 *   row       the export row the respondent came from (spreadsheet row)
 *   waves     both | before | after: which waves of a panel the
 *             respondent answered (`both` for a one-wave survey)
 *   seg:NAME  the segment level, as the codebook spells it when the segment
 *             lists its levels, else as the export wrote it (trimmed, white
 *             space collapsed); empty when not answered
 *   paired, single   the code: 1..K substantive levels worst to best,
 *             -1..-M the scale's missing levels in codebook order,
 *             empty when not answered
 *   multi     one character per option in codebook order: 1 ticked, 0 not
 *   text      the answer, verbatim; empty when not answered
 */
#ifndef PREPOST_RECORDS_H
#define PREPOST_RECORDS_H

#include <stddef.h>
#include <stdio.h>

#include "codebook.h"
#include "csv_rows.h"
#include "diag.h"
#include "source.h"

#define PP_RECORDS_MAGIC "prepost-records"
#define PP_RECORDS_VERSION 1

/* The column names of a codebook's records, in order (caller frees with
 * pp_strings_clear). Returns 0, or -1 on out of memory. */
int pp_records_columns(const pp_codebook *cb, pp_strings *out);

/* Writers return 0, or -1 when the stream reports a write error. */
int pp_records_write_header(FILE *out, const pp_strings *columns);
int pp_records_write_row(FILE *out, const char *const *fields,
                         const size_t *lengths, size_t n_fields);
/* Writes one escaped field (no separator). */
int pp_records_write_field(FILE *out, const char *s, size_t len);
/* Escapes s[0..len) into out, which must hold 2 * len bytes; returns the
 * escaped length (no NUL is written). */
size_t pp_records_escape(const char *s, size_t len, char *out);

typedef struct pp_records_reader pp_records_reader;

/* Reads and checks the two header lines. NULL + diag (PP_ERR_RECORDS) on a
 * wrong magic, an unsupported version or a damaged column line. */
pp_records_reader *pp_records_open(pp_source *src, pp_diag *diag);
size_t pp_records_n_columns(const pp_records_reader *r);
const char *pp_records_column(const pp_records_reader *r, size_t i);
/* 0-based index of a column, or -1. */
long pp_records_find(const pp_records_reader *r, const char *name);
/* Next record: 1 and *row filled (unescaped fields, row->row = its line
 * number in the stream; valid until the next call), 0 at the end, -1 on
 * error (a line with the wrong number of fields, a bad escape). */
int pp_records_next(pp_records_reader *r, pp_row *row, pp_diag *diag);
void pp_records_close(pp_records_reader *r);

/* The same reader for another format built the same way (a magic line, a
 * line of column names, escaped TAB-separated lines): the tally. The
 * columns are then not required to start with id, row, waves. */
pp_records_reader *pp_records_open_format(pp_source *src, const char *magic,
                                          int version, pp_diag *diag);

#endif

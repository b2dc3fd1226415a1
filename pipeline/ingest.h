/* ingest.h: one export in, records and rejects out (SPEC §4).
 *
 * Streams the export row by row: memory holds one row and the set of IDs
 * seen, never the whole file. Every respondent row is either written as a
 * record or written to rejects with its reason: rows read = kept + rejected
 * (+ skipped, the rows a caller asked to pass over).
 *
 * Rejects (RFC 4180 CSV, header always written):
 *   row,id,column,reason,value,expected
 *   17,R1017,"Q1 / Before the programme",unknown label,Excelent,"Poor | Fair | Good | Very good | Excellent | Don't know"
 * A row with several problems is rejected once, for its first problem.
 * A cell a spreadsheet would run as a formula (=HYPERLINK(...), +cmd...)
 * is written with an apostrophe in front, inside quotes (csv_field.h).
 */
#ifndef PREPOST_INGEST_H
#define PREPOST_INGEST_H

#include <stdio.h>

#include "codebook.h"
#include "diag.h"
#include "row_skips.h"
#include "source.h"
#include "tally.h"

typedef enum {
    PP_REJECT_UNKNOWN_LABEL,    /* a rating that is not a level of its scale */
    PP_REJECT_UNKNOWN_OPTION,   /* a multi-select choice that is no option */
    PP_REJECT_UNKNOWN_SEGMENT,  /* a segment value not in the segment's levels */
    PP_REJECT_DUPLICATE_ID,     /* an ID seen on an earlier row */
    PP_REJECT_MISSING_ID,       /* the ID cell is empty */
    PP_REJECT_EXTRA_FIELDS,     /* non-empty cells beyond the header's columns */
    PP_REJECT_CUT_SHORT,        /* the file ends inside the row, columns short */
    PP_REJECT_COUNT
} pp_reject_reason;

const char *pp_reject_reason_name(pp_reject_reason reason);

typedef struct {
    long rows;                  /* respondent rows read (header rows excluded) */
    long skipped;               /* rows passed over (pp_ingest_into's skips) */
    long kept;
    long rejected;              /* rows = skipped + kept + rejected */
    long by_reason[PP_REJECT_COUNT];
} pp_ingest_summary;

/* Ingests the export in src against cb. For a panel, `wave` says which
 * export src is (PP_WAVE_BEFORE or PP_WAVE_AFTER); for a one-wave survey
 * pass PP_WAVE_BOTH. Records go to records_out, rejects to rejects_out
 * (either may be NULL to discard). Returns PP_OK, or an error in diag for a
 * bad file (no such column, damaged gzip, bad CSV, empty export) or a
 * failed write. */
pp_error pp_ingest(const pp_codebook *cb, pp_wave wave, pp_source *src,
                   FILE *records_out, FILE *rejects_out,
                   pp_ingest_summary *summary, pp_diag *diag);

/* pp_ingest for one part of a larger export (a shard, see `prepost run
 * --jobs`): src holds the export's header rows, then respondent rows that
 * came after `rows_before` respondent rows in the whole export. Rows are
 * numbered as in the whole export (in rejects, records and `#ROW` ids);
 * an id is checked only against the ids of this part. pp_ingest is
 * pp_ingest_part with rows_before = 0. */
pp_error pp_ingest_part(const pp_codebook *cb, pp_wave wave, pp_source *src,
                        long rows_before, FILE *records_out, FILE *rejects_out,
                        pp_ingest_summary *summary, pp_diag *diag);

/* Where pp_ingest_into writes; any may be NULL. */
typedef struct {
    FILE *records;
    FILE *rejects;
    pp_tally *tally;            /* the kept records counted into it, as
                                   prepost-tally counts them from records */
    int ids_only;               /* records hold only the id and row columns */
} pp_ingest_outputs;

/* pp_ingest_part with any of records, rejects and tally. Counting into a
 * tally here gives the same counts as writing the records and tallying
 * them, without writing and reading them. The rows `skips` lists (NULL:
 * none) are passed over as if the export did not hold them: neither kept
 * nor rejected, their ids not seen; the other rows keep their numbers. */
pp_error pp_ingest_into(const pp_codebook *cb, pp_wave wave, pp_source *src,
                        long rows_before, const pp_row_skips *skips,
                        const pp_ingest_outputs *out, pp_ingest_summary *summary,
                        pp_diag *diag);

/* "250 rows read, 248 kept, 2 rejected (1 duplicate id, 1 unknown label)";
 * with rows skipped, "250 rows read, 3 skipped, 245 kept, 2 rejected (...)" */
void pp_ingest_summary_print(const pp_ingest_summary *s, FILE *out);

#endif

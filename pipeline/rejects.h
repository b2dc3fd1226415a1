/* rejects.h: writes rejects.csv, the quarantine of rows ingest could not
 * keep (format in ingest.h):
 *   row,id,column,reason,value,expected
 * RFC 4180 CSV: a field is quoted when it holds a comma, quote, CR or LF,
 * and the column and expected fields are always quoted (they are prose).
 * A field a spreadsheet would run as a formula (=, +, -, @ first, not a
 * number) is quoted with an apostrophe in front (csv_field.h). */
#ifndef PREPOST_REJECTS_H
#define PREPOST_REJECTS_H

#include <stddef.h>
#include <stdio.h>

typedef struct {
    long row;               /* export row (spreadsheet row) */
    const char *id;         /* the respondent id as far as known ("" if none) */
    size_t id_len;
    const char *column;     /* the export column's header name */
    const char *reason;     /* e.g. "unknown label" */
    const char *value;      /* the offending cell as written */
    size_t value_len;
    const char *expected;   /* what would have been accepted */
} pp_reject_line;

/* Each returns 0, or -1 when the stream reports a write error. */
int pp_rejects_write_header(FILE *out);
int pp_rejects_write(FILE *out, const pp_reject_line *line);

#endif

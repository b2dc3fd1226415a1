/* csv_rows.h: RFC 4180 CSV rows from a pp_source, parsed with libcsv.
 * Quoted commas, quotes and newlines, CRLF or LF, a UTF-8 byte-order mark
 * at the start: all handled here, so nothing above sees raw CSV. UTF-16
 * or UTF-32 text (told by its first bytes, not_utf8.h) is not read at
 * all; whether cells are UTF-8 is for the reader to check (row_utf8.h). */
#ifndef PREPOST_CSV_ROWS_H
#define PREPOST_CSV_ROWS_H

#include <stddef.h>

#include "diag.h"
#include "source.h"

typedef struct {
    char **fields;          /* NUL-terminated (a field may hold NUL bytes: use lengths) */
    size_t *lengths;
    size_t n_fields;
    long row;               /* 1-based record number, header rows included:
                               the row a spreadsheet would show */
    int utf8;               /* 1: every field is UTF-8 (utf8.h), found in one
                               pass over the row; 0: not known */
    int cut_short;          /* 1: the data ended inside this row, with no line
                               break after it (the file may be cut short) */
} pp_row;

/* Called once per row. Return 0 to go on; non-zero stops reading and is
 * returned by pp_csv_read (the callback records its own diagnostic). */
typedef int (*pp_row_fn)(const pp_row *row, void *user);

/* Reads every row of src. Returns 0 at the end of the data, the callback's
 * non-zero value if it stopped, or -1 on a read/gzip/CSV error or UTF-16
 * or UTF-32 text (diag filled, naming the row where the bad record
 * starts). Blank lines are skipped and not counted as rows. */
int pp_csv_read(pp_source *src, pp_row_fn fn, void *user, pp_diag *diag);

#endif

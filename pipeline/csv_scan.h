/* csv_scan.h: where the records of a CSV export end, without parsing its
 * fields. It follows libcsv's own states with the options csv_rows.c uses
 * (comma, double quote, spaces and tabs trimmed, CR or LF ending a record,
 * blank lines not counted, a quote inside an unquoted field kept as is),
 * so a record count here is the row number csv_rows.c gives. A newline
 * inside quotes does not end a record.
 *
 * `prepost run --jobs` splits an export into shards with it, and copies
 * rejects.csv records whole. Past its last cut it only skims the export
 * to learn whether it ends inside quotes. */
#ifndef PREPOST_CSV_SCAN_H
#define PREPOST_CSV_SCAN_H

#include <stddef.h>

typedef struct {
    int state;                  /* libcsv's parser state */
    int quoted;                 /* the current field began with a quote */
    int spaces;                 /* spaces after a closing quote */
    long records;               /* records ended so far */
    long long offset;           /* bytes fed so far */
} pp_csv_scan;

/* Starts a scan at a record boundary; offset is where the bytes fed begin
 * (3 past a UTF-8 byte-order mark, which csv_rows.c skips). */
void pp_csv_scan_init(pp_csv_scan *s, long long offset);

/* Feeds bytes. After each LF that leaves the scanner between records (it
 * ended a record, or a blank line), calls at_boundary with the offset
 * of the next byte and the records ended so far; a non-zero return stops
 * the feed and is returned. Else returns 0. */
typedef int (*pp_csv_boundary_fn)(long long offset, long records, void *user);
int pp_csv_scan_feed(pp_csv_scan *s, const char *bytes, size_t len,
                     pp_csv_boundary_fn at_boundary, void *user);

/* Feeds bytes only to learn where quoted fields open and close: faster,
 * as between quotes it looks at nothing else. The state stays libcsv's,
 * so feeding may go on after, but the records skimmed are not counted
 * and no boundary is reported. */
void pp_csv_scan_skim(pp_csv_scan *s, const char *bytes, size_t len);

/* Records in all (fed, not skimmed), counting a last record with no line
 * end; 1 in *in_quotes if the data ended inside a quoted field (a damaged
 * export). */
long pp_csv_scan_finish(const pp_csv_scan *s, int *in_quotes);

#endif

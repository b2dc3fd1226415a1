/* diag.h: one error enum for the whole pipeline, its message table, the
 * sysexits status each error maps to, and a diagnostic that says where
 * (file, row or line, column) and what was expected. */
#ifndef PREPOST_DIAG_H
#define PREPOST_DIAG_H

#include <stdio.h>

typedef enum {
    PP_OK = 0,
    PP_ERR_NOMEM,          /* out of memory                          -> 70 */
    PP_ERR_INTERNAL,       /* a bug in prepost                       -> 70 */
    PP_ERR_USAGE,          /* wrong command line                     -> 64 */
    PP_ERR_MISSING,        /* input file does not exist / unreadable -> 66 */
    PP_ERR_READ,           /* I/O error while reading                -> 74 */
    PP_ERR_WRITE,          /* cannot write output                    -> 73 */
    PP_ERR_GZIP,           /* corrupt or truncated gzip              -> 65 */
    PP_ERR_CSV,            /* malformed CSV (e.g. unterminated quote)-> 65 */
    PP_ERR_EMPTY,          /* no header / empty export               -> 65 */
    PP_ERR_HEADER,         /* header does not fit the layout         -> 65 */
    PP_ERR_COLUMN,         /* a codebook column is not in the export -> 65 */
    PP_ERR_CODEBOOK,       /* the codebook is wrong                  -> 65 */
    PP_ERR_RECORDS,        /* a records stream is malformed          -> 65 */
    PP_ERR_ROW_LIST,       /* a list of rows to skip is malformed    -> 65 */
    PP_ERR_ENCODING,       /* text that is not UTF-8                 -> 65 */
    PP_ERR_COUNT
} pp_error;

/* Where something went wrong and what was expected. Any of file, line and
 * column may be unknown (NULL / 0). `line` is a text line for codebooks and
 * records, a row (spreadsheet row, header rows included) for exports. */
typedef struct {
    pp_error code;
    char file[256];
    long line;
    long column;          /* 1-based; 0 when unknown */
    char column_name[160];/* e.g. the export header of that column */
    const char *line_word;/* "line" or "row"; NULL means "line" */
    char detail[768];     /* plain words: what was found, what was expected */
} pp_diag;

const char *pp_error_message(pp_error code);
int pp_error_exit_status(pp_error code);

void pp_diag_clear(pp_diag *d);
/* Records an error (the first one wins: a later call on a diag that already
 * holds an error does nothing). Returns code, so callers can
 * `return pp_diag_set(...)`. */
pp_error pp_diag_set(pp_diag *d, pp_error code, const char *file, long line,
                     const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));
/* Adds the column to an error already set. */
void pp_diag_at_column(pp_diag *d, long column, const char *column_name);
/* "prog: file:row 12, column 3 (Q1): <message>: <detail>" on one line. */
void pp_diag_print(const pp_diag *d, const char *prog, FILE *out);

#endif

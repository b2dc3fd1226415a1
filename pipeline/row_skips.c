/* row_skips.c: the list of rows ingest passes over (row_skips.h). */
#include "row_skips.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The row number a line holds (its newline cut off), or 0 when it holds
 * none: only digits, 1 or more, that fit a long. */
static long row_number(const char *line)
{
    if (*line == '\0' || strspn(line, "0123456789") != strlen(line))
        return 0;
    errno = 0;
    long n = strtol(line, NULL, 10);
    return errno == 0 ? n : 0;
}

static int push(pp_row_skips *skips, size_t *cap, long row)
{
    if (skips->n == *cap) {
        size_t grown_cap = *cap ? 2 * *cap : 64;
        long *grown = realloc(skips->rows, grown_cap * sizeof *grown);
        if (grown == NULL)
            return -1;
        skips->rows = grown;
        *cap = grown_cap;
    }
    skips->rows[skips->n++] = row;
    return 0;
}

/* One line, line_no, of path. PP_OK or an error in diag. */
static pp_error take_line(pp_row_skips *skips, size_t *cap, char *line, long line_no,
                          const char *path, pp_diag *diag)
{
    line[strcspn(line, "\n")] = '\0';
    long row = row_number(line);
    if (row <= 0)
        return pp_diag_set(diag, PP_ERR_ROW_LIST, path, line_no,
                           "'%.40s' is not a row number (one a line, digits only)", line);
    if (skips->n > 0 && row <= skips->rows[skips->n - 1])
        return pp_diag_set(diag, PP_ERR_ROW_LIST, path, line_no,
                           "row %ld does not come after row %ld: list each row once, ascending",
                           row, skips->rows[skips->n - 1]);
    if (push(skips, cap, row) != 0)
        return pp_diag_set(diag, PP_ERR_NOMEM, NULL, 0, NULL);
    return PP_OK;
}

pp_error pp_row_skips_load(pp_row_skips *skips, const char *path, pp_diag *diag)
{
    memset(skips, 0, sizeof *skips);
    char *line = NULL;
    size_t line_cap = 0, cap = 0;
    long line_no = 0;
    pp_error status = PP_OK;
    FILE *in = fopen(path, "r");
    if (in == NULL) {
        status = pp_diag_set(diag, PP_ERR_MISSING, path, 0, "the rows to skip: %s",
                             strerror(errno));
        goto cleanup;
    }
    while (status == PP_OK && getline(&line, &line_cap, in) >= 0)
        status = take_line(skips, &cap, line, ++line_no, path, diag);
    if (status == PP_OK && ferror(in))
        status = pp_diag_set(diag, PP_ERR_READ, path, 0, "the rows to skip: %s",
                             strerror(errno));
    else if (status == PP_OK && !feof(in))   /* getline ran out of memory */
        status = pp_diag_set(diag, PP_ERR_NOMEM, path, 0, NULL);
cleanup:
    free(line);
    if (in != NULL)
        fclose(in);
    return status;
}

void pp_row_skips_free(pp_row_skips *skips)
{
    free(skips->rows);
    memset(skips, 0, sizeof *skips);
}

int pp_row_skips_has(const pp_row_skips *skips, size_t *next, long row)
{
    if (skips == NULL)
        return 0;
    while (*next < skips->n && skips->rows[*next] < row)
        ++*next;
    return *next < skips->n && skips->rows[*next] == row;
}

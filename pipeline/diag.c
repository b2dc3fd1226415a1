/* diag.c: the message table and exit statuses for pp_error, and the
 * one-line diagnostic printer. */
#include "diag.h"

#include <stdarg.h>
#include <string.h>
#include <sysexits.h>

static const struct {
    const char *message;
    int exit_status;
} error_table[PP_ERR_COUNT] = {
    [PP_OK]           = {"no error", EX_OK},
    [PP_ERR_NOMEM]    = {"out of memory", EX_SOFTWARE},
    [PP_ERR_INTERNAL] = {"internal error (please report it)", EX_SOFTWARE},
    [PP_ERR_USAGE]    = {"wrong command line", EX_USAGE},
    [PP_ERR_MISSING]  = {"cannot open input", EX_NOINPUT},
    [PP_ERR_READ]     = {"cannot read input", EX_IOERR},
    [PP_ERR_WRITE]    = {"cannot write output", EX_CANTCREAT},
    [PP_ERR_GZIP]     = {"the gzip data is damaged or cut short", EX_DATAERR},
    [PP_ERR_CSV]      = {"the file is not valid CSV", EX_DATAERR},
    [PP_ERR_EMPTY]    = {"the export is empty", EX_DATAERR},
    [PP_ERR_HEADER]   = {"the header rows do not look like this layout", EX_DATAERR},
    [PP_ERR_COLUMN]   = {"a column named in the codebook is not in the export", EX_DATAERR},
    [PP_ERR_CODEBOOK] = {"the codebook has a mistake", EX_DATAERR},
    [PP_ERR_RECORDS]  = {"the records stream is malformed", EX_DATAERR},
    [PP_ERR_ROW_LIST] = {"the list of rows to skip is malformed", EX_DATAERR},
    [PP_ERR_ENCODING] = {"not UTF-8", EX_DATAERR},
};

const char *pp_error_message(pp_error code)
{
    if (code < 0 || code >= PP_ERR_COUNT)
        return "unknown error";
    return error_table[code].message;
}

int pp_error_exit_status(pp_error code)
{
    if (code < 0 || code >= PP_ERR_COUNT)
        return EX_SOFTWARE;
    return error_table[code].exit_status;
}

void pp_diag_clear(pp_diag *d)
{
    memset(d, 0, sizeof *d);
}

pp_error pp_diag_set(pp_diag *d, pp_error code, const char *file, long line,
                     const char *fmt, ...)
{
    if (d == NULL || d->code != PP_OK)
        return code;
    d->code = code;
    d->line = line;
    d->column = 0;
    d->column_name[0] = '\0';
    snprintf(d->file, sizeof d->file, "%s", file ? file : "");
    d->detail[0] = '\0';
    if (fmt) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(d->detail, sizeof d->detail, fmt, ap);
        va_end(ap);
    }
    return code;
}

void pp_diag_at_column(pp_diag *d, long column, const char *column_name)
{
    if (d == NULL)
        return;
    d->column = column;
    snprintf(d->column_name, sizeof d->column_name, "%s",
             column_name ? column_name : "");
}

void pp_diag_print(const pp_diag *d, const char *prog, FILE *out)
{
    if (prog && *prog)
        fprintf(out, "%s: ", prog);
    if (d->file[0]) {
        fputs(d->file, out);
        if (d->line > 0)
            fprintf(out, ":%s %ld", d->line_word ? d->line_word : "line", d->line);
        if (d->column > 0) {
            fprintf(out, ", column %ld", d->column);
            if (d->column_name[0])
                fprintf(out, " (%s)", d->column_name);
        }
        fputs(": ", out);
    }
    fputs(pp_error_message(d->code), out);
    if (d->detail[0])
        fprintf(out, ": %s", d->detail);
    fputc('\n', out);
}

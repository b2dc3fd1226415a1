/* rejects.c: the rejects.csv writer of rejects.h. */
#include "rejects.h"

#include <string.h>

#include "csv_formula.h"

static int needs_quotes(const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if (s[i] == ',' || s[i] == '"' || s[i] == '\r' || s[i] == '\n')
            return 1;
    return 0;
}

/* Writes s[0..len) as one CSV field, doubling quotes inside quotes; a
 * field a spreadsheet would run as a formula gets an apostrophe in front
 * (csv_formula.h). */
static void write_field(FILE *out, const char *s, size_t len, int always_quote)
{
    int formula = pp_csv_formula_like(s, len);
    if (!always_quote && !formula && !needs_quotes(s, len)) {
        fwrite(s, 1, len, out);
        return;
    }
    putc('"', out);
    if (formula)
        putc('\'', out);
    for (size_t i = 0; i < len; i++) {
        if (s[i] == '"')
            putc('"', out);
        putc(s[i], out);
    }
    putc('"', out);
}

int pp_rejects_write_header(FILE *out)
{
    fputs("row,id,column,reason,value,expected\n", out);
    return ferror(out) ? -1 : 0;
}

int pp_rejects_write(FILE *out, const pp_reject_line *line)
{
    const char *column = line->column ? line->column : "";
    const char *expected = line->expected ? line->expected : "";
    fprintf(out, "%ld,", line->row);
    write_field(out, line->id, line->id_len, 0);
    putc(',', out);
    write_field(out, column, strlen(column), 1);
    putc(',', out);
    write_field(out, line->reason, strlen(line->reason), 0);
    putc(',', out);
    write_field(out, line->value, line->value_len, 0);
    putc(',', out);
    write_field(out, expected, strlen(expected), 1);
    putc('\n', out);
    return ferror(out) ? -1 : 0;
}

/* rejects.c: the rejects.csv writer of rejects.h. */
#include "rejects.h"

#include <string.h>

#include "csv_field.h"

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
    pp_csv_write_field(out, line->id, line->id_len, 0);
    putc(',', out);
    pp_csv_write_field(out, column, strlen(column), 1);
    putc(',', out);
    pp_csv_write_field(out, line->reason, strlen(line->reason), 0);
    putc(',', out);
    pp_csv_write_field(out, line->value, line->value_len, 0);
    putc(',', out);
    pp_csv_write_field(out, expected, strlen(expected), 1);
    putc('\n', out);
    return ferror(out) ? -1 : 0;
}

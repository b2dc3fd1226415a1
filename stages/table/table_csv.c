/* table_csv.c: a table as RFC 4180 CSV (table_write.h). */
#include "table_write.h"

#include <stdlib.h>
#include <string.h>

#include "text_escape.h"

/* Writes one field, with a comma before it unless it is the first. */
static int put_field(FILE *out, const char *text, bool first)
{
    char *escaped = pp_escape_csv(text);
    if (escaped == NULL)
        return -1;
    fprintf(out, "%s%s", first ? "" : ",", escaped);
    free(escaped);
    return 0;
}

static int put_header(const pp_table *t, FILE *out)
{
    bool first = true;
    for (size_t c = 0; c < t->n_cols; c++) {
        if (!(t->cols[c].where & PP_COL_CSV))
            continue;
        if (put_field(out, t->cols[c].csv_name, first) != 0)
            return -1;
        first = false;
    }
    if (t->csv_note_column && put_field(out, "note", first) != 0)
        return -1;
    fputc('\n', out);
    return 0;
}

/* The row's reasons joined with "; " (a new string). */
static char *joined_reasons(const pp_row *row)
{
    size_t n = 1;
    for (size_t i = 0; i < row->reasons.count; i++)
        n += strlen(row->reasons.items[i]) + 2;
    char *text = malloc(n);
    if (text == NULL)
        return NULL;
    text[0] = '\0';
    for (size_t i = 0; i < row->reasons.count; i++) {
        if (i > 0)
            strcat(text, "; ");
        strcat(text, row->reasons.items[i]);
    }
    return text;
}

static int put_row(const pp_table *t, const pp_row *row, FILE *out)
{
    bool first = true;
    for (size_t c = 0; c < t->n_cols; c++) {
        if (!(t->cols[c].where & PP_COL_CSV))
            continue;
        const pp_cell *cell = &row->cells[c];
        if (put_field(out, cell->kind == PP_CELL_VALUE ? cell->csv : "", first) != 0)
            return -1;
        first = false;
    }
    if (t->csv_note_column) {
        char *note = joined_reasons(row);
        int status = note == NULL ? -1 : put_field(out, note, first);
        free(note);
        if (status != 0)
            return -1;
    }
    fputc('\n', out);
    return 0;
}

int pp_table_write_csv(const pp_table *t, FILE *out)
{
    if (put_header(t, out) != 0)
        return -1;
    for (size_t s = 0; s < t->n_sections; s++)
        for (size_t r = 0; r < t->sections[s].n_rows; r++) {
            const pp_row *row = &t->sections[s].rows[r];
            if (row->heading == NULL && put_row(t, row, out) != 0)
                return -1;
        }
    return 0;
}

/* table_md.c: a table as Markdown, GitHub pipe tables (table_write.h). */
#include "table_write.h"

#include <stdlib.h>

#include "text_escape.h"

/* Writes text escaped for a Markdown table cell or line. */
static int put_text(FILE *out, const char *text)
{
    char *escaped = pp_escape_md(text);
    if (escaped == NULL)
        return -1;
    fputs(escaped, out);
    free(escaped);
    return 0;
}

static int put_cell(FILE *out, const pp_cell *cell)
{
    if (cell->kind == PP_CELL_NULL) {
        fputs(PP_TABLE_NULL_MD, out);
        if (cell->note > 0)
            fprintf(out, " (%zu)", cell->note);
        return 0;
    }
    if (cell->kind == PP_CELL_VALUE) {
        if (cell->figure)
            fputs(cell->shown, out);
        else if (put_text(out, cell->shown) != 0)
            return -1;
        if (cell->small)
            fputs(PP_TABLE_MARK_SMALL_MD, out);
    }
    return 0;
}

static int put_header(const pp_table *t, const size_t *cols, size_t n, FILE *out)
{
    for (size_t i = 0; i < n; i++) {
        fputs("| ", out);
        if (put_text(out, t->cols[cols[i]].title) != 0)
            return -1;
        fputc(' ', out);
    }
    fputs("|\n", out);
    for (size_t i = 0; i < n; i++)
        fputs(t->cols[cols[i]].number ? "|---:" : "|:---", out);
    fputs("|\n", out);
    return 0;
}

static int put_row(const pp_row *row, const size_t *cols, size_t n, FILE *out)
{
    if (row->heading != NULL) {
        fputs("| **", out);
        if (put_text(out, row->heading) != 0)
            return -1;
        fprintf(out, "**%s ", row->heading_small ? PP_TABLE_MARK_SMALL_MD : "");
        for (size_t i = 1; i < n; i++)
            fputs("| ", out);
        fputs("|\n", out);
        return 0;
    }
    for (size_t i = 0; i < n; i++) {
        fputs("| ", out);
        if (put_cell(out, &row->cells[cols[i]]) != 0)
            return -1;
        fputc(' ', out);
    }
    fputs("|\n", out);
    return 0;
}

static int put_section(const pp_table *t, size_t s, size_t *cols, FILE *out)
{
    const pp_section *sec = &t->sections[s];
    size_t n = pp_table_page_columns(t, s, cols);
    if (sec->caption != NULL) {
        fputs("#### ", out);
        if (put_text(out, sec->caption) != 0)
            return -1;
        fputs("\n\n", out);
    }
    if (put_header(t, cols, n, out) != 0)
        return -1;
    for (size_t r = 0; r < sec->n_rows; r++)
        if (put_row(&sec->rows[r], cols, n, out) != 0)
            return -1;
    fputc('\n', out);
    return 0;
}

/* The legend, the numbered notes and the remarks, as a list. */
static int put_notes(const pp_table *t, FILE *out)
{
    if (t->any_small) {
        fputs("-" PP_TABLE_MARK_SMALL_MD " ", out);
        fprintf(out, PP_TABLE_SMALL_LEGEND "\n", t->min_base);
    }
    for (size_t i = 0; i < t->notes.count; i++) {
        fprintf(out, "- (%zu) ", i + 1);
        if (put_text(out, t->notes.items[i]) != 0)
            return -1;
        fputc('\n', out);
    }
    for (size_t i = 0; i < t->remarks.count; i++) {
        fputs("- ", out);
        if (put_text(out, t->remarks.items[i]) != 0)
            return -1;
        fputc('\n', out);
    }
    return 0;
}

int pp_table_write_md(const pp_table *t, FILE *out)
{
    size_t *cols = malloc((t->n_cols + 1) * sizeof *cols);
    int status = -1;
    if (cols == NULL)
        goto cleanup;
    fputs("### ", out);
    if (put_text(out, t->caption ? t->caption : "") != 0)
        goto cleanup;
    fputs("\n\n", out);
    for (size_t s = 0; s < t->n_sections; s++)
        if ((t->sections[s].n_rows > 0 || t->n_sections == 1) && put_section(t, s, cols, out) != 0)
            goto cleanup;
    status = put_notes(t, out);
cleanup:
    free(cols);
    return status;
}

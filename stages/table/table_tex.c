/* table_tex.c: a table as a LaTeX fragment with booktabs rules
 * (table_write.h). Every label goes through pp_escape_tex. */
#include "table_write.h"

#include <stdlib.h>

#include "text_escape.h"

#define MARK_SMALL_TEX "\\textsuperscript{\\dag}"

static int put_text(FILE *out, const char *text)
{
    char *escaped = pp_escape_tex(text);
    if (escaped == NULL)
        return -1;
    fputs(escaped, out);
    free(escaped);
    return 0;
}

/* A formatted number: "<" and the minus sign in math mode. */
static void put_figure(FILE *out, const char *text)
{
    for (; *text; text++) {
        if (*text == '<')
            fputs("$<$", out);
        else if (*text == '-')
            fputs("$-$", out);
        else
            fputc(*text, out);
    }
}

static int put_cell(FILE *out, const pp_cell *cell)
{
    if (cell->kind == PP_CELL_NULL) {
        fputs("---", out);
        if (cell->note > 0)
            fprintf(out, " (%zu)", cell->note);
        return 0;
    }
    if (cell->kind == PP_CELL_VALUE) {
        if (cell->figure)
            put_figure(out, cell->shown);
        else if (put_text(out, cell->shown) != 0)
            return -1;
        if (cell->small)
            fputs(MARK_SMALL_TEX, out);
    }
    return 0;
}

static int put_row(const pp_row *row, bool first, const size_t *cols, size_t n, FILE *out)
{
    if (row->heading != NULL) {
        if (!first)
            fputs("\\midrule\n", out);
        fprintf(out, "\\multicolumn{%zu}{l}{\\textbf{", n);
        if (put_text(out, row->heading) != 0)
            return -1;
        fprintf(out, "}%s} \\\\\n", row->heading_small ? MARK_SMALL_TEX : "");
        return 0;
    }
    if (row->rule && !first)
        fputs("\\addlinespace\n", out);
    for (size_t i = 0; i < n; i++) {
        if (i > 0)
            fputs(" & ", out);
        if (put_cell(out, &row->cells[cols[i]]) != 0)
            return -1;
    }
    fputs(" \\\\\n", out);
    return 0;
}

static int put_begin(const pp_table *t, const pp_section *sec, const size_t *cols, size_t n,
                     FILE *out)
{
    fputs("\\begin{table}[htbp]\n\\centering\n\\caption{", out);
    if (put_text(out, t->caption ? t->caption : "") != 0)
        return -1;
    if (sec->caption != NULL) {
        fputs(": ", out);
        if (put_text(out, sec->caption) != 0)
            return -1;
    }
    fputs("}\n\\begin{tabular}{", out);
    for (size_t i = 0; i < n; i++)
        fputc(t->cols[cols[i]].number ? 'r' : 'l', out);
    fputs("}\n\\toprule\n", out);
    for (size_t i = 0; i < n; i++) {
        if (i > 0)
            fputs(" & ", out);
        if (put_text(out, t->cols[cols[i]].title) != 0)
            return -1;
    }
    fputs(" \\\\\n\\midrule\n", out);
    return 0;
}

/* The legend, the numbered notes and the remarks, under the tabular. */
static int put_notes(const pp_table *t, FILE *out)
{
    if (!t->any_small && t->notes.count == 0 && t->remarks.count == 0)
        return 0;
    fputs("\\par\\smallskip\n{\\footnotesize\n", out);
    if (t->any_small)
        fprintf(out, MARK_SMALL_TEX " " PP_TABLE_SMALL_LEGEND "\\par\n", t->min_base);
    for (size_t i = 0; i < t->notes.count; i++) {
        fprintf(out, "(%zu) ", i + 1);
        if (put_text(out, t->notes.items[i]) != 0)
            return -1;
        fputs("\\par\n", out);
    }
    for (size_t i = 0; i < t->remarks.count; i++) {
        if (put_text(out, t->remarks.items[i]) != 0)
            return -1;
        fputs("\\par\n", out);
    }
    fputs("}\n", out);
    return 0;
}

static int put_section(const pp_table *t, size_t s, bool last, size_t *cols, FILE *out)
{
    const pp_section *sec = &t->sections[s];
    size_t n = pp_table_page_columns(t, s, cols);
    if (put_begin(t, sec, cols, n, out) != 0)
        return -1;
    for (size_t r = 0; r < sec->n_rows; r++)
        if (put_row(&sec->rows[r], r == 0, cols, n, out) != 0)
            return -1;
    fputs("\\bottomrule\n\\end{tabular}\n", out);
    if (last && put_notes(t, out) != 0)
        return -1;
    fputs("\\end{table}\n", out);
    return 0;
}

int pp_table_write_tex(const pp_table *t, FILE *out)
{
    size_t *cols = malloc((t->n_cols + 1) * sizeof *cols);
    int status = -1;
    size_t last = 0;
    if (cols == NULL)
        goto cleanup;
    for (size_t s = 0; s < t->n_sections; s++)
        if (t->sections[s].n_rows > 0)
            last = s;
    for (size_t s = 0; s < t->n_sections; s++) {
        if (t->sections[s].n_rows == 0 && s != last)
            continue;
        if (put_section(t, s, s == last, cols, out) != 0)
            goto cleanup;
    }
    status = 0;
cleanup:
    free(cols);
    return status;
}

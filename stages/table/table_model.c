/* table_model.c: building a table (table_model.h). Out of memory is
 * recorded once in t->failed and every later call does nothing. */
#include "table_model.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *vformat(const char *fmt, va_list ap)
{
    va_list again;
    va_copy(again, ap);
    int n = vsnprintf(NULL, 0, fmt, ap);
    char *text = n < 0 ? NULL : malloc((size_t)n + 1);
    if (text != NULL)
        vsnprintf(text, (size_t)n + 1, fmt, again);
    va_end(again);
    return text;
}

static char *format(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static char *format(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *text = vformat(fmt, ap);
    va_end(ap);
    return text;
}

void pp_table_init(pp_table *t, const pp_column *cols, size_t n_cols, long min_base)
{
    memset(t, 0, sizeof *t);
    t->cols = cols;
    t->n_cols = n_cols;
    t->min_base = min_base;
    t->csv_note_column = true;
}

static void free_row(pp_row *row, size_t n_cols)
{
    free(row->heading);
    for (size_t c = 0; row->cells != NULL && c < n_cols; c++) {
        free(row->cells[c].csv);
        free(row->cells[c].shown);
    }
    free(row->cells);
    pp_strings_clear(&row->reasons);
}

void pp_table_free(pp_table *t)
{
    for (size_t s = 0; s < t->n_sections; s++) {
        for (size_t r = 0; r < t->sections[s].n_rows; r++)
            free_row(&t->sections[s].rows[r], t->n_cols);
        free(t->sections[s].rows);
        free(t->sections[s].caption);
    }
    free(t->sections);
    free(t->caption);
    pp_strings_clear(&t->notes);
    pp_strings_clear(&t->remarks);
    memset(t, 0, sizeof *t);
}

void pp_table_caption(pp_table *t, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    free(t->caption);
    t->caption = vformat(fmt, ap);
    va_end(ap);
    if (t->caption == NULL)
        t->failed = true;
}

void pp_table_remark(pp_table *t, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *line = vformat(fmt, ap);
    va_end(ap);
    if (line == NULL || pp_strings_push_str(&t->remarks, line) != 0)
        t->failed = true;
    free(line);
}

void pp_table_section(pp_table *t, const char *caption)
{
    if (t->failed)
        return;
    pp_section *grown = realloc(t->sections, (t->n_sections + 1) * sizeof *grown);
    if (grown == NULL) {
        t->failed = true;
        return;
    }
    t->sections = grown;
    pp_section *s = &t->sections[t->n_sections++];
    memset(s, 0, sizeof *s);
    if (caption != NULL && (s->caption = strdup(caption)) == NULL)
        t->failed = true;
}

/* Appends an empty row to the last section; NULL when out of memory. */
static pp_row *add_row(pp_table *t)
{
    if (t->n_sections == 0)
        pp_table_section(t, NULL);
    if (t->failed)
        return NULL;
    pp_section *s = &t->sections[t->n_sections - 1];
    if (s->n_rows == s->cap_rows) {
        size_t cap = s->cap_rows ? 2 * s->cap_rows : 32;
        pp_row *grown = realloc(s->rows, cap * sizeof *grown);
        if (grown == NULL) {
            t->failed = true;
            return NULL;
        }
        s->rows = grown;
        s->cap_rows = cap;
    }
    pp_row *row = &s->rows[s->n_rows];
    memset(row, 0, sizeof *row);
    if ((row->cells = calloc(t->n_cols, sizeof *row->cells)) == NULL) {
        t->failed = true;
        return NULL;
    }
    s->n_rows++;
    return row;
}

void pp_table_heading(pp_table *t, bool small, const char *fmt, ...)
{
    pp_row *row = add_row(t);
    if (row == NULL)
        return;
    va_list ap;
    va_start(ap, fmt);
    row->heading = vformat(fmt, ap);
    va_end(ap);
    row->heading_small = small;
    row->rule = true;
    t->any_small |= small;
    if (row->heading == NULL)
        t->failed = true;
}

void pp_table_row(pp_table *t, bool rule)
{
    pp_row *row = add_row(t);
    if (row != NULL)
        row->rule = rule;
}

/* The cell at col of the last row, or NULL. */
static pp_cell *last_cell(pp_table *t, size_t col)
{
    if (t->failed || t->n_sections == 0 || col >= t->n_cols)
        return NULL;
    pp_section *s = &t->sections[t->n_sections - 1];
    if (s->n_rows == 0 || s->rows[s->n_rows - 1].heading != NULL)
        return NULL;
    return &s->rows[s->n_rows - 1].cells[col];
}

void pp_table_value(pp_table *t, size_t col, const char *csv, const char *shown, bool small)
{
    pp_cell *cell = last_cell(t, col);
    if (cell == NULL)
        return;
    cell->kind = PP_CELL_VALUE;
    cell->csv = strdup(csv);
    cell->shown = strdup(shown);
    cell->small = small;
    t->any_small |= small;
    if (cell->csv == NULL || cell->shown == NULL)
        t->failed = true;
}

void pp_table_text(pp_table *t, size_t col, const char *csv, const char *shown)
{
    pp_table_value(t, col, csv, shown, false);
}

void pp_table_figure(pp_table *t, size_t col, const char *csv, const char *shown, bool small)
{
    pp_table_value(t, col, csv, shown, small);
    pp_cell *cell = last_cell(t, col);
    if (cell != NULL)
        cell->figure = true;
}

void pp_table_null(pp_table *t, size_t col, const char *reason)
{
    pp_cell *cell = last_cell(t, col);
    if (cell == NULL)
        return;
    cell->kind = PP_CELL_NULL;
    if (reason == NULL)
        return;
    long at = pp_strings_index(&t->notes, reason);
    if (at < 0 && pp_strings_push_str(&t->notes, reason) != 0) {
        t->failed = true;
        return;
    }
    cell->note = at < 0 ? t->notes.count : (size_t)at + 1;
    if (!(t->cols[col].where & PP_COL_CSV))
        return;
    pp_section *s = &t->sections[t->n_sections - 1];
    pp_row *row = &s->rows[s->n_rows - 1];
    char *named = format("%s: %s", t->cols[col].csv_name, reason); /* the CSV note */
    if (named == NULL) {
        t->failed = true;
        return;
    }
    if (pp_strings_index(&row->reasons, named) < 0 && pp_strings_push_str(&row->reasons, named) != 0)
        t->failed = true;
    free(named);
}

bool pp_table_column_used(const pp_table *t, size_t s, size_t col)
{
    const pp_section *sec = &t->sections[s];
    for (size_t r = 0; r < sec->n_rows; r++)
        if (sec->rows[r].heading == NULL && sec->rows[r].cells[col].kind != PP_CELL_BLANK)
            return true;
    return false;
}

size_t pp_table_page_columns(const pp_table *t, size_t s, size_t *cols)
{
    size_t n = 0;
    for (size_t c = 0; c < t->n_cols; c++)
        if ((t->cols[c].where & PP_COL_PAGE) && pp_table_column_used(t, s, c))
            cols[n++] = c;
    for (size_t c = 0; n == 0 && c < t->n_cols; c++)
        if (t->cols[c].where & PP_COL_PAGE)
            cols[n++] = c;
    return n;
}

/* table_model.h: a table built once from results.json and written three
 * ways (table_csv.c, table_md.c, table_tex.c). A table has columns, each
 * shown in CSV, on the page (Markdown and LaTeX) or both, and one or more
 * sections of rows. CSV writes every section's rows under one header, so
 * every CSV row has the same columns; the page writes each section as its
 * own table and leaves out a column no row of that section fills.
 *
 * A cell holds two texts: the CSV one (full precision) and the page one
 * (rounded). A statistic that results.json leaves null is an empty CSV
 * cell and a "—" on the page, with its reason as a numbered note. A block
 * heading row (a segment level and its base) is shown on the page only;
 * CSV repeats the segment, level and base on each row instead. */
#ifndef PREPOST_TABLE_MODEL_H
#define PREPOST_TABLE_MODEL_H

#include <stdbool.h>
#include <stddef.h>

#include "strlist.h"

typedef enum { PP_CELL_BLANK, PP_CELL_VALUE, PP_CELL_NULL } pp_cell_kind;

typedef struct {
    pp_cell_kind kind;
    char *csv;          /* VALUE: text for CSV */
    char *shown;        /* VALUE: text for the page (plain; writers escape it) */
    size_t note;        /* 1-based note for a NULL cell; 0 none */
    bool small;         /* VALUE: show the small-base marker after it */
    bool figure;        /* VALUE: a number we formatted (digits, sign, point,
                           "[a, b]", "< 0.001"): written without escaping */
} pp_cell;

enum { PP_COL_CSV = 1, PP_COL_PAGE = 2, PP_COL_BOTH = 3 };

typedef struct {
    const char *csv_name;   /* CSV header */
    const char *title;      /* page header */
    int where;              /* PP_COL_* */
    bool number;            /* right-aligned on the page */
} pp_column;

typedef struct {
    char *heading;          /* a block heading (page only); cells unused */
    bool heading_small;     /* the heading's base is under min_base */
    bool rule;              /* a rule above this row on the page */
    pp_cell *cells;         /* n_cols */
    pp_strings reasons;     /* why this row's null cells are null (CSV note) */
} pp_row;

typedef struct {
    char *caption;          /* NULL: the table's caption alone */
    pp_row *rows;
    size_t n_rows, cap_rows;
} pp_section;

typedef struct {
    char *caption;
    const pp_column *cols;
    size_t n_cols;
    bool csv_note_column;   /* CSV ends with a "note" column */
    pp_section *sections;
    size_t n_sections;
    pp_strings notes;       /* numbered notes: reasons a value is missing */
    pp_strings remarks;     /* unnumbered lines under the table */
    long min_base;          /* for the small-base legend */
    bool any_small;
    bool failed;            /* out of memory somewhere: checked at the end */
} pp_table;

/* The small-base legend line, without the marker. */
#define PP_TABLE_SMALL_LEGEND "base under %ld: too small to conclude from"

void pp_table_init(pp_table *t, const pp_column *cols, size_t n_cols, long min_base);
void pp_table_free(pp_table *t);
void pp_table_caption(pp_table *t, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void pp_table_remark(pp_table *t, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Starts a section (caption may be NULL); rows go to the last section. */
void pp_table_section(pp_table *t, const char *caption);
/* Adds a block heading row, or an empty row of cells (rule: rule above). */
void pp_table_heading(pp_table *t, bool small, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
void pp_table_row(pp_table *t, bool rule);

/* Cells of the last row, by column index. */
void pp_table_text(pp_table *t, size_t col, const char *csv, const char *shown);
/* A formatted number (see pp_cell.figure). */
void pp_table_figure(pp_table *t, size_t col, const char *csv, const char *shown, bool small);
void pp_table_value(pp_table *t, size_t col, const char *csv, const char *shown, bool small);
/* A missing value; reason (may be NULL) becomes a numbered note. */
void pp_table_null(pp_table *t, size_t col, const char *reason);

/* 1 if column col has a non-blank cell in section s. */
bool pp_table_column_used(const pp_table *t, size_t s, size_t col);
/* The page columns section s shows (those it fills; all page columns when
 * it fills none), as indices into cols[t->n_cols]. Returns how many. */
size_t pp_table_page_columns(const pp_table *t, size_t s, size_t *cols);

#endif

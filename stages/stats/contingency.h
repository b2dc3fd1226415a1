/* contingency.h: a segments x levels table of counts with its margins, after
 * dropping the segments nobody in which answered and the levels nobody
 * chose (R's tests need every margin positive). */
#ifndef PREPOST_CONTINGENCY_H
#define PREPOST_CONTINGENCY_H

typedef struct {
    int rows;               /* segments with at least one answer */
    int cols;               /* levels somebody chose */
    long *cells;            /* rows x cols, row-major */
    long *row_sums;         /* [rows] */
    long *col_sums;         /* [cols] */
    long total;
} pp_table;

/* Builds the table from counts[n_rows * n_cols] (row-major). Returns 0,
 * -1 when a count is negative, or -2 when memory ran out (out is then
 * empty and needs no free). */
int pp_table_compact(const long *counts, int n_rows, int n_cols, pp_table *out);
void pp_table_free(pp_table *t);

static inline long pp_table_cell(const pp_table *t, int row, int col)
{
    return t->cells[(long)row * t->cols + col];
}

#endif

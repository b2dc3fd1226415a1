/* contingency.c: compacts a segments x levels table of counts, dropping
 * all-zero rows and columns as fisher.test does before simulating and as
 * SPEC §5 asks of every between-segment test. */
#include "contingency.h"

#include <stdbool.h>
#include <stdlib.h>

static long row_sum(const long *counts, int n_cols, int row)
{
    long sum = 0;
    for (int j = 0; j < n_cols; j++)
        sum += counts[(long)row * n_cols + j];
    return sum;
}

static long col_sum(const long *counts, int n_rows, int n_cols, int col)
{
    long sum = 0;
    for (int i = 0; i < n_rows; i++)
        sum += counts[(long)i * n_cols + col];
    return sum;
}

static bool any_negative(const long *counts, long n)
{
    for (long i = 0; i < n; i++)
        if (counts[i] < 0)
            return true;
    return false;
}

int pp_table_compact(const long *counts, int n_rows, int n_cols, pp_table *out)
{
    *out = (pp_table){ 0 };
    if (n_rows < 0 || n_cols < 0 || any_negative(counts, (long)n_rows * n_cols))
        return -1;
    int rows = 0, cols = 0;
    for (int i = 0; i < n_rows; i++)
        rows += row_sum(counts, n_cols, i) > 0;
    for (int j = 0; j < n_cols; j++)
        cols += col_sum(counts, n_rows, n_cols, j) > 0;

    pp_table t = { .rows = rows, .cols = cols };
    t.cells = malloc(sizeof *t.cells * ((size_t)rows * cols + 1));
    t.row_sums = calloc((size_t)rows + 1, sizeof *t.row_sums);
    t.col_sums = calloc((size_t)cols + 1, sizeof *t.col_sums);
    if (!t.cells || !t.row_sums || !t.col_sums) {
        pp_table_free(&t);
        return -2;
    }
    int r = 0;
    for (int i = 0; i < n_rows; i++) {
        if (row_sum(counts, n_cols, i) == 0)
            continue;
        int c = 0;
        for (int j = 0; j < n_cols; j++) {
            if (col_sum(counts, n_rows, n_cols, j) == 0)
                continue;
            long x = counts[(long)i * n_cols + j];
            t.cells[(long)r * cols + c] = x;
            t.row_sums[r] += x;
            t.col_sums[c] += x;
            t.total += x;
            c++;
        }
        r++;
    }
    *out = t;
    return 0;
}

void pp_table_free(pp_table *t)
{
    free(t->cells);
    free(t->row_sums);
    free(t->col_sums);
    *t = (pp_table){ 0 };
}

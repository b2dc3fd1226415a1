/* random_table.h: random two-way tables with given margins, drawn from the
 * distribution they have under independence (what R's r2dtable draws). */
#ifndef PREPOST_RANDOM_TABLE_H
#define PREPOST_RANDOM_TABLE_H

#include <gsl/gsl_rng.h>

/* log_factorial[i] = log(i!) for i = 0..total. Returns a malloc'd table or
 * NULL when memory ran out. */
double *pp_log_factorials(long total);

/* Fills cells[rows * cols] (row-major) with one random table whose row and
 * column sums are the given ones (both summing to the same total).
 * col_left[cols] is scratch space. log_factorial covers 0..total. */
void pp_random_table(gsl_rng *rng, int rows, int cols,
                     const long *row_sums, const long *col_sums,
                     const double *log_factorial, long *col_left, long *cells);

#endif

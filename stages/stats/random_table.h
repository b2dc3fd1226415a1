/* random_table.h: random two-way tables with given margins, drawn from the
 * distribution they have under independence (what R's r2dtable draws). */
#ifndef PREPOST_RANDOM_TABLE_H
#define PREPOST_RANDOM_TABLE_H

#include <gsl/gsl_rng.h>

/* log(x!) for x >= 0: from a table built once per process (and safe to
 * reach from several threads) below PP_LOG_FACTORIAL_TABLE, by Stirling's
 * series above it. */
#define PP_LOG_FACTORIAL_TABLE 262144
double pp_log_factorial(long x);
/* The table itself (log(x!) for x < PP_LOG_FACTORIAL_TABLE), or NULL when
 * memory ran out. */
const double *pp_log_factorial_table(void);

/* Fills cells[rows * cols] (row-major) with one random table whose row and
 * column sums are the given ones (both summing to the same total).
 * col_left[cols] is scratch space; lf is pp_log_factorial_table(). Each
 * cell costs O(1) expected time whatever the counts. */
void pp_random_table(gsl_rng *rng, int rows, int cols,
                     const long *row_sums, const long *col_sums,
                     const double *lf, long *col_left, long *cells);

#endif

/* midranks.c: midranks and the tie correction term from counts per level,
 * in O(K): the t answers of a level after `before` lower answers hold ranks
 * before+1 .. before+t, whose mean is before + (t + 1) / 2. */
#include "midranks.h"

void pp_midranks(const double *level_totals, int n_levels, double *midrank)
{
    double before = 0;
    for (int k = 0; k < n_levels; k++) {
        midrank[k] = before + (level_totals[k] + 1) / 2;
        before += level_totals[k];
    }
}

double pp_tie_term(const double *level_totals, int n_levels)
{
    double sum = 0;
    for (int k = 0; k < n_levels; k++) {
        double t = level_totals[k];
        sum += t * t * t - t;
    }
    return sum;
}

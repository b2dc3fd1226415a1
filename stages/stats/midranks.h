/* midranks.h: ranks of ordinal answers given as counts per level, where the
 * answers of one level are tied and share the mean of their ranks (R's
 * rank(), ties.method = "average"). */
#ifndef PREPOST_MIDRANKS_H
#define PREPOST_MIDRANKS_H

/* midrank[k] = rank shared by every answer in level k, given how many
 * answers each level holds over all groups (level_totals[K]). */
void pp_midranks(const double *level_totals, int n_levels, double *midrank);

/* sum over levels of t^3 - t: the tie term of rank-test variances. */
double pp_tie_term(const double *level_totals, int n_levels);

#endif

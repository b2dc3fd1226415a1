/* fisher_mc.h: Fisher's exact test for an r x c table by Monte Carlo, as
 * fisher.test(tab, simulate.p.value = TRUE, B) does it, with a seeded RNG so
 * the same table and seed give the same p-value. */
#ifndef PREPOST_FISHER_MC_H
#define PREPOST_FISHER_MC_H

#include <stdbool.h>

#include "contingency.h"

#define PP_FISHER_MC_REPLICATES 2000

typedef struct {
    bool available;
    const char *reason;
    double statistic;       /* -sum(log(cell!)) of the observed table */
    long replicates;        /* B */
    double p;               /* (1 + #{simulated <= observed}) / (B + 1) */
} pp_fisher_mc;

/* The table must be compacted, with 2 or more rows and columns. */
pp_fisher_mc pp_fisher_monte_carlo(const pp_table *t, long replicates,
                                   unsigned long seed);

#endif

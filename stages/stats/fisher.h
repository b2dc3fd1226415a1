/* fisher.h: Fisher's exact test for a 2 x 2 table (fisher.test(tab)$p.value,
 * two-sided). */
#ifndef PREPOST_FISHER_H
#define PREPOST_FISHER_H

#include "contingency.h"

/* Two-sided p-value of a compacted 2 x 2 table; returns -1 if the table is
 * not 2 x 2. */
double pp_fisher_exact_2x2(const pp_table *t);

#endif

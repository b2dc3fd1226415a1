/* holm.h: Holm's step-down adjustment of a list of p-values for multiple
 * comparisons (p.adjust(p, method = "holm")). */
#ifndef PREPOST_HOLM_H
#define PREPOST_HOLM_H

#include <stdbool.h>
#include <stddef.h>

/* adjusted[i] = Holm-adjusted p[i] over the p-values whose available[i] is
 * true (the others are skipped, as R skips NA, and copied through
 * unchanged: they stay not available). adjusted may be p. Returns 0, or -1
 * when memory ran out (adjusted untouched). */
int pp_holm_adjust(size_t n, const double *p, const bool *available,
                   double *adjusted);

#endif

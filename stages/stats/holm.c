/* holm.c: Holm's adjustment, as R's p.adjust(p, "holm") with NA entries
 * left out: sort the m available p-values ascending, multiply the i-th
 * smallest by (m - i + 1), carry the running maximum forward so the order
 * is kept, cap at 1. Ties keep their input order (R's order() is stable),
 * which the running maximum makes irrelevant to the values anyway. */
#include "holm.h"

#include <stdlib.h>

typedef struct {
    double p;
    size_t index;
} indexed_p;

static int by_p_then_index(const void *a, const void *b)
{
    const indexed_p *x = a, *y = b;
    if (x->p != y->p)
        return x->p < y->p ? -1 : 1;
    return (x->index > y->index) - (x->index < y->index);
}

int pp_holm_adjust(size_t n, const double *p, const bool *available,
                   double *adjusted)
{
    indexed_p *sorted = malloc(sizeof *sorted * (n ? n : 1));
    if (sorted == NULL)
        return -1;
    size_t m = 0;
    for (size_t i = 0; i < n; i++)
        if (available[i])
            sorted[m++] = (indexed_p){ p[i], i };
    qsort(sorted, m, sizeof *sorted, by_p_then_index);

    for (size_t i = 0; i < n; i++)
        adjusted[i] = p[i];
    double running_max = 0;
    for (size_t i = 0; i < m; i++) {
        double scaled = (double)(m - i) * sorted[i].p;
        if (scaled > running_max)
            running_max = scaled;
        adjusted[sorted[i].index] = running_max < 1 ? running_max : 1;
    }
    free(sorted);
    return 0;
}

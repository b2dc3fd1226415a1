/* paired_table.c: the checks every paired statistic makes before it reads a
 * before x after table of counts (paired.h). */
#include <stddef.h>

#include "paired.h"

const char *pp_paired_table_problem(const pp_paired_table *t)
{
    if (t == NULL || t->k < 1 || t->count == NULL)
        return "no levels";
    for (size_t i = 0; i < (size_t)t->k * (size_t)t->k; i++)
        if (t->count[i] < 0)
            return "a negative count";
    return NULL;
}

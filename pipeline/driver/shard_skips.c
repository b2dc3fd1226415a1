/* shard_skips.c: a shard's rows to pass over, written for ingest
 * (shard_skips.h). */
#include "shard_skips.h"

#include <stdio.h>
#include <stdlib.h>

int pp_shard_skips_add(pp_shard_skips *skips, long row)
{
    if (skips->n == skips->cap) {
        size_t cap = skips->cap ? 2 * skips->cap : 64;
        long *grown = realloc(skips->rows, cap * sizeof *grown);
        if (grown == NULL)
            return -1;
        skips->rows = grown;
        skips->cap = cap;
    }
    skips->rows[skips->n++] = row;
    return 0;
}

static int ascending(const void *a, const void *b)
{
    long x = *(const long *)a, y = *(const long *)b;
    return (x > y) - (x < y);
}

int pp_shard_skips_write(pp_shard_skips *skips, const char *path)
{
    qsort(skips->rows, skips->n, sizeof *skips->rows, ascending);
    FILE *out = fopen(path, "w");
    if (out == NULL)
        return -1;
    for (size_t i = 0; i < skips->n; i++)
        fprintf(out, "%ld\n", skips->rows[i]);
    int failed = ferror(out);
    return fclose(out) != 0 || failed ? -1 : 0;
}

void pp_shard_skips_free(pp_shard_skips *skips)
{
    free(skips->rows);
    skips->rows = NULL;
    skips->n = skips->cap = 0;
}

/* init_pairs.c: the before and after columns of one export that ask one
 * question, paired for a draft's `[paired]` items (pp_init_pair_columns in
 * init_items.h). A column is paired with the first column of the other
 * wave whose name, without its wave word ("before", "after"), is the same,
 * on the same scale and not paired yet; whichever of the two comes first
 * in the export. Each column's name is cut once, so an export of
 * thousands of ratings is paired in one pass over pairs of names. */
#include <stdlib.h>
#include <string.h>

#include "init_items.h"
#include "init_words.h"

typedef struct {
    char **stems;               /* per column: its name without its wave word */
    int *waves;                 /* per column: 1 before, 2 after, 0 neither */
} cut_names;

static void cut_free(cut_names *cut, size_t n)
{
    for (size_t i = 0; cut->stems != NULL && i < n; i++)
        free(cut->stems[i]);
    free(cut->stems);
    free(cut->waves);
}

/* The after column paired with before column i, or -1. */
static long partner(const pp_init_draft *d, const cut_names *cut, size_t i)
{
    for (size_t j = 0; j < d->p->n_cols; j++)
        if (cut->waves[j] == 2 && d->pair_of[j] < 0 && d->r.scale_of[j] == d->r.scale_of[i]
            && strcmp(cut->stems[j], cut->stems[i]) == 0)
            return (long)j;
    return -1;
}

int pp_init_pair_columns(pp_init_draft *d)
{
    size_t n = d->p->n_cols;
    cut_names cut = {calloc(n + 1, sizeof *cut.stems), calloc(n + 1, sizeof *cut.waves)};
    int status = -1;
    d->before = calloc(n + 1, 1);
    if (cut.stems == NULL || cut.waves == NULL || d->before == NULL)
        goto cleanup;
    for (size_t i = 0; i < n; i++) {
        d->pair_of[i] = -1;
        int wave = 0;
        if (d->wave != NULL || d->r.roles[i] != PP_ROLE_RATING)
            continue;                   /* a panel pairs across its waves */
        cut.stems[i] = pp_init_column_stem(&d->p->cols[i], &wave);
        if (cut.stems[i] == NULL && wave != 0)
            goto cleanup;               /* out of memory */
        cut.waves[i] = cut.stems[i] != NULL ? wave : 0;
    }
    for (size_t i = 0; i < n; i++) {
        long j = cut.waves[i] == 1 ? partner(d, &cut, i) : -1;
        if (j >= 0)
            d->pair_of[i] = j, d->pair_of[j] = (long)i, d->before[i] = 1;
    }
    status = 0;
cleanup:
    cut_free(&cut, n);
    return status;
}

/* plot_split.c: sharing the charts among gnuplots (plot_split.h). */
#include "plot_split.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* What a chart costs gnuplot besides its data, in bytes of script:
 * setting up and writing its two files take about as long as 2 KB of data. */
enum { CHART_COST = 2048 };

typedef struct {
    size_t cost, index;
} part;

static int costliest_first(const void *a, const void *b)
{
    const part *x = a, *y = b;
    if (x->cost != y->cost)
        return x->cost > y->cost ? -1 : 1;
    return x->index < y->index ? -1 : x->index > y->index;
}

/* share[i]: which of the `shares` scripts draws chart i. 0, or -1 on out
 * of memory. */
static int deal(size_t *share, const size_t *starts, size_t n, size_t shares)
{
    part *parts = calloc(n, sizeof *parts);
    size_t *load = calloc(shares, sizeof *load);
    int status = parts != NULL && load != NULL ? 0 : -1;
    for (size_t i = 0; status == 0 && i < n; i++)
        parts[i] = (part){CHART_COST + starts[i + 1] - starts[i], i};
    if (status == 0)
        qsort(parts, n, sizeof *parts, costliest_first);
    for (size_t i = 0; status == 0 && i < n; i++) {
        size_t least = 0;
        for (size_t s = 1; s < shares; s++)
            least = load[s] < load[least] ? s : least;
        share[parts[i].index] = least;
        load[least] += parts[i].cost;
    }
    free(parts);
    free(load);
    return status;
}

/* Writes share s's script. 0, or -1 on out of memory. */
static int write_share(plot_script *script, size_t s, const size_t *share, const char *text,
                       const size_t *starts, size_t n)
{
    FILE *out = open_memstream(&script->text, &script->length);
    size_t count = 0;
    if (out == NULL)
        return -1;
    for (size_t i = 0; i < n; i++)
        count += share[i] == s;
    fprintf(out, "# prepost-plot: %zu charts, each drawn by a template in plots/\n", count);
    for (size_t i = 0; i < n; i++)
        if (share[i] == s)
            fwrite(text + starts[i], 1, starts[i + 1] - starts[i], out);
    fprintf(out, "exit\n");
    int failed = ferror(out) != 0;
    return fclose(out) != 0 || failed ? -1 : 0;
}

pp_error plot_split(plot_scripts *out, const char *text, const size_t *starts, size_t n,
                    size_t jobs, pp_diag *diag)
{
    size_t shares = jobs < n ? jobs : n;
    size_t *share = calloc(n, sizeof *share);
    memset(out, 0, sizeof *out);
    if ((out->scripts = calloc(shares, sizeof *out->scripts)) != NULL)
        out->count = shares;
    if (share == NULL || out->scripts == NULL || deal(share, starts, n, shares) != 0)
        goto cleanup;
    for (size_t s = 0; s < shares; s++)
        if (write_share(&out->scripts[s], s, share, text, starts, n) != 0)
            goto cleanup;
    free(share);
    return PP_OK;

cleanup:
    free(share);
    plot_scripts_free(out);
    return pp_diag_set(diag, PP_ERR_NOMEM, NULL, 0, NULL);
}

void plot_scripts_free(plot_scripts *scripts)
{
    for (size_t s = 0; s < scripts->count; s++)
        free(scripts->scripts[s].text);
    free(scripts->scripts);
    memset(scripts, 0, sizeof *scripts);
}

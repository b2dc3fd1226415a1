/* plot_rows_sort.c: a battery's bars in order of net positive share
 * (plot_rows_sort in plot_rows.h). */
#include <stdlib.h>
#include <string.h>

#include "plot_rows.h"

typedef struct {
    size_t item;
    double net;
} item_net;

static double net_share(const plot_row *row, const pp_scale *s, double centre)
{
    double net = 0;
    for (size_t k = 0; k < s->levels.count; k++) {
        double level = (double)(k + 1);
        net += level > centre ? row->share[k] : level < centre ? -row->share[k] : 0;
    }
    return net;
}

static int by_net(const void *a, const void *b)
{
    const item_net *x = a, *y = b;
    if (x->net != y->net)
        return x->net > y->net ? -1 : 1;
    return x->item < y->item ? -1 : x->item > y->item;
}

void plot_rows_sort(plot_rows *rows, const pp_scale *scale, double centre)
{
    size_t n_items = 0;
    for (size_t i = 0; i < rows->count; i++)
        n_items = rows->rows[i].item + 1 > n_items ? rows->rows[i].item + 1 : n_items;
    item_net *order = calloc(n_items + 1, sizeof *order);
    plot_row *sorted = calloc(rows->count + 1, sizeof *sorted);
    if (order == NULL || sorted == NULL)
        goto cleanup;                   /* out of memory: left as written */
    for (size_t i = 0; i < rows->count; i++) {  /* an item's last bar wins */
        order[rows->rows[i].item].item = rows->rows[i].item;
        order[rows->rows[i].item].net = net_share(&rows->rows[i], scale, centre);
    }
    qsort(order, n_items, sizeof *order, by_net);
    size_t at = 0;
    for (size_t j = 0; j < n_items; j++)
        for (size_t i = 0; i < rows->count; i++)
            if (rows->rows[i].item == order[j].item)
                sorted[at++] = rows->rows[i];
    memcpy(rows->rows, sorted, rows->count * sizeof *sorted);

cleanup:
    free(order);
    free(sorted);
}

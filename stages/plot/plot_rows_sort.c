/* plot_rows_sort.c: a battery's bars in order of net positive share, and
 * in the order of another chart's items (plot_rows_sort, plot_rows_items
 * and plot_rows_arrange in plot_rows.h). */
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

void plot_rows_items(const plot_rows *rows, size_t *order, size_t n_items)
{
    size_t at = 0;
    for (size_t i = 0; i < rows->count && at < n_items; i++)
        if (i == 0 || rows->rows[i].item != rows->rows[i - 1].item)
            order[at++] = rows->rows[i].item;
}

int plot_rows_arrange(plot_rows *rows, const size_t *order, size_t n_items)
{
    plot_row *arranged = calloc(rows->count + 1, sizeof *arranged);
    if (arranged == NULL)
        return -1;
    size_t at = 0;
    for (size_t j = 0; j < n_items; j++)
        for (size_t i = 0; i < rows->count; i++)
            if (rows->rows[i].item == order[j])
                arranged[at++] = rows->rows[i];
    if (at == rows->count)
        memcpy(rows->rows, arranged, rows->count * sizeof *arranged);
    free(arranged);
    return at == rows->count ? 0 : -1;
}

void plot_rows_sort(plot_rows *rows, const pp_scale *scale, double centre)
{
    size_t n_items = 0;
    for (size_t i = 0; i < rows->count; i++)
        n_items = rows->rows[i].item + 1 > n_items ? rows->rows[i].item + 1 : n_items;
    item_net *nets = calloc(n_items + 1, sizeof *nets);
    size_t *order = calloc(n_items + 1, sizeof *order);
    if (nets == NULL || order == NULL)
        goto cleanup;                   /* out of memory: left as written */
    for (size_t i = 0; i < rows->count; i++) {  /* an item's last bar wins */
        nets[rows->rows[i].item].item = rows->rows[i].item;
        nets[rows->rows[i].item].net = net_share(&rows->rows[i], scale, centre);
    }
    qsort(nets, n_items, sizeof *nets, by_net);
    for (size_t j = 0; j < n_items; j++)
        order[j] = nets[j].item;
    plot_rows_arrange(rows, order, n_items);

cleanup:
    free(nets);
    free(order);
}

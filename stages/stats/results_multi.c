/* results_multi.c: the results of a tick-all-that-apply item in one slot
 * (SPEC §5): per option the count and % of respondents asked, with a
 * Wilson 95% interval. */
#include <stdlib.h>

#include "multi_option.h"
#include "results.h"

void pp_results_multi(pp_results *r, size_t item, size_t slot)
{
    const pp_item_counts *ic = &r->view->items[item];
    const uint64_t *raw = ic->by_slot[slot];
    size_t n_options = ic->width - 1;
    long asked = raw ? (long)raw[0] : 0;
    long *chosen = calloc(n_options + 1, sizeof *chosen);
    pp_share *shares = calloc(n_options + 1, sizeof *shares);
    if (chosen == NULL || shares == NULL) {
        r->out_of_memory = true;
        goto cleanup;
    }
    for (size_t o = 0; raw && o < n_options; o++)
        chosen[o] = (long)raw[o + 1];
    pp_multi_option_shares(chosen, (int)n_options, asked, shares);
    pp_results_count(r, "respondents", asked);
    pp_json_key(&r->json, "counts");
    pp_json_begin_array(&r->json);
    for (size_t o = 0; o < n_options; o++)
        pp_json_integer(&r->json, chosen[o]);
    pp_json_end_array(&r->json);
    pp_results_shares(r, "pct", shares, n_options);
    if (asked == 0)
        pp_results_note(r, "pct", "nobody in this group was asked");
cleanup:
    free(chosen);
    free(shares);
}

/* multi_option.c: per-option share of respondents for a multi-select item,
 * 100 * chosen / respondents with prop.test(chosen, respondents,
 * correct = FALSE)$conf.int; each option is its own proportion, so the
 * interval is the plain Wilson interval (wilson.c). */
#include "multi_option.h"

void pp_multi_option_shares(const long *chosen, int n_options, long respondents,
                            pp_share *shares)
{
    for (int i = 0; i < n_options; i++)
        shares[i] = pp_share_of(chosen[i], respondents);
}

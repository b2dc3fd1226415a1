/* multi_option.h: a tick-all-that-apply item in one segment: for each
 * option, how many respondents chose it and what share of respondents that
 * is, with a Wilson 95% interval (SPEC §5). */
#ifndef PREPOST_MULTI_OPTION_H
#define PREPOST_MULTI_OPTION_H

#include "wilson.h"

/* shares[i] = chosen[i] out of `respondents` (those who were asked and
 * answered the item). Options can add up to more than 100%. An option is
 * not available when respondents = 0 or its count is outside 0..respondents. */
void pp_multi_option_shares(const long *chosen, int n_options, long respondents,
                            pp_share *shares);

#endif

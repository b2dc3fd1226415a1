/* single_item.h: the summary of one `single` item in one segment (SPEC §5):
 * base, share of each level with a Wilson interval, top / middle / bottom
 * shares, missing shares, mean and median code. */
#ifndef PREPOST_SINGLE_ITEM_H
#define PREPOST_SINGLE_ITEM_H

#include <stdbool.h>

#include "wilson.h"

/* The counts of one item in one segment, as a tally holds them. */
typedef struct {
    int n_levels;                   /* K: codes 1..K, worst to best */
    const long *counts;             /* [K] answers per code */
    const unsigned char *is_top;    /* [K] nonzero: level in `top` */
    const unsigned char *is_bottom; /* [K] nonzero: level in `bottom` */
    int n_missing_levels;           /* M (may be 0) */
    const long *missing_counts;     /* [M] answers per missing label */
} pp_single_counts;

typedef struct {
    /* n > 0: everything below except the missing shares. */
    bool available;
    const char *reason;             /* why not, when !available */
    long n;                         /* substantive answers */
    long answered;                  /* n + every missing answer */
    double positive;                /* % of n in top levels */
    double neutral;                 /* % of n in neither top nor bottom */
    double negative;                /* % of n in bottom levels */
    double mean;                    /* mean code */
    double median;                  /* median code; with an even n it is the
                                       mean of the two middle codes, as R's
                                       median(), so it can end in .5 */
    /* answered > 0: share of all who answered that gave any missing label. */
    bool missing_available;
    double missing;                 /* % of answered */
} pp_single_summary;

/* Fills level_shares[K] (pct of n, Wilson 95% interval) and
 * missing_shares[M] (pct of answered, each missing label apart; either may
 * be NULL when not wanted) and returns the summary. Invalid input (K < 1,
 * a negative count, NULL counts) gives a summary that is not available. */
pp_single_summary pp_single_item_summary(const pp_single_counts *item,
                                         pp_share *level_shares,
                                         pp_share *missing_shares);

#endif

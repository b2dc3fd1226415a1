/* wilson.h: Wilson score interval for one proportion, and a "share" (count
 * out of a base, as a percentage with its interval) built on it. */
#ifndef PREPOST_WILSON_H
#define PREPOST_WILSON_H

#include <stdbool.h>

/* Proportions on 0..1. Not available when trials = 0 or the counts are
 * impossible (negative, or successes > trials). */
typedef struct {
    bool available;
    const char *reason;     /* why not, when !available; NULL otherwise */
    double estimate;        /* successes / trials */
    double lower, upper;
} pp_wilson;

/* prop.test(successes, trials, conf.level = confidence, correct = FALSE)
 * $conf.int; confidence in (0, 1), e.g. 0.95. */
pp_wilson pp_wilson_interval(long successes, long trials, double confidence);

/* A count out of a base, in percent (0..100), with the Wilson 95% interval
 * in percent. */
typedef struct {
    bool available;
    const char *reason;
    long count;
    long base;
    double pct, pct_lower, pct_upper;
} pp_share;

pp_share pp_share_of(long count, long base);

#endif

/* paired_bootstrap.c: a percentile bootstrap 95% interval for the mean
 * shift (after - before), resampled from the table, not the respondents.
 *
 * Resampling n pairs with replacement from the respondents is the same as
 * one multinomial draw of n over the table's cells with probabilities
 * count/n, so each replicate costs O(k^2) whatever n is. The rng is GSL's
 * mt19937 seeded with the codebook's seed; only the cells somebody is in
 * take part, so the same pairs give the same bytes however many empty
 * levels the scale has. The limits are quantiles of the B replicate means
 * by R's default definition (quantile(type = 7): linear interpolation
 * between order statistics at h = (B - 1) p), which is GSL's
 * gsl_stats_quantile_from_sorted_data. No R reference: R's rng differs. */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>
#include <gsl/gsl_sort.h>
#include <gsl/gsl_statistics_double.h>

#include "paired.h"

typedef struct {
    size_t cells;                  /* non-empty cells */
    double *probability;           /* their counts (GSL normalises) */
    double *shift;                 /* their after - before */
    unsigned int *drawn;           /* one replicate's counts */
} resampling_plan;

static void plan_free(resampling_plan *plan)
{
    free(plan->probability);
    free(plan->shift);
    free(plan->drawn);
}

static int plan_cells(const pp_paired_table *t, resampling_plan *plan)
{
    size_t room = (size_t)t->k * (size_t)t->k;
    memset(plan, 0, sizeof *plan);
    plan->probability = malloc(room * sizeof *plan->probability);
    plan->shift = malloc(room * sizeof *plan->shift);
    plan->drawn = malloc(room * sizeof *plan->drawn);
    if (plan->probability == NULL || plan->shift == NULL || plan->drawn == NULL) {
        plan_free(plan);
        return -1;
    }
    for (int before = 1; before <= t->k; before++)
        for (int after = 1; after <= t->k; after++) {
            long c = pp_paired_cell(t, before, after);
            if (c == 0)
                continue;
            plan->probability[plan->cells] = (double)c;
            plan->shift[plan->cells] = after - before;
            plan->cells++;
        }
    return 0;
}

/* The B replicate mean shifts, sorted, into means[]. */
static void draw_replicates(resampling_plan *plan, unsigned int n, int replicates,
                            unsigned long seed, gsl_rng *rng, double *means)
{
    gsl_rng_set(rng, seed);
    for (int b = 0; b < replicates; b++) {
        gsl_ran_multinomial(rng, plan->cells, n, plan->probability, plan->drawn);
        double total_shift = 0;
        for (size_t c = 0; c < plan->cells; c++)
            total_shift += plan->drawn[c] * plan->shift[c];
        means[b] = total_shift / n;
    }
    gsl_sort(means, 1, (size_t)replicates);
}

static unsigned long long count_pairs(const pp_paired_table *t)
{
    unsigned long long n = 0;
    for (size_t i = 0; i < (size_t)t->k * (size_t)t->k; i++)
        n += (unsigned long long)t->count[i];
    return n;
}

int pp_paired_bootstrap_mean_shift(const pp_paired_table *t, int replicates,
                                   unsigned long seed, double conf_level,
                                   pp_paired_bootstrap *out)
{
    memset(out, 0, sizeof *out);
    out->replicates = replicates;
    out->seed = seed;
    out->reason = pp_paired_table_problem(t);
    if (out->reason != NULL)
        return 0;
    unsigned long long n = count_pairs(t);
    if (n == 0)
        out->reason = "no pairs";
    else if (n > UINT_MAX)
        out->reason = "too many pairs to resample in one draw";
    else if (replicates < 1)
        out->reason = "no bootstrap replicates asked for";
    if (out->reason != NULL)
        return 0;

    resampling_plan plan;
    double *means = malloc((size_t)replicates * sizeof *means);
    gsl_rng *rng = gsl_rng_alloc(gsl_rng_mt19937);
    int status = -1;
    if (means != NULL && rng != NULL && plan_cells(t, &plan) == 0) {
        draw_replicates(&plan, (unsigned int)n, replicates, seed, rng, means);
        out->ci_low = gsl_stats_quantile_from_sorted_data(means, 1, (size_t)replicates,
                                                          (1 - conf_level) / 2);
        out->ci_high = gsl_stats_quantile_from_sorted_data(means, 1, (size_t)replicates,
                                                           (1 + conf_level) / 2);
        out->available = 1;
        plan_free(&plan);
        status = 0;
    } else {
        out->reason = "out of memory";
    }
    free(means);
    if (rng != NULL)
        gsl_rng_free(rng);
    return status;
}

/* paired_bootstrap.c: a percentile bootstrap 95% interval for the mean
 * shift (after - before), resampled from the table, not the respondents.
 *
 * A replicate resamples n pairs with replacement and takes the mean of
 * their shifts. The mean depends on the pairs only through how many of
 * them moved by each amount d = after - before (2k - 1 values), so one
 * replicate is one multinomial draw of n over the shifts somebody made,
 * with probabilities count/n: the same resampling as over the k^2 cells,
 * with fewer categories, and O(1) expected time whatever n is. The
 * multinomial is drawn as conditional binomials (binomial_draw.c), the
 * rarest shift first; the commonest takes what is left without a draw.
 *
 * The rng is GSL's mt19937 seeded with the codebook's seed. Only shifts
 * somebody made take part, ordered by count (then by d), so the same pairs
 * give the same bytes however many empty levels the scale has. The limits
 * are quantiles of the B replicate means by R's default definition
 * (quantile(type = 7): linear interpolation between order statistics at
 * h = (B - 1) p), computed as GSL's gsl_stats_quantile_from_sorted_data
 * does, from the two order statistics found by selection, not a full sort.
 * No R reference: R's rng differs. */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_rng.h>

#include "binomial_draw.h"
#include "paired.h"


typedef struct {
    int shifts;                     /* distinct shifts somebody made */
    double *count;                  /* pairs per shift, ascending */
    long *shift;                    /* the shift d of each */
    pp_binomial_plan *binomial;     /* count[i] / (count[i] + ... + count[shifts - 1]) */
} resampling_plan;

static void plan_free(resampling_plan *plan)
{
    free(plan->count);
    free(plan->shift);
    free(plan->binomial);
}

static int by_count_then_shift(const void *a, const void *b)
{
    const double *x = a, *y = b;        /* {count, shift} */
    if (x[0] != y[0])
        return x[0] < y[0] ? -1 : 1;
    return (x[1] > y[1]) - (x[1] < y[1]);
}

static int plan_shifts(const pp_paired_table *t, resampling_plan *plan)
{
    size_t values = 2 * (size_t)t->k - 1;
    memset(plan, 0, sizeof *plan);
    double *pairs = calloc(2 * values, sizeof *pairs);    /* {count, shift} */
    plan->count = malloc(values * sizeof *plan->count);
    plan->shift = malloc(values * sizeof *plan->shift);
    plan->binomial = malloc(values * sizeof *plan->binomial);
    if (pairs == NULL || plan->count == NULL || plan->shift == NULL || plan->binomial == NULL) {
        free(pairs);
        plan_free(plan);
        return -1;
    }
    for (int before = 1; before <= t->k; before++)
        for (int after = 1; after <= t->k; after++)
            pairs[2 * (size_t)(after - before + t->k - 1)] += (double)pp_paired_cell(t, before, after);
    for (size_t v = 0; v < values; v++) {
        if (pairs[2 * v] == 0)
            continue;
        pairs[2 * (size_t)plan->shifts] = pairs[2 * v];
        pairs[2 * (size_t)plan->shifts + 1] = (double)v - (t->k - 1);
        plan->shifts++;
    }
    qsort(pairs, (size_t)plan->shifts, 2 * sizeof *pairs, by_count_then_shift);
    double rest = 0;
    for (int i = plan->shifts - 1; i >= 0; i--) {
        plan->count[i] = pairs[2 * i];
        plan->shift[i] = (long)pairs[2 * i + 1];
        rest += plan->count[i];
        pp_binomial_plan_init(&plan->binomial[i], plan->count[i] / rest);
    }
    free(pairs);
    return 0;
}

/* The replicates' sums of shifts, sum[b] = n * (mean shift of replicate b). */
static void draw_replicates(const resampling_plan *plan, double n, int replicates,
                            gsl_rng *rng, long long *sum)
{
    int last = plan->shifts - 1;
    for (int b = 0; b < replicates; b++) {
        double left = n;
        long long total = 0;
        for (int i = 0; i < last && left > 0; i++) {
            double drawn = pp_binomial_draw(rng, left, &plan->binomial[i]);
            total += plan->shift[i] * (long long)drawn;
            left -= drawn;
        }
        sum[b] = total + plan->shift[last] * (long long)left;
    }
}

/* The k-th smallest of x[0..n-1] (0-based), rearranging x so that the k
 * before it are no larger and the ones after it no smaller (quickselect). */
static long long select_kth(long long *x, long n, long k)
{
    long lo = 0, hi = n - 1;
    while (lo < hi) {
        long long a = x[lo], b = x[lo + (hi - lo) / 2], c = x[hi];
        long long pivot = a < b ? (b < c ? b : (a < c ? c : a)) : (a < c ? a : (b < c ? c : b));
        long i = lo, j = hi;
        while (i <= j) {
            while (x[i] < pivot)
                i++;
            while (x[j] > pivot)
                j--;
            if (i <= j) {
                long long swap = x[i];
                x[i++] = x[j];
                x[j--] = swap;
            }
        }
        if (k <= j)
            hi = j;
        else if (k >= i)
            lo = i;
        else
            return x[k];
    }
    return x[k];
}

/* quantile(type = 7) of the means sum[b] / n, as
 * gsl_stats_quantile_from_sorted_data computes it on the sorted means. */
static double quantile_of_means(long long *sum, long replicates, double n, double f)
{
    double index = f * (double)(replicates - 1);
    long lhs = (long)index;
    double delta = index - (double)lhs;
    double low = (double)select_kth(sum, replicates, lhs) / n;
    if (lhs == replicates - 1)
        return low;
    long long next = sum[lhs + 1];           /* the smallest of those after lhs */
    for (long b = lhs + 2; b < replicates; b++)
        if (sum[b] < next)
            next = sum[b];
    return (1 - delta) * low + delta * ((double)next / n);
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
    long long *sum = malloc((size_t)replicates * sizeof *sum);
    gsl_rng *rng = gsl_rng_alloc(gsl_rng_mt19937);
    int status = -1;
    if (sum != NULL && rng != NULL && plan_shifts(t, &plan) == 0) {
        gsl_rng_set(rng, seed);
        draw_replicates(&plan, (double)n, replicates, rng, sum);
        out->ci_low = quantile_of_means(sum, replicates, (double)n, (1 - conf_level) / 2);
        out->ci_high = quantile_of_means(sum, replicates, (double)n, (1 + conf_level) / 2);
        out->available = 1;
        plan_free(&plan);
        status = 0;
    } else {
        out->reason = "out of memory";
    }
    free(sum);
    if (rng != NULL)
        gsl_rng_free(rng);
    return status;
}

/* paired_counts.c: how many pairs improved (after > before), stayed and
 * worsened; the share of pairs at each level before and after; the mean
 * code before and after, and the mean shift with the paired-t interval of
 * R's t.test(after, before, paired = TRUE)$conf.int. All from the table. */
#include <string.h>

#include <gsl/gsl_cdf.h>
#include <math.h>

#include "paired.h"

static void count_directions(const pp_paired_table *t, pp_paired_counts *out)
{
    for (int before = 1; before <= t->k; before++)
        for (int after = 1; after <= t->k; after++) {
            unsigned long long c = (unsigned long long)pp_paired_cell(t, before, after);
            out->n_pairs += c;
            if (after > before)
                out->improved += c;
            else if (after < before)
                out->worsened += c;
            else
                out->unchanged += c;
        }
}

/* Means of the codes and of the shift; the sum of squared deviations of the
 * shift from its mean goes to *shift_ss. */
static void compute_means(const pp_paired_table *t, pp_paired_counts *out, double *shift_ss)
{
    double n = (double)out->n_pairs, sum_before = 0, sum_after = 0;
    for (int before = 1; before <= t->k; before++)
        for (int after = 1; after <= t->k; after++) {
            double c = (double)pp_paired_cell(t, before, after);
            sum_before += c * before;
            sum_after += c * after;
        }
    out->mean_before = sum_before / n;
    out->mean_after = sum_after / n;
    out->mean_shift = (sum_after - sum_before) / n;

    double ss = 0;
    for (int before = 1; before <= t->k; before++)
        for (int after = 1; after <= t->k; after++) {
            double deviation = (after - before) - out->mean_shift;
            ss += (double)pp_paired_cell(t, before, after) * deviation * deviation;
        }
    *shift_ss = ss;
}

static void paired_t_interval(double conf_level, double shift_ss, pp_paired_counts *out)
{
    double n = (double)out->n_pairs;
    if (out->n_pairs < 2) {
        out->ci_reason = "fewer than two pairs";
        return;
    }
    if (shift_ss == 0) {
        out->ci_reason = out->mean_shift == 0 ? "every pair unchanged"
                                              : "every pair moved by the same amount";
        return;
    }
    double std_error = sqrt(shift_ss / (n - 1) / n);
    double t_quantile = gsl_cdf_tdist_Pinv((1 + conf_level) / 2, n - 1);
    out->ci_low = out->mean_shift - t_quantile * std_error;
    out->ci_high = out->mean_shift + t_quantile * std_error;
    out->ci_available = 1;
    out->ci_reason = NULL;
}

void pp_paired_counts_compute(const pp_paired_table *t, double conf_level,
                              pp_paired_counts *out)
{
    memset(out, 0, sizeof *out);
    out->reason = out->ci_reason = pp_paired_table_problem(t);
    if (out->reason != NULL)
        return;
    count_directions(t, out);
    if (out->n_pairs == 0) {
        out->reason = out->ci_reason = "no pairs";
        return;
    }
    double shift_ss;
    compute_means(t, out, &shift_ss);
    out->available = 1;
    out->reason = NULL;
    paired_t_interval(conf_level, shift_ss, out);
}

int pp_paired_level_shares(const pp_paired_table *t, double *pct_before, double *pct_after)
{
    if (pp_paired_table_problem(t) != NULL)
        return 0;
    unsigned long long n = 0;
    for (int level = 1; level <= t->k; level++) {
        unsigned long long row = 0, col = 0;
        for (int other = 1; other <= t->k; other++) {
            row += (unsigned long long)pp_paired_cell(t, level, other);
            col += (unsigned long long)pp_paired_cell(t, other, level);
        }
        pct_before[level - 1] = (double)row;
        pct_after[level - 1] = (double)col;
        n += row;
    }
    for (int i = 0; i < t->k; i++) {
        pct_before[i] = n ? 100.0 * pct_before[i] / (double)n : 0;
        pct_after[i] = n ? 100.0 * pct_after[i] / (double)n : 0;
    }
    return n > 0;
}

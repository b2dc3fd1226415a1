/* segment_compare.c: chooses and runs the between-segment tests of SPEC §5
 * on a segments x levels table: chi-square of homogeneity
 * (chisq.test(tab, correct = FALSE)), replaced where an expected count is
 * under 5 by Fisher's exact test (fisher.test(tab); with more than 2 x 2,
 * fisher.test(tab, simulate.p.value = TRUE, B = 2000)), and a rank test:
 * wilcox.test for two segments with answers, kruskal.test for more. */
#include "segment_compare.h"

#include <stdlib.h>

#include "chisq.h"
#include "contingency.h"
#include "fisher.h"
#include "fisher_mc.h"
#include "kruskal.h"
#include "mann_whitney.h"

static void choose_exact_test(const pp_table *t, unsigned long seed,
                              pp_homogeneity *h)
{
    if (t->rows == 2 && t->cols == 2) {
        h->method = PP_METHOD_FISHER;
        h->p = pp_fisher_exact_2x2(t);
        return;
    }
    pp_fisher_mc mc = pp_fisher_monte_carlo(t, PP_FISHER_MC_REPLICATES, seed);
    if (!mc.available) {
        h->available = false;
        h->reason = mc.reason;
        return;
    }
    h->method = PP_METHOD_FISHER_MC;
    h->p = mc.p;
}

pp_homogeneity pp_homogeneity_test(const long *counts, int n_segments,
                                   int n_levels, unsigned long seed)
{
    pp_homogeneity h = { .available = false };
    pp_table t;
    int compacted = pp_table_compact(counts, n_segments, n_levels, &t);
    if (compacted != 0) {
        h.reason = compacted == -2 ? "out of memory" : "invalid counts";
        return h;
    }
    h.segments_used = t.rows;
    h.levels_used = t.cols;
    pp_chisq chisq = pp_chisq_homogeneity(&t);
    if (!chisq.available) {
        h.reason = chisq.reason;
    } else {
        h.available = true;
        h.chisq_statistic = chisq.statistic;
        h.chisq_df = chisq.df;
        h.chisq_p = chisq.p;
        h.min_expected = chisq.min_expected;
        h.method = PP_METHOD_CHISQ;
        h.p = chisq.p;
        if (chisq.min_expected < 5)
            choose_exact_test(&t, seed, &h);
    }
    pp_table_free(&t);
    return h;
}

static pp_rank_comparison from_mann_whitney(pp_mann_whitney mw)
{
    pp_rank_comparison r = { .available = mw.available, .reason = mw.reason,
                             .test = "Mann-Whitney", .method = mw.method,
                             .statistic = mw.W, .p = mw.p };
    return r;
}

static pp_rank_comparison from_kruskal(pp_kruskal kw)
{
    pp_rank_comparison r = { .available = kw.available, .reason = kw.reason,
                             .test = "Kruskal-Wallis",
                             .method = "Kruskal-Wallis rank sum test",
                             .statistic = kw.statistic, .df = kw.df, .p = kw.p };
    return r;
}

pp_rank_comparison pp_rank_comparison_test(const long *counts, int n_segments,
                                           int n_levels)
{
    const long *with_answers[2] = { NULL, NULL };
    int used = 0;
    for (int s = 0; s < n_segments; s++) {
        const long *row = counts + (long)s * n_levels;
        long n = 0;
        for (int k = 0; k < n_levels; k++)
            n += row[k];
        if (n > 0 && used++ < 2)
            with_answers[used - 1] = row;
    }
    if (used == 2)
        return from_mann_whitney(pp_mann_whitney_test(with_answers[0],
                                                      with_answers[1], n_levels));
    if (used > 2)
        return from_kruskal(pp_kruskal_test(counts, n_segments, n_levels));
    pp_rank_comparison none = { .available = false,
                                .reason = "fewer than two segments have answers" };
    return none;
}

pp_segment_comparison pp_compare_segments(const long *counts, int n_segments,
                                          int n_levels, unsigned long seed)
{
    pp_segment_comparison c;
    c.homogeneity = pp_homogeneity_test(counts, n_segments, n_levels, seed);
    c.ranks = pp_rank_comparison_test(counts, n_segments, n_levels);
    return c;
}

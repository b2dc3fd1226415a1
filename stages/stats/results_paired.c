/* results_paired.c: the results of a `paired` item in one slot (SPEC §5).
 *
 * Pairs are respondents with a level (not a missing label) both before and
 * after; pct_before / pct_after, the means, top and bottom shares and every
 * test are over pairs. answered_pct_before / answered_pct_after are over
 * everyone who gave any answer on that side, so with missing_before /
 * missing_after (each missing label apart, % of all who answered) they add
 * up to 100, as the charts draw them. Everyone who is not a pair is
 * `excluded`, by the first reason that applies (the before side first). */
#include <stdlib.h>
#include <string.h>

#include "codes.h"
#include "paired.h"
#include "results.h"

typedef struct {
    size_t K, M, W;
    long *pairs;            /* K x K, before-major, codes 1..K */
    long *side[2];          /* [before/after][M + K]: all who answered that side */
    long excluded_no_answer[2], excluded_not_in_wave[2];
    long *excluded_missing[2];  /* [side][M] */
} paired_counts;

static int read_counts(const pp_scale *s, const uint64_t *raw, paired_counts *pc)
{
    memset(pc, 0, sizeof *pc);
    pc->K = s->levels.count;
    pc->M = s->missing.count;
    pc->W = pp_code_width(s);
    long *block = calloc(pc->K * pc->K + 4 * (pc->M + pc->K) + 1, sizeof *block);
    if (block == NULL)
        return -1;
    pc->pairs = block;
    pc->side[0] = block + pc->K * pc->K;
    pc->side[1] = pc->side[0] + pc->M + pc->K;
    pc->excluded_missing[0] = pc->side[1] + pc->M + pc->K;
    pc->excluded_missing[1] = pc->excluded_missing[0] + pc->M;
    for (size_t b = 0; raw && b < pc->W; b++) {
        for (size_t a = 0; a < pc->W; a++) {
            long n = (long)raw[b * pc->W + a];
            if (n == 0)
                continue;
            size_t at[2] = {b, a};
            for (int side = 0; side < 2; side++)
                if (at[side] < pc->M + pc->K)
                    pc->side[side][at[side]] += n;
            int before_ok = b >= pc->M && b < pc->M + pc->K;
            int after_ok = a >= pc->M && a < pc->M + pc->K;
            if (before_ok && after_ok) {
                pc->pairs[(b - pc->M) * pc->K + (a - pc->M)] += n;
                continue;
            }
            int side = before_ok ? 1 : 0;       /* the first side that fails */
            size_t code = at[side];
            if (code < pc->M)
                pc->excluded_missing[side][code] += n;
            else if (code == pp_code_no_answer(s))
                pc->excluded_no_answer[side] += n;
            else
                pc->excluded_not_in_wave[side] += n;
        }
    }
    return 0;
}

static void write_excluded(pp_results *r, const pp_scale *s, const paired_counts *pc)
{
    static const char *const side_name[2] = {"before", "after"};
    char key[160];
    pp_json_key(&r->json, "excluded");
    pp_json_begin_object(&r->json);
    for (int side = 0; side < 2; side++) {
        snprintf(key, sizeof key, "no answer %s", side_name[side]);
        pp_results_count(r, key, pc->excluded_no_answer[side]);
        for (size_t m = 0; m < pc->M; m++) {
            snprintf(key, sizeof key, "%s %s", s->missing.items[m], side_name[side]);
            pp_results_count(r, key, pc->excluded_missing[side][m]);
        }
        snprintf(key, sizeof key, "not in the %s wave", side_name[side]);
        pp_results_count(r, key, pc->excluded_not_in_wave[side]);
    }
    pp_json_end_object(&r->json);
}

/* pct_<side> over the side's answers and missing_<side> per missing label. */
static void write_side(pp_results *r, const pp_scale *s, const paired_counts *pc, int side)
{
    static const char *const name[2] = {"before", "after"};
    char key[64];
    long answered = 0;
    for (size_t i = 0; i < pc->M + pc->K; i++)
        answered += pc->side[side][i];
    snprintf(key, sizeof key, "answered_%s", name[side]);
    pp_results_count(r, key, answered);
    snprintf(key, sizeof key, "answered_pct_%s", name[side]);
    pp_json_key(&r->json, key);
    pp_json_begin_array(&r->json);
    for (size_t k = 0; k < pc->K; k++)
        pp_results_number(r, NULL, answered > 0, 100.0 * pc->side[side][pc->M + k] / (answered ? answered : 1));
    pp_json_end_array(&r->json);
    snprintf(key, sizeof key, "missing_%s", name[side]);
    pp_json_key(&r->json, key);
    pp_json_begin_object(&r->json);
    for (size_t m = 0; m < pc->M; m++)
        pp_results_number(r, s->missing.items[m], answered > 0,
                          100.0 * pc->side[side][m] / (answered ? answered : 1));
    pp_json_end_object(&r->json);
    if (answered == 0)          /* a note keeps its key: no stack buffer */
        pp_results_note(r, side ? "missing_after" : "missing_before", "nobody answered");
}

static void write_pcts(pp_results *r, const char *key, const double *pct, size_t k, int available)
{
    pp_json_key(&r->json, key);
    pp_json_begin_array(&r->json);
    for (size_t i = 0; i < k; i++)
        pp_results_number(r, NULL, available, pct[i]);
    pp_json_end_array(&r->json);
}

static void write_interval(pp_results *r, const char *key, int available, double low, double high)
{
    pp_json_key(&r->json, key);
    if (!available) {
        pp_json_null(&r->json);
        return;
    }
    pp_json_begin_array(&r->json);
    pp_json_number(&r->json, low);
    pp_json_number(&r->json, high);
    pp_json_end_array(&r->json);
}

static void write_counts_and_means(pp_results *r, const pp_paired_table *t, const paired_counts *pc)
{
    pp_paired_counts c;
    pp_paired_counts_compute(t, 0.95, &c);
    pp_results_count(r, "n_pairs", (long long)c.n_pairs);
    pp_results_count(r, "improved", (long long)c.improved);
    pp_results_count(r, "unchanged", (long long)c.unchanged);
    pp_results_count(r, "worsened", (long long)c.worsened);
    double *pct = calloc(2 * pc->K, sizeof *pct);
    if (pct == NULL) {
        r->out_of_memory = true;
        return;
    }
    int shares = pp_paired_level_shares(t, pct, pct + pc->K);
    write_pcts(r, "pct_before", pct, pc->K, shares);
    write_pcts(r, "pct_after", pct + pc->K, pc->K, shares);
    free(pct);
    pp_results_number(r, "mean_before", c.available, c.mean_before);
    pp_results_number(r, "mean_after", c.available, c.mean_after);
    pp_results_number(r, "mean_shift", c.available, c.mean_shift);
    write_interval(r, "mean_shift_ci", c.ci_available, c.ci_low, c.ci_high);
    if (!c.available)
        pp_results_note(r, "mean_shift", c.reason);
    if (!c.ci_available)
        pp_results_note(r, "mean_shift_ci", c.ci_reason);
}

static void write_boxes(pp_results *r, const pp_paired_table *t, const pp_scale *s)
{
    pp_paired_top_box top, bottom;
    pp_binomial_p mcnemar;
    pp_paired_top_box_compute(t, s->is_top, 0.95, PP_PHI_DEFAULT, &top);
    pp_paired_top_box_compute(t, s->is_bottom, 0.95, PP_PHI_DEFAULT, &bottom);
    pp_paired_mcnemar_exact(t, s->is_top, &mcnemar);
    pp_results_number(r, "top_before", top.available, top.top_before);
    pp_results_number(r, "top_after", top.available, top.top_after);
    pp_results_number(r, "top_shift_pp", top.available, top.top_shift_pp);
    write_interval(r, "top_shift_ci", top.available, top.ci_low, top.ci_high);
    pp_results_text(r, "top_shift_ci_method", "Newcombe (1998) method 10");
    pp_results_text(r, "top_shift_ci_phi", pp_phi_convention_name(PP_PHI_DEFAULT));
    pp_results_number(r, "bottom_before", bottom.available, bottom.top_before);
    pp_results_number(r, "bottom_after", bottom.available, bottom.top_after);
    pp_results_p(r, "mcnemar_p", mcnemar.available, mcnemar.p);
    if (!top.available)
        pp_results_note(r, "top_shift_pp", top.reason);
    if (!bottom.available)
        pp_results_note(r, "bottom_before", bottom.reason);
    if (!mcnemar.available)
        pp_results_note(r, "mcnemar_p", mcnemar.reason);
}

static void write_tests(pp_results *r, const pp_paired_table *t)
{
    pp_binomial_p sign;
    pp_paired_wilcoxon w;
    pp_stuart_maxwell sm;
    pp_paired_sign_test(t, &sign);
    if (pp_paired_wilcoxon_compute(t, &w) != 0 || pp_stuart_maxwell_compute(t, &sm) != 0)
        r->out_of_memory = true;
    pp_results_p(r, "sign_p", sign.available, sign.p);
    pp_results_number(r, "wilcoxon_V", w.available, w.V);
    pp_results_p(r, "wilcoxon_p", w.available, w.p);
    pp_results_text(r, "wilcoxon_method", w.available ? w.method_name : NULL);
    pp_results_number(r, "rank_biserial", w.available, w.rank_biserial);
    pp_results_number(r, "stuart_maxwell_chi2", sm.available, sm.chi2);
    pp_results_number(r, "stuart_maxwell_df", sm.available, sm.df);
    pp_results_p(r, "stuart_maxwell_p", sm.available, sm.p);
    if (!sign.available)
        pp_results_note(r, "sign_p", sign.reason);
    if (!w.available)
        pp_results_note(r, "wilcoxon_p", w.reason);
    if (!sm.available)
        pp_results_note(r, "stuart_maxwell_p", sm.reason);
}

/* The bootstrap gives no p-value, so the first pass skips it; the second
 * takes it from r->boot when the interval was worked out in advance. */
static void write_bootstrap(pp_results *r, const pp_paired_table *t, size_t item, size_t slot)
{
    pp_paired_bootstrap boot = {0};
    if (!r->collecting && r->boot != NULL)
        boot = r->boot[item * r->view->n_slots + slot];
    else if (!r->collecting &&
             pp_paired_bootstrap_mean_shift(t, PP_BOOT_DEFAULT_REPLICATES, r->cb->seed, 0.95,
                                            &boot) != 0)
        r->out_of_memory = true;
    write_interval(r, "boot_mean_shift_ci", boot.available, boot.ci_low, boot.ci_high);
    pp_results_count(r, "boot_replicates", PP_BOOT_DEFAULT_REPLICATES);
    if (!boot.available && !r->collecting)
        pp_results_note(r, "boot_mean_shift_ci", boot.reason);
}

int pp_results_paired_bootstrap(const pp_results *r, size_t item, size_t slot,
                                pp_paired_bootstrap *out)
{
    const pp_item_counts *ic = &r->view->items[item];
    paired_counts pc;
    if (read_counts(ic->scale, ic->by_slot[slot], &pc) != 0) {
        *out = (pp_paired_bootstrap){.reason = "out of memory"};
        return -1;
    }
    pp_paired_table t = {(int)pc.K, pc.pairs};
    int status = pp_paired_bootstrap_mean_shift(&t, PP_BOOT_DEFAULT_REPLICATES, r->cb->seed,
                                                0.95, out);
    free(pc.pairs);
    return status;
}

void pp_results_paired(pp_results *r, size_t item, size_t slot)
{
    const pp_item_counts *ic = &r->view->items[item];
    const pp_scale *s = ic->scale;
    paired_counts pc;
    if (read_counts(s, ic->by_slot[slot], &pc) != 0) {
        r->out_of_memory = true;
        return;
    }
    pp_paired_table t = {(int)pc.K, pc.pairs};
    write_counts_and_means(r, &t, &pc);
    write_excluded(r, s, &pc);
    write_side(r, s, &pc, 0);
    write_side(r, s, &pc, 1);
    write_boxes(r, &t, s);
    write_tests(r, &t);
    write_bootstrap(r, &t, item, slot);
    free(pc.pairs);
}

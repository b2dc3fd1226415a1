/* results.h: writes results.json from a tally view: every statistic of
 * SPEC §5 under its SPEC name. The layout of results.json is documented at
 * the top of results.c, next to the code that writes it.
 *
 * Holm's adjustment runs across every p-value in the file, so the file is
 * made in two passes over the same code: the first only collects the
 * p-values (writing nothing and skipping statistics that give none), the
 * second writes everything with each p-value's adjusted twin. The costly
 * statistics are computed once before both, in parallel
 * (results_parallel.c). */
#ifndef PREPOST_RESULTS_H
#define PREPOST_RESULTS_H

#include <stdbool.h>
#include <stdio.h>

#include "codebook.h"
#include "diag.h"
#include "json.h"
#include "paired.h"
#include "segment_compare.h"
#include "tally_view.h"
#include "wilson.h"

/* The reason a statistic gives when it could not be computed for want of
 * memory (the statistics' modules write it out in these words). */
#define PP_RESULTS_NO_MEMORY "out of memory"

typedef struct {
    const pp_tally_view *view;
    const pp_codebook *cb;
    pp_json json;
    bool collecting;        /* first pass: p-values only */
    double *p;              /* the p-values in the order they are met */
    bool *p_available;
    double *p_adjusted;
    size_t n_p, cap_p;
    size_t p_cursor;        /* second pass: the next one to write */
    bool out_of_memory;
    /* worked out before the passes (results_parallel.c), or NULL */
    pp_segment_comparison *between;     /* [item * n_segments + segment] */
    pp_paired_bootstrap *boot;          /* [item * n_slots + slot], paired items */
    const char *note_keys[32];  /* notes pending for the current result */
    const char *note_reasons[32];
    size_t n_notes;
} pp_results;

pp_error pp_results_write(const pp_tally_view *view, FILE *out, pp_diag *diag);

/* ---- for the per-kind writers (results_*.c) ---------------------------- */

/* Writes `key: p` and `key_holm: adjusted p` (null when not available);
 * collects p in the first pass. */
void pp_results_p(pp_results *r, const char *key, bool available, double p);
/* `key: value` helpers; a value that is not available is written null.
 * pp_results_number with a NULL key writes an array element. */
void pp_results_number(pp_results *r, const char *key, bool available, double value);
void pp_results_count(pp_results *r, const char *key, long long value);
void pp_results_text(pp_results *r, const char *key, const char *text);
/* Writes shares as `key: [pct...]` and `key_ci: [[lower, upper]...]`
 * (results_single.c). */
void pp_results_shares(pp_results *r, const char *key, const pp_share *shares, size_t n);
/* Adds a reason to the `notes` object that closes a result ({} if none). */
void pp_results_note(pp_results *r, const char *statistic, const char *reason);
/* Writes and clears the pending notes as `notes: {...}`. */
void pp_results_flush_notes(pp_results *r);

/* Per kind: the results of one item in one slot, as members of the JSON
 * object already open. */
void pp_results_paired(pp_results *r, size_t item, size_t slot);
void pp_results_single(pp_results *r, size_t item, size_t slot);
void pp_results_multi(pp_results *r, size_t item, size_t slot);
/* Between-segment comparisons of one item, as `between_segments: [...]`. */
void pp_results_between(pp_results *r, size_t item);

/* The bootstrap intervals and between-segment comparisons, all computed at
 * once on every usable core into r->boot and r->between (each a pure
 * function of its counts and the seed, so the order does not matter).
 * Returns 0, or -1 on out of memory. pp_results_release frees them. */
int pp_results_precompute(pp_results *r);
void pp_results_release(pp_results *r);
/* One of each, as the writers would compute it (0, or -1 on out of memory). */
int pp_results_paired_bootstrap(const pp_results *r, size_t item, size_t slot,
                                pp_paired_bootstrap *out);
int pp_results_between_compare(const pp_results *r, size_t item, size_t segment,
                               pp_segment_comparison *out);

/* Base of an item in a slot (pairs, answers or respondents asked). */
long pp_results_base(const pp_results *r, size_t item, size_t slot);

#endif

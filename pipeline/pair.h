/* pair.h: joins the records of a panel's before wave and after wave on
 * the respondent id (SPEC §3, two-wave panels).
 *
 * Both streams must carry the same columns (they come from one codebook).
 * A matched respondent becomes one record with waves = both: each column
 * takes the wave's value that is not empty; where both waves gave a segment
 * and they differ, the before wave's is kept and the conflict counted.
 * A respondent in one wave only is still written, with waves = before or
 * after, and listed in `unmatched` (CSV: id,wave,row). Nobody is dropped.
 * Memory holds the before wave's records; the after wave is streamed.
 */
#ifndef PREPOST_PAIR_H
#define PREPOST_PAIR_H

#include <stdio.h>

#include "diag.h"
#include "source.h"

typedef struct {
    long before;                /* records in the before wave */
    long after;                 /* records in the after wave */
    long matched;
    long before_only;
    long after_only;
    long segment_conflicts;
} pp_pair_summary;

pp_error pp_pair(pp_source *before, pp_source *after, FILE *out,
                 FILE *unmatched, pp_pair_summary *summary, pp_diag *diag);

/* "40 before, 38 after: 35 matched, 5 before only, 3 after only", without
 * the program's name (prepost-pair puts "prepost-pair: " in front). */
void pp_pair_summary_print(const pp_pair_summary *s, FILE *out);

#endif

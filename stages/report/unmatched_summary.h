/* unmatched_summary.h: what the dashboard says about unmatched.csv (written
 * by prepost-pair for a panel: id,wave,row): how many respondents answered
 * only the before wave, how many only the after wave, and the first few of
 * each. */
#ifndef PREPOST_UNMATCHED_SUMMARY_H
#define PREPOST_UNMATCHED_SUMMARY_H

#include <stdio.h>

#include "diag.h"

#define UNMATCHED_SHOWN 5       /* respondents listed per wave */

enum { UNMATCHED_BEFORE, UNMATCHED_AFTER, UNMATCHED_WAVES };

typedef struct {
    char *id;
    char *row;                  /* the row of the export, as pair wrote it */
} unmatched_respondent;

typedef struct {
    long count[UNMATCHED_WAVES];
    unmatched_respondent shown[UNMATCHED_WAVES][UNMATCHED_SHOWN];
    size_t n_shown[UNMATCHED_WAVES];
} unmatched_summary;

/* Reads an unmatched.csv. 0, or -1 with diag filled (66 when it cannot be
 * opened, 65 when it is not an unmatched list from prepost-pair). */
int unmatched_summary_read(unmatched_summary *s, const char *path, pp_diag *diag);
void unmatched_summary_free(unmatched_summary *s);

#endif

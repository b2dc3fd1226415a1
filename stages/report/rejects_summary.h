/* rejects_summary.h: what the dashboard says about rejects.csv (written
 * by prepost-ingest: row,id,column,reason,value,expected): how many rows
 * were rejected, how many for each reason, and the first few in full. */
#ifndef PREPOST_REJECTS_SUMMARY_H
#define PREPOST_REJECTS_SUMMARY_H

#include <stdio.h>

#include "diag.h"

#define REJECTS_REASONS 16      /* reasons told apart; more are "other" */
#define REJECTS_SHOWN 5         /* rows listed in full */
#define REJECTS_FIELDS 6        /* row, id, column, reason, value, expected */

typedef struct {
    char *reason;
    long count;
} rejects_reason;

typedef struct {
    long total;
    rejects_reason reasons[REJECTS_REASONS];
    size_t n_reasons;
    long other;                 /* rows whose reason did not fit */
    char *shown[REJECTS_SHOWN][REJECTS_FIELDS];
    size_t n_shown;
} rejects_summary;

/* Reads a rejects.csv. 0, or -1 with diag filled (66 when it cannot be
 * opened, 65 when it is not a rejects file). */
int rejects_summary_read(rejects_summary *s, const char *path, pp_diag *diag);
void rejects_summary_free(rejects_summary *s);

#endif

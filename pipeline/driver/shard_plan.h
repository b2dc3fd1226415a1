/* shard_plan.h: where `prepost run --jobs N` cuts an export. The shards
 * are byte ranges that begin and end between records (csv_scan.h), never
 * inside a quoted field; each is read after the export's header rows, and
 * knows how many respondent rows came before it, so its rows are numbered
 * as in the whole export (prepost-ingest --rows-before), and each shard's
 * ingest reads its bytes straight from the export (prepost-ingest --shard).
 *
 * The export is read once, serially, before any shard starts: its records
 * up to the last cut, then only its quotes (csv_scan.h's skim) to see
 * whether it ends inside one. A gzip export is decompressed once into the
 * working directory and cut there, from --jobs 4 on; with fewer it is read
 * in one job, which inflates it on a second core as it goes. When an export cannot be cut (too
 * small, a header that ingest would reject, a quote never closed, lines
 * ended by CR alone, a file that is not CSV: SPSS, Stata, SAS), the plan
 * has one shard and says why: the run then reads it in one job, and ingest
 * gives its own message for a damaged export. */
#ifndef PREPOST_SHARD_PLAN_H
#define PREPOST_SHARD_PLAN_H

#include "codebook.h"

#define PP_MAX_JOBS 64

typedef struct {
    long long start, end;       /* bytes [start, end) of the plain export */
    long rows_before;           /* respondent rows before start */
} pp_shard;

typedef struct {
    char path[4200];            /* the plain export the shards are cut from */
    long long header_end;       /* the header rows: bytes [0, header_end) */
    int n;                      /* shards; 1 = read the export in one job */
    pp_shard shards[PP_MAX_JOBS];
    char *id_column;            /* the id column's header name, NULL if none */
    const char *why_one;        /* why there is one shard, when jobs > 1 */
} pp_shard_plan;

/* Plans up to `jobs` shards of the export at export_path, read against cb
 * (a one-wave codebook). work_dir takes a decompressed copy. Returns 0,
 * or -1 on out of memory or a failed write (errno set; nothing to do but
 * stop). */
int pp_shard_plan_make(pp_shard_plan *plan, const pp_codebook *cb, const char *export_path,
                       const char *work_dir, int jobs);
void pp_shard_plan_free(pp_shard_plan *plan);

#endif

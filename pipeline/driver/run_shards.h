/* run_shards.h: `prepost run --jobs N` on a one-wave survey: the export cut
 * into shards (shard_plan.h), each shard ingested and tallied in its own
 * processes, all at once, and the tallies merged:
 *
 *   prepost-ingest --rows-before R --shard H,S,E --ids-only -o k.records
 *                  -r k.rejects --tally k.tally SURVEY.ini EXPORT
 *   (ids across shards, one rejects.csv: shard_ids.h)
 *   prepost-ingest --rows-before R --shard H,S,E --skip-rows k.skip --tally k.tally,
 *       only for a shard some of whose kept rows gave an id of an earlier
 *       shard: counted again without them
 *   prepost-merge -o survey.tally 0.tally 1.tally ...
 *
 * The tally and rejects.csv are the bytes one job gives. */
#ifndef PREPOST_RUN_SHARDS_H
#define PREPOST_RUN_SHARDS_H

#include "codebook.h"
#include "progress.h"

typedef struct {
    const char *ingest, *merge;         /* the stage programs */
    const char *codebook_path;
    const char *export_path;    /* the export, as found from the codebook */
    const char *work_dir;       /* scratch space, removed by the caller */
    const char *rejects_out, *tally_out;
    int jobs;
} pp_shard_job;

/* Returns a sysexits status, or PP_SHARDS_ONE_JOB when the export cannot be
 * cut (having said why unless quiet): read it in one job instead. */
#define PP_SHARDS_ONE_JOB (-1)
int pp_run_shards(const pp_shard_job *job, const pp_codebook *cb, pp_progress *progress);

#endif

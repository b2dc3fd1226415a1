/* run_shards.c: a one-wave export in shards, all at once (run_shards.h). */
#include "run_shards.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "shard_ids.h"
#include "shard_plan.h"
#include "spawn.h"

typedef struct {
    const pp_shard_job *job;
    pp_shard_plan plan;
    char *records[PP_MAX_JOBS], *rejects[PP_MAX_JOBS], *tallies[PP_MAX_JOBS];
    char *skips[PP_MAX_JOBS];   /* rows to pass over counting a shard again */
    char rows_before[PP_MAX_JOBS][24];
    char bytes[PP_MAX_JOBS][72];    /* --shard H,S,E */
    pp_stage stages[PP_MAX_JOBS];
    int counts[PP_MAX_JOBS];
    long moved[PP_MAX_JOBS];    /* kept rows of each shard that repeated an earlier shard's id */
} sharding;

static char *work_file(const pp_shard_job *job, int k, const char *suffix)
{
    char *path = malloc(strlen(job->work_dir) + 32);
    if (path != NULL)
        sprintf(path, "%s/shard-%02d.%s", job->work_dir, k, suffix);
    return path;
}

static pp_stage program(const char *path, const char *label)
{
    pp_stage s = {.label = label};
    s.argv[0] = path;
    pp_stage_args(&s, "-q", NULL);
    return s;
}

/* Stage i of sh->stages: prepost-ingest --rows-before R --shard H,S,E
 * --tally k.tally ..., reading shard k straight from the export, its other
 * arguments still to add (NULL ended; the export last). */
static pp_stage *shard_ingest(sharding *sh, int i, int k)
{
    const pp_shard *shard = &sh->plan.shards[k];
    snprintf(sh->rows_before[k], sizeof sh->rows_before[k], "%ld", shard->rows_before);
    snprintf(sh->bytes[k], sizeof sh->bytes[k], "%lld,%lld,%lld", sh->plan.header_end,
             shard->start, shard->end);
    sh->stages[i] = program(sh->job->ingest, "ingest");
    pp_stage_args(&sh->stages[i], "--rows-before", sh->rows_before[k], "--shard",
                  sh->bytes[k], "--tally", sh->tallies[k], NULL);
    sh->counts[i] = 1;
    return &sh->stages[i];
}

/* Every shard: prepost-ingest, counting its records as it goes and
 * writing of them only the ids and rows, for settling ids across shards. */
static int ingest_shards(sharding *sh)
{
    for (int k = 0; k < sh->plan.n; k++)
        pp_stage_args(shard_ingest(sh, k, k), "--ids-only", "-o", sh->records[k], "-r",
                      sh->rejects[k], sh->job->codebook_path, sh->plan.path, NULL);
    int result = pp_run_pipelines(sh->stages, sh->counts, sh->plan.n);
    return pp_pipeline_status(sh->stages, result, "ingest");
}

/* The shards that lost kept rows to an earlier shard's ids: each read and
 * counted again, passing over the rows settling listed, into a tally that
 * replaces its first. Their rejects are in rejects.csv already: none are
 * written. *n_again: how many. */
static int tally_again(sharding *sh, int *n_again)
{
    int n = 0;
    for (int k = 0; k < sh->plan.n; k++) {
        if (sh->moved[k] > 0)
            pp_stage_args(shard_ingest(sh, n++, k), "--skip-rows", sh->skips[k],
                          sh->job->codebook_path, sh->plan.path, NULL);
    }
    *n_again = n;
    if (n == 0)
        return EX_OK;
    int result = pp_run_pipelines(sh->stages, sh->counts, n);
    return pp_pipeline_status(sh->stages, result, "ingest");
}

static int merge_shards(sharding *sh)
{
    pp_stage s = program(sh->job->merge, "merge");
    pp_stage_args(&s, "-o", sh->job->tally_out, NULL);
    for (int k = 0; k < sh->plan.n; k++)
        pp_stage_args(&s, sh->tallies[k], NULL);
    return pp_pipeline_status(&s, pp_run_pipeline(&s, 1), "merge");
}

static int settle(sharding *sh, pp_progress *progress)
{
    pp_shard_counts counts = {.moved_by_shard = sh->moved};
    char text[160];
    pp_progress_begin(progress, "ids across shards");
    int status = pp_shard_ids_settle(sh->plan.n, sh->records, sh->rejects, sh->skips,
                                     sh->plan.id_column, sh->job->rejects_out, &counts);
    snprintf(text, sizeof text, "%ld rows read, %ld kept, %ld rejected (%ld repeated an id "
             "of an earlier shard)", counts.kept + counts.rejected, counts.kept,
             counts.rejected, counts.moved);
    if (status == EX_OK)
        pp_progress_end(progress, "ids across shards", text);
    return status;
}

/* The steps after the plan: each reported, the first failure stops. */
static int run_steps(sharding *sh, pp_progress *progress)
{
    char what[96];
    snprintf(what, sizeof what, "ingest of %d shards", sh->plan.n);
    pp_progress_begin(progress, what);
    int status = ingest_shards(sh);
    if (status != EX_OK)
        return status;
    pp_progress_end(progress, what, NULL);
    if ((status = settle(sh, progress)) != EX_OK)
        return status;
    int n_again;
    pp_progress_begin(progress, "tally");
    if ((status = tally_again(sh, &n_again)) != EX_OK)
        return status;
    if (n_again > 0)
        snprintf(what, sizeof what, "%d of %d shards counted again without the rows of "
                 "repeated ids", n_again, sh->plan.n);
    else
        snprintf(what, sizeof what, "every shard counted as it was read");
    pp_progress_end(progress, "tally", what);
    pp_progress_begin(progress, "merge");
    if ((status = merge_shards(sh)) != EX_OK)
        return status;
    pp_progress_end(progress, "merge", NULL);
    return EX_OK;
}

static int make_plan(sharding *sh, const pp_codebook *cb, pp_progress *progress)
{
    const pp_shard_job *job = sh->job;
    pp_progress_begin(progress, "split");
    if (pp_shard_plan_make(&sh->plan, cb, job->export_path, job->work_dir, job->jobs) != 0) {
        fprintf(stderr, "prepost run: cannot split the export in %s: %s\n", job->work_dir,
                strerror(errno));
        return errno == ENOSPC || errno == EIO ? EX_IOERR : EX_CANTCREAT;
    }
    char text[32];
    snprintf(text, sizeof text, "%d shard%s", sh->plan.n, sh->plan.n == 1 ? "" : "s");
    pp_progress_end(progress, "split", text);
    if (sh->plan.n == 1 && !progress->quiet) {
        pp_progress_finish(progress);   /* the message on a line of its own */
        fprintf(stderr, "prepost run: reading the export in one job: %s\n", sh->plan.why_one);
    }
    return sh->plan.n == 1 ? PP_SHARDS_ONE_JOB : EX_OK;
}

int pp_run_shards(const pp_shard_job *job, const pp_codebook *cb, pp_progress *progress)
{
    static sharding sh;
    memset(&sh, 0, sizeof sh);
    sh.job = job;
    int status = make_plan(&sh, cb, progress);
    for (int k = 0; status == EX_OK && k < sh.plan.n; k++) {
        sh.records[k] = work_file(job, k, "records");
        sh.rejects[k] = work_file(job, k, "rejects.csv");
        sh.tallies[k] = work_file(job, k, "tally");
        sh.skips[k] = work_file(job, k, "skip");
        if (!sh.records[k] || !sh.rejects[k] || !sh.tallies[k] || !sh.skips[k])
            status = EX_SOFTWARE;
    }
    if (status == EX_OK)
        status = run_steps(&sh, progress);
    for (int k = 0; k < PP_MAX_JOBS; k++) {
        free(sh.records[k]);
        free(sh.rejects[k]);
        free(sh.tallies[k]);
        free(sh.skips[k]);
    }
    pp_shard_plan_free(&sh.plan);
    return status;
}

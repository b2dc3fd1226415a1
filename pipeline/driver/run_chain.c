/* run_chain.c: the stages of a run (run_chain.h). */
#include "run_chain.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sysexits.h>
#include <unistd.h>

#include "publish.h"
#include "run_shards.h"
#include "spawn.h"

typedef struct {
    const pp_run_options *opt;
    const char *tmp;
    char programs[8][4200];     /* stage program paths */
    char paths[12][4200];       /* working files */
    char jobs[16];              /* --jobs, for plot */
    pp_progress progress;
} chain;

enum { P_INGEST, P_PAIR, P_TALLY, P_MERGE, P_STATS, P_PLOT, P_TABLE, P_REPORT };
static const char *const program_names[] = {"ingest", "pair", "tally", "merge", "stats",
                                            "plot", "table", "report"};
enum { F_REJECTS, F_REJECTS_AFTER, F_BEFORE, F_AFTER, F_UNMATCHED, F_TALLY,
       F_RESULTS, F_PLOTS, F_TABLES, F_INDEX, F_MANIFEST, F_WORK };
static const char *const file_names[] = {"rejects.csv", "rejects-after.csv",
    "before.records", "after.records", "unmatched.csv", "survey.tally", "results.json",
    "plots", "tables", "index.html", "manifest.json", "work"};

/* Runs one step (a pipeline of stages) and reports it. */
static int step(chain *c, const char *what, pp_stage *stages, int n)
{
    pp_progress_begin(&c->progress, what);
    int status = pp_pipeline_status(stages, pp_run_pipeline(stages, n), what);
    if (status == EX_OK)
        pp_progress_end(&c->progress, what, NULL);
    return status;
}

/* Plot, table and report are always quiet: their lines would name the
 * temporary directory they write in, gone once published (the run's own
 * last line names the output, run_summary.h). */
static pp_stage stage(chain *c, int program)
{
    pp_stage s = {.label = program_names[program]};
    s.argv[0] = c->programs[program];
    s.argv[1] = NULL;
    if (c->opt->quiet || program >= P_PLOT)
        pp_stage_args(&s, "-q", NULL);
    return s;
}

/* --jobs N: the export in shards. PP_SHARDS_ONE_JOB if it cannot be cut. */
static int in_shards(chain *c, const pp_codebook *cb)
{
    char *export_path = pp_codebook_resolve_path(cb, cb->export_path);
    if (export_path == NULL)
        return EX_SOFTWARE;
    pp_shard_job job = {
        .ingest = c->programs[P_INGEST], .merge = c->programs[P_MERGE],
        .codebook_path = c->opt->codebook_path,
        .export_path = export_path, .work_dir = c->paths[F_WORK],
        .rejects_out = c->paths[F_REJECTS], .tally_out = c->paths[F_TALLY],
        .jobs = c->opt->jobs,
    };
    int status = mkdir(c->paths[F_WORK], 0755) == 0 ? pp_run_shards(&job, cb, &c->progress)
                                                    : EX_CANTCREAT;
    if (status == EX_CANTCREAT && errno == EEXIST)
        status = EX_SOFTWARE;
    free(export_path);
    return status;
}

static int ingest_and_tally(chain *c, const pp_codebook *cb)
{
    const char *ini = c->opt->codebook_path;
    pp_stage s[2];
    if (!pp_codebook_is_panel(cb) && c->opt->jobs > 1) {
        int status = in_shards(c, cb);
        if (status != PP_SHARDS_ONE_JOB)
            return status;
        c->progress.n_steps = 6;            /* split, then one job as below */
    }
    if (!pp_codebook_is_panel(cb)) {     /* counted as read: no records */
        s[0] = stage(c, P_INGEST);
        pp_stage_args(&s[0], "-r", c->paths[F_REJECTS], "--tally", c->paths[F_TALLY], ini,
                      NULL);
        return step(c, "ingest and tally", s, 1);
    }
    s[0] = stage(c, P_INGEST);
    pp_stage_args(&s[0], "--wave", "before", "-o", c->paths[F_BEFORE], "-r",
                  c->paths[F_REJECTS], ini, NULL);
    s[1] = stage(c, P_INGEST);
    pp_stage_args(&s[1], "--wave", "after", "-o", c->paths[F_AFTER], "-r",
                  c->paths[F_REJECTS_AFTER], ini, NULL);
    int status = step(c, "ingest before wave", &s[0], 1);
    if (status == EX_OK)
        status = step(c, "ingest after wave", &s[1], 1);
    if (status != EX_OK)
        return status;
    s[0] = stage(c, P_PAIR);
    pp_stage_args(&s[0], "-u", c->paths[F_UNMATCHED], c->paths[F_BEFORE], c->paths[F_AFTER], NULL);
    s[1] = stage(c, P_TALLY);
    pp_stage_args(&s[1], "-o", c->paths[F_TALLY], ini, "-", NULL);
    return step(c, "pair and tally", s, 2);
}

static int outputs(chain *c, const pp_codebook *cb)
{
    const char *ini = c->opt->codebook_path;
    pp_stage s = stage(c, P_STATS);
    pp_stage_args(&s, "-o", c->paths[F_RESULTS], ini, c->paths[F_TALLY], NULL);
    int status = step(c, "stats", &s, 1);
    s = stage(c, P_PLOT);               /* --jobs N: N gnuplots at once */
    snprintf(c->jobs, sizeof c->jobs, "%d", c->opt->jobs);
    pp_stage_args(&s, "--jobs", c->jobs, "-o", c->paths[F_PLOTS], ini, c->paths[F_RESULTS],
                  NULL);
    if (status == EX_OK)
        status = step(c, "plot", &s, 1);
    s = stage(c, P_TABLE);
    pp_stage_args(&s, "-o", c->paths[F_TABLES], ini, c->paths[F_RESULTS], NULL);
    if (status == EX_OK)
        status = step(c, "table", &s, 1);
    s = stage(c, P_REPORT);
    pp_stage_args(&s, "-o", c->paths[F_INDEX], "--plots", c->paths[F_PLOTS], "--tables",
                  c->paths[F_TABLES], "--rejects", c->paths[F_REJECTS], NULL);
    if (pp_codebook_is_panel(cb))   /* each wave's rejects, and who answered one only */
        pp_stage_args(&s, "--rejects-after", c->paths[F_REJECTS_AFTER], "--unmatched",
                      c->paths[F_UNMATCHED], NULL);
    pp_stage_args(&s, ini, c->paths[F_RESULTS], NULL);
    if (status == EX_OK)
        status = step(c, "report", &s, 1);
    return status;
}

/* Last: the exports' hashes (waited for here if still being taken, see
 * manifest_hashing.c) and every output. */
static int write_manifest(chain *c, pp_manifest *m)
{
    if (pp_manifest_hash_wait(m) != 0) {
        fprintf(stderr, "prepost run: cannot read %s to hash it: %s\n",
                m->inputs[m->failed_input].path, strerror(errno));
        return EX_IOERR;
    }
    FILE *out = fopen(c->paths[F_MANIFEST], "w");
    int failed = out == NULL || pp_manifest_write(m, c->tmp, out) != 0;
    if (out != NULL && (fflush(out) != 0 || fsync(fileno(out)) != 0))
        failed = 1;
    if (out != NULL && fclose(out) != 0)
        failed = 1;
    if (failed)
        fprintf(stderr, "prepost run: cannot write %s: %s\n", c->paths[F_MANIFEST],
                strerror(errno));
    return failed ? (errno == ENOSPC || errno == EIO ? EX_IOERR : EX_CANTCREAT) : EX_OK;
}

/* Steps the progress bar counts: ingest (or split, shards, ids, tally,
 * merge) and the four outputs. */
static int steps_of(const pp_run_options *opt, const pp_codebook *cb)
{
    if (pp_codebook_is_panel(cb))
        return 3 + 4;
    return (opt->jobs > 1 ? 5 : 1) + 4;
}

static void remove_intermediates(chain *c)
{
    const int intermediates[] = {F_BEFORE, F_AFTER, F_TALLY};
    for (size_t i = 0; i < sizeof intermediates / sizeof intermediates[0]; i++)
        unlink(c->paths[intermediates[i]]);
    pp_remove_tree(c->paths[F_WORK]);
}

int pp_run_chain(const pp_run_options *opt, const pp_codebook *cb,
                 pp_manifest *manifest, const char *tmp)
{
    static chain c;
    memset(&c, 0, sizeof c);
    c.opt = opt;
    c.tmp = tmp;
    pp_progress_init(&c.progress, opt->quiet, steps_of(opt, cb));
    for (int p = 0; p <= P_REPORT; p++)
        snprintf(c.programs[p], sizeof c.programs[p], "%s/prepost-%s", opt->stage_dir,
                 program_names[p]);
    for (int f = 0; f <= F_WORK; f++)
        snprintf(c.paths[f], sizeof c.paths[f], "%s/%s", tmp, file_names[f]);
    int status = ingest_and_tally(&c, cb);
    if (status == EX_OK)
        status = outputs(&c, cb);
    pp_progress_finish(&c.progress);        /* what follows starts a line */
    remove_intermediates(&c);
    if (status == EX_OK)
        status = write_manifest(&c, manifest);
    return status;
}

/* run_chain.c: the stages of a run (run_chain.h). */
#include "run_chain.h"

#include <stdio.h>
#include <string.h>
#include <sysexits.h>
#include <time.h>
#include <unistd.h>

#include "spawn.h"

#define N_STEPS 6

typedef struct {
    const pp_run_options *opt;
    const char *tmp;
    char programs[8][4200];     /* stage program paths */
    char paths[12][4200];       /* working files */
    int step;                   /* steps done, for the progress bar */
    int bar;                    /* stderr is a terminal */
} chain;

enum { P_INGEST, P_PAIR, P_TALLY, P_STATS, P_PLOT, P_TABLE, P_REPORT };
static const char *const program_names[] = {"ingest", "pair", "tally", "stats",
                                            "plot", "table", "report"};
enum { F_REJECTS, F_REJECTS_AFTER, F_BEFORE, F_AFTER, F_UNMATCHED, F_TALLY,
       F_RESULTS, F_PLOTS, F_TABLES, F_INDEX, F_MANIFEST };
static const char *const file_names[] = {"rejects.csv", "rejects-after.csv",
    "before.records", "after.records", "unmatched.csv", "survey.tally", "results.json",
    "plots", "tables", "index.html", "manifest.json"};

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static void progress(chain *c, const char *what, double seconds, int done)
{
    if (c->opt->quiet)
        return;
    if (!c->bar) {
        if (done)
            fprintf(stderr, "prepost run: %s done in %.2f s\n", what, seconds);
        return;
    }
    int filled = 20 * (c->step + done) / N_STEPS;
    fprintf(stderr, "\r\033[Kprepost run [%.*s%*s] %d/%d %s%s", filled, "====================",
            20 - filled, "", c->step + done, N_STEPS, what, done ? "" : "...");
    if (done && c->step + 1 == N_STEPS)
        fputc('\n', stderr);
}

/* Runs one step (a pipeline of stages) and reports it. */
static int step(chain *c, const char *what, pp_stage *stages, int n)
{
    double start = now();
    progress(c, what, 0, 0);
    if (c->bar && !c->opt->quiet)
        fputc('\n', stderr);           /* stage messages go below the bar */
    int result = pp_run_pipeline(stages, n);
    progress(c, what, now() - start, 1);
    c->step++;
    if (result == 0)
        return EX_OK;
    if (result == -1000) {
        fprintf(stderr, "prepost run: cannot start the %s step\n", what);
        return EX_SOFTWARE;
    }
    pp_stage *failed = &stages[-result - 1];
    fprintf(stderr, "prepost run: %s failed (exit status %d); nothing was published\n",
            failed->label, failed->exit_status);
    int status = failed->exit_status;
    return status > 0 && status < 128 && status != 127 ? status : EX_SOFTWARE;
}

static pp_stage stage(chain *c, int program)
{
    pp_stage s = {.label = program_names[program]};
    s.argv[0] = c->programs[program];
    s.argv[1] = NULL;
    if (c->opt->quiet)
        pp_stage_args(&s, "-q", NULL);
    return s;
}

static int ingest_and_tally(chain *c, const pp_codebook *cb)
{
    const char *ini = c->opt->codebook_path;
    pp_stage s[2];
    if (!pp_codebook_is_panel(cb)) {
        s[0] = stage(c, P_INGEST);
        pp_stage_args(&s[0], "-r", c->paths[F_REJECTS], ini, NULL);
        s[1] = stage(c, P_TALLY);
        pp_stage_args(&s[1], "-o", c->paths[F_TALLY], ini, "-", NULL);
        return step(c, "ingest and tally", s, 2);
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

static int outputs(chain *c)
{
    const char *ini = c->opt->codebook_path;
    pp_stage s = stage(c, P_STATS);
    pp_stage_args(&s, "-o", c->paths[F_RESULTS], ini, c->paths[F_TALLY], NULL);
    int status = step(c, "stats", &s, 1);
    s = stage(c, P_PLOT);
    pp_stage_args(&s, "-o", c->paths[F_PLOTS], ini, c->paths[F_RESULTS], NULL);
    if (status == EX_OK)
        status = step(c, "plot", &s, 1);
    s = stage(c, P_TABLE);
    pp_stage_args(&s, "-o", c->paths[F_TABLES], ini, c->paths[F_RESULTS], NULL);
    if (status == EX_OK)
        status = step(c, "table", &s, 1);
    s = stage(c, P_REPORT);
    pp_stage_args(&s, "-o", c->paths[F_INDEX], "--plots", c->paths[F_PLOTS], "--tables",
                  c->paths[F_TABLES], "--rejects", c->paths[F_REJECTS], ini,
                  c->paths[F_RESULTS], NULL);
    if (status == EX_OK)
        status = step(c, "report", &s, 1);
    return status;
}

static int write_manifest(chain *c, const pp_manifest *m)
{
    FILE *out = fopen(c->paths[F_MANIFEST], "w");
    int failed = out == NULL || pp_manifest_write(m, out) != 0;
    if (out != NULL && (fflush(out) != 0 || fsync(fileno(out)) != 0))
        failed = 1;
    if (out != NULL && fclose(out) != 0)
        failed = 1;
    if (failed)
        fprintf(stderr, "prepost run: cannot write %s\n", c->paths[F_MANIFEST]);
    return failed ? EX_CANTCREAT : EX_OK;
}

int pp_run_chain(const pp_run_options *opt, const pp_codebook *cb,
                 const pp_manifest *manifest, const char *tmp)
{
    static chain c;
    memset(&c, 0, sizeof c);
    c.opt = opt;
    c.tmp = tmp;
    c.bar = isatty(STDERR_FILENO);
    for (int p = 0; p <= P_REPORT; p++)
        snprintf(c.programs[p], sizeof c.programs[p], "%s/prepost-%s", opt->stage_dir,
                 program_names[p]);
    for (int f = 0; f <= F_MANIFEST; f++)
        snprintf(c.paths[f], sizeof c.paths[f], "%s/%s", tmp, file_names[f]);
    int status = ingest_and_tally(&c, cb);
    if (status == EX_OK)
        status = outputs(&c);
    if (status == EX_OK)
        status = write_manifest(&c, manifest);
    const int intermediates[] = {F_BEFORE, F_AFTER, F_TALLY};
    for (size_t i = 0; i < sizeof intermediates / sizeof intermediates[0]; i++)
        unlink(c.paths[intermediates[i]]);
    return status;
}

/* spawn.h: runs stage programs as child processes, alone or joined by
 * pipes (ingest | tally), and reports how each ended. A child dies with
 * the driver (PR_SET_PDEATHSIG), so a killed run leaves no stage running. */
#ifndef PREPOST_SPAWN_H
#define PREPOST_SPAWN_H

#include <sys/types.h>

#define PP_MAX_ARGS 32

typedef struct {
    const char *label;          /* "ingest", for messages */
    const char *argv[PP_MAX_ARGS]; /* argv[0] = program path; NULL-terminated */
    int (*fn)(void *arg);       /* if set, the child runs fn(arg) instead of a
                                   program, and exits with what it returns */
    void *arg;
    pid_t pid;
    int exit_status;            /* 0..255, or 128 + signal */
} pp_stage;

/* Appends arguments to a stage's argv (NULL ends the list). */
void pp_stage_args(pp_stage *stage, ...);

/* Runs the stages as one pipeline: stage i's standard output feeds stage
 * i+1's standard input; the first reads /dev/null, the last writes to
 * our standard output. Waits for all. Returns 0 when every stage exited 0,
 * else the index of the first stage (in pipeline order) that failed, plus
 * one, as a negative number: -(i+1). -1000 if a process could not start. */
int pp_run_pipeline(pp_stage *stages, int n);

/* Runs several pipelines at once: `counts[k]` stages each, one after
 * another in `stages`. Waits for all. Returns 0 when every stage exited 0,
 * else -(i+1) for the stage i to blame in the first pipeline that failed,
 * or -1000 if a process could not start. */
int pp_run_pipelines(pp_stage *stages, const int *counts, int n_pipelines);

/* The exit status for what pp_run_pipeline(s) returned, with a message
 * naming the stage that failed in step `what` (a stage has said why). */
int pp_pipeline_status(const pp_stage *stages, int result, const char *what);

/* Kills every child still running (on our own interruption). */
void pp_kill_children(void);

#endif

/* run.h: `prepost run SURVEY.ini -o OUT`: the whole chain for cron and
 * nightly batches, built beside OUT and published in one step (publish.h),
 * one run at a time (lock.h), skipped when nothing changed (manifest.h). */
#ifndef PREPOST_RUN_H
#define PREPOST_RUN_H

/* Runs the command with its own arguments (argv[0] = "run"); returns the
 * exit status. */
int pp_run_main(int argc, char **argv, const char *stage_dir);

#endif

/* progress.h: what `prepost run` says about its steps on standard error.
 * In a pipe or a log: one line per step, "prepost run: WHAT done in 0.12 s"
 * (with counts when the step has them). On a terminal: a progress bar
 * redrawn in place. With -q: nothing. No colour is ever used. */
#ifndef PREPOST_PROGRESS_H
#define PREPOST_PROGRESS_H

typedef struct {
    int quiet;                  /* -q: say nothing */
    int bar;                    /* standard error is a terminal */
    int step, n_steps;          /* steps done, steps in all */
    double started;             /* when the current step began */
    int open;                   /* the bar is drawn on a line not yet ended */
} pp_progress;

void pp_progress_init(pp_progress *p, int quiet, int n_steps);
/* A step begins: the bar shows it. */
void pp_progress_begin(pp_progress *p, const char *what);
/* The step ended; counts (may be NULL) is added to its line. */
void pp_progress_end(pp_progress *p, const char *what, const char *counts);
/* Ends the bar's line, if one is open, so that the next message starts a
 * line of its own: before the driver's own messages, and at the end. */
void pp_progress_finish(pp_progress *p);

#endif

/* plot_signals.h: prepost-plot asked to stop (SIGTERM, SIGINT, SIGHUP)
 * while its gnuplots draw. The gnuplots are told to stop at once, so none
 * goes on drawing for a process that is gone; the plot stage then removes
 * its work directory as on any failure and dies of the same signal, the
 * way its caller (prepost run, a shell, cron's timeout) expects. */
#ifndef PREPOST_PLOT_SIGNALS_H
#define PREPOST_PLOT_SIGNALS_H

#include <sys/types.h>

/* From now on a stop signal is caught, not obeyed at once; one that was
 * ignored (nohup, a background job's SIGINT) stays ignored. */
void plot_signals_watch(void);

/* A gnuplot that must stop with this process; stopped at once if a stop
 * signal came already. */
void plot_signals_add_child(pid_t pid);

/* The stop signal caught since plot_signals_watch, or 0. */
int plot_signals_caught(void);

/* Stops watching and forgets the children: a stop signal caught meanwhile
 * is obeyed now (the process dies of it); otherwise signals take their
 * usual effect again. */
void plot_signals_end(void);

#endif

/* plot_signals.c: stop signals passed on to the gnuplots (plot_signals.h).
 *
 * The handler only does what is safe in a handler: it notes the signal and
 * sends SIGTERM to every gnuplot started so far (kill is async-signal-safe;
 * the list is only ever appended to, its count written last). The rest,
 * removing the work directory and dying, happens in the normal flow: the
 * gnuplots' pipes break, their waits return, plot_run cleans up and calls
 * plot_signals_end. */
#include "plot_signals.h"

#include <signal.h>
#include <string.h>

#include "plot_parallel.h"

static const int stop_signals[] = {SIGTERM, SIGINT, SIGHUP};
#define N_STOP_SIGNALS (sizeof stop_signals / sizeof *stop_signals)

static volatile sig_atomic_t caught;
static volatile pid_t children[PLOT_MAX_JOBS];
static volatile sig_atomic_t n_children;
static struct sigaction before[N_STOP_SIGNALS];

static void stop_children(void)
{
    for (sig_atomic_t k = 0; k < n_children; k++)
        kill(children[k], SIGTERM);
}

static void on_stop(int sig)
{
    if (caught == 0)
        caught = sig;
    stop_children();
}

void plot_signals_watch(void)
{
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = on_stop;
    sigemptyset(&action.sa_mask);
    for (size_t i = 0; i < N_STOP_SIGNALS; i++)
        sigaddset(&action.sa_mask, stop_signals[i]);
    caught = 0;
    n_children = 0;
    for (size_t i = 0; i < N_STOP_SIGNALS; i++) {
        sigaction(stop_signals[i], &action, &before[i]);
        if (before[i].sa_handler == SIG_IGN)    /* nohup, or a background job */
            sigaction(stop_signals[i], &before[i], NULL);
    }
}

void plot_signals_add_child(pid_t pid)
{
    if (n_children >= PLOT_MAX_JOBS)
        return;
    children[n_children] = pid;
    n_children = n_children + 1;
    if (caught != 0)
        kill(pid, SIGTERM);
}

int plot_signals_caught(void)
{
    return caught;
}

void plot_signals_end(void)
{
    n_children = 0;
    for (size_t i = 0; i < N_STOP_SIGNALS; i++)
        sigaction(stop_signals[i], &before[i], NULL);
    if (caught != 0) {
        signal(caught, SIG_DFL);
        raise(caught);
    }
}

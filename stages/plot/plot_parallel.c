/* plot_parallel.c: running one gnuplot per script at once (plot_parallel.h).
 * The charts of a survey are independent, so on a machine with several
 * cores the plot stage takes about as long as its largest share. The
 * pipes are fed without blocking, as each gnuplot reads, so no gnuplot
 * waits for another's script to be written. */
#include "plot_parallel.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "plot_gnuplot.h"
#include "plot_signals.h"

typedef struct {
    const plot_script *script;
    char log[PATH_MAX];
    pid_t pid;
    int fd;                     /* the pipe's write end; -1 once closed */
    size_t done;                /* bytes of the script written */
    int fed;                    /* 0: all of it; -1: gnuplot stopped reading */
} runner;

static void stop_feeding(runner *r, int fed)
{
    close(r->fd);
    r->fd = -1;
    r->fed = fed;
}

/* Writes what the pipe takes now; closes it when all is written or when
 * gnuplot no longer reads (it failed). */
static void feed_some(runner *r)
{
    size_t left = r->script->length - r->done;
    ssize_t n = left > 0 ? write(r->fd, r->script->text + r->done, left) : 0;
    if (n < 0 && (errno == EAGAIN || errno == EINTR))
        return;
    if (n < 0 || (n == 0 && left > 0)) {
        stop_feeding(r, -1);
        return;
    }
    r->done += (size_t)n;
    if (r->done == r->script->length)
        stop_feeding(r, 0);
}

/* Feeds every open pipe until each is written or given up. */
static void feed_all(runner *runners, size_t n)
{
    void (*old)(int) = signal(SIGPIPE, SIG_IGN);
    struct pollfd fds[PLOT_MAX_JOBS];
    size_t which[PLOT_MAX_JOBS];
    for (;;) {
        nfds_t n_open = 0;
        for (size_t k = 0; k < n; k++)
            if (runners[k].fd >= 0) {
                fds[n_open] = (struct pollfd){.fd = runners[k].fd, .events = POLLOUT};
                which[n_open++] = k;
            }
        if (n_open == 0)
            break;
        if (plot_signals_caught()) {            /* the gnuplots are told to stop */
            for (nfds_t i = 0; i < n_open; i++)
                stop_feeding(&runners[which[i]], -1);
            break;
        }
        if (poll(fds, n_open, -1) < 0 && errno != EINTR) {
            for (nfds_t i = 0; i < n_open; i++)
                stop_feeding(&runners[which[i]], -1);
            break;
        }
        for (nfds_t i = 0; i < n_open; i++)
            if (fds[i].revents != 0)
                feed_some(&runners[which[i]]);
    }
    signal(SIGPIPE, old);
}

/* Starts the gnuplots; how many started (all n, or fewer with diag set). */
static size_t start_all(runner *runners, const plot_script *scripts, size_t n,
                        const char *work_dir, pp_diag *diag)
{
    for (size_t k = 0; k < n; k++) {
        runner *r = &runners[k];
        *r = (runner){.script = &scripts[k], .fd = -1, .fed = -1};
        snprintf(r->log, sizeof r->log, "%s/gnuplot-%zu.log", work_dir, k + 1);
        if ((r->fd = plot_gnuplot_start(r->log, &r->pid, diag)) < 0)
            return k;
        plot_signals_add_child(r->pid);
        if (fcntl(r->fd, F_SETFL, O_NONBLOCK) != 0) {
            stop_feeding(r, -1);
            pp_diag_set(diag, PP_ERR_INTERNAL, NULL, 0, "cannot feed gnuplot its script: "
                        "%s", strerror(errno));
            return k + 1;
        }
    }
    return n;
}

int plot_parallel_run(const plot_script *scripts, size_t n, const char *work_dir,
                      pp_diag *diag)
{
    if (n > PLOT_MAX_JOBS) {
        pp_diag_set(diag, PP_ERR_INTERNAL, NULL, 0, "%zu gnuplots asked for, more than %d",
                    n, PLOT_MAX_JOBS);
        return -1;
    }
    runner *runners = calloc(n + 1, sizeof *runners);
    int failed = 0;
    if (runners == NULL) {
        pp_diag_set(diag, PP_ERR_NOMEM, NULL, 0, NULL);
        return -1;
    }
    size_t started = start_all(runners, scripts, n, work_dir, diag);
    if (started < n || diag->code != PP_OK) {
        for (size_t k = 0; k < started; k++)   /* gnuplot reads an end, and exits */
            if (runners[k].fd >= 0)
                stop_feeding(&runners[k], -1);
        failed = 1;
    }
    feed_all(runners, started);
    for (size_t k = 0; k < started; k++)
        failed |= plot_gnuplot_wait(runners[k].pid, runners[k].fed, runners[k].log, diag) != 0;
    free(runners);
    return failed ? -1 : 0;
}

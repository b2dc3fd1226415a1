/* progress.c: step lines and the progress bar (progress.h). */
#include "progress.h"

#include <stdio.h>
#include <time.h>
#include <unistd.h>

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

void pp_progress_init(pp_progress *p, int quiet, int n_steps)
{
    p->quiet = quiet;
    p->bar = !quiet && isatty(STDERR_FILENO);
    p->step = 0;
    p->n_steps = n_steps > 0 ? n_steps : 1;
    p->started = now();
    p->open = 0;
}

/* Draws the bar over the current line, which it leaves open. */
static void draw(pp_progress *p, const char *what, int done)
{
    int steps = p->step + done;
    if (steps > p->n_steps)
        steps = p->n_steps;
    int filled = 20 * steps / p->n_steps;
    fprintf(stderr, "\r\033[Kprepost run [%.*s%*s] %d/%d %s%s", filled, "====================",
            20 - filled, "", steps, p->n_steps, what, done ? "" : "...");
    p->open = 1;
}

void pp_progress_finish(pp_progress *p)
{
    if (p->open)
        fputc('\n', stderr);
    p->open = 0;
}

void pp_progress_begin(pp_progress *p, const char *what)
{
    p->started = now();
    if (p->bar) {
        draw(p, what, 0);
        pp_progress_finish(p);          /* a stage's own messages go below the bar */
    }
}

void pp_progress_end(pp_progress *p, const char *what, const char *counts)
{
    double seconds = now() - p->started;
    if (p->bar)
        draw(p, what, 1);
    else if (!p->quiet)
        fprintf(stderr, "prepost run: %s done in %.2f s%s%s\n", what, seconds,
                counts ? ": " : "", counts ? counts : "");
    p->step++;
}

/* results_parallel.c: the costly statistics of results.json worked out
 * before the two passes, on every core the process may use.
 *
 * Two statistics take nearly all the time: the bootstrap interval of each
 * paired item in each slot, and the between-segment comparison of each
 * item in each segment (its Monte Carlo Fisher test). Each is a pure
 * function of its counts and the codebook's seed, so they are computed
 * once, in any order and on any thread, into an array with one place per
 * (item, slot) or (item, segment); the passes then read them in document
 * order. Which thread computed what never reaches the output: the bytes are
 * the same with one thread or many. */
#define _GNU_SOURCE                     /* sched_getaffinity, CPU_COUNT */
#include <pthread.h>
#include <sched.h>
#include <stdatomic.h>
#include <stdlib.h>

#include "gsl_quiet.h"
#include "results.h"

#define MAX_THREADS 16

typedef enum { TASK_BETWEEN, TASK_BOOTSTRAP } task_kind;

typedef struct {
    task_kind kind;
    size_t item, index;             /* index: a segment or a slot */
} task;

typedef struct {
    pp_results *r;
    task *tasks;
    size_t n_tasks;
    atomic_size_t next;
    atomic_bool out_of_memory;
} work;

static void run_task(work *w, const task *t)
{
    pp_results *r = w->r;
    int status;
    if (t->kind == TASK_BETWEEN)
        status = pp_results_between_compare(
            r, t->item, t->index, &r->between[t->item * r->cb->n_segments + t->index]);
    else
        status = pp_results_paired_bootstrap(
            r, t->item, t->index, &r->boot[t->item * r->view->n_slots + t->index]);
    if (status != 0)
        atomic_store(&w->out_of_memory, true);
}

static void *worker(void *arg)
{
    work *w = arg;
    for (;;) {
        size_t at = atomic_fetch_add(&w->next, 1);
        if (at >= w->n_tasks)
            return NULL;
        run_task(w, &w->tasks[at]);
    }
}

static size_t usable_cpus(void)
{
    cpu_set_t set;
    long n = 1;
    if (sched_getaffinity(0, sizeof set, &set) == 0)
        n = CPU_COUNT(&set);
    return n < 1 ? 1 : n > MAX_THREADS ? MAX_THREADS : (size_t)n;
}

/* The between-segment tasks first: each is one Monte Carlo test at most,
 * the longest tasks, so the threads finish together. */
static size_t list_tasks(const pp_results *r, task *tasks)
{
    size_t n = 0;
    for (size_t i = 0; i < r->cb->n_items; i++) {
        pp_item_kind kind = r->view->items[i].item->kind;
        if (kind == PP_ITEM_PAIRED || kind == PP_ITEM_SINGLE)
            for (size_t s = 0; s < r->cb->n_segments; s++)
                tasks[n++] = (task){TASK_BETWEEN, i, s};
    }
    for (size_t i = 0; i < r->cb->n_items; i++) {
        const pp_item_counts *ic = &r->view->items[i];
        if (ic->item->kind != PP_ITEM_PAIRED)
            continue;
        for (size_t slot = 0; slot < r->view->n_slots; slot++)
            if (slot == 0 || ic->by_slot[slot] != NULL)
                tasks[n++] = (task){TASK_BOOTSTRAP, i, slot};
    }
    return n;
}

int pp_results_precompute(pp_results *r)
{
    size_t n_items = r->cb->n_items;
    size_t most = n_items * (r->cb->n_segments + r->view->n_slots);
    r->between = calloc(n_items * r->cb->n_segments + 1, sizeof *r->between);
    r->boot = calloc(n_items * r->view->n_slots + 1, sizeof *r->boot);
    work w = {.r = r, .tasks = malloc((most + 1) * sizeof *w.tasks)};
    if (r->between == NULL || r->boot == NULL || w.tasks == NULL) {
        free(w.tasks);
        return -1;
    }
    w.n_tasks = list_tasks(r, w.tasks);
    atomic_init(&w.next, 0);
    atomic_init(&w.out_of_memory, false);

    pthread_t threads[MAX_THREADS];
    size_t wanted = usable_cpus(), started = 0;
    pp_gsl_quiet_install();             /* GSL's handler set before any thread reads it */
    if (wanted > w.n_tasks)
        wanted = w.n_tasks;
    while (started + 1 < wanted && pthread_create(&threads[started], NULL, worker, &w) == 0)
        started++;
    worker(&w);                         /* this thread is one of them */
    for (size_t t = 0; t < started; t++)
        pthread_join(threads[t], NULL);
    free(w.tasks);
    return atomic_load(&w.out_of_memory) ? -1 : 0;
}

void pp_results_release(pp_results *r)
{
    free(r->between);
    free(r->boot);
    r->between = NULL;
    r->boot = NULL;
}

/* failing_alloc.c: a library to preload (LD_PRELOAD) into a stage program so
 * that one of its allocations fails, to test the out-of-memory paths.
 *
 *   PREPOST_FAIL_ALLOC=N     the Nth call of malloc, calloc or realloc (from
 *                            the start of the process, counted together)
 *                            returns NULL with errno ENOMEM; every other call
 *                            goes to the real allocator
 *   PREPOST_COUNT_ALLOC=1    print "allocations: TOTAL" on standard error at
 *                            exit, the range of N worth trying
 *   PREPOST_ALLOC_SITES=FILE write to FILE at exit where the program made
 *                            the allocations it still holds (alloc_sites.h)
 *
 * With neither set it only passes the calls on. strdup, strndup, getline,
 * fopen and the like allocate through malloc (glibc calls it through its
 * PLT), so they fail when their malloc does. Only that one call fails:
 * the program's later allocations succeed again, as they may when memory
 * is freed elsewhere.
 *
 * dlsym may itself call calloc before the real one is known; those calls
 * are served from a small static buffer, never freed. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "alloc_sites.h"

typedef void *malloc_fn(size_t);
typedef void *calloc_fn(size_t, size_t);
typedef void *realloc_fn(void *, size_t);
typedef void free_fn(void *);

static malloc_fn *real_malloc;
static calloc_fn *real_calloc;
static realloc_fn *real_realloc;
static free_fn *real_free;

static unsigned long fail_at;      /* 0: never */
static unsigned long calls;
static int resolving;

/* ---- the bootstrap buffer, for dlsym's own allocations ------------------ */

static _Alignas(max_align_t) unsigned char bootstrap[8192];
static size_t bootstrap_used;

static void *bootstrap_alloc(size_t size)
{
    size_t aligned = (size + sizeof(max_align_t) - 1) & ~(sizeof(max_align_t) - 1);
    if (aligned < size || aligned > sizeof bootstrap - bootstrap_used)
        return NULL;
    void *p = bootstrap + bootstrap_used;
    bootstrap_used += aligned;
    return p;                       /* static storage: already zero */
}

static int from_bootstrap(const void *p)
{
    const unsigned char *c = p;
    return c >= bootstrap && c < bootstrap + sizeof bootstrap;
}

/* ---- set up ----------------------------------------------------------------- */

static void print_count(void)
{
    char line[64];
    int n = snprintf(line, sizeof line, "allocations: %lu\n",
                     __atomic_load_n(&calls, __ATOMIC_RELAXED));
    if (n > 0 && write(STDERR_FILENO, line, (size_t)n) < 0)
        return;
}

static void read_settings(void)
{
    const char *n = getenv("PREPOST_FAIL_ALLOC");
    if (n && *n)
        fail_at = strtoul(n, NULL, 10);
    const char *count = getenv("PREPOST_COUNT_ALLOC");
    if (count && *count && strcmp(count, "0") != 0)
        atexit(print_count);
}

static int resolve(void)
{
    if (real_free)
        return 1;
    if (resolving)
        return 0;
    resolving = 1;
    real_malloc = (malloc_fn *)dlsym(RTLD_NEXT, "malloc");
    real_calloc = (calloc_fn *)dlsym(RTLD_NEXT, "calloc");
    real_realloc = (realloc_fn *)dlsym(RTLD_NEXT, "realloc");
    real_free = (free_fn *)dlsym(RTLD_NEXT, "free");
    resolving = 0;
    if (!real_malloc || !real_calloc || !real_realloc || !real_free)
        abort();
    read_settings();
    return 1;
}

/* Counts one call; true when this is the one that fails. Threads count
 * together (prepost-stats has workers), in whatever order they call. */
static int this_one_fails(void)
{
    unsigned long n = __atomic_add_fetch(&calls, 1, __ATOMIC_RELAXED);
    if (fail_at == 0 || n != fail_at)
        return 0;
    errno = ENOMEM;
    return 1;
}

/* ---- the allocator --------------------------------------------------------- */

/* Watching starts once the libraries are loaded, before main. */
__attribute__((constructor)) static void start_watching(void)
{
    const char *sites = getenv("PREPOST_ALLOC_SITES");
    if (sites && *sites && resolve())
        alloc_sites_start(sites);
}

/* p, remembered as allocated by a call from `caller`. */
static void *held(void *p, void *caller)
{
    alloc_sites_add(p, caller);
    return p;
}

void *malloc(size_t size)
{
    if (!resolve())
        return bootstrap_alloc(size);
    return this_one_fails() ? NULL : held(real_malloc(size), __builtin_return_address(0));
}

void *calloc(size_t count, size_t size)
{
    if (!resolve()) {
        if (size && count > (size_t)-1 / size)
            return NULL;
        return bootstrap_alloc(count * size);
    }
    return this_one_fails() ? NULL : held(real_calloc(count, size), __builtin_return_address(0));
}

void *realloc(void *p, size_t size)
{
    if (!resolve())
        return NULL;
    if (from_bootstrap(p)) {        /* move it to the real heap */
        if (this_one_fails())
            return NULL;
        void *moved = real_malloc(size);
        if (moved) {
            size_t room = (size_t)(bootstrap + sizeof bootstrap - (unsigned char *)p);
            memcpy(moved, p, size < room ? size : room);
        }
        return held(moved, __builtin_return_address(0));
    }
    if (this_one_fails())
        return NULL;
    void *moved = real_realloc(p, size);
    if (moved != NULL || size == 0)
        alloc_sites_remove(p);      /* moved, or freed by realloc(p, 0) */
    return held(moved, __builtin_return_address(0));
}

void free(void *p)
{
    if (!p || from_bootstrap(p))
        return;
    alloc_sites_remove(p);
    if (resolve())
        real_free(p);
}

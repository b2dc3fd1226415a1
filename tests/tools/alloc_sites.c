/* alloc_sites.c: which allocations a program still holds when it exits, by
 * the place in the program that made them; part of failing_alloc.so
 * (alloc_sites.h).
 *
 * Every allocation is remembered with its site: the first return address
 * inside the program itself (not a shared library), as an offset from
 * where the program is loaded, so that it is the same in every run. An
 * allocation made in a library on the program's behalf (strdup, getline,
 * fopen) takes the site of the program's call. At exit the sites of what
 * is still held are written, one "OFFSET COUNT" line each, sorted.
 *
 * The tables are static: nothing here allocates through the functions it
 * watches. A thread that is already inside (backtrace may allocate the
 * first time) passes through unwatched. */
#define _GNU_SOURCE
#include "alloc_sites.h"

#include <execinfo.h>
#include <fcntl.h>
#include <link.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define SLOTS (1u << 20)            /* allocations held at once, at most 3/4 */
#define DEPTH 24                    /* frames looked through for the program */

typedef struct {
    uintptr_t ptr;                  /* 0: empty; 1: a freed slot */
    uintptr_t site;
} slot;

static slot table[SLOTS];
static size_t used;                 /* slots not empty, freed ones included */
static int overflowed;
static int watching;
static const char *report_path;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static __thread int inside __attribute__((tls_model("initial-exec")));

static uintptr_t program_base, program_start, program_end;

static int find_program(struct dl_phdr_info *info, size_t size, void *unused)
{
    (void)size, (void)unused;
    program_base = info->dlpi_addr;
    for (int i = 0; i < info->dlpi_phnum; i++) {
        const ElfW(Phdr) *ph = &info->dlpi_phdr[i];
        if (ph->p_type != PT_LOAD || !(ph->p_flags & PF_X))
            continue;
        uintptr_t start = info->dlpi_addr + ph->p_vaddr;
        if (program_start == 0 || start < program_start)
            program_start = start;
        if (start + ph->p_memsz > program_end)
            program_end = start + ph->p_memsz;
    }
    return 1;                       /* the first is the program */
}

static int in_program(uintptr_t address)
{
    return address >= program_start && address < program_end;
}

/* The site of an allocation whose immediate caller is `caller`. */
static uintptr_t site_of(void *caller)
{
    if (in_program((uintptr_t)caller))
        return (uintptr_t)caller - program_base;
    void *frames[DEPTH];
    int n = backtrace(frames, DEPTH);
    for (int i = 0; i < n; i++)
        if (in_program((uintptr_t)frames[i]))
            return (uintptr_t)frames[i] - program_base;
    return 0;                       /* a library's own, at start-up or exit */
}

static size_t slot_of(uintptr_t p)
{
    return (size_t)((p >> 4) * 0x9E3779B97F4A7C15ull >> 44) & (SLOTS - 1);
}

static void write_report(void)
{
    pthread_mutex_lock(&lock);
    watching = 0;
    static uintptr_t sites[SLOTS];
    size_t n = 0;
    for (size_t i = 0; i < SLOTS; i++)
        if (table[i].ptr > 1 && table[i].site != 0)
            sites[n++] = table[i].site;
    pthread_mutex_unlock(&lock);
    /* insertion sort would do for a few; these may be thousands */
    for (size_t gap = n / 2; gap > 0; gap /= 2)
        for (size_t i = gap; i < n; i++)
            for (size_t j = i; j >= gap && sites[j - gap] > sites[j]; j -= gap) {
                uintptr_t t = sites[j];
                sites[j] = sites[j - gap];
                sites[j - gap] = t;
            }
    int fd = open(report_path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd < 0)
        return;
    char line[64];
    int len;
    if (overflowed && (len = snprintf(line, sizeof line, "overflow\n")) > 0)
        (void)!write(fd, line, (size_t)len);
    for (size_t i = 0; i < n;) {
        size_t j = i;
        while (j < n && sites[j] == sites[i])
            j++;
        len = snprintf(line, sizeof line, "%#lx %zu\n", (unsigned long)sites[i], j - i);
        if (len > 0)
            (void)!write(fd, line, (size_t)len);
        i = j;
    }
    close(fd);
}

void alloc_sites_start(const char *path)
{
    inside = 1;
    dl_iterate_phdr(find_program, NULL);
    void *warm[1];
    backtrace(warm, 1);             /* loads the unwinder now, not mid-count */
    inside = 0;
    report_path = path;
    watching = program_end > program_start;
    if (watching)
        atexit(write_report);
}

void alloc_sites_add(void *p, void *caller)
{
    if (!watching || p == NULL || inside)
        return;
    inside = 1;
    uintptr_t site = site_of(caller);
    pthread_mutex_lock(&lock);
    if (4 * (used + 1) > 3 * (size_t)SLOTS) {
        overflowed = 1;
    } else {
        size_t i = slot_of((uintptr_t)p);
        while (table[i].ptr > 1)
            i = (i + 1) & (SLOTS - 1);
        used += table[i].ptr == 0;
        table[i] = (slot){(uintptr_t)p, site};
    }
    pthread_mutex_unlock(&lock);
    inside = 0;
}

void alloc_sites_remove(void *p)
{
    if (!watching || p == NULL)
        return;
    pthread_mutex_lock(&lock);
    for (size_t i = slot_of((uintptr_t)p); table[i].ptr != 0; i = (i + 1) & (SLOTS - 1))
        if (table[i].ptr == (uintptr_t)p) {
            table[i].ptr = 1;
            break;
        }
    pthread_mutex_unlock(&lock);
}

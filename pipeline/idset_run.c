/* idset_run.c: a rising run of numbers as blocks of differences
 * (idset_run.h). */
#include "idset_run.h"

#include <stdlib.h>

/* Makes room for one more block. 0, or -1. */
static int reserve_block(pp_idrun *run)
{
    if (run->n_blocks < run->cap_blocks)
        return 0;
    size_t cap = run->cap_blocks ? 2 * run->cap_blocks : 64;
    uint64_t *firsts = realloc(run->firsts, cap * sizeof *firsts);
    if (firsts == NULL)
        return -1;
    run->firsts = firsts;
    size_t *starts = realloc(run->starts, cap * sizeof *starts);
    if (starts == NULL)
        return -1;
    run->starts = starts;
    run->cap_blocks = cap;
    return 0;
}

/* Makes room for one more difference (at most 10 bytes). 0, or -1. */
static int reserve_bytes(pp_idrun *run)
{
    if (run->cap_bytes - run->n_bytes >= 10)
        return 0;
    size_t cap = run->cap_bytes ? 2 * run->cap_bytes : 4096;
    unsigned char *bytes = realloc(run->bytes, cap);
    if (bytes == NULL)
        return -1;
    run->bytes = bytes;
    run->cap_bytes = cap;
    return 0;
}

int pp_idrun_push(pp_idrun *run, uint64_t v)
{
    if (run->n == 0 || run->in_last == PP_IDRUN_BLOCK) {
        if (reserve_block(run) != 0)
            return -1;
        run->firsts[run->n_blocks] = v;
        run->starts[run->n_blocks] = run->n_bytes;
        run->n_blocks++;
        run->in_last = 1;
    } else {
        if (reserve_bytes(run) != 0)
            return -1;
        uint64_t difference = v - run->last;
        while (difference >= 0x80) {
            run->bytes[run->n_bytes++] = (unsigned char)(difference | 0x80);
            difference >>= 7;
        }
        run->bytes[run->n_bytes++] = (unsigned char)difference;
        run->in_last++;
    }
    run->last = v;
    run->n++;
    return 1;
}

/* The last block whose first value is at most v (there is one). */
static size_t block_of(const pp_idrun *run, uint64_t v)
{
    size_t lo = 0, hi = run->n_blocks;      /* firsts[lo] <= v < firsts[hi] */
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (run->firsts[mid] <= v)
            lo = mid;
        else
            hi = mid;
    }
    return lo;
}

int pp_idrun_contains(const pp_idrun *run, uint64_t v)
{
    if (run->n == 0 || v < run->firsts[0] || v > run->last)
        return 0;
    size_t b = block_of(run, v);
    size_t at = run->starts[b];
    size_t end = b + 1 < run->n_blocks ? run->starts[b + 1] : run->n_bytes;
    uint64_t x = run->firsts[b];
    while (x < v && at < end) {
        uint64_t difference = 0;
        unsigned shift = 0;
        unsigned char byte;
        do {
            byte = run->bytes[at++];
            difference |= (uint64_t)(byte & 0x7F) << shift;
            shift += 7;
        } while (byte & 0x80);
        x += difference;
    }
    return x == v;
}

size_t pp_idrun_memory(const pp_idrun *run)
{
    return run->cap_blocks * (sizeof *run->firsts + sizeof *run->starts) + run->cap_bytes;
}

void pp_idrun_free(pp_idrun *run)
{
    free(run->firsts);
    free(run->starts);
    free(run->bytes);
    *run = (pp_idrun){0};
}

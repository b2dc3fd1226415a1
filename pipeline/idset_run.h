/* idset_run.h: a strictly rising run of 64-bit numbers, kept small: in
 * blocks of PP_IDRUN_BLOCK values, each block its first value and then the
 * difference to the previous value, seven bits a byte (the high bit says
 * more bytes follow). Respondent ids numbered by a survey tool differ from
 * their neighbours by tens to thousands: one or two bytes an id, where the
 * values themselves take eight. Appending is O(1); looking a value up
 * searches the blocks' first values, then reads one block. */
#ifndef PREPOST_IDSET_RUN_H
#define PREPOST_IDSET_RUN_H

#include <stddef.h>
#include <stdint.h>

#define PP_IDRUN_BLOCK 64

typedef struct {
    uint64_t *firsts;           /* each block's first value */
    size_t *starts;             /* where each block's differences begin in bytes */
    size_t n_blocks, cap_blocks;
    unsigned char *bytes;       /* the differences */
    size_t n_bytes, cap_bytes;
    size_t n;                   /* values held */
    size_t in_last;             /* values in the last block */
    uint64_t last;              /* the largest value, when n > 0 */
} pp_idrun;

/* Appends v, which must be above every value held. 1, or -1 on out of
 * memory (the run unchanged). */
int pp_idrun_push(pp_idrun *run, uint64_t v);
int pp_idrun_contains(const pp_idrun *run, uint64_t v);
size_t pp_idrun_memory(const pp_idrun *run);
void pp_idrun_free(pp_idrun *run);

#endif

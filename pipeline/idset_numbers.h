/* idset_numbers.h: the part of the id set (idset.h) that holds ids written
 * as plain whole numbers (digits only, no leading zero, at most 19 digits),
 * as survey tools number their respondents. Each is kept exactly, as a
 * 64-bit value. Exports list respondents in order, so ids mostly come
 * rising (or falling): those are appended to a sorted run kept as the
 * differences between neighbours (a byte or two each: idset_run.h), with
 * no look-up at all; the few out of order go to a hash table, 8 bytes a
 * slot. */
#ifndef PREPOST_IDSET_NUMBERS_H
#define PREPOST_IDSET_NUMBERS_H

#include <stddef.h>
#include <stdint.h>

#include "idset_run.h"

typedef struct {
    pp_idrun up;                /* rising, in the order they came */
    pp_idrun down;              /* falling, kept as UINT64_MAX - value (rising) */
    uint64_t *table;            /* the rest: value + 1 per slot, 0 = empty */
    size_t n_slots, n_table;    /* slots (a power of two, or 0), values held */
} pp_idnumbers;

/* 1 with *value set when s[0..len) is such a number, else 0. */
int pp_idnumber_parse(const char *s, size_t len, uint64_t *value);

/* 1 if added, 0 if already there, -1 on out of memory (set unchanged). */
int pp_idnumbers_add(pp_idnumbers *set, uint64_t value);
int pp_idnumbers_contains(const pp_idnumbers *set, uint64_t value);
size_t pp_idnumbers_count(const pp_idnumbers *set);
size_t pp_idnumbers_memory(const pp_idnumbers *set);
void pp_idnumbers_free(pp_idnumbers *set);

#endif

/* idset.h: a set of byte strings (respondent ids), used by ingest to reject
 * a row whose id was already seen. Open addressing over one packed buffer:
 * the memory it takes is the ids themselves plus a small table, so ingest
 * stays within SPEC §4 ("memory does not grow beyond a small per-ID set"). */
#ifndef PREPOST_IDSET_H
#define PREPOST_IDSET_H

#include <stddef.h>

typedef struct pp_idset pp_idset;

/* NULL on out of memory. */
pp_idset *pp_idset_new(void);
void pp_idset_free(pp_idset *set);

/* Adds s[0..len) (any bytes, NUL included). Returns 1 if it was added, 0 if
 * it was already in the set, -1 on out of memory (the set is unchanged). */
int pp_idset_add(pp_idset *set, const char *s, size_t len);
/* 1 if s[0..len) is in the set, else 0. */
int pp_idset_contains(const pp_idset *set, const char *s, size_t len);
size_t pp_idset_count(const pp_idset *set);
/* Bytes held by the set (table and stored ids), for tests and benches. */
size_t pp_idset_memory(const pp_idset *set);

#endif

/* idset.h: a set of byte strings (respondent ids), used by ingest to reject
 * a row whose id was already seen. It is the one thing in ingest that grows
 * with the rows (SPEC §4 allows "a small per-ID set"):
 *   - an id written as a plain whole number (SurveyMonkey's 11 digits) is
 *     kept as a 64-bit number. When ids come in order, rising or falling,
 *     as exports list them, each is kept as its difference from the one
 *     before: one byte an id for differences under 128, two under 16,384
 *     (SurveyMonkey's), plus a quarter of a byte; an id out of order takes
 *     11 to 23 bytes (a hash table slot at most 70% full). See
 *     idset_numbers.h;
 *   - any other id (Qualtrics' R_..., text) is kept as its bytes plus 8,
 *     and a table slot of 8 bytes at most 70% full (11 to 23 bytes an id):
 *     34 to 46 bytes for a 15-byte id. */
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

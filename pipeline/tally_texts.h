/* tally_texts.h: the answers to text items, counted as records go by
 * (tally_records.c): a count per (item, slot, answer), turned into tally
 * keys once, at the end. Counting an answer hashes its bytes once; making
 * a tally key for every answer of every record (escaping and joining the
 * four fields, then hashing the line) took a third of counting a large
 * export. Memory grows with the distinct answers, as the tally does. */
#ifndef PREPOST_TALLY_TEXTS_H
#define PREPOST_TALLY_TEXTS_H

#include <stddef.h>
#include <stdint.h>

typedef struct pp_text_counts pp_text_counts;

/* NULL on out of memory. */
pp_text_counts *pp_text_counts_new(void);
void pp_text_counts_free(pp_text_counts *t);

/* The hash pp_text_counts_add takes for text[0..len). */
uint64_t pp_text_hash(const char *text, size_t len);
/* Adds one to (item, slot, text[0..len)); hash is pp_text_hash of the
 * text. 0, or -1 on out of memory. */
int pp_text_counts_add(pp_text_counts *t, size_t item, size_t slot, const char *text,
                       size_t len, uint64_t hash);

/* Calls fn once per key with its count (text NUL-terminated), in no
 * particular order; stops at the first non-zero return and returns it. */
typedef int pp_text_count_fn(size_t item, size_t slot, const char *text, uint64_t count,
                             void *user);
int pp_text_counts_each(const pp_text_counts *t, pp_text_count_fn *fn, void *user);

#endif

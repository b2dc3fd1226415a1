/* label.h: forgiving label matching (SPEC §3). Two labels match when they
 * are equal after normalisation: a leading UTF-8 byte-order mark dropped,
 * surrounding white space trimmed, runs of white space (including
 * no-break space and tabs/newlines) made one space, typographic quotes and
 * apostrophes (‘ ’ ‚ ‛ “ ” „ ‟ ′ ″ ´ `) made ASCII ' and ", and ASCII letters
 * folded to lower case. Nothing else is forgiven. */
#ifndef PREPOST_LABEL_H
#define PREPOST_LABEL_H

#include <stddef.h>

#include "codebook.h"

/* Writes the normalised form of s[0..len) into a new malloc'd,
 * NUL-terminated string (NULL on out of memory). */
char *pp_label_normalize(const char *s, size_t len);

/* 1 if a and b match forgivingly. */
int pp_label_equal(const char *a, size_t alen, const char *b, size_t blen);

/* 1 if s[0..len) is empty after normalisation (no answer). */
int pp_label_is_blank(const char *s, size_t len);

/* A compiled lookup from a scale's labels to codes. */
typedef struct pp_label_index pp_label_index;

pp_label_index *pp_label_index_for_scale(const pp_scale *scale);
pp_label_index *pp_label_index_for_strings(const pp_strings *labels);
void pp_label_index_free(pp_label_index *ix);

/* Looks a cell up. Returns 1 and sets *code when it matches: for a scale,
 * 1..K for a level and -1..-M for a missing level; for a string list, the
 * 1-based position. Returns 0 when blank (*code = 0) and -1 when it matches
 * nothing. */
int pp_label_lookup(const pp_label_index *ix, const char *s, size_t len, int *code);

/* "Poor | Fair | Good | Very good | Excellent | Don't know" into buf,
 * for messages that say which labels were expected. */
void pp_label_expected(const pp_scale *scale, char *buf, size_t cap);

#endif

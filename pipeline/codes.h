/* codes.h: answer codes as records and tallies write them, and the dense
 * index that tally and stats count them under.
 *
 *   text   1..K   a level of the scale, worst to best
 *          -1..-M a missing level, in codebook order
 *          .      no answer (blank, or "" in records)
 *          ~      not in that wave of a panel
 *   index  missing -M..-1 -> 0..M-1 (code -j -> j-1), levels k -> M+k-1,
 *          no answer -> M+K, not in the wave -> M+K+1
 */
#ifndef PREPOST_CODES_H
#define PREPOST_CODES_H

#include <stddef.h>

#include "codebook.h"

/* How many indices a scale's codes take: M + K + 2. */
size_t pp_code_width(const pp_scale *s);
size_t pp_code_no_answer(const pp_scale *s);     /* M + K */
size_t pp_code_not_in_wave(const pp_scale *s);   /* M + K + 1 */
/* Index of the level code k (1..K). */
size_t pp_code_level(const pp_scale *s, size_t k);

/* Index of a code's text, or -1 if it is no code of the scale. No answer
 * may be written "" (records) or "." (tallies); "~" is not in the wave. */
long pp_code_index(const pp_scale *s, const char *text, size_t len);
/* The tally text of an index into buf ("3", "-1", ".", "~"). */
void pp_code_text(const pp_scale *s, size_t index, char *buf, size_t cap);

#endif

/* init_id_words.h: the words of a column's text as `prepost init` makes
 * ids of them (init_ids.h): lower-case ASCII letters and digits, Latin
 * letters with accents written without them (é as e, ß as ss, Œ as oe),
 * letters of other scripts dropped, apostrophes dropped inside a word
 * ("don't" is "dont"), the dots of an abbreviation too ("e.g." is "eg");
 * anything else ends a word. */
#ifndef PREPOST_INIT_ID_WORDS_H
#define PREPOST_INIT_ID_WORDS_H

#include <stddef.h>

#include "strlist.h"

/* No more words than this are read from a text, and no word is kept
 * longer than this many characters: an id needs only its first few. */
#define PP_INIT_ID_WORDS_MAX 64
#define PP_INIT_ID_WORD_LEN 40

/* Appends the words of text to words; *first_sentence gets how many of
 * them come before the first end of a sentence ("?", "!", or "." then a
 * space after a word of three letters or more), or all of them if none.
 * 0, or -1 out of memory. */
int pp_init_id_words(const char *text, pp_strings *words, size_t *first_sentence);

/* How many of words lead them as a question's number (12, 3a, q3, q3b);
 * none if they are all numbers (Q1_1: a name, not a numbered question). */
size_t pp_init_id_numbering(const pp_strings *words);

#endif

/* init_id_texts.h: the texts of one export that `prepost init` makes ids
 * of (init_ids.h), each as its words (init_id_words.h), grouped by how
 * they start: texts whose first two words (past a question's number) are
 * the same are siblings, and a word all of them have tells none of them
 * apart ("how would you rate your" across "How would you rate your
 * awareness..." and "How would you rate your understanding..."). */
#ifndef PREPOST_INIT_ID_TEXTS_H
#define PREPOST_INIT_ID_TEXTS_H

#include <stddef.h>

#include "strlist.h"

typedef struct {
    pp_strings *words;          /* per text */
    size_t *group;              /* per text: the first text that starts as it does */
    pp_strings *common;         /* per first text of a group: the words all its texts have */
    unsigned char *varied;      /* per first text of a group: not all its texts are alike */
    size_t count, capacity;
    size_t grouped;             /* texts grouped, count once grouped */
} pp_init_id_texts;

/* Adds a text. 0, or -1 out of memory. */
int pp_init_id_texts_add(pp_init_id_texts *t, const char *text);
void pp_init_id_texts_free(pp_init_id_texts *t);

/* 1 if a and b are the same words. */
int pp_init_id_same_words(const pp_strings *a, const pp_strings *b);

/* shared[k] = 1 for each word k of w (a text's words) that every other
 * text starting as w does has too, when there is another; else 0. Groups
 * the texts first, once they are all added. 0, or -1 out of memory (then
 * no word is shared). */
int pp_init_id_shared(pp_init_id_texts *t, const pp_strings *w, unsigned char *shared);

#endif

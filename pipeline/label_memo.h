/* label_memo.h: a memo in front of pp_label_lookup (label.h) for one
 * export column: the cells it has held, byte for byte, with what the
 * lookup said of them. An export repeats a handful of spellings per
 * column a million times; the memo answers those from a comparison of the
 * bytes, where the lookup hashes every byte first, and it remembers
 * spellings the lookup only matched forgivingly ("very good ", curly
 * quotes) or not at all, so those cost no more than exact ones. Its size
 * is fixed: a spelling that finds its places taken goes to the lookup
 * every time, with the same answer. */
#ifndef PREPOST_LABEL_MEMO_H
#define PREPOST_LABEL_MEMO_H

#include <stddef.h>

#include "label.h"

#define PP_LABEL_MEMO_SLOTS 64      /* a power of two */
#define PP_LABEL_MEMO_KEY 30        /* longer cells are not remembered */

typedef struct {
    unsigned char len;              /* 0: empty */
    signed char found;              /* what pp_label_lookup returned */
    int code;
    char key[PP_LABEL_MEMO_KEY];
} pp_label_memo_slot;

typedef struct {
    pp_label_memo_slot slots[PP_LABEL_MEMO_SLOTS];
} pp_label_memo;

/* pp_label_lookup(ix, s, len, code), the same answer, remembered in memo
 * (zeroed before first use, one per column and index). */
int pp_label_memo_lookup(pp_label_memo *memo, const pp_label_index *ix, const char *s,
                         size_t len, int *code);

#endif

/* label_memo.c: the per-column memo of label_memo.h. Two places a key may
 * sit (a slot and its neighbour), picked from the length and three bytes;
 * a new key takes an empty one, else the first. pp_label_lookup is a pure
 * function of the bytes for cells this short (it allocates only for cells
 * over 256 bytes), so what it said once it says again. */
#include "label_memo.h"

#include <string.h>

static size_t place_of(const unsigned char *s, size_t len)
{
    size_t h = len;
    h = h * 131 + s[0];
    h = h * 131 + s[len - 1];
    h = h * 131 + s[len / 2];
    h ^= h >> 9;
    return (h * 2) & (PP_LABEL_MEMO_SLOTS - 1);
}

static int holds(const pp_label_memo_slot *slot, const char *s, size_t len)
{
    return slot->len == len && memcmp(slot->key, s, len) == 0;
}

int pp_label_memo_lookup(pp_label_memo *memo, const pp_label_index *ix, const char *s,
                         size_t len, int *code)
{
    if (len == 0) {                     /* blank, as pp_label_lookup says */
        *code = 0;
        return 0;
    }
    if (len > PP_LABEL_MEMO_KEY)
        return pp_label_lookup(ix, s, len, code);
    pp_label_memo_slot *first = &memo->slots[place_of((const unsigned char *)s, len)];
    pp_label_memo_slot *second = first + 1;
    const pp_label_memo_slot *hit = holds(first, s, len) ? first
                                  : holds(second, s, len) ? second : NULL;
    if (hit != NULL) {
        *code = hit->code;
        return hit->found;
    }
    int found = pp_label_lookup(ix, s, len, code);
    pp_label_memo_slot *slot = first->len == 0 || second->len != 0 ? first : second;
    slot->len = (unsigned char)len;
    slot->found = (signed char)found;
    slot->code = *code;
    memcpy(slot->key, s, len);
    return found;
}

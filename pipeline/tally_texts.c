/* tally_texts.c: counts of text answers per item and slot (tally_texts.h).
 *
 * Keys live in one array; their answers, each with a NUL after it, in one
 * growing byte buffer (offsets stay valid when it moves). The hash table
 * (linear probing, at most half full) holds 1 + the index of a key, 0 for
 * an empty slot. */
#include "tally_texts.h"

#include <stdlib.h>
#include <string.h>

typedef struct {
    uint64_t hash;          /* of the answer, mixed with item and slot */
    size_t item, slot;
    size_t offset, len;     /* the answer in bytes */
    uint64_t count;
} text_key;

struct pp_text_counts {
    text_key *keys;
    size_t n_keys, cap_keys;
    size_t *table;
    size_t n_table;         /* a power of two */
    char *bytes;
    size_t used, cap_bytes;
};

/* Eight bytes at a time: answers run to tens of bytes, and a byte at a
 * time (FNV) was most of counting them. */
uint64_t pp_text_hash(const char *text, size_t len)
{
    const uint64_t mul = 0xFF51AFD7ED558CCDULL;
    uint64_t h = 0x9E3779B97F4A7C15ULL ^ len, word;
    size_t i = 0;
    for (; i + 8 <= len; i += 8) {
        memcpy(&word, text + i, 8);
        h = (h ^ word) * mul;
        h ^= h >> 32;
    }
    word = 0;
    memcpy(&word, text + i, len - i);
    h = (h ^ word) * mul;
    return h ^ (h >> 29);
}

static uint64_t key_hash(uint64_t text_hash, size_t item, size_t slot)
{
    uint64_t h = text_hash ^ ((uint64_t)item * 0x9E3779B97F4A7C15ULL)
                           ^ ((uint64_t)slot * 0xC2B2AE3D27D4EB4FULL);
    h ^= h >> 29;
    h *= 0xBF58476D1CE4E5B9ULL;
    return h ^ (h >> 32);
}

pp_text_counts *pp_text_counts_new(void)
{
    pp_text_counts *t = calloc(1, sizeof *t);
    if (t == NULL)
        return NULL;
    t->n_table = 256;
    t->table = calloc(t->n_table, sizeof *t->table);
    if (t->table == NULL) {
        free(t);
        return NULL;
    }
    return t;
}

void pp_text_counts_free(pp_text_counts *t)
{
    if (t == NULL)
        return;
    free(t->keys);
    free(t->table);
    free(t->bytes);
    free(t);
}

static int grow_table(pp_text_counts *t)
{
    size_t n = t->n_table * 2;
    size_t *table = calloc(n, sizeof *table);
    if (table == NULL)
        return -1;
    for (size_t k = 0; k < t->n_keys; k++) {
        size_t at = t->keys[k].hash & (n - 1);
        while (table[at] != 0)
            at = (at + 1) & (n - 1);
        table[at] = k + 1;
    }
    free(t->table);
    t->table = table;
    t->n_table = n;
    return 0;
}

/* Room for one more key and len + 1 more bytes. 0, or -1. */
static int reserve(pp_text_counts *t, size_t len)
{
    if (2 * (t->n_keys + 1) > t->n_table && grow_table(t) != 0)
        return -1;
    if (t->n_keys == t->cap_keys) {
        size_t cap = t->cap_keys ? 2 * t->cap_keys : 64;
        text_key *keys = realloc(t->keys, cap * sizeof *keys);
        if (keys == NULL)
            return -1;
        t->keys = keys;
        t->cap_keys = cap;
    }
    if (t->cap_bytes - t->used < len + 1) {
        size_t cap = t->cap_bytes ? t->cap_bytes : 4096;
        while (cap - t->used < len + 1)
            cap *= 2;
        char *bytes = realloc(t->bytes, cap);
        if (bytes == NULL)
            return -1;
        t->bytes = bytes;
        t->cap_bytes = cap;
    }
    return 0;
}

int pp_text_counts_add(pp_text_counts *t, size_t item, size_t slot, const char *text,
                       size_t len, uint64_t hash)
{
    uint64_t h = key_hash(hash, item, slot);
    size_t at = h & (t->n_table - 1);
    for (; t->table[at] != 0; at = (at + 1) & (t->n_table - 1)) {
        text_key *k = &t->keys[t->table[at] - 1];
        if (k->hash == h && k->item == item && k->slot == slot && k->len == len
            && memcmp(t->bytes + k->offset, text, len) == 0) {
            k->count++;
            return 0;
        }
    }
    if (reserve(t, len) != 0)
        return -1;
    at = h & (t->n_table - 1);              /* the table may have grown */
    while (t->table[at] != 0)
        at = (at + 1) & (t->n_table - 1);
    memcpy(t->bytes + t->used, text, len);
    t->bytes[t->used + len] = '\0';
    t->keys[t->n_keys] = (text_key){h, item, slot, t->used, len, 1};
    t->used += len + 1;
    t->table[at] = ++t->n_keys;
    return 0;
}

int pp_text_counts_each(const pp_text_counts *t, pp_text_count_fn *fn, void *user)
{
    for (size_t k = 0; k < t->n_keys; k++) {
        const text_key *key = &t->keys[k];
        int stop = fn(key->item, key->slot, t->bytes + key->offset, key->count, user);
        if (stop != 0)
            return stop;
    }
    return 0;
}

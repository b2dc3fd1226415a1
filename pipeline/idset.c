/* idset.c: the id set of idset.h.
 *
 * An id written as a plain whole number is kept as one, in numbers
 * (idset_numbers.h); such a text and any other text are never the same id,
 * so each id has one place to be looked for. Every other id is appended once to a packed byte buffer as
 *     [hash: 4 bytes][length: 4 bytes][the id's bytes]
 * and the hash table (linear probing) holds, per slot, 1 + the offset of an
 * entry in that buffer in the low 40 bits, 0 meaning empty, and the top 24
 * bits of the entry's hash above them: a probe that meets another id's slot
 * tells them apart from the slot alone, nearly always, without reading the
 * entry (with millions of ids that read is a cache miss). Growing the
 * buffer moves it but keeps offsets valid; growing the table rehashes from
 * the stored hashes. Nothing is ever removed. */
#include "idset.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "idset_numbers.h"

#define ENTRY_HEADER 8u          /* hash + length */
#define INITIAL_SLOTS 1024u      /* a power of two */
#define OFFSET_BITS 40           /* 1 + offset below, hash tag above */
#define OFFSET_MASK ((UINT64_C(1) << OFFSET_BITS) - 1)

struct pp_idset {
    uint64_t *slots;             /* 0 = empty, else 1 + offset into bytes */
    size_t n_slots;              /* a power of two */
    size_t count;
    unsigned char *bytes;        /* packed entries */
    size_t used;
    size_t capacity;
    pp_idnumbers numbers;        /* ids that are plain whole numbers */
};

/* FNV-1a, 32 bits: short ids hash quickly and spread well enough. */
static uint32_t hash_bytes(const char *s, size_t len)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < len; i++) {
        h ^= (unsigned char)s[i];
        h *= 16777619u;
    }
    return h;
}

static uint32_t entry_hash(const pp_idset *set, uint64_t offset)
{
    uint32_t h;
    memcpy(&h, set->bytes + offset, sizeof h);
    return h;
}

static int entry_equals(const pp_idset *set, uint64_t offset, uint32_t h,
                        const char *s, size_t len)
{
    uint32_t stored_len;
    if (entry_hash(set, offset) != h)
        return 0;
    memcpy(&stored_len, set->bytes + offset + 4, sizeof stored_len);
    return stored_len == len
        && (len == 0 || memcmp(set->bytes + offset + ENTRY_HEADER, s, len) == 0);
}

/* The slot's tag: the hash's top 24 bits (the table index uses its low bits). */
static uint64_t slot_tag(uint32_t h)
{
    return (uint64_t)(h >> 8) << OFFSET_BITS;
}

static uint64_t slot_offset(uint64_t slot)
{
    return (slot & OFFSET_MASK) - 1;
}

/* The slot holding s, or the empty slot where it would go. */
static size_t find_slot(const pp_idset *set, uint32_t h, const char *s, size_t len)
{
    size_t mask = set->n_slots - 1;
    size_t i = h & mask;
    uint64_t tag = slot_tag(h);
    while (set->slots[i] != 0
           && ((set->slots[i] & ~OFFSET_MASK) != tag
               || !entry_equals(set, slot_offset(set->slots[i]), h, s, len)))
        i = (i + 1) & mask;
    return i;
}

pp_idset *pp_idset_new(void)
{
    pp_idset *set = calloc(1, sizeof *set);
    if (set == NULL)
        return NULL;
    set->slots = calloc(INITIAL_SLOTS, sizeof *set->slots);
    if (set->slots == NULL) {
        free(set);
        return NULL;
    }
    set->n_slots = INITIAL_SLOTS;
    return set;
}

void pp_idset_free(pp_idset *set)
{
    if (set == NULL)
        return;
    free(set->slots);
    free(set->bytes);
    pp_idnumbers_free(&set->numbers);
    free(set);
}

/* Doubles the table, re-placing every entry by its stored hash. */
static int grow_table(pp_idset *set)
{
    size_t n_slots = set->n_slots * 2;
    uint64_t *slots = calloc(n_slots, sizeof *slots);
    if (slots == NULL)
        return -1;
    for (size_t i = 0; i < set->n_slots; i++) {
        if (set->slots[i] == 0)
            continue;
        size_t j = entry_hash(set, slot_offset(set->slots[i])) & (n_slots - 1);
        while (slots[j] != 0)
            j = (j + 1) & (n_slots - 1);
        slots[j] = set->slots[i];
    }
    free(set->slots);
    set->slots = slots;
    set->n_slots = n_slots;
    return 0;
}

/* Makes room for `extra` more bytes in the packed buffer. */
static int reserve_bytes(pp_idset *set, size_t extra)
{
    if (set->capacity - set->used >= extra)
        return 0;
    size_t capacity = set->capacity ? set->capacity : 4096;
    while (capacity - set->used < extra)
        capacity *= 2;
    unsigned char *bytes = realloc(set->bytes, capacity);
    if (bytes == NULL)
        return -1;
    set->bytes = bytes;
    set->capacity = capacity;
    return 0;
}

int pp_idset_add(pp_idset *set, const char *s, size_t len)
{
    uint64_t number;
    if (pp_idnumber_parse(s, len, &number))
        return pp_idnumbers_add(&set->numbers, number);
    if (len > UINT32_MAX - ENTRY_HEADER || set->used + ENTRY_HEADER + len >= OFFSET_MASK)
        return -1;
    uint32_t h = hash_bytes(s, len);
    size_t slot = find_slot(set, h, s, len);
    if (set->slots[slot] != 0)
        return 0;
    if ((set->count + 1) * 10 > set->n_slots * 7) {      /* load over 70% */
        if (grow_table(set) != 0)
            return -1;
        slot = find_slot(set, h, s, len);
    }
    if (reserve_bytes(set, ENTRY_HEADER + len) != 0)
        return -1;
    uint32_t stored_len = (uint32_t)len;
    unsigned char *entry = set->bytes + set->used;
    memcpy(entry, &h, sizeof h);
    memcpy(entry + 4, &stored_len, sizeof stored_len);
    if (len > 0)
        memcpy(entry + ENTRY_HEADER, s, len);
    set->slots[slot] = ((uint64_t)set->used + 1) | slot_tag(h);
    set->used += ENTRY_HEADER + len;
    set->count++;
    return 1;
}

int pp_idset_contains(const pp_idset *set, const char *s, size_t len)
{
    uint64_t number;
    if (pp_idnumber_parse(s, len, &number))
        return pp_idnumbers_contains(&set->numbers, number);
    uint32_t h = hash_bytes(s, len);
    return set->slots[find_slot(set, h, s, len)] != 0;
}

size_t pp_idset_count(const pp_idset *set)
{
    return set->count + pp_idnumbers_count(&set->numbers);
}

size_t pp_idset_memory(const pp_idset *set)
{
    return sizeof *set + set->n_slots * sizeof *set->slots + set->capacity
         + pp_idnumbers_memory(&set->numbers);
}

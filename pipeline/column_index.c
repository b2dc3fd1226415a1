/* column_index.c: open-addressing hash table of normalised column names
 * (column_index.h). Keys are owned copies; the table is sized once, at
 * least twice the number of names, so it never needs to grow. */
#include "column_index.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "label.h"

typedef struct {
    char *key;          /* normalised name; NULL for an empty slot */
    long first;         /* the first column with this name */
    long second;        /* a different column with it too, or -1 */
} name_slot;

struct pp_column_index {
    name_slot *slots;
    size_t mask;        /* slot count - 1 (a power of two) */
    size_t used;        /* keys held; kept under half the slots */
};

static uint64_t hash_key(const char *key)
{
    uint64_t h = 1469598103934665603u;            /* FNV-1a */
    for (const unsigned char *p = (const unsigned char *)key; *p; p++) {
        h ^= *p;
        h *= 1099511628211u;
    }
    return h;
}

/* The slot holding key, or the empty slot where it would go. */
static name_slot *find_slot(const pp_column_index *ix, const char *key)
{
    size_t i = (size_t)hash_key(key) & ix->mask;
    while (ix->slots[i].key != NULL && strcmp(ix->slots[i].key, key) != 0)
        i = (i + 1) & ix->mask;
    return &ix->slots[i];
}

pp_column_index *pp_column_index_new(size_t names)
{
    pp_column_index *ix = malloc(sizeof *ix);
    if (ix == NULL)
        return NULL;
    size_t count = 16;
    while (count < names * 2 + 1)
        count *= 2;
    ix->slots = calloc(count, sizeof *ix->slots);
    if (ix->slots == NULL) {
        free(ix);
        return NULL;
    }
    ix->mask = count - 1;
    ix->used = 0;
    return ix;
}

int pp_column_index_add(pp_column_index *ix, const char *name, long column)
{
    char *key = pp_label_normalize(name, strlen(name));
    if (key == NULL)
        return -1;
    if (key[0] == '\0') {
        free(key);
        return 0;
    }
    name_slot *slot = find_slot(ix, key);
    if (slot->key == NULL) {
        if ((ix->used + 1) * 2 > ix->mask + 1) {   /* more names than promised */
            free(key);
            return -1;
        }
        ix->used++;
        slot->key = key;
        slot->first = column;
        slot->second = -1;
        return 0;
    }
    if (slot->first != column && slot->second < 0)
        slot->second = column;
    free(key);
    return 0;
}

int pp_column_index_get(const pp_column_index *ix, const char *key,
                        long *first, long *second)
{
    const name_slot *slot = find_slot(ix, key);
    if (slot->key == NULL)
        return 0;
    *first = slot->first;
    *second = slot->second;
    return slot->second < 0 ? 1 : 2;
}

void pp_column_index_free(pp_column_index *ix)
{
    if (ix == NULL)
        return;
    for (size_t i = 0; i <= ix->mask; i++)
        free(ix->slots[i].key);
    free(ix->slots);
    free(ix);
}

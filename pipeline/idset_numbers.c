/* idset_numbers.c: numeric respondent ids (idset_numbers.h).
 *
 * Three places, no value in two of them:
 *   up     strictly rising. A value above its last is new: everything
 *          else held is at most that last (it was not above it when it
 *          came, and the last only rises), so it is appended unlooked.
 *   down   strictly falling. A value below its last is not in it; it is
 *          looked for in up and the table, then appended.
 *   table  everything else, open addressing at most 70% full.
 * Membership: a search in each run (idset_run.h), one probe sequence in
 * the table. */
#include "idset_numbers.h"

#include <stdlib.h>

int pp_idnumber_parse(const char *s, size_t len, uint64_t *value)
{
    if (len == 0 || len > 19 || (s[0] == '0' && len > 1))
        return 0;
    uint64_t v = 0;
    for (size_t i = 0; i < len; i++) {
        if (s[i] < '0' || s[i] > '9')
            return 0;
        v = v * 10 + (uint64_t)(s[i] - '0');      /* 19 digits fit in 64 bits */
    }
    *value = v;
    return 1;
}

/* down holds UINT64_MAX - v, so that it rises too. */
static uint64_t flipped(uint64_t v)
{
    return UINT64_MAX - v;
}

static size_t slot_of(uint64_t v, size_t n_slots)
{
    uint64_t h = v * 0x9E3779B97F4A7C15ULL;
    return (size_t)(h ^ (h >> 29)) & (n_slots - 1);
}

/* The slot holding v, or the empty one where it would go (n_slots > 0). */
static size_t find(const pp_idnumbers *set, uint64_t v)
{
    size_t i = slot_of(v, set->n_slots);
    while (set->table[i] != 0 && set->table[i] != v + 1)
        i = (i + 1) & (set->n_slots - 1);
    return i;
}

static int in_table(const pp_idnumbers *set, uint64_t v)
{
    return set->n_slots > 0 && set->table[find(set, v)] != 0;
}

static int table_insert(pp_idnumbers *set, uint64_t v)
{
    if ((set->n_table + 1) * 10 > set->n_slots * 7) {
        size_t n_slots = set->n_slots ? 2 * set->n_slots : 1024;
        uint64_t *table = calloc(n_slots, sizeof *table);
        if (table == NULL)
            return -1;
        for (size_t i = 0; i < set->n_slots; i++) {
            if (set->table[i] == 0)
                continue;
            size_t j = slot_of(set->table[i] - 1, n_slots);
            while (table[j] != 0)
                j = (j + 1) & (n_slots - 1);
            table[j] = set->table[i];
        }
        free(set->table);
        set->table = table;
        set->n_slots = n_slots;
    }
    set->table[find(set, v)] = v + 1;
    set->n_table++;
    return 1;
}

int pp_idnumbers_contains(const pp_idnumbers *set, uint64_t v)
{
    return pp_idrun_contains(&set->up, v) || pp_idrun_contains(&set->down, flipped(v))
        || in_table(set, v);
}

int pp_idnumbers_add(pp_idnumbers *set, uint64_t v)
{
    if (set->up.n == 0 || v > set->up.last)
        return pp_idrun_push(&set->up, v);
    if (set->down.n > 0 && flipped(v) > set->down.last) {     /* below down's last */
        if (pp_idrun_contains(&set->up, v) || in_table(set, v))
            return 0;
        return pp_idrun_push(&set->down, flipped(v));
    }
    if (pp_idnumbers_contains(set, v))
        return 0;
    if (set->down.n == 0)
        return pp_idrun_push(&set->down, flipped(v));
    return table_insert(set, v);
}

size_t pp_idnumbers_count(const pp_idnumbers *set)
{
    return set->up.n + set->down.n + set->n_table;
}

size_t pp_idnumbers_memory(const pp_idnumbers *set)
{
    return pp_idrun_memory(&set->up) + pp_idrun_memory(&set->down)
         + set->n_slots * sizeof(uint64_t);
}

void pp_idnumbers_free(pp_idnumbers *set)
{
    pp_idrun_free(&set->up);
    pp_idrun_free(&set->down);
    free(set->table);
    *set = (pp_idnumbers){0};
}

/* tally.c: the in-memory tally (tally.h): a hash map from a key (item,
 * segment, a, b) to a count, read from and written to the tally format.
 *
 * Each key is kept twice: escaped and joined by TABs as it is written
 * (hashing, sorting, writing), and as four plain strings (for stats). */
#include "tally.h"

#include <stdlib.h>
#include <string.h>

#include "records.h"

typedef struct {
    char *line;            /* escaped "item\tsegment\ta\tb" */
    size_t line_len;
    char *fields[4];       /* plain item, segment, a, b */
    uint64_t count;
} tally_key;

struct pp_tally {
    tally_key *keys;
    size_t n_keys, cap_keys;
    size_t *slots;         /* open addressing: index + 1 into keys, 0 = empty */
    size_t n_slots;
    int sorted;            /* keys are in canonical order */
    pp_tally_entry *view;  /* what pp_tally_entries hands out */
    char *scratch;         /* escaping buffer */
    size_t scratch_cap;
};

static uint64_t hash_bytes(const char *s, size_t len)
{
    uint64_t h = 1469598103934665603ULL;          /* FNV-1a */
    for (size_t i = 0; i < len; i++) {
        h ^= (unsigned char)s[i];
        h *= 1099511628211ULL;
    }
    return h;
}

pp_tally *pp_tally_new(void)
{
    pp_tally *t = calloc(1, sizeof *t);
    if (t == NULL)
        return NULL;
    t->n_slots = 1024;
    t->slots = calloc(t->n_slots, sizeof *t->slots);
    if (t->slots == NULL) {
        free(t);
        return NULL;
    }
    t->sorted = 1;
    return t;
}

void pp_tally_free(pp_tally *t)
{
    if (t == NULL)
        return;
    for (size_t i = 0; i < t->n_keys; i++) {
        free(t->keys[i].line);
        for (int f = 0; f < 4; f++)
            free(t->keys[i].fields[f]);
    }
    free(t->keys);
    free(t->slots);
    free(t->view);
    free(t->scratch);
    free(t);
}

/* Escapes and joins the four fields into t->scratch; returns its length,
 * or (size_t)-1 on out of memory. */
static size_t build_line(pp_tally *t, const char *const fields[4])
{
    size_t need = 4;
    for (int f = 0; f < 4; f++)
        need += 2 * strlen(fields[f]);
    if (need > t->scratch_cap) {
        char *grown = realloc(t->scratch, need);
        if (grown == NULL)
            return (size_t)-1;
        t->scratch = grown;
        t->scratch_cap = need;
    }
    size_t len = 0;
    for (int f = 0; f < 4; f++) {
        if (f > 0)
            t->scratch[len++] = '\t';
        len += pp_records_escape(fields[f], strlen(fields[f]), t->scratch + len);
    }
    return len;
}

static int grow_slots(pp_tally *t)
{
    size_t n_slots = t->n_slots * 2;
    size_t *slots = calloc(n_slots, sizeof *slots);
    if (slots == NULL)
        return -1;
    for (size_t i = 0; i < t->n_keys; i++) {
        size_t at = hash_bytes(t->keys[i].line, t->keys[i].line_len) & (n_slots - 1);
        while (slots[at] != 0)
            at = (at + 1) & (n_slots - 1);
        slots[at] = i + 1;
    }
    free(t->slots);
    t->slots = slots;
    t->n_slots = n_slots;
    return 0;
}

static int insert_key(pp_tally *t, const char *const fields[4], size_t line_len, size_t slot)
{
    if (t->n_keys == t->cap_keys) {
        size_t cap = t->cap_keys ? t->cap_keys * 2 : 256;
        tally_key *keys = realloc(t->keys, cap * sizeof *keys);
        if (keys == NULL)
            return -1;
        t->keys = keys;
        t->cap_keys = cap;
    }
    tally_key *k = &t->keys[t->n_keys];
    memset(k, 0, sizeof *k);
    k->line = malloc(line_len + 1);
    int failed = k->line == NULL;
    for (int f = 0; f < 4 && !failed; f++)
        failed = (k->fields[f] = strdup(fields[f])) == NULL;
    if (failed) {
        free(k->line);
        for (int f = 0; f < 4; f++)
            free(k->fields[f]);
        return -1;
    }
    memcpy(k->line, t->scratch, line_len);
    k->line[line_len] = '\0';
    k->line_len = line_len;
    t->slots[slot] = ++t->n_keys;
    t->sorted = 0;
    return 0;
}

/* pp_tally_add, telling the two failures apart: -1 out of memory, -2 the
 * sum would pass UINT64_MAX. A zero count adds no key: every count written
 * must read back as a positive number. */
static int add_count(pp_tally *t, const char *item, const char *segment,
                     const char *a, const char *b, uint64_t count)
{
    if (count == 0)
        return 0;
    const char *const fields[4] = {item, segment, a, b};
    size_t len = build_line(t, fields);
    if (len == (size_t)-1)
        return -1;
    if (2 * (t->n_keys + 1) > t->n_slots && grow_slots(t) != 0)
        return -1;
    size_t at = hash_bytes(t->scratch, len) & (t->n_slots - 1);
    while (t->slots[at] != 0) {
        tally_key *k = &t->keys[t->slots[at] - 1];
        if (k->line_len == len && memcmp(k->line, t->scratch, len) == 0) {
            if (k->count > UINT64_MAX - count)
                return -2;
            k->count += count;
            return 0;
        }
        at = (at + 1) & (t->n_slots - 1);
    }
    if (insert_key(t, fields, len, at) != 0)
        return -1;
    t->keys[t->n_keys - 1].count = count;
    return 0;
}

int pp_tally_add(pp_tally *t, const char *item, const char *segment,
                 const char *a, const char *b, uint64_t count)
{
    return add_count(t, item, segment, a, b, count) == 0 ? 0 : -1;
}

static int compare_keys(const void *pa, const void *pb)
{
    const tally_key *a = pa, *b = pb;
    size_t n = a->line_len < b->line_len ? a->line_len : b->line_len;
    int c = memcmp(a->line, b->line, n);
    if (c != 0)
        return c;
    return (a->line_len > b->line_len) - (a->line_len < b->line_len);
}

/* Sorts the keys into canonical order and re-indexes the hash slots. */
static void sort_keys(pp_tally *t)
{
    if (t->sorted)
        return;
    qsort(t->keys, t->n_keys, sizeof *t->keys, compare_keys);
    memset(t->slots, 0, t->n_slots * sizeof *t->slots);
    for (size_t i = 0; i < t->n_keys; i++) {
        size_t at = hash_bytes(t->keys[i].line, t->keys[i].line_len) & (t->n_slots - 1);
        while (t->slots[at] != 0)
            at = (at + 1) & (t->n_slots - 1);
        t->slots[at] = i + 1;
    }
    t->sorted = 1;
}

int pp_tally_write(pp_tally *t, FILE *out)
{
    sort_keys(t);
    fprintf(out, "%s %d\nitem\tsegment\ta\tb\tcount\n", PP_TALLY_MAGIC, PP_TALLY_VERSION);
    for (size_t i = 0; i < t->n_keys; i++) {
        fwrite(t->keys[i].line, 1, t->keys[i].line_len, out);
        fprintf(out, "\t%llu\n", (unsigned long long)t->keys[i].count);
    }
    return ferror(out) ? -1 : 0;
}

size_t pp_tally_entries(pp_tally *t, const pp_tally_entry **entries)
{
    sort_keys(t);
    free(t->view);
    t->view = calloc(t->n_keys ? t->n_keys : 1, sizeof *t->view);
    if (t->view == NULL) {
        *entries = NULL;
        return 0;
    }
    for (size_t i = 0; i < t->n_keys; i++) {
        tally_key *k = &t->keys[i];
        t->view[i] = (pp_tally_entry){k->fields[0], k->fields[1], k->fields[2],
                                      k->fields[3], k->count};
    }
    *entries = t->view;
    return t->n_keys;
}

/* A count field: decimal digits only, positive, no overflow. */
static int parse_count(const char *s, size_t len, uint64_t *out)
{
    uint64_t value = 0;
    if (len == 0 || len > 20)
        return -1;
    for (size_t i = 0; i < len; i++) {
        if (s[i] < '0' || s[i] > '9')
            return -1;
        unsigned digit = (unsigned)(s[i] - '0');
        if (value > (UINT64_MAX - digit) / 10)
            return -1;
        value = value * 10 + digit;
    }
    if (value == 0)
        return -1;
    *out = value;
    return 0;
}

static const char *const tally_columns[5] = {"item", "segment", "a", "b", "count"};

pp_error pp_tally_read(pp_tally *t, pp_source *src, pp_diag *diag)
{
    pp_error status = PP_OK;
    pp_records_reader *r = pp_records_open_format(src, PP_TALLY_MAGIC, PP_TALLY_VERSION, diag);
    if (r == NULL)
        return diag->code;
    int columns_ok = pp_records_n_columns(r) == 5;
    for (size_t c = 0; columns_ok && c < 5; c++)
        columns_ok = strcmp(pp_records_column(r, c), tally_columns[c]) == 0;
    if (!columns_ok) {
        status = pp_diag_set(diag, PP_ERR_RECORDS, pp_source_name(src), 2,
                             "expected the columns item, segment, a, b, count");
        goto cleanup;
    }
    pp_row row;
    int got;
    while ((got = pp_records_next(r, &row, diag)) == 1) {
        uint64_t count;
        if (parse_count(row.fields[4], row.lengths[4], &count) != 0) {
            status = pp_diag_set(diag, PP_ERR_RECORDS, pp_source_name(src), row.row,
                                 "the count '%.40s' is not a positive whole number",
                                 row.fields[4]);
            goto cleanup;
        }
        int added = add_count(t, row.fields[0], row.fields[1], row.fields[2],
                              row.fields[3], count);
        if (added == -2) {
            status = pp_diag_set(diag, PP_ERR_RECORDS, pp_source_name(src), row.row,
                                 "this count makes the total for its key too large "
                                 "(more than %llu)", (unsigned long long)UINT64_MAX);
            goto cleanup;
        }
        if (added != 0) {
            status = pp_diag_set(diag, PP_ERR_NOMEM, pp_source_name(src), row.row, NULL);
            goto cleanup;
        }
    }
    if (got < 0)
        status = diag->code;
cleanup:
    pp_records_close(r);
    return status;
}

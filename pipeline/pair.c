/* pair.c: joins a panel's before-wave and after-wave records on the
 * respondent id (the contract is in pair.h).
 *
 * The before wave is read whole into a hash table keyed by id, one
 * allocation per record. The after wave is then streamed: each record is
 * joined with its before record (waves = both) or written alone (waves =
 * after). Last come the before records nobody in the after wave matched
 * (waves = before). So the output order is fixed by the inputs: matched and
 * after-only records in after-wave order, then before-only records in
 * before-wave order; the unmatched list follows the same order.
 *
 * Joining a column: the value of the wave that gave one; where both did,
 * `ITEM:after` columns keep the after wave's value and every other column
 * the before wave's. Two different segment levels for one respondent count
 * as one segment conflict per segment column. */
#include "pair.h"

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "csv_field.h"
#include "idset.h"
#include "records.h"

/* One before-wave record: the fields' lengths, then their bytes, each
 * followed by a NUL. */
typedef struct held {
    struct held *next_in_bucket;
    uint64_t hash;
    long line;              /* line in the before stream */
    int matched;
    uint32_t n_fields;
    uint32_t lengths[];
} held;

typedef struct {
    held **buckets;         /* power-of-two count */
    size_t n_buckets;
    held **in_order;        /* every record, in before-wave order */
    size_t count, order_cap;
} held_table;

enum column_role { ROLE_PLAIN, ROLE_SEGMENT, ROLE_AFTER_ITEM };

typedef struct {
    pp_records_reader *before, *after;
    const char *before_name, *after_name;
    size_t n_columns;
    unsigned char *roles;   /* column_role per column */
    const char **fields;    /* scratch row for writing */
    size_t *lengths;
    held_table table;
    pp_idset *after_ids;
    FILE *out, *unmatched;
    pp_pair_summary *summary;
    pp_diag *diag;
} pair_state;

#define ID_SHOWN 80         /* bytes of an id quoted in a message */

/* ---- the table of before records ---------------------------------------- */

static uint64_t hash_id(const char *s, size_t len)
{
    uint64_t h = 14695981039346656037u;       /* FNV-1a */
    for (size_t i = 0; i < len; i++) {
        h ^= (unsigned char)s[i];
        h *= 1099511628211u;
    }
    return h;
}

static char *held_bytes(const held *h)
{
    return (char *)(h->lengths + h->n_fields);
}

static held *held_new(const pp_row *row, uint64_t hash)
{
    size_t bytes = 0;
    for (size_t i = 0; i < row->n_fields; i++) {
        if (row->lengths[i] >= UINT32_MAX)
            return NULL;
        bytes += row->lengths[i] + 1;
    }
    held *h = malloc(sizeof *h + row->n_fields * sizeof(uint32_t) + bytes);
    if (h == NULL)
        return NULL;
    h->next_in_bucket = NULL;
    h->hash = hash;
    h->line = row->row;
    h->matched = 0;
    h->n_fields = (uint32_t)row->n_fields;
    char *p = held_bytes(h);
    for (size_t i = 0; i < row->n_fields; i++) {
        h->lengths[i] = (uint32_t)row->lengths[i];
        memcpy(p, row->fields[i], row->lengths[i]);
        p[row->lengths[i]] = '\0';
        p += row->lengths[i] + 1;
    }
    return h;
}

/* Points fields/lengths at the record's fields. */
static void held_unpack(const held *h, const char **fields, size_t *lengths)
{
    const char *p = held_bytes(h);
    for (uint32_t i = 0; i < h->n_fields; i++) {
        fields[i] = p;
        lengths[i] = h->lengths[i];
        p += h->lengths[i] + 1;
    }
}

static held *table_find(const held_table *t, const char *id, size_t len, uint64_t hash)
{
    if (t->n_buckets == 0)
        return NULL;
    for (held *h = t->buckets[hash & (t->n_buckets - 1)]; h; h = h->next_in_bucket)
        if (h->hash == hash && h->lengths[0] == len && memcmp(held_bytes(h), id, len) == 0)
            return h;
    return NULL;
}

static int table_grow(held_table *t)
{
    size_t n = t->n_buckets ? t->n_buckets * 2 : 1024;
    held **buckets = calloc(n, sizeof *buckets);
    if (buckets == NULL)
        return -1;
    for (size_t i = 0; i < t->count; i++) {
        held *h = t->in_order[i];
        h->next_in_bucket = buckets[h->hash & (n - 1)];
        buckets[h->hash & (n - 1)] = h;
    }
    free(t->buckets);
    t->buckets = buckets;
    t->n_buckets = n;
    return 0;
}

/* Adds h (whose id is not in the table yet). 0, or -1 on out of memory. */
static int table_add(held_table *t, held *h)
{
    if (t->count == t->order_cap) {
        size_t cap = t->order_cap ? t->order_cap * 2 : 1024;
        held **in_order = realloc(t->in_order, cap * sizeof *in_order);
        if (in_order == NULL)
            return -1;
        t->in_order = in_order;
        t->order_cap = cap;
    }
    t->in_order[t->count++] = h;
    if (t->count > t->n_buckets / 4 * 3) {
        if (table_grow(t) != 0) {
            t->count--;               /* the caller still owns h */
            return -1;
        }
        return 0;                     /* growing placed every record, h too */
    }
    size_t b = h->hash & (t->n_buckets - 1);
    h->next_in_bucket = t->buckets[b];
    t->buckets[b] = h;
    return 0;
}

static void table_free(held_table *t)
{
    for (size_t i = 0; i < t->count; i++)
        free(t->in_order[i]);
    free(t->in_order);
    free(t->buckets);
    memset(t, 0, sizeof *t);
}

/* ---- writing ------------------------------------------------------------ */

static pp_error write_failed(pair_state *st)
{
    return pp_diag_set(st->diag, PP_ERR_WRITE, NULL, 0, "%s", strerror(errno));
}

static pp_error list_unmatched(pair_state *st, const char *const *fields,
                               const size_t *lengths, const char *wave)
{
    if (st->unmatched == NULL)
        return PP_OK;
    pp_csv_write_field(st->unmatched, fields[0], lengths[0], 0);
    fprintf(st->unmatched, ",%s,", wave);
    pp_csv_write_field(st->unmatched, fields[1], lengths[1], 0);
    putc('\n', st->unmatched);
    return ferror(st->unmatched) ? write_failed(st) : PP_OK;
}

/* Writes the scratch row with its waves field set to `wave`. */
static pp_error write_scratch(pair_state *st, const char *wave)
{
    st->fields[2] = wave;
    st->lengths[2] = strlen(wave);
    if (pp_records_write_row(st->out, st->fields, st->lengths, st->n_columns) != 0)
        return write_failed(st);
    return PP_OK;
}

/* ---- the join ----------------------------------------------------------- */

/* Fills the scratch row with the join of before record h and after row a. */
static void join_into_scratch(pair_state *st, const held *h, const pp_row *a)
{
    held_unpack(h, st->fields, st->lengths);   /* id, row and the before values */
    int conflict_seen = 0;
    for (size_t i = 3; i < st->n_columns; i++) {
        size_t a_len = a->lengths[i];
        if (a_len == 0)
            continue;
        if (st->lengths[i] != 0) {
            if (st->roles[i] == ROLE_SEGMENT
                && (a_len != st->lengths[i] || memcmp(a->fields[i], st->fields[i], a_len) != 0))
                conflict_seen++;
            if (st->roles[i] != ROLE_AFTER_ITEM)
                continue;
        }
        st->fields[i] = a->fields[i];
        st->lengths[i] = a_len;
    }
    if (st->lengths[1] == 0) {
        st->fields[1] = a->fields[1];
        st->lengths[1] = a->lengths[1];
    }
    st->summary->segment_conflicts += conflict_seen;
}

static pp_error id_missing(pair_state *st, const char *file, long line)
{
    pp_diag_set(st->diag, PP_ERR_RECORDS, file, line,
                "the respondent ID is empty; every record needs one to be paired");
    pp_diag_at_column(st->diag, 1, "id");
    return st->diag->code;
}

static pp_error load_before(pair_state *st)
{
    pp_row row;
    int got;
    while ((got = pp_records_next(st->before, &row, st->diag)) == 1) {
        if (row.lengths[0] == 0)
            return id_missing(st, st->before_name, row.row);
        uint64_t hash = hash_id(row.fields[0], row.lengths[0]);
        held *twin = table_find(&st->table, row.fields[0], row.lengths[0], hash);
        if (twin != NULL)
            return pp_diag_set(st->diag, PP_ERR_RECORDS, st->before_name, row.row,
                               "respondent ID \"%.*s\" is here and on line %ld too; each "
                               "respondent must appear once in a wave (ingest rejects "
                               "duplicates, so the file was probably joined or edited by hand)",
                               ID_SHOWN, row.fields[0], twin->line);
        held *h = held_new(&row, hash);
        if (h == NULL)
            return pp_diag_set(st->diag, PP_ERR_NOMEM, st->before_name, row.row, NULL);
        if (table_add(&st->table, h) != 0) {
            free(h);
            return pp_diag_set(st->diag, PP_ERR_NOMEM, st->before_name, row.row, NULL);
        }
        st->summary->before++;
    }
    return got < 0 ? st->diag->code : PP_OK;
}

/* Joins or passes through one after-wave record. */
static pp_error pair_one(pair_state *st, const pp_row *a)
{
    if (a->lengths[0] == 0)
        return id_missing(st, st->after_name, a->row);
    int added = pp_idset_add(st->after_ids, a->fields[0], a->lengths[0]);
    if (added < 0)
        return pp_diag_set(st->diag, PP_ERR_NOMEM, st->after_name, a->row, NULL);
    if (added == 0)
        return pp_diag_set(st->diag, PP_ERR_RECORDS, st->after_name, a->row,
                           "respondent ID \"%.*s\" was already on an earlier line; each "
                           "respondent must appear once in a wave (ingest rejects "
                           "duplicates, so the file was probably joined or edited by hand)",
                           ID_SHOWN, a->fields[0]);
    st->summary->after++;
    held *h = table_find(&st->table, a->fields[0], a->lengths[0],
                         hash_id(a->fields[0], a->lengths[0]));
    if (h != NULL) {
        h->matched = 1;
        st->summary->matched++;
        join_into_scratch(st, h, a);
        return write_scratch(st, "both");
    }
    st->summary->after_only++;
    for (size_t i = 0; i < st->n_columns; i++) {
        st->fields[i] = a->fields[i];
        st->lengths[i] = a->lengths[i];
    }
    pp_error rc = write_scratch(st, "after");
    return rc != PP_OK ? rc : list_unmatched(st, st->fields, st->lengths, "after");
}

static pp_error stream_after(pair_state *st)
{
    pp_row row;
    int got;
    while ((got = pp_records_next(st->after, &row, st->diag)) == 1) {
        pp_error rc = pair_one(st, &row);
        if (rc != PP_OK)
            return rc;
    }
    return got < 0 ? st->diag->code : PP_OK;
}

static pp_error write_before_only(pair_state *st)
{
    for (size_t i = 0; i < st->table.count; i++) {
        const held *h = st->table.in_order[i];
        if (h->matched)
            continue;
        st->summary->before_only++;
        held_unpack(h, st->fields, st->lengths);
        pp_error rc = write_scratch(st, "before");
        if (rc == PP_OK)
            rc = list_unmatched(st, st->fields, st->lengths, "before");
        if (rc != PP_OK)
            return rc;
    }
    return PP_OK;
}

/* ---- setting up ---------------------------------------------------------- */

/* Both waves must have the same columns in the same order. */
static pp_error check_same_columns(pair_state *st)
{
    size_t nb = pp_records_n_columns(st->before), na = pp_records_n_columns(st->after);
    for (size_t i = 0; i < nb || i < na; i++) {
        const char *b = i < nb ? pp_records_column(st->before, i) : NULL;
        const char *a = i < na ? pp_records_column(st->after, i) : NULL;
        if (b && a && strcmp(a, b) == 0)
            continue;
        if (b && a)
            return pp_diag_set(st->diag, PP_ERR_RECORDS, st->after_name, 2,
                               "column %zu is \"%s\" here but \"%s\" in the before wave "
                               "(%s); both waves must come from the same codebook",
                               i + 1, a, b, st->before_name);
        return pp_diag_set(st->diag, PP_ERR_RECORDS, st->after_name, 2,
                           "this wave has %zu columns and the before wave (%s) has %zu; "
                           "column %zu, \"%s\", is only in the %s wave; both waves must "
                           "come from the same codebook", na, st->before_name, nb,
                           i + 1, a ? a : b, a ? "after" : "before");
    }
    return PP_OK;
}

static int ends_with(const char *s, const char *suffix)
{
    size_t ls = strlen(s), lx = strlen(suffix);
    return ls >= lx && strcmp(s + ls - lx, suffix) == 0;
}

static pp_error prepare(pair_state *st)
{
    st->n_columns = pp_records_n_columns(st->before);
    st->roles = calloc(st->n_columns, 1);
    st->fields = calloc(st->n_columns, sizeof *st->fields);
    st->lengths = calloc(st->n_columns, sizeof *st->lengths);
    st->after_ids = pp_idset_new();
    if (!st->roles || !st->fields || !st->lengths || !st->after_ids)
        return pp_diag_set(st->diag, PP_ERR_NOMEM, NULL, 0, NULL);
    for (size_t i = 3; i < st->n_columns; i++) {
        const char *name = pp_records_column(st->before, i);
        st->roles[i] = strncmp(name, "seg:", 4) == 0 ? ROLE_SEGMENT
                     : ends_with(name, ":after") ? ROLE_AFTER_ITEM : ROLE_PLAIN;
    }
    pp_strings columns = {0};
    for (size_t i = 0; i < st->n_columns; i++)
        if (pp_strings_push_str(&columns, pp_records_column(st->before, i)) != 0) {
            pp_strings_clear(&columns);
            return pp_diag_set(st->diag, PP_ERR_NOMEM, NULL, 0, NULL);
        }
    int failed = pp_records_write_header(st->out, &columns) != 0;
    pp_strings_clear(&columns);
    if (failed)
        return write_failed(st);
    if (st->unmatched && fputs("id,wave,row\n", st->unmatched) == EOF)
        return write_failed(st);
    return PP_OK;
}

pp_error pp_pair(pp_source *before, pp_source *after, FILE *out,
                 FILE *unmatched, pp_pair_summary *summary, pp_diag *diag)
{
    pp_pair_summary unused;
    if (summary == NULL)
        summary = &unused;
    pair_state st = {
        .before_name = pp_source_name(before), .after_name = pp_source_name(after),
        .out = out, .unmatched = unmatched, .summary = summary, .diag = diag,
    };
    memset(summary, 0, sizeof *summary);
    pp_error rc = PP_ERR_RECORDS;
    st.before = pp_records_open(before, diag);
    if (st.before == NULL)
        goto cleanup;
    st.after = pp_records_open(after, diag);
    if (st.after == NULL)
        goto cleanup;
    rc = check_same_columns(&st);
    if (rc == PP_OK)
        rc = prepare(&st);
    if (rc == PP_OK)
        rc = load_before(&st);
    if (rc == PP_OK)
        rc = stream_after(&st);
    if (rc == PP_OK)
        rc = write_before_only(&st);
cleanup:
    if (rc != PP_OK && diag->code != PP_OK)
        rc = diag->code;
    pp_records_close(st.before);
    pp_records_close(st.after);
    table_free(&st.table);
    pp_idset_free(st.after_ids);
    free(st.roles);
    free(st.fields);
    free(st.lengths);
    return rc;
}

void pp_pair_summary_print(const pp_pair_summary *s, FILE *out)
{
    fprintf(out, "%ld before, %ld after: %ld matched, %ld before only, %ld after only",
            s->before, s->after, s->matched, s->before_only, s->after_only);
    if (s->segment_conflicts > 0)
        fprintf(out, "; %ld segment conflict%s (the before wave's segment kept)",
                s->segment_conflicts, s->segment_conflicts == 1 ? "" : "s");
    fputc('\n', out);
}

/* shard_ids.c: duplicate ids across shards, and one rejects.csv
 * (shard_ids.h). A shard's rejects are copied record by record as ingest
 * wrote them (csv_scan.h finds where each ends), never parsed and written
 * again, so every byte stays as one ingest would write it. A reject's id
 * is taken as ingest read it (without the apostrophe a formula-like id is
 * written with, csv_field.h), to match the ids of records. */
#include "shard_ids.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "csv_field.h"
#include "csv_rows.h"
#include "csv_scan.h"
#include "idset.h"
#include "ingest.h"
#include "rejects.h"
#include "shard_skips.h"
#include "source.h"

/* The reject ingest writes for a repeated id (ingest_row.c). */
#define DUPLICATE_EXPECTED "an id no earlier row has"

typedef struct {
    long row;
    char *id;
    size_t id_len;
} moved_row;

typedef struct {
    moved_row *rows;
    size_t n, cap;
} moved_list;

static int moved_add(moved_list *m, long row, const char *id, size_t len)
{
    if (m->n == m->cap) {
        size_t cap = m->cap ? 2 * m->cap : 16;
        moved_row *grown = realloc(m->rows, cap * sizeof *grown);
        if (grown == NULL)
            return -1;
        m->rows = grown;
        m->cap = cap;
    }
    char *copy = malloc(len + 1);
    if (copy == NULL)
        return -1;
    memcpy(copy, id, len);
    copy[len] = '\0';
    m->rows[m->n++] = (moved_row){row, copy, len};
    return 0;
}

static void moved_clear(moved_list *m)
{
    for (size_t i = 0; i < m->n; i++)
        free(m->rows[i].id);
    m->n = 0;
}

/* Undoes the records escapes (records.h) in place; returns the length. */
static size_t unescape(char *s, size_t len)
{
    size_t out = 0;
    for (size_t i = 0; i < len; i++) {
        char c = s[i];
        if (c == '\\' && i + 1 < len) {
            char e = s[++i];
            c = e == 't' ? '\t' : e == 'n' ? '\n' : e == 'r' ? '\r' : e == '0' ? '\0' : e;
        }
        s[out++] = c;
    }
    return out;
}

typedef struct {
    pp_idset *ids;              /* ids of earlier shards, and this one's so far */
    const char *id_column;
    moved_list moved;           /* this shard's kept rows to move to rejects */
    pp_idset *moved_ids;        /* their ids, when there are any */
    pp_shard_skips skips;       /* rows to pass over counting this shard again */
    pp_shard_counts *counts;
} settling;

/* Shard records (id, then row, first): an id seen in an earlier shard
 * moves its row. 0, or -1. */
static int pass_records(settling *s, FILE *in)
{
    char *line = NULL;
    size_t cap = 0;
    ssize_t len;
    long line_no = 0;
    int status = 0;
    while (status == 0 && (len = getline(&line, &cap, in)) > 0) {
        if (++line_no <= 2)
            continue;
        char *tab = memchr(line, '\t', (size_t)len);
        long row = tab ? strtol(tab + 1, NULL, 10) : 0;
        s->counts->kept++;
        if (s->id_column == NULL || tab == NULL)
            continue;
        size_t id_len = unescape(line, (size_t)(tab - line));
        int added = pp_idset_add(s->ids, line, id_len);
        if (added < 0 || (added == 0 && moved_add(&s->moved, row, line, id_len) != 0))
            status = -1;
        if (added == 0)
            s->counts->kept--;
    }
    free(line);
    return status == 0 && !ferror(in) ? 0 : -1;
}

typedef struct {
    long long *ends;            /* where each reject record ends */
    size_t n, cap;
} slices;

static int note_end(long long offset, long records, void *user)
{
    (void)records;
    slices *s = user;
    if (s->n == s->cap) {
        size_t cap = s->cap ? 2 * s->cap : 64;
        long long *grown = realloc(s->ends, cap * sizeof *grown);
        if (grown == NULL)
            return 1;
        s->ends = grown;
        s->cap = cap;
    }
    s->ends[s->n++] = offset;
    return 0;
}

typedef struct {
    long row;
    int first_of_id;            /* the reject holds an id (not missing, not repeated) */
    int repeat;                 /* the reject is for an id an earlier row gave */
    char *id;                   /* as ingest read it (no apostrophe, csv_field.h) */
    size_t id_len;
} reject_fields;

static int take_fields(const pp_row *row, void *user)
{
    reject_fields *f = user;
    if (row->n_fields < 4)
        return 1;
    const char *reason = row->fields[3];
    f->row = strtol(row->fields[0], NULL, 10);
    f->repeat = strcmp(reason, pp_reject_reason_name(PP_REJECT_DUPLICATE_ID)) == 0;
    f->first_of_id = !f->repeat
                  && strcmp(reason, pp_reject_reason_name(PP_REJECT_MISSING_ID)) != 0;
    const char *id = pp_csv_field_text(row->fields[1]);
    f->id_len = row->lengths[1] - (size_t)(id - row->fields[1]);
    f->id = malloc(f->id_len + 1);
    if (f->id == NULL)
        return 1;
    memcpy(f->id, id, f->id_len + 1);
    return 0;
}

static int write_moved(FILE *out, const settling *s, const moved_row *m)
{
    pp_reject_line line = {
        .row = m->row, .id = m->id, .id_len = m->id_len, .column = s->id_column,
        .reason = pp_reject_reason_name(PP_REJECT_DUPLICATE_ID),
        .value = m->id, .value_len = m->id_len, .expected = DUPLICATE_EXPECTED,
    };
    return pp_rejects_write(out, &line);
}

/* One reject record of a shard, bytes [from, to): copied, or written as a
 * duplicate when its id was given in an earlier shard. Moved records of
 * lower rows go first. A repeat of a moved row's id is also a row to pass
 * over counting the shard again. 0, or -1. */
static int pass_reject(settling *s, const char *bytes, long long from, long long to,
                       size_t *next_moved, FILE *out)
{
    reject_fields f = {0};
    pp_diag diag;
    pp_diag_clear(&diag);
    pp_source *src = pp_source_from_buffer(bytes + from, (size_t)(to - from), "rejects");
    int status = src != NULL && pp_csv_read(src, take_fields, &f, &diag) == 0 ? 0 : -1;
    if (src != NULL)
        pp_source_free(src);
    while (status == 0 && *next_moved < s->moved.n && s->moved.rows[*next_moved].row < f.row)
        status = write_moved(out, s, &s->moved.rows[(*next_moved)++]);
    int added = 1;
    if (status == 0 && s->id_column != NULL && f.first_of_id)
        added = pp_idset_add(s->ids, f.id, f.id_len);
    if (status == 0 && f.repeat && s->moved_ids != NULL
        && pp_idset_contains(s->moved_ids, f.id, f.id_len))
        status = pp_shard_skips_add(&s->skips, f.row);
    moved_row as_moved = {f.row, f.id, f.id_len};
    if (added < 0)
        status = -1;
    else if (added == 0)
        status = write_moved(out, s, &as_moved);
    else if (status == 0 && fwrite(bytes + from, 1, (size_t)(to - from), out) != (size_t)(to - from))
        status = -1;
    s->counts->moved += added == 0;
    s->counts->rejected++;
    free(f.id);
    return status;
}

/* Reads a whole file into memory. NULL on failure. */
static char *slurp(const char *path, size_t *len)
{
    FILE *in = fopen(path, "rb");
    if (in == NULL)
        return NULL;
    char *bytes = NULL;
    size_t cap = 0;
    *len = 0;
    for (;;) {
        if (*len == cap) {
            char *grown = realloc(bytes, cap = cap ? 2 * cap : 65536);
            if (grown == NULL)
                break;
            bytes = grown;
        }
        size_t got = fread(bytes + *len, 1, cap - *len, in);
        *len += got;
        if (got == 0)
            break;
    }
    int failed = ferror(in) || *len == cap;
    fclose(in);
    if (failed) {
        free(bytes);
        return NULL;
    }
    return bytes;
}

/* A shard's rejects, joined with its moved records, onto out. 0, or -1. */
static int pass_rejects(settling *s, const char *path, FILE *out)
{
    size_t len, next_moved = 0;
    char *bytes = slurp(path, &len);
    slices ends = {0};
    pp_csv_scan scan;
    pp_csv_scan_init(&scan, 0);
    int status = bytes != NULL && pp_csv_scan_feed(&scan, bytes, len, note_end, &ends) == 0
                 && ends.n > 0 && (size_t)ends.ends[ends.n - 1] == len ? 0 : -1;
    for (size_t i = 1; status == 0 && i < ends.n; i++)
        status = pass_reject(s, bytes, ends.ends[i - 1], ends.ends[i], &next_moved, out);
    while (status == 0 && next_moved < s->moved.n)
        status = write_moved(out, s, &s->moved.rows[next_moved++]);
    free(ends.ends);
    free(bytes);
    return status;
}

/* The moved rows: to pass over counting the shard again, and their ids,
 * for finding the shard's own repeats of them. 0, or -1. */
static int list_moved(settling *s)
{
    s->moved_ids = pp_idset_new();
    int status = s->moved_ids != NULL ? 0 : -1;
    for (size_t i = 0; status == 0 && i < s->moved.n; i++) {
        const moved_row *m = &s->moved.rows[i];
        if (pp_idset_add(s->moved_ids, m->id, m->id_len) < 0
            || pp_shard_skips_add(&s->skips, m->row) != 0)
            status = -1;
    }
    return status;
}

/* One shard: its records, then its rejects; with moved rows, the rows to
 * pass over counting it again, to skips. 0, or -1. */
static int settle_shard(settling *s, const char *records, const char *rejects,
                        const char *skips, FILE *out)
{
    moved_clear(&s->moved);
    s->skips.n = 0;
    FILE *in = fopen(records, "rb");
    int status = in != NULL ? pass_records(s, in) : -1;
    if (in != NULL)
        fclose(in);
    s->counts->moved += (long)s->moved.n;
    s->counts->rejected += (long)s->moved.n;
    if (status == 0 && s->moved.n > 0)
        status = list_moved(s);
    if (status == 0)
        status = pass_rejects(s, rejects, out);
    if (status == 0 && s->moved.n > 0)
        status = pp_shard_skips_write(&s->skips, skips);
    pp_idset_free(s->moved_ids);
    s->moved_ids = NULL;
    return status;
}

int pp_shard_ids_settle(int n, char *const *records, char *const *rejects,
                        char *const *skips, const char *id_column,
                        const char *rejects_out, pp_shard_counts *counts)
{
    long *moved_by_shard = counts->moved_by_shard;
    memset(counts, 0, sizeof *counts);
    counts->moved_by_shard = moved_by_shard;
    errno = 0;
    settling s = {.ids = pp_idset_new(), .id_column = id_column, .counts = counts};
    FILE *out = fopen(rejects_out, "wb");
    int status = s.ids != NULL && out != NULL && pp_rejects_write_header(out) == 0 ? 0 : -1;
    for (int k = 0; k < n && status == 0; k++) {
        status = settle_shard(&s, records[k], rejects[k], skips[k], out);
        if (moved_by_shard != NULL)
            moved_by_shard[k] = (long)s.moved.n;
    }
    if (out != NULL && fclose(out) != 0)
        status = -1;
    moved_clear(&s.moved);
    free(s.moved.rows);
    pp_shard_skips_free(&s.skips);
    pp_idset_free(s.ids);
    if (status == 0)
        return EX_OK;
    fprintf(stderr, "prepost run: cannot join the shards' records and rejects into %s: %s\n",
            rejects_out, errno ? strerror(errno) : "a shard's file is damaged");
    return errno == ENOSPC || errno == EIO ? EX_IOERR : EX_CANTCREAT;
}

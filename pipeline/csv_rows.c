/* csv_rows.c: turns the bytes of a pp_source into CSV rows with libcsv.
 *
 * libcsv calls us once per field and once per end of record; the fields of
 * the current record are copied into one growable byte buffer (each field
 * followed by a NUL) and handed to the row callback when the record ends.
 * The buffers are reused from row to row, so memory stays flat however
 * long the export is.
 *
 * libcsv options, and why:
 * - not CSV_STRICT: strict mode rejects a quote inside an unquoted field
 *   (37°36'37.8"N), which real exports contain; it is kept as a literal.
 * - so CSV_STRICT_FINI cannot be used either (libcsv honours it only in
 *   strict mode); instead, after the last byte we look at the parser's
 *   state ourselves: still inside a quoted field means the file ended
 *   inside quotes, an error naming the row where that record starts.
 * - not CSV_APPEND_NULL: fields are copied out anyway, and we terminate
 *   the copies ourselves.
 * - libcsv's default white space rule is kept: spaces and tabs around an
 *   unquoted field (and between a closing quote and the comma) are dropped;
 *   inside quotes everything is kept. Strict RFC 4180 would keep them, but
 *   labels are matched ignoring surrounding white space anyway, a line of
 *   only spaces then counts as blank, and a custom space test would be a
 *   function call per byte (about a quarter slower on a large export).
 * Blank lines are skipped by libcsv and not counted as rows. */
#include "csv_rows.h"

#include <csv.h>
#include <stdlib.h>
#include <string.h>

#include "not_utf8.h"
#include "utf8.h"

#define READ_CHUNK (256u * 1024u)      /* plain bytes parsed at a time */
#define FIELD_GROWTH (16u * 1024u)     /* libcsv grows its field buffer by this */
#define LIBCSV_FIELD_BEGUN 2           /* libcsv's state "inside a field" */

typedef struct {
    char *bytes;            /* field bytes of the current record, NUL after each */
    size_t bytes_len, bytes_cap;
    size_t *starts;         /* offset of each field in bytes */
    size_t *lengths;
    char **fields;          /* filled just before the callback */
    size_t n_fields, fields_cap;
    long rows_done;         /* records handed to the callback so far */
    pp_row_fn fn;
    void *user;
    int stopped;            /* the callback's non-zero answer */
    int out_of_memory;
} row_builder;

static int grow_fields(row_builder *b)
{
    size_t cap = b->fields_cap ? b->fields_cap * 2 : 64;
    size_t *starts = realloc(b->starts, cap * sizeof *starts);
    if (starts == NULL)
        return -1;
    b->starts = starts;
    size_t *lengths = realloc(b->lengths, cap * sizeof *lengths);
    if (lengths == NULL)
        return -1;
    b->lengths = lengths;
    char **fields = realloc(b->fields, cap * sizeof *fields);
    if (fields == NULL)
        return -1;
    b->fields = fields;
    b->fields_cap = cap;
    return 0;
}

static int grow_bytes(row_builder *b, size_t need)
{
    size_t cap = b->bytes_cap ? b->bytes_cap : 4096;
    while (cap < need)
        cap *= 2;
    char *bytes = realloc(b->bytes, cap);
    if (bytes == NULL)
        return -1;
    b->bytes = bytes;
    b->bytes_cap = cap;
    return 0;
}

/* libcsv: one field of the current record. */
static void on_field(void *text, size_t len, void *data)
{
    row_builder *b = data;
    if (b->stopped || b->out_of_memory)
        return;
    if ((b->n_fields == b->fields_cap && grow_fields(b) != 0) ||
        (b->bytes_len + len + 1 > b->bytes_cap && grow_bytes(b, b->bytes_len + len + 1) != 0)) {
        b->out_of_memory = 1;
        return;
    }
    if (len > 0)
        memcpy(b->bytes + b->bytes_len, text, len);
    b->bytes[b->bytes_len + len] = '\0';
    b->starts[b->n_fields] = b->bytes_len;
    b->lengths[b->n_fields] = len;
    b->n_fields++;
    b->bytes_len += len + 1;
}

/* libcsv: the end of a record. */
static void on_record(int terminator, void *data)
{
    row_builder *b = data;
    if (b->stopped || b->out_of_memory)
        return;
    for (size_t i = 0; i < b->n_fields; i++)
        b->fields[i] = b->bytes + b->starts[i];
    b->rows_done++;
    pp_row row = {b->fields, b->lengths, b->n_fields, b->rows_done,
                  pp_utf8_is_valid(b->bytes, b->bytes_len), terminator == -1};
    b->stopped = b->fn(&row, b->user);
    b->n_fields = 0;
    b->bytes_len = 0;
}

static void csv_error_at(pp_diag *diag, pp_source *src, pp_error code, long row,
                         const char *detail)
{
    int was_clear = diag && diag->code == PP_OK;
    pp_diag_set(diag, code, pp_source_name(src), row, "%s", detail);
    if (was_clear)
        diag->line_word = "row";
}

/* Reads the first bytes, at least 4 unless the data is shorter, stops at
 * UTF-16 or UTF-32 text, and drops a UTF-8 byte-order mark. Returns the
 * bytes left in buf at *start, or -1 (diag filled). */
static long read_first(pp_source *src, char *buf, size_t *start, pp_diag *diag)
{
    long have = 0;
    *start = 0;
    while (have < 4) {
        long n = pp_source_read(src, buf + have, READ_CHUNK - (size_t)have, diag);
        if (n < 0)
            return -1;
        if (n == 0)
            break;
        have += n;
    }
    char why[sizeof diag->detail];
    if (pp_not_utf8_wide(why, sizeof why, buf, (size_t)have, PP_FIX_EXPORT) != 0) {
        csv_error_at(diag, src, PP_ERR_ENCODING, 0, why);
        return -1;
    }
    if (have >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0) {
        *start = 3;
        have -= 3;
    }
    return have;
}

/* Feeds len bytes to libcsv. 0 to go on, 1 if the callback stopped,
 * -1 on error (diag filled). */
static int parse_chunk(struct csv_parser *parser, row_builder *b, const char *bytes,
                       size_t len, pp_source *src, pp_diag *diag)
{
    size_t used = csv_parse(parser, bytes, len, on_field, on_record, b);
    if (used < len || b->out_of_memory) {
        csv_error_at(diag, src, PP_ERR_NOMEM, b->rows_done + 1,
                     "this row is too large to hold in memory");
        return -1;
    }
    return b->stopped ? 1 : 0;
}

static int check_closed_quotes(const struct csv_parser *parser, const row_builder *b,
                               pp_source *src, pp_diag *diag)
{
    if (!(parser->pstate == LIBCSV_FIELD_BEGUN && parser->quoted))
        return 0;
    csv_error_at(diag, src, PP_ERR_CSV, b->rows_done + 1,
                 "a quoted field starts in this row but its closing quote (\") "
                 "never comes, so the file ends inside quotes; check that quotes "
                 "are paired (a quote inside a quoted field is written twice: \"\")");
    pp_diag_at_column(diag, (long)b->n_fields + 1, NULL);
    return -1;
}

int pp_csv_read(pp_source *src, pp_row_fn fn, void *user, pp_diag *diag)
{
    int result = -1;
    row_builder b = {.fn = fn, .user = user};
    struct csv_parser parser;
    char *buf = malloc(READ_CHUNK);
    if (buf == NULL || csv_init(&parser, 0) != 0) {
        free(buf);
        csv_error_at(diag, src, PP_ERR_NOMEM, 0, "no memory to start reading");
        return -1;
    }
    csv_set_blk_size(&parser, FIELD_GROWTH);

    size_t start;
    long n = read_first(src, buf, &start, diag);
    while (n > 0) {
        int status = parse_chunk(&parser, &b, buf + start, (size_t)n, src, diag);
        if (status != 0) {
            result = status > 0 ? b.stopped : -1;
            goto cleanup;
        }
        start = 0;
        n = pp_source_read(src, buf, READ_CHUNK, diag);
    }
    if (n < 0 || check_closed_quotes(&parser, &b, src, diag) != 0)
        goto cleanup;
    csv_fini(&parser, on_field, on_record, &b);
    if (b.out_of_memory) {
        csv_error_at(diag, src, PP_ERR_NOMEM, b.rows_done + 1,
                     "this row is too large to hold in memory");
        goto cleanup;
    }
    result = b.stopped;
cleanup:
    csv_free(&parser);
    free(buf);
    free(b.bytes);
    free(b.starts);
    free(b.lengths);
    free(b.fields);
    return result;
}

/* records.c: writes and reads the records format documented in records.h.
 *
 * The reader keeps one growing buffer of stream bytes. A line is found with
 * memchr, its fields are unescaped in place (unescaping never lengthens a
 * field, and the TAB after each field becomes its NUL terminator), and the
 * pp_row handed out points into that buffer. Nothing is allocated per line
 * once the buffer is as long as the longest line. A CR right before the LF
 * is dropped, so a file saved with Windows line ends still reads; writers
 * never produce one (a CR in a field is written `\r`). */
#define _GNU_SOURCE             /* fwrite_unlocked: a row is written under one lock */
#include "records.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#define READ_CHUNK (64 * 1024)

struct pp_records_reader {
    pp_source *src;
    const char *magic;      /* PP_RECORDS_MAGIC, or another format's (tally) */
    int version;
    int is_records;         /* the columns must start id, row, waves */
    char *buf;              /* stream bytes; [start, end) not yet consumed */
    size_t cap, start, end;
    int at_eof;
    long line_no;           /* line number of the line last read */
    pp_strings columns;
    char **fields;          /* n_columns slots, reused for every line */
    size_t *lengths;
};

/* ---- writing ---------------------------------------------------------- */

/* The escape for a byte that needs one, or 0. */
static char escape_letter(unsigned char c)
{
    switch (c) {
    case '\\': return '\\';
    case '\t': return 't';
    case '\n': return 'n';
    case '\r': return 'r';
    case '\0': return '0';
    default:   return 0;
    }
}

size_t pp_records_escape(const char *s, size_t len, char *out)
{
    size_t n = 0;
    for (size_t i = 0; i < len; i++) {
        char letter = escape_letter((unsigned char)s[i]);
        if (letter != 0) {
            out[n++] = '\\';
            out[n++] = letter;
        } else {
            out[n++] = s[i];
        }
    }
    return n;
}

/* Writes one escaped field; the caller holds out's lock (flockfile). */
static void write_field_locked(FILE *out, const char *s, size_t len)
{
    size_t run_start = 0;
    for (size_t i = 0; i < len; i++) {
        char letter = escape_letter((unsigned char)s[i]);
        if (letter == 0)
            continue;
        fwrite_unlocked(s + run_start, 1, i - run_start, out);
        putc_unlocked('\\', out);
        putc_unlocked(letter, out);
        run_start = i + 1;
    }
    fwrite_unlocked(s + run_start, 1, len - run_start, out);
}

int pp_records_write_field(FILE *out, const char *s, size_t len)
{
    flockfile(out);
    write_field_locked(out, s, len);
    int failed = ferror_unlocked(out);
    funlockfile(out);
    return failed ? -1 : 0;
}

#define ROW_BUFFER 4096        /* a row escaped into this goes out in one write */

/* Escapes a row with its TABs and line end into buf, which holds at least
 * 2 * (the fields' bytes) + n_fields bytes; returns its length. A byte that
 * needs no escape (all but five) costs one test. */
static size_t escape_row(const char *const *fields, const size_t *lengths, size_t n_fields,
                         char *buf)
{
    size_t n = 0;
    for (size_t i = 0; i < n_fields; i++) {
        const unsigned char *s = (const unsigned char *)fields[i];
        if (i > 0)
            buf[n++] = '\t';
        for (size_t j = 0; j < lengths[i]; j++) {
            char letter = s[j] < 0x20 || s[j] == '\\' ? escape_letter(s[j]) : 0;
            if (letter == 0) {
                buf[n++] = (char)s[j];
            } else {
                buf[n++] = '\\';
                buf[n++] = letter;
            }
        }
    }
    buf[n++] = '\n';
    return n;
}

/* Called once per respondent: the row is escaped into a buffer and written
 * in one call (writing field by field, and taking the stream's lock per
 * call, was a quarter of ingest's time when it wrote records); a row too
 * long for the buffer is written field by field, under one lock. */
int pp_records_write_row(FILE *out, const char *const *fields,
                         const size_t *lengths, size_t n_fields)
{
    char buf[ROW_BUFFER];
    size_t need = n_fields;
    for (size_t i = 0; i < n_fields; i++)
        need += 2 * lengths[i];
    flockfile(out);
    if (need <= sizeof buf) {
        fwrite_unlocked(buf, 1, escape_row(fields, lengths, n_fields, buf), out);
    } else {
        for (size_t i = 0; i < n_fields; i++) {
            if (i > 0)
                putc_unlocked('\t', out);
            write_field_locked(out, fields[i], lengths[i]);
        }
        putc_unlocked('\n', out);
    }
    int failed = ferror_unlocked(out);
    funlockfile(out);
    return failed ? -1 : 0;
}

int pp_records_write_header(FILE *out, const pp_strings *columns)
{
    fprintf(out, "%s %d\n", PP_RECORDS_MAGIC, PP_RECORDS_VERSION);
    for (size_t i = 0; i < columns->count; i++) {
        if (i > 0)
            putc('\t', out);
        pp_records_write_field(out, columns->items[i], strlen(columns->items[i]));
    }
    putc('\n', out);
    return ferror(out) ? -1 : 0;
}

/* ---- column names ------------------------------------------------------ */

static int push_joined(pp_strings *list, const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    char *joined = malloc(la + lb + 1);
    if (joined == NULL)
        return -1;
    memcpy(joined, a, la);
    memcpy(joined + la, b, lb + 1);
    int rc = pp_strings_push(list, joined, la + lb);
    free(joined);
    return rc;
}

int pp_records_columns(const pp_codebook *cb, pp_strings *out)
{
    if (pp_strings_push_str(out, "id") || pp_strings_push_str(out, "row")
        || pp_strings_push_str(out, "waves"))
        goto fail;
    for (size_t s = 0; s < cb->n_segments; s++)
        if (push_joined(out, "seg:", cb->segments[s].name))
            goto fail;
    for (size_t i = 0; i < cb->n_items; i++) {
        const pp_item *item = &cb->items[i];
        int rc = item->kind == PP_ITEM_PAIRED
                     ? push_joined(out, item->id, ":before")
                           || push_joined(out, item->id, ":after")
                     : pp_strings_push_str(out, item->id);
        if (rc)
            goto fail;
    }
    return 0;
fail:
    pp_strings_clear(out);
    return -1;
}

/* ---- reading lines ----------------------------------------------------- */

/* Makes room for at least READ_CHUNK more bytes after r->end. */
static int make_room(pp_records_reader *r)
{
    if (r->start > 0) {
        memmove(r->buf, r->buf + r->start, r->end - r->start);
        r->end -= r->start;
        r->start = 0;
    }
    if (r->cap - r->end >= READ_CHUNK)
        return 0;
    size_t cap = r->cap ? r->cap * 2 : 2 * READ_CHUNK;
    char *buf = realloc(r->buf, cap);
    if (buf == NULL)
        return -1;
    r->buf = buf;
    r->cap = cap;
    return 0;
}

/* The next line without its line end: 1 with *line and *len set (valid
 * until the next call), 0 at the end of the stream, -1 on error. */
static int next_line(pp_records_reader *r, char **line, size_t *len, pp_diag *diag)
{
    size_t scanned = r->start;
    for (;;) {
        char *nl = r->end > scanned
                       ? memchr(r->buf + scanned, '\n', r->end - scanned) : NULL;
        if (nl != NULL || (r->at_eof && r->end > r->start)) {
            char *stop = nl ? nl : r->buf + r->end;
            *line = r->buf + r->start;
            *len = (size_t)(stop - *line);
            r->start = nl ? (size_t)(nl - r->buf) + 1 : r->end;
            if (*len > 0 && (*line)[*len - 1] == '\r')
                (*len)--;
            r->line_no++;
            return 1;
        }
        if (r->at_eof)
            return 0;
        if (make_room(r) != 0) {
            pp_diag_set(diag, PP_ERR_NOMEM, pp_source_name(r->src), r->line_no + 1,
                        "a line is too long to hold in memory");
            return -1;
        }
        scanned = r->end;                /* no line end before here */
        /* One byte is kept spare for the NUL after a last line without LF. */
        long got = pp_source_read(r->src, r->buf + r->end, r->cap - r->end - 1, diag);
        if (got < 0)
            return -1;
        if (got == 0)
            r->at_eof = 1;
        r->end += (size_t)got;
    }
}

/* The byte an escape letter stands for, or -1 if it is not an escape. */
static int unescape_letter(char letter)
{
    switch (letter) {
    case '\\': return '\\';
    case 't':  return '\t';
    case 'n':  return '\n';
    case 'r':  return '\r';
    case '0':  return '\0';
    default:   return -1;
    }
}

/* Splits a line at TABs and unescapes each field in place. Returns the
 * number of fields (more than max_fields means too many; only the first
 * max_fields are stored), or -1 with diag on a bad escape. */
static long split_line(pp_records_reader *r, char *line, size_t len,
                       size_t max_fields, pp_diag *diag)
{
    size_t n = 0;
    char *in = line, *end = line + len, *out = line, *field = line;
    for (;;) {
        if (in == end || *in == '\t') {
            if (n < max_fields) {
                r->fields[n] = field;
                r->lengths[n] = (size_t)(out - field);
            }
            n++;
            if (in == end)
                break;
            *out++ = '\0';
            field = out;
            in++;
            continue;
        }
        if (*in != '\\') {
            *out++ = *in++;
            continue;
        }
        int plain = in + 1 < end ? unescape_letter(in[1]) : -1;
        if (plain < 0) {
            pp_diag_set(diag, PP_ERR_RECORDS, pp_source_name(r->src), r->line_no,
                        "field %zu has a backslash followed by %s; a backslash must "
                        "start one of \\\\ \\t \\n \\r \\0", n + 1,
                        in + 1 == end ? "the end of the line" : "another character");
            pp_diag_at_column(diag, (long)n + 1,
                              n < r->columns.count ? r->columns.items[n] : NULL);
            return -1;
        }
        *out++ = (char)plain;
        in += 2;
    }
    *out = '\0';   /* the line end (or a spare byte of the buffer) */
    return (long)n;
}

/* ---- opening ----------------------------------------------------------- */

/* "records" or "tally": what the stream should be, for messages. */
static const char *format_noun(const pp_records_reader *r)
{
    return r->is_records ? "records" : r->magic + strlen("prepost-");
}

static pp_error check_magic(pp_records_reader *r, pp_diag *diag)
{
    const char *name = pp_source_name(r->src);
    char *line;
    size_t len;
    int got = next_line(r, &line, &len, diag);
    if (got < 0)
        return diag->code;
    if (got == 0)
        return pp_diag_set(diag, PP_ERR_RECORDS, name, 1,
                           "the stream is empty; a %s file starts with the line "
                           "\"%s %d\"", format_noun(r), r->magic, r->version);
    size_t magic_len = strlen(r->magic);
    if (len < magic_len || memcmp(line, r->magic, magic_len) != 0)
        return pp_diag_set(diag, PP_ERR_RECORDS, name, 1,
                           "this is not a %s file made by prepost; its first line "
                           "should be \"%s %d\"", format_noun(r), r->magic, r->version);
    /* The rest of the line: one space and a version number. */
    char version_text[24];
    size_t rest_len = len - magic_len;
    snprintf(version_text, sizeof version_text, "%.*s",
             (int)(rest_len < 20 ? rest_len : 20), line + magic_len);
    char *stop = version_text;
    long version = 0;
    if (version_text[0] == ' ' && isdigit((unsigned char)version_text[1]))
        version = strtol(version_text + 1, &stop, 10);
    if (version < 1 || *stop != '\0' || rest_len >= 20)
        return pp_diag_set(diag, PP_ERR_RECORDS, name, 1,
                           "the format version after \"%s\" is missing or not a version "
                           "number; expected \"%s %d\"", r->magic,
                           r->magic, r->version);
    if (version != r->version)
        return pp_diag_set(diag, PP_ERR_RECORDS, name, 1,
                           "this file was made by a newer prepost (%s format "
                           "version %ld); this prepost reads version %d, so please "
                           "update prepost", format_noun(r), version, r->version);
    return PP_OK;
}

static pp_error read_columns(pp_records_reader *r, pp_diag *diag)
{
    const char *name = pp_source_name(r->src);
    static const char *const first[] = {"id", "row", "waves"};
    char *line;
    size_t len;
    int got = next_line(r, &line, &len, diag);
    if (got < 0)
        return diag->code;
    if (got == 0)
        return pp_diag_set(diag, PP_ERR_RECORDS, name, 2,
                           "the stream ends before the line of column names");
    size_t n = 1;
    for (size_t i = 0; i < len; i++)
        n += line[i] == '\t';
    r->fields = calloc(n, sizeof *r->fields);
    r->lengths = calloc(n, sizeof *r->lengths);
    if (r->fields == NULL || r->lengths == NULL)
        return pp_diag_set(diag, PP_ERR_NOMEM, name, 2, NULL);
    if (split_line(r, line, len, n, diag) < 0)
        return diag->code;
    for (size_t i = 0; i < n; i++) {
        const char *col = r->fields[i];
        if (r->lengths[i] == 0 || strlen(col) != r->lengths[i])
            return pp_diag_set(diag, PP_ERR_RECORDS, name, 2,
                               "column %zu has no name (or a NUL byte in it)", i + 1);
        if (r->is_records && i < 3 && strcmp(col, first[i]) != 0)
            return pp_diag_set(diag, PP_ERR_RECORDS, name, 2,
                               "column %zu is \"%s\" but should be \"%s\"; the columns "
                               "start with id, row, waves", i + 1, col, first[i]);
        if (pp_strings_index(&r->columns, col) >= 0)
            return pp_diag_set(diag, PP_ERR_RECORDS, name, 2,
                               "the column \"%s\" is named twice", col);
        if (pp_strings_push(&r->columns, col, r->lengths[i]) != 0)
            return pp_diag_set(diag, PP_ERR_NOMEM, name, 2, NULL);
    }
    if (r->is_records && n < 3)
        return pp_diag_set(diag, PP_ERR_RECORDS, name, 2,
                           "there are %zu columns; the columns start with id, row, waves", n);
    return PP_OK;
}

pp_records_reader *pp_records_open(pp_source *src, pp_diag *diag)
{
    return pp_records_open_format(src, PP_RECORDS_MAGIC, PP_RECORDS_VERSION, diag);
}

pp_records_reader *pp_records_open_format(pp_source *src, const char *magic,
                                          int version, pp_diag *diag)
{
    pp_records_reader *r = calloc(1, sizeof *r);
    if (r == NULL) {
        pp_diag_set(diag, PP_ERR_NOMEM, pp_source_name(src), 0, NULL);
        return NULL;
    }
    r->src = src;
    r->magic = magic;
    r->version = version;
    r->is_records = strcmp(magic, PP_RECORDS_MAGIC) == 0;
    if (check_magic(r, diag) != PP_OK || read_columns(r, diag) != PP_OK)
        goto fail;
    return r;
fail:
    pp_records_close(r);
    return NULL;
}

size_t pp_records_n_columns(const pp_records_reader *r)
{
    return r->columns.count;
}

const char *pp_records_column(const pp_records_reader *r, size_t i)
{
    return i < r->columns.count ? r->columns.items[i] : NULL;
}

long pp_records_find(const pp_records_reader *r, const char *name)
{
    return pp_strings_index(&r->columns, name);
}

int pp_records_next(pp_records_reader *r, pp_row *row, pp_diag *diag)
{
    size_t n_columns = r->columns.count;
    char *line;
    size_t len;
    int got;
    do {
        got = next_line(r, &line, &len, diag);
    } while (got == 1 && len == 0);      /* blank lines carry no record */
    if (got <= 0)
        return got;
    long n = split_line(r, line, len, n_columns, diag);
    if (n < 0)
        return -1;
    if ((size_t)n != n_columns) {
        pp_diag_set(diag, PP_ERR_RECORDS, pp_source_name(r->src), r->line_no,
                    "this line has %ld fields but the column line names %zu; "
                    "fields are separated by one TAB each", n, n_columns);
        return -1;
    }
    row->fields = r->fields;
    row->lengths = r->lengths;
    row->n_fields = n_columns;
    row->row = r->line_no;
    return 1;
}

void pp_records_close(pp_records_reader *r)
{
    if (r == NULL)
        return;
    free(r->buf);
    free(r->fields);
    free(r->lengths);
    pp_strings_clear(&r->columns);
    free(r);
}

/* ini_doc.c: reads an INI text with inih into a pp_ini_doc (ini_doc.h).
 *
 * inih reads through our line reader (ini_parse_stream). The reader works
 * around three limits of the library as Debian builds it:
 * - Line numbers: the handler is given none, so the reader counts the lines
 *   of the file and the handler reads the count.
 * - Line length: inih keeps at most 199 bytes of a line. The reader reads
 *   whole lines itself and hands inih a long line in pieces: the first piece
 *   as written, the rest as indented lines, which inih passes on as
 *   continuations of the same key. The handler glues those pieces back with
 *   nothing between them. A cut is made only where neither side is white
 *   space, ';' or '#', so inih trims and finds comments exactly as it would
 *   on the whole line. An inline comment (';' after white space) is dropped
 *   by the reader first, so no piece holds one.
 * - Sections without keys: inih reports keys only, so the reader notes each
 *   [header] as it passes it.
 * A real indented line in the file continues the value with one space. */
#include "ini_doc.h"

#include <ctype.h>
#include <ini.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "not_utf8.h"
#include "utf8.h"

typedef struct {
    /* where lines come from: a stream, or memory */
    FILE *in;
    const char *text;
    size_t text_len, text_pos;
    /* the current line of the file, comment dropped */
    char *raw;
    size_t raw_cap, raw_len;
    size_t handed;          /* bytes of raw handed to inih so far */
    int have_raw;           /* raw still has pieces to hand out */
    long line;              /* its line number */
    int indented;           /* it starts with white space */
    int piece_continues;    /* the piece last handed out is not a line's first */
    /* inih's own line count -> our line, to place inih's syntax errors */
    long *line_of;
    size_t n_line_of, cap_line_of;
    long unclosed_header;   /* first "[..." line without "]" */
    /* what the handler builds */
    pp_ini_doc *doc;
    long open;              /* entry of the last section whose value may
                               still go on, or -1 */
    const char *name;
    pp_diag *diag;
} line_feeder;

static int is_cut_unsafe(char c)
{
    return isspace((unsigned char)c) || c == ';' || c == '#';
}

/* Reads the next whole line into r->raw without its line ending.
 * Returns 1, 0 at the end, -1 on a read error, -2 out of memory. */
static int read_raw_line(line_feeder *r)
{
    if (r->in != NULL) {
        ssize_t n = getline(&r->raw, &r->raw_cap, r->in);
        /* getline sets neither flag when it runs out of memory */
        if (n < 0)
            return ferror(r->in) ? -1 : feof(r->in) ? 0 : -2;
        r->raw_len = (size_t)n;
    } else {
        if (r->text_pos >= r->text_len)
            return 0;
        const char *start = r->text + r->text_pos;
        const char *nl = memchr(start, '\n', r->text_len - r->text_pos);
        size_t n = nl ? (size_t)(nl - start) + 1 : r->text_len - r->text_pos;
        if (n + 1 > r->raw_cap) {
            char *grown = realloc(r->raw, n + 1);
            if (grown == NULL)
                return -2;
            r->raw = grown;
            r->raw_cap = n + 1;
        }
        memcpy(r->raw, start, n);
        r->raw_len = n;
        r->text_pos += n;
    }
    while (r->raw_len > 0 && (r->raw[r->raw_len - 1] == '\n' || r->raw[r->raw_len - 1] == '\r'))
        r->raw_len--;
    r->raw[r->raw_len] = '\0';
    return 1;
}

/* Drops a byte-order mark on line 1, whole-line comments and inline
 * comments (';' after white space, as inih reads them), and the white space
 * before them. */
static void drop_comments(line_feeder *r)
{
    char *s = r->raw;
    if (r->line == 1 && strncmp(s, "\xEF\xBB\xBF", 3) == 0) {
        memmove(s, s + 3, r->raw_len - 2);
        r->raw_len -= 3;
    }
    size_t first = 0;
    while (first < r->raw_len && isspace((unsigned char)s[first]))
        first++;
    size_t end = r->raw_len;
    if (first < end && (s[first] == ';' || s[first] == '#'))
        end = 0;
    for (size_t i = first + 1; i < end; i++)
        if (s[i] == ';' && isspace((unsigned char)s[i - 1]))
            end = i;
    while (end > 0 && isspace((unsigned char)s[end - 1]))
        end--;
    s[end] = '\0';
    r->raw_len = end;
}

static char *dup_lower(const char *s, size_t len)
{
    char *copy = malloc(len + 1);
    if (copy == NULL)
        return NULL;
    for (size_t i = 0; i < len; i++)
        copy[i] = (char)tolower((unsigned char)s[i]);
    copy[len] = '\0';
    return copy;
}

/* "[kind name]": starts a new section in the doc. */
static int begin_section(line_feeder *r, const char *inside, size_t len)
{
    while (len > 0 && isspace((unsigned char)*inside))
        inside++, len--;
    while (len > 0 && isspace((unsigned char)inside[len - 1]))
        len--;
    size_t kind_len = 0;
    while (kind_len < len && !isspace((unsigned char)inside[kind_len]))
        kind_len++;
    size_t name_at = kind_len;
    while (name_at < len && isspace((unsigned char)inside[name_at]))
        name_at++;

    pp_ini_doc *doc = r->doc;
    if (doc->n_sections == doc->cap_sections) {
        size_t cap = doc->cap_sections ? 2 * doc->cap_sections : 8;
        pp_ini_section *grown = realloc(doc->sections, cap * sizeof *grown);
        if (grown == NULL)
            return -1;
        doc->sections = grown;
        doc->cap_sections = cap;
    }
    pp_ini_section *sec = &doc->sections[doc->n_sections];
    memset(sec, 0, sizeof *sec);
    sec->line = r->line;
    sec->kind = dup_lower(inside, kind_len);
    sec->name = strndup(inside + name_at, len - name_at);
    doc->n_sections++;
    r->open = -1;
    return sec->kind && sec->name ? 0 : -1;
}

/* Notes a [header] line, as inih will read it: not when it continues a
 * value (indented, after a key of this section). */
static int notice_header(line_feeder *r)
{
    const char *s = r->raw;
    while (isspace((unsigned char)*s))
        s++;
    if (*s != '[' || (r->indented && r->open >= 0))
        return 0;
    const char *close = strchr(s, ']');
    if (close == NULL) {
        if (r->unclosed_header == 0)
            r->unclosed_header = r->line;
        return 0;
    }
    return begin_section(r, s + 1, (size_t)(close - s - 1));
}

/* Where to end the piece that starts at `from`, at most `room` bytes long. */
static size_t piece_end(const line_feeder *r, size_t from, size_t room)
{
    if (r->raw_len - from <= room)
        return r->raw_len;
    for (size_t cut = from + room; cut > from + 1; cut--)
        if (!is_cut_unsafe(r->raw[cut - 1]) && !is_cut_unsafe(r->raw[cut]))
            return cut;
    return 0;
}

static int remember_line(line_feeder *r)
{
    if (r->n_line_of == r->cap_line_of) {
        size_t cap = r->cap_line_of ? 2 * r->cap_line_of : 64;
        long *grown = realloc(r->line_of, cap * sizeof *grown);
        if (grown == NULL)
            return -1;
        r->line_of = grown;
        r->cap_line_of = cap;
    }
    r->line_of[r->n_line_of++] = r->line;
    return 0;
}

/* The line just read must be text: UTF-8 (UTF-16 or UTF-32 is told by the
 * first line) without a NUL byte, at which inih would stop the line, so
 * the rest of it (levels, a column name) would vanish without a word.
 * 0, or -1 with diag filled. */
static int check_text(line_feeder *r)
{
    char why[sizeof r->diag->detail];
    long line = r->line + 1;
    if (line == 1 && pp_not_utf8_wide(why, sizeof why, r->raw, r->raw_len, PP_FIX_CODEBOOK)) {
        pp_diag_set(r->diag, PP_ERR_ENCODING, r->name, line, "%s", why);
        return -1;
    }
    if (memchr(r->raw, '\0', r->raw_len) != NULL) {
        pp_diag_set(r->diag, PP_ERR_CODEBOOK, r->name, line,
                    "this line holds a NUL byte (0x00); a codebook is a text file: "
                    "save it again as plain text (UTF-8)");
        return -1;
    }
    size_t good = pp_utf8_valid_length(r->raw, r->raw_len);
    if (good == r->raw_len)
        return 0;
    pp_not_utf8_explain(why, sizeof why, r->raw, r->raw_len, good, "line", "codebook",
                        PP_FIX_CODEBOOK);
    pp_diag_set(r->diag, PP_ERR_ENCODING, r->name, line, "%s", why);
    return -1;
}

/* The ini_reader callback: hands inih the next piece of a line. */
static char *next_piece(char *out, int size, void *stream)
{
    line_feeder *r = stream;
    if (r->diag->code != PP_OK || size < 8)
        return NULL;
    r->piece_continues = r->have_raw;
    if (!r->have_raw) {
        int got = read_raw_line(r);
        if (got <= 0) {
            if (got == -2)
                pp_diag_set(r->diag, PP_ERR_NOMEM, r->name, r->line + 1, NULL);
            else if (got < 0)
                pp_diag_set(r->diag, PP_ERR_READ, r->name, r->line + 1,
                            "the codebook could not be read to the end");
            return NULL;
        }
        if (check_text(r) != 0)
            return NULL;
        r->line++;
        r->indented = r->raw_len > 0 && isspace((unsigned char)r->raw[0]);
        drop_comments(r);
        r->handed = 0;
        r->have_raw = 1;
        if (notice_header(r) != 0) {
            pp_diag_set(r->diag, PP_ERR_NOMEM, r->name, r->line, NULL);
            return NULL;
        }
    }
    size_t indent = r->piece_continues ? 1 : 0;
    size_t end = piece_end(r, r->handed, (size_t)size - 2 - indent);
    if (end == 0 && r->raw_len > 0) {
        pp_diag_set(r->diag, PP_ERR_CODEBOOK, r->name, r->line,
                    "this line has a run of over %d spaces, ';' or '#' in a "
                    "value; make the run shorter", size / 2);
        return NULL;
    }
    memset(out, ' ', indent);
    memcpy(out + indent, r->raw + r->handed, end - r->handed);
    memcpy(out + indent + (end - r->handed), "\n", 2);
    r->handed = end;
    r->have_raw = end < r->raw_len;
    if (remember_line(r) != 0) {
        pp_diag_set(r->diag, PP_ERR_NOMEM, r->name, r->line, NULL);
        return NULL;
    }
    return out;
}

/* Appends a piece of value to an entry, after `glue` ("" or " "). */
static int extend_value(pp_ini_entry *entry, const char *glue, const char *more)
{
    size_t old_len = strlen(entry->value), glue_len = strlen(glue);
    size_t more_len = strlen(more);
    char *grown = realloc(entry->value, old_len + glue_len + more_len + 1);
    if (grown == NULL)
        return -1;
    memcpy(grown + old_len, glue, glue_len);
    memcpy(grown + old_len + glue_len, more, more_len + 1);
    entry->value = grown;
    return 0;
}

static int add_entry(line_feeder *r, pp_ini_section *sec, const char *key,
                     const char *value)
{
    if (sec->n_entries == sec->cap_entries) {
        size_t cap = sec->cap_entries ? 2 * sec->cap_entries : 8;
        pp_ini_entry *grown = realloc(sec->entries, cap * sizeof *grown);
        if (grown == NULL)
            return -1;
        sec->entries = grown;
        sec->cap_entries = cap;
    }
    pp_ini_entry *entry = &sec->entries[sec->n_entries];
    entry->key = dup_lower(key, strlen(key));
    entry->value = strdup(value);
    entry->line = r->line;
    sec->n_entries++;
    r->open = (long)sec->n_entries - 1;
    return entry->key && entry->value ? 0 : -1;
}

/* The inih handler: one call per key, and one per continuation piece. */
static int on_key(void *user, const char *section, const char *key, const char *value)
{
    line_feeder *r = user;
    (void)section;          /* the reader tracks sections itself */
    if (r->diag->code != PP_OK)
        return 0;
    pp_ini_section *sec = r->doc->n_sections
        ? &r->doc->sections[r->doc->n_sections - 1] : NULL;
    int failed = 0;
    if (r->piece_continues || (r->indented && r->open >= 0)) {
        if (sec == NULL || r->open < 0)
            return 1;       /* inih has already found this line unreadable */
        failed = extend_value(&sec->entries[r->open],
                              r->piece_continues ? "" : " ", value);
    } else if (sec == NULL) {
        pp_diag_set(r->diag, PP_ERR_CODEBOOK, r->name, r->line,
                    "the key \"%s\" comes before any [section]; a codebook "
                    "starts with [survey]", key);
        return 0;
    } else {
        const pp_ini_entry *twice = pp_ini_find(sec, key);
        if (twice != NULL) {
            pp_diag_set(r->diag, PP_ERR_CODEBOOK, r->name, r->line,
                        "in [%s%s%s] the key \"%s\" is given twice (first on "
                        "line %ld); keep one", sec->kind, *sec->name ? " " : "",
                        sec->name, twice->key, twice->line);
            return 0;
        }
        failed = add_entry(r, sec, key, value);
    }
    if (failed)
        pp_diag_set(r->diag, PP_ERR_NOMEM, r->name, r->line, NULL);
    return !failed;
}

/* Puts inih's own complaint about a line (which it reports only at the
 * end) in place, unless an earlier line already went wrong. */
static void report_unreadable_line(line_feeder *r, int inih_line)
{
    if (inih_line <= 0 || (size_t)inih_line > r->n_line_of)
        return;
    long line = r->line_of[inih_line - 1];
    if (r->diag->code != PP_OK &&
        (r->diag->code != PP_ERR_CODEBOOK || r->diag->line <= line))
        return;
    pp_diag_clear(r->diag);
    if (line == r->unclosed_header)
        pp_diag_set(r->diag, PP_ERR_CODEBOOK, r->name, line,
                    "this section header has no closing ']'; write it like "
                    "[scale rating]");
    else
        pp_diag_set(r->diag, PP_ERR_CODEBOOK, r->name, line,
                    "this line is not understood: expected a [section], a "
                    "key = value, a comment starting with ';', or an indented "
                    "line that goes on with the value above");
}

int pp_ini_doc_read(pp_ini_doc *doc, FILE *in, const char *text, size_t len,
                    const char *name, pp_diag *diag)
{
    line_feeder r;
    memset(&r, 0, sizeof r);
    r.in = in;
    r.text = text;
    r.text_len = len;
    r.open = -1;
    r.doc = doc;
    r.name = name;
    r.diag = diag;
    int status = ini_parse_stream(next_piece, &r, on_key, &r);
    if (status == -2)
        pp_diag_set(diag, PP_ERR_NOMEM, name, 0, NULL);
    report_unreadable_line(&r, status);
    free(r.raw);
    free(r.line_of);
    return diag->code == PP_OK ? 0 : -1;
}

const pp_ini_entry *pp_ini_find(const pp_ini_section *section, const char *key)
{
    for (size_t i = 0; i < section->n_entries; i++)
        if (strcasecmp(section->entries[i].key, key) == 0)
            return &section->entries[i];
    return NULL;
}

void pp_ini_doc_free(pp_ini_doc *doc)
{
    for (size_t s = 0; s < doc->n_sections; s++) {
        pp_ini_section *sec = &doc->sections[s];
        for (size_t e = 0; e < sec->n_entries; e++) {
            free(sec->entries[e].key);
            free(sec->entries[e].value);
        }
        free(sec->entries);
        free(sec->kind);
        free(sec->name);
    }
    free(doc->sections);
    memset(doc, 0, sizeof *doc);
}

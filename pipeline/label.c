/* label.c: forgiving label matching (label.h) and the compiled lookup that
 * ingest runs for every cell.
 *
 * Normalisation only ever shrinks or keeps a label (every forgiven character
 * becomes one ASCII byte or vanishes), so a buffer as long as the input is
 * always big enough. A lookup first tries the cell exactly as the codebook
 * wrote the label (most exports repeat the labels byte for byte), then its
 * normalised form; both are open-addressing hash tables. A cell is normalised
 * into a stack buffer no longer than the longest label, so the common case
 * allocates nothing. */
#include "label.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define TOO_LONG SIZE_MAX

/* Reads the character at s[i]: returns how many bytes it takes and sets
 * *out to the byte it stands for, or to ' ' when it is white space. */
static size_t forgive_char(const unsigned char *s, size_t len, size_t i,
                           unsigned char *out, int *is_space)
{
    unsigned char c = s[i];
    *is_space = 0;
    if (c == ' ' || (c >= '\t' && c <= '\r')) {
        *is_space = 1;
        return 1;
    }
    if (c == 0xC2 && i + 1 < len && (s[i + 1] == 0xA0 || s[i + 1] == 0xB4)) {
        *is_space = s[i + 1] == 0xA0;       /* no-break space */
        *out = '\'';                        /* acute accent ´ */
        return 2;
    }
    if (c == 0xE2 && i + 2 < len && s[i + 1] == 0x80) {
        unsigned char d = s[i + 2];
        if (d >= 0x98 && d <= 0x9B) {       /* ‘ ’ ‚ ‛ */
            *out = '\'';
            return 3;
        }
        if (d >= 0x9C && d <= 0x9F) {       /* “ ” „ ‟ */
            *out = '"';
            return 3;
        }
        if (d == 0xB2 || d == 0xB3) {       /* ′ ″ */
            *out = d == 0xB2 ? '\'' : '"';
            return 3;
        }
    }
    if (c == '`')
        *out = '\'';
    else if (c >= 'A' && c <= 'Z')
        *out = (unsigned char)(c - 'A' + 'a');
    else
        *out = c;
    return 1;
}

/* Writes the normalised form of s[0..len) into out (at most cap bytes, no
 * NUL). Returns its length, or TOO_LONG when it does not fit. */
static size_t normalize_into(const char *text, size_t len, char *out, size_t cap)
{
    const unsigned char *s = (const unsigned char *)text;
    size_t i = 0, n = 0;
    int pending_space = 0;
    if (len >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF)
        i = 3;
    while (i < len) {
        unsigned char byte = 0;
        int is_space;
        i += forgive_char(s, len, i, &byte, &is_space);
        if (is_space) {
            pending_space = n > 0;
            continue;
        }
        if (n + (size_t)pending_space + 1 > cap)
            return TOO_LONG;
        if (pending_space)
            out[n++] = ' ';
        pending_space = 0;
        out[n++] = (char)byte;
    }
    return n;
}

char *pp_label_normalize(const char *s, size_t len)
{
    char *out = malloc(len + 1);
    if (out == NULL)
        return NULL;
    size_t n = normalize_into(s, len, out, len);
    out[n] = '\0';
    return out;
}

/* Reads a label's normalised form a byte at a time, as normalize_into
 * writes it, so that two labels are compared without a copy of either. */
typedef struct {
    const unsigned char *s;
    size_t len, i;
    int emitted;            /* a byte has been given: a space may follow */
    int pending_space;      /* white space seen since the last byte */
    int held;               /* the byte after a pending space, or -1 */
} normal_reader;

static void reader_start(normal_reader *r, const char *text, size_t len)
{
    *r = (normal_reader){ .s = (const unsigned char *)text, .len = len, .held = -1 };
    if (len >= 3 && r->s[0] == 0xEF && r->s[1] == 0xBB && r->s[2] == 0xBF)
        r->i = 3;
}

/* The next byte of the normalised form, or -1 at its end. */
static int reader_next(normal_reader *r)
{
    if (r->held >= 0) {
        int byte = r->held;
        r->held = -1;
        return byte;
    }
    while (r->i < r->len) {
        unsigned char byte = 0;
        int is_space;
        r->i += forgive_char(r->s, r->len, r->i, &byte, &is_space);
        if (is_space) {
            r->pending_space = r->emitted;
            continue;
        }
        r->emitted = 1;
        if (r->pending_space) {
            r->pending_space = 0;
            r->held = byte;
            return ' ';
        }
        return byte;
    }
    return -1;
}

/* Allocates nothing, so a comparison cannot fail for want of memory. */
int pp_label_equal(const char *a, size_t alen, const char *b, size_t blen)
{
    if (alen == blen && memcmp(a, b, alen) == 0)
        return 1;
    normal_reader ra, rb;
    reader_start(&ra, a, alen);
    reader_start(&rb, b, blen);
    for (;;) {
        int x = reader_next(&ra), y = reader_next(&rb);
        if (x != y)
            return 0;
        if (x < 0)
            return 1;
    }
}

int pp_label_is_blank(const char *s, size_t len)
{
    char unused;
    return normalize_into(s, len, &unused, 0) == 0;
}

/* ---- the compiled index ------------------------------------------------ */

typedef struct {
    const char *key;        /* NULL: empty slot */
    size_t len;
    int code;
} slot;

struct pp_label_index {
    slot *exact;            /* labels as written in the codebook */
    slot *normal;           /* labels normalised */
    size_t mask;            /* table size - 1 (a power of two) */
    size_t longest;         /* longest normalised label */
    pp_strings keys;        /* owns every key */
};

static size_t hash_bytes(const char *s, size_t len)
{
    uint64_t h = 1469598103934665603ULL;           /* FNV-1a */
    for (size_t i = 0; i < len; i++) {
        h ^= (unsigned char)s[i];
        h *= 1099511628211ULL;
    }
    return (size_t)(h ^ (h >> 32));
}

static const slot *table_find(const slot *table, size_t mask,
                              const char *s, size_t len)
{
    for (size_t i = hash_bytes(s, len) & mask;; i = (i + 1) & mask) {
        if (table[i].key == NULL)
            return NULL;
        if (table[i].len == len && memcmp(table[i].key, s, len) == 0)
            return &table[i];
    }
}

/* Adds key -> code unless the key is already there (the first one wins). */
static void table_add(slot *table, size_t mask, const char *key, size_t len, int code)
{
    size_t i = hash_bytes(key, len) & mask;
    while (table[i].key != NULL) {
        if (table[i].len == len && memcmp(table[i].key, key, len) == 0)
            return;
        i = (i + 1) & mask;
    }
    table[i].key = key;
    table[i].len = len;
    table[i].code = code;
}

static pp_label_index *index_new(size_t n_labels)
{
    pp_label_index *ix = calloc(1, sizeof *ix);
    if (ix == NULL)
        return NULL;
    size_t size = 8;
    while (size < 2 * n_labels + 1)
        size *= 2;
    ix->mask = size - 1;
    ix->exact = calloc(size, sizeof *ix->exact);
    ix->normal = calloc(size, sizeof *ix->normal);
    if (ix->exact == NULL || ix->normal == NULL) {
        pp_label_index_free(ix);
        return NULL;
    }
    return ix;
}

static int index_add(pp_label_index *ix, const char *label, int code)
{
    size_t len = strlen(label);
    char *normal = pp_label_normalize(label, len);
    if (normal == NULL)
        return -1;
    if (pp_strings_push_str(&ix->keys, label) != 0) {
        free(normal);
        return -1;
    }
    const char *exact = ix->keys.items[ix->keys.count - 1];
    int pushed = pp_strings_push_str(&ix->keys, normal);
    size_t normal_len = strlen(normal);
    free(normal);
    if (pushed != 0)
        return -1;
    table_add(ix->exact, ix->mask, exact, len, code);
    table_add(ix->normal, ix->mask, ix->keys.items[ix->keys.count - 1],
              normal_len, code);
    if (normal_len > ix->longest)
        ix->longest = normal_len;
    return 0;
}

pp_label_index *pp_label_index_for_scale(const pp_scale *scale)
{
    pp_label_index *ix = index_new(scale->levels.count + scale->missing.count);
    if (ix == NULL)
        return NULL;
    for (size_t k = 0; k < scale->levels.count; k++)
        if (index_add(ix, scale->levels.items[k], (int)k + 1) != 0)
            goto fail;
    for (size_t m = 0; m < scale->missing.count; m++)
        if (index_add(ix, scale->missing.items[m], -(int)m - 1) != 0)
            goto fail;
    return ix;
fail:
    pp_label_index_free(ix);
    return NULL;
}

pp_label_index *pp_label_index_for_strings(const pp_strings *labels)
{
    pp_label_index *ix = index_new(labels->count);
    if (ix == NULL)
        return NULL;
    for (size_t i = 0; i < labels->count; i++) {
        if (index_add(ix, labels->items[i], (int)i + 1) != 0) {
            pp_label_index_free(ix);
            return NULL;
        }
    }
    return ix;
}

void pp_label_index_free(pp_label_index *ix)
{
    if (ix == NULL)
        return;
    free(ix->exact);
    free(ix->normal);
    pp_strings_clear(&ix->keys);
    free(ix);
}

int pp_label_lookup(const pp_label_index *ix, const char *s, size_t len, int *code)
{
    const slot *hit = table_find(ix->exact, ix->mask, s, len);
    if (hit != NULL && len > 0) {
        *code = hit->code;
        return 1;
    }
    char small[256];
    char *buf = small;
    size_t cap = ix->longest < len ? ix->longest : len;
    if (cap > sizeof small && (buf = malloc(cap)) == NULL)
        return -1;
    size_t n = normalize_into(s, len, buf, cap);
    int result = -1;
    *code = 0;
    if (n == 0) {
        result = 0;
    } else if (n != TOO_LONG && (hit = table_find(ix->normal, ix->mask, buf, n))) {
        *code = hit->code;
        result = 1;
    }
    if (buf != small)
        free(buf);
    return result;
}

/* Appends text to buf (holding *used bytes); returns 0, or -1 when full. */
static int append(char *buf, size_t cap, size_t *used, const char *text)
{
    size_t len = strlen(text);
    if (*used + len + 1 > cap)
        return -1;
    memcpy(buf + *used, text, len + 1);
    *used += len;
    return 0;
}

void pp_label_expected(const pp_scale *scale, char *buf, size_t cap)
{
    if (cap == 0)
        return;
    buf[0] = '\0';
    size_t used = 0, total = scale->levels.count + scale->missing.count;
    for (size_t i = 0; i < total; i++) {
        const char *label = i < scale->levels.count
            ? scale->levels.items[i]
            : scale->missing.items[i - scale->levels.count];
        if ((i > 0 && append(buf, cap, &used, " | ") != 0) ||
            append(buf, cap, &used, label) != 0) {
            /* Cut short: end with "..." where it fits. */
            size_t at = cap >= 4 ? (used < cap - 4 ? used : cap - 4) : 0;
            while (at > 0 && ((unsigned char)buf[at] & 0xC0) == 0x80)
                at--;               /* never cut a UTF-8 character in two */
            while (at > 0 && (buf[at - 1] == ' ' || buf[at - 1] == '|'))
                at--;               /* nor end on a separator */
            snprintf(buf + at, cap - at, "%s", cap >= 4 ? "..." : "");
            return;
        }
    }
}

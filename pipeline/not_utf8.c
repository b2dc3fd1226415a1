/* not_utf8.c: words for text that is not UTF-8 (see not_utf8.h). */
#include "not_utf8.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "utf8.h"

#define SHOWN_BEFORE 40         /* bytes of context shown before the bad byte */
#define SHOWN_MAX 72            /* bytes of a cell or line shown at most */

/* Windows-1252's characters for the bytes 0x80 to 0x9F; 0 where it has
 * none. From 0xA0 on it is Latin-1, whose byte is its code point. */
static const unsigned short cp1252_high[32] = {
    0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
    0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
};

/* Text appended to a fixed buffer, cut short (never overrun) when full. */
typedef struct {
    char *buf;
    size_t cap, len;
} text_out;

static void put(text_out *t, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void put(text_out *t, const char *fmt, ...)
{
    if (t->len + 1 >= t->cap)
        return;
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(t->buf + t->len, t->cap - t->len, fmt, ap);
    va_end(ap);
    if (n > 0)
        t->len = t->len + (size_t)n < t->cap ? t->len + (size_t)n : t->cap - 1;
}

static void put_code_point(text_out *t, unsigned c)
{
    if (c < 0x80)
        put(t, "%c", (int)c);
    else if (c < 0x800)
        put(t, "%c%c", (int)(0xC0 | c >> 6), (int)(0x80 | (c & 0x3F)));
    else
        put(t, "%c%c%c", (int)(0xE0 | c >> 12), (int)(0x80 | (c >> 6 & 0x3F)),
            (int)(0x80 | (c & 0x3F)));
}

/* 1 if the byte is no character of Windows-1252. */
static int cp1252_lacks(unsigned char b)
{
    return b >= 0x80 && b < 0xA0 && cp1252_high[b - 0x80] == 0;
}

/* s[from..to) as Windows-1252 would show it; control characters as \xNN
 * so that the message stays on one line. */
static void put_as_cp1252(text_out *t, const unsigned char *s, size_t from, size_t to)
{
    for (size_t i = from; i < to; i++) {
        if (s[i] < 0x20 || s[i] == 0x7F)
            put(t, "\\x%02X", s[i]);
        else if (s[i] >= 0x80 && s[i] < 0xA0)
            put_code_point(t, cp1252_high[s[i] - 0x80]);
        else
            put_code_point(t, s[i]);
    }
}

/* s[from..to) with its UTF-8 characters as they are and every other byte
 * (and control character) as \xNN. */
static void put_escaped(text_out *t, const unsigned char *s, size_t from, size_t to)
{
    size_t i = from;
    while (i < to) {
        size_t good = pp_utf8_valid_length(s + i, to - i);
        for (size_t k = i; k < i + good; k++)
            if (s[k] < 0x20 || s[k] == 0x7F)
                put(t, "\\x%02X", s[k]);
            else
                put(t, "%c", (int)s[k]);
        i += good;
        if (i < to)
            put(t, "\\x%02X", s[i++]);
    }
}

/* What is in s: 1 in *mixed if some of its bytes above 0x7F are UTF-8
 * characters; 1 in *cp1252 if every byte that is not UTF-8 is a
 * Windows-1252 character; 1 in *binary if it has control characters no
 * text has (all below 0x20 but tab, line feed and carriage return). */
static void classify(const unsigned char *s, size_t len, int *mixed, int *cp1252, int *binary)
{
    *mixed = 0;
    *cp1252 = 1;
    *binary = 0;
    size_t i = 0;
    while (i < len) {
        size_t good = pp_utf8_valid_length(s + i, len - i);
        for (size_t k = i; k < i + good; k++) {
            *mixed |= s[k] >= 0x80;
            *binary |= s[k] < 0x20 && s[k] != '\t' && s[k] != '\n' && s[k] != '\r';
        }
        i += good;
        if (i < len && cp1252_lacks(s[i]))
            *cp1252 = 0;
        i++;
    }
}

void pp_not_utf8_explain(char *buf, size_t cap, const char *text, size_t len, size_t bad_at,
                         const char *part, const char *whole, const char *fix)
{
    const unsigned char *s = (const unsigned char *)text;
    text_out t = {buf, cap, 0};
    if (cap == 0)
        return;
    buf[0] = '\0';
    if (bad_at >= len) {
        put(&t, "this %s is UTF-8", part);
        return;
    }
    size_t from = bad_at > SHOWN_BEFORE ? bad_at - SHOWN_BEFORE : 0;
    size_t to = len - from > SHOWN_MAX ? from + SHOWN_MAX : len;
    const char *before = from > 0 ? "..." : "", *after = to < len ? "..." : "";
    int mixed, cp1252, binary;
    classify(s, len, &mixed, &cp1252, &binary);
    put(&t, "byte 0x%02X at byte %zu of the %s; ", s[bad_at], bad_at + 1, part);
    if (!binary && !mixed && cp1252) {
        put(&t, "read as Windows-1252 the %s is \"%s", part, before);
        put_as_cp1252(&t, s, from, to);
        put(&t, "%s\", so the %s looks like Windows-1252 or Latin-1: %s", after, whole, fix);
        return;
    }
    put(&t, "the %s is \"%s", part, before);
    put_escaped(&t, s, from, to);
    if (binary)
        put(&t, "%s\", so the %s does not look like text at all: is it the right file?",
            after, whole);
    else if (mixed)
        put(&t, "%s\", partly UTF-8: a character may have been cut short, or text of "
                "another encoding pasted in; %s", after, fix);
    else
        put(&t, "%s\", so the %s is in another encoding: %s", after, whole, fix);
}

/* 16 or 32 and the byte order of UTF-16 or UTF-32 text, told by its
 * byte-order mark (*bom = 1) or by NULs around its first ASCII
 * characters; 0 for anything else. */
static int wide_kind(const unsigned char *b, size_t n, int *big_endian, int *bom)
{
    static const struct {
        unsigned char bytes[4];
        size_t len;
        int bits, big_endian, bom;
    } marks[] = {
        {{0x00, 0x00, 0xFE, 0xFF}, 4, 32, 1, 1}, {{0xFF, 0xFE, 0x00, 0x00}, 4, 32, 0, 1},
        {{0xFE, 0xFF}, 2, 16, 1, 1}, {{0xFF, 0xFE}, 2, 16, 0, 1},
    };
    for (size_t i = 0; i < sizeof marks / sizeof marks[0]; i++)
        if (n >= marks[i].len && memcmp(b, marks[i].bytes, marks[i].len) == 0) {
            *big_endian = marks[i].big_endian;
            *bom = marks[i].bom;
            return marks[i].bits;
        }
    *bom = 0;
    if (n < 4)
        return 0;
    int z0 = b[0] == 0, z1 = b[1] == 0, z2 = b[2] == 0, z3 = b[3] == 0;
    *big_endian = z0;
    if (z1 && z2 && z0 != z3)           /* x 0 0 0 or 0 0 0 x */
        return 32;
    if (z0 == z2 && z1 == z3 && z0 != z1) /* x 0 y 0 or 0 x 0 y */
        return 16;
    return 0;
}

int pp_not_utf8_wide(char *buf, size_t cap, const void *first, size_t n, const char *fix)
{
    int big_endian, bom;
    int bits = wide_kind(first, n, &big_endian, &bom);
    if (bits == 0)
        return 0;
    text_out t = {buf, cap, 0};
    if (cap > 0)
        buf[0] = '\0';
    put(&t, "the file is UTF-%d text (%s-endian, %s), as Excel's \"Unicode text\" is; "
            "prepost reads UTF-8: %s", bits, big_endian ? "big" : "little",
        bom ? "with a byte-order mark" : "told by the NUL bytes between its first characters",
        fix);
    return bits;
}

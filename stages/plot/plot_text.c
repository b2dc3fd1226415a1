/* plot_text.c: cleaning text for gnuplot datablocks (see plot_text.h). */
#include "plot_text.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define REPLACEMENT 0xFFFDu
#define ELLIPSIS 0x2026u

/* Decodes one UTF-8 sequence at s (n bytes left). Sets *len to the bytes
 * used; returns REPLACEMENT for a malformed, overlong or surrogate one. */
static uint32_t decode(const unsigned char *s, size_t n, size_t *len)
{
    static const uint32_t min_for_len[5] = {0, 0, 0x80, 0x800, 0x10000};
    size_t need = s[0] < 0x80 ? 1 : (s[0] & 0xE0) == 0xC0 ? 2
                : (s[0] & 0xF0) == 0xE0 ? 3 : (s[0] & 0xF8) == 0xF0 ? 4 : 0;
    *len = 1;
    if (need == 1)
        return s[0];
    if (need == 0 || need > n)
        return REPLACEMENT;
    uint32_t c = s[0] & (0x7F >> need);
    for (size_t i = 1; i < need; i++) {
        if ((s[i] & 0xC0) != 0x80)
            return REPLACEMENT;
        c = (c << 6) | (s[i] & 0x3F);
    }
    *len = need;
    if (c < min_for_len[need] || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
        return REPLACEMENT;
    return c;
}

static int is_break(uint32_t c)
{
    return c < 0x20 || c == 0x7F || (c >= 0x80 && c <= 0x9F) || c == 0x2028 || c == 0x2029;
}

/* Code points of the text, each replaced as plot_text.h says, white space
 * collapsed and trimmed, long words broken. *n gets the count. */
static uint32_t *clean_code_points(const char *text, size_t *n)
{
    size_t bytes = strlen(text);
    /* a break is added at most once per PLOT_WORD_MAX characters */
    uint32_t *cp = malloc((bytes + bytes / PLOT_WORD_MAX + 2) * sizeof *cp);
    if (cp == NULL)
        return NULL;
    const unsigned char *s = (const unsigned char *)text;
    size_t count = 0, word = 0, len;
    int open_quote = 1;
    for (size_t i = 0; i < bytes; i += len) {
        uint32_t c = decode(s + i, bytes - i, &len);
        if (is_break(c))
            c = ' ';
        else if (c == '"')
            c = (open_quote = !open_quote) ? 0x201D : 0x201C;
        else if (c == '\\')
            c = 0x2216;
        if (c == ' ') {
            if (count > 0 && cp[count - 1] != ' ')
                cp[count++] = ' ';
            word = 0;
            continue;
        }
        if (word == PLOT_WORD_MAX) {
            cp[count++] = ' ';
            word = 0;
        }
        cp[count++] = c;
        word++;
    }
    while (count > 0 && cp[count - 1] == ' ')
        count--;
    *n = count;
    return cp;
}

/* Cuts to max_chars at a word where one is near, adding the ellipsis. */
static void cap(uint32_t *cp, size_t *n, size_t max_chars)
{
    if (*n <= max_chars)
        return;
    size_t cut = max_chars;
    while (cut > max_chars / 2 && cp[cut] != ' ')
        cut--;
    if (cut <= max_chars / 2)
        cut = max_chars;
    while (cut > 0 && cp[cut - 1] == ' ')
        cut--;
    cp[cut] = ELLIPSIS;
    *n = cut + 1;
}

static size_t encode(uint32_t c, char *out)
{
    if (c < 0x80) {
        out[0] = (char)c;
        return 1;
    }
    if (c < 0x800) {
        out[0] = (char)(0xC0 | (c >> 6));
        out[1] = (char)(0x80 | (c & 0x3F));
        return 2;
    }
    if (c < 0x10000) {
        out[0] = (char)(0xE0 | (c >> 12));
        out[1] = (char)(0x80 | ((c >> 6) & 0x3F));
        out[2] = (char)(0x80 | (c & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (c >> 18));
    out[1] = (char)(0x80 | ((c >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((c >> 6) & 0x3F));
    out[3] = (char)(0x80 | (c & 0x3F));
    return 4;
}

char *plot_text_clean(const char *text, size_t max_chars)
{
    size_t n = 0;
    uint32_t *cp = clean_code_points(text ? text : "", &n);
    if (cp == NULL)
        return NULL;
    cap(cp, &n, max_chars);
    char *out = malloc(5 * n + 1);     /* 4 bytes a character, or "]] >" */
    if (out != NULL) {
        size_t at = 0;
        for (size_t i = 0; i < n; i++) {
            if (cp[i] == '>' && i >= 2 && cp[i - 1] == ']' && cp[i - 2] == ']')
                out[at++] = ' ';
            at += encode(cp[i], out + at);
        }
        out[at] = '\0';
    }
    free(cp);
    return out;
}

int plot_write_field(FILE *out, const char *text, size_t max_chars)
{
    char *clean = plot_text_clean(text, max_chars);
    if (clean == NULL)
        return -1;
    fprintf(out, "\"%s\"", clean);
    free(clean);
    return 0;
}

int plot_write_path(FILE *out, const char *path)
{
    for (const unsigned char *s = (const unsigned char *)path; *s; s++)
        if (*s < 0x20 || *s == 0x7F)
            return -1;
    fputc('\'', out);
    for (const char *s = path; *s; s++) {
        if (*s == '\'')
            fputc('\'', out);
        fputc(*s, out);
    }
    fputc('\'', out);
    return 0;
}

char *plot_text_tsv(const char *text)
{
    char *copy = strdup(text ? text : "");
    if (copy != NULL)
        for (unsigned char *s = (unsigned char *)copy; *s; s++)
            if (*s < 0x20 || *s == 0x7F)
                *s = ' ';
    return copy;
}

/* html_escape.c: HTML escaping and URL-safe names (html_escape.h). */
#include "html_escape.h"

#include <stdlib.h>
#include <string.h>

/* The replacement for byte c, or NULL when it is written as it is. */
static const char *entity(unsigned char c)
{
    switch (c) {
    case '&':  return "&amp;";
    case '<':  return "&lt;";
    case '>':  return "&gt;";
    case '"':  return "&quot;";
    case '\'': return "&#39;";
    case '`':  return "&#96;";
    case '\t': case '\n': return NULL;
    default:   return c < 0x20 || c == 0x7f ? " " : NULL;
    }
}

int pp_html_put(FILE *out, const char *s)
{
    if (s == NULL)
        return 0;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        const char *e = entity(*p);
        if ((e ? fputs(e, out) : putc(*p, out)) == EOF)
            return -1;
    }
    return 0;
}

char *pp_html_escape(const char *s)
{
    size_t len = 1;
    for (const unsigned char *p = (const unsigned char *)(s ? s : ""); *p; p++) {
        const char *e = entity(*p);
        len += e ? strlen(e) : 1;
    }
    char *out = malloc(len), *at = out;
    if (out == NULL)
        return NULL;
    for (const unsigned char *p = (const unsigned char *)(s ? s : ""); *p; p++) {
        const char *e = entity(*p);
        if (e != NULL) {
            size_t n = strlen(e);
            memcpy(at, e, n);
            at += n;
        } else {
            *at++ = (char)*p;
        }
    }
    *at = '\0';
    return out;
}

static int safe_byte(unsigned char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
        || c == '_' || c == '-';
}

char *pp_html_safe_name(char *dst, size_t cap, const char *name)
{
    if (cap == 0)
        return dst;
    size_t n = 0;
    for (const unsigned char *p = (const unsigned char *)(name ? name : ""); *p && n + 1 < cap; p++)
        dst[n++] = safe_byte(*p) ? (char)*p : '_';
    if (n == 0 && cap > 1)
        dst[n++] = '_';
    dst[n] = '\0';
    return dst;
}

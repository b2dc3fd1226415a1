/* text_escape.c: CSV, Markdown and LaTeX escaping of labels (text_escape.h). */
#include "text_escape.h"

#include <ctype.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "csv_field.h"

/* A growing string; `failed` is sticky so callers check once. */
typedef struct {
    char *text;
    size_t len, cap;
    bool failed;
} sbuf;

static void put(sbuf *b, const char *s, size_t n)
{
    if (b->failed)
        return;
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 32;
        while (b->len + n + 1 > cap)
            cap *= 2;
        char *grown = realloc(b->text, cap);
        if (grown == NULL) {
            b->failed = true;
            return;
        }
        b->text = grown;
        b->cap = cap;
    }
    memcpy(b->text + b->len, s, n);
    b->len += n;
    b->text[b->len] = '\0';
}

static void put_str(sbuf *b, const char *s)
{
    put(b, s, strlen(s));
}

static char *finish(sbuf *b)
{
    put(b, "", 0);
    if (b->failed) {
        free(b->text);
        return NULL;
    }
    return b->text;
}

char *pp_escape_csv(const char *text)
{
    sbuf b = {0};
    bool formula = pp_csv_needs_apostrophe(text, strlen(text));
    bool quote = formula || strpbrk(text, ",\"\r\n") != NULL;
    if (quote)
        put_str(&b, "\"");
    if (formula)
        put_str(&b, "'");
    for (const char *s = text; *s; s++) {
        if (*s == '"')
            put_str(&b, "\"\"");
        else
            put(&b, s, 1);
    }
    if (quote)
        put_str(&b, "\"");
    return finish(&b);
}

/* 1 if s (at an '&') starts a character reference: &name; &#123; &#x1F; */
static bool starts_entity(const char *s)
{
    size_t i = 1, n = 0;
    if (s[i] == '#')
        i++;
    while (isalnum((unsigned char)s[i + n]))
        n++;
    return n > 0 && s[i + n] == ';';
}

/* Length of a line break at s (CRLF, CR, LF), or 0. */
static size_t line_break(const char *s)
{
    if (s[0] == '\r')
        return s[1] == '\n' ? 2 : 1;
    return s[0] == '\n';
}

char *pp_escape_md(const char *text)
{
    sbuf b = {0};
    for (const char *s = text; *s;) {
        size_t br = line_break(s);
        if (br > 0) {
            put_str(&b, "<br>");
            s += br;
            continue;
        }
        if (strchr("\\|*_`[]<>~$", *s) != NULL || (*s == '&' && starts_entity(s)))
            put_str(&b, "\\");
        put(&b, s++, 1);
    }
    return finish(&b);
}

/* The LaTeX for one character, or NULL when it stands for itself. */
static const char *tex_special(char c)
{
    switch (c) {
    case '#': return "\\#";
    case '$': return "\\$";
    case '%': return "\\%";
    case '&': return "\\&";
    case '_': return "\\_";
    case '{': return "\\{";
    case '}': return "\\}";
    case '~': return "\\textasciitilde{}";
    case '^': return "\\textasciicircum{}";
    case '\\': return "\\textbackslash{}";
    case '<': return "\\textless{}";
    case '>': return "\\textgreater{}";
    case '|': return "\\textbar{}";
    case '[': return "{[}";
    case ']': return "{]}";
    case '*': return "{*}";
    default: return NULL;
    }
}

char *pp_escape_tex(const char *text)
{
    sbuf b = {0};
    for (const char *s = text; *s;) {
        size_t br = line_break(s);
        if (br > 0) {
            put_str(&b, " ");
            s += br;
            continue;
        }
        const char *special = tex_special(*s);
        if (special != NULL)
            put_str(&b, special);
        else
            put(&b, s, 1);
        s++;
    }
    return finish(&b);
}

/* csv_field.c: CSV fields for files opened in spreadsheets (csv_field.h). */
#include "csv_field.h"

#include <ctype.h>
#include <string.h>

/* Digits from s[*at], how many. */
static size_t skip_digits(const char *s, size_t len, size_t *at)
{
    size_t start = *at;
    while (*at < len && isdigit((unsigned char)s[*at]))
        (*at)++;
    return *at - start;
}

/* A sign, digits with at most one point (one digit at least), and an
 * optional exponent: -0.5, +3, -1e-05. */
static int plain_number(const char *s, size_t len)
{
    size_t at = 0;
    if (at < len && (s[at] == '+' || s[at] == '-'))
        at++;
    size_t digits = skip_digits(s, len, &at);
    if (at < len && s[at] == '.') {
        at++;
        digits += skip_digits(s, len, &at);
    }
    if (digits == 0)
        return 0;
    if (at < len && (s[at] == 'e' || s[at] == 'E')) {
        at++;
        if (at < len && (s[at] == '+' || s[at] == '-'))
            at++;
        if (skip_digits(s, len, &at) == 0)
            return 0;
    }
    return at == len;
}

/* s[0..len) would be run as a formula. */
static int formula_like(const char *s, size_t len)
{
    if (len == 0 || memchr("=+-@\t\r", s[0], 6) == NULL)
        return 0;
    return !plain_number(s, len);
}

int pp_csv_needs_apostrophe(const char *s, size_t len)
{
    size_t marks = 0;
    while (marks < len && s[marks] == '\'')
        marks++;
    return formula_like(s + marks, len - marks);
}

/* s[0..len) holds a comma, a double quote, CR, LF or a NUL (s need not
 * end at len with a NUL). */
const char *pp_csv_field_text(const char *field)
{
    if (field[0] == '\'' && pp_csv_needs_apostrophe(field + 1, strlen(field + 1)))
        return field + 1;
    return field;
}

static int needs_quotes(const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if (s[i] == ',' || s[i] == '"' || s[i] == '\r' || s[i] == '\n' || s[i] == '\0')
            return 1;
    return 0;
}

void pp_csv_write_field(FILE *out, const char *s, size_t len, int always_quote)
{
    int formula = pp_csv_needs_apostrophe(s, len);
    if (!always_quote && !formula && !needs_quotes(s, len)) {
        fwrite(s, 1, len, out);
        return;
    }
    putc('"', out);
    if (formula)
        putc('\'', out);
    for (size_t i = 0; i < len; i++) {
        if (s[i] == '"')
            putc('"', out);
        putc(s[i], out);
    }
    putc('"', out);
}

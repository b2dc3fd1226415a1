/* csv_scan.c: libcsv's record states, without the fields (csv_scan.h).
 *
 * Inside a field only a few bytes can change the state: a quote in a
 * quoted field, a comma or line end in an unquoted one. The bytes between
 * are passed over in one go (memchr, or a tight loop), not stepped through
 * the states one by one; most of an export is inside fields, and cutting
 * a large one for `prepost run --jobs` spent most of its time here. */
#include "csv_scan.h"

#include <string.h>

enum { ROW_NOT_BEGUN, FIELD_NOT_BEGUN, FIELD_BEGUN, FIELD_MIGHT_HAVE_ENDED };

void pp_csv_scan_init(pp_csv_scan *s, long long offset)
{
    s->state = ROW_NOT_BEGUN;
    s->quoted = 0;
    s->spaces = 0;
    s->records = 0;
    s->offset = offset;
}

static int is_space(char c) { return c == ' ' || c == '\t'; }
static int is_term(char c) { return c == '\r' || c == '\n'; }

static void end_record(pp_csv_scan *s)
{
    s->records++;
    s->state = ROW_NOT_BEGUN;
}

/* Before a field: spaces skipped, a line end ends the record (or a blank
 * line), a quote opens a quoted field. */
static void not_begun(pp_csv_scan *s, char c)
{
    if (is_space(c))
        return;
    if (is_term(c)) {
        if (s->state == FIELD_NOT_BEGUN)
            end_record(s);
        return;
    }
    if (c == ',') {
        s->state = FIELD_NOT_BEGUN;
        return;
    }
    s->state = FIELD_BEGUN;
    s->quoted = c == '"';
    s->spaces = 0;
}

static void in_field(pp_csv_scan *s, char c)
{
    if (c == '"' && s->quoted) {
        s->state = FIELD_MIGHT_HAVE_ENDED;
        s->spaces = 0;
    } else if (c == ',' && !s->quoted)
        s->state = FIELD_NOT_BEGUN;
    else if (is_term(c) && !s->quoted)
        end_record(s);
}

/* After a quote inside a quoted field: a comma or line end closes the
 * field, a second quote is a literal one, anything else (libcsv is not
 * strict) goes on inside the quotes. */
static void after_quote(pp_csv_scan *s, char c)
{
    if (c == ',') {
        s->state = FIELD_NOT_BEGUN;
    } else if (is_term(c)) {
        end_record(s);
    } else if (is_space(c)) {
        s->spaces++;
    } else if (c == '"') {
        if (s->spaces)
            s->spaces = 0;
        else
            s->state = FIELD_BEGUN;
    } else {
        s->state = FIELD_BEGUN;
        s->spaces = 0;
    }
}

/* How many bytes from bytes[0] leave a field's state as it is: up to the
 * next quote in a quoted field, the next comma or line end in another. */
static size_t inside_field(const pp_csv_scan *s, const char *bytes, size_t len)
{
    if (s->quoted) {
        const char *quote = memchr(bytes, '"', len);
        return quote ? (size_t)(quote - bytes) : len;
    }
    size_t n = 0;
    while (n < len && bytes[n] != ',' && !is_term(bytes[n]))
        n++;
    return n;
}

int pp_csv_scan_feed(pp_csv_scan *s, const char *bytes, size_t len,
                     pp_csv_boundary_fn at_boundary, void *user)
{
    for (size_t i = 0; i < len; i++) {
        if (s->state == FIELD_BEGUN) {
            size_t same = inside_field(s, bytes + i, len - i);
            i += same;
            s->offset += (long long)same;
            if (i == len)
                break;
        }
        char c = bytes[i];
        s->offset++;
        if (s->state == ROW_NOT_BEGUN || s->state == FIELD_NOT_BEGUN)
            not_begun(s, c);
        else if (s->state == FIELD_BEGUN)
            in_field(s, c);
        else
            after_quote(s, c);
        if (c == '\n' && s->state == ROW_NOT_BEGUN && at_boundary != NULL) {
            int stop = at_boundary(s->offset, s->records, user);
            if (stop)
                return stop;
        }
    }
    return 0;
}

long pp_csv_scan_finish(const pp_csv_scan *s, int *in_quotes)
{
    *in_quotes = s->state == FIELD_BEGUN && s->quoted == 1;
    return s->records + (s->state != ROW_NOT_BEGUN);
}

/* csv_scan.c: libcsv's record states, without the fields (csv_scan.h).
 *
 * Most bytes of an export cannot change where its records end, and are
 * passed over in tight loops rather than stepped through the states:
 *
 * - Inside a quoted field only a quote matters: memchr finds the next.
 * - Outside quotes (between fields, or in an unquoted one) only a quote
 *   or a line end does more than move between "no field yet", "after a
 *   comma" and "in an unquoted field". Which of the three holds after a
 *   run of other bytes depends on the last of them that is not a space
 *   or tab: a comma, "after a comma"; anything else, "in an unquoted
 *   field"; none, the state before the run. So a run is passed over with
 *   a byte table, then its end looked back on.
 *
 * A skim does not count records, so outside quotes it stops only at a
 * quote (memchr again); its runs hold line ends, after which no field
 * has begun.
 *
 * The state after a quote (it may close the field) is stepped byte by
 * byte as libcsv does; it lasts a byte or two. */
#include "csv_scan.h"

#include <string.h>

enum { ROW_NOT_BEGUN, FIELD_NOT_BEGUN, FIELD_BEGUN, FIELD_MIGHT_HAVE_ENDED };

/* Outside quotes, the bytes that end a run: a quote, CR, LF. */
static const unsigned char ends_run[256] = {['"'] = 1, ['\r'] = 1, ['\n'] = 1};

void pp_csv_scan_init(pp_csv_scan *s, long long offset)
{
    s->state = ROW_NOT_BEGUN;
    s->quoted = 0;
    s->spaces = 0;
    s->records = 0;
    s->offset = offset;
}

static int is_space(unsigned char c) { return c == ' ' || c == '\t'; }
static int is_term(unsigned char c) { return c == '\r' || c == '\n'; }

/* Where the run from p[i] ends: at the next quote, CR or LF, or len. Four
 * bytes a step while no end is among them, then one by one. */
static size_t skip_run(const unsigned char *p, size_t i, size_t len)
{
    while (len - i >= 4
           && !(ends_run[p[i]] | ends_run[p[i + 1]] | ends_run[p[i + 2]] | ends_run[p[i + 3]]))
        i += 4;
    while (i < len && !ends_run[p[i]])
        i++;
    return i;
}

/* Where the next quote is from p[i], or len. */
static size_t next_quote(const unsigned char *p, size_t i, size_t len)
{
    const unsigned char *quote = memchr(p + i, '"', len - i);
    return quote == NULL ? len : (size_t)(quote - p);
}

/* The state after the run p[from, to), none of it a quote, from `state`
 * outside quotes (the file comment). */
static int after_run(const unsigned char *p, size_t from, size_t to, int state)
{
    while (to > from && is_space(p[to - 1]))
        to--;
    if (to == from)
        return state;
    if (is_term(p[to - 1]))
        return ROW_NOT_BEGUN;
    return p[to - 1] == ',' ? FIELD_NOT_BEGUN : FIELD_BEGUN;
}

/* A quote or line end outside quotes. A quote opens a quoted field where
 * no field has begun, and is kept as is inside an unquoted one; a line
 * end ends the record, or is a blank line. */
static void outside_quotes(pp_csv_scan *t, unsigned char c)
{
    if (c == '"') {
        if (t->state != FIELD_BEGUN) {
            t->state = FIELD_BEGUN;
            t->quoted = 1;
        }
        return;
    }
    if (t->state != ROW_NOT_BEGUN)
        t->records++;
    t->state = ROW_NOT_BEGUN;
}

/* After a quote inside a quoted field: a comma or line end closes the
 * field, a second quote is a literal one, anything else (libcsv is not
 * strict) goes on inside the quotes. */
static void after_quote(pp_csv_scan *t, unsigned char c)
{
    if (c == ',') {
        t->state = FIELD_NOT_BEGUN;
    } else if (is_term(c)) {
        t->records++;
        t->state = ROW_NOT_BEGUN;
    } else if (is_space(c)) {
        t->spaces++;
    } else if (c == '"') {
        if (t->spaces)
            t->spaces = 0;
        else
            t->state = FIELD_BEGUN;
    } else {
        t->state = FIELD_BEGUN;
        t->spaces = 0;
    }
}

/* Steps the scan t over the bytes of p from i that cannot change its
 * state, and the byte after them: a stretch inside quotes up to a quote,
 * a run outside them up to a quote or (unless skimming) a line end. One
 * byte after a quote. Returns the index past them. */
static size_t step(pp_csv_scan *t, const unsigned char *p, size_t i, size_t len, int skim)
{
    if (t->state == FIELD_MIGHT_HAVE_ENDED) {
        after_quote(t, p[i]);
        return i + 1;
    }
    if (t->state == FIELD_BEGUN && t->quoted) {
        size_t quote = next_quote(p, i, len);
        if (quote == len)
            return len;
        t->state = FIELD_MIGHT_HAVE_ENDED;
        t->spaces = 0;
        return quote + 1;
    }
    size_t end = skim ? next_quote(p, i, len) : skip_run(p, i, len);
    t->state = after_run(p, i, end, t->state);
    if (t->state == FIELD_BEGUN)
        t->quoted = 0;
    if (end == len)
        return len;
    outside_quotes(t, p[end]);
    return end + 1;
}

int pp_csv_scan_feed(pp_csv_scan *s, const char *bytes, size_t len,
                     pp_csv_boundary_fn at_boundary, void *user)
{
    const unsigned char *p = (const unsigned char *)bytes;
    pp_csv_scan t = *s;                 /* as it goes; *s: where this feed began */
    size_t i = 0;
    while (i < len) {
        i = step(&t, p, i, len, 0);
        if (p[i - 1] == '\n' && t.state == ROW_NOT_BEGUN && at_boundary != NULL) {
            int stop = at_boundary(s->offset + (long long)i, t.records, user);
            if (stop) {
                t.offset += (long long)i;
                *s = t;
                return stop;
            }
        }
    }
    t.offset += (long long)len;
    *s = t;
    return 0;
}

void pp_csv_scan_skim(pp_csv_scan *s, const char *bytes, size_t len)
{
    const unsigned char *p = (const unsigned char *)bytes;
    pp_csv_scan t = *s;
    for (size_t i = 0; i < len;)
        i = step(&t, p, i, len, 1);
    t.records = s->records;             /* not counted: see csv_scan.h */
    t.offset += (long long)len;
    *s = t;
}

long pp_csv_scan_finish(const pp_csv_scan *s, int *in_quotes)
{
    *in_quotes = s->state == FIELD_BEGUN && s->quoted == 1;
    return s->records + (s->state != ROW_NOT_BEGUN);
}

/* test_csv_scan_libcsv.c: the record scanner against libcsv itself, fed
 * one byte at a time with csv_rows.c's options: the same record ends
 * (each LF after which libcsv is between records, with the records so
 * far), the same record count, the same "ended inside quotes". However
 * the bytes are cut into pieces (of every size, at every position), and
 * when a skim takes over or hands back at any point. On tricky inputs
 * written here, and on seeded random CSV text: long unquoted fields,
 * quotes inside them, spaces around quoted fields, doubled quotes, text
 * after a closing quote, CR, LF and CRLF line ends, blank lines, bytes
 * above 127, a quote never closed. */
#include <csv.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "csv_scan.h"
#include "cunit_main.h"

#define MAX_ENDS 4096
#define MAX_TEXT 8192
#define LIBCSV_ROW_NOT_BEGUN 0          /* libcsv's parser states */
#define LIBCSV_FIELD_BEGUN 2

typedef struct {
    long long offsets[MAX_ENDS];        /* where each record end leaves off */
    long records[MAX_ENDS];             /* records ended by then */
    int n;
    long count;                         /* records in all */
    int in_quotes;
    long count_at[MAX_TEXT + 1];        /* libcsv only: records ended by each offset */
} ends;

static int note(long long offset, long records, void *user)
{
    ends *e = user;
    CU_ASSERT_FATAL(e->n < MAX_ENDS);
    e->offsets[e->n] = offset;
    e->records[e->n++] = records;
    return 0;
}

static void no_field(void *field, size_t len, void *user)
{
    (void)field, (void)len, (void)user;
}

static void count_record(int terminator, void *user)
{
    (void)terminator;
    ((ends *)user)->count++;
}

/* What libcsv makes of bytes, as csv_rows.c sets it up (no options). */
static void by_libcsv(const char *bytes, size_t len, ends *e)
{
    struct csv_parser parser;
    size_t parsed = 0;
    memset(e, 0, sizeof *e);
    CU_ASSERT_FATAL(len <= MAX_TEXT);
    CU_ASSERT_FATAL(csv_init(&parser, 0) == 0);
    for (size_t i = 0; i < len; i++) {
        parsed += csv_parse(&parser, bytes + i, 1, no_field, count_record, e);
        if (bytes[i] == '\n' && parser.pstate == LIBCSV_ROW_NOT_BEGUN)
            note((long long)i + 1, e->count, e);
        e->count_at[i + 1] = e->count;
    }
    CU_ASSERT_EQUAL_FATAL(parsed, len);
    e->in_quotes = parser.pstate == LIBCSV_FIELD_BEGUN && parser.quoted;
    csv_fini(&parser, no_field, count_record, e);
    csv_free(&parser);
}

static void finish(const pp_csv_scan *scan, ends *e)
{
    e->count = pp_csv_scan_finish(scan, &e->in_quotes);
}

static int same(const ends *a, const ends *b)
{
    if (a->n != b->n || a->count != b->count || a->in_quotes != b->in_quotes)
        return 0;
    for (int i = 0; i < a->n; i++)
        if (a->offsets[i] != b->offsets[i] || a->records[i] != b->records[i])
            return 0;
    return 1;
}

/* The scanner fed the bytes in pieces: sizes[i % n_sizes] bytes at a time. */
static void by_scan(const char *bytes, size_t len, const size_t *sizes, size_t n_sizes, ends *e)
{
    pp_csv_scan scan;
    e->n = 0;
    pp_csv_scan_init(&scan, 0);
    for (size_t at = 0, i = 0; at < len; i++) {
        size_t piece = sizes[i % n_sizes] < len - at ? sizes[i % n_sizes] : len - at;
        CU_ASSERT_EQUAL(pp_csv_scan_feed(&scan, bytes + at, piece, note, e), 0);
        at += piece;
    }
    CU_ASSERT_EQUAL(scan.offset, (long long)len);
    finish(&scan, e);
}

/* Fed up to `skim_at`, skimmed to `feed_at`, fed on: the scan counts what
 * libcsv does where the skim begins; then it ends records where libcsv
 * does, short of those ended while skimming; it ends inside quotes as
 * libcsv does. */
static void check_skim(const char *bytes, size_t len, const ends *want, size_t skim_at,
                       size_t feed_at)
{
    pp_csv_scan scan;
    static ends got;
    got.n = 0;
    pp_csv_scan_init(&scan, 0);
    pp_csv_scan_feed(&scan, bytes, skim_at, note, &got);
    CU_ASSERT_EQUAL(scan.records, want->count_at[skim_at]);
    pp_csv_scan_skim(&scan, bytes + skim_at, feed_at - skim_at);
    CU_ASSERT_EQUAL(scan.offset, (long long)feed_at);
    int before = got.n;
    pp_csv_scan_feed(&scan, bytes + feed_at, len - feed_at, note, &got);
    finish(&scan, &got);
    CU_ASSERT_EQUAL(got.in_quotes, want->in_quotes);
    long skimmed = want->count_at[feed_at] - want->count_at[skim_at];
    CU_ASSERT_EQUAL(got.count + skimmed, want->count);
    int k = 0;
    while (k < want->n && want->offsets[k] <= (long long)feed_at)
        k++;
    CU_ASSERT_EQUAL_FATAL(got.n - before, want->n - k);
    for (int i = before; i < got.n; i++, k++) {
        CU_ASSERT_EQUAL(got.offsets[i], want->offsets[k]);
        CU_ASSERT_EQUAL(got.records[i] + skimmed, want->records[k]);
    }
}

/* A stop asked for at an end: the feed returns it there, and a feed from
 * that offset goes on as if never stopped. */
typedef struct {
    ends e;
    int stop_at;                        /* the end to stop at, 1.. */
} stopping;

static int stop_there(long long offset, long records, void *user)
{
    stopping *s = user;
    note(offset, records, &s->e);
    return s->e.n == s->stop_at ? 7 : 0;
}

static void check_stops(const char *bytes, size_t len, const ends *want)
{
    static stopping got;
    for (int j = 1; j <= want->n; j++) {
        pp_csv_scan scan;
        got.e.n = 0;
        got.stop_at = j;
        pp_csv_scan_init(&scan, 0);
        CU_ASSERT_EQUAL_FATAL(pp_csv_scan_feed(&scan, bytes, len, stop_there, &got), 7);
        CU_ASSERT_EQUAL_FATAL(scan.offset, want->offsets[j - 1]);
        size_t at = (size_t)scan.offset;
        CU_ASSERT_EQUAL(pp_csv_scan_feed(&scan, bytes + at, len - at, note, &got.e), 0);
        finish(&scan, &got.e);
        CU_ASSERT_TRUE(same(&got.e, want));
    }
}

/* Every check on one input; sizes: one way to cut it into pieces. */
static void check_input(const char *bytes, size_t len, const size_t *sizes, size_t n_sizes)
{
    static ends want, got;
    static const size_t whole = SIZE_MAX;
    by_libcsv(bytes, len, &want);
    by_scan(bytes, len, &whole, 1, &got);
    CU_ASSERT_TRUE_FATAL(same(&got, &want));
    by_scan(bytes, len, sizes, n_sizes, &got);
    CU_ASSERT_TRUE_FATAL(same(&got, &want));
    check_skim(bytes, len, &want, 0, len);
    check_skim(bytes, len, &want, len / 3, len - len / 3);
}

static const char *const tricky[] = {
    "id,q\n1,\"two\nlines\"\n2,x\n",
    "a very long unquoted field with spaces and 37\"N, a quote, inside,then more text "
    "going on past any small step of four or eight bytes,z\n\n,\n",
    "  \"a\"  ,  \"b, c\" ,\t\"d\"\t\n \"e\" \"f\"\n\"g\"h,i\n",
    "\"\"\"\",\"\"\n\"a\"\"b\"\"\",\"\n\"\r\n",
    "a\rb\r\r\"c\rd\"\re",                  /* CR alone */
    "a,b\r\n\r\nc\r\n \r\n\"d\r\n\"\r\n",  /* CRLF, blank lines */
    "\n\n  \n\t\n,\n x \n",
    "x\"y\"z,\"p\"q\"r\",s\n",
    "caf\xc3\xa9,\xff\xfe\"\x80,\"\xe2\x80\x9c\"\n",
    "1,2\n3,\"never closed\nstill, inside\r\n",
    "\"a\" \" \",b\n\"c\"  \"\"d\n",
};

static void test_every_piece_size(void)
{
    for (size_t t = 0; t < sizeof tricky / sizeof tricky[0]; t++) {
        size_t len = strlen(tricky[t]);
        for (size_t size = 1; size <= len; size++)
            check_input(tricky[t], len, &size, 1);
    }
}

static void test_every_position(void)
{
    for (size_t t = 0; t < sizeof tricky / sizeof tricky[0]; t++) {
        const char *bytes = tricky[t];
        size_t len = strlen(bytes);
        static ends want;
        by_libcsv(bytes, len, &want);
        for (size_t at = 0; at <= len; at++) {
            size_t sizes[2] = {at, len - at};
            static ends got;
            by_scan(bytes, len, sizes, 2, &got);
            CU_ASSERT_TRUE(same(&got, &want));
            check_skim(bytes, len, &want, at, len);
            check_skim(bytes, len, &want, 0, at);
            check_skim(bytes, len, &want, at / 2, at);
        }
        check_stops(bytes, len, &want);
    }
}

/* A seeded generator (xorshift64*), the same on every machine. */
static uint64_t seed;

static unsigned pick(unsigned n)
{
    seed ^= seed >> 12;
    seed ^= seed << 25;
    seed ^= seed >> 27;
    return (unsigned)((seed * UINT64_C(2685821657736338717)) >> 33) % n;
}

typedef struct {
    char bytes[MAX_TEXT];
    size_t len;
} text;

static void put(text *t, const char *s, size_t n)
{
    if (t->len + n < sizeof t->bytes) {
        memcpy(t->bytes + t->len, s, n);
        t->len += n;
    }
}

static void put_some(text *t, const char *alphabet, size_t n)
{
    size_t k = strlen(alphabet);
    for (size_t i = 0; i < n; i++)
        put(t, &alphabet[pick((unsigned)k)], 1);
}

static void put_high_byte(text *t)
{
    char c = (char)(0x80 + pick(128));
    put(t, &c, 1);
}

/* An unquoted field: often short, sometimes long; spaces, quotes (not at
 * its start) and bytes above 127 inside. */
static void put_unquoted(text *t)
{
    size_t n = pick(4) == 0 ? 40 + pick(400) : pick(12);
    if (n > 0)
        put_some(t, "abcxyz019.-_/:;", 1);
    for (size_t i = 1; i < n; i++) {
        unsigned what = pick(40);
        if (what == 0)
            put(t, "\"", 1);
        else if (what == 1)
            put_high_byte(t);
        else if (what < 5)
            put_some(t, " \t", 1);
        else
            put_some(t, "abcdefghijklmnopqrstuvwxyz0123456789ABC.'()", 1);
    }
}

/* A quoted field, spaces around it: commas, line ends and doubled quotes
 * inside; now and then text after the closing quote, or no closing one. */
static void put_quoted(text *t, int last)
{
    put_some(t, "  \t", pick(3));
    put(t, "\"", 1);
    size_t n = pick(4) == 0 ? 30 + pick(200) : pick(10);
    for (size_t i = 0; i < n; i++) {
        unsigned what = pick(30);
        if (what == 0)
            put(t, "\"\"", 2);
        else if (what == 1)
            put_some(t, "\r\n", 1 + pick(2));
        else if (what == 2)
            put(t, ",", 1);
        else if (what == 3)
            put_high_byte(t);
        else
            put_some(t, "abcdefgh ijk, lmnop", 1);
    }
    if (last && pick(8) == 0)
        return;                         /* never closed */
    put(t, "\"", 1);
    unsigned after = pick(12);
    if (after == 0)
        put_some(t, "xy\"", 1 + pick(3));
    else if (after == 1)
        put(t, " \"", 2);
    put_some(t, " \t", pick(3));
}

static void put_line_end(text *t)
{
    static const char *const ends_of_lines[] = {"\n", "\r\n", "\n", "\r", "\n\n", "\r\n\r\n",
                                                "\n  \n", "\n\t\n", "\r\r"};
    const char *end = ends_of_lines[pick(sizeof ends_of_lines / sizeof ends_of_lines[0])];
    put(t, end, strlen(end));
}

/* Rows of fields, or now and then bytes at random from a tricky few. */
static void make_text(text *t)
{
    t->len = 0;
    if (pick(5) == 0) {
        put_some(t, "ab\",,  \t\r\n\n\"x\xe9", pick(300));
        return;
    }
    unsigned rows = pick(12);
    for (unsigned r = 0; r < rows; r++) {
        unsigned fields = 1 + pick(6);
        for (unsigned f = 0; f < fields; f++) {
            if (f > 0)
                put(t, ",", 1);
            if (pick(3) == 0)
                put_quoted(t, r + 1 == rows && f + 1 == fields);
            else
                put_unquoted(t);
        }
        if (r + 1 < rows || pick(3) != 0)
            put_line_end(t);
    }
}

static void test_random_csv(void)
{
    static text t;
    seed = UINT64_C(0x9E3779B97F4A7C15);
    for (int round = 0; round < 4000; round++) {
        make_text(&t);
        size_t sizes[4] = {1 + pick(9), 1 + pick(200), 1 + pick(3), 1 + pick(64)};
        check_input(t.bytes, t.len, sizes, 4);
        size_t a = pick((unsigned)t.len + 1), b = pick((unsigned)t.len + 1);
        static ends want;
        by_libcsv(t.bytes, t.len, &want);
        check_skim(t.bytes, t.len, &want, a < b ? a : b, a < b ? b : a);
    }
}

CU_ErrorCode add_suites(void)
{
    static CU_TestInfo tests[] = {
        {"tricky inputs in pieces of every size agree with libcsv", test_every_piece_size},
        {"tricky inputs cut, skimmed and stopped at every position", test_every_position},
        {"seeded random CSV text agrees with libcsv", test_random_csv},
        CU_TEST_INFO_NULL,
    };
    return add_suite("csv_scan against libcsv", tests);
}

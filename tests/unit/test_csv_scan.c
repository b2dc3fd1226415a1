/* test_csv_scan.c: the record scanner agrees with csv_rows (libcsv) on
 * random CSV-ish bytes: at every boundary it reports, the rows before and
 * after, parsed apart, are the rows of the whole, numbered the same; its
 * record count is csv_rows's; it sees a file ending inside quotes as
 * csv_rows does. Quotes, commas, spaces, CR, LF in every order.
 * test_csv_scan_libcsv.c holds it against libcsv itself. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csv_rows.h"
#include "csv_scan.h"
#include "cunit_main.h"

typedef struct {
    char text[4096];            /* every row, fields joined by '|', rows by '\n' */
    size_t len;
    long rows;
} parsed;

static int collect(const pp_row *row, void *user)
{
    parsed *p = user;
    for (size_t i = 0; i < row->n_fields; i++) {
        size_t n = row->lengths[i];
        if (p->len + n + 2 >= sizeof p->text)
            return 1;
        memcpy(p->text + p->len, row->fields[i], n);
        p->len += n;
        p->text[p->len++] = '|';
    }
    p->text[p->len++] = '\n';
    p->rows++;
    return 0;
}

/* Parses bytes as csv_rows does: 0, or -1 on a CSV error. */
static int parse(const char *bytes, size_t len, parsed *p)
{
    memset(p, 0, sizeof *p);
    pp_diag diag;
    pp_diag_clear(&diag);
    pp_source *src = pp_source_from_buffer(bytes, len, "test");
    CU_ASSERT_PTR_NOT_NULL_FATAL(src);
    int status = pp_csv_read(src, collect, p, &diag);
    pp_source_free(src);
    return status == 0 ? 0 : -1;
}

typedef struct {
    long long offsets[256];
    long records[256];
    int n;
} boundaries;

static int note(long long offset, long records, void *user)
{
    boundaries *b = user;
    if (b->n < 256) {
        b->offsets[b->n] = offset;
        b->records[b->n++] = records;
    }
    return 0;
}

static void check_one(const char *bytes, size_t len)
{
    pp_csv_scan scan;
    boundaries b = {.n = 0};
    pp_csv_scan_init(&scan, 0);
    pp_csv_scan_feed(&scan, bytes, len, note, &b);
    int in_quotes;
    long records = pp_csv_scan_finish(&scan, &in_quotes);
    parsed whole, head, tail;
    int failed = parse(bytes, len, &whole) != 0;
    CU_ASSERT_EQUAL(failed, in_quotes);
    if (failed)
        return;
    CU_ASSERT_EQUAL(records, whole.rows);
    for (int i = 0; i < b.n; i++) {
        size_t at = (size_t)b.offsets[i];
        CU_ASSERT_EQUAL_FATAL(bytes[at - 1], '\n');
        CU_ASSERT_EQUAL_FATAL(parse(bytes, at, &head), 0);
        CU_ASSERT_EQUAL_FATAL(parse(bytes + at, len - at, &tail), 0);
        CU_ASSERT_EQUAL(head.rows, b.records[i]);
        CU_ASSERT_EQUAL(head.rows + tail.rows, whole.rows);
        CU_ASSERT_EQUAL(head.len + tail.len, whole.len);
        CU_ASSERT_TRUE(memcmp(head.text, whole.text, head.len) == 0);
        CU_ASSERT_TRUE(memcmp(tail.text, whole.text + head.len, tail.len) == 0);
    }
}

static void test_random_bytes(void)
{
    static const char alphabet[] = "ab\",,  \t\r\n\n\"x";
    char bytes[64];
    srand(20240501);
    for (int round = 0; round < 20000; round++) {
        size_t len = 1 + (size_t)(rand() % 40);
        for (size_t i = 0; i < len; i++)
            bytes[i] = alphabet[rand() % (int)(sizeof alphabet - 1)];
        check_one(bytes, len);
    }
}

static void test_known_cases(void)
{
    static const char *const cases[] = {
        "id,q\n1,\"two\nlines\"\n2,x\n",
        "a\r\nb\r\n\r\nc\r\n",
        "\"a\"b\nc\",d\ne\n",             /* text after a closing quote stays quoted */
        "\"a\" \"\nb\n",
        "  \n\t\n,\n",                      /* blank-looking lines, then an empty record */
        "37\"N,x\ny\n",                     /* a quote inside an unquoted field */
        "a long unquoted field, passed over four bytes at a time: 5'11\" tall, "
        "then\tmore words\t,z\n\"q\"\n",
        " \"a, b\" ,\t\"c\"\t\n  \"d\"\n",        /* spaces around quoted fields */
        "a\rb,\"c\rd\"\r\re\r",                /* CR alone */
        "a,b\r\n\r\n \r\n\"c\r\nd\"\r\n",       /* CRLF, blank lines */
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        check_one(cases[i], strlen(cases[i]));
}

static void test_counts(void)
{
    const char *text = "h\n\n1,\"a\nb\"\n2\n3";
    pp_csv_scan scan;
    boundaries b = {.n = 0};
    pp_csv_scan_init(&scan, 0);
    pp_csv_scan_feed(&scan, text, strlen(text), note, &b);
    int in_quotes;
    CU_ASSERT_EQUAL(pp_csv_scan_finish(&scan, &in_quotes), 4);
    CU_ASSERT_FALSE(in_quotes);
    CU_ASSERT_EQUAL(b.n, 4);                /* after h, the blank line, "a\nb", 2 */
    CU_ASSERT_EQUAL(b.offsets[2], 11);
    CU_ASSERT_EQUAL(b.records[2], 2);
}

CU_ErrorCode add_suites(void)
{
    static CU_TestInfo tests[] = {
        {"random bytes split anywhere it says parse the same", test_random_bytes},
        {"known cases", test_known_cases},
        {"counts and offsets", test_counts},
        CU_TEST_INFO_NULL,
    };
    return add_suite("csv_scan", tests);
}

/* test_read_ahead.c: buffers filled on a thread ahead of the reader
 * (read_ahead.h) give the reader the very bytes the fill makes, in order,
 * however either side cuts them; an error comes after every byte made
 * before it, and again on each later read; stopping while the producer
 * waits on a full ring neither hangs nor leaks. */
#include <stdlib.h>
#include <string.h>

#include "cunit_main.h"
#include "read_ahead.h"

/* A made-up stream: byte i is a function of i; each fill gives a length
 * of its own (1 byte to more than a whole buffer), then the end or an
 * error once `total` bytes are made. */
typedef struct {
    size_t total, made;
    unsigned long chunk_seed;
    int fail;                   /* end with an error instead of the end */
} stream;

static unsigned char byte_at(size_t i)
{
    return (unsigned char)((i * 2654435761u) >> 13);
}

static long fill(void *arg, void *buf, size_t cap, pp_diag *diag)
{
    stream *s = arg;
    if (s->made == s->total) {
        if (!s->fail)
            return 0;
        pp_diag_set(diag, PP_ERR_GZIP, "export.csv.gz", 0, "damaged after %zu bytes", s->made);
        return -1;
    }
    s->chunk_seed = s->chunk_seed * 1103515245u + 12345u;
    size_t want = 1 + (s->chunk_seed >> 8) % (3u << 20);
    size_t n = want < cap ? want : cap;
    if (n > s->total - s->made)
        n = s->total - s->made;
    for (size_t i = 0; i < n; i++)
        ((unsigned char *)buf)[i] = byte_at(s->made + i);
    s->made += n;
    return (long)n;
}

/* Reads everything with reads of `cap` bytes; checks each byte. Returns
 * the last read's result (0 or -1); *count: bytes read. */
static long read_checked(pp_read_ahead *ra, size_t cap, size_t *count, pp_diag *diag)
{
    unsigned char *buf = malloc(cap);
    CU_ASSERT_FATAL(buf != NULL);
    long n;
    int wrong = 0;
    *count = 0;
    while ((n = pp_read_ahead_read(ra, buf, cap, diag)) > 0) {
        for (long i = 0; i < n; i++)
            wrong |= buf[i] != byte_at(*count + (size_t)i);
        *count += (size_t)n;
    }
    CU_ASSERT_FALSE(wrong);
    free(buf);
    return n;
}

static void test_same_bytes(void)
{
    static const size_t caps[] = {1, 4093, 1 << 20, 5u << 20};
    static const size_t totals[] = {0, 1, 1 << 20, (9u << 20) + 17};
    for (size_t t = 0; t < sizeof totals / sizeof totals[0]; t++)
        for (size_t k = 0; k < sizeof caps / sizeof caps[0]; k++) {
            if (caps[k] == 1 && totals[t] > (1u << 20))
                continue;               /* a byte at a time: slow for no more cover */
            stream s = {.total = totals[t], .chunk_seed = 7 + t};
            pp_diag diag;
            pp_diag_clear(&diag);
            pp_read_ahead *ra = pp_read_ahead_start(fill, &s);
            CU_ASSERT_PTR_NOT_NULL_FATAL(ra);
            size_t count;
            CU_ASSERT_EQUAL(read_checked(ra, caps[k], &count, &diag), 0);
            CU_ASSERT_EQUAL(count, totals[t]);
            CU_ASSERT_EQUAL(pp_read_ahead_read(ra, &count, 1, &diag), 0);   /* still the end */
            CU_ASSERT_EQUAL(diag.code, PP_OK);
            pp_read_ahead_stop(ra);
        }
}

static void test_error_after_the_bytes(void)
{
    stream s = {.total = (6u << 20) + 3, .chunk_seed = 3, .fail = 1};
    pp_diag diag;
    pp_diag_clear(&diag);
    pp_read_ahead *ra = pp_read_ahead_start(fill, &s);
    CU_ASSERT_PTR_NOT_NULL_FATAL(ra);
    size_t count;
    CU_ASSERT_EQUAL(read_checked(ra, 65536, &count, &diag), -1);
    CU_ASSERT_EQUAL(count, s.total);
    CU_ASSERT_EQUAL(diag.code, PP_ERR_GZIP);
    CU_ASSERT_PTR_NOT_NULL(strstr(diag.detail, "damaged after 6291459 bytes"));
    pp_diag_clear(&diag);
    char one[1];
    CU_ASSERT_EQUAL(pp_read_ahead_read(ra, one, 1, &diag), -1);          /* again */
    CU_ASSERT_EQUAL(diag.code, PP_ERR_GZIP);
    pp_read_ahead_stop(ra);
}

/* The reader stops after one byte of a stream far larger than the ring:
 * the producer is waiting for a free buffer, and must end. */
static void test_stop_early(void)
{
    stream s = {.total = 64u << 20, .chunk_seed = 11};
    pp_diag diag;
    pp_diag_clear(&diag);
    pp_read_ahead *ra = pp_read_ahead_start(fill, &s);
    CU_ASSERT_PTR_NOT_NULL_FATAL(ra);
    unsigned char one;
    CU_ASSERT_EQUAL(pp_read_ahead_read(ra, &one, 1, &diag), 1);
    CU_ASSERT_EQUAL(one, byte_at(0));
    pp_read_ahead_stop(ra);
    CU_ASSERT_TRUE(s.made < s.total);
    pp_read_ahead_stop(NULL);
}

CU_ErrorCode add_suites(void)
{
    static CU_TestInfo tests[] = {
        {"the same bytes, however they are cut", test_same_bytes},
        {"an error after every byte before it", test_error_after_the_bytes},
        {"stopping early ends the producer", test_stop_early},
        CU_TEST_INFO_NULL,
    };
    return add_suite("read_ahead", tests);
}

/* test_source.c: pp_source reads plain and gzip bytes from buffers and
 * FILEs, recognises gzip by its first bytes, reads concatenated members,
 * and refuses gzip that is cut short or damaged; inflating ahead on a
 * thread (pp_source_read_ahead) gives the same bytes and errors. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>

#include "cunit_main.h"
#include "source.h"

typedef struct {
    unsigned char *data;
    size_t len, cap;
} bytes;

static void bytes_append(bytes *b, const void *data, size_t len)
{
    if (len == 0)
        return;
    if (b->len + len > b->cap) {
        b->cap = (b->len + len) * 2;
        b->data = realloc(b->data, b->cap);
        if (b->data == NULL)
            abort();
    }
    memcpy(b->data + b->len, data, len);
    b->len += len;
}

/* One gzip member holding text[0..len), made with zlib's deflate. */
static void append_gzip(bytes *out, const void *text, size_t len)
{
    z_stream zs = {0};
    CU_ASSERT_FATAL(deflateInit2(&zs, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) == Z_OK);
    size_t cap = deflateBound(&zs, len) + 32;
    unsigned char *buf = malloc(cap);
    CU_ASSERT_FATAL(buf != NULL);
    zs.next_in = (Bytef *)text;
    zs.avail_in = (uInt)len;
    zs.next_out = buf;
    zs.avail_out = (uInt)cap;
    CU_ASSERT_FATAL(deflate(&zs, Z_FINISH) == Z_STREAM_END);
    bytes_append(out, buf, cap - zs.avail_out);
    deflateEnd(&zs);
    free(buf);
}

/* Bytes that do not compress, so the gzip is as long as the text. */
static void fill_noise(unsigned char *p, size_t len)
{
    unsigned long x = 12345;
    for (size_t i = 0; i < len; i++) {
        x = x * 1103515245u + 12345u;
        p[i] = (unsigned char)(x >> 16);
    }
}

typedef enum { FROM_BUFFER, FROM_FILE, FROM_FILE_AHEAD } origin;
static const char *const origin_names[] = {"buffer", "file", "file read ahead"};

static pp_source *open_source(const bytes *raw, origin from, FILE **file)
{
    *file = NULL;
    if (from == FROM_BUFFER)
        return pp_source_from_buffer(raw->data, raw->len, "export.csv");
    *file = tmpfile();                  /* a regular file */
    CU_ASSERT_FATAL(*file != NULL);
    if (raw->len)
        CU_ASSERT_FATAL(fwrite(raw->data, 1, raw->len, *file) == raw->len);
    rewind(*file);
    return pp_source_from_file(*file, "export.csv");
}

/* Reads everything with reads of at most cap bytes. Returns 0 or -1. */
static int read_all(pp_source *src, size_t cap, bytes *out, pp_diag *diag)
{
    unsigned char *buf = malloc(cap);
    CU_ASSERT_FATAL(buf != NULL);
    long n;
    while ((n = pp_source_read(src, buf, cap, diag)) > 0)
        bytes_append(out, buf, (size_t)n);
    free(buf);
    return n < 0 ? -1 : 0;
}

typedef struct {
    const char *name;
    bytes raw;
    bytes plain;            /* expected output when ok */
    int gzip;
    pp_error error;         /* PP_OK or the expected error */
    const char *says;       /* a phrase the error detail must hold */
} source_case;

static void check_case(const source_case *c)
{
    static const size_t caps[] = {1, 7, 4096, 1 << 20};
    for (int from = FROM_BUFFER; from <= FROM_FILE_AHEAD; from++) {
        for (size_t k = 0; k < sizeof caps / sizeof caps[0]; k++) {
            FILE *file;
            pp_diag diag;
            pp_diag_clear(&diag);
            bytes out = {0};
            pp_source *src = open_source(&c->raw, (origin)from, &file);
            CU_ASSERT_FATAL(src != NULL);
            /* a thread for a gzip file only */
            if (from == FROM_FILE_AHEAD)
                CU_ASSERT_EQUAL(pp_source_read_ahead(src), c->gzip);
            int status = read_all(src, caps[k], &out, &diag);
            if (c->error == PP_OK) {
                CU_ASSERT_EQUAL(status, 0);
                CU_ASSERT_EQUAL(out.len, c->plain.len);
                CU_ASSERT(out.len == c->plain.len &&
                          (out.len == 0 || memcmp(out.data, c->plain.data, out.len) == 0));
                CU_ASSERT_EQUAL(pp_source_bytes_in(src), c->raw.len);
                CU_ASSERT_EQUAL(pp_source_bytes_out(src), c->plain.len);
            } else {
                CU_ASSERT_EQUAL(status, -1);
                CU_ASSERT_EQUAL(diag.code, c->error);
                CU_ASSERT_STRING_EQUAL(diag.file, "export.csv");
                CU_ASSERT_PTR_NOT_NULL(strstr(diag.detail, c->says));
            }
            CU_ASSERT_EQUAL(pp_source_is_gzip(src), c->gzip);
            if ((c->error == PP_OK) != (status == 0) || diag.code != c->error)
                fprintf(stderr, "\n  case %s failed (%s, reads of %zu)\n", c->name,
                        origin_names[from], caps[k]);
            pp_source_free(src);
            if (file)
                fclose(file);
            free(out.data);
        }
    }
}

static void free_case(source_case *c)
{
    free(c->raw.data);
    free(c->plain.data);
}

static void test_plain_and_gzip(void)
{
    const char *csv = "Respondent ID,Q1\r\n1,Good\r\n";
    size_t noise_len = 700 * 1024;           /* more than one raw chunk */
    unsigned char *noise = malloc(noise_len);
    CU_ASSERT_FATAL(noise != NULL);
    fill_noise(noise, noise_len);

    source_case cases[] = {
        {.name = "plain text", .gzip = 0},
        {.name = "gzip, one member", .gzip = 1},
        {.name = "gzip, two members", .gzip = 1},
        {.name = "gzip, large", .gzip = 1},
        {.name = "empty", .gzip = 0},
        {.name = "one byte like the magic", .gzip = 0},
        {.name = "zlib, not gzip, passes through", .gzip = 0},
    };
    bytes_append(&cases[0].raw, csv, strlen(csv));
    bytes_append(&cases[0].plain, csv, strlen(csv));
    append_gzip(&cases[1].raw, csv, strlen(csv));
    bytes_append(&cases[1].plain, csv, strlen(csv));
    append_gzip(&cases[2].raw, csv, strlen(csv));
    append_gzip(&cases[2].raw, "2,Poor\n", 7);
    bytes_append(&cases[2].plain, csv, strlen(csv));
    bytes_append(&cases[2].plain, "2,Poor\n", 7);
    append_gzip(&cases[3].raw, noise, noise_len);
    append_gzip(&cases[3].raw, noise, noise_len / 3);
    bytes_append(&cases[3].plain, noise, noise_len);
    bytes_append(&cases[3].plain, noise, noise_len / 3);
    bytes_append(&cases[5].raw, "\x1f", 1);
    bytes_append(&cases[5].plain, "\x1f", 1);
    unsigned char zlib_data[128];
    uLongf zlib_len = sizeof zlib_data;
    CU_ASSERT_FATAL(compress(zlib_data, &zlib_len, (const Bytef *)csv, strlen(csv)) == Z_OK);
    bytes_append(&cases[6].raw, zlib_data, zlib_len);
    bytes_append(&cases[6].plain, zlib_data, zlib_len);

    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        check_case(&cases[i]);
        free_case(&cases[i]);
    }
    free(noise);
}

static void test_damaged_gzip(void)
{
    const char *csv = "Respondent ID,Q1\n1,Good\n2,Fair\n3,Poor\n";
    bytes whole = {0};
    append_gzip(&whole, csv, strlen(csv));

    source_case cases[] = {
        {.name = "cut inside the trailer", .gzip = 1, .error = PP_ERR_GZIP, .says = "cut short"},
        {.name = "cut in half", .gzip = 1, .error = PP_ERR_GZIP, .says = "cut short"},
        {.name = "magic only", .gzip = 1, .error = PP_ERR_GZIP, .says = "cut short"},
        {.name = "second member cut", .gzip = 1, .error = PP_ERR_GZIP, .says = "cut short"},
        {.name = "garbage after the magic", .gzip = 1, .error = PP_ERR_GZIP, .says = "damaged"},
        {.name = "garbage after a member", .gzip = 1, .error = PP_ERR_GZIP, .says = "damaged"},
    };
    bytes_append(&cases[0].raw, whole.data, whole.len - 3);
    bytes_append(&cases[1].raw, whole.data, whole.len / 2);
    bytes_append(&cases[2].raw, "\x1f\x8b", 2);
    bytes_append(&cases[3].raw, whole.data, whole.len);
    bytes_append(&cases[3].raw, whole.data, whole.len - 10);
    bytes_append(&cases[4].raw, "\x1f\x8bthis is not deflate data at all", 34);
    bytes_append(&cases[5].raw, whole.data, whole.len);
    bytes_append(&cases[5].raw, "trailing rubbish", 16);

    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        check_case(&cases[i]);
        free_case(&cases[i]);
    }
    free(whole.data);
}

static void test_read_error(void)
{
    FILE *write_only = fopen("/dev/null", "w");
    CU_ASSERT_FATAL(write_only != NULL);
    pp_source *src = pp_source_from_file(write_only, "export.csv");
    CU_ASSERT_FATAL(src != NULL);
    pp_diag diag;
    pp_diag_clear(&diag);
    char buf[64];
    CU_ASSERT_EQUAL(pp_source_read(src, buf, sizeof buf, &diag), -1);
    CU_ASSERT_EQUAL(diag.code, PP_ERR_READ);
    CU_ASSERT_STRING_EQUAL(pp_source_name(src), "export.csv");
    pp_source_free(src);
    fclose(write_only);
}

/* A buffer, a pipe, or a source already read from: no thread. */
static void test_read_ahead_only_where_it_can(void)
{
    bytes gz = {0};
    append_gzip(&gz, "a,b\n1,2\n", 8);
    pp_source *src = pp_source_from_buffer(gz.data, gz.len, "export.csv.gz");
    CU_ASSERT_FATAL(src != NULL);
    CU_ASSERT_EQUAL(pp_source_read_ahead(src), 0);
    pp_source_free(src);

    int fds[2];
    CU_ASSERT_FATAL(pipe(fds) == 0);
    CU_ASSERT_FATAL(write(fds[1], gz.data, gz.len) == (ssize_t)gz.len);
    close(fds[1]);
    FILE *in = fdopen(fds[0], "rb");
    CU_ASSERT_FATAL(in != NULL);
    src = pp_source_from_file(in, "export.csv.gz");
    CU_ASSERT_FATAL(src != NULL);
    CU_ASSERT_TRUE(pp_source_is_gzip(src));
    CU_ASSERT_EQUAL(pp_source_read_ahead(src), 0);
    pp_source_free(src);
    fclose(in);

    FILE *file;
    pp_diag diag;
    pp_diag_clear(&diag);
    char one[1];
    src = open_source(&gz, FROM_FILE, &file);
    CU_ASSERT_EQUAL(pp_source_read(src, one, 1, &diag), 1);
    CU_ASSERT_EQUAL(pp_source_read_ahead(src), 0);   /* the thread would start mid-way */
    pp_source_free(src);
    fclose(file);

    src = open_source(&gz, FROM_FILE, &file);        /* freed before a single read */
    CU_ASSERT_EQUAL(pp_source_read_ahead(src), 1);
    pp_source_free(src);
    fclose(file);
    free(gz.data);
}

CU_ErrorCode add_suites(void)
{
    static CU_TestInfo tests[] = {
        {"plain and gzip by content, buffer and FILE, any read size", test_plain_and_gzip},
        {"gzip cut short or damaged is an error", test_damaged_gzip},
        {"a read error is reported", test_read_error},
        {"read ahead only for a gzip file not yet read", test_read_ahead_only_where_it_can},
        CU_TEST_INFO_NULL,
    };
    return add_suite("source", tests);
}

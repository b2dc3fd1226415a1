/* source.c: the bytes of an export, from a FILE* or a memory buffer.
 *
 * The first two bytes decide: 1f 8b is gzip (whatever the file is called),
 * anything else is passed through as it is. Gzip is inflated with zlib as
 * it is read, into the caller's buffer; members written one after another
 * (as `cat a.gz b.gz` makes) are read in turn. Input that ends before the
 * last member is complete is an error, so a half-downloaded export can
 * never pass for a short one. With pp_source_read_ahead, a gzip file is
 * inflated on a thread of its own (read_ahead.c), the same bytes sooner. */
#include "source.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <zlib.h>

#include "read_ahead.h"

#define SOURCE_CHUNK (256u * 1024u)   /* raw bytes read from a FILE at once */
#define GZIP_WINDOW (15 + 16)         /* zlib: 32 KiB window, gzip wrapper only */

struct pp_source {
    char *name;
    FILE *file;                 /* NULL for a buffer */
    const unsigned char *data;  /* the buffer, or NULL for a file */
    size_t data_len;
    size_t data_pos;            /* buffer bytes handed out (plain) or fed (gzip) */
    unsigned char *chunk;       /* file only: raw bytes read ahead */
    size_t chunk_len;
    size_t chunk_pos;           /* plain file: chunk bytes handed out so far */
    int input_ended;            /* no more raw bytes to come */
    int is_gzip;
    z_stream zs;
    int zs_ready;               /* inflateInit2 succeeded */
    int member_ended;           /* the last inflate call finished a member */
    int read_errno;             /* a read failed while peeking */
    uint64_t fed;               /* raw bytes given to zlib */
    uint64_t bytes_out;
    pp_read_ahead *ahead;       /* inflating on a thread, or NULL */
};

static void source_error(pp_diag *diag, const pp_source *src, pp_error code,
                         const char *detail)
{
    int was_clear = diag && diag->code == PP_OK;
    pp_diag_set(diag, code, src->name, 0, "%s", detail);
    if (was_clear)
        diag->line_word = "row";
}

static void read_error(pp_diag *diag, const pp_source *src, int err)
{
    char detail[200];
    snprintf(detail, sizeof detail, "reading the file failed (%s)", strerror(err));
    source_error(diag, src, PP_ERR_READ, detail);
}

/* File only: reads the next raw chunk. 0 on success (possibly at the end),
 * -1 on a read error. */
static int fill_chunk(pp_source *src)
{
    src->chunk_len = fread(src->chunk, 1, SOURCE_CHUNK, src->file);
    src->chunk_pos = 0;
    if (src->chunk_len < SOURCE_CHUNK) {
        if (ferror(src->file))
            return -1;
        src->input_ended = src->chunk_len == 0;
    }
    return 0;
}

/* Looks at the first two raw bytes (fread fills the chunk unless the file
 * ends first, so a pipe delivering a byte at a time is still recognised). */
static int detect_gzip(pp_source *src)
{
    const unsigned char *head = src->data;
    size_t have = src->data_len;
    if (src->file) {
        if (fill_chunk(src) != 0)
            return -1;
        head = src->chunk;
        have = src->chunk_len;
    }
    src->is_gzip = have >= 2 && head[0] == 0x1f && head[1] == 0x8b;
    return 0;
}

static pp_source *source_new(const char *name)
{
    pp_source *src = calloc(1, sizeof *src);
    if (src == NULL)
        return NULL;
    src->name = strdup(name ? name : "(input)");
    if (src->name == NULL) {
        free(src);
        return NULL;
    }
    return src;
}

/* For gzip, sets zlib up with the raw bytes already read while peeking. */
static int start_inflate(pp_source *src)
{
    if (!src->is_gzip)
        return 0;
    if (inflateInit2(&src->zs, GZIP_WINDOW) != Z_OK)
        return -1;
    src->zs_ready = 1;
    if (src->file) {
        src->zs.next_in = src->chunk;
        src->zs.avail_in = (uInt)src->chunk_len;
        src->chunk_pos = src->chunk_len;
        src->fed = src->chunk_len;
    }
    return 0;
}

pp_source *pp_source_from_file(FILE *in, const char *name)
{
    pp_source *src = source_new(name);
    if (src == NULL)
        return NULL;
    src->file = in;
    src->chunk = malloc(SOURCE_CHUNK);
    if (src->chunk == NULL)
        goto fail;
    if (detect_gzip(src) != 0) {      /* reported by the first read */
        src->read_errno = errno ? errno : EIO;
        return src;
    }
    if (start_inflate(src) != 0)
        goto fail;
    return src;
fail:
    pp_source_free(src);
    return NULL;
}

pp_source *pp_source_from_buffer(const void *data, size_t len, const char *name)
{
    pp_source *src = source_new(name);
    if (src == NULL)
        return NULL;
    src->data = data;
    src->data_len = data ? len : 0;
    src->input_ended = src->data_len == 0;
    detect_gzip(src);
    if (start_inflate(src) != 0) {
        pp_source_free(src);
        return NULL;
    }
    return src;
}

static long read_plain(pp_source *src, unsigned char *out, size_t cap, pp_diag *diag)
{
    if (src->data) {
        size_t n = src->data_len - src->data_pos;
        if (n > cap)
            n = cap;
        memcpy(out, src->data + src->data_pos, n);
        src->data_pos += n;
        return (long)n;
    }
    if (src->chunk_pos < src->chunk_len) {   /* the bytes read while peeking */
        size_t n = src->chunk_len - src->chunk_pos;
        if (n > cap)
            n = cap;
        memcpy(out, src->chunk + src->chunk_pos, n);
        src->chunk_pos += n;
        return (long)n;
    }
    if (src->input_ended)
        return 0;
    size_t n = fread(out, 1, cap, src->file);
    if (n == 0 && ferror(src->file)) {
        read_error(diag, src, errno);
        return -1;
    }
    if (n == 0)
        src->input_ended = 1;
    return (long)n;
}

/* Gives zlib more raw input. 0 on success (input_ended set at the end),
 * -1 on a read error. */
static int feed_inflate(pp_source *src)
{
    if (src->data) {
        size_t n = src->data_len - src->data_pos;
        if (n > UINT_MAX)
            n = UINT_MAX;
        src->zs.next_in = (Bytef *)(src->data + src->data_pos);
        src->zs.avail_in = (uInt)n;
        src->data_pos += n;
        src->input_ended = src->data_pos == src->data_len;
    } else {
        if (fill_chunk(src) != 0)
            return -1;
        src->chunk_pos = src->chunk_len;
        src->zs.next_in = src->chunk;
        src->zs.avail_in = (uInt)src->chunk_len;
    }
    src->fed += src->zs.avail_in;
    return 0;
}

static long read_gzip(pp_source *src, unsigned char *out, size_t cap, pp_diag *diag)
{
    if (cap > UINT_MAX)
        cap = UINT_MAX;
    src->zs.next_out = out;
    src->zs.avail_out = (uInt)cap;
    while (src->zs.avail_out > 0) {
        if (src->zs.avail_in == 0 && !src->input_ended && feed_inflate(src) != 0) {
            read_error(diag, src, errno);
            return -1;
        }
        if (src->zs.avail_in == 0 && src->input_ended) {
            if (src->member_ended)
                break;                            /* a clean end */
            source_error(diag, src, PP_ERR_GZIP,
                         "the gzip file is cut short: it may not have finished "
                         "downloading; download or copy it again");
            return -1;
        }
        if (src->member_ended) {                  /* another member follows */
            inflateReset(&src->zs);
            src->member_ended = 0;
        }
        int status = inflate(&src->zs, Z_NO_FLUSH);
        if (status == Z_STREAM_END)
            src->member_ended = 1;
        else if (status == Z_MEM_ERROR) {         /* its window, on first use */
            source_error(diag, src, PP_ERR_NOMEM, "no memory left to decompress the gzip file");
            return -1;
        } else if (status != Z_OK && !(status == Z_BUF_ERROR && src->zs.avail_in == 0)) {
            char detail[300];
            snprintf(detail, sizeof detail,
                     "the file starts like a gzip file but its contents are damaged "
                     "(%s); try downloading it again",
                     src->zs.msg ? src->zs.msg : "zlib could not decompress it");
            source_error(diag, src, PP_ERR_GZIP, detail);
            return -1;
        }
    }
    return (long)(cap - src->zs.avail_out);
}

/* The bytes themselves, gzip or plain: what the read-ahead thread calls. */
static long read_bytes(void *arg, void *buf, size_t cap, pp_diag *diag)
{
    pp_source *src = arg;
    return src->is_gzip ? read_gzip(src, buf, cap, diag) : read_plain(src, buf, cap, diag);
}

int pp_source_read_ahead(pp_source *src)
{
    struct stat st;
    if (src->ahead != NULL)
        return 1;
    if (src->file == NULL || !src->is_gzip || src->read_errno || src->bytes_out > 0
        || fstat(fileno(src->file), &st) != 0 || !S_ISREG(st.st_mode))
        return 0;
    src->ahead = pp_read_ahead_start(read_bytes, src);
    return src->ahead != NULL;
}

long pp_source_read(pp_source *src, void *buf, size_t cap, pp_diag *diag)
{
    if (cap > LONG_MAX)
        cap = LONG_MAX;
    if (src->read_errno) {
        read_error(diag, src, src->read_errno);
        return -1;
    }
    if (cap == 0)
        return 0;
    long n = src->ahead ? pp_read_ahead_read(src->ahead, buf, cap, diag)
                        : read_bytes(src, buf, cap, diag);
    if (n > 0)
        src->bytes_out += (uint64_t)n;
    return n;
}

int pp_source_is_gzip(const pp_source *src)
{
    return src->is_gzip;
}

const char *pp_source_name(const pp_source *src)
{
    return src->name;
}

uint64_t pp_source_bytes_in(const pp_source *src)
{
    if (src->is_gzip)
        return src->fed - src->zs.avail_in;
    return src->bytes_out;
}

uint64_t pp_source_bytes_out(const pp_source *src)
{
    return src->bytes_out;
}

void pp_source_free(pp_source *src)
{
    if (src == NULL)
        return;
    pp_read_ahead_stop(src->ahead);     /* before what its thread uses goes */
    if (src->zs_ready)
        inflateEnd(&src->zs);
    free(src->chunk);
    free(src->name);
    free(src);
}

/* file_part.c: byte ranges of a file as one read-only stream (file_part.h),
 * a glibc cookie stream whose read function walks the ranges with pread. */
#define _GNU_SOURCE
#include "file_part.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

typedef struct {
    int fd;
    pp_byte_range ranges[PP_FILE_PART_MAX_RANGES];
    int n_ranges, current;
    long long at;               /* the next byte to read in the current range */
} file_part;

/* Up to size bytes of the current range; on to the next when it is done
 * (or the file ended inside it). 0 once every range is read. */
static ssize_t part_read(void *cookie, char *buf, size_t size)
{
    file_part *p = cookie;
    while (size > 0 && p->current < p->n_ranges) {
        long long left = p->ranges[p->current].end - p->at;
        ssize_t got = 0;
        if (left > 0) {
            got = pread(p->fd, buf, (size_t)left < size ? (size_t)left : size, p->at);
            if (got < 0 && errno == EINTR)
                continue;
            if (got < 0)
                return -1;
        }
        if (got > 0) {
            p->at += got;
            return got;
        }
        if (++p->current < p->n_ranges)
            p->at = p->ranges[p->current].start;
    }
    return 0;
}

static int part_close(void *cookie)
{
    free(cookie);
    return 0;
}

FILE *pp_file_part_open(int fd, const pp_byte_range *ranges, int n_ranges)
{
    if (n_ranges < 0 || n_ranges > PP_FILE_PART_MAX_RANGES) {
        errno = EINVAL;
        return NULL;
    }
    file_part *p = calloc(1, sizeof *p);
    if (p == NULL)
        return NULL;
    p->fd = fd;
    memcpy(p->ranges, ranges, (size_t)n_ranges * sizeof *ranges);
    p->n_ranges = n_ranges;
    p->at = n_ranges > 0 ? ranges[0].start : 0;
    cookie_io_functions_t io = {.read = part_read, .close = part_close};
    FILE *f = fopencookie(p, "r", io);
    if (f == NULL)
        free(p);
    return f;
}

/* test_file_part.c: byte ranges of a file read as one stream (file_part.h):
 * in order, whole, however the reader asks for them, with empty ranges and
 * a range past the end of the file, and without moving the file's offset. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cunit_main.h"
#include "file_part.h"

static const char text[] = "h1,h2\nrow1,a\nrow2,b\nrow3,c\nrow4,d\n";

/* A temporary file holding text; its descriptor, offset at 0. */
static int text_file(void)
{
    char path[] = "test_file_part.XXXXXX";
    int fd = mkstemp(path);
    CU_ASSERT_TRUE_FATAL(fd >= 0);
    unlink(path);
    CU_ASSERT_EQUAL_FATAL(write(fd, text, sizeof text - 1), (ssize_t)(sizeof text - 1));
    CU_ASSERT_EQUAL_FATAL(lseek(fd, 0, SEEK_SET), 0);
    return fd;
}

/* Everything f gives, read `step` bytes at a time (0: a byte at a time). */
static char *read_all(FILE *f, size_t step)
{
    static char got[256];
    size_t n = 0;
    if (step == 0) {
        int c;
        while ((c = fgetc(f)) != EOF && n < sizeof got - 1)
            got[n++] = (char)c;
    } else {
        size_t r;
        while (n < sizeof got - 1
               && (r = fread(got + n, 1, step < sizeof got - 1 - n ? step : sizeof got - 1 - n, f)) > 0)
            n += r;
    }
    got[n] = '\0';
    CU_ASSERT_FALSE(ferror(f));
    return got;
}

static void test_header_then_a_shard(void)
{
    int fd = text_file();
    /* the header row, then rows 2 and 3 */
    pp_byte_range ranges[2] = {{0, 6}, {13, 27}};
    for (size_t step = 0; step <= 9; step++) {
        FILE *f = pp_file_part_open(fd, ranges, 2);
        CU_ASSERT_PTR_NOT_NULL_FATAL(f);
        CU_ASSERT_STRING_EQUAL(read_all(f, step), "h1,h2\nrow2,b\nrow3,c\n");
        CU_ASSERT_EQUAL(fclose(f), 0);
    }
    CU_ASSERT_EQUAL(lseek(fd, 0, SEEK_CUR), 0);     /* the file's offset did not move */
    close(fd);
}

static void test_empty_and_past_the_end(void)
{
    int fd = text_file();
    pp_byte_range ranges[4] = {{0, 0}, {6, 6}, {27, 1000}, {0, 3}};
    FILE *f = pp_file_part_open(fd, ranges, 4);
    CU_ASSERT_PTR_NOT_NULL_FATAL(f);
    CU_ASSERT_STRING_EQUAL(read_all(f, 4096), "row4,d\nh1,");
    CU_ASSERT_EQUAL(fclose(f), 0);

    f = pp_file_part_open(fd, ranges, 0);           /* no ranges: nothing */
    CU_ASSERT_PTR_NOT_NULL_FATAL(f);
    CU_ASSERT_STRING_EQUAL(read_all(f, 16), "");
    CU_ASSERT_EQUAL(fclose(f), 0);

    errno = 0;
    CU_ASSERT_PTR_NULL(pp_file_part_open(fd, ranges, PP_FILE_PART_MAX_RANGES + 1));
    CU_ASSERT_EQUAL(errno, EINVAL);
    close(fd);
}

/* Two streams over one descriptor read independently. */
static void test_two_readers_share_a_file(void)
{
    int fd = text_file();
    pp_byte_range first[1] = {{0, 13}}, second[1] = {{13, 34}};
    FILE *a = pp_file_part_open(fd, first, 1), *b = pp_file_part_open(fd, second, 1);
    CU_ASSERT_PTR_NOT_NULL_FATAL(a);
    CU_ASSERT_PTR_NOT_NULL_FATAL(b);
    CU_ASSERT_EQUAL(fgetc(a), 'h');
    CU_ASSERT_EQUAL(fgetc(b), 'r');
    CU_ASSERT_STRING_EQUAL(read_all(b, 5), "ow2,b\nrow3,c\nrow4,d\n");
    CU_ASSERT_STRING_EQUAL(read_all(a, 5), "1,h2\nrow1,a\n");
    fclose(a);
    fclose(b);
    close(fd);
}

CU_ErrorCode add_suites(void)
{
    static CU_TestInfo tests[] = {
        {"the header, then a shard", test_header_then_a_shard},
        {"empty ranges and a range past the end", test_empty_and_past_the_end},
        {"two readers share a file", test_two_readers_share_a_file},
        CU_TEST_INFO_NULL,
    };
    return add_suite("file_part", tests);
}

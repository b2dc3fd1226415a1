/* test_row_utf8.c: the cells of an export row must be UTF-8 (row_utf8.h),
 * as read by pp_csv_read: a row all UTF-8 is marked so and passes; a cell
 * that is not UTF-8 stops the reading with PP_ERR_ENCODING naming the file,
 * row and column (by its number in a header row); only the columns asked
 * for are checked; a header row's error replaces the one the diag held;
 * and UTF-16 or UTF-32 text stops pp_csv_read before any row. */
#include <string.h>

#include "csv_rows.h"
#include "cunit_main.h"
#include "row_utf8.h"
#include "source.h"

typedef struct {
    const long *columns;        /* NULL: every cell */
    size_t n_columns;
    int utf8_rows;              /* rows marked UTF-8 as a whole */
    pp_diag *diag;
} checker;

static int check_row(const pp_row *row, void *user)
{
    checker *c = user;
    c->utf8_rows += row->utf8;
    return pp_row_utf8_check(row, c->columns, c->n_columns, NULL, "x.csv", c->diag) != 0;
}

/* Reads text; returns pp_csv_read's answer. */
static int read_text(const char *text, size_t len, checker *c)
{
    pp_source *src = pp_source_from_buffer(text, len, "x.csv");
    CU_ASSERT_PTR_NOT_NULL_FATAL(src);
    int result = pp_csv_read(src, check_row, c, c->diag);
    pp_source_free(src);
    return result;
}

static void test_utf8_rows(void)
{
    pp_diag diag;
    pp_diag_clear(&diag);
    checker c = {NULL, 0, 0, &diag};
    static const char text[] = "a,b\n1,\"two, three\"\nd\xC3\xA9j\xC3\xA0,\xE2\x80\x99\n";
    CU_ASSERT_EQUAL(read_text(text, sizeof text - 1, &c), 0);
    CU_ASSERT_EQUAL(c.utf8_rows, 3);
    CU_ASSERT_EQUAL(diag.code, PP_OK);
}

static void test_bad_cell(void)
{
    pp_diag diag;
    pp_diag_clear(&diag);
    checker c = {NULL, 0, 0, &diag};
    static const char text[] = "a,b\nd\xC3\xA9j\xC3\xA0,ok\nx,Don\x92t\n";
    CU_ASSERT_NOT_EQUAL(read_text(text, sizeof text - 1, &c), 0);
    CU_ASSERT_EQUAL(diag.code, PP_ERR_ENCODING);
    CU_ASSERT_STRING_EQUAL(diag.file, "x.csv");
    CU_ASSERT_EQUAL(diag.line, 3);
    CU_ASSERT_EQUAL(diag.column, 2);
    CU_ASSERT_PTR_NOT_NULL_FATAL(diag.line_word);
    CU_ASSERT_STRING_EQUAL(diag.line_word, "row");
    CU_ASSERT_PTR_NOT_NULL(strstr(diag.detail, "byte 0x92 at byte 4 of the cell"));
    CU_ASSERT_PTR_NOT_NULL(strstr(diag.detail, "Windows-1252 or Latin-1"));
}

static void test_only_columns_asked(void)
{
    pp_diag diag;
    pp_diag_clear(&diag);
    static const long first[] = {0, 7};     /* 7: past the row's end, blank */
    checker c = {first, 2, 0, &diag};
    static const char text[] = "a,b\nok,caf\xE9\n";
    CU_ASSERT_EQUAL(read_text(text, sizeof text - 1, &c), 0);
    CU_ASSERT_EQUAL(diag.code, PP_OK);
    static const long second[] = {1};
    c.columns = second;
    c.n_columns = 1;
    CU_ASSERT_NOT_EQUAL(read_text(text, sizeof text - 1, &c), 0);
    CU_ASSERT_EQUAL(diag.code, PP_ERR_ENCODING);
}

static void test_header_row_replaces(void)
{
    pp_diag diag;
    pp_diag_clear(&diag);
    pp_diag_set(&diag, PP_ERR_HEADER, "x.csv", 1, "something else");
    char *fields[] = {"ok", "Sect\xE9r"};
    size_t lengths[] = {2, 6};
    pp_row row = {fields, lengths, 2, 1, 0, 0};
    CU_ASSERT_EQUAL(pp_row_utf8_check_header(&row, "x.csv", &diag), -1);
    CU_ASSERT_EQUAL(diag.code, PP_ERR_ENCODING);
    CU_ASSERT_EQUAL(diag.column, 2);
    CU_ASSERT_PTR_NOT_NULL(strstr(diag.detail, "\"Sect\xC3\xA9r\""));
    pp_diag_clear(&diag);
    fields[1] = "Sector";
    CU_ASSERT_EQUAL(pp_row_utf8_check_header(&row, "x.csv", &diag), 0);
    CU_ASSERT_EQUAL(diag.code, PP_OK);
}

static void test_wide_text(void)
{
    static const struct {
        const char *bytes;
        size_t len;
        const char *says;
    } wide[] = {
        {"\xFF\xFE" "a\0,\0b\0\n\0", 10, "UTF-16 text (little-endian, with a byte-order mark)"},
        {"\0a\0,\0b\0\n", 8, "UTF-16 text (big-endian"},
        {"\xFF\xFE\0\0" "a\0\0\0", 8, "UTF-32 text"},
    };
    for (size_t i = 0; i < sizeof wide / sizeof wide[0]; i++) {
        pp_diag diag;
        pp_diag_clear(&diag);
        checker c = {NULL, 0, 0, &diag};
        CU_ASSERT_EQUAL(read_text(wide[i].bytes, wide[i].len, &c), -1);
        CU_ASSERT_EQUAL(diag.code, PP_ERR_ENCODING);
        CU_ASSERT_EQUAL(diag.line, 0);
        CU_ASSERT_PTR_NOT_NULL(strstr(diag.detail, wide[i].says));
    }
}

CU_ErrorCode add_suites(void)
{
    static CU_TestInfo tests[] = {
        {"rows all UTF-8 are marked so and pass", test_utf8_rows},
        {"a cell that is not UTF-8: file, row, column, byte", test_bad_cell},
        {"only the columns asked for are checked", test_only_columns_asked},
        {"a header row's error replaces the diag's", test_header_row_replaces},
        {"UTF-16 and UTF-32 stop before any row", test_wide_text},
        CU_TEST_INFO_NULL,
    };
    return add_suite("row_utf8", tests);
}

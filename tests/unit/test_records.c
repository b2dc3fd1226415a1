/* test_records.c: the records format: escaping round trips, long lines,
 * the magic line and its version, damaged lines, column lookup and the
 * column names a codebook gives. */
#include <stdlib.h>
#include <string.h>

#include "cunit_main.h"
#include "records.h"

/* Writes rows of n_fields fields into a malloc'd buffer (header included). */
static char *write_records(const pp_strings *columns, const char *const *fields,
                           const size_t *lengths, size_t n_rows, size_t *len)
{
    char *text = NULL;
    FILE *out = open_memstream(&text, len);
    CU_ASSERT_FATAL(out != NULL);
    CU_ASSERT_EQUAL(pp_records_write_header(out, columns), 0);
    for (size_t r = 0; r < n_rows; r++)
        CU_ASSERT_EQUAL(pp_records_write_row(out, fields + r * columns->count,
                                             lengths + r * columns->count,
                                             columns->count), 0);
    fclose(out);
    return text;
}

static void make_columns(pp_strings *columns, size_t n)
{
    static const char *const first[] = {"id", "row", "waves"};
    for (size_t i = 0; i < n; i++) {
        char name[32];
        snprintf(name, sizeof name, "item%zu", i);
        CU_ASSERT_EQUAL(pp_strings_push_str(columns, i < 3 ? first[i] : name), 0);
    }
}

/* ---- escaping ----------------------------------------------------------- */

#define S(literal) literal, sizeof literal - 1   /* a literal and its length */
static const struct {
    const char *plain;
    size_t len;
    const char *escaped;
} escape_cases[] = {
    {S("plain text"), "plain text"},
    {S(""), ""},
    {S("a\tb"), "a\\tb"},
    {S("line\nbreak"), "line\\nbreak"},
    {S("cr\r\n"), "cr\\r\\n"},
    {S("back\\slash\\"), "back\\\\slash\\\\"},
    {S("nul\0byte"), "nul\\0byte"},
    {S("\\t is not a tab"), "\\\\t is not a tab"},
    {S("\xff\xfe bad \xc3 utf-8"), "\xff\xfe bad \xc3 utf-8"},
    {S("caf\xc3\xa9"), "caf\xc3\xa9"},
#undef S
};
#define N_ESCAPE (sizeof escape_cases / sizeof escape_cases[0])

static void test_escape_exact(void)
{
    for (size_t i = 0; i < N_ESCAPE; i++) {
        char *text = NULL;
        size_t len = 0;
        FILE *out = open_memstream(&text, &len);
        CU_ASSERT_EQUAL(pp_records_write_field(out, escape_cases[i].plain,
                                               escape_cases[i].len), 0);
        fclose(out);
        CU_ASSERT_EQUAL(len, strlen(escape_cases[i].escaped));
        CU_ASSERT_STRING_EQUAL(text, escape_cases[i].escaped);
        free(text);
    }
}

/* A row is written as its fields would be one by one, TABs between and a
 * line end after: short rows (escaped in one buffer) and a row too long
 * for that buffer (written field by field). */
static void test_row_bytes(void)
{
    char *long_field = malloc(6000);
    CU_ASSERT_PTR_NOT_NULL_FATAL(long_field);
    for (size_t i = 0; i < 6000; i++)
        long_field[i] = "ab\\c\td\n\0e\r"[i % 10];
    for (size_t i = 0; i <= N_ESCAPE; i++) {
        const char *plain = i < N_ESCAPE ? escape_cases[i].plain : long_field;
        size_t len = i < N_ESCAPE ? escape_cases[i].len : 6000;
        const char *fields[3] = {plain, "x", plain};
        size_t lengths[3] = {len, 1, len};
        char *row = NULL, *by_field = NULL;
        size_t row_len = 0, by_field_len = 0;
        FILE *out = open_memstream(&row, &row_len);
        CU_ASSERT_EQUAL(pp_records_write_row(out, fields, lengths, 3), 0);
        fclose(out);
        out = open_memstream(&by_field, &by_field_len);
        for (size_t f = 0; f < 3; f++) {
            if (f > 0)
                fputc('\t', out);
            CU_ASSERT_EQUAL(pp_records_write_field(out, fields[f], lengths[f]), 0);
        }
        fputc('\n', out);
        fclose(out);
        CU_ASSERT_EQUAL(row_len, by_field_len);
        CU_ASSERT(row_len == by_field_len && memcmp(row, by_field, row_len) == 0);
        free(row);
        free(by_field);
    }
    free(long_field);
}

/* Every case as a field of one record, read back byte for byte. */
static void test_escape_round_trip(void)
{
    pp_strings columns = {0};
    make_columns(&columns, 3 + N_ESCAPE);
    const char *fields[3 + N_ESCAPE] = {"R1", "2", "both"};
    size_t lengths[3 + N_ESCAPE] = {2, 1, 4};
    for (size_t i = 0; i < N_ESCAPE; i++) {
        fields[3 + i] = escape_cases[i].plain;
        lengths[3 + i] = escape_cases[i].len;
    }
    size_t len;
    char *text = write_records(&columns, fields, lengths, 1, &len);

    pp_diag diag;
    pp_diag_clear(&diag);
    pp_source *src = pp_source_from_buffer(text, len, "round.records");
    pp_records_reader *r = pp_records_open(src, &diag);
    CU_ASSERT_FATAL(r != NULL);
    pp_row row;
    CU_ASSERT_EQUAL_FATAL(pp_records_next(r, &row, &diag), 1);
    CU_ASSERT_EQUAL(row.row, 3);
    CU_ASSERT_EQUAL_FATAL(row.n_fields, 3 + N_ESCAPE);
    for (size_t i = 0; i < row.n_fields; i++) {
        CU_ASSERT_EQUAL(row.lengths[i], lengths[i]);
        CU_ASSERT(memcmp(row.fields[i], fields[i], lengths[i]) == 0);
        CU_ASSERT_EQUAL(row.fields[i][row.lengths[i]], '\0');
    }
    CU_ASSERT_EQUAL(pp_records_next(r, &row, &diag), 0);
    CU_ASSERT_EQUAL(diag.code, PP_OK);
    pp_records_close(r);
    pp_source_free(src);
    free(text);
    pp_strings_clear(&columns);
}

/* ---- long lines --------------------------------------------------------- */

static void test_long_lines(void)
{
    static const size_t sizes[] = {65535, 65536, 65537, 200000, 1 << 20};
    enum { N = sizeof sizes / sizeof sizes[0] };
    pp_strings columns = {0};
    make_columns(&columns, 4);
    const char *fields[N * 4];
    size_t lengths[N * 4];
    char *bodies[N];
    for (size_t i = 0; i < N; i++) {
        bodies[i] = malloc(sizes[i]);
        CU_ASSERT_FATAL(bodies[i] != NULL);
        for (size_t k = 0; k < sizes[i]; k++)   /* every 7th byte needs escaping */
            bodies[i][k] = k % 7 == 3 ? "\t\n\\\0"[k % 4] : (char)('a' + k % 26);
        const char *row[4] = {"id", "7", "both", bodies[i]};
        size_t row_len[4] = {2, 1, 4, sizes[i]};
        memcpy(fields + 4 * i, row, sizeof row);
        memcpy(lengths + 4 * i, row_len, sizeof row_len);
    }
    size_t len;
    char *text = write_records(&columns, fields, lengths, N, &len);

    pp_diag diag;
    pp_diag_clear(&diag);
    pp_source *src = pp_source_from_buffer(text, len, "long.records");
    pp_records_reader *r = pp_records_open(src, &diag);
    CU_ASSERT_FATAL(r != NULL);
    pp_row row;
    for (size_t i = 0; i < N; i++) {
        CU_ASSERT_EQUAL_FATAL(pp_records_next(r, &row, &diag), 1);
        CU_ASSERT_EQUAL(row.row, (long)i + 3);
        CU_ASSERT_EQUAL(row.lengths[3], sizes[i]);
        CU_ASSERT(memcmp(row.fields[3], bodies[i], sizes[i]) == 0);
        free(bodies[i]);
    }
    CU_ASSERT_EQUAL(pp_records_next(r, &row, &diag), 0);
    pp_records_close(r);
    pp_source_free(src);
    free(text);
    pp_strings_clear(&columns);
}

/* ---- damaged input ------------------------------------------------------ */

static const struct {
    const char *name;
    const char *text;
    int opens;              /* 1: the header lines are fine */
    long line;              /* line the error names */
    long column;            /* column the error names, 0 = none */
    const char *detail;     /* words the message must hold */
} bad_cases[] = {
    {"empty stream", "", 0, 1, 0, "empty"},
    {"a CSV file", "id,row,waves\n1,2,both\n", 0, 1, 0, "not a records file"},
    {"newer version", "prepost-records 2\nid\trow\twaves\n", 0, 1, 0, "newer prepost"},
    {"version 10", "prepost-records 10\nid\trow\twaves\n", 0, 1, 0, "update prepost"},
    {"no version", "prepost-records \nid\trow\twaves\n", 0, 1, 0, "version"},
    {"word version", "prepost-records one\nid\trow\twaves\n", 0, 1, 0, "not a version number"},
    {"version 1.5", "prepost-records 1.5\nid\trow\twaves\n", 0, 1, 0, "not a version number"},
    {"no column line", "prepost-records 1\n", 0, 2, 0, "before the line of column names"},
    {"id not first", "prepost-records 1\nrow\tid\twaves\n", 0, 2, 0, "should be \"id\""},
    {"too few columns", "prepost-records 1\nid\trow\n", 0, 2, 0, "start with id, row, waves"},
    {"twice named", "prepost-records 1\nid\trow\twaves\tq\tq\n", 0, 2, 0, "named twice"},
    {"empty name", "prepost-records 1\nid\trow\twaves\t\n", 0, 2, 0, "no name"},
    {"too few fields", "prepost-records 1\nid\trow\twaves\tq\nA\t1\tboth\t2\nB\t2\tboth\n",
     1, 4, 0, "3 fields but the column line names 4"},
    {"too many fields", "prepost-records 1\nid\trow\twaves\nA\t1\tboth\textra\n",
     1, 3, 0, "4 fields"},
    {"bad escape", "prepost-records 1\nid\trow\twaves\tq\nA\t1\tboth\tx\\q\n", 1, 3, 4,
     "backslash"},
    {"backslash at end", "prepost-records 1\nid\trow\twaves\tq\nA\t1\tboth\tx\\\n", 1, 3, 4,
     "end of the line"},
};

static void test_bad_input(void)
{
    for (size_t i = 0; i < sizeof bad_cases / sizeof bad_cases[0]; i++) {
        pp_diag diag;
        pp_diag_clear(&diag);
        pp_source *src = pp_source_from_buffer(bad_cases[i].text,
                                               strlen(bad_cases[i].text), "bad.records");
        pp_records_reader *r = pp_records_open(src, &diag);
        CU_ASSERT_EQUAL(r != NULL, bad_cases[i].opens);
        if (r != NULL) {
            pp_row row;
            int got;
            while ((got = pp_records_next(r, &row, &diag)) == 1)
                ;
            CU_ASSERT_EQUAL(got, -1);
        }
        if (diag.code != PP_ERR_RECORDS || diag.line != bad_cases[i].line
            || diag.column != bad_cases[i].column
            || strstr(diag.detail, bad_cases[i].detail) == NULL)
            fprintf(stderr, "\ncase '%s': code %d, line %ld, column %ld: %s\n",
                    bad_cases[i].name, diag.code, diag.line, diag.column, diag.detail);
        CU_ASSERT_EQUAL(diag.code, PP_ERR_RECORDS);
        CU_ASSERT_EQUAL(diag.line, bad_cases[i].line);
        CU_ASSERT_EQUAL(diag.column, bad_cases[i].column);
        CU_ASSERT_PTR_NOT_NULL(strstr(diag.detail, bad_cases[i].detail));
        CU_ASSERT_STRING_EQUAL(diag.file, "bad.records");
        pp_records_close(r);
        pp_source_free(src);
    }
}

/* CRLF line ends, blank lines and a last line without its LF still read. */
static void test_forgiving_line_ends(void)
{
    static const char text[] =
        "prepost-records 1\r\nid\trow\twaves\r\nA\t2\tboth\r\n\nB\t4\tafter";
    pp_diag diag;
    pp_diag_clear(&diag);
    pp_source *src = pp_source_from_buffer(text, sizeof text - 1, "crlf.records");
    pp_records_reader *r = pp_records_open(src, &diag);
    CU_ASSERT_FATAL(r != NULL);
    CU_ASSERT_STRING_EQUAL(pp_records_column(r, 2), "waves");
    pp_row row;
    CU_ASSERT_EQUAL_FATAL(pp_records_next(r, &row, &diag), 1);
    CU_ASSERT_STRING_EQUAL(row.fields[2], "both");
    CU_ASSERT_EQUAL(row.row, 3);
    CU_ASSERT_EQUAL_FATAL(pp_records_next(r, &row, &diag), 1);
    CU_ASSERT_STRING_EQUAL(row.fields[0], "B");
    CU_ASSERT_STRING_EQUAL(row.fields[2], "after");
    CU_ASSERT_EQUAL(row.row, 5);
    CU_ASSERT_EQUAL(pp_records_next(r, &row, &diag), 0);
    pp_records_close(r);
    pp_source_free(src);
}

/* ---- columns ------------------------------------------------------------ */

static void test_column_lookup(void)
{
    static const char text[] =
        "prepost-records 1\nid\trow\twaves\tseg:sector\tq\\tab:before\tq\\tab:after\n";
    pp_diag diag;
    pp_diag_clear(&diag);
    pp_source *src = pp_source_from_buffer(text, sizeof text - 1, "cols.records");
    pp_records_reader *r = pp_records_open(src, &diag);
    CU_ASSERT_FATAL(r != NULL);
    CU_ASSERT_EQUAL(pp_records_n_columns(r), 6);
    static const struct { const char *name; long index; } lookups[] = {
        {"id", 0}, {"row", 1}, {"waves", 2}, {"seg:sector", 3},
        {"q\tab:before", 4}, {"q\tab:after", 5}, {"q\\tab:after", -1},
        {"sector", -1}, {"", -1}, {"ID", -1},
    };
    for (size_t i = 0; i < sizeof lookups / sizeof lookups[0]; i++)
        CU_ASSERT_EQUAL(pp_records_find(r, lookups[i].name), lookups[i].index);
    CU_ASSERT_STRING_EQUAL(pp_records_column(r, 3), "seg:sector");
    CU_ASSERT_PTR_NULL(pp_records_column(r, 6));
    pp_row row;
    CU_ASSERT_EQUAL(pp_records_next(r, &row, &diag), 0);
    pp_records_close(r);
    pp_source_free(src);
}

static void test_codebook_columns(void)
{
    pp_segment segments[2] = {{.name = "sector"}, {.name = "region"}};
    pp_item items[4] = {
        {.kind = PP_ITEM_PAIRED, .id = "awareness"},
        {.kind = PP_ITEM_SINGLE, .id = "needs_analysis"},
        {.kind = PP_ITEM_MULTI, .id = "support"},
        {.kind = PP_ITEM_TEXT, .id = "implemented"},
    };
    pp_codebook cb = {.segments = segments, .n_segments = 2, .items = items, .n_items = 4};
    static const char *const expected[] = {
        "id", "row", "waves", "seg:sector", "seg:region", "awareness:before",
        "awareness:after", "needs_analysis", "support", "implemented",
    };
    pp_strings columns = {0};
    CU_ASSERT_EQUAL_FATAL(pp_records_columns(&cb, &columns), 0);
    CU_ASSERT_EQUAL_FATAL(columns.count, sizeof expected / sizeof expected[0]);
    for (size_t i = 0; i < columns.count; i++)
        CU_ASSERT_STRING_EQUAL(columns.items[i], expected[i]);
    pp_strings_clear(&columns);

    pp_codebook empty = {0};
    CU_ASSERT_EQUAL_FATAL(pp_records_columns(&empty, &columns), 0);
    CU_ASSERT_EQUAL(columns.count, 3);
    pp_strings_clear(&columns);
}

CU_ErrorCode add_suites(void)
{
    static CU_TestInfo tests[] = {
        {"escapes are written exactly", test_escape_exact},
        {"fields survive a round trip", test_escape_round_trip},
        {"a row is its fields, escaped and joined", test_row_bytes},
        {"lines longer than 64 KiB", test_long_lines},
        {"damaged input names its line", test_bad_input},
        {"CRLF, blank lines, no final LF", test_forgiving_line_ends},
        {"columns are found by name", test_column_lookup},
        {"codebook column names", test_codebook_columns},
        CU_TEST_INFO_NULL,
    };
    return add_suite("records", tests);
}

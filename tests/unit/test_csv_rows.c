/* test_csv_rows.c: pp_csv_read turns CSV bytes into numbered rows: BOM,
 * CRLF, quoted commas, quotes and newlines, blank lines, NUL bytes, ragged
 * rows, and an unterminated quote reported at the row where it starts. */
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "csv_rows.h"
#include "cunit_main.h"

/* Every row as "N:[field|field]" lines; \0 \r \n written as escapes. */
typedef struct {
    char *text;
    size_t len;
    FILE *out;
    long stop_at;           /* return 7 from this row, 0 = never */
} rendering;

static int render_row(const pp_row *row, void *user)
{
    rendering *r = user;
    fprintf(r->out, "%ld:[", row->row);
    for (size_t i = 0; i < row->n_fields; i++) {
        if (i)
            fputc('|', r->out);
        CU_ASSERT_EQUAL(row->fields[i][row->lengths[i]], '\0');
        for (size_t k = 0; k < row->lengths[i]; k++) {
            char c = row->fields[i][k];
            if (c == '\0')
                fputs("\\0", r->out);
            else if (c == '\r')
                fputs("\\r", r->out);
            else if (c == '\n')
                fputs("\\n", r->out);
            else
                fputc(c, r->out);
        }
    }
    fputs("]\n", r->out);
    return row->row == r->stop_at ? 7 : 0;
}

typedef struct {
    const char *name;
    const char *csv;
    size_t len;             /* 0: strlen(csv) */
    const char *rows;       /* expected rendering */
    int result;             /* pp_csv_read's return */
    pp_error error;
    long error_row;
    long error_column;
    long stop_at;
} csv_case;

static int run_case(const csv_case *c, const void *data, size_t len, rendering *r,
                    pp_diag *diag)
{
    pp_source *src = pp_source_from_buffer(data, len, "export.csv");
    CU_ASSERT_FATAL(src != NULL);
    r->out = open_memstream(&r->text, &r->len);
    CU_ASSERT_FATAL(r->out != NULL);
    r->stop_at = c->stop_at;
    pp_diag_clear(diag);
    int result = pp_csv_read(src, render_row, r, diag);
    fclose(r->out);
    pp_source_free(src);
    return result;
}

static void check_case(const csv_case *c)
{
    rendering r = {0};
    pp_diag diag;
    size_t len = c->len ? c->len : strlen(c->csv);
    int result = run_case(c, c->csv, len, &r, &diag);
    CU_ASSERT_EQUAL(result, c->result);
    CU_ASSERT_STRING_EQUAL(r.text, c->rows);
    CU_ASSERT_EQUAL(diag.code, c->error);
    if (c->error != PP_OK) {
        CU_ASSERT_EQUAL(diag.line, c->error_row);
        CU_ASSERT_EQUAL(diag.column, c->error_column);
        CU_ASSERT_STRING_EQUAL(diag.file, "export.csv");
        CU_ASSERT_STRING_EQUAL(diag.line_word ? diag.line_word : "(none)", "row");
    }
    if (result != c->result || strcmp(r.text, c->rows) != 0 || diag.code != c->error)
        fprintf(stderr, "\n  case \"%s\": got result %d, rows:\n%s", c->name, result, r.text);
    free(r.text);
}

static const csv_case cases[] = {
    {"LF", "a,b\n1,2\n", 0, "1:[a|b]\n2:[1|2]\n", 0, PP_OK, 0, 0, 0},
    {"CRLF", "a,b\r\n1,2\r\n", 0, "1:[a|b]\n2:[1|2]\n", 0, PP_OK, 0, 0, 0},
    {"no newline at the end", "a,b\n1,2", 0, "1:[a|b]\n2:[1|2]\n", 0, PP_OK, 0, 0, 0},
    {"BOM at the start is dropped", "\xEF\xBB\xBFRespondent ID,Q1\n7,Good\n", 0,
     "1:[Respondent ID|Q1]\n2:[7|Good]\n", 0, PP_OK, 0, 0, 0},
    {"BOM later is data", "a\n\xEF\xBB\xBFx\n", 0, "1:[a]\n2:[\xEF\xBB\xBFx]\n", 0, PP_OK, 0, 0, 0},
    {"only a BOM", "\xEF\xBB\xBF", 0, "", 0, PP_OK, 0, 0, 0},
    {"empty", "", 0, "", 0, PP_OK, 0, 0, 0},
    {"quoted comma and doubled quotes", "\"Anytown, WW\",\"ha \"\"ha\"\" ha\"\n", 0,
     "1:[Anytown, WW|ha \"ha\" ha]\n", 0, PP_OK, 0, 0, 0},
    {"newline in quotes counts one row", "a,b\n\"line 1\nline 2\",x\n3,4\n", 0,
     "1:[a|b]\n2:[line 1\\nline 2|x]\n3:[3|4]\n", 0, PP_OK, 0, 0, 0},
    {"CRLF in quotes is kept", "a\r\n\"x\r\ny\"\r\nz\r\n", 0,
     "1:[a]\n2:[x\\r\\ny]\n3:[z]\n", 0, PP_OK, 0, 0, 0},
    {"blank lines are skipped, not counted", "a\n\n\r\n\nb\n\n", 0,
     "1:[a]\n2:[b]\n", 0, PP_OK, 0, 0, 0},
    {"stray quote in an unquoted field is a literal", "37\xC2\xB0" "36'37.8\"N,x\n", 0,
     "1:[37\xC2\xB0" "36'37.8\"N|x]\n", 0, PP_OK, 0, 0, 0},
    {"spaces around unquoted fields go, inside quotes stay",
     " a b ,\t\"  c \" , d\n   \n", 0, "1:[a b|  c |d]\n", 0, PP_OK, 0, 0, 0},
    {"empty fields", ",,\n\"\",x\n", 0, "1:[||]\n2:[|x]\n", 0, PP_OK, 0, 0, 0},
    {"rows of different lengths", "a,b,c\n1\n1,2,3,4\n", 0,
     "1:[a|b|c]\n2:[1]\n3:[1|2|3|4]\n", 0, PP_OK, 0, 0, 0},
    {"NUL inside a field", "a,b\0c\n", 6, "1:[a|b\\0c]\n", 0, PP_OK, 0, 0, 0},
    {"unterminated quote names its row", "a,b\n1,2\n\"open,3\n4,5\n", 0,
     "1:[a|b]\n2:[1|2]\n", -1, PP_ERR_CSV, 3, 1, 0},
    {"unterminated quote in a later column", "a,b\n\n1,\"x\ny\n", 0,
     "1:[a|b]\n", -1, PP_ERR_CSV, 2, 2, 0},
    {"closing quote as the last byte is fine", "a,\"b\"", 0, "1:[a|b]\n", 0, PP_OK, 0, 0, 0},
    {"the callback can stop the reading", "a\nb\nc\n", 0, "1:[a]\n2:[b]\n", 7, PP_OK, 0, 0, 2},
};

static void test_cases(void)
{
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        check_case(&cases[i]);
}

typedef struct {
    long rows;
    size_t longest;
    int in_order;
} row_count;

static int count_row(const pp_row *row, void *user)
{
    row_count *seen = user;
    seen->rows++;
    if (row->row != seen->rows || row->n_fields != 2)
        seen->in_order = 0;
    if (row->lengths[1] > seen->longest)
        seen->longest = row->lengths[1];
    return 0;
}

/* Many rows and one long field: row numbers stay right across chunks. */
static void test_long_input(void)
{
    size_t rows = 200000, long_field = 3u << 20;
    FILE *out;
    char *csv;
    size_t len;
    out = open_memstream(&csv, &len);
    CU_ASSERT_FATAL(out != NULL);
    fputs("id,comment\r\n", out);
    for (size_t i = 0; i < rows; i++)
        fprintf(out, "%zu,\"said \"\"%zu\"\"\r\nand more\"\r\n", i, i);
    fputs("last,\"", out);
    for (size_t i = 0; i < long_field; i++)
        fputc('x', out);
    fputs("\"\n", out);
    fclose(out);

    row_count seen = {0, 0, 1};
    pp_source *src = pp_source_from_buffer(csv, len, "big.csv");
    pp_diag diag;
    pp_diag_clear(&diag);
    CU_ASSERT_EQUAL(pp_csv_read(src, count_row, &seen, &diag), 0);
    CU_ASSERT_EQUAL(seen.rows, (long)rows + 2);
    CU_ASSERT_EQUAL(seen.longest, long_field);
    CU_ASSERT(seen.in_order);
    pp_source_free(src);
    free(csv);
}

/* The same rows come out of a gzip export. */
static void test_gzip_rows(void)
{
    const char *csv = "\xEF\xBB\xBFq\r\n\"a\nb\"\r\n";
    unsigned char gz[256];
    z_stream zs = {0};
    CU_ASSERT_FATAL(deflateInit2(&zs, 9, Z_DEFLATED, 31, 8, Z_DEFAULT_STRATEGY) == Z_OK);
    zs.next_in = (Bytef *)csv;
    zs.avail_in = (uInt)strlen(csv);
    zs.next_out = gz;
    zs.avail_out = sizeof gz;
    CU_ASSERT_FATAL(deflate(&zs, Z_FINISH) == Z_STREAM_END);
    size_t gz_len = sizeof gz - zs.avail_out;
    deflateEnd(&zs);

    csv_case c = {"gzip", "", 0, "1:[q]\n2:[a\\nb]\n", 0, PP_OK, 0, 0, 0};
    rendering r = {0};
    pp_diag diag;
    CU_ASSERT_EQUAL(run_case(&c, gz, gz_len, &r, &diag), 0);
    CU_ASSERT_STRING_EQUAL(r.text, c.rows);
    free(r.text);

    /* cut short: the gzip error comes through */
    CU_ASSERT_EQUAL(run_case(&c, gz, gz_len - 4, &r, &diag), -1);
    CU_ASSERT_EQUAL(diag.code, PP_ERR_GZIP);
    free(r.text);
}

CU_ErrorCode add_suites(void)
{
    static CU_TestInfo tests[] = {
        {"CSV cases", test_cases},
        {"many rows and a long field", test_long_input},
        {"rows from gzip", test_gzip_rows},
        CU_TEST_INFO_NULL,
    };
    return add_suite("csv_rows", tests);
}

/* test_header.c: each layout's header rows become the column names the
 * codebook uses; `#N` and forgiving names find columns; a duplicate or
 * missing column is an error that helps the user put it right. */
#include <stdlib.h>
#include <string.h>

#include "cunit_main.h"
#include "header.h"

#define MAX_STATUSES 8

typedef struct {
    pp_header *header;
    pp_header_status statuses[MAX_STATUSES];
    int fed;
    long first_respondent;  /* row number of the first non-header row */
} header_reader;

static int feed_header(const pp_row *row, void *user)
{
    header_reader *r = user;
    if (r->fed > 0 && (r->statuses[r->fed - 1] == PP_HEADER_DONE ||
                       r->statuses[r->fed - 1] == PP_HEADER_DONE_BEFORE)) {
        if (r->first_respondent == 0 && r->statuses[r->fed - 1] == PP_HEADER_DONE)
            r->first_respondent = row->row;
        return 0;
    }
    pp_diag diag;
    pp_diag_clear(&diag);
    pp_header_status status = pp_header_feed(r->header, row, &diag);
    CU_ASSERT_FATAL(r->fed < MAX_STATUSES);
    r->statuses[r->fed++] = status;
    if (status == PP_HEADER_DONE_BEFORE)
        r->first_respondent = row->row;
    return status == PP_HEADER_ERROR;
}

/* Reads the header of csv for layout; *finish gets pp_header_finish's
 * result (0 when the header completed while reading). */
static pp_header *read_header(pp_layout layout, const char *csv, header_reader *r,
                              int *finish, pp_diag *diag)
{
    memset(r, 0, sizeof *r);
    r->header = pp_header_new(layout, "export.csv");
    CU_ASSERT_FATAL(r->header != NULL);
    pp_source *src = pp_source_from_buffer(csv, strlen(csv), "export.csv");
    CU_ASSERT_FATAL(src != NULL);
    pp_diag_clear(diag);
    CU_ASSERT_EQUAL(pp_csv_read(src, feed_header, r, diag), 0);
    pp_source_free(src);
    *finish = pp_header_finish(r->header, diag);
    return r->header;
}

typedef struct {
    const char *name;
    pp_layout layout;
    const char *csv;
    int header_rows;
    const char *names;        /* every column name, joined by '|' */
    long first_respondent;    /* 0 when there is none */
} layout_case;

static const layout_case layout_cases[] = {
    {"plain", PP_LAYOUT_PLAIN, "\xEF\xBB\xBFRespondent ID,Q1,Comments\n1,Good,ok\n", 1,
     "Respondent ID|Q1|Comments", 2},
    {"plain, header only", PP_LAYOUT_PLAIN, "Respondent ID,Q1\r\n", 1, "Respondent ID|Q1", 0},
    {"google", PP_LAYOUT_GOOGLE,
     "Timestamp,Rate your awareness [Before],Rate your awareness [After]\n"
     "2011/03/01,Good,Excellent\n", 1,
     "Timestamp|Rate your awareness [Before]|Rate your awareness [After]", 2},
    {"surveymonkey", PP_LAYOUT_SURVEYMONKEY,
     "Respondent ID,Collector ID,Awareness?,,Sector,Comments,Support,\n"
     ",,Before the programme,After the programme,Response,Open-Ended Response,"
     "Networking,Masterclasses\n"
     "101,5,Good,Excellent,Public sector,fine,Networking,\n", 2,
     "Respondent ID|Collector ID|Awareness? / Before the programme|"
     "Awareness? / After the programme|Sector|Comments|Support / Networking|"
     "Support / Masterclasses", 3},
    {"qualtrics with ImportId row", PP_LAYOUT_QUALTRICS,
     "ResponseId,Q1_1,Q2\n"
     "Response ID,Awareness - Before,Sector\n"
     "\"{\"\"ImportId\"\":\"\"_recordId\"\"}\",\"{\"\"ImportId\"\":\"\"QID1_1\"\"}\","
     "\"{\"\"ImportId\"\":\"\"QID2\"\"}\"\n"
     "R_1,Good,Public\n", 3, "ResponseId|Q1_1|Q2", 4},
    {"qualtrics without ImportId row", PP_LAYOUT_QUALTRICS,
     "V1,Q1_1,Q2\nResponseID,Awareness - Before,Sector\nR_1,Good,Public\n", 2,
     "V1|Q1_1|Q2", 3},
    {"qualtrics, header only", PP_LAYOUT_QUALTRICS,
     "V1,Q1_1\nResponseID,Awareness - Before\n", 2, "V1|Q1_1", 0},
};

static void check_layout(const layout_case *c)
{
    header_reader r;
    pp_diag diag;
    int finish;
    pp_header *h = read_header(c->layout, c->csv, &r, &finish, &diag);
    CU_ASSERT_EQUAL(finish, 0);
    CU_ASSERT_EQUAL(pp_header_rows(h), c->header_rows);
    CU_ASSERT_EQUAL(r.first_respondent, c->first_respondent);
    char joined[1024] = "";
    for (size_t i = 0; i < pp_header_columns(h); i++) {
        if (i)
            strcat(joined, "|");
        strcat(joined, pp_header_name(h, i));
    }
    CU_ASSERT_STRING_EQUAL(joined, c->names);
    if (strcmp(joined, c->names) != 0 || finish != 0)
        fprintf(stderr, "\n  layout case %s: names %s\n", c->name, joined);
    CU_ASSERT_PTR_NULL(pp_header_name(h, pp_header_columns(h)));
    pp_header_free(h);
}

static void test_layouts(void)
{
    for (size_t i = 0; i < sizeof layout_cases / sizeof layout_cases[0]; i++)
        check_layout(&layout_cases[i]);
}

static void test_statuses(void)
{
    header_reader r;
    pp_diag diag;
    int finish;
    pp_header *h = read_header(PP_LAYOUT_QUALTRICS, layout_cases[4].csv, &r, &finish, &diag);
    CU_ASSERT_EQUAL(r.fed, 3);
    CU_ASSERT_EQUAL(r.statuses[0], PP_HEADER_MORE);
    CU_ASSERT_EQUAL(r.statuses[1], PP_HEADER_MORE);
    CU_ASSERT_EQUAL(r.statuses[2], PP_HEADER_DONE);
    pp_header_free(h);

    h = read_header(PP_LAYOUT_QUALTRICS, layout_cases[5].csv, &r, &finish, &diag);
    CU_ASSERT_EQUAL(r.fed, 3);
    CU_ASSERT_EQUAL(r.statuses[2], PP_HEADER_DONE_BEFORE);
    pp_header_free(h);

    h = read_header(PP_LAYOUT_SURVEYMONKEY, layout_cases[3].csv, &r, &finish, &diag);
    CU_ASSERT_EQUAL(r.fed, 2);
    CU_ASSERT_EQUAL(r.statuses[0], PP_HEADER_MORE);
    CU_ASSERT_EQUAL(r.statuses[1], PP_HEADER_DONE);
    pp_header_free(h);
}

typedef struct {
    const char *name;
    pp_layout layout;
    const char *csv;
    pp_error error;
    long row;
} bad_header_case;

static void test_bad_headers(void)
{
    static const bad_header_case cases[] = {
        {"empty file", PP_LAYOUT_PLAIN, "", PP_ERR_EMPTY, 0},
        {"blank lines only", PP_LAYOUT_SURVEYMONKEY, "\n\r\n", PP_ERR_EMPTY, 0},
        {"surveymonkey with one row", PP_LAYOUT_SURVEYMONKEY, "Respondent ID,Q1\n",
         PP_ERR_HEADER, 1},
        {"qualtrics with one row", PP_LAYOUT_QUALTRICS, "V1,Q1\n", PP_ERR_HEADER, 1},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        header_reader r;
        pp_diag diag;
        int finish;
        pp_header *h = read_header(cases[i].layout, cases[i].csv, &r, &finish, &diag);
        CU_ASSERT_EQUAL(finish, -1);
        CU_ASSERT_EQUAL(diag.code, cases[i].error);
        CU_ASSERT_EQUAL(diag.line, cases[i].row);
        CU_ASSERT_STRING_EQUAL(diag.file, "export.csv");
        if (diag.code != cases[i].error)
            fprintf(stderr, "\n  bad header case %s: code %d\n", cases[i].name, diag.code);
        pp_header_free(h);
    }
}

typedef struct {
    pp_layout layout;
    const char *csv;
    const char *ref;
    long index;
    const char *says;         /* a phrase in the error detail, for misses */
} find_case;

static const char plain_csv[] =
    "Respondent ID,Which sector does your organisation belong to?,Don\xE2\x80\x99t know,"
    "How satisfied are you?,Comments,comments\n";
static const char monkey_csv[] =
    "Respondent ID,Q1,,Q2,Q3\n,Before,After,Response,Open-Ended Response\n";
static const char qualtrics_csv[] =
    "ResponseId,Q3_1,Q9,Q10\nResponse ID,Rate your awareness - Before,q9,Q3_1\n";

static const find_case find_cases[] = {
    {PP_LAYOUT_PLAIN, plain_csv, "Respondent ID", 0, NULL},
    {PP_LAYOUT_PLAIN, plain_csv, "  respondent\tid ", 0, NULL},
    {PP_LAYOUT_PLAIN, plain_csv, "WHICH SECTOR does your organisation belong to?", 1, NULL},
    {PP_LAYOUT_PLAIN, plain_csv, "Don't know", 2, NULL},
    {PP_LAYOUT_PLAIN, plain_csv, "#1", 0, NULL},
    {PP_LAYOUT_PLAIN, plain_csv, " #6 ", 5, NULL},
    {PP_LAYOUT_PLAIN, plain_csv, "#7", -1, "has 6 columns (#1 to #6)"},
    {PP_LAYOUT_PLAIN, plain_csv, "#0", -1, "has 6 columns"},
    {PP_LAYOUT_PLAIN, plain_csv, "#99999999999999999999999", -1, "has 6 columns"},
    {PP_LAYOUT_PLAIN, plain_csv, "Comments", -2, "twice (columns #5 and #6)"},
    {PP_LAYOUT_PLAIN, plain_csv, "How satisfied were you?", -1,
     "closest are: \"How satisfied are you?\" (#4)"},
    {PP_LAYOUT_PLAIN, plain_csv, "sector", -1,
     "closest are: \"Which sector does your organisation belong to?\" (#2)"},
    {PP_LAYOUT_PLAIN, plain_csv, "Postcode", -1, "none of its 6 columns is close"},
    {PP_LAYOUT_SURVEYMONKEY, monkey_csv, "Q1 / Before", 1, NULL},
    {PP_LAYOUT_SURVEYMONKEY, monkey_csv, "q1 /  after", 2, NULL},
    {PP_LAYOUT_SURVEYMONKEY, monkey_csv, "Q2", 3, NULL},
    {PP_LAYOUT_SURVEYMONKEY, monkey_csv, "Q2 / Response", 3, NULL},
    {PP_LAYOUT_SURVEYMONKEY, monkey_csv, "Q3 / Open-Ended Response", 4, NULL},
    {PP_LAYOUT_SURVEYMONKEY, monkey_csv, "Q1", -1, "\"Q1 / Before\" (#2), \"Q1 / After\" (#3)"},
    {PP_LAYOUT_QUALTRICS, qualtrics_csv, "Q9", 2, NULL},
    {PP_LAYOUT_QUALTRICS, qualtrics_csv, "rate your awareness - before", 1, NULL},
    {PP_LAYOUT_QUALTRICS, qualtrics_csv, "Response ID", 0, NULL},
    {PP_LAYOUT_QUALTRICS, qualtrics_csv, "Q3_1", -2, "twice"},
};

static void test_find(void)
{
    for (size_t i = 0; i < sizeof find_cases / sizeof find_cases[0]; i++) {
        const find_case *c = &find_cases[i];
        header_reader r;
        pp_diag diag;
        int finish;
        pp_header *h = read_header(c->layout, c->csv, &r, &finish, &diag);
        CU_ASSERT_EQUAL_FATAL(finish, 0);
        long index = pp_header_find(h, c->ref, &diag);
        CU_ASSERT_EQUAL(index, c->index);
        if (c->says) {
            CU_ASSERT_EQUAL(diag.code, PP_ERR_COLUMN);
            CU_ASSERT_STRING_EQUAL(diag.file, "export.csv");
            CU_ASSERT_PTR_NOT_NULL(strstr(diag.detail, c->says));
        } else {
            CU_ASSERT_EQUAL(diag.code, PP_OK);
        }
        if (index != c->index || (c->says && !strstr(diag.detail, c->says)))
            fprintf(stderr, "\n  find \"%s\": got %ld, \"%s\"\n", c->ref, index, diag.detail);
        pp_header_free(h);
    }
}

CU_ErrorCode add_suites(void)
{
    static CU_TestInfo tests[] = {
        {"each layout names its columns", test_layouts},
        {"header statuses row by row", test_statuses},
        {"empty and short headers are errors", test_bad_headers},
        {"columns found by number and forgiving name", test_find},
        CU_TEST_INFO_NULL,
    };
    return add_suite("header", tests);
}

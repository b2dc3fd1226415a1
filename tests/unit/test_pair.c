/* test_pair.c: joining a panel's two waves: matched, one-wave-only and
 * conflicting respondents, the output order, the unmatched list, and the
 * errors for waves that do not fit together. */
#include <stdlib.h>
#include <string.h>

#include "cunit_main.h"
#include "pair.h"

#define HEAD "prepost-records 1\nid\trow\twaves\tseg:sector\tq:before\tq:after\ts\n"
#define UNMATCHED_HEAD "id,wave,row\n"

typedef struct {
    const char *name;
    const char *before, *after;
    pp_error code;
    const char *output;         /* expected records (on success) */
    const char *unmatched;      /* expected unmatched CSV (on success) */
    pp_pair_summary summary;    /* before, after, matched, before only, after only, conflicts */
    const char *error_file;     /* on failure: the file the error names */
    long error_line;
    const char *detail;         /* on failure: words the message must hold */
} pair_case;

static const pair_case cases[] = {
    {"one matched respondent",
     HEAD "R1\t3\tbefore\tPublic\t2\t\t\n",
     HEAD "R1\t5\tafter\tPublic\t\t4\t1\n",
     PP_OK, HEAD "R1\t3\tboth\tPublic\t2\t4\t1\n", UNMATCHED_HEAD,
     {1, 1, 1, 0, 0, 0}, NULL, 0, NULL},
    {"order: after wave first, then before-only",
     HEAD "B1\t2\tbefore\tX\t1\t\t\nB2\t3\tbefore\tX\t2\t\t\nB3\t4\tbefore\tY\t3\t\t\n",
     HEAD "A9\t2\tafter\tZ\t\t5\t1\nB3\t3\tafter\tY\t\t4\t0\nB1\t4\tafter\t\t\t2\t\n",
     PP_OK,
     HEAD "A9\t2\tafter\tZ\t\t5\t1\nB3\t4\tboth\tY\t3\t4\t0\nB1\t2\tboth\tX\t1\t2\t\n"
          "B2\t3\tbefore\tX\t2\t\t\n",
     UNMATCHED_HEAD "A9,after,2\nB2,before,3\n",
     {3, 3, 2, 1, 1, 0}, NULL, 0, NULL},
    {"an unmatched id a spreadsheet would run gets an apostrophe",
     HEAD "=1+1\t2\tbefore\tX\t1\t\t\n-7\t3\tbefore\tX\t2\t\t\n",
     HEAD,
     PP_OK,
     HEAD "=1+1\t2\tbefore\tX\t1\t\t\n-7\t3\tbefore\tX\t2\t\t\n",
     UNMATCHED_HEAD "\"'=1+1\",before,2\n-7,before,3\n",
     {2, 0, 0, 2, 0, 0}, NULL, 0, NULL},
    {"segment conflict keeps the before wave's level",
     HEAD "R1\t3\tbefore\tPublic\t2\t\t\nR2\t4\tbefore\t\t1\t\t\n",
     HEAD "R1\t3\tafter\tPrivate\t\t4\t\nR2\t4\tafter\tPrivate\t\t3\t\n",
     PP_OK, HEAD "R1\t3\tboth\tPublic\t2\t4\t\nR2\t4\tboth\tPrivate\t1\t3\t\n",
     UNMATCHED_HEAD, {2, 2, 2, 0, 0, 1}, NULL, 0, NULL},
    {"both waves answered: :after from the after wave, others from before",
     HEAD "R1\t3\tboth\tX\t2\t9\t1\n",
     HEAD "R1\t7\tboth\tX\t8\t4\t0\n",
     PP_OK, HEAD "R1\t3\tboth\tX\t2\t4\t1\n", UNMATCHED_HEAD,
     {1, 1, 1, 0, 0, 0}, NULL, 0, NULL},
    {"row taken from the after wave when the before wave has none",
     HEAD "R1\t\tbefore\tX\t2\t\t\n",
     HEAD "R1\t7\tafter\tX\t\t4\t\n",
     PP_OK, HEAD "R1\t7\tboth\tX\t2\t4\t\n", UNMATCHED_HEAD,
     {1, 1, 1, 0, 0, 0}, NULL, 0, NULL},
    {"both waves empty", HEAD, HEAD, PP_OK, HEAD, UNMATCHED_HEAD,
     {0, 0, 0, 0, 0, 0}, NULL, 0, NULL},
    {"before wave empty",
     HEAD, HEAD "A1\t2\tafter\tX\t\t3\t\nA2\t3\tafter\tX\t\t1\t\n",
     PP_OK, HEAD "A1\t2\tafter\tX\t\t3\t\nA2\t3\tafter\tX\t\t1\t\n",
     UNMATCHED_HEAD "A1,after,2\nA2,after,3\n", {0, 2, 0, 0, 2, 0}, NULL, 0, NULL},
    {"after wave empty",
     HEAD "B1\t2\tbefore\tX\t3\t\t\n", HEAD,
     PP_OK, HEAD "B1\t2\tbefore\tX\t3\t\t\n", UNMATCHED_HEAD "B1,before,2\n",
     {1, 0, 0, 1, 0, 0}, NULL, 0, NULL},
    {"ids needing CSV quotes and escapes",
     HEAD "a,b\t2\tbefore\tX\t3\t\t\nsay \"hi\"\t3\tbefore\tX\t3\t\t\n",
     HEAD "tab\\there\t4\tafter\tX\t\t1\t\n",
     PP_OK,
     HEAD "tab\\there\t4\tafter\tX\t\t1\t\na,b\t2\tbefore\tX\t3\t\t\n"
          "say \"hi\"\t3\tbefore\tX\t3\t\t\n",
     UNMATCHED_HEAD "tab\there,after,4\n\"a,b\",before,2\n\"say \"\"hi\"\"\",before,3\n",
     {2, 1, 0, 2, 1, 0}, NULL, 0, NULL},
    {"a column named differently",
     HEAD, "prepost-records 1\nid\trow\twaves\tseg:region\tq:before\tq:after\ts\n",
     PP_ERR_RECORDS, NULL, NULL, {0}, "after.records", 2,
     "column 4 is \"seg:region\" here but \"seg:sector\""},
    {"a column missing in the after wave",
     HEAD, "prepost-records 1\nid\trow\twaves\tseg:sector\tq:before\tq:after\n",
     PP_ERR_RECORDS, NULL, NULL, {0}, "after.records", 2,
     "column 7, \"s\", is only in the before wave"},
    {"an extra column in the after wave",
     HEAD, "prepost-records 1\nid\trow\twaves\tseg:sector\tq:before\tq:after\ts\tt\n",
     PP_ERR_RECORDS, NULL, NULL, {0}, "after.records", 2,
     "column 8, \"t\", is only in the after wave"},
    {"a duplicate id in the before wave",
     HEAD "R1\t2\tbefore\tX\t1\t\t\nR2\t3\tbefore\tX\t1\t\t\nR1\t4\tbefore\tX\t1\t\t\n",
     HEAD, PP_ERR_RECORDS, NULL, NULL, {0}, "before.records", 5,
     "\"R1\" is here and on line 3"},
    {"a duplicate id in the after wave",
     HEAD, HEAD "R1\t2\tafter\tX\t\t1\t\nR1\t3\tafter\tX\t\t1\t\n",
     PP_ERR_RECORDS, NULL, NULL, {0}, "after.records", 4, "\"R1\" was already"},
    {"an empty id",
     HEAD "\t2\tbefore\tX\t1\t\t\n", HEAD,
     PP_ERR_RECORDS, NULL, NULL, {0}, "before.records", 3, "ID is empty"},
    {"a damaged line in the after wave",
     HEAD "R1\t2\tbefore\tX\t1\t\t\n", HEAD "R1\t2\tafter\n",
     PP_ERR_RECORDS, NULL, NULL, {0}, "after.records", 3, "3 fields"},
    {"not a records file",
     "id,row\n1,2\n", HEAD, PP_ERR_RECORDS, NULL, NULL, {0}, "before.records", 1,
     "not a records file"},
};

static void check_summary(const pp_pair_summary *got, const pp_pair_summary *want)
{
    CU_ASSERT_EQUAL(got->before, want->before);
    CU_ASSERT_EQUAL(got->after, want->after);
    CU_ASSERT_EQUAL(got->matched, want->matched);
    CU_ASSERT_EQUAL(got->before_only, want->before_only);
    CU_ASSERT_EQUAL(got->after_only, want->after_only);
    CU_ASSERT_EQUAL(got->segment_conflicts, want->segment_conflicts);
}

static void run_case(const pair_case *c)
{
    char *out_text = NULL, *unmatched_text = NULL;
    size_t out_len = 0, unmatched_len = 0;
    FILE *out = open_memstream(&out_text, &out_len);
    FILE *unmatched = open_memstream(&unmatched_text, &unmatched_len);
    CU_ASSERT_FATAL(out != NULL && unmatched != NULL);
    pp_source *before = pp_source_from_buffer(c->before, strlen(c->before), "before.records");
    pp_source *after = pp_source_from_buffer(c->after, strlen(c->after), "after.records");
    pp_diag diag;
    pp_diag_clear(&diag);
    pp_pair_summary summary;

    pp_error rc = pp_pair(before, after, out, unmatched, &summary, &diag);
    fclose(out);
    fclose(unmatched);
    if (rc != c->code)
        fprintf(stderr, "\ncase '%s': got error %d: %s\n", c->name, rc, diag.detail);
    CU_ASSERT_EQUAL(rc, c->code);
    CU_ASSERT_EQUAL(diag.code, c->code);
    if (c->code == PP_OK) {
        CU_ASSERT_STRING_EQUAL(out_text, c->output);
        CU_ASSERT_STRING_EQUAL(unmatched_text, c->unmatched);
        check_summary(&summary, &c->summary);
    } else {
        if (strstr(diag.detail, c->detail) == NULL || diag.line != c->error_line)
            fprintf(stderr, "\ncase '%s': line %ld: %s\n", c->name, diag.line, diag.detail);
        CU_ASSERT_STRING_EQUAL(diag.file, c->error_file);
        CU_ASSERT_EQUAL(diag.line, c->error_line);
        CU_ASSERT_PTR_NOT_NULL(strstr(diag.detail, c->detail));
    }
    pp_source_free(before);
    pp_source_free(after);
    free(out_text);
    free(unmatched_text);
}

static void test_cases(void)
{
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        run_case(&cases[i]);
}

/* Without an unmatched stream the records are the same. */
static void test_no_unmatched_list(void)
{
    const pair_case *c = &cases[1];
    char *out_text = NULL;
    size_t out_len = 0;
    FILE *out = open_memstream(&out_text, &out_len);
    pp_source *before = pp_source_from_buffer(c->before, strlen(c->before), "b");
    pp_source *after = pp_source_from_buffer(c->after, strlen(c->after), "a");
    pp_diag diag;
    pp_diag_clear(&diag);
    pp_pair_summary summary;
    CU_ASSERT_EQUAL(pp_pair(before, after, out, NULL, &summary, &diag), PP_OK);
    fclose(out);
    CU_ASSERT_STRING_EQUAL(out_text, c->output);
    check_summary(&summary, &c->summary);
    pp_source_free(before);
    pp_source_free(after);
    free(out_text);
}

/* Enough respondents to make the table grow several times; every second
 * before respondent is in the after wave. */
static void test_many_respondents(void)
{
    enum { N = 20000 };
    char *before_text = NULL, *after_text = NULL, *out_text = NULL;
    size_t before_len = 0, after_len = 0, out_len = 0;
    FILE *b = open_memstream(&before_text, &before_len);
    FILE *a = open_memstream(&after_text, &after_len);
    fputs(HEAD, b);
    fputs(HEAD, a);
    for (int i = 0; i < N; i++) {
        fprintf(b, "R%d\t%d\tbefore\tX\t1\t\t\n", i, i + 2);
        if (i % 2 == 0)
            fprintf(a, "R%d\t%d\tafter\tX\t\t2\t\n", N - 2 - i, i + 2);
    }
    fclose(b);
    fclose(a);
    FILE *out = open_memstream(&out_text, &out_len);
    pp_source *before = pp_source_from_buffer(before_text, before_len, "b");
    pp_source *after = pp_source_from_buffer(after_text, after_len, "a");
    pp_diag diag;
    pp_diag_clear(&diag);
    pp_pair_summary summary;
    CU_ASSERT_EQUAL(pp_pair(before, after, out, NULL, &summary, &diag), PP_OK);
    fclose(out);
    pp_pair_summary want = {N, N / 2, N / 2, N / 2, 0, 0};
    check_summary(&summary, &want);
    CU_ASSERT_PTR_NOT_NULL(strstr(out_text, HEAD "R19998\t20000\tboth\tX\t1\t2\t\n"));
    pp_source_free(before);
    pp_source_free(after);
    free(before_text);
    free(after_text);
    free(out_text);
}

static void test_summary_line(void)
{
    static const struct {
        pp_pair_summary summary;
        const char *line;
    } lines[] = {
        {{40, 38, 35, 5, 3, 0}, "40 before, 38 after: 35 matched, 5 before only, 3 after only\n"},
        {{2, 2, 2, 0, 0, 1}, "2 before, 2 after: 2 matched, 0 before only, 0 after only; "
                             "1 segment conflict (the before wave's segment kept)\n"},
        {{0, 0, 0, 0, 0, 0}, "0 before, 0 after: 0 matched, 0 before only, 0 after only\n"},
    };
    for (size_t i = 0; i < sizeof lines / sizeof lines[0]; i++) {
        char *text = NULL;
        size_t len = 0;
        FILE *out = open_memstream(&text, &len);
        pp_pair_summary_print(&lines[i].summary, out);
        fclose(out);
        CU_ASSERT_STRING_EQUAL(text, lines[i].line);
        free(text);
    }
}

CU_ErrorCode add_suites(void)
{
    static CU_TestInfo tests[] = {
        {"joins, orders and reports each case", test_cases},
        {"works without an unmatched list", test_no_unmatched_list},
        {"many respondents", test_many_respondents},
        {"the summary line", test_summary_line},
        CU_TEST_INFO_NULL,
    };
    return add_suite("pair", tests);
}

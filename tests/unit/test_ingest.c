/* test_ingest.c: pp_ingest on exports held in memory: the summary line,
 * counts with outputs discarded, an `among` item answered outside its
 * segment, a missing column stopping the run before any output, and the
 * rejects.csv quoting. */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cunit_main.h"
#include "codebook.h"
#include "ingest.h"
#include "rejects.h"
#include "source.h"

static const char codebook_text[] =
    "[survey]\n"
    "export = export.csv\n"
    "id = ID\n"
    "[scale rating]\n"
    "levels = Poor | Fair | Good\n"
    "missing = Don't know\n"
    "[segment sector]\n"
    "column = Sector\n"
    "levels = Public | Third\n"
    "[single quality]\n"
    "scale = rating\n"
    "column = Quality\n"
    "among = sector = Public\n";

/* Ingests export text; records and rejects into *records / *rejects
 * (malloc'd, NULL to discard). Returns the error. */
static pp_error ingest_text(const char *export_text, pp_ingest_summary *summary,
                            char **records, char **rejects, pp_diag *diag)
{
    size_t records_len = 0, rejects_len = 0;
    FILE *records_out = records ? open_memstream(records, &records_len) : NULL;
    FILE *rejects_out = rejects ? open_memstream(rejects, &rejects_len) : NULL;
    pp_diag_clear(diag);
    pp_codebook *cb = pp_codebook_read_buffer(codebook_text, strlen(codebook_text),
                                              "survey.ini", diag);
    CU_ASSERT_PTR_NOT_NULL_FATAL(cb);
    pp_source *src = pp_source_from_buffer(export_text, strlen(export_text), "export.csv");
    pp_error err = pp_ingest(cb, PP_WAVE_BOTH, src, records_out, rejects_out, summary, diag);
    pp_source_free(src);
    pp_codebook_free(cb);
    if (records_out)
        fclose(records_out);
    if (rejects_out)
        fclose(rejects_out);
    return err;
}

static void test_counts_with_outputs_discarded(void)
{
    pp_ingest_summary s;
    pp_diag diag;
    pp_error err = ingest_text("ID,Sector,Quality\n"
                               "a,Public,Good\n"
                               "b,Third,Poor\n"          /* among: kept */
                               "a,Public,Fair\n"         /* duplicate */
                               "c,Other,Fair\n"          /* unknown segment */
                               "d,Third,Great\n",        /* unknown label */
                               &s, NULL, NULL, &diag);
    CU_ASSERT_EQUAL(err, PP_OK);
    CU_ASSERT_EQUAL(s.rows, 5);
    CU_ASSERT_EQUAL(s.kept, 2);
    CU_ASSERT_EQUAL(s.rejected, 3);
    CU_ASSERT_EQUAL(s.by_reason[PP_REJECT_DUPLICATE_ID], 1);
    CU_ASSERT_EQUAL(s.by_reason[PP_REJECT_UNKNOWN_SEGMENT], 1);
    CU_ASSERT_EQUAL(s.by_reason[PP_REJECT_UNKNOWN_LABEL], 1);
}

static void test_among_answer_is_kept(void)
{
    pp_ingest_summary s;
    pp_diag diag;
    char *records = NULL;
    pp_error err = ingest_text("ID,Sector,Quality\nb,Third,Don\xe2\x80\x99t know\n",
                               &s, &records, NULL, &diag);
    CU_ASSERT_EQUAL(err, PP_OK);
    CU_ASSERT_PTR_NOT_NULL_FATAL(records);
    CU_ASSERT_PTR_NOT_NULL(strstr(records, "\nb\t2\tboth\tThird\t-1\n"));
    free(records);
}

static void test_missing_column_writes_nothing(void)
{
    pp_ingest_summary s;
    pp_diag diag;
    char *records = NULL, *rejects = NULL;
    pp_error err = ingest_text("ID,Sector,Quality of bids\na,Public,Good\n",
                               &s, &records, &rejects, &diag);
    CU_ASSERT_EQUAL(err, PP_ERR_COLUMN);
    CU_ASSERT_PTR_NOT_NULL(strstr(diag.detail, "Quality"));
    CU_ASSERT_PTR_NOT_NULL(strstr(diag.detail, "[single quality]"));
    CU_ASSERT_STRING_EQUAL(records, "");
    CU_ASSERT_STRING_EQUAL(rejects, "");
    CU_ASSERT_EQUAL(s.rows, 0);
    free(records);
    free(rejects);
}

static void test_summary_line(void)
{
    static const struct {
        pp_ingest_summary s;
        const char *line;
    } cases[] = {
        {{.rows = 1, .kept = 1}, "1 row read, 1 kept, 0 rejected"},
        {{.rows = 250, .kept = 248, .rejected = 2,
          .by_reason = {[PP_REJECT_UNKNOWN_LABEL] = 1, [PP_REJECT_DUPLICATE_ID] = 1}},
         "250 rows read, 248 kept, 2 rejected (1 duplicate id, 1 unknown label)"},
        {{.rows = 3, .rejected = 3, .by_reason = {[PP_REJECT_EXTRA_FIELDS] = 3}},
         "3 rows read, 0 kept, 3 rejected (3 extra fields)"},
        {{.rows = 9, .skipped = 3, .kept = 5, .rejected = 1,
          .by_reason = {[PP_REJECT_MISSING_ID] = 1}},
         "9 rows read, 3 skipped, 5 kept, 1 rejected (1 missing id)"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char *text = NULL;
        size_t len = 0;
        FILE *out = open_memstream(&text, &len);
        pp_ingest_summary_print(&cases[i].s, out);
        fclose(out);
        CU_ASSERT_STRING_EQUAL(text, cases[i].line);
        free(text);
    }
}

static void test_rejects_quoting(void)
{
    char *text = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&text, &len);
    pp_reject_line line = {
        .row = 7, .id = "R,1", .id_len = 3, .column = "Q1 / Before",
        .reason = "unknown label", .value = "say \"hi\"\nthere", .value_len = 14,
        .expected = "A | B",
    };
    pp_rejects_write_header(out);
    pp_rejects_write(out, &line);
    fclose(out);
    CU_ASSERT_STRING_EQUAL(text,
        "row,id,column,reason,value,expected\n"
        "7,\"R,1\",\"Q1 / Before\",unknown label,\"say \"\"hi\"\"\nthere\",\"A | B\"\n");
    free(text);
}

/* A cell a spreadsheet would run as a formula gets an apostrophe, in
 * every field that comes from the export; a number stays as it is. */
static void test_rejects_formulas(void)
{
    char *text = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&text, &len);
    pp_reject_line formula = {
        .row = 3, .id = "@1", .id_len = 2, .column = "=Q1",
        .reason = "unknown label", .value = "=HYPERLINK(\"http://x\")", .value_len = 22,
        .expected = "A | B",
    };
    pp_reject_line number = {
        .row = 4, .id = "-17", .id_len = 3, .column = "Q1",
        .reason = "unknown label", .value = "-0.5", .value_len = 4, .expected = "A | B",
    };
    pp_rejects_write(out, &formula);
    pp_rejects_write(out, &number);
    fclose(out);
    CU_ASSERT_STRING_EQUAL(text,
        "3,\"'@1\",\"'=Q1\",unknown label,\"'=HYPERLINK(\"\"http://x\"\")\",\"A | B\"\n"
        "4,-17,\"Q1\",unknown label,-0.5,\"A | B\"\n");
    free(text);
}

static CU_TestInfo ingest_tests[] = {
    {"counts with outputs discarded", test_counts_with_outputs_discarded},
    {"an among item answered outside its segment is kept", test_among_answer_is_kept},
    {"a missing column writes nothing", test_missing_column_writes_nothing},
    {"summary line", test_summary_line},
    {"rejects quoting", test_rejects_quoting},
    {"rejects neutralise formulas", test_rejects_formulas},
    CU_TEST_INFO_NULL,
};

CU_ErrorCode add_suites(void)
{
    return add_suite("ingest", ingest_tests);
}

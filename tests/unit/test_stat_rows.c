/* test_stat_rows.c: SPSS, Stata and SAS files, written in memory with
 * ReadStat's writer, read back as the rows ingest sees: variable names,
 * variable labels, then one row per case with value labels for values;
 * user-missing values kept apart in the dictionary; a file of another
 * kind, an empty file and a damaged file refused with plain words. */
#include <readstat.h>
#include <stdlib.h>
#include <string.h>

#include "cunit_main.h"
#include "stat_file.h"
#include "stat_rows.h"

typedef struct {
    char *data;
    size_t len;
} bytes;

static ssize_t append(const void *data, size_t len, void *ctx)
{
    bytes *b = ctx;
    char *grown = realloc(b->data, b->len + len + 1);
    CU_ASSERT_FATAL(grown != NULL);
    memcpy(grown + b->len, data, len);
    b->data = grown;
    b->len += len;
    return (ssize_t)len;
}

/* A small survey: q1 (labelled, 9 = Don't know, user-missing in SPSS) and
 * a text variable, five cases; the last rating has no label. */
static bytes write_survey(pp_layout layout)
{
    bytes out = {0};
    readstat_writer_t *w = readstat_writer_init();
    readstat_set_data_writer(w, append);
    readstat_type_t num = layout == PP_LAYOUT_STATA ? READSTAT_TYPE_INT32 : READSTAT_TYPE_DOUBLE;
    readstat_variable_t *q1 = readstat_add_variable(w, "q1", num, 0);
    readstat_variable_set_label(q1, "How was it?");
    if (layout != PP_LAYOUT_SAS) {
        readstat_label_set_t *set = readstat_add_label_set(w, num, "rating");
        const char *labels[] = {"Poor", "Fair", "Good"};
        for (int i = 0; i < 3; i++) {
            if (num == READSTAT_TYPE_INT32)
                readstat_label_int32_value(set, 3 - i, labels[2 - i]);
            else
                readstat_label_double_value(set, 3 - i, labels[2 - i]);
        }
        if (num == READSTAT_TYPE_INT32)
            readstat_label_int32_value(set, 9, "Don't know");
        else
            readstat_label_double_value(set, 9, "Don't know");
        readstat_variable_set_label_set(q1, set);
    }
    if (layout == PP_LAYOUT_SPSS)
        readstat_variable_add_missing_double_value(q1, 9);
    readstat_variable_t *name = readstat_add_variable(w, "name", READSTAT_TYPE_STRING, 8);
    const double q[] = {1, 3, 9, -1, 7};
    const char *names[] = {"Ann", "", "Bo  ", "Cy", "Di"};
    readstat_error_t status =
        layout == PP_LAYOUT_SPSS ? readstat_begin_writing_sav(w, &out, 5)
        : layout == PP_LAYOUT_STATA ? readstat_begin_writing_dta(w, &out, 5)
                                    : readstat_begin_writing_sas7bdat(w, &out, 5);
    CU_ASSERT_FATAL(status == READSTAT_OK);
    for (int i = 0; i < 5; i++) {
        readstat_begin_row(w);
        if (q[i] < 0)
            readstat_insert_missing_value(w, q1);
        else if (num == READSTAT_TYPE_INT32)
            readstat_insert_int32_value(w, q1, (int32_t)q[i]);
        else
            readstat_insert_double_value(w, q1, q[i]);
        readstat_insert_string_value(w, name, names[i]);
        readstat_end_row(w);
    }
    CU_ASSERT_FATAL(readstat_end_writing(w) == READSTAT_OK);
    readstat_writer_free(w);
    return out;
}

typedef struct {
    char text[512];             /* rows as "row:a|b;" */
    int stop_at;                /* stop at this call (1-based), 0 never */
    int calls;
    int missing_9, missing_3;   /* what the dictionary says */
    const pp_stat_dict **dict;
} rows_seen;

static int render(const pp_row *row, void *user)
{
    rows_seen *r = user;
    size_t used = strlen(r->text);
    used += (size_t)snprintf(r->text + used, sizeof r->text - used, "%ld:", row->row);
    for (size_t i = 0; i < row->n_fields; i++)
        used += (size_t)snprintf(r->text + used, sizeof r->text - used, "%s%s",
                                 i ? "|" : "", row->fields[i]);
    snprintf(r->text + used, sizeof r->text - used, ";");
    if (*r->dict != NULL) {
        r->missing_9 = pp_stat_dict_is_user_missing(*r->dict, 0, 9);
        r->missing_3 = pp_stat_dict_is_user_missing(*r->dict, 0, 3);
    }
    return ++r->calls == r->stop_at ? 42 : 0;
}

static int read_rows(const bytes *b, pp_layout layout, rows_seen *r, pp_diag *diag)
{
    const pp_stat_dict *dict = NULL;
    r->dict = &dict;
    pp_diag_clear(diag);
    pp_source *src = pp_source_from_buffer(b->data, b->len, "survey");
    CU_ASSERT_FATAL(src != NULL);
    int status = pp_stat_read(src, layout, render, r, &dict, diag);
    CU_ASSERT_PTR_NULL(dict);
    pp_source_free(src);
    return status;
}

static const struct {
    pp_layout layout;
    const char *rows;
    int missing_9;
} kinds[] = {
    {PP_LAYOUT_SPSS, "0:q1|name;0:How was it?|;1:Poor|Ann;2:Good|;3:Don't know|Bo;"
                     "4:|Cy;5:7|Di;", 1},
    {PP_LAYOUT_STATA, "0:q1|name;0:How was it?|;1:Poor|Ann;2:Good|;3:Don't know|Bo;"
                      "4:|Cy;5:7|Di;", 0},
    {PP_LAYOUT_SAS, "0:q1|name;0:How was it?|;1:1|Ann;2:3|;3:9|Bo;4:|Cy;5:7|Di;", 0},
};

static void test_every_kind(void)
{
    for (size_t k = 0; k < sizeof kinds / sizeof kinds[0]; k++) {
        bytes b = write_survey(kinds[k].layout);
        CU_ASSERT_EQUAL(pp_stat_detect(b.data, b.len), (int)kinds[k].layout);
        rows_seen r = {0};
        pp_diag diag;
        CU_ASSERT_EQUAL(read_rows(&b, kinds[k].layout, &r, &diag), 0);
        CU_ASSERT_EQUAL(diag.code, PP_OK);
        CU_ASSERT_STRING_EQUAL(r.text, kinds[k].rows);
        CU_ASSERT_EQUAL(r.missing_9, kinds[k].missing_9);
        CU_ASSERT_EQUAL(r.missing_3, 0);
        free(b.data);
    }
}

static void test_wrong_kind_empty_damaged(void)
{
    bytes sav = write_survey(PP_LAYOUT_SPSS);
    rows_seen r = {0};
    pp_diag diag;
    CU_ASSERT_EQUAL(read_rows(&sav, PP_LAYOUT_STATA, &r, &diag), -1);
    CU_ASSERT_EQUAL(diag.code, PP_ERR_HEADER);
    CU_ASSERT_PTR_NOT_NULL(strstr(diag.detail, "say layout = spss"));
    CU_ASSERT_STRING_EQUAL(r.text, "");

    bytes csv = {"id,q1\n1,Good\n", 13};
    CU_ASSERT_EQUAL(read_rows(&csv, PP_LAYOUT_SAS, &r, &diag), -1);
    CU_ASSERT_PTR_NOT_NULL(strstr(diag.detail, "if it is a CSV export"));

    bytes empty = {"", 0};
    CU_ASSERT_EQUAL(read_rows(&empty, PP_LAYOUT_SPSS, &r, &diag), -1);
    CU_ASSERT_EQUAL(diag.code, PP_ERR_EMPTY);

    bytes cut = {sav.data, 200};
    CU_ASSERT_EQUAL(read_rows(&cut, PP_LAYOUT_SPSS, &r, &diag), -1);
    CU_ASSERT_EQUAL(diag.code, PP_ERR_HEADER);
    CU_ASSERT_PTR_NOT_NULL(strstr(diag.detail, "damaged or cut short"));
    free(sav.data);
}

static void test_callback_stops(void)
{
    bytes sav = write_survey(PP_LAYOUT_SPSS);
    for (int stop = 1; stop <= 4; stop++) {
        rows_seen r = {.stop_at = stop};
        pp_diag diag;
        CU_ASSERT_EQUAL(read_rows(&sav, PP_LAYOUT_SPSS, &r, &diag), 42);
        CU_ASSERT_EQUAL(r.calls, stop);
    }
    free(sav.data);
}

static void test_detect(void)
{
    CU_ASSERT_EQUAL(pp_stat_detect("$FL3@(#) zsav", 13), PP_LAYOUT_SPSS);
    CU_ASSERT_EQUAL(pp_stat_detect("<stata_dta><header>", 19), PP_LAYOUT_STATA);
    CU_ASSERT_EQUAL(pp_stat_detect("\x72\x02\x01\x00", 4), PP_LAYOUT_STATA);
    CU_ASSERT_EQUAL(pp_stat_detect("$FL", 3), -1);
    CU_ASSERT_EQUAL(pp_stat_detect("r,x,y\n", 6), -1);
    CU_ASSERT_EQUAL(pp_stat_detect("", 0), -1);
}

/* ReadStat running out of memory is reported as that (exit 70), not as a
 * damaged file; its other failures are a damaged file, at the case given. */
static void test_parse_failures(void)
{
    pp_stat_file f = {NULL, 0, "survey.sav"};
    pp_diag diag;
    pp_diag_clear(&diag);
    pp_stat_parse_failed(&diag, &f, PP_LAYOUT_SPSS, 0, READSTAT_ERROR_MALLOC);
    CU_ASSERT_EQUAL(diag.code, PP_ERR_NOMEM);
    CU_ASSERT_EQUAL(pp_error_exit_status(diag.code), 70);
    CU_ASSERT_PTR_NOT_NULL(strstr(diag.detail, "no memory left"));
    CU_ASSERT_PTR_NULL(strstr(diag.detail, "damaged"));
    pp_diag_clear(&diag);
    pp_stat_parse_failed(&diag, &f, PP_LAYOUT_STATA, 7, READSTAT_ERROR_PARSE);
    CU_ASSERT_EQUAL(diag.code, PP_ERR_HEADER);
    CU_ASSERT_EQUAL(diag.line, 7);
    CU_ASSERT_STRING_EQUAL(diag.file, "survey.sav");
    CU_ASSERT_PTR_NOT_NULL(strstr(diag.detail, "damaged or cut short"));
}

CU_ErrorCode add_suites(void)
{
    static CU_TestInfo tests[] = {
        {"sav, dta and sas7bdat as rows", test_every_kind},
        {"another kind, empty, damaged", test_wrong_kind_empty_damaged},
        {"the row callback stops the read", test_callback_stops},
        {"kinds told by their first bytes", test_detect},
        {"out of memory told from a damaged file", test_parse_failures},
        CU_TEST_INFO_NULL,
    };
    return add_suite("stat_rows", tests);
}

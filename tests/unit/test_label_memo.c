/* test_label_memo.c: the per-column memo in front of the label lookup
 * (label_memo.h) answers exactly as pp_label_lookup does, code included,
 * first time and every time after: exact labels, forgiving spellings,
 * unknown answers, blanks, cells too long to remember, cells that differ
 * from a remembered one in one byte or in length only, and more distinct
 * spellings than the memo has places, in several orders. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cunit_main.h"
#include "label.h"
#include "label_memo.h"

static const char *const cells[] = {
    "Poor", "Fair", "Good", "Very good", "Excellent", "Don't know", "Not applicable",
    "poor", "GOOD", " Good ", "Very  good", "very good\r", "Don\xE2\x80\x99t know",
    "\xEF\xBB\xBFPoor", "Goods", "Goo", "Excelent", "Very goo", "Very goodd", "Fai",
    "", " ", "\t", "\xC2\xA0", "Poor Poor", "N/A",
    "Not applicable, not asked of this respondent at all", /* longer than the memo keeps */
    "Not applicable                                        ",
};

static void check_all(pp_label_memo *memo, const pp_label_index *ix, const int *order,
                      size_t n, int *wrong)
{
    for (size_t i = 0; i < n; i++) {
        const char *cell = cells[order[i]];
        int want_code = 12345, got_code = 54321;
        int want = pp_label_lookup(ix, cell, strlen(cell), &want_code);
        int got = pp_label_memo_lookup(memo, ix, cell, strlen(cell), &got_code);
        if (got != want || (want >= 0 && got_code != want_code)) {
            fprintf(stderr, "\"%s\": memo %d (%d), lookup %d (%d)\n", cell, got, got_code,
                    want, want_code);
            (*wrong)++;
        }
    }
}

static pp_label_index *rating_index(pp_scale *scale)
{
    memset(scale, 0, sizeof *scale);
    const char *levels[] = {"Poor", "Fair", "Good", "Very good", "Excellent"};
    for (size_t i = 0; i < 5; i++)
        pp_strings_push_str(&scale->levels, levels[i]);
    pp_strings_push_str(&scale->missing, "Don't know");
    pp_strings_push_str(&scale->missing, "Not applicable");
    return pp_label_index_for_scale(scale);
}

static void test_same_answers(void)
{
    pp_scale scale;
    pp_label_index *ix = rating_index(&scale);
    CU_ASSERT_PTR_NOT_NULL_FATAL(ix);
    enum { N = sizeof cells / sizeof cells[0] };
    int order[N];
    int wrong = 0;
    for (unsigned seed = 1; seed <= 20; seed++) {
        pp_label_memo *memo = calloc(1, sizeof *memo);
        CU_ASSERT_PTR_NOT_NULL_FATAL(memo);
        for (int round = 0; round < 4; round++) {
            for (int i = 0; i < N; i++)
                order[i] = i;
            for (int i = N - 1; i > 0; i--) {       /* a shuffle of its own */
                int j = rand_r(&seed) % (i + 1), t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            check_all(memo, ix, order, N, &wrong);
        }
        free(memo);
    }
    CU_ASSERT_EQUAL(wrong, 0);
    pp_label_index_free(ix);
    pp_strings_clear(&scale.levels);
    pp_strings_clear(&scale.missing);
}

/* Far more spellings than places: those that find no place still get the
 * lookup's answer. */
static void test_more_spellings_than_places(void)
{
    pp_scale scale;
    pp_label_index *ix = rating_index(&scale);
    CU_ASSERT_PTR_NOT_NULL_FATAL(ix);
    pp_label_memo *memo = calloc(1, sizeof *memo);
    CU_ASSERT_PTR_NOT_NULL_FATAL(memo);
    char cell[32];
    int wrong = 0;
    for (int round = 0; round < 3; round++)
        for (int i = 0; i < 4 * PP_LABEL_MEMO_SLOTS; i++) {
            int len = i % 2 ? snprintf(cell, sizeof cell, "Good%*s", i % 17, "")
                            : snprintf(cell, sizeof cell, "x%d", i);
            int want_code = 0, got_code = 0;
            int want = pp_label_lookup(ix, cell, (size_t)len, &want_code);
            int got = pp_label_memo_lookup(memo, ix, cell, (size_t)len, &got_code);
            wrong += got != want || got_code != want_code;
        }
    CU_ASSERT_EQUAL(wrong, 0);
    free(memo);
    pp_label_index_free(ix);
    pp_strings_clear(&scale.levels);
    pp_strings_clear(&scale.missing);
}

CU_ErrorCode add_suites(void)
{
    static CU_TestInfo tests[] = {
        {"the memo answers as the lookup does", test_same_answers},
        {"more spellings than places", test_more_spellings_than_places},
        CU_TEST_INFO_NULL,
    };
    return add_suite("label memo", tests);
}

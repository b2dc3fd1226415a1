/* test_tally_texts.c: counting text answers per (item, slot, answer):
 * every key apart (same answer under another item or slot, answers that
 * differ in one byte or in length only), counts that add up, and every
 * key handed back after the table has grown many times. */
#include <stdio.h>
#include <string.h>

#include "cunit_main.h"
#include "tally_texts.h"

static int add(pp_text_counts *t, size_t item, size_t slot, const char *text)
{
    size_t len = strlen(text);
    return pp_text_counts_add(t, item, slot, text, len, pp_text_hash(text, len));
}

typedef struct {
    size_t keys;
    uint64_t total;
    uint64_t count_of_fine;     /* item 0, slot 0, "fine" */
} summary;

static int sum(size_t item, size_t slot, const char *text, uint64_t count, void *user)
{
    summary *s = user;
    s->keys++;
    s->total += count;
    if (item == 0 && slot == 0 && strcmp(text, "fine") == 0)
        s->count_of_fine = count;
    return 0;
}

static void test_keys_apart(void)
{
    pp_text_counts *t = pp_text_counts_new();
    CU_ASSERT_PTR_NOT_NULL_FATAL(t);
    CU_ASSERT_EQUAL(add(t, 0, 0, "fine"), 0);
    CU_ASSERT_EQUAL(add(t, 0, 0, "fine"), 0);
    CU_ASSERT_EQUAL(add(t, 0, 1, "fine"), 0);       /* another slot */
    CU_ASSERT_EQUAL(add(t, 1, 0, "fine"), 0);       /* another item */
    CU_ASSERT_EQUAL(add(t, 0, 0, "fine!"), 0);      /* longer */
    CU_ASSERT_EQUAL(add(t, 0, 0, "fina"), 0);       /* one byte */
    CU_ASSERT_EQUAL(add(t, 0, 0, ""), 0);
    summary s = {0};
    CU_ASSERT_EQUAL(pp_text_counts_each(t, sum, &s), 0);
    CU_ASSERT_EQUAL(s.keys, 6);
    CU_ASSERT_EQUAL(s.total, 7);
    CU_ASSERT_EQUAL(s.count_of_fine, 2);
    pp_text_counts_free(t);
}

static void test_growth(void)
{
    enum { N = 50000 };
    char text[32];
    pp_text_counts *t = pp_text_counts_new();
    CU_ASSERT_PTR_NOT_NULL_FATAL(t);
    for (int round = 0; round < 3; round++)
        for (int i = 0; i < N; i++) {
            snprintf(text, sizeof text, "answer %d", i);
            CU_ASSERT_EQUAL_FATAL(add(t, (size_t)i % 3, (size_t)i % 5, text), 0);
        }
    summary s = {0};
    CU_ASSERT_EQUAL(pp_text_counts_each(t, sum, &s), 0);
    CU_ASSERT_EQUAL(s.keys, N);
    CU_ASSERT_EQUAL(s.total, 3 * N);
    pp_text_counts_free(t);
}

static int stop_at_first(size_t item, size_t slot, const char *text, uint64_t count,
                         void *user)
{
    (void)item, (void)slot, (void)text, (void)count;
    (*(int *)user)++;
    return 7;
}

static void test_each_stops(void)
{
    pp_text_counts *t = pp_text_counts_new();
    CU_ASSERT_PTR_NOT_NULL_FATAL(t);
    add(t, 0, 0, "a");
    add(t, 0, 0, "b");
    int calls = 0;
    CU_ASSERT_EQUAL(pp_text_counts_each(t, stop_at_first, &calls), 7);
    CU_ASSERT_EQUAL(calls, 1);
    pp_text_counts_free(t);
}

CU_ErrorCode add_suites(void)
{
    static CU_TestInfo tests[] = {
        {"keys differ by item, slot and every byte", test_keys_apart},
        {"every key survives growth", test_growth},
        {"the walk stops when asked", test_each_stops},
        CU_TEST_INFO_NULL,
    };
    return add_suite("tally texts", tests);
}

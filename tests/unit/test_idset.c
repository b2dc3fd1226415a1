/* test_idset.c: the respondent id set: membership, duplicates, ids that
 * differ only in one byte or hold NUL bytes, growth past many table sizes,
 * and that memory stays proportional to the ids. */
#include <stdio.h>
#include <string.h>

#include "cunit_main.h"
#include "idset.h"

static void test_add_and_duplicate(void)
{
    pp_idset *set = pp_idset_new();
    CU_ASSERT_PTR_NOT_NULL_FATAL(set);
    CU_ASSERT_EQUAL(pp_idset_add(set, "R1001", 5), 1);
    CU_ASSERT_EQUAL(pp_idset_add(set, "R1002", 5), 1);
    CU_ASSERT_EQUAL(pp_idset_add(set, "R1001", 5), 0);
    CU_ASSERT_EQUAL(pp_idset_count(set), 2);
    CU_ASSERT_TRUE(pp_idset_contains(set, "R1002", 5));
    CU_ASSERT_FALSE(pp_idset_contains(set, "R1003", 5));
    CU_ASSERT_FALSE(pp_idset_contains(set, "R100", 4));     /* a prefix is another id */
    pp_idset_free(set);
}

static void test_bytes_not_strings(void)
{
    pp_idset *set = pp_idset_new();
    CU_ASSERT_PTR_NOT_NULL_FATAL(set);
    CU_ASSERT_EQUAL(pp_idset_add(set, "a\0b", 3), 1);
    CU_ASSERT_EQUAL(pp_idset_add(set, "a\0c", 3), 1);       /* differs after the NUL */
    CU_ASSERT_EQUAL(pp_idset_add(set, "a", 1), 1);
    CU_ASSERT_EQUAL(pp_idset_add(set, "", 0), 1);
    CU_ASSERT_EQUAL(pp_idset_add(set, "", 0), 0);
    CU_ASSERT_EQUAL(pp_idset_count(set), 4);
    pp_idset_free(set);
}

static void test_growth_keeps_every_id(void)
{
    enum { N = 200000 };
    char id[32];
    pp_idset *set = pp_idset_new();
    CU_ASSERT_PTR_NOT_NULL_FATAL(set);
    for (int i = 0; i < N; i++) {
        int len = snprintf(id, sizeof id, "resp-%d", i);
        CU_ASSERT_EQUAL_FATAL(pp_idset_add(set, id, (size_t)len), 1);
    }
    CU_ASSERT_EQUAL(pp_idset_count(set), N);
    int missing = 0, duplicates_accepted = 0;
    for (int i = 0; i < N; i++) {
        int len = snprintf(id, sizeof id, "resp-%d", i);
        missing += !pp_idset_contains(set, id, (size_t)len);
        duplicates_accepted += pp_idset_add(set, id, (size_t)len) != 0;
    }
    CU_ASSERT_EQUAL(missing, 0);
    CU_ASSERT_EQUAL(duplicates_accepted, 0);
    CU_ASSERT_FALSE(pp_idset_contains(set, "resp-200000", 11));
    /* ids of about 11 bytes: well under 64 bytes each, all in */
    CU_ASSERT(pp_idset_memory(set) < (size_t)N * 64);
    pp_idset_free(set);
}

static CU_TestInfo idset_tests[] = {
    {"add and duplicate", test_add_and_duplicate},
    {"ids are bytes, not C strings", test_bytes_not_strings},
    {"growth keeps every id", test_growth_keeps_every_id},
    CU_TEST_INFO_NULL,
};

CU_ErrorCode add_suites(void)
{
    return add_suite("idset", idset_tests);
}

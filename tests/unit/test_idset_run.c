/* test_idset_run.c: the rising run of numbers kept as differences
 * (idset_run.h): every value pushed is found, no value between them is,
 * across block boundaries, with differences of every size a byte count
 * changes at (1, 127, 128, 16383, 16384, ... 2^56, and 2^64 - 2) and
 * values up to UINT64_MAX. */
#include <stdint.h>
#include <stdlib.h>

#include "cunit_main.h"
#include "idset_run.h"

static const uint64_t gaps[] = {1, 2, 127, 128, 129, 16383, 16384, 2097151, 2097152,
                                UINT64_C(1) << 35, UINT64_C(1) << 49, UINT64_C(1) << 56,
                                3, 1000};   /* 22 rounds of these stay below 2^61 */

static void test_found_and_not(void)
{
    enum { N = 5 * PP_IDRUN_BLOCK + 7 };
    uint64_t values[N];
    pp_idrun run = {0};
    uint64_t v = 5;
    for (int i = 0; i < N; i++) {
        values[i] = v;
        CU_ASSERT_EQUAL_FATAL(pp_idrun_push(&run, v), 1);
        v += gaps[(size_t)i % (sizeof gaps / sizeof gaps[0])];
    }
    int wrong = 0;
    for (int i = 0; i < N; i++) {
        wrong += !pp_idrun_contains(&run, values[i]);
        wrong += pp_idrun_contains(&run, values[i] + 1) != (i + 1 < N && values[i + 1] == values[i] + 1);
        wrong += values[i] > 0 && pp_idrun_contains(&run, values[i] - 1)
                 != (i > 0 && values[i - 1] == values[i] - 1);
    }
    CU_ASSERT_EQUAL(wrong, 0);
    CU_ASSERT_FALSE(pp_idrun_contains(&run, 4));
    CU_ASSERT_FALSE(pp_idrun_contains(&run, 0));
    CU_ASSERT_FALSE(pp_idrun_contains(&run, UINT64_MAX));
    pp_idrun_free(&run);
}

static void test_extremes(void)
{
    pp_idrun run = {0};
    CU_ASSERT_FALSE(pp_idrun_contains(&run, 0));
    CU_ASSERT_EQUAL(pp_idrun_push(&run, 0), 1);
    CU_ASSERT_EQUAL(pp_idrun_push(&run, 1), 1);
    CU_ASSERT_EQUAL(pp_idrun_push(&run, UINT64_MAX - 1), 1);     /* a ten-byte difference */
    CU_ASSERT_EQUAL(pp_idrun_push(&run, UINT64_MAX), 1);
    CU_ASSERT_TRUE(pp_idrun_contains(&run, 0));
    CU_ASSERT_TRUE(pp_idrun_contains(&run, 1));
    CU_ASSERT_FALSE(pp_idrun_contains(&run, 2));
    CU_ASSERT_FALSE(pp_idrun_contains(&run, UINT64_MAX / 2));
    CU_ASSERT_TRUE(pp_idrun_contains(&run, UINT64_MAX - 1));
    CU_ASSERT_TRUE(pp_idrun_contains(&run, UINT64_MAX));
    CU_ASSERT_EQUAL(run.n, 4);
    pp_idrun_free(&run);
}

/* Many values close together: a byte or two each. */
static void test_small(void)
{
    enum { N = 100000 };
    pp_idrun run = {0};
    for (uint64_t i = 0; i < N; i++)
        CU_ASSERT_EQUAL_FATAL(pp_idrun_push(&run, 11441000054ULL + 300 * i), 1);
    CU_ASSERT(pp_idrun_memory(&run) <= 5 * N);
    int missing = 0;
    for (uint64_t i = 0; i < N; i += 97)
        missing += !pp_idrun_contains(&run, 11441000054ULL + 300 * i)
                 + pp_idrun_contains(&run, 11441000054ULL + 300 * i + 150);
    CU_ASSERT_EQUAL(missing, 0);
    pp_idrun_free(&run);
}

CU_ErrorCode add_suites(void)
{
    static CU_TestInfo tests[] = {
        {"pushed values found, others not", test_found_and_not},
        {"0 and UINT64_MAX", test_extremes},
        {"close values take a byte or two", test_small},
        CU_TEST_INFO_NULL,
    };
    return add_suite("idset run", tests);
}

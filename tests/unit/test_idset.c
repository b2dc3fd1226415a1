/* test_idset.c: the respondent id set: membership, duplicates, ids that
 * differ only in one byte or hold NUL bytes, growth past many table sizes,
 * and that memory stays proportional to the ids. Ids written as numbers:
 * never the same as another spelling of the number, exact against a plain
 * reference in every order (rising, falling, shuffled, runs broken now
 * and then), and 8 bytes each when they come in order. */
#include <stdio.h>
#include <stdlib.h>
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

static int add_text(pp_idset *set, const char *id)
{
    return pp_idset_add(set, id, strlen(id));
}

static void test_numbers_and_other_spellings(void)
{
    pp_idset *set = pp_idset_new();
    CU_ASSERT_PTR_NOT_NULL_FATAL(set);
    const char *ids[] = {"7", "07", "+7", "7.0", "7 ", "0", "00", "-0",
                         "9999999999999999999", "09999999999999999999",
                         "18446744073709551615", "18446744073709551616", "11441000054"};
    size_t n = sizeof ids / sizeof ids[0];
    for (size_t i = 0; i < n; i++)
        CU_ASSERT_EQUAL(add_text(set, ids[i]), 1);
    for (size_t i = 0; i < n; i++) {
        CU_ASSERT_EQUAL(add_text(set, ids[i]), 0);
        CU_ASSERT_TRUE(pp_idset_contains(set, ids[i], strlen(ids[i])));
    }
    CU_ASSERT_EQUAL(pp_idset_count(set), n);
    CU_ASSERT_FALSE(pp_idset_contains(set, "8", 1));
    CU_ASSERT_FALSE(pp_idset_contains(set, "1844674407370955161", 19));
    pp_idset_free(set);
}

/* Adds `n` numeric ids made by `next` and checks every answer against a
 * plain array of flags. */
static void against_reference(unsigned long (*next)(int i, unsigned *seed), int n,
                              unsigned long range)
{
    unsigned seed = 12345;
    unsigned char *seen = calloc(range, 1);
    pp_idset *set = pp_idset_new();
    CU_ASSERT_PTR_NOT_NULL_FATAL(seen);
    CU_ASSERT_PTR_NOT_NULL_FATAL(set);
    char id[32];
    int wrong = 0;
    size_t distinct = 0;
    for (int i = 0; i < n; i++) {
        unsigned long v = next(i, &seed) % range;
        int len = snprintf(id, sizeof id, "%lu", v + 100000000000UL);
        int added = pp_idset_add(set, id, (size_t)len);
        wrong += added != !seen[v];
        distinct += !seen[v];
        seen[v] = 1;
    }
    for (unsigned long v = 0; v < range; v++) {
        int len = snprintf(id, sizeof id, "%lu", v + 100000000000UL);
        wrong += pp_idset_contains(set, id, (size_t)len) != seen[v];
    }
    CU_ASSERT_EQUAL(wrong, 0);
    CU_ASSERT_EQUAL(pp_idset_count(set), distinct);
    pp_idset_free(set);
    free(seen);
}

static unsigned long rising(int i, unsigned *seed)
{
    return (unsigned long)i * 3 + (rand_r(seed) % 3);           /* gaps, some repeats */
}

static unsigned long falling(int i, unsigned *seed)
{
    return 300000UL - (unsigned long)i * 3 - (rand_r(seed) % 4);
}

static unsigned long shuffled(int i, unsigned *seed)
{
    (void)i;
    return (unsigned long)rand_r(seed);
}

/* Rising, with ids from anywhere now and then, and stretches falling. */
static unsigned long broken_runs(int i, unsigned *seed)
{
    int r = rand_r(seed) % 100;
    if (r < 5)
        return (unsigned long)rand_r(seed);
    if ((i / 500) % 3 == 2)
        return 200000UL - (unsigned long)i;
    return (unsigned long)i * 2;
}

static void test_numbers_against_reference(void)
{
    against_reference(rising, 100000, 400000);
    against_reference(falling, 100000, 400000);
    against_reference(shuffled, 100000, 150000);
    against_reference(broken_runs, 100000, 400000);
}

/* 11-digit ids in order, a few hundred apart as SurveyMonkey's are: two
 * bytes each and a little (four at most while the run is growing), where
 * they took about 40 as text; falling, the same. */
static void test_numbers_in_order_are_small(void)
{
    enum { N = 200000 };
    char id[32];
    for (int falling = 0; falling <= 1; falling++) {
        pp_idset *set = pp_idset_new();
        CU_ASSERT_PTR_NOT_NULL_FATAL(set);
        for (int i = 0; i < N; i++) {
            unsigned long step = 257UL * (unsigned long)(falling ? N - i : i);
            int len = snprintf(id, sizeof id, "%lu", 11441000054UL + step);
            CU_ASSERT_EQUAL_FATAL(pp_idset_add(set, id, (size_t)len), 1);
        }
        CU_ASSERT_EQUAL(pp_idset_count(set), N);
        CU_ASSERT(pp_idset_memory(set) <= (size_t)N * 5 + 16384);
        pp_idset_free(set);
    }
}

static CU_TestInfo idset_tests[] = {
    {"add and duplicate", test_add_and_duplicate},
    {"ids are bytes, not C strings", test_bytes_not_strings},
    {"growth keeps every id", test_growth_keeps_every_id},
    {"a number is not another spelling of it", test_numbers_and_other_spellings},
    {"numbers in any order, against a reference", test_numbers_against_reference},
    {"numbers in order take 8 bytes", test_numbers_in_order_are_small},
    CU_TEST_INFO_NULL,
};

CU_ErrorCode add_suites(void)
{
    return add_suite("idset", idset_tests);
}

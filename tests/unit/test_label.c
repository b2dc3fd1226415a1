/* test_label.c: forgiving label matching (label.h): normalisation, the
 * compiled lookup for scales and string lists, blanks and the "expected"
 * message. */
#include <stdlib.h>
#include <string.h>

#include "cunit_main.h"
#include "label.h"

static const struct {
    const char *input;
    const char *normal;
} normal_cases[] = {
    {"Don\xE2\x80\x99t know", "don't know"},            /* ’ */
    {"Don\xE2\x80\x98t know", "don't know"},            /* ‘ */
    {"Don`t know", "don't know"},
    {"Don\xC2\xB4t know", "don't know"},                /* ´ */
    {"Don\xE2\x80\xB2t know", "don't know"},            /* ′ */
    {"\xE2\x80\x9C" "Best\xE2\x80\x9D", "\"best\""},       /* “ ” */
    {"\xE2\x80\x9E" "low\xE2\x80\x9F", "\"low\""},      /* „ ‟ */
    {"5\xE2\x80\xB3", "5\""},                           /* ″ */
    {"Very\xC2\xA0good", "very good"},                  /* no-break space */
    {"Very  good", "very good"},
    {"  Very good  ", "very good"},
    {"Very\tgood\r\n", "very good"},
    {"Very\n\n good", "very good"},
    {"\xEF\xBB\xBFPoor", "poor"},                       /* byte-order mark */
    {"POOR", "poor"},
    {"Good\r", "good"},
    {"\xC2\xA0 Good \xC2\xA0", "good"},
    {"", ""},
    {"   ", ""},
    {"Caf\xC3\xA9", "caf\xC3\xA9"},                     /* é is not folded */
    {"\xC3\x89t\xC3\xA9", "\xC3\x89t\xC3\xA9"},         /* nor É */
    {"a-b", "a-b"},                                     /* nor dashes */
    {"x\xE2\x80\x94y", "x\xE2\x80\x94y"},               /* nor — */
    {"\xE2\x80", "\xE2\x80"},                           /* cut UTF-8 kept */
};

static void test_normalize(void)
{
    for (size_t i = 0; i < sizeof normal_cases / sizeof *normal_cases; i++) {
        const char *in = normal_cases[i].input;
        char *out = pp_label_normalize(in, strlen(in));
        CU_ASSERT_PTR_NOT_NULL_FATAL(out);
        if (strcmp(out, normal_cases[i].normal) != 0)
            fprintf(stderr, "case %zu: \"%s\" gave \"%s\"\n", i, in, out);
        CU_ASSERT_STRING_EQUAL(out, normal_cases[i].normal);
        free(out);
    }
}

static const struct {
    const char *a, *b;
    int equal;
} equal_cases[] = {
    {"Don't know", "Don\xE2\x80\x99t know", 1},
    {"Very good", "very  GOOD", 1},
    {"Very good", "Verygood", 0},
    {"Good", "Goods", 0},
    {"Good", "G\xC3\xB6od", 0},
    {"Public sector", "\xEF\xBB\xBF Public\xC2\xA0sector\r", 1},
    {"Good ", "Good", 1},
    {"Good", "Good  \t", 1},
    {"a b", "ab", 0},
    {" ", "", 1},
    {"", "x", 0},
};

static void test_equal(void)
{
    for (size_t i = 0; i < sizeof equal_cases / sizeof *equal_cases; i++) {
        const char *a = equal_cases[i].a, *b = equal_cases[i].b;
        CU_ASSERT_EQUAL(pp_label_equal(a, strlen(a), b, strlen(b)), equal_cases[i].equal);
        CU_ASSERT_EQUAL(pp_label_equal(b, strlen(b), a, strlen(a)), equal_cases[i].equal);
    }
}

/* pp_label_equal reads both labels' normal forms a byte at a time, without
 * a copy: it must agree with comparing what pp_label_normalize writes, for
 * every pair of the normalisation cases. */
static void test_equal_as_normalized(void)
{
    size_t n = sizeof normal_cases / sizeof *normal_cases;
    for (size_t i = 0; i < n; i++)
        for (size_t j = 0; j < n; j++) {
            const char *a = normal_cases[i].input, *b = normal_cases[j].input;
            char *na = pp_label_normalize(a, strlen(a));
            char *nb = pp_label_normalize(b, strlen(b));
            CU_ASSERT_PTR_NOT_NULL_FATAL(na);
            CU_ASSERT_PTR_NOT_NULL_FATAL(nb);
            int want = strcmp(na, nb) == 0;
            if (pp_label_equal(a, strlen(a), b, strlen(b)) != want)
                fprintf(stderr, "cases %zu and %zu: equal should be %d\n", i, j, want);
            CU_ASSERT_EQUAL(pp_label_equal(a, strlen(a), b, strlen(b)), want);
            free(na);
            free(nb);
        }
}

static void test_blank(void)
{
    static const char *blank[] = {"", " ", "\t\r\n", "\xC2\xA0", "\xEF\xBB\xBF  "};
    static const char *not_blank[] = {"x", " - ", "0", "\xE2\x80\x99"};
    for (size_t i = 0; i < sizeof blank / sizeof *blank; i++)
        CU_ASSERT_TRUE(pp_label_is_blank(blank[i], strlen(blank[i])));
    for (size_t i = 0; i < sizeof not_blank / sizeof *not_blank; i++)
        CU_ASSERT_FALSE(pp_label_is_blank(not_blank[i], strlen(not_blank[i])));
}

/* A rating scale like the NPTSC survey's, built by hand. */
static void make_scale(pp_scale *scale)
{
    memset(scale, 0, sizeof *scale);
    const char *levels[] = {"Poor", "Fair", "Good", "Very good", "Excellent"};
    for (size_t i = 0; i < 5; i++)
        pp_strings_push_str(&scale->levels, levels[i]);
    pp_strings_push_str(&scale->missing, "Don't know");
    pp_strings_push_str(&scale->missing, "Not applicable");
}

static void free_scale(pp_scale *scale)
{
    pp_strings_clear(&scale->levels);
    pp_strings_clear(&scale->missing);
}

static const struct {
    const char *cell;
    int result, code;
} lookup_cases[] = {
    {"Poor", 1, 1},
    {"Excellent", 1, 5},
    {"very good", 1, 4},
    {" Very\xC2\xA0Good\r", 1, 4},
    {"\xEF\xBB\xBFGood", 1, 3},
    {"Don\xE2\x80\x99t know", 1, -1},
    {"DON'T KNOW", 1, -1},
    {"Not  applicable", 1, -2},
    {"", 0, 0},
    {"  \t ", 0, 0},
    {"Goodish", -1, 0},
    {"Very", -1, 0},
    {"Excellent and then a great deal more text than any label holds", -1, 0},
};

static void test_lookup_scale(void)
{
    pp_scale scale;
    make_scale(&scale);
    pp_label_index *ix = pp_label_index_for_scale(&scale);
    CU_ASSERT_PTR_NOT_NULL_FATAL(ix);
    for (size_t i = 0; i < sizeof lookup_cases / sizeof *lookup_cases; i++) {
        int code = 99;
        const char *cell = lookup_cases[i].cell;
        int result = pp_label_lookup(ix, cell, strlen(cell), &code);
        CU_ASSERT_EQUAL(result, lookup_cases[i].result);
        if (result >= 0)
            CU_ASSERT_EQUAL(code, lookup_cases[i].code);
    }
    pp_label_index_free(ix);
    free_scale(&scale);
}

/* Lookups of long labels (longer than the stack buffer) still match. */
static void test_lookup_strings(void)
{
    pp_strings options = {0};
    char long_option[700];
    memset(long_option, 'x', sizeof long_option - 1);
    long_option[sizeof long_option - 1] = '\0';
    pp_strings_push_str(&options, "Networking, events and forums");
    pp_strings_push_str(&options, "Masterclasses");
    pp_strings_push_str(&options, long_option);
    pp_label_index *ix = pp_label_index_for_strings(&options);
    CU_ASSERT_PTR_NOT_NULL_FATAL(ix);
    int code = 0;
    CU_ASSERT_EQUAL(pp_label_lookup(ix, "masterclasses ", 14, &code), 1);
    CU_ASSERT_EQUAL(code, 2);
    CU_ASSERT_EQUAL(pp_label_lookup(ix, "Networking,  events and forums", 30, &code), 1);
    CU_ASSERT_EQUAL(code, 1);
    char padded[800];
    snprintf(padded, sizeof padded, "  %s  ", long_option);
    CU_ASSERT_EQUAL(pp_label_lookup(ix, padded, strlen(padded), &code), 1);
    CU_ASSERT_EQUAL(code, 3);
    padded[5] = 'y';
    CU_ASSERT_EQUAL(pp_label_lookup(ix, padded, strlen(padded), &code), -1);
    pp_label_index_free(ix);
    pp_strings_clear(&options);
}

static void test_expected(void)
{
    pp_scale scale;
    make_scale(&scale);
    char buf[200];
    pp_label_expected(&scale, buf, sizeof buf);
    CU_ASSERT_STRING_EQUAL(buf, "Poor | Fair | Good | Very good | Excellent | "
                                "Don't know | Not applicable");
    char small[16];
    memset(small, '#', sizeof small);
    pp_label_expected(&scale, small, sizeof small);
    CU_ASSERT_TRUE(strlen(small) < sizeof small);
    CU_ASSERT_STRING_EQUAL(small, "Poor | Fair...");
    char tiny[3] = "zz";
    pp_label_expected(&scale, tiny, sizeof tiny);
    CU_ASSERT_TRUE(strlen(tiny) < sizeof tiny);
    pp_label_expected(&scale, tiny, 0);           /* nothing written */
    free_scale(&scale);
}

static CU_TestInfo label_tests[] = {
    {"normalise", test_normalize},
    {"equal", test_equal},
    {"equal as normalized", test_equal_as_normalized},
    {"blank", test_blank},
    {"lookup in a scale", test_lookup_scale},
    {"lookup in a list of long options", test_lookup_strings},
    {"expected labels", test_expected},
    CU_TEST_INFO_NULL,
};

CU_ErrorCode add_suites(void)
{
    return add_suite("label", label_tests);
}

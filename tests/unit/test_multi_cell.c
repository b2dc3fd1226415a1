/* test_multi_cell.c: one-cell multi-select matching, as a table of cells
 * and the options they must tick (or the piece they must reject). The
 * options include one with a comma and one that is a prefix of another. */
#include <string.h>

#include "cunit_main.h"
#include "label.h"
#include "multi_cell.h"

static const char *const option_labels[] = {
    "Networking, events and forums",   /* a comma inside */
    "Masterclasses",
    "Electronic material",
    "Networking",                      /* a prefix of the first */
};
#define N_OPTIONS 4

static const struct {
    const char *cell;
    const char *ticks;      /* expected ticks, or NULL when rejected */
    const char *bad;        /* the piece rejected */
} cases[] = {
    {"", "0000", NULL},
    {"Masterclasses", "0100", NULL},
    {"Networking, events and forums", "1000", NULL},
    {"Networking, events and forums, Masterclasses", "1100", NULL},
    {"Networking, events and forums,Masterclasses", "1100", NULL},
    {"Masterclasses;Electronic material", "0110", NULL},
    {"Masterclasses ; Networking, events and forums", "1100", NULL},
    {"Networking, Masterclasses", "0101", NULL},
    {"Networking", "0001", NULL},
    {"  masterclasses ,  ELECTRONIC   material ", "0110", NULL},
    {"Masterclasses, , Networking", "0101", NULL},
    {"Masterclasses, Webinars", NULL, "Webinars"},
    {"Networking, events", NULL, "events"},
    {"Webinars and more , Masterclasses", NULL, "Webinars and more"},
};

static void test_table(void)
{
    pp_strings options = {0};
    for (size_t i = 0; i < N_OPTIONS; i++)
        CU_ASSERT_EQUAL_FATAL(pp_strings_push_str(&options, option_labels[i]), 0);
    pp_label_index *ix = pp_label_index_for_strings(&options);
    CU_ASSERT_PTR_NOT_NULL_FATAL(ix);
    size_t max_separators = pp_multi_cell_max_separators(&options);
    CU_ASSERT_EQUAL(max_separators, 1);
    for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
        char ticks[N_OPTIONS + 1] = "0000";
        const char *bad = NULL;
        size_t bad_len = 0;
        int ok = pp_multi_cell_match(ix, max_separators, cases[c].cell,
                                     strlen(cases[c].cell), ticks, &bad, &bad_len);
        if (cases[c].ticks != NULL) {
            CU_ASSERT_EQUAL(ok, 1);
            CU_ASSERT_STRING_EQUAL(ticks, cases[c].ticks);
        } else {
            CU_ASSERT_EQUAL(ok, 0);
            CU_ASSERT_PTR_NOT_NULL_FATAL(bad);
            CU_ASSERT_EQUAL(bad_len, strlen(cases[c].bad));
            CU_ASSERT_NSTRING_EQUAL(bad, cases[c].bad, strlen(cases[c].bad));
        }
    }
    pp_label_index_free(ix);
    pp_strings_clear(&options);
}

/* Options with no separators look only one piece ahead. */
static void test_max_separators(void)
{
    pp_strings options = {0};
    CU_ASSERT_EQUAL(pp_multi_cell_max_separators(&options), 0);
    pp_strings_push_str(&options, "A");
    pp_strings_push_str(&options, "B, C; D");
    CU_ASSERT_EQUAL(pp_multi_cell_max_separators(&options), 2);
    pp_strings_clear(&options);
}

static CU_TestInfo multi_cell_tests[] = {
    {"cells and the options they tick", test_table},
    {"most separators in an option", test_max_separators},
    CU_TEST_INFO_NULL,
};

CU_ErrorCode add_suites(void)
{
    return add_suite("multi_cell", multi_cell_tests);
}

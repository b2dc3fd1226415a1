/* test_plot_text.c: text made safe for gnuplot datablocks (plot_text.h),
 * the chart name rule (chart_name.h) and a battery's title and bar labels
 * (pp_battery_title, plot_chart_titles). */
#include <stdlib.h>
#include <string.h>

#include "chart_name.h"
#include "cunit_main.h"
#include "plot_chart.h"
#include "plot_text.h"

static const struct {
    const char *input;
    size_t max;
    const char *clean;
} clean_cases[] = {
    {"Very good", 120, "Very good"},
    {"  Very \t\r\n good  ", 120, "Very good"},
    {"say \"hi\" now", 120, "say \xE2\x80\x9Chi\xE2\x80\x9D now"},
    {"a\\b", 120, "a\xE2\x88\x96" "b"},
    {"x\\\"y", 120, "x\xE2\x88\x96\xE2\x80\x9Cy"},
    {"`touch x`", 120, "`touch x`"},                     /* inert in a datablock */
    {"EOD", 120, "EOD"},
    {"a]]>b", 120, "a]] >b"},
    {"]]]>", 120, "]]] >"},
    {"a\x01" "b\x7F" "c", 120, "a b c"},
    {"a\xC2\x85" "b", 120, "a b"},                        /* C1 next line */
    {"a\xE2\x80\xA8" "b", 120, "a b"},                    /* line separator */
    {"caf\xC3\xA9", 120, "caf\xC3\xA9"},
    {"bad \xFF byte", 120, "bad \xEF\xBF\xBD byte"},
    {"cut \xE2\x80", 120, "cut \xEF\xBF\xBD\xEF\xBF\xBD"},
    {"overlong \xC0\xAF", 120, "overlong \xEF\xBF\xBD"},
    {"one two three four", 12, "one two\xE2\x80\xA6"},
    {"abcdefghij", 4, "abcd\xE2\x80\xA6"},
    {"", 120, ""},
    {"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", 120,
     "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa aaaa"},         /* a break every 32 */
};

static void test_clean(void)
{
    for (size_t i = 0; i < sizeof clean_cases / sizeof *clean_cases; i++) {
        char *out = plot_text_clean(clean_cases[i].input, clean_cases[i].max);
        CU_ASSERT_PTR_NOT_NULL_FATAL(out);
        if (strcmp(out, clean_cases[i].clean) != 0)
            fprintf(stderr, "case %zu: gave \"%s\"\n", i, out);
        CU_ASSERT_STRING_EQUAL(out, clean_cases[i].clean);
        free(out);
    }
}

/* However long or strange, the field is one quoted line with no quote,
 * backslash or control character inside. */
static void test_field_is_one_line(void)
{
    char input[2048];
    for (size_t i = 0; i < sizeof input - 1; i++)
        input[i] = (char)(1 + (i * 37) % 255);
    input[sizeof input - 1] = '\0';
    char *buf = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&buf, &len);
    CU_ASSERT_EQUAL_FATAL(plot_write_field(out, input, PLOT_LABEL_MAX), 0);
    fclose(out);
    CU_ASSERT_EQUAL(buf[0], '"');
    CU_ASSERT_EQUAL(buf[len - 1], '"');
    for (size_t i = 1; i + 1 < len; i++) {
        unsigned char c = (unsigned char)buf[i];
        CU_ASSERT(c >= 0x20 && c != 0x7F && c != '"' && c != '\\');
    }
    free(buf);
}

static void test_path(void)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&buf, &len);
    CU_ASSERT_EQUAL(plot_write_path(out, "out/it's"), 0);
    CU_ASSERT_EQUAL(plot_write_path(out, "bad\nname"), -1);
    fclose(out);
    CU_ASSERT_STRING_EQUAL(buf, "'out/it''s'");
    free(buf);
}

static void test_chart_name(void)
{
    pp_item single = {.kind = PP_ITEM_SINGLE, .id = "expectations"};
    pp_item in_battery = {.kind = PP_ITEM_PAIRED, .id = "planning", .battery = "cycle"};
    pp_item text = {.kind = PP_ITEM_TEXT, .id = "comments"};
    CU_ASSERT_STRING_EQUAL(pp_chart_name(&single), "expectations");
    CU_ASSERT_STRING_EQUAL(pp_chart_name(&in_battery), "cycle");
    CU_ASSERT_PTR_NULL(pp_chart_name(&text));
}

/* Titles of a battery: the shared question and what follows in each. */
static void check_titles(const char *const *titles, size_t n, const char *name,
                         const char *want_title, const char *const *want_labels)
{
    pp_item items[4] = {{0}};
    const pp_item *list[4];
    for (size_t i = 0; i < n; i++) {
        items[i].title = (char *)titles[i];
        list[i] = &items[i];
    }
    plot_chart chart = {.name = name, .items = list, .n_items = n};
    CU_ASSERT_EQUAL_FATAL(plot_chart_titles(&chart), 0);
    CU_ASSERT_STRING_EQUAL(chart.title, want_title);
    for (size_t i = 0; i < n; i++) {
        CU_ASSERT_STRING_EQUAL(chart.labels[i], want_labels[i]);
        free(chart.labels[i]);
    }
    free(chart.labels);
    free(chart.title);
}

static void test_titles(void)
{
    const char *cycle[] = {"Works at this stage: needs analysis", "Works at this stage: planning"};
    const char *cycle_labels[] = {"Needs analysis", "Planning"};
    check_titles(cycle, 2, "works", "Works at this stage", cycle_labels);
    const char *apart[] = {"Understanding", "Positioning"};
    check_titles(apart, 2, "staff_outcomes", "Staff outcomes", apart);
    const char *nested[] = {"Q: a: one", "Q: a: two", "Q: b"};
    const char *nested_labels[] = {"A: one", "A: two", "B"};
    check_titles(nested, 3, "q", "Q", nested_labels);
    const char *one[] = {"Only: this"};
    check_titles(one, 1, "solo", "Only: this", one);
}

/* The battery title both the chart and the dashboard give a battery. */
static void check_battery_title(const char *const *titles, size_t n, const char *name,
                                const char *want_title, const size_t *want_label_at)
{
    size_t label_at[4];
    char *title = pp_battery_title(name, titles, n, label_at);
    CU_ASSERT_PTR_NOT_NULL_FATAL(title);
    CU_ASSERT_STRING_EQUAL(title, want_title);
    for (size_t i = 0; i < n; i++)
        CU_ASSERT_EQUAL(label_at[i], want_label_at[i]);
    free(title);
}

static void test_battery_title(void)
{
    const char *cycle[] = {"Works at this stage: needs analysis", "Works at this stage: planning"};
    const size_t cycle_at[] = {21, 21};
    check_battery_title(cycle, 2, "works", "Works at this stage", cycle_at);
    const char *dash[] = {"Rate us - staff", "Rate us - venue", "Rate us - food"};
    const size_t dash_at[] = {10, 10, 10};
    check_battery_title(dash, 3, "rate", "Rate us", dash_at);
    const char *apart[] = {"Understanding", "Positioning"};
    const size_t apart_at[] = {0, 0};
    check_battery_title(apart, 2, "staff_outcomes", "Staff outcomes", apart_at);
    /* a separator that ends a title leaves no label: not the question */
    const char *ends[] = {"Ask: a", "Ask: "};
    check_battery_title(ends, 2, "ask-me", "Ask me", apart_at);
    const char *one[] = {"Only: this"};
    check_battery_title(one, 1, "solo", "Only: this", apart_at);
    char *no_labels = pp_battery_title("works", cycle, 2, NULL);
    CU_ASSERT_STRING_EQUAL(no_labels, "Works at this stage");
    free(no_labels);
}

CU_ErrorCode add_suites(void)
{
    static CU_TestInfo tests[] = {
        {"cleaning text", test_clean},
        {"a field is one safe line", test_field_is_one_line},
        {"paths as gnuplot strings", test_path},
        {"chart names", test_chart_name},
        {"battery titles and labels", test_titles},
        {"battery title shared with the dashboard", test_battery_title},
        CU_TEST_INFO_NULL,
    };
    return add_suite("plot_text", tests);
}

/* test_html_escape.c: HTML escaping of hostile labels, titles and comments
 * (html_escape.h), and names made safe for relative URLs. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cunit_main.h"
#include "html_escape.h"

static const struct {
    const char *input;
    const char *escaped;
} cases[] = {
    {"", ""},
    {"Very good", "Very good"},
    {"<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"},
    {"\"><img src=x onerror=alert(1)>", "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"},
    {"Don't \"know\"", "Don&#39;t &quot;know&quot;"},
    {"&amp;", "&amp;amp;"},
    {"`date` $(rm -rf x)", "&#96;date&#96; $(rm -rf x)"},
    {"line one\nline two\ttab", "line one\nline two\ttab"},
    {"bell\a nul-free \x1b[31m del\x7f", "bell  nul-free  [31m del "},
    {"Caf\xC3\xA9 \xE2\x80\x99", "Caf\xC3\xA9 \xE2\x80\x99"},   /* UTF-8 kept */
};

static void test_escape_cases(void)
{
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char *got = pp_html_escape(cases[i].input);
        CU_ASSERT_PTR_NOT_NULL_FATAL(got);
        if (strcmp(got, cases[i].escaped) != 0)
            fprintf(stderr, "case %zu: gave \"%s\"\n", i, got);
        CU_ASSERT_STRING_EQUAL(got, cases[i].escaped);
        free(got);
    }
}

/* pp_html_put writes exactly what pp_html_escape returns. */
static void test_put_matches_escape(void)
{
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char *buf = NULL;
        size_t len = 0;
        FILE *mem = open_memstream(&buf, &len);
        CU_ASSERT_PTR_NOT_NULL_FATAL(mem);
        CU_ASSERT_EQUAL(pp_html_put(mem, cases[i].input), 0);
        fclose(mem);
        CU_ASSERT_STRING_EQUAL(buf, cases[i].escaped);
        free(buf);
    }
}

/* Nothing that could close an attribute or open a tag survives. */
static void test_long_hostile_label(void)
{
    size_t n = 7 * 14286;     /* about 100 kB, whole rounds of 7 */
    char *label = malloc(n + 1);
    CU_ASSERT_PTR_NOT_NULL_FATAL(label);
    for (size_t i = 0; i < n; i++)
        label[i] = "<>\"'`&x"[i % 7];
    label[n] = '\0';
    char *got = pp_html_escape(label);
    CU_ASSERT_PTR_NOT_NULL_FATAL(got);
    CU_ASSERT_PTR_NULL(strpbrk(got, "<>\"'`"));
    CU_ASSERT_EQUAL(strlen(got), (n / 7) * (4 + 4 + 6 + 5 + 5 + 5 + 1));
    free(label);
    free(got);
}

static void test_safe_name(void)
{
    char buf[16];
    CU_ASSERT_STRING_EQUAL(pp_html_safe_name(buf, sizeof buf, "works_public-2"), "works_public-2");
    CU_ASSERT_STRING_EQUAL(pp_html_safe_name(buf, sizeof buf, "../x\"y"), "___x_y");
    CU_ASSERT_STRING_EQUAL(pp_html_safe_name(buf, sizeof buf, ""), "_");
    CU_ASSERT_STRING_EQUAL(pp_html_safe_name(buf, sizeof buf, NULL), "_");
    CU_ASSERT_STRING_EQUAL(pp_html_safe_name(buf, sizeof buf, "caf\xC3\xA9"), "caf__");
    CU_ASSERT_STRING_EQUAL(pp_html_safe_name(buf, 4, "abcdef"), "abc");
}

CU_ErrorCode add_suites(void)
{
    static CU_TestInfo escape_tests[] = {
        {"hostile and ordinary text", test_escape_cases},
        {"put writes what escape returns", test_put_matches_escape},
        {"a very long hostile label", test_long_hostile_label},
        {"names safe for relative URLs", test_safe_name},
        {NULL, NULL},
    };
    return add_suite("html_escape", escape_tests);
}

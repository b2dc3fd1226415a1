/* test_table_escape.c: labels made safe for the CSV, Markdown and LaTeX
 * tables (text_escape.h), case by case, hostile labels included. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cunit_main.h"
#include "csv_field.h"
#include "text_escape.h"

typedef struct {
    const char *input;
    const char *escaped;
} escape_case;

static const escape_case csv_cases[] = {
    {"", ""},
    {"Very good", "Very good"},
    {"CIPFA & SROI-UK", "CIPFA & SROI-UK"},
    {"a,b", "\"a,b\""},
    {"say \"no\"", "\"say \"\"no\"\"\""},
    {"\"", "\"\"\"\""},
    {"two\nlines", "\"two\nlines\""},
    {"cr\rlf\r\n", "\"cr\rlf\r\n\""},
    {"  spaced  ", "  spaced  "},
    {"| & % $ # _ { } \\ ~ ^ <script>", "| & % $ # _ { } \\ ~ ^ <script>"},
    {"Caf\xC3\xA9 \xE2\x80\x99", "Caf\xC3\xA9 \xE2\x80\x99"},
    /* what a spreadsheet would run gets an apostrophe; numbers do not */
    {"=HYPERLINK(\"http://x\",\"y\")", "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\""},
    {"=1+1", "\"'=1+1\""},
    {"+cmd|' /C calc'!A0", "\"'+cmd|' /C calc'!A0\""},
    {"-2+3", "\"'-2+3\""},
    {"@SUM(A1:A9)", "\"'@SUM(A1:A9)\""},
    {"\tx", "\"'\tx\""},
    {"\rx", "\"'\rx\""},
    {"-", "\"'-\""},
    {"-0.5", "-0.5"},
    {"+3", "+3"},
    {"-12.25", "-12.25"},
    {"-1e-05", "-1e-05"},
    {"+.5", "+.5"},
    {"-1e", "\"'-1e\""},
    {"a=b", "a=b"},
    {"'=1", "\"''=1\""},
    {"'abc", "'abc"},
    {"'-0.5", "'-0.5"},
};

static const escape_case md_cases[] = {
    {"", ""},
    {"Very good", "Very good"},
    {"CIPFA & SROI-UK", "CIPFA & SROI-UK"},
    {"a|b", "a\\|b"},
    {"back\\slash", "back\\\\slash"},
    {"\\|", "\\\\\\|"},
    {"one\ntwo\r\nthree\rfour", "one<br>two<br>three<br>four"},
    {"<script>alert(1)</script>", "\\<script\\>alert(1)\\</script\\>"},
    {"*bold* _it_ `code` [link](x) ~~del~~ $x$",
     "\\*bold\\* \\_it\\_ \\`code\\` \\[link\\](x) \\~\\~del\\~\\~ \\$x\\$"},
    {"&amp; &#39; &x; & ;", "\\&amp; \\&#39; \\&x; & ;"},
    {", \" % # { } ^", ", \" % # { } ^"},
    {"Caf\xC3\xA9", "Caf\xC3\xA9"},
};

static const escape_case tex_cases[] = {
    {"", ""},
    {"Very good", "Very good"},
    {"CIPFA & SROI-UK", "CIPFA \\& SROI-UK"},
    {"# $ % & _ { }", "\\# \\$ \\% \\& \\_ \\{ \\}"},
    {"~^\\", "\\textasciitilde{}\\textasciicircum{}\\textbackslash{}"},
    {"\\textbf{x}", "\\textbackslash{}textbf\\{x\\}"},
    {"<script>", "\\textless{}script\\textgreater{}"},
    {"a|b", "a\\textbar{}b"},
    {"[1] *x*", "{[}1{]} {*}x{*}"},
    {"two\nlines\r\nend", "two lines end"},
    {"100%", "100\\%"},
    {"\"quoted\", fine", "\"quoted\", fine"},
    {"Caf\xC3\xA9", "Caf\xC3\xA9"},
};

static void check_cases(const char *format, char *(*escape)(const char *),
                        const escape_case *cases, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        char *got = escape(cases[i].input);
        CU_ASSERT_PTR_NOT_NULL_FATAL(got);
        if (strcmp(got, cases[i].escaped) != 0)
            fprintf(stderr, "%s case %zu: gave \"%s\", expected \"%s\"\n", format, i, got,
                    cases[i].escaped);
        CU_ASSERT_STRING_EQUAL(got, cases[i].escaped);
        free(got);
    }
}

static void test_csv(void)
{
    check_cases("CSV", pp_escape_csv, csv_cases, sizeof csv_cases / sizeof *csv_cases);
}

static void test_md(void)
{
    check_cases("Markdown", pp_escape_md, md_cases, sizeof md_cases / sizeof *md_cases);
}

static void test_tex(void)
{
    check_cases("LaTeX", pp_escape_tex, tex_cases, sizeof tex_cases / sizeof *tex_cases);
}

/* No byte 1..255 survives unescaped where the format gives it a meaning. */
static void test_every_byte(void)
{
    for (int c = 1; c < 256; c++) {
        char in[2] = {(char)c, '\0'};
        char *md = pp_escape_md(in), *tex = pp_escape_tex(in), *csv = pp_escape_csv(in);
        CU_ASSERT_PTR_NOT_NULL_FATAL(md);
        CU_ASSERT_PTR_NOT_NULL_FATAL(tex);
        CU_ASSERT_PTR_NOT_NULL_FATAL(csv);
        if (strchr("|\\*_`[]<>~$", c) != NULL)
            CU_ASSERT(md[0] == '\\' && strlen(md) == 2);
        if (strchr("#$%&_{}~^\\<>|", c) != NULL)
            CU_ASSERT(tex[0] == '\\');
        CU_ASSERT(strchr(tex, '\n') == NULL && strchr(md, '\n') == NULL);
        if (strchr(",\"\r\n=+-@\t", c) != NULL)
            CU_ASSERT(csv[0] == '"');
        if (strchr("=+-@\t\r", c) != NULL)
            CU_ASSERT(csv[1] == '\'');
        free(md);
        free(tex);
        free(csv);
    }
}

/* Read back, a field gives the text it was written from: the apostrophe
 * put in front of a formula goes, any other stays; written and read back,
 * every text comes out as it went in. */
static void test_field_text(void)
{
    static const escape_case cases[] = {
        {"'=1+1", "=1+1"}, {"'@SUM(A1)", "@SUM(A1)"}, {"'-", "-"}, {"'\tx", "\tx"},
        {"=1+1", "=1+1"}, {"'abc", "'abc"}, {"'-0.5", "'-0.5"}, {"'", "'"}, {"", ""},
        {"''=1", "'=1"}, {"'''=1", "''=1"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
        CU_ASSERT_STRING_EQUAL(pp_csv_field_text(cases[i].input), cases[i].escaped);

    static const char *texts[] = {"=1", "'=1", "''=1", "'abc", "-0.5", "'-0.5", "'", "-", "@x", "ok"};
    for (size_t i = 0; i < sizeof texts / sizeof *texts; i++) {
        char *field = pp_escape_csv(texts[i]);      /* no comma or quote: unquote by hand */
        CU_ASSERT_PTR_NOT_NULL_FATAL(field);
        size_t len = strlen(field);
        if (field[0] == '"') {
            memmove(field, field + 1, len - 2);
            field[len - 2] = '\0';
        }
        CU_ASSERT_STRING_EQUAL(pp_csv_field_text(field), texts[i]);
        free(field);
    }
}

CU_ErrorCode add_suites(void)
{
    static CU_TestInfo tests[] = {
        {"CSV fields (RFC 4180)", test_csv},
        {"Markdown pipe-table cells", test_md},
        {"LaTeX text", test_tex},
        {"every byte", test_every_byte},
        {"fields read back", test_field_text},
        CU_TEST_INFO_NULL,
    };
    return add_suite("table_escape", tests);
}

/* test_codebook.c: reading survey.ini (codebook.h): a codebook that uses
 * every section and key, panels, long lines, and a table of broken
 * codebooks with the line and words each must be reported with. */
#include <stdlib.h>
#include <string.h>

#include "codebook.h"
#include "cunit_main.h"

static pp_codebook *read_text(const char *text, pp_diag *diag)
{
    pp_diag_clear(diag);
    return pp_codebook_read_buffer(text, strlen(text), "surveys/survey.ini", diag);
}

static const char full_codebook[] =
    "\xEF\xBB\xBF; NPTSC participant survey\n"                      /*  1 */
    "[survey]\n"                                                    /*  2 */
    "title    = NPTSC participant survey 2010/11\n"                 /*  3 */
    "export   = nptsc-2011.csv.gz      ; gzip by content\n"         /*  4 */
    "Layout   = SurveyMonkey\n"                                     /*  5 */
    "id       = Respondent ID\n"                                    /*  6 */
    "min_base = 30\n"                                               /*  7 */
    "seed     = 20110301\n"                                         /*  8 */
    "\n"                                                            /*  9 */
    "[scale rating]\n"                                              /* 10 */
    "levels  = Poor | Fair | Good | Very good | Excellent\n"        /* 11 */
    "top     = Very good | Excellent\n"                             /* 12 */
    "bottom  = Poor\n"                                              /* 13 */
    "missing = Don't know | Not applicable\n"                       /* 14 */
    "centre  = Fair | Good\n"                                       /* 15 */
    "[scale agree]\n"                                               /* 16 */
    "levels = Disagree | Neutral | Agree\n"                         /* 17 */
    "centre = Neutral\n"                                            /* 18 */
    "[segment sector]\n"                                            /* 19 */
    "column = Which sector does your organisation belong to?\n"     /* 20 */
    "levels = Public sector | Third sector\n"                       /* 21 */
    "[paired awareness]\n"                                          /* 22 */
    "title  = How would you rate your awareness?\n"                 /* 23 */
    "scale  = rating\n"                                             /* 24 */
    "before = Awareness / Before the programme\n"                   /* 25 */
    "after  = Awareness / After the programme\n"                    /* 26 */
    "among  = sector = public Sector\n"                             /* 27 */
    "battery = skills\n"                                            /* 28 */
    "order  = as written\n"                                         /* 29 */
    "[single needs_analysis]\n"                                     /* 30 */
    "title   = My involvement has improved\n"                       /* 31 */
    "   the way we work\n"                                          /* 32 */
    "scale   = agree\n"                                             /* 33 */
    "column  = Needs analysis\n"                                    /* 34 */
    "battery = cycle_public\n"                                      /* 35 */
    "wave    = after\n"                                             /* 36 */
    "[multi support]\n"                                             /* 37 */
    "title   = What support would you like?\n"                      /* 38 */
    "columns = Support / Networking | Support / Masterclasses | Other\n" /* 39 */
    "[multi channels]\n"                                            /* 40 */
    "column  = Channels\n"                                          /* 41 */
    "options = Email, post and phone | Web\n"                       /* 42 */
    "[multi named]\n"                                               /* 43 */
    "columns = #7 | #8\n"                                           /* 44 */
    "options = Seven | Eight\n"                                     /* 45 */
    "[text implemented]\n"                                          /* 46 */
    "title  = Have you already implemented what was learned?\n"     /* 47 */
    "column = Implemented: comments\n";                             /* 48 */

static void test_full_codebook(void)
{
    pp_diag diag;
    pp_codebook *cb = read_text(full_codebook, &diag);
    if (cb == NULL)
        pp_diag_print(&diag, "test", stderr);
    CU_ASSERT_PTR_NOT_NULL_FATAL(cb);
    CU_ASSERT_STRING_EQUAL(cb->path, "surveys/survey.ini");
    CU_ASSERT_STRING_EQUAL(cb->dir, "surveys");
    CU_ASSERT_STRING_EQUAL(cb->title, "NPTSC participant survey 2010/11");
    CU_ASSERT_STRING_EQUAL(cb->export_path, "nptsc-2011.csv.gz");
    CU_ASSERT_PTR_NULL(cb->before_export);
    CU_ASSERT_FALSE(pp_codebook_is_panel(cb));
    CU_ASSERT_EQUAL(cb->layout, PP_LAYOUT_SURVEYMONKEY);
    CU_ASSERT_EQUAL(cb->before_layout, PP_LAYOUT_SURVEYMONKEY);
    CU_ASSERT_STRING_EQUAL(cb->id_column, "Respondent ID");
    CU_ASSERT_EQUAL(cb->min_base, 30);
    CU_ASSERT_EQUAL(cb->seed, 20110301UL);

    CU_ASSERT_EQUAL_FATAL(cb->n_scales, 2);
    const pp_scale *rating = &cb->scales[0];
    CU_ASSERT_STRING_EQUAL(rating->name, "rating");
    CU_ASSERT_EQUAL(rating->line, 10);
    CU_ASSERT_EQUAL_FATAL(rating->levels.count, 5);
    CU_ASSERT_STRING_EQUAL(rating->levels.items[3], "Very good");
    CU_ASSERT_EQUAL_FATAL(rating->missing.count, 2);
    CU_ASSERT_STRING_EQUAL(rating->missing.items[0], "Don't know");
    static const unsigned char top[5] = {0, 0, 0, 1, 1}, bottom[5] = {1, 0, 0, 0, 0};
    CU_ASSERT_EQUAL(memcmp(rating->is_top, top, 5), 0);
    CU_ASSERT_EQUAL(memcmp(rating->is_bottom, bottom, 5), 0);
    CU_ASSERT_DOUBLE_EQUAL(rating->centre, 2.5, 1e-12);
    CU_ASSERT_DOUBLE_EQUAL(cb->scales[1].centre, 2.0, 1e-12);
    CU_ASSERT_EQUAL(cb->scales[1].missing.count, 0);

    CU_ASSERT_EQUAL_FATAL(cb->n_segments, 1);
    CU_ASSERT_STRING_EQUAL(cb->segments[0].column,
                           "Which sector does your organisation belong to?");
    CU_ASSERT_EQUAL(cb->segments[0].levels.count, 2);
    CU_ASSERT_EQUAL(cb->segments[0].wave, PP_WAVE_BOTH);

    CU_ASSERT_EQUAL_FATAL(cb->n_items, 6);
    const pp_item *paired = &cb->items[0];
    CU_ASSERT_EQUAL(paired->kind, PP_ITEM_PAIRED);
    CU_ASSERT_STRING_EQUAL(paired->id, "awareness");
    CU_ASSERT_EQUAL(paired->scale, 0);
    CU_ASSERT_STRING_EQUAL(paired->before, "Awareness / Before the programme");
    CU_ASSERT_STRING_EQUAL(paired->after, "Awareness / After the programme");
    CU_ASSERT_EQUAL(paired->among_segment, 0);
    CU_ASSERT_STRING_EQUAL(paired->among_value, "public Sector");
    CU_ASSERT_STRING_EQUAL(paired->battery, "skills");
    CU_ASSERT_EQUAL(paired->order_as_written, 1);
    CU_ASSERT_EQUAL(paired->line, 22);

    const pp_item *single = &cb->items[1];
    CU_ASSERT_EQUAL(single->kind, PP_ITEM_SINGLE);
    CU_ASSERT_STRING_EQUAL(single->title, "My involvement has improved the way we work");
    CU_ASSERT_EQUAL(single->scale, 1);
    CU_ASSERT_STRING_EQUAL(single->column, "Needs analysis");
    CU_ASSERT_EQUAL(single->among_segment, -1);
    CU_ASSERT_EQUAL(single->order_as_written, 0);
    CU_ASSERT_EQUAL(single->wave, PP_WAVE_BOTH);     /* one wave: one export */

    const pp_item *multi = &cb->items[2];
    CU_ASSERT_EQUAL(multi->kind, PP_ITEM_MULTI);
    CU_ASSERT_EQUAL_FATAL(multi->columns.count, 3);
    CU_ASSERT_EQUAL_FATAL(multi->options.count, 3);
    CU_ASSERT_STRING_EQUAL(multi->options.items[0], "Networking");
    CU_ASSERT_STRING_EQUAL(multi->options.items[1], "Masterclasses");
    CU_ASSERT_STRING_EQUAL(multi->options.items[2], "Other");
    CU_ASSERT_PTR_NULL(multi->column);
    CU_ASSERT_STRING_EQUAL(cb->items[3].column, "Channels");
    CU_ASSERT_STRING_EQUAL(cb->items[3].options.items[0], "Email, post and phone");
    CU_ASSERT_STRING_EQUAL(cb->items[4].options.items[1], "Eight");
    CU_ASSERT_STRING_EQUAL(cb->items[4].title, "named");   /* defaults to the id */

    const pp_item *text = &cb->items[5];
    CU_ASSERT_EQUAL(text->kind, PP_ITEM_TEXT);
    CU_ASSERT_STRING_EQUAL(text->column, "Implemented: comments");
    pp_codebook_free(cb);
}

static void test_panel(void)
{
    static const char text[] =
        "[survey]\nbefore_export = wave1.csv\nafter_export = /data/wave2.csv\n"
        "layout = google\nafter_layout = qualtrics\nid = Email\n"
        "[scale r]\nlevels = Low | High\n"
        "[segment region]\ncolumn = Region\nwave = before\n"
        "[paired p]\nscale = r\nbefore = Q1\nafter = Q1\n"
        "[single s]\nscale = r\ncolumn = Q2\nwave = before\n"
        "[single s2]\nscale = r\ncolumn = Q2\n"
        "[text t]\ncolumn = Why\n";
    pp_diag diag;
    pp_codebook *cb = read_text(text, &diag);
    if (cb == NULL)
        pp_diag_print(&diag, "test", stderr);
    CU_ASSERT_PTR_NOT_NULL_FATAL(cb);
    CU_ASSERT_TRUE(pp_codebook_is_panel(cb));
    CU_ASSERT_PTR_NULL(cb->export_path);
    CU_ASSERT_EQUAL(cb->before_layout, PP_LAYOUT_GOOGLE);
    CU_ASSERT_EQUAL(cb->after_layout, PP_LAYOUT_QUALTRICS);
    CU_ASSERT_EQUAL(cb->min_base, 50);
    CU_ASSERT_EQUAL(cb->seed, 1);
    CU_ASSERT_STRING_EQUAL(cb->title, "survey.ini");
    CU_ASSERT_EQUAL(cb->segments[0].wave, PP_WAVE_BEFORE);
    CU_ASSERT_EQUAL(cb->items[0].wave, PP_WAVE_BOTH);
    CU_ASSERT_EQUAL(cb->items[1].wave, PP_WAVE_BEFORE);
    CU_ASSERT_EQUAL(cb->items[2].wave, PP_WAVE_AFTER);
    CU_ASSERT_EQUAL(cb->items[3].wave, PP_WAVE_AFTER);
    char *before = pp_codebook_resolve_path(cb, cb->before_export);
    char *after = pp_codebook_resolve_path(cb, cb->after_export);
    CU_ASSERT_STRING_EQUAL(before, "surveys/wave1.csv");
    CU_ASSERT_STRING_EQUAL(after, "/data/wave2.csv");
    free(before);
    free(after);
    pp_codebook_free(cb);
}

static void test_names_and_paths(void)
{
    pp_layout layout;
    CU_ASSERT_EQUAL(pp_layout_parse("qualtrics", &layout), 0);
    CU_ASSERT_EQUAL(layout, PP_LAYOUT_QUALTRICS);
    CU_ASSERT_EQUAL(pp_layout_parse("excel", &layout), -1);
    CU_ASSERT_STRING_EQUAL(pp_layout_name(PP_LAYOUT_GOOGLE), "google");
    CU_ASSERT_STRING_EQUAL(pp_layout_name(PP_LAYOUT_PLAIN), "plain");
    CU_ASSERT_STRING_EQUAL(pp_item_kind_name(PP_ITEM_MULTI), "multi");
    CU_ASSERT_STRING_EQUAL(pp_wave_name(PP_WAVE_AFTER), "after");

    pp_diag diag;
    pp_diag_clear(&diag);
    const char *text = "[survey]\nexport = x.csv\n";
    pp_codebook *cb = pp_codebook_read_buffer(text, strlen(text), "survey.ini", &diag);
    CU_ASSERT_PTR_NOT_NULL_FATAL(cb);
    CU_ASSERT_STRING_EQUAL(cb->dir, ".");
    char *path = pp_codebook_resolve_path(cb, "x.csv");
    CU_ASSERT_STRING_EQUAL(path, "x.csv");
    free(path);
    pp_codebook_free(cb);
    pp_codebook_free(NULL);
}

/* Reading from a stream gives the same as from memory. */
static void test_stream(void)
{
    FILE *in = fmemopen((void *)full_codebook, sizeof full_codebook - 1, "r");
    CU_ASSERT_PTR_NOT_NULL_FATAL(in);
    pp_diag diag;
    pp_diag_clear(&diag);
    pp_codebook *cb = pp_codebook_read(in, "survey.ini", &diag);
    fclose(in);
    CU_ASSERT_PTR_NOT_NULL_FATAL(cb);
    CU_ASSERT_EQUAL(cb->n_items, 6);
    CU_ASSERT_STRING_EQUAL(cb->items[1].title, "My involvement has improved the way we work");
    pp_codebook_free(cb);
}

/* A value of `len` bytes: words of varied length, with a few ';' and '#'
 * that are not comments (no white space before them). */
static char *long_value(size_t len, unsigned seed)
{
    char *value = malloc(len + 1);
    static const char alphabet[] = "abcdefghij;#/.,";
    for (size_t i = 0; i < len; i++) {
        seed = seed * 1103515245u + 12345u;
        value[i] = (seed >> 16) % 7 == 0 ? ' ' : alphabet[(seed >> 8) % 15];
        if (value[i] == ' ' && (i == 0 || value[i - 1] == ' '))
            value[i] = 'x';
        if ((value[i] == ';' || value[i] == '#') && (i == 0 || value[i - 1] == ' '))
            value[i] = 'y';
    }
    value[0] = 'Q';
    value[len - 1] = 'Z';
    value[len] = '\0';
    return value;
}

/* Long values come back byte for byte, and lines after them keep their
 * numbers. */
static void test_long_lines(void)
{
    static const size_t lengths[] = {150, 197, 198, 199, 200, 397, 512, 1500, 5000};
    for (size_t i = 0; i < sizeof lengths / sizeof *lengths; i++) {
        char *title = long_value(lengths[i], (unsigned)i);
        char *column = long_value(lengths[i] + 3, (unsigned)i + 100);
        size_t cap = 3 * lengths[i] + 400;
        char *text = malloc(cap);
        snprintf(text, cap,
                 "[survey]\n"                                 /* 1 */
                 "title = %s   ; a comment after it\n"        /* 2 */
                 "export = x.csv\n"                           /* 3 */
                 "[text t]\n"                                 /* 4 */
                 "column = %s\n"                              /* 5 */
                 "[text u]\n"                                 /* 6 */
                 "column = other\n"                           /* 7 */
                 "oops = 1\n",                                /* 8 */
                 title, column);
        pp_diag diag;
        pp_codebook *cb = read_text(text, &diag);
        CU_ASSERT_PTR_NULL(cb);
        CU_ASSERT_EQUAL(diag.line, 8);
        char *fixed = strstr(text, "oops = 1\n");
        *fixed = '\0';
        cb = read_text(text, &diag);
        CU_ASSERT_PTR_NOT_NULL_FATAL(cb);
        CU_ASSERT_STRING_EQUAL(cb->title, title);
        CU_ASSERT_STRING_EQUAL(cb->items[0].column, column);
        CU_ASSERT_EQUAL(cb->items[1].line, 6);
        pp_codebook_free(cb);
        free(text);
        free(title);
        free(column);
    }
}

/* A long `columns =` list is cut into pieces the same way. */
static void test_long_columns(void)
{
    const char *question = "What sort of ongoing support mechanisms would you "
                           "be interested in to help you commission services?";
    char text[4000];
    int n = snprintf(text, sizeof text, "[survey]\nexport = x.csv\n[multi support]\ncolumns = ");
    for (int i = 0; i < 8; i++)
        n += snprintf(text + n, sizeof text - (size_t)n, "%s%s / Option number %d",
                      i ? " | " : "", question, i + 1);
    snprintf(text + n, sizeof text - (size_t)n, "\n[text t]\ncolumn = x\nwave = sideways\n");
    pp_diag diag;
    pp_codebook *cb = read_text(text, &diag);
    CU_ASSERT_PTR_NULL(cb);
    CU_ASSERT_EQUAL(diag.line, 7);
    *strstr(text, "wave = sideways\n") = '\0';
    cb = read_text(text, &diag);
    CU_ASSERT_PTR_NOT_NULL_FATAL(cb);
    CU_ASSERT_EQUAL_FATAL(cb->items[0].options.count, 8);
    CU_ASSERT_STRING_EQUAL(cb->items[0].options.items[7], "Option number 8");
    CU_ASSERT_EQUAL(strncmp(cb->items[0].columns.items[5], question, strlen(question)), 0);
    pp_codebook_free(cb);
}

#define SURVEY "[survey]\nexport = x.csv\n"
#define RATING "[scale rating]\nlevels = Poor | Fair | Good\n"

static const struct {
    const char *text;
    long line;
    const char *words;
} bad_cases[] = {
    {"", 0, "no [survey] section"},
    {"; only a comment\n[scale rating]\nlevels = A | B\n", 0, "no [survey] section"},
    {"title = x\n[survey]\n", 1, "before any [section]"},
    {SURVEY "[scales rating]\nlevels = A\n", 3, "[scales] is not a kind of section"},
    {SURVEY "[survey]\n", 3, "a second [survey]"},
    {SURVEY "colour = blue\n", 3, "it takes: title, export"},
    {SURVEY RATING "level = Poor\n", 5, "[scale rating] has no key \"level\"; it takes: levels, top"},
    {SURVEY "export = y.csv\n", 3, "the key \"export\" is given twice (first on line 2)"},
    {"[survey]\ntitle = t\n", 1, "[survey] needs export"},
    {"[survey]\nexport = a.csv\nbefore_export = b.csv\nafter_export = c.csv\n", 2,
     "gives export and also before_export"},
    {"[survey]\nbefore_export = b.csv\n", 1, "gives before_export but not after_export"},
    {SURVEY "layout = excel\n", 3, "not a layout; expected plain, surveymonkey, qualtrics or google"},
    {SURVEY "min_base = fifty\n", 3, "min_base is \"fifty\"; expected a whole number"},
    {SURVEY "seed = -4\n", 3, "seed is \"-4\"; expected a whole number"},
    {SURVEY "seed = 12x\n", 3, "expected a whole number"},
    {SURVEY "[scale rating]\ntop = Good\n", 3, "[scale rating] needs the key \"levels\""},
    {SURVEY "[scale rating]\n", 3, "[scale rating] needs the key \"levels\""},
    {SURVEY "[scale rating]\nlevels =\n", 4, "has no value"},
    {SURVEY "[scale rating]\nlevels = A | | C\n", 4, "empty entry"},
    {SURVEY RATING "top = Excellent\n", 5, "top names \"Excellent\", which is not one of its levels"},
    {SURVEY RATING "bottom = Awful\n", 5, "bottom names \"Awful\""},
    {SURVEY RATING "centre = Great\n", 5, "centre names \"Great\""},
    {SURVEY RATING "centre = Poor | Good\n", 5, "not next to each other"},
    {SURVEY RATING "centre = Poor | Fair | Good\n", 5, "centre names 3 levels"},
    {SURVEY "[scale rating]\nlevels = Good | Fair | good\n", 4, "the level \"good\" is listed twice"},
    {SURVEY "[scale rating]\nlevels = Good | Fair\nmissing = Don't know | Fair\n", 5,
     "the level \"Fair\" is listed twice"},
    {SURVEY RATING "top = Good\nbottom = Good\n", 6, "in both top and bottom"},
    {SURVEY RATING RATING, 5, "a second [scale rating] (the first is on line 3)"},
    {SURVEY "[scale]\nlevels = A\n", 3, "[scale] needs a name"},
    {SURVEY "[scale ra/ting]\nlevels = A\n", 3, "may use only letters, digits"},
    {SURVEY "[segment s]\nlevels = A\n", 3, "[segment s] needs the key \"column\""},
    {SURVEY "[segment s]\ncolumn = S\n[segment S]\ncolumn = T\n", 5, "a second [segment S]"},
    {SURVEY "[segment s]\ncolumn = S\nwave = sometimes\n", 5, "expected before, after or both"},
    {SURVEY RATING "[paired a]\nscale = rating\nafter = A2\n", 5, "[paired a] needs the key \"before\""},
    {SURVEY RATING "[paired a]\nbefore = A1\nafter = A2\n", 5, "[paired a] needs the key \"scale\""},
    {SURVEY RATING "[paired a]\nscale = ratings\nbefore = A1\nafter = A2\n", 6,
     "no [scale ratings]; the scales are: rating"},
    {SURVEY "[single a]\nscale = rating\ncolumn = Q\n", 4, "the scales are: none"},
    {SURVEY RATING "[paired a]\nscale = rating\nbefore = A1\nafter = A2\nwave = after\n", 9,
     "[paired a] has no key \"wave\""},
    {SURVEY "[text a]\ncolumn = Q1\n[multi a]\ncolumns = Q2\n", 5, "the id \"a\" is already used by [text a] on line 3"},
    {SURVEY "[text a]\ncolumn = Q1\n[text b]\ncolumn = q1 \n", 6,
     "the column \"q1\" is used twice: by [text a] on line 4 and by [text b]"},
    {SURVEY RATING "[paired a]\nscale = rating\nbefore = Q\nafter = Q\n", 8, "(before) on line 7 and by [paired a] (after)"},
    {SURVEY "[multi m]\ncolumns = A / X | A / Y | A / X\n", 4, "the column \"A / X\" is used twice"},
    {SURVEY "[text a]\ncolumn = Q1\namong = sector = Public\n", 5, "no [segment sector]; the segments are: none"},
    {SURVEY "[segment sector]\ncolumn = S\nlevels = Public | Third\n[text a]\ncolumn = Q1\namong = sector = Private\n",
     8, "not one of the segment's levels (Public | Third)"},
    {SURVEY "[text a]\ncolumn = Q1\namong = Public\n", 5, "expected SEGMENT = VALUE"},
    {SURVEY "[text a]\ncolumn = Q1\namong = sector =\n", 5, "expected SEGMENT = VALUE"},
    {SURVEY RATING "[single a]\nscale = rating\ncolumn = Q\norder = alphabetical\n", 8,
     "expected \"as written\" or \"sorted\""},
    {SURVEY "[multi a]\ncolumns = Q\nbattery = my battery\n", 5, "the battery \"my battery\""},
    {SURVEY "[multi m]\ncolumn = Q\n", 4, "needs options"},
    {SURVEY "[multi m]\n", 3, "[multi m] needs columns"},
    {SURVEY "[multi m]\ncolumns = A | B\ncolumn = C\noptions = C\n", 5, "gives both columns and column"},
    {SURVEY "[multi m]\ncolumns = A | B\noptions = x | y | z\n", 5, "2 columns but 3 options"},
    {SURVEY "[text t]\n", 3, "[text t] needs the key \"column\""},
    {SURVEY "[text t]\ncolumn = Q\n[scale rating\nlevels = A\n", 5, "no closing ']'"},
    {SURVEY "[text t]\ncolumn = Q\njust some words\n", 5, "this line is not understood"},
    {SURVEY "just some words\n[text t]\ncolumn = Q\nbad = 1\n", 3, "this line is not understood"},
    {SURVEY "[survey x]\n", 3, "a second [survey]"},
    {"[survey x]\nexport = x.csv\n", 1, "[survey] takes no name"},
};

static void test_bad_codebooks(void)
{
    for (size_t i = 0; i < sizeof bad_cases / sizeof *bad_cases; i++) {
        pp_diag diag;
        pp_codebook *cb = read_text(bad_cases[i].text, &diag);
        CU_ASSERT_PTR_NULL(cb);
        pp_codebook_free(cb);
        int ok = diag.code == PP_ERR_CODEBOOK && diag.line == bad_cases[i].line &&
                 strstr(diag.detail, bad_cases[i].words) != NULL &&
                 strcmp(diag.file, "surveys/survey.ini") == 0;
        if (!ok) {
            fprintf(stderr, "\nbad case %zu (want line %ld, \"%s\"):\n  ", i,
                    bad_cases[i].line, bad_cases[i].words);
            pp_diag_print(&diag, "got", stderr);
        }
        CU_ASSERT_TRUE(ok);
    }
}

static CU_TestInfo codebook_tests[] = {
    {"a codebook with every section and key", test_full_codebook},
    {"a two-wave panel", test_panel},
    {"names and paths", test_names_and_paths},
    {"read from a stream", test_stream},
    {"long lines round-trip and keep line numbers", test_long_lines},
    {"a long columns list", test_long_columns},
    {"broken codebooks name their line and mistake", test_bad_codebooks},
    CU_TEST_INFO_NULL,
};

CU_ErrorCode add_suites(void)
{
    return add_suite("codebook", codebook_tests);
}

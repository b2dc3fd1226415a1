/* test_tally.c: the tally (tally.h). Adding, summing and the canonical
 * written form; reading tallies back and every way a damaged tally is
 * refused, by line; and counting records against a codebook: paired codes
 * per segment level, `among`, panel waves, multi-selects, text answers,
 * blank segment values and records that do not fit the codebook. */
#include <stdlib.h>
#include <string.h>

#include "cunit_main.h"
#include "tally.h"

#define TALLY_HEADER "prepost-tally 1\nitem\tsegment\ta\tb\tcount\n"

/* The tally as written, in a malloc'd string. */
static char *tally_text(pp_tally *t)
{
    char *text = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&text, &len);
    CU_ASSERT_FATAL(out != NULL);
    CU_ASSERT_EQUAL(pp_tally_write(t, out), 0);
    fclose(out);
    return text;
}

/* Reads text (a whole tally) into t. */
static pp_error read_text(pp_tally *t, const char *text, pp_diag *diag)
{
    pp_diag_clear(diag);
    pp_source *src = pp_source_from_buffer(text, strlen(text), "test.tally");
    CU_ASSERT_FATAL(src != NULL);
    pp_error e = pp_tally_read(t, src, diag);
    pp_source_free(src);
    return e;
}

/* The count of one key, 0 if the tally does not hold it. */
static uint64_t count_of(pp_tally *t, const char *item, const char *segment,
                         const char *a, const char *b)
{
    const pp_tally_entry *e;
    size_t n = pp_tally_entries(t, &e);
    for (size_t i = 0; i < n; i++)
        if (strcmp(e[i].item, item) == 0 && strcmp(e[i].segment, segment) == 0 &&
            strcmp(e[i].a, a) == 0 && strcmp(e[i].b, b) == 0)
            return e[i].count;
    return 0;
}

/* ---- adding and writing --------------------------------------------------- */

/* Keys added out of order come out sorted bytewise on the written line:
 * TAB (0x09) before space before letters, '@' and capitals before lower
 * case, "-1" before "1" before "10" before "2", '!' first and '~' last. */
static void test_canonical_order(void)
{
    static const struct {
        const char *item, *segment, *a, *b;
        uint64_t count;
    } adds[] = {
        {"awareness", "*", "~", "2", 1},
        {"awareness", "*", "2", "4", 3},
        {"awareness", "*", "10", ".", 1},
        {"awareness", "*", "1", "3", 2},
        {"awareness", "*", "-1", "3", 1},
        {"awareness", "*", "!", ".", 4},
        {"awareness", "sector=Third", "2", "4", 1},
        {"awareness", "sector=Public", "2", "4", 2},
        {"ab", "*", "1", ".", 1},
        {"a b", "*", "1", ".", 1},
        {"a", "*", "1", ".", 1},
        {"Zed", "*", "1", ".", 1},
        {"@respondents", "*", ".", ".", 9},
    };
    pp_tally *t = pp_tally_new();
    CU_ASSERT_FATAL(t != NULL);
    for (size_t i = 0; i < sizeof adds / sizeof adds[0]; i++)
        CU_ASSERT_EQUAL(pp_tally_add(t, adds[i].item, adds[i].segment, adds[i].a,
                                     adds[i].b, adds[i].count), 0);
    char *text = tally_text(t);
    CU_ASSERT_STRING_EQUAL(text, TALLY_HEADER
        "@respondents\t*\t.\t.\t9\n"
        "Zed\t*\t1\t.\t1\n"
        "a\t*\t1\t.\t1\n"
        "a b\t*\t1\t.\t1\n"
        "ab\t*\t1\t.\t1\n"
        "awareness\t*\t!\t.\t4\n"
        "awareness\t*\t-1\t3\t1\n"
        "awareness\t*\t1\t3\t2\n"
        "awareness\t*\t10\t.\t1\n"
        "awareness\t*\t2\t4\t3\n"
        "awareness\t*\t~\t2\t1\n"
        "awareness\tsector=Public\t2\t4\t2\n"
        "awareness\tsector=Third\t2\t4\t1\n");
    free(text);

    /* The entries are the same keys in the same order, unescaped. */
    const pp_tally_entry *e;
    size_t n = pp_tally_entries(t, &e);
    CU_ASSERT_EQUAL_FATAL(n, 13);
    CU_ASSERT_STRING_EQUAL(e[0].item, "@respondents");
    CU_ASSERT_EQUAL(e[0].count, 9);
    CU_ASSERT_STRING_EQUAL(e[1].item, "Zed");
    CU_ASSERT_STRING_EQUAL(e[5].a, "!");
    CU_ASSERT_STRING_EQUAL(e[12].segment, "sector=Third");
    CU_ASSERT_EQUAL(e[12].count, 1);
    pp_tally_free(t);
}

/* The same key added again adds up; different keys stay apart. */
static void test_duplicates_are_summed(void)
{
    pp_tally *t = pp_tally_new();
    CU_ASSERT_FATAL(t != NULL);
    CU_ASSERT_EQUAL(pp_tally_add(t, "q", "*", "1", "2", 5), 0);
    CU_ASSERT_EQUAL(pp_tally_add(t, "q", "*", "2", "1", 7), 0);
    CU_ASSERT_EQUAL(pp_tally_add(t, "q", "*", "1", "2", 10), 0);
    CU_ASSERT_EQUAL(pp_tally_add(t, "q", "*", "1", "2", 1), 0);
    CU_ASSERT_EQUAL(count_of(t, "q", "*", "1", "2"), 16);
    CU_ASSERT_EQUAL(count_of(t, "q", "*", "2", "1"), 7);
    const pp_tally_entry *e;
    CU_ASSERT_EQUAL(pp_tally_entries(t, &e), 2);
    /* Adding after the entries were handed out re-sorts. */
    CU_ASSERT_EQUAL(pp_tally_add(t, "a", "*", "1", "2", 3), 0);
    CU_ASSERT_EQUAL_FATAL(pp_tally_entries(t, &e), 3);
    CU_ASSERT_STRING_EQUAL(e[0].item, "a");
    char *text = tally_text(t);
    CU_ASSERT_STRING_EQUAL(text, TALLY_HEADER "a\t*\t1\t2\t3\nq\t*\t1\t2\t16\nq\t*\t2\t1\t7\n");
    free(text);
    pp_tally_free(t);
}

/* A sum past 2^64 - 1 is refused and leaves the count as it was; a zero
 * count adds nothing, so the written tally holds only positive counts. */
static void test_limits(void)
{
    pp_tally *t = pp_tally_new();
    CU_ASSERT_FATAL(t != NULL);
    CU_ASSERT_EQUAL(pp_tally_add(t, "q", "*", "1", ".", UINT64_MAX - 1), 0);
    CU_ASSERT_EQUAL(pp_tally_add(t, "q", "*", "1", ".", 1), 0);
    CU_ASSERT_EQUAL(pp_tally_add(t, "q", "*", "1", ".", 1), -1);
    CU_ASSERT_EQUAL(count_of(t, "q", "*", "1", "."), UINT64_MAX);
    CU_ASSERT_EQUAL(pp_tally_add(t, "z", "*", "1", ".", 0), 0);
    char *text = tally_text(t);
    CU_ASSERT_STRING_EQUAL(text, TALLY_HEADER "q\t*\t1\t.\t18446744073709551615\n");
    free(text);
    pp_tally_free(t);
}

/* Tabs, newlines, carriage returns and backslashes in a text answer (or any
 * field) are escaped as in records, and read back to the same bytes. */
static void test_escaping(void)
{
    static const char *const answers[] = {
        "tab\there", "two\nlines", "crlf\r\n", "back\\slash", "\\t is not a tab", "plain",
    };
    enum { N = sizeof answers / sizeof answers[0] };
    pp_tally *t = pp_tally_new();
    CU_ASSERT_FATAL(t != NULL);
    for (size_t i = 0; i < N; i++)
        CU_ASSERT_EQUAL(pp_tally_add(t, "comments", "sector=A\tB", answers[i], ".", i + 1), 0);
    char *text = tally_text(t);
    CU_ASSERT_STRING_EQUAL(text, TALLY_HEADER
        "comments\tsector=A\\tB\t\\\\t is not a tab\t.\t5\n"
        "comments\tsector=A\\tB\tback\\\\slash\t.\t4\n"
        "comments\tsector=A\\tB\tcrlf\\r\\n\t.\t3\n"
        "comments\tsector=A\\tB\tplain\t.\t6\n"
        "comments\tsector=A\\tB\ttab\\there\t.\t1\n"
        "comments\tsector=A\\tB\ttwo\\nlines\t.\t2\n");

    pp_tally *back = pp_tally_new();
    pp_diag diag;
    CU_ASSERT_EQUAL(read_text(back, text, &diag), PP_OK);
    for (size_t i = 0; i < N; i++)
        CU_ASSERT_EQUAL(count_of(back, "comments", "sector=A\tB", answers[i], "."), i + 1);
    char *again = tally_text(back);
    CU_ASSERT_STRING_EQUAL(again, text);
    free(again);
    free(text);
    pp_tally_free(back);
    pp_tally_free(t);
}

static void test_empty_tally(void)
{
    pp_tally *t = pp_tally_new();
    CU_ASSERT_FATAL(t != NULL);
    char *text = tally_text(t);
    CU_ASSERT_STRING_EQUAL(text, TALLY_HEADER);
    const pp_tally_entry *e;
    CU_ASSERT_EQUAL(pp_tally_entries(t, &e), 0);
    pp_diag diag;
    CU_ASSERT_EQUAL(read_text(t, text, &diag), PP_OK);
    CU_ASSERT_EQUAL(pp_tally_entries(t, &e), 0);
    free(text);
    pp_tally_free(t);
}

/* Many keys (the hash table grows several times) still come out sorted,
 * each once, with its count. */
static void test_many_keys(void)
{
    enum { N = 20000 };
    pp_tally *t = pp_tally_new();
    CU_ASSERT_FATAL(t != NULL);
    for (int round = 0; round < 2; round++)
        for (int i = N - 1; i >= 0; i--) {
            char a[16];
            snprintf(a, sizeof a, "%d", (i * 7919) % N);
            CU_ASSERT_EQUAL(pp_tally_add(t, "q", "*", a, ".", (uint64_t)round + 1), 0);
        }
    const pp_tally_entry *e;
    size_t n = pp_tally_entries(t, &e);
    CU_ASSERT_EQUAL_FATAL(n, N);
    int ordered = 1, counts = 1;
    for (size_t i = 0; i < n; i++) {
        counts &= e[i].count == 3;
        if (i > 0)
            ordered &= strcmp(e[i - 1].a, e[i].a) < 0;
    }
    CU_ASSERT(ordered);
    CU_ASSERT(counts);
    pp_tally_free(t);
}

/* ---- reading --------------------------------------------------------------- */

/* Reading adds to what is there, so reading shards is merging them; the
 * order of the lines and of the shards does not change the result. */
static void test_read_merges(void)
{
    const char *one = TALLY_HEADER
        "q\t*\t1\t2\t3\n"
        "@respondents\t*\t.\t.\t4\n"
        "q\t*\t1\t2\t1\n";                   /* a repeated key adds up too */
    const char *two = TALLY_HEADER
        "q\tsector=A\t1\t2\t2\n"
        "@respondents\t*\t.\t.\t2\n"
        "q\t*\t1\t2\t5\n";
    pp_diag diag;
    pp_tally *ab = pp_tally_new(), *ba = pp_tally_new();
    CU_ASSERT_EQUAL(read_text(ab, one, &diag), PP_OK);
    CU_ASSERT_EQUAL(read_text(ab, two, &diag), PP_OK);
    CU_ASSERT_EQUAL(read_text(ba, two, &diag), PP_OK);
    CU_ASSERT_EQUAL(read_text(ba, one, &diag), PP_OK);
    char *text_ab = tally_text(ab), *text_ba = tally_text(ba);
    CU_ASSERT_STRING_EQUAL(text_ab, TALLY_HEADER
        "@respondents\t*\t.\t.\t6\n"
        "q\t*\t1\t2\t9\n"
        "q\tsector=A\t1\t2\t2\n");
    CU_ASSERT_STRING_EQUAL(text_ba, text_ab);
    free(text_ab);
    free(text_ba);
    pp_tally_free(ab);
    pp_tally_free(ba);
}

/* The largest count there is reads; the blank lines records allow are skipped. */
static void test_read_limits(void)
{
    pp_tally *t = pp_tally_new();
    pp_diag diag;
    CU_ASSERT_EQUAL(read_text(t, TALLY_HEADER "q\t*\t1\t.\t18446744073709551615\n\n"
                                 "q\t*\t2\t.\t1\n", &diag), PP_OK);
    CU_ASSERT_EQUAL(count_of(t, "q", "*", "1", "."), UINT64_MAX);
    CU_ASSERT_EQUAL(count_of(t, "q", "*", "2", "."), 1);
    pp_tally_free(t);
}

static const struct {
    const char *name;
    const char *text;
    long line;
    const char *detail;     /* words the message must hold */
} read_errors[] = {
    {"empty stream", "", 1, "empty"},
    {"records, not a tally", "prepost-records 1\nid\trow\twaves\n", 1, "not a tally file"},
    {"wrong magic", "prepost-tallies 1\nitem\tsegment\ta\tb\tcount\n", 1, "not a tally file"},
    {"magic run on", "prepost-tallyx 1\nitem\tsegment\ta\tb\tcount\n", 1, "version"},
    {"CSV", "item,segment,a,b,count\n", 1, "not a tally file"},
    {"newer version", "prepost-tally 2\nitem\tsegment\ta\tb\tcount\n", 1, "newer prepost"},
    {"no version", "prepost-tally\nitem\tsegment\ta\tb\tcount\n", 1, "version"},
    {"no column line", "prepost-tally 1\n", 2, "before the line of column names"},
    {"column renamed", "prepost-tally 1\nitem\tsegment\ta\tb\tn\n", 2,
     "expected the columns item, segment, a, b, count"},
    {"columns reordered", "prepost-tally 1\nsegment\titem\ta\tb\tcount\n", 2,
     "expected the columns item, segment, a, b, count"},
    {"column missing", "prepost-tally 1\nitem\tsegment\ta\tcount\n", 2,
     "expected the columns item, segment, a, b, count"},
    {"column extra", "prepost-tally 1\nitem\tsegment\ta\tb\tcount\tx\n", 2,
     "expected the columns item, segment, a, b, count"},
    {"records columns", "prepost-tally 1\nid\trow\twaves\n", 2,
     "expected the columns item, segment, a, b, count"},
    {"word count", TALLY_HEADER "q\t*\t1\t.\tmany\n", 3, "'many' is not a positive whole number"},
    {"empty count", TALLY_HEADER "q\t*\t1\t.\t\n", 3, "not a positive whole number"},
    {"negative count", TALLY_HEADER "q\t*\t1\t.\t-3\n", 3, "'-3' is not a positive"},
    {"plus sign", TALLY_HEADER "q\t*\t1\t.\t+3\n", 3, "not a positive whole number"},
    {"decimal count", TALLY_HEADER "q\t*\t1\t.\t3.0\n", 3, "not a positive whole number"},
    {"space in count", TALLY_HEADER "q\t*\t1\t.\t 3\n", 3, "not a positive whole number"},
    {"zero count", TALLY_HEADER "q\t*\t1\t.\t2\nq\t*\t2\t.\t0\n", 4,
     "'0' is not a positive whole number"},
    {"count 2^64", TALLY_HEADER "q\t*\t1\t.\t18446744073709551616\n", 3,
     "not a positive whole number"},
    {"count of 25 digits", TALLY_HEADER "q\t*\t1\t.\t1000000000000000000000000\n", 3,
     "not a positive whole number"},
    {"counts summing past 2^64", TALLY_HEADER "q\t*\t1\t.\t18446744073709551615\n"
     "r\t*\t1\t.\t5\nq\t*\t1\t.\t1\n", 5, "too large"},
    {"four fields", TALLY_HEADER "q\t*\t1\t.\t1\nq\t*\t1\t2\n", 4,
     "4 fields but the column line names 5"},
    {"six fields", TALLY_HEADER "q\t*\t1\t.\t1\t1\n", 3, "6 fields but the column line names 5"},
    {"spaces for tabs", TALLY_HEADER "q * 1 . 1\n", 3, "1 fields but the column line names 5"},
    {"bad escape", TALLY_HEADER "q\t*\tx\\q\t.\t1\n", 3, "backslash"},
};

static void test_read_errors(void)
{
    for (size_t i = 0; i < sizeof read_errors / sizeof read_errors[0]; i++) {
        pp_tally *t = pp_tally_new();
        pp_diag diag;
        pp_error e = read_text(t, read_errors[i].text, &diag);
        int ok = e == PP_ERR_RECORDS && diag.code == PP_ERR_RECORDS &&
                 diag.line == read_errors[i].line &&
                 strcmp(diag.file, "test.tally") == 0 &&
                 strstr(diag.detail, read_errors[i].detail) != NULL;
        if (!ok)
            fprintf(stderr, "\n  %s: error %d at line %ld: %s\n", read_errors[i].name,
                    (int)e, diag.line, diag.detail);
        CU_ASSERT_EQUAL(e, PP_ERR_RECORDS);
        CU_ASSERT_EQUAL(diag.line, read_errors[i].line);
        CU_ASSERT_STRING_EQUAL(diag.file, "test.tally");
        CU_ASSERT_PTR_NOT_NULL(strstr(diag.detail, read_errors[i].detail));
        pp_tally_free(t);
    }
}

/* ---- counting records -------------------------------------------------------- */

static const char survey_ini[] =
    "[survey]\n"
    "export = export.csv\n"
    "id     = ID\n"
    "[scale rating]\n"
    "levels  = Poor | Fair | Good\n"
    "missing = Don't know | Not applicable\n"
    "[segment sector]\n"
    "column = Sector\n"
    "levels = Public | Third\n"
    "[segment size]\n"
    "column = Size\n"
    "[paired aware]\n"
    "scale  = rating\n"
    "before = Aware before\n"
    "after  = Aware after\n"
    "[paired grasp]\n"
    "scale  = rating\n"
    "before = Grasp before\n"
    "after  = Grasp after\n"
    "among  = sector = Public\n"
    "[single rate]\n"
    "scale  = rating\n"
    "column = Rate\n"
    "[multi support]\n"
    "columns = Support: A | Support: B | Support: C\n"
    "options = A | B | C\n"
    "[text comments]\n"
    "column = Comments\n";

#define SURVEY_COLUMNS "prepost-records 1\n" \
    "id\trow\twaves\tseg:sector\tseg:size\taware:before\taware:after\t" \
    "grasp:before\tgrasp:after\trate\tsupport\tcomments\n"

/* Five respondents. D left the sector blank, E the size; grasp was asked of
 * the public sector only, so B and D (who answered it anyway) count as `!`
 * and E (who did not) not at all. */
static const char survey_records[] = SURVEY_COLUMNS
    "A\t2\tboth\tPublic\tSmall\t1\t3\t2\t3\t3\t101\tfine\\tthanks\n"
    "B\t3\tboth\tThird\tSmall\t2\t2\t1\t2\t-1\t000\t\n"
    "C\t4\tboth\tPublic\tLarge\t1\t3\t\t\t-2\t110\tline\\nbreak\n"
    "D\t5\tboth\t\tLarge\t3\t-1\t3\t3\t\t011\tfine\\tthanks\n"
    "E\t6\tboth\tThird\t\t\t\t\t\t2\t000\t  \n";

typedef struct {
    const char *item, *segment, *a, *b;
    uint64_t count;
} expected_count;

static const expected_count survey_counts[] = {
    {"@respondents", "*", ".", ".", 5},
    {"@respondents", "sector=Public", ".", ".", 2},     /* A, C */
    {"@respondents", "sector=Third", ".", ".", 2},      /* B, E; D is in `*` only */
    {"@respondents", "size=Small", ".", ".", 2},        /* A, B */
    {"@respondents", "size=Large", ".", ".", 2},        /* C, D; E is in `*` only */

    {"aware", "*", "1", "3", 2},                        /* A, C */
    {"aware", "*", "2", "2", 1},                        /* B */
    {"aware", "*", "3", "-1", 1},                       /* D */
    {"aware", "*", ".", ".", 1},                        /* E answered neither */
    {"aware", "sector=Public", "1", "3", 2},
    {"aware", "sector=Third", "2", "2", 1},
    {"aware", "sector=Third", ".", ".", 1},
    {"aware", "size=Small", "1", "3", 1},
    {"aware", "size=Small", "2", "2", 1},
    {"aware", "size=Large", "1", "3", 1},
    {"aware", "size=Large", "3", "-1", 1},

    {"grasp", "*", "2", "3", 1},                        /* A */
    {"grasp", "*", ".", ".", 1},                        /* C: asked, no answer */
    {"grasp", "*", "!", "!", 2},                        /* B, D: not asked, answered */
    {"grasp", "sector=Public", "2", "3", 1},
    {"grasp", "sector=Public", ".", ".", 1},
    {"grasp", "size=Small", "2", "3", 1},
    {"grasp", "size=Large", ".", ".", 1},

    {"rate", "*", "3", ".", 1},
    {"rate", "*", "-1", ".", 1},
    {"rate", "*", "-2", ".", 1},
    {"rate", "*", ".", ".", 1},
    {"rate", "*", "2", ".", 1},
    {"rate", "sector=Public", "3", ".", 1},
    {"rate", "sector=Public", "-2", ".", 1},
    {"rate", "sector=Third", "-1", ".", 1},
    {"rate", "sector=Third", "2", ".", 1},
    {"rate", "size=Small", "3", ".", 1},
    {"rate", "size=Small", "-1", ".", 1},
    {"rate", "size=Large", "-2", ".", 1},
    {"rate", "size=Large", ".", ".", 1},

    {"support", "*", "n", ".", 5},                      /* everyone was asked */
    {"support", "*", "1", ".", 2},                      /* A, C */
    {"support", "*", "2", ".", 2},                      /* C, D */
    {"support", "*", "3", ".", 2},                      /* A, D */
    {"support", "sector=Public", "n", ".", 2},
    {"support", "sector=Public", "1", ".", 2},
    {"support", "sector=Public", "2", ".", 1},
    {"support", "sector=Public", "3", ".", 1},
    {"support", "sector=Third", "n", ".", 2},           /* B and E ticked nothing */
    {"support", "size=Small", "n", ".", 2},
    {"support", "size=Small", "1", ".", 1},
    {"support", "size=Small", "3", ".", 1},
    {"support", "size=Large", "n", ".", 2},
    {"support", "size=Large", "1", ".", 1},
    {"support", "size=Large", "2", ".", 2},
    {"support", "size=Large", "3", ".", 1},

    {"comments", "*", "fine\tthanks", ".", 2},          /* A, D; E's blank is no answer */
    {"comments", "*", "line\nbreak", ".", 1},
    {"comments", "sector=Public", "fine\tthanks", ".", 1},
    {"comments", "sector=Public", "line\nbreak", ".", 1},
    {"comments", "size=Small", "fine\tthanks", ".", 1},
    {"comments", "size=Large", "fine\tthanks", ".", 1},
    {"comments", "size=Large", "line\nbreak", ".", 1},
};

/* A panel: P1 answered both waves, P2 only the before wave, P3 only the
 * after wave. Items of one wave show `~` for those who missed it; a
 * multi-select of the after wave counts only those asked. */
static const char panel_ini[] =
    "[survey]\n"
    "before_export = before.csv\n"
    "after_export  = after.csv\n"
    "id            = ID\n"
    "[scale rating]\n"
    "levels  = Poor | Fair | Good\n"
    "missing = Don't know\n"
    "[segment sector]\n"
    "column = Sector\n"
    "[paired aware]\n"
    "scale  = rating\n"
    "before = Aware\n"
    "after  = Aware\n"
    "[single early]\n"
    "scale  = rating\n"
    "column = Early\n"
    "wave   = before\n"
    "[single rate]\n"
    "scale  = rating\n"
    "column = Rate\n"
    "wave   = after\n"
    "[multi support]\n"
    "columns = Support: A | Support: B\n"
    "wave    = after\n"
    "[text comments]\n"
    "column = Comments\n"
    "wave   = after\n";

static const char panel_records[] =
    "prepost-records 1\n"
    "id\trow\twaves\tseg:sector\taware:before\taware:after\tearly\trate\tsupport\tcomments\n"
    "P1\t2\tboth\tPublic\t1\t3\t1\t2\t10\tok\n"
    "P2\t3\tbefore\tPublic\t-1\t\t3\t\t00\t\n"
    "P3\t4\tafter\tThird\t\t3\t\t3\t11\tlate\n";

static const expected_count panel_counts[] = {
    {"@respondents", "*", ".", ".", 3},
    {"@respondents", "sector=Public", ".", ".", 2},
    {"@respondents", "sector=Third", ".", ".", 1},
    {"aware", "*", "1", "3", 1},
    {"aware", "*", "-1", "~", 1},
    {"aware", "*", "~", "3", 1},
    {"aware", "sector=Public", "1", "3", 1},
    {"aware", "sector=Public", "-1", "~", 1},
    {"aware", "sector=Third", "~", "3", 1},
    {"early", "*", "1", ".", 1},
    {"early", "*", "3", ".", 1},
    {"early", "*", "~", ".", 1},
    {"early", "sector=Public", "1", ".", 1},
    {"early", "sector=Public", "3", ".", 1},
    {"early", "sector=Third", "~", ".", 1},
    {"rate", "*", "2", ".", 1},
    {"rate", "*", "~", ".", 1},
    {"rate", "*", "3", ".", 1},
    {"rate", "sector=Public", "2", ".", 1},
    {"rate", "sector=Public", "~", ".", 1},
    {"rate", "sector=Third", "3", ".", 1},
    {"support", "*", "n", ".", 2},                      /* P2 was not asked */
    {"support", "*", "1", ".", 2},
    {"support", "*", "2", ".", 1},
    {"support", "sector=Public", "n", ".", 1},
    {"support", "sector=Public", "1", ".", 1},
    {"support", "sector=Third", "n", ".", 1},
    {"support", "sector=Third", "1", ".", 1},
    {"support", "sector=Third", "2", ".", 1},
    {"comments", "*", "ok", ".", 1},
    {"comments", "*", "late", ".", 1},
    {"comments", "sector=Public", "ok", ".", 1},
    {"comments", "sector=Third", "late", ".", 1},
};

static pp_codebook *codebook(const char *text)
{
    pp_diag diag;
    pp_diag_clear(&diag);
    pp_codebook *cb = pp_codebook_read_buffer(text, strlen(text), "test.ini", &diag);
    if (cb == NULL)
        fprintf(stderr, "\n  codebook: line %ld: %s\n", diag.line, diag.detail);
    CU_ASSERT_FATAL(cb != NULL);
    return cb;
}

/* Tallies records text against a codebook text. */
static pp_error tally_records(pp_tally *t, const char *ini, const char *records,
                              long *respondents, pp_diag *diag)
{
    pp_codebook *cb = codebook(ini);
    pp_diag_clear(diag);
    pp_source *src = pp_source_from_buffer(records, strlen(records), "test.records");
    CU_ASSERT_FATAL(src != NULL);
    pp_error e = pp_tally_records(t, cb, src, respondents, diag);
    pp_source_free(src);
    pp_codebook_free(cb);
    return e;
}

/* Every expected count is there, and nothing else is. */
static void check_counts(pp_tally *t, const expected_count *want, size_t n_want)
{
    for (size_t i = 0; i < n_want; i++) {
        uint64_t got = count_of(t, want[i].item, want[i].segment, want[i].a, want[i].b);
        if (got != want[i].count)
            fprintf(stderr, "\n  %s | %s | %s | %s: %llu, expected %llu\n", want[i].item,
                    want[i].segment, want[i].a, want[i].b, (unsigned long long)got,
                    (unsigned long long)want[i].count);
        CU_ASSERT_EQUAL(got, want[i].count);
    }
    const pp_tally_entry *e;
    size_t n = pp_tally_entries(t, &e);
    if (n != n_want) {
        char *text = tally_text(t);
        fprintf(stderr, "\n  %zu keys, expected %zu:\n%s", n, n_want, text);
        free(text);
    }
    CU_ASSERT_EQUAL(n, n_want);
}

static void test_records_counts(void)
{
    pp_tally *t = pp_tally_new();
    pp_diag diag;
    long respondents = -1;
    CU_ASSERT_EQUAL_FATAL(tally_records(t, survey_ini, survey_records, &respondents, &diag),
                          PP_OK);
    CU_ASSERT_EQUAL(respondents, 5);
    check_counts(t, survey_counts, sizeof survey_counts / sizeof survey_counts[0]);
    pp_tally_free(t);
}

static void test_records_panel(void)
{
    pp_tally *t = pp_tally_new();
    pp_diag diag;
    long respondents = -1;
    CU_ASSERT_EQUAL_FATAL(tally_records(t, panel_ini, panel_records, &respondents, &diag),
                          PP_OK);
    CU_ASSERT_EQUAL(respondents, 3);
    check_counts(t, panel_counts, sizeof panel_counts / sizeof panel_counts[0]);
    pp_tally_free(t);
}

/* Records with only the two header lines count nothing. */
static void test_records_none(void)
{
    pp_tally *t = pp_tally_new();
    pp_diag diag;
    long respondents = -1;
    CU_ASSERT_EQUAL(tally_records(t, survey_ini, SURVEY_COLUMNS, &respondents, &diag), PP_OK);
    CU_ASSERT_EQUAL(respondents, 0);
    char *text = tally_text(t);
    CU_ASSERT_STRING_EQUAL(text, TALLY_HEADER);
    free(text);
    pp_tally_free(t);
}

/* Tallying the records one by one into one tally gives what tallying them
 * together gives: the property merging rests on. */
static void test_records_one_at_a_time(void)
{
    pp_tally *whole = pp_tally_new(), *parts = pp_tally_new();
    pp_diag diag;
    CU_ASSERT_EQUAL_FATAL(tally_records(whole, survey_ini, survey_records, NULL, &diag), PP_OK);
    const char *line = strchr(strchr(survey_records, '\n') + 1, '\n') + 1;
    while (*line != '\0') {
        const char *end = strchr(line, '\n') + 1;
        size_t header = strlen(SURVEY_COLUMNS), len = (size_t)(end - line);
        char *one = malloc(header + len + 1);
        memcpy(one, SURVEY_COLUMNS, header);
        memcpy(one + header, line, len);
        one[header + len] = '\0';
        CU_ASSERT_EQUAL(tally_records(parts, survey_ini, one, NULL, &diag), PP_OK);
        free(one);
        line = end;
    }
    char *a = tally_text(whole), *b = tally_text(parts);
    CU_ASSERT_STRING_EQUAL(a, b);
    free(a);
    free(b);
    pp_tally_free(whole);
    pp_tally_free(parts);
}

/* A good record, then one bad one at line 4. */
#define GOOD_RECORD "A\t2\tboth\tPublic\tSmall\t1\t3\t2\t3\t3\t101\t\n"

static const struct {
    const char *name;
    const char *records;
    long line;
    long column;            /* 1-based, 0 = not named */
    const char *detail;
} records_errors[] = {
    {"paired code past the scale", SURVEY_COLUMNS GOOD_RECORD
     "B\t3\tboth\tThird\tSmall\t4\t2\t\t\t\t000\t\n", 4, 6,
     "'4' is not a code of this item's scale"},
    {"after code past the scale", SURVEY_COLUMNS GOOD_RECORD
     "B\t3\tboth\tThird\tSmall\t1\t9\t\t\t\t000\t\n", 4, 7, "'9' is not a code"},
    {"missing code past the scale", SURVEY_COLUMNS GOOD_RECORD
     "B\t3\tboth\tThird\tSmall\t-3\t2\t\t\t\t000\t\n", 4, 6, "'-3' is not a code"},
    {"code 0", SURVEY_COLUMNS GOOD_RECORD
     "B\t3\tboth\tThird\tSmall\t0\t2\t\t\t\t000\t\n", 4, 6, "'0' is not a code"},
    {"code -0", SURVEY_COLUMNS GOOD_RECORD
     "B\t3\tboth\tThird\tSmall\t-0\t2\t\t\t\t000\t\n", 4, 6, "'-0' is not a code"},
    {"a minus alone", SURVEY_COLUMNS GOOD_RECORD
     "B\t3\tboth\tThird\tSmall\t-\t2\t\t\t\t000\t\n", 4, 6, "'-' is not a code"},
    {"a label, not a code", SURVEY_COLUMNS GOOD_RECORD
     "B\t3\tboth\tThird\tSmall\tGood\t2\t\t\t\t000\t\n", 4, 6, "'Good' is not a code"},
    {"decimal code", SURVEY_COLUMNS GOOD_RECORD
     "B\t3\tboth\tThird\tSmall\t1\t2\t\t\t1.5\t000\t\n", 4, 10, "'1.5' is not a code"},
    {"huge code", SURVEY_COLUMNS GOOD_RECORD
     "B\t3\tboth\tThird\tSmall\t1\t2\t\t\t99999999999999999999\t000\t\n", 4, 10,
     "is not a code"},
    {"bad code outside among", SURVEY_COLUMNS GOOD_RECORD
     "B\t3\tboth\tThird\tSmall\t1\t2\t7\t\t\t000\t\n", 4, 8, "'7' is not a code"},
    {"multi too short", SURVEY_COLUMNS GOOD_RECORD
     "B\t3\tboth\tThird\tSmall\t1\t2\t\t\t\t10\t\n", 4, 11, "one 0 or 1 per option"},
    {"multi too long", SURVEY_COLUMNS GOOD_RECORD
     "B\t3\tboth\tThird\tSmall\t1\t2\t\t\t\t1000\t\n", 4, 11, "one 0 or 1 per option"},
    {"multi not 0 or 1", SURVEY_COLUMNS GOOD_RECORD
     "B\t3\tboth\tThird\tSmall\t1\t2\t\t\t\t1x1\t\n", 4, 11, "'1x1' is not one 0 or 1"},
    {"multi empty", SURVEY_COLUMNS GOOD_RECORD
     "B\t3\tboth\tThird\tSmall\t1\t2\t\t\t\t\t\n", 4, 11, "one 0 or 1 per option"},
    {"unknown wave", SURVEY_COLUMNS GOOD_RECORD
     "B\t3\tneither\tThird\tSmall\t1\t2\t\t\t\t000\t\n", 4, 3,
     "'neither' is not both, before or after"},
    {"too few fields", SURVEY_COLUMNS GOOD_RECORD
     "B\t3\tboth\tThird\tSmall\t1\t2\n", 4, 0, "7 fields but the column line names 12"},
    {"no column for an item", "prepost-records 1\n"
     "id\trow\twaves\tseg:sector\tseg:size\taware:before\taware:after\t"
     "grasp:before\trate\tsupport\tcomments\n", 2, 0, "no column 'grasp:after'"},
    {"no column for a segment", "prepost-records 1\n"
     "id\trow\twaves\tseg:sector\taware:before\taware:after\t"
     "grasp:before\tgrasp:after\trate\tsupport\tcomments\n", 2, 0, "no column 'seg:size'"},
    {"no waves column", "prepost-records 1\n"
     "id\trow\twave\tseg:sector\tseg:size\taware:before\taware:after\t"
     "grasp:before\tgrasp:after\trate\tsupport\tcomments\n", 2, 0, "should be \"waves\""},
    {"a tally, not records", TALLY_HEADER, 1, 0, "not a records file"},
};

static void test_records_errors(void)
{
    for (size_t i = 0; i < sizeof records_errors / sizeof records_errors[0]; i++) {
        pp_tally *t = pp_tally_new();
        pp_diag diag;
        pp_error e = tally_records(t, survey_ini, records_errors[i].records, NULL, &diag);
        int ok = e == PP_ERR_RECORDS && diag.line == records_errors[i].line &&
                 diag.column == records_errors[i].column &&
                 strstr(diag.detail, records_errors[i].detail) != NULL;
        if (!ok)
            fprintf(stderr, "\n  %s: error %d at line %ld column %ld: %s\n",
                    records_errors[i].name, (int)e, diag.line, diag.column, diag.detail);
        CU_ASSERT_EQUAL(e, PP_ERR_RECORDS);
        CU_ASSERT_EQUAL(diag.line, records_errors[i].line);
        CU_ASSERT_EQUAL(diag.column, records_errors[i].column);
        CU_ASSERT_STRING_EQUAL(diag.file, "test.records");
        CU_ASSERT_PTR_NOT_NULL(strstr(diag.detail, records_errors[i].detail));
        pp_tally_free(t);
    }
}

CU_ErrorCode add_suites(void)
{
    static CU_TestInfo format_tests[] = {
        {"canonical bytewise order", test_canonical_order},
        {"repeated keys are summed", test_duplicates_are_summed},
        {"overflow and zero counts", test_limits},
        {"fields are escaped as in records", test_escaping},
        {"an empty tally is its two header lines", test_empty_tally},
        {"many keys", test_many_keys},
        {"reading adds up, in any order", test_read_merges},
        {"the largest count reads", test_read_limits},
        {"damaged tallies name their line", test_read_errors},
        CU_TEST_INFO_NULL,
    };
    static CU_TestInfo records_tests[] = {
        {"counts per item, segment level and code", test_records_counts},
        {"panel waves", test_records_panel},
        {"no records", test_records_none},
        {"record by record gives the same tally", test_records_one_at_a_time},
        {"records that do not fit the codebook", test_records_errors},
        CU_TEST_INFO_NULL,
    };
    CU_ErrorCode e;
    if ((e = add_suite("tally format", format_tests)) != CUE_SUCCESS)
        return e;
    return add_suite("tally records", records_tests);
}

/* test_init_ids.c: the ids prepost init gives items, segments and
 * batteries (init_ids.h): the words that tell a text from its siblings,
 * stop words and question numbers left out, other alphabets in ASCII,
 * unique, never empty, never long, and the same every time. Each case is
 * the texts of one export, in the order their ids are made. */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "cunit_main.h"
#include "init_id_words.h"
#include "init_ids.h"

#define ITEM PP_INIT_ID_ITEM
#define SEGMENT PP_INIT_ID_SEGMENT
#define BATTERY PP_INIT_ID_BATTERY

typedef struct {
    const char *text;
    pp_init_id_kind kind;
    const char *context;    /* a battery's id, or NULL */
    const char *id;         /* expected */
} id_case;

static const struct {
    const char *what;
    id_case texts[8];
} exports[] = {
    {"siblings that start the same way lose the words they share", {
        {"Which sector does your organisation belong to?", SEGMENT, NULL, "sector"},
        {"How would you rate your awareness of commissioning services from third sector "
         "organisations?", ITEM, NULL, "awareness_commissioning_services"},
        {"How would you rate your understanding of the commissioning cycle?", ITEM, NULL,
         "understanding_commissioning_cycle"},
        {"How would you rate your understanding of how third sector organisations work?", ITEM,
         NULL, "understanding_third_sector"},
        {"How would you rate your knowledge of procurement rules?", ITEM, NULL,
         "knowledge_procurement_rules"},
        {"How far do you agree with the following statements?", BATTERY, NULL, "agree_statements"},
    }},
    {"a word every sibling has, stop word or not, tells none apart; a number keeps the "
     "word before it", {
        {"How satisfied were you with the venue?", ITEM, NULL, "venue"},
        {"How satisfied were you with the speakers?", ITEM, NULL, "speakers"},
        {"How satisfied were you with the catering and the refreshments?", ITEM, NULL,
         "catering_refreshments"},
        {"Satisfied customers", ITEM, NULL, "satisfied_customers"},
        {"Rate module 1", ITEM, NULL, "module_1"},
        {"Rate module 2", ITEM, NULL, "module_2"},
    }},
    {"stop words, question numbers and the first sentence", {
        {"What is your age?", SEGMENT, NULL, "age"},
        {"Which type of organisation do you work for?", SEGMENT, NULL, "organisation"},
        {"Please tell us about your experience of the programme", ITEM, NULL,
         "experience_programme"},
        {"Q3. How would you rate your confidence in bidding?", ITEM, NULL, "confidence_bidding"},
        {"12a) Overall, how useful was it?", ITEM, NULL, "useful"},
        {"Have you already implemented what was learned? Please give details.", ITEM, NULL,
         "implemented_learned"},
        {"Which tools (e.g. Slack) do you use?", ITEM, NULL, "tools_slack_use"},
        {"Q1_1", ITEM, NULL, "q1_1"},
    }},
    {"letters of other alphabets in ASCII, or dropped", {
        {"Gr\xC3\xB6\xC3\x9F" "e der Stra\xC3\x9F" "e", ITEM, NULL, "grosse_der_strasse"},
        {"\xC5\x81\xC3\xB3" "d\xC5\xBA office", ITEM, NULL, "lodz_office"},
        {"The organisation\xE2\x80\x99s reach", ITEM, NULL, "organisation_reach"},
        {"Na\x69\xCC\x88ve answers don't count", ITEM, NULL, "naive_answers_dont"},
        {"\xE2\x80\x9C" "Quoted\xE2\x80\x9D\xE2\x80\x94" "dash \xF0\x9F\x98\x80 mood", ITEM, NULL,
         "quoted_dash_mood"},
        {"\xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0 office", SEGMENT, NULL, "office"},
        {"\xD0\x9D\xD0\xB0\xD1\x88 \xE5\x9F\x8E\xE5\xB8\x82", ITEM, NULL, "item"},
        {"Caf\xC3\xA9 \xFF\xFE broken \xE2\x80", SEGMENT, NULL, "cafe"},
    }},
    {"an id given already takes more words, its battery's, then a number", {
        {"Comments", ITEM, NULL, "comments"},
        {"Comments", ITEM, NULL, "comments_2"},
        {"Sector", SEGMENT, NULL, "sector"},
        {"Sector worked in", SEGMENT, NULL, "sector_worked"},
        {"Planning", ITEM, "works_public", "works_planning"},
        {"Planning", ITEM, "capability", "capability_planning"},
        {"Summary", ITEM, NULL, "summary_2"},
        {"Monitoring/evaluation", ITEM, "works_public", "monitoring_evaluation"},
    }},
    {"no word left: the words that are not stop words, all the words, the kind", {
        {"Overall satisfaction", ITEM, NULL, "satisfaction"},
        {"Overall satisfaction with the course", ITEM, NULL, "course"},
        {"How would you rate it?", ITEM, NULL, "how_would_you"},
        {"???", ITEM, NULL, "item"},
        {"", ITEM, NULL, "item_2"},
        {"", SEGMENT, NULL, "segment"},
        {" - ", BATTERY, NULL, "battery"},
    }},
    {"a very long text: whole words, at most 40 characters", {
        {"Considering everything that happened throughout the programme, including the "
         "workshops, the mentoring and the online material, how would you rate it?", ITEM, NULL,
         "considering_everything_happened"},
        {"Pneumonoultramicroscopicsilicovolcanoconiosisandthensome and more", ITEM, NULL,
         "pneumonoultramicroscopicsilicovolcanocon"},
        {"Internationalisation responsibilities accountabilities", ITEM, NULL,
         "internationalisation_responsibilities"},
        {"Internationalisation responsibilities accountabilities", ITEM, NULL,
         "internationalisation_responsibilities_2"},
    }},
};

/* Letters, digits and '_' only, at most 64 (the codebook's names). */
static int valid_name(const char *id)
{
    size_t n = strlen(id);
    for (const char *s = id; *s; s++)
        if (!(islower((unsigned char)*s) || isdigit((unsigned char)*s) || *s == '_'))
            return 0;
    return n > 0 && n <= PP_INIT_ID_WORDS_LEN + 6 && id[0] != '_' && id[n - 1] != '_';
}

/* The ids of export e, made in order, into got. */
static void make_ids(size_t e, char got[][PP_INIT_ID_CAP])
{
    pp_init_id_texts siblings = {0};
    pp_strings taken = {0};
    const id_case *t = exports[e].texts;
    for (size_t i = 0; i < 8 && t[i].text != NULL; i++)
        CU_ASSERT_EQUAL_FATAL(pp_init_id_texts_add(&siblings, t[i].text), 0);
    for (size_t i = 0; i < 8 && t[i].text != NULL; i++)
        CU_ASSERT_EQUAL(pp_init_id_make(&siblings, t[i].text, t[i].context, t[i].kind, &taken,
                                        got[i], PP_INIT_ID_CAP), 0);
    pp_init_id_texts_free(&siblings);
    pp_strings_clear(&taken);
}

static void test_ids(void)
{
    for (size_t e = 0; e < sizeof exports / sizeof *exports; e++) {
        char got[8][PP_INIT_ID_CAP], again[8][PP_INIT_ID_CAP];
        make_ids(e, got);
        make_ids(e, again);
        const id_case *t = exports[e].texts;
        for (size_t i = 0; i < 8 && t[i].text != NULL; i++) {
            if (strcmp(got[i], t[i].id) != 0)
                fprintf(stderr, "%s: \"%s\" gave %s, not %s\n", exports[e].what, t[i].text,
                        got[i], t[i].id);
            CU_ASSERT_STRING_EQUAL(got[i], t[i].id);
            CU_ASSERT_STRING_EQUAL(again[i], got[i]);
            CU_ASSERT_TRUE(valid_name(got[i]));
            for (size_t j = 0; j < i; j++)
                CU_ASSERT_STRING_NOT_EQUAL(got[j], got[i]);
        }
    }
}

/* The words of a text, and how many make its first sentence. */
static const struct {
    const char *text;
    const char *words;      /* joined by ' ' */
    size_t first;
} word_cases[] = {
    {"How would you rate your awareness?", "how would you rate your awareness", 6},
    {"Learned? Please give details.", "learned please give details", 1},
    {"U.K. based, e.g. London. Or not", "uk based eg london or not", 4},
    {"Q3. Confidence", "q3 confidence", 2},
    {"\xC3\x89" "t\xC3\xA9 \xC3\x86on \xC5\x92uvre", "ete aeon oeuvre", 3},
    {"Don\xE2\x80\x99t know; organisations' work", "dont know organisations work", 4},
    {"3.5 stars", "3 5 stars", 3},
    {"", "", 0},
};

static void test_words(void)
{
    for (size_t i = 0; i < sizeof word_cases / sizeof *word_cases; i++) {
        pp_strings words = {0};
        size_t first = 99;
        char joined[256] = "";
        CU_ASSERT_EQUAL_FATAL(pp_init_id_words(word_cases[i].text, &words, &first), 0);
        for (size_t k = 0; k < words.count; k++)
            snprintf(joined + strlen(joined), sizeof joined - strlen(joined), "%s%s",
                     k ? " " : "", words.items[k]);
        if (strcmp(joined, word_cases[i].words) != 0 || first != word_cases[i].first)
            fprintf(stderr, "\"%s\" gave \"%s\" (%zu in the first sentence)\n",
                    word_cases[i].text, joined, first);
        CU_ASSERT_STRING_EQUAL(joined, word_cases[i].words);
        CU_ASSERT_EQUAL(first, word_cases[i].first);
        pp_strings_clear(&words);
    }
}

/* A text of thousands of words: the first PP_INIT_ID_WORDS_MAX are read. */
static void test_many_words(void)
{
    static char text[20000];
    size_t n = 0;
    for (int k = 0; n + 16 < sizeof text; k++)
        n += (size_t)snprintf(text + n, sizeof text - n, "word%d ", k);
    pp_strings words = {0};
    size_t first;
    CU_ASSERT_EQUAL(pp_init_id_words(text, &words, &first), 0);
    CU_ASSERT_EQUAL(words.count, PP_INIT_ID_WORDS_MAX);
    pp_strings_clear(&words);
}

/* Thousands of columns of one name (an export of "Comments", or of empty
 * headings): comments, comments_2, ... comments_3000, all different. (How
 * long it takes is not asserted: timed tests fail on busy machines.) */
static void test_many_alike(void)
{
    enum { N = 3000 };
    pp_init_id_texts siblings = {0};
    pp_strings taken = {0};
    char id[PP_INIT_ID_CAP];
    CU_ASSERT_EQUAL_FATAL(pp_init_id_texts_add(&siblings, "Comments"), 0);
    for (size_t i = 0; i < N; i++)
        CU_ASSERT_EQUAL(pp_init_id_make(&siblings, "Comments", NULL, ITEM, &taken, id,
                                        sizeof id), 0);
    CU_ASSERT_STRING_EQUAL(id, "comments_3000");
    CU_ASSERT_EQUAL(taken.count, N);
    CU_ASSERT_STRING_EQUAL(taken.items[1], "comments_2");
    for (size_t i = 1; i < taken.count; i++)
        CU_ASSERT_STRING_NOT_EQUAL(taken.items[i - 1], taken.items[i]);
    pp_init_id_texts_free(&siblings);
    pp_strings_clear(&taken);
}

static CU_TestInfo tests[] = {
    {"ids of the texts of one export", test_ids},
    {"the words of a text", test_words},
    {"the words of a very long text", test_many_words},
    {"thousands of ids of one text", test_many_alike},
    CU_TEST_INFO_NULL,
};

CU_ErrorCode add_suites(void)
{
    return add_suite("init_ids", tests);
}

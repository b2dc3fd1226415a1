/* test_utf8.c: the UTF-8 check (utf8.h) and the words for text that is not
 * (not_utf8.h): valid one- to four-byte characters and their boundaries,
 * overlong forms, surrogates, sequences cut short, code points above
 * U+10FFFF, stray continuation and invalid lead bytes, each with the
 * offset of the first bad byte; the eight-bytes-at-a-time ASCII path with
 * a bad byte at every position and the text at every alignment; UTF-16
 * and UTF-32 told by byte-order mark and by NULs; and what a cell that is
 * not UTF-8 is said to be. */
#include <stdlib.h>
#include <string.h>

#include "cunit_main.h"
#include "not_utf8.h"
#include "utf8.h"

#define S(literal) literal, sizeof literal - 1

typedef struct {
    const char *name;
    const char *bytes;
    size_t len;
    size_t valid;           /* pp_utf8_valid_length: len when all valid */
} utf8_case;

static const utf8_case cases[] = {
    {"empty", S(""), 0},
    {"ASCII", S("Very good"), 9},
    {"NUL is a character", S("a\0b"), 3},
    {"two bytes", S("d\xC3\xA9j\xC3\xA0"), 6},
    {"three bytes", S("Don\xE2\x80\x99t"), 7},
    {"four bytes", S("\xF0\x9F\x91\xA9"), 4},
    {"U+0080, U+07FF", S("\xC2\x80\xDF\xBF"), 4},
    {"U+0800, U+FFFF", S("\xE0\xA0\x80\xEF\xBF\xBF"), 6},
    {"U+D7FF, U+E000 around the surrogates", S("\xED\x9F\xBF\xEE\x80\x80"), 6},
    {"U+10000, U+10FFFF", S("\xF0\x90\x80\x80\xF4\x8F\xBF\xBF"), 8},
    {"overlong 2 bytes (C0 AF)", S("a\xC0\xAF"), 1},
    {"overlong 2 bytes (C1 BF)", S("\xC1\xBF"), 0},
    {"overlong 3 bytes (E0 80 AF)", S("ab\xE0\x80\xAF"), 2},
    {"overlong 3 bytes (E0 9F BF)", S("\xE0\x9F\xBF"), 0},
    {"overlong 4 bytes (F0 8F BF BF)", S("\xF0\x8F\xBF\xBF"), 0},
    {"surrogate U+D800", S("x\xED\xA0\x80"), 1},
    {"surrogate U+DFFF", S("\xED\xBF\xBF"), 0},
    {"surrogate pair as CESU-8", S("\xED\xA0\xBD\xED\xB8\x80"), 0},
    {"above U+10FFFF (F4 90)", S("\xF4\x90\x80\x80"), 0},
    {"lead F5", S("ok\xF5\x80\x80\x80"), 2},
    {"lead FF", S("\xFF"), 0},
    {"lead FE", S("\xFE\xFF"), 0},
    {"cut short at the end: 2 of 3", S("caf\xE2\x80"), 3},
    {"cut short at the end: 1 of 2", S("caf\xC3"), 3},
    {"cut short at the end: 3 of 4", S("\xF0\x9F\x91"), 0},
    {"cut short by ASCII", S("\xE2\x80z"), 0},
    {"stray continuation", S("\xC3\xA9\xA9"), 2},
    {"Latin-1 e acute", S("caf\xE9"), 3},
    {"Windows-1252 apostrophe", S("Don\x92t know"), 3},
    {"valid after 8 ASCII", S("12345678\xC3\xA9"), 10},
    {"bad after 16 ASCII", S("1234567812345678\x80"), 16},
};

static void test_cases(void)
{
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const utf8_case *c = &cases[i];
        size_t got = pp_utf8_valid_length(c->bytes, c->len);
        if (got != c->valid)
            fprintf(stderr, "\n  %s: valid length %zu, expected %zu", c->name, got, c->valid);
        CU_ASSERT_EQUAL(got, c->valid);
        CU_ASSERT_EQUAL(pp_utf8_is_valid(c->bytes, c->len), c->valid == c->len);
    }
}

/* Every code point, encoded by hand, is valid; every surrogate is not. */
static void test_every_code_point(void)
{
    int wrong = 0;
    for (unsigned c = 1; c <= 0x10FFFF; c++) {
        unsigned char b[4];
        size_t n;
        if (c < 0x80)
            b[0] = (unsigned char)c, n = 1;
        else if (c < 0x800)
            b[0] = (unsigned char)(0xC0 | c >> 6), b[1] = (unsigned char)(0x80 | (c & 0x3F)), n = 2;
        else if (c < 0x10000) {
            b[0] = (unsigned char)(0xE0 | c >> 12);
            b[1] = (unsigned char)(0x80 | (c >> 6 & 0x3F));
            b[2] = (unsigned char)(0x80 | (c & 0x3F));
            n = 3;
        } else {
            b[0] = (unsigned char)(0xF0 | c >> 18);
            b[1] = (unsigned char)(0x80 | (c >> 12 & 0x3F));
            b[2] = (unsigned char)(0x80 | (c >> 6 & 0x3F));
            b[3] = (unsigned char)(0x80 | (c & 0x3F));
            n = 4;
        }
        int surrogate = c >= 0xD800 && c <= 0xDFFF;
        wrong += pp_utf8_is_valid(b, n) == surrogate;
    }
    CU_ASSERT_EQUAL(wrong, 0);
}

/* The ASCII fast path: 40 ASCII bytes at each of 8 alignments, then one
 * bad (or one valid two-byte) character at every position. */
static void test_ascii_every_alignment(void)
{
    char *block = malloc(64);
    CU_ASSERT_PTR_NOT_NULL_FATAL(block);
    for (size_t align = 0; align < 8; align++) {
        char *text = block + align;
        for (size_t len = 0; len <= 40; len++) {
            memset(text, 'a', len);
            CU_ASSERT_EQUAL(pp_utf8_valid_length(text, len), len);
            for (size_t at = 0; at < len; at++) {
                text[at] = (char)0x92;
                CU_ASSERT_EQUAL(pp_utf8_valid_length(text, len), at);
                if (at + 1 < len) {
                    text[at] = (char)0xC3, text[at + 1] = (char)0xA9;
                    CU_ASSERT_EQUAL(pp_utf8_valid_length(text, len), len);
                    text[at + 1] = 'a';
                    CU_ASSERT_EQUAL(pp_utf8_valid_length(text, len), at);
                }
                text[at] = 'a';
            }
        }
    }
    free(block);
}

static void test_wide(void)
{
    static const struct {
        const char *name, *bytes;
        size_t len;
        int bits;
        const char *says;
    } wide[] = {
        {"UTF-16LE with BOM", S("\xFF\xFER\0e\0"), 16, "UTF-16 text (little-endian, with a byte-order mark)"},
        {"UTF-16BE with BOM", S("\xFE\xFF\0R\0e"), 16, "UTF-16 text (big-endian, with a"},
        {"UTF-32LE with BOM", S("\xFF\xFE\0\0R\0\0\0"), 32, "UTF-32 text (little-endian, with a"},
        {"UTF-32BE with BOM", S("\0\0\xFE\xFF\0\0\0R"), 32, "UTF-32 text (big-endian"},
        {"UTF-16LE by NULs", S("R\0e\0s\0"), 16, "UTF-16 text (little-endian, told by the NUL"},
        {"UTF-16BE by NULs", S("\0R\0e"), 16, "UTF-16 text (big-endian"},
        {"UTF-32LE by NULs", S("R\0\0\0e\0\0\0"), 32, "UTF-32 text (little-endian"},
        {"UTF-32BE by NULs", S("\0\0\0R"), 32, "UTF-32 text (big-endian"},
        {"BOM alone", S("\xFF\xFE"), 16, "UTF-16"},
        {"UTF-8", S("Respondent ID"), 0, NULL},
        {"UTF-8 BOM", S("\xEF\xBB\xBFR"), 0, NULL},
        {"a NUL in a UTF-8 header", S("Re\0s"), 0, NULL},
        {"all NUL", S("\0\0\0\0"), 0, NULL},
        {"short", S("R\0"), 0, NULL},
        {"empty", S(""), 0, NULL},
    };
    for (size_t i = 0; i < sizeof wide / sizeof wide[0]; i++) {
        char why[512] = "";
        int bits = pp_not_utf8_wide(why, sizeof why, wide[i].bytes, wide[i].len, "FIX");
        if (bits != wide[i].bits)
            fprintf(stderr, "\n  %s: %d, expected %d", wide[i].name, bits, wide[i].bits);
        CU_ASSERT_EQUAL(bits, wide[i].bits);
        if (wide[i].says != NULL) {
            CU_ASSERT_PTR_NOT_NULL(strstr(why, wide[i].says));
            CU_ASSERT_PTR_NOT_NULL(strstr(why, "FIX"));
        }
    }
}

static void test_explain(void)
{
    static const struct {
        const char *name, *bytes;
        size_t len;
        const char *says[3];
    } texts[] = {
        {"Latin-1", S("d\xE9j\xE0"),
         {"byte 0xE9 at byte 2 of the cell", "\"d\xC3\xA9j\xC3\xA0\"", "looks like Windows-1252 or Latin-1"}},
        {"Windows-1252 apostrophe", S("Don\x92t know"),
         {"byte 0x92 at byte 4", "\"Don\xE2\x80\x99t know\"", "Windows-1252 or Latin-1: FIX"}},
        {"no Windows-1252 character", S("caf\x81"),
         {"byte 0x81", "\"caf\\x81\"", "in another encoding: FIX"}},
        {"partly UTF-8", S("\xC3\xA9t\xE9"),
         {"byte 0xE9 at byte 4", "\"\xC3\xA9t\\xE9\"", "partly UTF-8"}},
        {"control characters stay on one line", S("a\nb\x92"),
         {"\"a\\x0Ab\xE2\x80\x99\"", NULL, NULL}},
    };
    for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
        char why[768];
        size_t bad = pp_utf8_valid_length(texts[i].bytes, texts[i].len);
        pp_not_utf8_explain(why, sizeof why, texts[i].bytes, texts[i].len, bad, "cell",
                            "file", "FIX");
        CU_ASSERT_PTR_NULL(strchr(why, '\n'));
        CU_ASSERT(pp_utf8_is_valid(why, strlen(why)));
        for (size_t k = 0; k < 3 && texts[i].says[k] != NULL; k++) {
            if (strstr(why, texts[i].says[k]) == NULL)
                fprintf(stderr, "\n  %s: lacks %s: %s", texts[i].name, texts[i].says[k], why);
            CU_ASSERT_PTR_NOT_NULL(strstr(why, texts[i].says[k]));
        }
    }
}

/* A long cell is shown around its bad byte, cut with "...", and a small
 * buffer is never overrun. */
static void test_explain_long_and_small(void)
{
    char cell[400];
    memset(cell, 'x', sizeof cell);
    cell[300] = (char)0xE9;
    char why[768], small[16];
    pp_not_utf8_explain(why, sizeof why, cell, sizeof cell, 300, "cell", "file", "FIX");
    CU_ASSERT_PTR_NOT_NULL(strstr(why, "byte 301 of the cell"));
    CU_ASSERT_PTR_NOT_NULL(strstr(why, "\"...xxx"));
    CU_ASSERT_PTR_NOT_NULL(strstr(why, "xxx...\""));
    CU_ASSERT(strlen(why) < 300);
    memset(small, '#', sizeof small);
    pp_not_utf8_explain(small, 8, cell, sizeof cell, 300, "cell", "file", "FIX");
    CU_ASSERT_EQUAL(strlen(small), 7);
    CU_ASSERT_EQUAL(small[8], '#');
}

CU_ErrorCode add_suites(void)
{
    static CU_TestInfo tests[] = {
        {"valid and invalid sequences, with the first bad byte", test_cases},
        {"every code point is valid, every surrogate is not", test_every_code_point},
        {"the ASCII path at every alignment and position", test_ascii_every_alignment},
        {"UTF-16 and UTF-32 by byte-order mark and by NULs", test_wide},
        {"what a text that is not UTF-8 is said to be", test_explain},
        {"a long text shown around its bad byte; no overrun", test_explain_long_and_small},
        CU_TEST_INFO_NULL,
    };
    return add_suite("utf8", tests);
}

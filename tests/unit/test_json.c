/* test_json.c: the JSON writer behind results.json. Hostile label bytes
 * (quotes, backslashes, every control character, invalid and overlong
 * UTF-8, encoded surrogates) must still give valid JSON; numbers that JSON
 * cannot hold become null; nesting, commas and indentation come out exactly
 * as documented; pp_json_finish refuses a document that was not closed.
 * Output is checked against exact expected text and, for generated input,
 * with the strict JSON checker below (RFC 8259, UTF-8 checked byte by byte). */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cunit_main.h"
#include "json.h"

/* ---- a strict JSON checker ---------------------------------------------- */

typedef struct {
    const unsigned char *s;
    size_t len, at;
    int depth;
} checker;

static int peek(const checker *c)
{
    return c->at < c->len ? c->s[c->at] : -1;
}

static void skip_space(checker *c)
{
    while (c->at < c->len && strchr(" \t\n\r", c->s[c->at]) != NULL && c->s[c->at] != '\0')
        c->at++;
}

static int literal(checker *c, const char *word)
{
    size_t n = strlen(word);
    if (c->len - c->at < n || memcmp(c->s + c->at, word, n) != 0)
        return 0;
    c->at += n;
    return 1;
}

static int is_digit(int ch)
{
    return ch >= '0' && ch <= '9';
}

static int hex_value(int ch)
{
    if (is_digit(ch))
        return ch - '0';
    if (ch >= 'a' && ch <= 'f')
        return ch - 'a' + 10;
    if (ch >= 'A' && ch <= 'F')
        return ch - 'A' + 10;
    return -1;
}

/* Length of a well-formed UTF-8 sequence (RFC 3629: no overlongs, no
 * surrogates, nothing past U+10FFFF) at s, or 0. */
static size_t utf8_length(const unsigned char *s, size_t n)
{
    if (s[0] < 0x80)
        return 1;
    size_t len;
    uint32_t code, min;
    if (s[0] >= 0xC2 && s[0] <= 0xDF) { len = 2; code = s[0] & 0x1F; min = 0x80; }
    else if ((s[0] & 0xF0) == 0xE0) { len = 3; code = s[0] & 0x0F; min = 0x800; }
    else if (s[0] >= 0xF0 && s[0] <= 0xF4) { len = 4; code = s[0] & 0x07; min = 0x10000; }
    else return 0;
    if (len > n)
        return 0;
    for (size_t i = 1; i < len; i++) {
        if ((s[i] & 0xC0) != 0x80)
            return 0;
        code = code << 6 | (s[i] & 0x3F);
    }
    if (code < min || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF))
        return 0;
    return len;
}

/* A string literal; with out, its decoded bytes are appended there (out
 * must hold len bytes). */
static int check_string(checker *c, unsigned char *out, size_t *out_len)
{
    if (peek(c) != '"')
        return 0;
    c->at++;
    for (;;) {
        if (c->at >= c->len)
            return 0;
        unsigned char ch = c->s[c->at];
        if (ch == '"') {
            c->at++;
            return 1;
        }
        if (ch < 0x20)
            return 0;                       /* raw control characters are not JSON */
        if (ch != '\\') {
            size_t n = utf8_length(c->s + c->at, c->len - c->at);
            if (n == 0)
                return 0;
            if (out)
                memcpy(out + *out_len, c->s + c->at, n), *out_len += n;
            c->at += n;
            continue;
        }
        c->at++;
        int e = peek(c);
        const char *simple = "\"\\/bfnrt", *plain = "\"\\/\b\f\n\r\t";
        const char *hit = e > 0 ? strchr(simple, e) : NULL;
        if (hit != NULL) {
            if (out)
                out[(*out_len)++] = (unsigned char)plain[hit - simple];
            c->at++;
            continue;
        }
        if (e != 'u' || c->len - c->at < 5)
            return 0;
        uint32_t code = 0;
        for (int i = 1; i <= 4; i++) {
            int h = hex_value(c->s[c->at + i]);
            if (h < 0)
                return 0;
            code = code << 4 | (uint32_t)h;
        }
        c->at += 5;
        if (code >= 0xD800 && code <= 0xDFFF)
            return 0;                       /* the writer never needs surrogate escapes */
        if (out) {
            unsigned char *o = out + *out_len;
            if (code < 0x80)
                o[0] = (unsigned char)code, *out_len += 1;
            else if (code < 0x800)
                o[0] = (unsigned char)(0xC0 | code >> 6),
                o[1] = (unsigned char)(0x80 | (code & 0x3F)), *out_len += 2;
            else
                o[0] = (unsigned char)(0xE0 | code >> 12),
                o[1] = (unsigned char)(0x80 | (code >> 6 & 0x3F)),
                o[2] = (unsigned char)(0x80 | (code & 0x3F)), *out_len += 3;
        }
    }
}

static int check_number(checker *c)
{
    if (peek(c) == '-')
        c->at++;
    if (peek(c) == '0')
        c->at++;
    else if (is_digit(peek(c)) && peek(c) != '0')
        while (is_digit(peek(c)))
            c->at++;
    else
        return 0;
    if (peek(c) == '.') {
        c->at++;
        if (!is_digit(peek(c)))
            return 0;
        while (is_digit(peek(c)))
            c->at++;
    }
    if (peek(c) == 'e' || peek(c) == 'E') {
        c->at++;
        if (peek(c) == '+' || peek(c) == '-')
            c->at++;
        if (!is_digit(peek(c)))
            return 0;
        while (is_digit(peek(c)))
            c->at++;
    }
    return 1;
}

static int check_value(checker *c)
{
    skip_space(c);
    int ch = peek(c);
    if (ch == '{' || ch == '[') {
        if (++c->depth > 64)
            return 0;
        c->at++;
        skip_space(c);
        int close = ch == '{' ? '}' : ']';
        if (peek(c) != close) {
            for (;;) {
                if (ch == '{') {
                    skip_space(c);
                    if (!check_string(c, NULL, NULL))
                        return 0;
                    skip_space(c);
                    if (peek(c) != ':')
                        return 0;
                    c->at++;
                }
                if (!check_value(c))
                    return 0;
                skip_space(c);
                if (peek(c) != ',')
                    break;
                c->at++;
            }
        }
        if (peek(c) != close)
            return 0;
        c->at++;
        c->depth--;
        return 1;
    }
    if (ch == '"')
        return check_string(c, NULL, NULL);
    if (ch == '-' || is_digit(ch))
        return check_number(c);
    return literal(c, "true") || literal(c, "false") || literal(c, "null");
}

/* 1 if text[0..len) is exactly one JSON value (white space around it allowed). */
static int json_valid(const char *text, size_t len)
{
    checker c = {(const unsigned char *)text, len, 0, 0};
    if (!check_value(&c))
        return 0;
    skip_space(&c);
    return c.at == len;
}

/* The checker itself must tell valid from invalid, or it proves nothing. */
static void test_checker_rejects(void)
{
    static const char *const good[] = {
        "{}", "[]", "0", "-0.5e+3", "\"\\u00e9\"", "{\"a\": [1, 2, {\"b\": null}]}",
        "\"caf\xc3\xa9\"", " true\n",
    };
    static const char *const bad[] = {
        "", "[1,]", "[1 2]", "{\"a\" 1}", "{1: 2}", "01", "1.", "-", "NaN", "nan",
        "inf", "-0.", "\"a", "\"\t\"", "\"\\x\"", "\"\\u12\"", "\"\xff\"",
        "\"\xc0\xaf\"", "\"\xed\xa0\x80\"", "\"\\ud800\"", "[}", "{]", "1 2", "tru",
        "\"\xe2\x82\"",
    };
    for (size_t i = 0; i < sizeof good / sizeof good[0]; i++)
        CU_ASSERT(json_valid(good[i], strlen(good[i])));
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        CU_ASSERT(!json_valid(bad[i], strlen(bad[i])));
}

/* ---- strings, exactly ----------------------------------------------------- */

static char *string_literal(const char *s, size_t len, size_t *out_len)
{
    char *text = NULL;
    size_t n = 0;
    FILE *out = open_memstream(&text, &n);
    CU_ASSERT_FATAL(out != NULL);
    pp_json_write_string(out, s, len);
    fclose(out);
    *out_len = n;
    return text;
}

#define S(literal) literal, sizeof literal - 1   /* a literal and its length */
static const struct {
    const char *name;
    const char *in;
    size_t len;
    const char *out;
} string_cases[] = {
    {"plain", S("Public sector"), "\"Public sector\""},
    {"empty", S(""), "\"\""},
    {"quotes", S("He said \"great\""), "\"He said \\\"great\\\"\""},
    {"backslashes", S("C:\\new\\"), "\"C:\\\\new\\\\\""},
    {"named controls", S("tab\there\nline\rcr"), "\"tab\\there\\nline\\rcr\""},
    {"NUL in the middle", S("a\0b"), "\"a\\u0000b\""},
    {"bell, backspace, form feed", S("\a\b\f"), "\"\\u0007\\u0008\\u000c\""},
    {"unit separator", S("\x1f"), "\"\\u001f\""},
    {"DEL", S("\x7f"), "\"\\u007f\""},
    {"slash as is", S("a/b"), "\"a/b\""},
    {"two-byte UTF-8", S("caf\xc3\xa9"), "\"caf\xc3\xa9\""},
    {"three-byte UTF-8", S("\xe2\x80\x99 and \xe2\x82\xac"), "\"\xe2\x80\x99 and \xe2\x82\xac\""},
    {"four-byte UTF-8", S("\xf0\x9f\x98\x80"), "\"\xf0\x9f\x98\x80\""},
    {"highest code point", S("\xf4\x8f\xbf\xbf"), "\"\xf4\x8f\xbf\xbf\""},
    {"BOM passes through", S("\xef\xbb\xbfid"), "\"\xef\xbb\xbfid\""},
    {"Latin-1 byte", S("caf\xe9"), "\"caf\\ufffd\""},
    {"lone continuation", S("\x80x"), "\"\\ufffdx\""},
    {"0xff and 0xfe", S("\xff\xfe"), "\"\\ufffd\\ufffd\""},
    {"truncated 2-byte at end", S("a\xc3"), "\"a\\ufffd\""},
    {"truncated 3-byte at end", S("\xe2\x82"), "\"\\ufffd\\ufffd\""},
    {"lead then ASCII", S("\xe2x\xe2"), "\"\\ufffdx\\ufffd\""},
    {"overlong slash", S("\xc0\xaf"), "\"\\ufffd\\ufffd\""},
    {"overlong NUL", S("\xc0\x80"), "\"\\ufffd\\ufffd\""},
    {"overlong 3-byte", S("\xe0\x80\xaf"), "\"\\ufffd\\ufffd\\ufffd\""},
    {"overlong 4-byte", S("\xf0\x80\x80\xaf"), "\"\\ufffd\\ufffd\\ufffd\\ufffd\""},
    {"high surrogate", S("\xed\xa0\x80"), "\"\\ufffd\\ufffd\\ufffd\""},
    {"low surrogate", S("\xed\xbf\xbf"), "\"\\ufffd\\ufffd\\ufffd\""},
    {"surrogate pair as CESU-8", S("\xed\xa0\xbd\xed\xb8\x80"),
     "\"\\ufffd\\ufffd\\ufffd\\ufffd\\ufffd\\ufffd\""},
    {"past U+10FFFF", S("\xf4\x90\x80\x80"), "\"\\ufffd\\ufffd\\ufffd\\ufffd\""},
    {"five-byte lead", S("\xf8\x88\x80\x80\x80"),
     "\"\\ufffd\\ufffd\\ufffd\\ufffd\\ufffd\""},
    {"last before surrogates", S("\xed\x9f\xbf"), "\"\xed\x9f\xbf\""},
    {"first after surrogates", S("\xee\x80\x80"), "\"\xee\x80\x80\""},
    {"quote after bad byte", S("\xc3\""), "\"\\ufffd\\\"\""},
};
#undef S

static void test_string_exact(void)
{
    for (size_t i = 0; i < sizeof string_cases / sizeof string_cases[0]; i++) {
        size_t len;
        char *text = string_literal(string_cases[i].in, string_cases[i].len, &len);
        if (strcmp(text, string_cases[i].out) != 0 || len != strlen(string_cases[i].out))
            fprintf(stderr, "\n  %s: got %s\n", string_cases[i].name, text);
        CU_ASSERT_STRING_EQUAL(text, string_cases[i].out);
        CU_ASSERT_EQUAL(len, strlen(string_cases[i].out));
        CU_ASSERT(json_valid(text, len));
        free(text);
    }
}

/* Every control character, alone: an escape, never the raw byte. */
static void test_every_control_character(void)
{
    for (int ch = 0; ch < 0x80; ch++) {
        if (ch >= 0x20 && ch != 0x7f)
            continue;
        char in = (char)ch;
        size_t len;
        char *text = string_literal(&in, 1, &len);
        CU_ASSERT(json_valid(text, len));
        CU_ASSERT(memchr(text, ch, len) == NULL);
        CU_ASSERT(len == 4 || len == 8);        /* "\n" or "\u0001" */
        unsigned char decoded[8];
        size_t decoded_len = 0;
        checker c = {(const unsigned char *)text, len, 0, 0};
        CU_ASSERT(check_string(&c, decoded, &decoded_len));
        CU_ASSERT_EQUAL(decoded_len, 1);
        CU_ASSERT_EQUAL(decoded[0], ch);
        free(text);
    }
}

/* Every string of one or two bytes, and many seeded random ones drawn
 * mostly from the bytes UTF-8 is made of: always valid JSON; and where the
 * input is well-formed UTF-8, the JSON decodes back to exactly the input. */
static void check_round_trip(const unsigned char *in, size_t len)
{
    size_t text_len;
    char *text = string_literal((const char *)in, len, &text_len);
    unsigned char *decoded = malloc(text_len + 1);
    size_t decoded_len = 0;
    checker c = {(const unsigned char *)text, text_len, 0, 0};
    int ok = check_string(&c, decoded, &decoded_len) && c.at == text_len;
    CU_ASSERT(ok);
    if (!ok)
        fprintf(stderr, "\n  invalid JSON for %zu bytes starting %02x: %s\n",
                len, len ? in[0] : 0, text);
    int well_formed = 1;
    for (size_t i = 0; i < len && well_formed;) {
        size_t n = utf8_length(in + i, len - i);
        well_formed = n > 0;
        i += n;
    }
    if (well_formed && ok) {
        CU_ASSERT_EQUAL(decoded_len, len);
        CU_ASSERT(memcmp(decoded, in, len) == 0);
    }
    free(decoded);
    free(text);
}

static void test_all_short_strings(void)
{
    unsigned char in[2];
    for (int a = 0; a < 256; a++) {
        in[0] = (unsigned char)a;
        check_round_trip(in, 1);
        for (int b = 0; b < 256; b++) {
            in[1] = (unsigned char)b;
            check_round_trip(in, 2);
        }
    }
}

static void test_random_strings(void)
{
    static const unsigned char alphabet[] = {
        'a', '"', '\\', '\n', 0x00, 0x1f, 0x7f, 0x80, 0x8f, 0xa0, 0xbf, 0xc0, 0xc2,
        0xdf, 0xe0, 0xe1, 0xed, 0xef, 0xf0, 0xf4, 0xf5, 0xff,
    };
    uint64_t state = 20110301;
    unsigned char in[12];
    for (int n = 0; n < 50000; n++) {
        state = state * 6364136223846793005ULL + 1442695040888963407ULL;
        size_t len = (size_t)(state >> 60) % sizeof in;
        for (size_t i = 0; i < len; i++) {
            state = state * 6364136223846793005ULL + 1442695040888963407ULL;
            in[i] = alphabet[(state >> 33) % sizeof alphabet];
        }
        check_round_trip(in, len);
    }
}

/* ---- documents ------------------------------------------------------------ */

typedef struct {
    char *text;
    size_t len;
    FILE *out;
    pp_json j;
} doc;

static void doc_open(doc *d)
{
    d->text = NULL;
    d->len = 0;
    d->out = open_memstream(&d->text, &d->len);
    CU_ASSERT_FATAL(d->out != NULL);
    pp_json_init(&d->j, d->out);
}

/* Finishes the document; returns what pp_json_finish said. */
static int doc_close(doc *d)
{
    int status = pp_json_finish(&d->j);
    fclose(d->out);
    return status;
}

static void test_nesting_and_commas(void)
{
    doc d;
    doc_open(&d);
    pp_json_begin_object(&d.j);
    pp_json_key(&d.j, "schema");
    pp_json_integer(&d.j, 1);
    pp_json_key(&d.j, "items");
    pp_json_begin_array(&d.j);
    pp_json_begin_object(&d.j);
    pp_json_key(&d.j, "id");
    pp_json_cstring(&d.j, "awareness");
    pp_json_key(&d.j, "pct");
    pp_json_begin_array(&d.j);
    pp_json_number(&d.j, 12.5);
    pp_json_number(&d.j, 87.5);
    pp_json_end_array(&d.j);
    pp_json_key(&d.j, "flags");
    pp_json_begin_array(&d.j);
    pp_json_end_array(&d.j);
    pp_json_key(&d.j, "extra");
    pp_json_begin_object(&d.j);
    pp_json_end_object(&d.j);
    pp_json_end_object(&d.j);
    pp_json_bool(&d.j, 1);
    pp_json_bool(&d.j, 0);
    pp_json_null(&d.j);
    pp_json_cstring(&d.j, NULL);
    pp_json_end_array(&d.j);
    pp_json_key(&d.j, "odd \"key\"\n");
    pp_json_string(&d.j, "x\0y", 3);
    pp_json_end_object(&d.j);
    CU_ASSERT_EQUAL(doc_close(&d), 0);
    const char *expected =
        "{\n"
        "  \"schema\": 1,\n"
        "  \"items\": [\n"
        "    {\n"
        "      \"id\": \"awareness\",\n"
        "      \"pct\": [\n"
        "        12.5,\n"
        "        87.5\n"
        "      ],\n"
        "      \"flags\": [],\n"
        "      \"extra\": {}\n"
        "    },\n"
        "    true,\n"
        "    false,\n"
        "    null,\n"
        "    null\n"
        "  ],\n"
        "  \"odd \\\"key\\\"\\n\": \"x\\u0000y\"\n"
        "}\n";
    CU_ASSERT_STRING_EQUAL(d.text, expected);
    CU_ASSERT(json_valid(d.text, d.len));
    free(d.text);
}

/* One number as a whole document. */
static const struct {
    double value;
    const char *out;
} number_cases[] = {
    {0.0, "0"},
    {-0.0, "0"},
    {1.0, "1"},
    {-2.5, "-2.5"},
    {0.1, "0.1"},
    {1.0 / 3.0, "0.333333333333333"},
    {123456789012345678.0, "1.23456789012346e+17"},
    {1e-300, "1e-300"},
    {-1e300, "-1e+300"},
    {5e-324, "4.94065645841247e-324"},
};

static void test_numbers(void)
{
    for (size_t i = 0; i < sizeof number_cases / sizeof number_cases[0]; i++) {
        doc d;
        doc_open(&d);
        pp_json_number(&d.j, number_cases[i].value);
        CU_ASSERT_EQUAL(doc_close(&d), 0);
        char expected[64];
        snprintf(expected, sizeof expected, "%s\n", number_cases[i].out);
        CU_ASSERT_STRING_EQUAL(d.text, expected);
        CU_ASSERT(json_valid(d.text, d.len));
        free(d.text);
    }
}

static void test_not_finite_is_null(void)
{
    doc d;
    doc_open(&d);
    pp_json_begin_array(&d.j);
    pp_json_number(&d.j, NAN);
    pp_json_number(&d.j, -NAN);
    pp_json_number(&d.j, INFINITY);
    pp_json_number(&d.j, -INFINITY);
    pp_json_number(&d.j, -0.0);
    pp_json_end_array(&d.j);
    CU_ASSERT_EQUAL(doc_close(&d), 0);
    CU_ASSERT_STRING_EQUAL(d.text, "[\n  null,\n  null,\n  null,\n  null,\n  0\n]\n");
    CU_ASSERT(json_valid(d.text, d.len));
    free(d.text);
}

static void test_integers(void)
{
    doc d;
    doc_open(&d);
    pp_json_begin_array(&d.j);
    pp_json_integer(&d.j, 0);
    pp_json_integer(&d.j, -1);
    pp_json_integer(&d.j, INT64_MAX);
    pp_json_integer(&d.j, INT64_MIN);
    pp_json_end_array(&d.j);
    CU_ASSERT_EQUAL(doc_close(&d), 0);
    CU_ASSERT_STRING_EQUAL(d.text, "[\n  0,\n  -1,\n  9223372036854775807,\n"
                                   "  -9223372036854775808\n]\n");
    CU_ASSERT(json_valid(d.text, d.len));
    free(d.text);
}

/* Deep but allowed nesting is fine; one level too deep is refused. */
static void test_depth(void)
{
    for (int depth = PP_JSON_MAX_DEPTH - 1; depth <= PP_JSON_MAX_DEPTH; depth++) {
        doc d;
        doc_open(&d);
        for (int i = 0; i < depth; i++)
            pp_json_begin_array(&d.j);
        for (int i = 0; i < depth; i++)
            pp_json_end_array(&d.j);
        int status = doc_close(&d);
        CU_ASSERT_EQUAL(status, depth < PP_JSON_MAX_DEPTH ? 0 : -1);
        if (status == 0)
            CU_ASSERT(json_valid(d.text, d.len));
        free(d.text);
    }
}

/* Documents that are not whole or not well built: finish says -1. */
typedef void (*build_fn)(pp_json *j);

static void unclosed_object(pp_json *j) { pp_json_begin_object(j); }
static void unclosed_array(pp_json *j) { pp_json_begin_array(j); }
static void unclosed_inner(pp_json *j)
{
    pp_json_begin_object(j);
    pp_json_key(j, "a");
    pp_json_begin_array(j);
    pp_json_integer(j, 1);
    pp_json_end_object(j);
}
static void key_without_value(pp_json *j)
{
    pp_json_begin_object(j);
    pp_json_key(j, "a");
}
static void key_closed_without_value(pp_json *j)
{
    pp_json_begin_object(j);
    pp_json_key(j, "outer");
    pp_json_begin_object(j);
    pp_json_key(j, "a");
    pp_json_end_object(j);
    pp_json_key(j, "b");
    pp_json_integer(j, 1);
    pp_json_end_object(j);
}
static void closed_too_often(pp_json *j)
{
    pp_json_begin_array(j);
    pp_json_end_array(j);
    pp_json_end_array(j);
}
static void close_with_nothing_open(pp_json *j) { pp_json_end_object(j); }
static void wrong_bracket(pp_json *j)
{
    pp_json_begin_array(j);
    pp_json_end_object(j);
}
static void two_documents(pp_json *j)
{
    pp_json_integer(j, 1);
    pp_json_integer(j, 2);
}
static void value_without_key(pp_json *j)
{
    pp_json_begin_object(j);
    pp_json_integer(j, 1);
    pp_json_end_object(j);
}
static void key_in_array(pp_json *j)
{
    pp_json_begin_array(j);
    pp_json_key(j, "a");
    pp_json_integer(j, 1);
    pp_json_end_array(j);
}
static void key_at_top(pp_json *j)
{
    pp_json_key(j, "a");
    pp_json_integer(j, 1);
}
static void two_keys_in_a_row(pp_json *j)
{
    pp_json_begin_object(j);
    pp_json_key(j, "a");
    pp_json_key(j, "b");
    pp_json_integer(j, 1);
    pp_json_end_object(j);
}

static const struct {
    const char *name;
    build_fn build;
} misuse_cases[] = {
    {"unclosed object", unclosed_object},
    {"unclosed array", unclosed_array},
    {"inner array left open", unclosed_inner},
    {"key without a value", key_without_value},
    {"object closed after a key", key_closed_without_value},
    {"closed too often", closed_too_often},
    {"closed with nothing open", close_with_nothing_open},
    {"array closed as an object", wrong_bracket},
    {"two values at the top", two_documents},
    {"a value in an object without a key", value_without_key},
    {"a key in an array", key_in_array},
    {"a key outside any object", key_at_top},
    {"two keys in a row", two_keys_in_a_row},
};

static void test_finish_refuses_broken_documents(void)
{
    for (size_t i = 0; i < sizeof misuse_cases / sizeof misuse_cases[0]; i++) {
        doc d;
        doc_open(&d);
        misuse_cases[i].build(&d.j);
        int status = doc_close(&d);
        if (status != -1)
            fprintf(stderr, "\n  %s: finish accepted %s", misuse_cases[i].name, d.text);
        CU_ASSERT_EQUAL(status, -1);
        free(d.text);
    }
}

/* A write error is reported by finish. */
static void test_finish_reports_write_errors(void)
{
    FILE *out = fopen("/dev/full", "w");
    if (out == NULL)
        return;                             /* no /dev/full here: nothing to test */
    setvbuf(out, NULL, _IONBF, 0);
    pp_json j;
    pp_json_init(&j, out);
    pp_json_begin_array(&j);
    pp_json_cstring(&j, "lost");
    pp_json_end_array(&j);
    CU_ASSERT_EQUAL(pp_json_finish(&j), -1);
    fclose(out);
}

CU_ErrorCode add_suites(void)
{
    static CU_TestInfo checker_tests[] = {
        {"the checker rejects invalid JSON", test_checker_rejects},
        CU_TEST_INFO_NULL,
    };
    static CU_TestInfo string_tests[] = {
        {"exact escapes and replacements", test_string_exact},
        {"every control character", test_every_control_character},
        {"every string of one or two bytes", test_all_short_strings},
        {"seeded random hostile strings", test_random_strings},
        CU_TEST_INFO_NULL,
    };
    static CU_TestInfo document_tests[] = {
        {"nesting, commas and indentation", test_nesting_and_commas},
        {"numbers", test_numbers},
        {"NaN and infinities are null, -0 is 0", test_not_finite_is_null},
        {"integers", test_integers},
        {"depth limit", test_depth},
        {"finish refuses broken documents", test_finish_refuses_broken_documents},
        {"finish reports write errors", test_finish_reports_write_errors},
        CU_TEST_INFO_NULL,
    };
    CU_ErrorCode e;
    if ((e = add_suite("json checker", checker_tests)) != CUE_SUCCESS)
        return e;
    if ((e = add_suite("json strings", string_tests)) != CUE_SUCCESS)
        return e;
    return add_suite("json documents", document_tests);
}

/* json.c: the streaming JSON writer of json.h. */
#include "json.h"

#include <math.h>
#include <string.h>

/* Output goes through these, so a writer with no stream (out == NULL)
 * checks the document's shape and writes nothing. */
static void put_char(pp_json *j, char c)
{
    if (j->out)
        fputc(c, j->out);
}

static void put_text(pp_json *j, const char *s)
{
    if (j->out)
        fputs(s, j->out);
}

void pp_json_init(pp_json *j, FILE *out)
{
    memset(j, 0, sizeof *j);
    j->out = out;
}

/* Comma and indentation before a value or key at the current depth. */
static void before_value(pp_json *j)
{
    if (j->after_key) {
        j->after_key = 0;
        return;
    }
    if (j->depth == 0 && j->has_items[0])
        j->failed = 1;                   /* a second value after the document */
    if (j->depth > 0) {
        if (j->has_items[j->depth])
            put_char(j, ',');
        put_char(j, '\n');
        for (int i = 0; i < j->depth; i++)
            put_text(j, "  ");
    }
    j->has_items[j->depth] = 1;
}

/* before_value for a value: inside an object, a key must come first. */
static void value_start(pp_json *j)
{
    if (!j->after_key && j->depth > 0 && j->kind[j->depth] == '{')
        j->failed = 1;
    before_value(j);
}

void pp_json_key(pp_json *j, const char *key)
{
    if (j->after_key || j->depth == 0 || j->kind[j->depth] != '{')
        j->failed = 1;                   /* keys belong in objects, one per value */
    before_value(j);
    if (j->out)
        pp_json_write_string(j->out, key, strlen(key));
    put_text(j, ": ");
    j->after_key = 1;
}

static void open_container(pp_json *j, char bracket)
{
    value_start(j);
    put_char(j, bracket);
    if (j->depth + 1 >= PP_JSON_MAX_DEPTH) {
        j->failed = 1;
        return;
    }
    j->depth++;
    j->has_items[j->depth] = 0;
    j->kind[j->depth] = bracket;
}

static void close_container(pp_json *j, char bracket)
{
    if (j->depth == 0) {
        j->failed = 1;
        return;
    }
    if (j->after_key || j->kind[j->depth] != (bracket == '}' ? '{' : '['))
        j->failed = 1;                   /* a key without its value, or the wrong bracket */
    int had_items = j->has_items[j->depth];
    j->depth--;
    if (had_items) {
        put_char(j, '\n');
        for (int i = 0; i < j->depth; i++)
            put_text(j, "  ");
    }
    put_char(j, bracket);
}

void pp_json_begin_object(pp_json *j) { open_container(j, '{'); }
void pp_json_end_object(pp_json *j) { close_container(j, '}'); }
void pp_json_begin_array(pp_json *j) { open_container(j, '['); }
void pp_json_end_array(pp_json *j) { close_container(j, ']'); }

/* Length of the valid UTF-8 sequence at s (at most n bytes), or 0. */
static size_t utf8_sequence(const unsigned char *s, size_t n)
{
    size_t len;
    unsigned min;
    unsigned code;
    if (s[0] < 0x80)
        return 1;
    if ((s[0] & 0xE0) == 0xC0) { len = 2; min = 0x80; code = s[0] & 0x1F; }
    else if ((s[0] & 0xF0) == 0xE0) { len = 3; min = 0x800; code = s[0] & 0x0F; }
    else if ((s[0] & 0xF8) == 0xF0) { len = 4; min = 0x10000; code = s[0] & 0x07; }
    else return 0;
    if (len > n)
        return 0;
    for (size_t i = 1; i < len; i++) {
        if ((s[i] & 0xC0) != 0x80)
            return 0;
        code = (code << 6) | (s[i] & 0x3F);
    }
    if (code < min || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF))
        return 0;
    return len;
}

void pp_json_write_string(FILE *out, const char *text, size_t len)
{
    const unsigned char *s = (const unsigned char *)text;
    fputc('"', out);
    for (size_t i = 0; i < len;) {
        unsigned char c = s[i];
        if (c == '"' || c == '\\') {
            fputc('\\', out);
            fputc(c, out);
            i++;
        } else if (c < 0x20 || c == 0x7F) {
            switch (c) {
            case '\n': fputs("\\n", out); break;
            case '\t': fputs("\\t", out); break;
            case '\r': fputs("\\r", out); break;
            default:   fprintf(out, "\\u%04x", c); break;
            }
            i++;
        } else {
            size_t seq = utf8_sequence(s + i, len - i);
            if (seq == 0) {
                fputs("\\ufffd", out);   /* not UTF-8: the replacement character */
                i++;
            } else {
                fwrite(s + i, 1, seq, out);
                i += seq;
            }
        }
    }
    fputc('"', out);
}

void pp_json_string(pp_json *j, const char *s, size_t len)
{
    value_start(j);
    if (j->out)
        pp_json_write_string(j->out, s, len);
}

void pp_json_cstring(pp_json *j, const char *s)
{
    if (s == NULL)
        pp_json_null(j);
    else
        pp_json_string(j, s, strlen(s));
}

void pp_json_number(pp_json *j, double value)
{
    value_start(j);
    if (!isfinite(value)) {
        put_text(j, "null");
        return;
    }
    if (value == 0)
        value = 0;                       /* no "-0" */
    if (j->out)
        fprintf(j->out, "%.15g", value);
}

void pp_json_integer(pp_json *j, long long value)
{
    value_start(j);
    if (j->out)
        fprintf(j->out, "%lld", value);
}

void pp_json_bool(pp_json *j, int value)
{
    value_start(j);
    put_text(j, value ? "true" : "false");
}

void pp_json_null(pp_json *j)
{
    value_start(j);
    put_text(j, "null");
}

int pp_json_finish(pp_json *j)
{
    put_char(j, '\n');
    if (j->depth != 0 || j->after_key)
        j->failed = 1;
    return (j->failed || (j->out && ferror(j->out))) ? -1 : 0;
}

/* json.h: a small streaming JSON writer for results.json. Output is
 * always valid JSON whatever bytes a label holds: control characters are
 * escaped, invalid UTF-8 becomes U+FFFD, and numbers that are not finite
 * are written as null. Output is indented two spaces per level and keys
 * come out in the order they are written, so the same results give the
 * same bytes. */
#ifndef PREPOST_JSON_H
#define PREPOST_JSON_H

#include <stddef.h>
#include <stdio.h>

#define PP_JSON_MAX_DEPTH 32

typedef struct {
    FILE *out;
    int depth;
    int has_items[PP_JSON_MAX_DEPTH];   /* a value was written at this depth */
    char kind[PP_JSON_MAX_DEPTH];       /* '{' or '[': the container open at this depth */
    int after_key;                      /* a key was just written */
    int failed;                         /* too deep, or misuse */
} pp_json;

/* out may be NULL: the document is then checked but not written. */
void pp_json_init(pp_json *j, FILE *out);
/* Inside an object, call pp_json_key before each value. */
void pp_json_key(pp_json *j, const char *key);
void pp_json_begin_object(pp_json *j);
void pp_json_end_object(pp_json *j);
void pp_json_begin_array(pp_json *j);
void pp_json_end_array(pp_json *j);
void pp_json_string(pp_json *j, const char *s, size_t len);
void pp_json_cstring(pp_json *j, const char *s);
/* Finite doubles with up to 15 significant digits; NaN and infinities as null. */
void pp_json_number(pp_json *j, double value);
void pp_json_integer(pp_json *j, long long value);
void pp_json_bool(pp_json *j, int value);
void pp_json_null(pp_json *j);
/* Ends the document with a newline. 0, or -1 if writing failed or the
 * document was not closed properly. */
int pp_json_finish(pp_json *j);

/* Writes s[0..len) as a JSON string literal (with quotes). */
void pp_json_write_string(FILE *out, const char *s, size_t len);

#endif

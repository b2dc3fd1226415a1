/* json_strict: checks that each named file is one strict JSON document as
 * jansson reads it (valid UTF-8, no NaN or Infinity, no NUL in strings, no
 * key twice in an object). Prints the first problem and exits 1; exits 0
 * when every file passes. Used by tests/e2e/stats.sh. */
#include <jansson.h>
#include <stdio.h>

int main(int argc, char **argv)
{
    int status = 0;
    for (int i = 1; i < argc; i++) {
        json_error_t error;
        json_t *doc = json_load_file(argv[i], JSON_REJECT_DUPLICATES, &error);
        if (doc == NULL) {
            fprintf(stderr, "%s:%d:%d: %s\n", argv[i], error.line, error.column, error.text);
            status = 1;
            continue;
        }
        json_decref(doc);
    }
    return argc < 2 ? 2 : status;
}

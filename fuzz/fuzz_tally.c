/* fuzz_tally.c: the tally reader on arbitrary bytes (plain or gzip).
 * A tally that reads is written out and read back: the canonical form
 * must come back byte for byte, or merging would not be stable. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tally.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The canonical form of the tally in src, malloc'd (*len bytes), or NULL
 * when it does not read. */
static char *tally_canonical(const void *data, size_t size, size_t *len)
{
    pp_diag diag;
    pp_diag_clear(&diag);
    char *text = NULL;
    pp_tally *t = pp_tally_new();
    pp_source *src = pp_source_from_buffer(data, size, "fuzz.tally");
    if (t != NULL && src != NULL && pp_tally_read(t, src, &diag) == PP_OK) {
        const pp_tally_entry *entries;
        (void)pp_tally_entries(t, &entries);
        FILE *out = open_memstream(&text, len);
        if (out != NULL) {
            int status = pp_tally_write(t, out);
            if (fclose(out) != 0 || status != 0) {
                free(text);
                text = NULL;
            }
        }
    }
    pp_source_free(src);
    pp_tally_free(t);
    return text;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    size_t len = 0, again_len = 0;
    char *text = tally_canonical(data, size, &len);
    if (text == NULL)
        return 0;
    char *again = tally_canonical(text, len, &again_len);
    if (again == NULL || again_len != len || memcmp(again, text, len) != 0) {
        fprintf(stderr, "fuzz_tally: the written tally does not read back the same\n");
        abort();
    }
    free(again);
    free(text);
    return 0;
}

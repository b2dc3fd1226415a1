/* fuzz_results.c: the results.json reader on arbitrary bytes, with the
 * look-ups plot, table and report make on what it returns. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "results_read.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    pp_diag diag;
    pp_diag_clear(&diag);
    json_t *root = pp_results_load_buffer((const char *)data, size, "fuzz.json", &diag);
    if (root == NULL)
        return 0;
    size_t i;
    json_t *item;
    json_array_foreach(json_object_get(root, "items"), i, item) {
        const char *id = pp_results_string(item, "id", NULL);
        if (id != NULL && pp_results_item(root, id) == NULL)
            abort();
        (void)pp_results_string(pp_results_whole_sample(item), "segment", "");
    }
    json_decref(root);
    return 0;
}

/* fuzz_codebook.c: the codebook reader (survey.ini) on arbitrary bytes.
 * A codebook that reads is also asked for its records columns and an
 * export path, the first things every stage does with it. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "codebook.h"
#include "records.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    pp_diag diag;
    pp_diag_clear(&diag);
    pp_codebook *cb = pp_codebook_read_buffer((const char *)data, size, "fuzz.ini", &diag);
    if (cb == NULL)
        return 0;
    pp_strings columns = {0};
    if (pp_records_columns(cb, &columns) == 0)
        pp_strings_clear(&columns);
    const char *export_path = cb->export_path ? cb->export_path : cb->before_export;
    if (export_path != NULL)
        free(pp_codebook_resolve_path(cb, export_path));
    pp_codebook_free(cb);
    return 0;
}

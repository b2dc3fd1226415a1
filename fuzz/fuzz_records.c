/* fuzz_records.c: the records reader on arbitrary bytes (plain or gzip),
 * every record read to the end or the first error. */
#include <stddef.h>
#include <stdint.h>

#include "records.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    pp_diag diag;
    pp_diag_clear(&diag);
    pp_source *src = pp_source_from_buffer(data, size, "fuzz.records");
    if (src == NULL)
        return 0;
    pp_records_reader *r = pp_records_open(src, &diag);
    if (r != NULL) {
        size_t n = pp_records_n_columns(r);
        if (n > 0)
            (void)pp_records_find(r, pp_records_column(r, n - 1));
        pp_row row;
        while (pp_records_next(r, &row, &diag) > 0)
            ;
        pp_records_close(r);
    }
    pp_source_free(src);
    return 0;
}

/* fuzz_records.c: the records reader on arbitrary bytes (plain or gzip),
 * every record read to the end or the first error; then the same bytes
 * tallied against a fixed codebook (the plain one fuzz_ingest makes
 * records with: fuzz_plain_survey.h), as prepost-tally reads records. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "codebook.h"
#include "fuzz_plain_survey.h"
#include "records.h"
#include "tally.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char codebook_ini[] = FUZZ_PLAIN_SURVEY_INI;

static void tally_records(const uint8_t *data, size_t size)
{
    pp_diag diag;
    pp_diag_clear(&diag);
    pp_codebook *cb = pp_codebook_read_buffer(codebook_ini, sizeof codebook_ini - 1,
                                              "fuzz.ini", &diag);
    if (cb == NULL)
        abort();   /* the fixed codebook is valid */
    pp_tally *t = pp_tally_new();
    pp_source *src = pp_source_from_buffer(data, size, "fuzz.records");
    long respondents;
    if (t != NULL && src != NULL)
        (void)pp_tally_records(t, cb, src, &respondents, &diag);
    pp_source_free(src);
    pp_tally_free(t);
    pp_codebook_free(cb);
}

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
    tally_records(data, size);
    return 0;
}

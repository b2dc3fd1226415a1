/* row_utf8.c: the UTF-8 check of an export row's cells (see row_utf8.h). */
#include "row_utf8.h"

#include "not_utf8.h"
#include "utf8.h"

static int report(const pp_row *row, size_t column, size_t bad_at, const pp_header *header,
                   const char *file, pp_diag *diag)
{
    char detail[sizeof diag->detail];
    pp_not_utf8_explain(detail, sizeof detail, row->fields[column], row->lengths[column],
                        bad_at, "cell", "file", PP_FIX_EXPORT);
    int was_clear = diag != NULL && diag->code == PP_OK;
    pp_diag_set(diag, PP_ERR_ENCODING, file, row->row, "%s", detail);
    if (was_clear) {
        const char *name = header != NULL && column < pp_header_columns(header)
                               ? pp_header_name(header, column) : NULL;
        pp_diag_at_column(diag, (long)column + 1, name);
        diag->line_word = "row";
    }
    return -1;
}

int pp_row_utf8_check(const pp_row *row, const long *columns, size_t n_columns,
                      const pp_header *header, const char *file, pp_diag *diag)
{
    if (row->utf8)
        return 0;
    size_t n = columns != NULL ? n_columns : row->n_fields;
    for (size_t i = 0; i < n; i++) {
        size_t column = columns != NULL ? (size_t)columns[i] : i;
        if (column >= row->n_fields)
            continue;
        size_t good = pp_utf8_valid_length(row->fields[column], row->lengths[column]);
        if (good != row->lengths[column])
            return report(row, column, good, header, file, diag);
    }
    return 0;
}

int pp_row_utf8_check_header(const pp_row *row, const char *file, pp_diag *diag)
{
    pp_diag bad;
    pp_diag_clear(&bad);
    if (pp_row_utf8_check(row, NULL, 0, NULL, file, &bad) == 0)
        return 0;
    if (diag != NULL)
        *diag = bad;
    return -1;
}

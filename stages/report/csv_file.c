/* csv_file.c: a CSV file by path, row by row (csv_file.h). */
#include "csv_file.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "source.h"

int report_read_csv_file(const char *path, pp_row_fn fn, void *user, pp_diag *diag)
{
    FILE *in = fopen(path, "rb");
    if (in == NULL) {
        pp_diag_set(diag, PP_ERR_MISSING, path, 0, "%s", strerror(errno));
        return -1;
    }
    int status = -1;
    pp_source *src = pp_source_from_file(in, path);
    if (src == NULL)
        pp_diag_set(diag, PP_ERR_NOMEM, path, 0, NULL);
    else if (pp_csv_read(src, fn, user, diag) == 0)
        status = 0;
    if (src != NULL)
        pp_source_free(src);
    fclose(in);
    return status;
}

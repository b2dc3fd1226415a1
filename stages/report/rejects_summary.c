/* rejects_summary.c: counting rejects.csv by reason (rejects_summary.h),
 * read with the project's CSV reader. */
#include "rejects_summary.h"

#include <stdlib.h>
#include <string.h>

#include "csv_field.h"
#include "csv_file.h"

typedef struct {
    rejects_summary *s;
    const char *name;
    pp_diag *diag;
    int seen_header;
} reading;

static int check_header(reading *rd, const pp_row *row)
{
    rd->seen_header = 1;
    if (row->n_fields >= 4 && strcmp(row->fields[0], "row") == 0
        && strcmp(row->fields[3], "reason") == 0)
        return 0;
    pp_diag_set(rd->diag, PP_ERR_RECORDS, rd->name, row->row,
                "this is not a rejects file from prepost-ingest (its first line "
                "should start with row,id,column,reason)");
    return 1;
}

static int count_reason(rejects_summary *s, const char *reason)
{
    for (size_t i = 0; i < s->n_reasons; i++)
        if (strcmp(s->reasons[i].reason, reason) == 0)
            return s->reasons[i].count++, 0;
    if (s->n_reasons == REJECTS_REASONS)
        return s->other++, 0;
    if ((s->reasons[s->n_reasons].reason = strdup(reason)) == NULL)
        return -1;
    s->reasons[s->n_reasons++].count = 1;
    return 0;
}

static int keep_row(rejects_summary *s, const pp_row *row)
{
    char **shown = s->shown[s->n_shown++];
    for (size_t f = 0; f < REJECTS_FIELDS; f++)
        if ((shown[f] = strdup(f < row->n_fields ? pp_csv_field_text(row->fields[f]) : ""))
            == NULL)
            return -1;
    return 0;
}

static int on_row(const pp_row *row, void *user)
{
    reading *rd = user;
    if (!rd->seen_header)
        return check_header(rd, row);
    rejects_summary *s = rd->s;
    s->total++;
    int failed = count_reason(s, row->n_fields > 3 ? row->fields[3] : "");
    if (!failed && s->n_shown < REJECTS_SHOWN)
        failed = keep_row(s, row);
    if (failed)
        pp_diag_set(rd->diag, PP_ERR_NOMEM, rd->name, row->row, NULL);
    return failed;
}

int rejects_summary_read(rejects_summary *s, const char *path, pp_diag *diag)
{
    memset(s, 0, sizeof *s);
    reading rd = {s, path, diag, 0};
    int failed = report_read_csv_file(path, on_row, &rd, diag) != 0 ||
                 (!rd.seen_header && check_header(&rd, &(pp_row){0}) != 0);
    if (failed)
        rejects_summary_free(s);
    return failed ? -1 : 0;
}

void rejects_summary_free(rejects_summary *s)
{
    for (size_t i = 0; i < s->n_reasons; i++)
        free(s->reasons[i].reason);
    for (size_t r = 0; r < s->n_shown; r++)
        for (size_t f = 0; f < REJECTS_FIELDS; f++)
            free(s->shown[r][f]);
    memset(s, 0, sizeof *s);
}

/* unmatched_summary.c: counting unmatched.csv by wave (unmatched_summary.h),
 * read with the project's CSV reader. */
#include "unmatched_summary.h"

#include <stdlib.h>
#include <string.h>

#include "csv_field.h"
#include "csv_file.h"

typedef struct {
    unmatched_summary *s;
    const char *name;
    pp_diag *diag;
    int seen_header;
} reading;

static int check_header(reading *rd, const pp_row *row)
{
    rd->seen_header = 1;
    if (row->n_fields >= 3 && strcmp(row->fields[0], "id") == 0
        && strcmp(row->fields[1], "wave") == 0 && strcmp(row->fields[2], "row") == 0)
        return 0;
    pp_diag_set(rd->diag, PP_ERR_RECORDS, rd->name, row->row,
                "this is not a list of unmatched respondents from prepost-pair (its "
                "first line should be id,wave,row)");
    return 1;
}

static int on_row(const pp_row *row, void *user)
{
    reading *rd = user;
    if (!rd->seen_header)
        return check_header(rd, row);
    int wave = row->n_fields < 2 ? -1
             : strcmp(row->fields[1], "before") == 0 ? UNMATCHED_BEFORE
             : strcmp(row->fields[1], "after") == 0 ? UNMATCHED_AFTER : -1;
    if (wave < 0) {
        pp_diag_set(rd->diag, PP_ERR_RECORDS, rd->name, row->row,
                    "the wave should be before or after");
        return 1;
    }
    unmatched_summary *s = rd->s;
    s->count[wave]++;
    if (s->n_shown[wave] == UNMATCHED_SHOWN)
        return 0;
    unmatched_respondent *who = &s->shown[wave][s->n_shown[wave]++];
    who->id = strdup(pp_csv_field_text(row->fields[0]));
    who->row = strdup(row->n_fields > 2 ? row->fields[2] : "");
    if (who->id != NULL && who->row != NULL)
        return 0;
    pp_diag_set(rd->diag, PP_ERR_NOMEM, rd->name, row->row, NULL);
    return 1;
}

int unmatched_summary_read(unmatched_summary *s, const char *path, pp_diag *diag)
{
    memset(s, 0, sizeof *s);
    reading rd = {s, path, diag, 0};
    int failed = report_read_csv_file(path, on_row, &rd, diag) != 0 ||
                 (!rd.seen_header && check_header(&rd, &(pp_row){0}) != 0);
    if (failed)
        unmatched_summary_free(s);
    return failed ? -1 : 0;
}

void unmatched_summary_free(unmatched_summary *s)
{
    for (int w = 0; w < UNMATCHED_WAVES; w++)
        for (size_t i = 0; i < s->n_shown[w]; i++) {
            free(s->shown[w][i].id);
            free(s->shown[w][i].row);
        }
    memset(s, 0, sizeof *s);
}

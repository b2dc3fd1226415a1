/* init_draft.c: the draft codebook of a one-wave survey (init_draft.h),
 * its sections written by init_items.h. */
#include "init_draft.h"

#include "init_items.h"

static void write_survey(const pp_init_draft *d, const char *export_ref, const char *title)
{
    FILE *out = d->out;
    const pp_init_profile *p = d->p;
    fprintf(out, "; A draft codebook written by prepost init from %ld respondent%s and %zu\n"
            "; columns. Read it through: lines marked \"check:\" are guesses. The format\n"
            "; is described key by key at the top of pipeline/codebook.c.\n\n[survey]\n",
            p->rows, p->rows == 1 ? "" : "s", p->n_cols);
    pp_init_write_survey_title(out, title);
    fprintf(out, "export = %s\nlayout = %s\n", export_ref, pp_layout_name(p->layout));
    for (size_t i = 0; i < p->n_cols; i++)
        if (d->r.roles[i] == PP_ROLE_ID) {
            char ref[512];
            pp_init_column_ref(d, i, ref, sizeof ref);
            if (d->r.id_guessed)
                fprintf(out, "; check: the respondent id? every respondent answered it, nearly\n"
                        "; all differently\n");
            fprintf(out, "id     = %s\n", ref);
            return;
        }
    fprintf(out, "; check: no respondent id column was found, so respondents are numbered\n"
            "; by row and duplicates cannot be found; add id = COLUMN if there is one\n");
}

int pp_init_draft_write(const pp_init_profile *p, const char *export_ref,
                        const char *title, FILE *out)
{
    pp_init_draft d;
    pp_strings ids = {0};
    if (pp_init_draft_open(&d, p, &ids, NULL, out) != 0) {
        pp_strings_clear(&ids);
        return PP_INIT_NO_MEMORY;
    }
    write_survey(&d, export_ref, title);
    for (size_t s = 0; s < d.r.n_scales; s++)
        pp_init_write_scale(out, &d.r.scales[s]);
    for (size_t i = 0; i < p->n_cols; i++)
        if (d.r.roles[i] == PP_ROLE_SEGMENT)
            pp_init_write_segment(&d, i, NULL, -1);
    for (size_t i = 0; i < p->n_cols; i++)
        pp_init_write_item(&d, i);
    fputc('\n', out);
    pp_init_write_left_out(&d);
    int status = d.out_of_memory ? PP_INIT_NO_MEMORY : ferror(out) ? PP_INIT_WRITE_FAILED : 0;
    pp_init_draft_close(&d);
    pp_strings_clear(&ids);
    return status;
}

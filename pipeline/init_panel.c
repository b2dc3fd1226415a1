/* init_panel.c: the draft codebook of a two-wave panel from its two
 * exports (init_panel.h), each wave's sections written by init_items.h. */
#include "init_panel.h"

#include <stdlib.h>
#include <string.h>

#include "init_draft.h"
#include "init_items.h"
#include "init_words.h"
#include "label.h"

enum { BEFORE, AFTER };

typedef struct {
    pp_init_draft w[2];             /* the before and the after export */
    long *match[2];                 /* per column of a wave: the column of the
                                     * other wave that asks the same, or -1 */
    unsigned char shared[PP_INIT_MAX_SCALES]; /* an after scale the before has */
    pp_strings ids;
    FILE *out;
} panel;

static int same_text(const char *a, const char *b)
{
    return pp_label_equal(a, strlen(a), b, strlen(b));
}

/* The thing column a asks about (without the "]" of "Question [Row]") is
 * the whole question of column b. */
static int names_whole(const pp_init_column *a, const pp_init_column *b)
{
    size_t group;
    const char *ha = pp_init_heading(a), *hb = pp_init_heading(b);
    const char *item = pp_init_item_label(ha, &group);
    if (item == NULL)
        return 0;
    size_t n = strlen(item);
    if (n > 0 && item[n - 1] == ']' && item[-1] == '[')
        n--;
    return pp_label_equal(item, n, hb, strlen(hb));
}

/* One column asks about the whole question of the other: "Progress?
 * [Service redesign]" before, "Service redesign" after. */
static int asks_about(const pp_init_column *a, const pp_init_column *b)
{
    return names_whole(a, b) || names_whole(b, a);
}

/* Pairs the columns of the two waves: by one name first, then by the
 * thing asked about when only one column of the before wave fits. */
static void match_columns(panel *pn)
{
    const pp_init_profile *b = pn->w[BEFORE].p, *a = pn->w[AFTER].p;
    for (size_t j = 0; j < a->n_cols; j++)
        for (size_t i = 0; i < b->n_cols && pn->match[AFTER][j] < 0; i++)
            if (pn->match[BEFORE][i] < 0
                && same_text(pp_init_heading(&b->cols[i]), pp_init_heading(&a->cols[j])))
                pn->match[BEFORE][i] = (long)j, pn->match[AFTER][j] = (long)i;
    for (size_t j = 0; j < a->n_cols; j++) {
        long found = -1, fits = 0;
        for (size_t i = 0; i < b->n_cols && pn->match[AFTER][j] < 0; i++)
            if (pn->match[BEFORE][i] < 0 && asks_about(&b->cols[i], &a->cols[j]))
                found = (long)i, fits++;
        if (fits == 1)
            pn->match[BEFORE][found] = (long)j, pn->match[AFTER][j] = found;
    }
}

/* An after scale that is a before scale takes its name (and the before
 * one notes the missing answers the after wave gave); another takes a name
 * of its own. */
static void merge_scales(panel *pn)
{
    pp_init_roles *b = &pn->w[BEFORE].r, *a = &pn->w[AFTER].r;
    for (size_t s = 0; s < a->n_scales; s++) {
        size_t t = 0;
        while (t < b->n_scales && !pp_init_same_scale(&b->scales[t], &a->scales[s]))
            t++;
        if (t < b->n_scales) {
            memcpy(a->scales[s].name, b->scales[t].name, sizeof a->scales[s].name);
            b->scales[t].missing_seen |= a->scales[s].missing_seen;
            pn->shared[s] = 1;
            continue;
        }
        for (t = 0; t < b->n_scales; t++)
            if (strcmp(b->scales[t].name, a->scales[s].name) == 0) {
                char name[sizeof a->scales[s].name];
                snprintf(name, sizeof name, "%.30s_after", a->scales[s].name);
                memcpy(a->scales[s].name, name, sizeof name);
            }
    }
}

/* The id column of wave w, or -1. */
static long id_column(const pp_init_draft *d)
{
    for (size_t i = 0; i < d->p->n_cols; i++)
        if (d->r.roles[i] == PP_ROLE_ID)
            return (long)i;
    return -1;
}

/* Both exports name column i (before) and j (after) alike in the codebook. */
static int one_ref(const panel *pn, long i, long j)
{
    char a[512], b[512];
    if (i < 0 || j < 0)
        return 0;
    pp_init_column_ref(&pn->w[BEFORE], (size_t)i, a, sizeof a);
    pp_init_column_ref(&pn->w[AFTER], (size_t)j, b, sizeof b);
    return same_text(a, b);
}

static void write_id(const panel *pn)
{
    long ib = id_column(&pn->w[BEFORE]), ia = id_column(&pn->w[AFTER]);
    char ref[512];
    if (ib < 0 && ia < 0) {
        fprintf(pn->out, "; check: no respondent id column was found; the waves are joined on\n"
                "; the id, so add id = COLUMN, a column both exports have\n");
        return;
    }
    if (!one_ref(pn, ib, ia))
        fprintf(pn->out, "; check: the two exports do not name their id column alike; the waves\n"
                "; are joined on it, so both must have this column\n");
    else if (pn->w[BEFORE].r.id_guessed || pn->w[AFTER].r.id_guessed)
        fprintf(pn->out, "; check: the respondent id? every respondent answered it, nearly\n"
                "; all differently\n");
    const pp_init_draft *d = ib >= 0 ? &pn->w[BEFORE] : &pn->w[AFTER];
    pp_init_column_ref(d, (size_t)(ib >= 0 ? ib : ia), ref, sizeof ref);
    fprintf(pn->out, "id            = %s\n", ref);
}

static void write_survey(const panel *pn, const char *before_ref, const char *after_ref,
                         const char *title)
{
    const pp_init_profile *b = pn->w[BEFORE].p, *a = pn->w[AFTER].p;
    fprintf(pn->out, "; A draft panel codebook written by prepost init from two exports: %ld\n"
            "; respondents and %zu columns before, %ld and %zu after. Read it through:\n"
            "; lines marked \"check:\" are guesses. The format is described key by key\n"
            "; at the top of pipeline/codebook.c.\n\n[survey]\n",
            b->rows, b->n_cols, a->rows, a->n_cols);
    pp_init_write_survey_title(pn->out, title);
    fprintf(pn->out, "before_export = %s\nafter_export  = %s\n", before_ref, after_ref);
    if (b->layout == a->layout)
        fprintf(pn->out, "layout        = %s\n", pp_layout_name(b->layout));
    else
        fprintf(pn->out, "before_layout = %s\nafter_layout  = %s\n",
                pp_layout_name(b->layout), pp_layout_name(a->layout));
    write_id(pn);
}

/* Wave w's segments: one asked in both waves under one name is read in
 * both (the other wave's column may have looked like text there). */
static void write_segments(panel *pn, int w)
{
    pp_init_draft *d = &pn->w[w], *other = &pn->w[!w];
    for (size_t i = 0; i < d->p->n_cols; i++) {
        if (d->r.roles[i] != PP_ROLE_SEGMENT)
            continue;
        long j = pn->match[w][i];
        int both = j >= 0 && one_ref(pn, w == BEFORE ? (long)i : j, w == BEFORE ? j : (long)i)
                   && (other->r.roles[j] == PP_ROLE_SEGMENT || other->r.roles[j] == PP_ROLE_TEXT);
        pp_init_write_segment(d, i, both ? other : NULL, both ? j : -1);
        if (both)
            other->r.roles[j] = PP_ROLE_DONE;
    }
}

/* A rating asked in both waves, on one scale: one paired item. */
static void write_pair(panel *pn, size_t i, size_t j)
{
    pp_init_draft *b = &pn->w[BEFORE], *a = &pn->w[AFTER];
    const char *hb = pp_init_heading(&b->p->cols[i]), *ha = pp_init_heading(&a->p->cols[j]);
    const char *title = strlen(ha) < strlen(hb) ? ha : hb;
    char id[PP_INIT_ID_CAP];
    pp_init_column_id(b, i, NULL, PP_INIT_ID_ITEM, id, sizeof id);
    if (!same_text(ha, hb))
        fprintf(pn->out, "\n; check: the waves word this question differently: the same question?");
    pp_init_write_paired(b, i, a, j, id, title);
    b->r.roles[i] = a->r.roles[j] = PP_ROLE_DONE;
}

/* The before wave's items in its order (pairs where the after wave asks
 * the same), then the after wave's own. */
static void write_items(panel *pn)
{
    pp_init_draft *b = &pn->w[BEFORE], *a = &pn->w[AFTER];
    for (size_t i = 0; i < b->p->n_cols; i++) {
        long j = pn->match[BEFORE][i];
        if (b->r.roles[i] == PP_ROLE_RATING && j >= 0 && a->r.roles[j] == PP_ROLE_RATING
            && strcmp(b->r.scales[b->r.scale_of[i]].name, a->r.scales[a->r.scale_of[j]].name) == 0)
            write_pair(pn, i, (size_t)j);
        else
            pp_init_write_item(b, i);
    }
    for (size_t j = 0; j < a->p->n_cols; j++)
        pp_init_write_item(a, j);
}

static void write_panel(panel *pn, const char *before_ref, const char *after_ref,
                        const char *title)
{
    match_columns(pn);
    merge_scales(pn);
    write_survey(pn, before_ref, after_ref, title);
    for (size_t s = 0; s < pn->w[BEFORE].r.n_scales; s++)
        pp_init_write_scale(pn->out, &pn->w[BEFORE].r.scales[s]);
    for (size_t s = 0; s < pn->w[AFTER].r.n_scales; s++)
        if (!pn->shared[s])
            pp_init_write_scale(pn->out, &pn->w[AFTER].r.scales[s]);
    write_segments(pn, BEFORE);
    write_segments(pn, AFTER);
    write_items(pn);
    fputc('\n', pn->out);
    pp_init_write_left_out(&pn->w[BEFORE]);
    pp_init_write_left_out(&pn->w[AFTER]);
}

int pp_init_panel_write(const pp_init_profile *before, const pp_init_profile *after,
                        const char *before_ref, const char *after_ref, const char *title,
                        FILE *out)
{
    panel pn = {.out = out};
    int status = PP_INIT_NO_MEMORY, opened = 0;
    const pp_init_profile *p[2] = {before, after};
    for (int w = BEFORE; w <= AFTER; w++) {
        if (pp_init_draft_open(&pn.w[w], p[w], &pn.ids, w == BEFORE ? "before" : "after",
                               out) != 0)
            goto cleanup;
        opened++;
        if ((pn.match[w] = malloc((p[w]->n_cols + 1) * sizeof *pn.match[w])) == NULL)
            goto cleanup;
        for (size_t i = 0; i < p[w]->n_cols; i++)
            pn.match[w][i] = -1;
    }
    write_panel(&pn, before_ref, after_ref, title);
    status = pn.w[BEFORE].out_of_memory || pn.w[AFTER].out_of_memory ? PP_INIT_NO_MEMORY
             : ferror(out) ? PP_INIT_WRITE_FAILED : 0;
cleanup:
    for (int w = 0; w < opened; w++)
        pp_init_draft_close(&pn.w[w]);
    free(pn.match[BEFORE]);
    free(pn.match[AFTER]);
    pp_strings_clear(&pn.ids);
    return status;
}

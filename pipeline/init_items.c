/* init_items.c: the sections of a draft codebook for the columns of one
 * export (init_items.h). */
#include "init_items.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "init_roles.h"
#include "init_ticks.h"
#include "init_words.h"
#include "label.h"

void pp_init_column_ref(const pp_init_draft *d, size_t i, char *buf, size_t cap)
{
    const pp_init_column *c = &d->p->cols[i];
    if (c->ambiguous || !pp_init_safe_value(c->name))
        snprintf(buf, cap, "#%zu", i + 1);
    else
        snprintf(buf, cap, "%s", c->name);
}

/* ---- writing ------------------------------------------------------------ */

/* "a | b | c" on one line: line breaks and other control characters in an
 * item are written as spaces, so no item can start a line of its own. */
void pp_init_write_list(FILE *out, const pp_strings *items, const unsigned char *skip, int want)
{
    const char *sep = "";
    for (size_t i = 0; i < items->count; i++) {
        if (skip != NULL && skip[i] != want)
            continue;
        fputs(sep, out);
        for (const char *s = items->items[i]; *s; s++)
            fputc(iscntrl((unsigned char)*s) ? ' ' : *s, out);
        sep = " | ";
    }
}

void pp_init_write_scale(FILE *out, const pp_init_scale *s)
{
    fprintf(out, "\n[scale %s]\n", s->name);
    if (s->known != NULL) {
        fprintf(out, "levels  = ");
        for (int k = 0; k < PP_KNOWN_MAX && s->known->levels[k]; k++)
            fprintf(out, "%s%s", k ? " | " : "", s->known->levels[k]);
        fprintf(out, "\ntop     = %s\nbottom  = %s\n", s->known->top, s->known->bottom);
        const char *sep = "missing = ";
        for (int r = 0; r < pp_init_missing_count(); r++)
            if (s->missing_seen & (1u << r)) {
                fprintf(out, "%s%s", sep, pp_init_missing_label(r));
                sep = " | ";
            }
        if (sep[0] == ' ')
            fputc('\n', out);
        return;
    }
    const pp_init_column *c = s->labelled;
    fprintf(out, "; check: the value labels of %s, in code order; is the first the worst?\n"
            "; add top = and bottom = for the top and bottom boxes\nlevels  = ", c->name);
    pp_init_write_list(out, &c->labels, c->label_missing, 0);
    fputc('\n', out);
    if (memchr(c->label_missing, 1, c->labels.count)) {
        fprintf(out, "missing = ");
        pp_init_write_list(out, &c->labels, c->label_missing, 1);
        fputc('\n', out);
    }
}

void pp_init_write_title(FILE *out, const char *title)
{
    if (pp_init_safe_value(title))
        fprintf(out, "title  = %s\n", title);
}

void pp_init_write_survey_title(FILE *out, const char *title)
{
    if (!pp_init_safe_value(title))
        return;
    fprintf(out, "; check: the title, which heads the dashboard and the tables, is the\n"
            "; export's file name; give the survey's own\n");
    pp_init_write_title(out, title);
}

void pp_init_write_paired(pp_init_draft *b, size_t i, pp_init_draft *a, size_t j,
                          const char *id, const char *title)
{
    char ref[512];
    fprintf(b->out, "\n[paired %s]\n", id);
    pp_init_write_title(b->out, title);
    pp_init_column_ref(b, i, ref, sizeof ref);
    fprintf(b->out, "scale  = %s\nbefore = %s\n", b->r.scales[b->r.scale_of[i]].name, ref);
    pp_init_column_ref(a, j, ref, sizeof ref);
    fprintf(b->out, "after  = %s\n", ref);
    pp_init_write_off_scale(b, i);
    pp_init_write_off_scale(a, j);
}

/* In a panel, the wave an item of one export is asked in. */
static void write_wave(const pp_init_draft *d)
{
    if (d->wave != NULL)
        fprintf(d->out, "wave   = %s\n", d->wave);
}

/* The answers of segment column c and, in a panel, of the same column
 * in the other wave (o, or NULL), each once, in their commonest spelling
 * (this wave's if both have it); 1 if some are spelt several ways. Sets
 * d->out_of_memory when the list could not be made whole. */
static int segment_levels(pp_init_draft *d, const pp_init_column *c, const pp_init_column *o,
                          pp_strings *levels)
{
    int respelt = 0;
    for (int wave = 0; wave < 2; wave++) {
        const pp_init_column *w = wave ? o : c;
        for (size_t v = 0; w != NULL && v < w->values.count; v++) {
            const char *spelling = pp_init_spelling(w, v);
            size_t k = 0;
            while (k < levels->count && !pp_label_equal(levels->items[k], strlen(levels->items[k]),
                                                        spelling, strlen(spelling)))
                k++;
            respelt |= pp_init_respelt(w, v) || (k < levels->count && strcmp(levels->items[k], spelling));
            if (k == levels->count && pp_strings_push_str(levels, spelling) != 0)
                d->out_of_memory = 1;
        }
    }
    return respelt;
}

/* A segment's answers spelt several ways that labels match as one (case,
 * spaces, curly quotes) are listed as `levels =`, each once in its
 * commonest spelling, so that they count as one level. In a panel, other
 * is the draft of the other wave and j its column of the same name (both
 * waves then read the segment), or -1 (this wave only). */
void pp_init_write_segment(pp_init_draft *d, size_t i, pp_init_draft *other, long j)
{
    const pp_init_column *c = &d->p->cols[i];
    const pp_init_column *o = other != NULL && j >= 0 ? &other->p->cols[j] : NULL;
    char id[PP_INIT_ID_CAP], ref[512];
    pp_strings levels = {0};
    int respelt = segment_levels(d, c, o, &levels), safe = 1;
    for (size_t k = 0; k < levels.count; k++)
        safe &= pp_init_safe_value(levels.items[k]);
    pp_init_column_id(d, i, NULL, PP_INIT_ID_SEGMENT, id, sizeof id);
    pp_init_column_ref(d, i, ref, sizeof ref);
    fprintf(d->out, "\n; check: a segment? %zu different answers: ", levels.count);
    pp_init_write_list(d->out, &levels, NULL, 0);
    if (respelt && safe)
        fprintf(d->out, "\n; some spelt several ways: listed once each, so that they count as\n"
                "; one (an answer not listed will be rejected)");
    fprintf(d->out, "\n[segment %s]\ncolumn = %s\n", id, ref);
    if (respelt && safe) {
        fprintf(d->out, "levels = ");
        pp_init_write_list(d->out, &levels, NULL, 0);
        fputc('\n', d->out);
    }
    if (o == NULL)
        write_wave(d);
    d->seg_ids[i] = pp_init_keep_id(d, id);
    if (o != NULL)
        other->seg_ids[j] = pp_init_keep_id(other, id);
    pp_strings_clear(&levels);
}

#define AMONG_MIN 5

/* An item whose column i only respondents of one level of a segment
 * answered, enough of them and enough others not: `among =` that level. */
static void write_among(pp_init_draft *d, size_t i, long other)
{
    const pp_init_column *c = &d->p->cols[i];
    if (c->same == NULL || c->answered < AMONG_MIN)
        return;
    for (size_t j = 0; j < d->p->n_cols; j++) {
        int v = c->same[j];
        if (d->r.roles[j] != PP_ROLE_SEGMENT || d->seg_ids[j] == NULL || v < 0)
            continue;
        const pp_init_column *seg = &d->p->cols[j];
        const char *level = pp_init_spelling(seg, (size_t)v);
        if (seg->answered - seg->counts[v] < AMONG_MIN || !pp_init_safe_value(level)
            || (other >= 0 && d->p->cols[other].answered > 0 && d->p->cols[other].same != NULL
                && d->p->cols[other].same[j] != v))
            continue;
        fprintf(d->out, "; check: only respondents who answered %s \"%s\" answered\n"
                "; this: was it asked of them only?\namong  = %s = %s\n",
                d->seg_ids[j], level, d->seg_ids[j], level);
        return;
    }
}

/* A rating column's answers that are not on its scale, in a comment; and
 * whether its scale was guessed from too few different answers. */
void pp_init_write_off_scale(pp_init_draft *d, size_t i)
{
    const pp_known_scale *k = d->r.scales[d->r.scale_of[i]].known;
    const pp_init_column *c = &d->p->cols[i];
    pp_strings off = {0};
    if (d->r.lone[i])
        fprintf(d->out, "; check: %s has too few different answers to tell its scale; it\n"
                "; takes that of the rating beside it, or the first that has its answer\n",
                pp_init_safe_value(c->name) ? c->name : "a column");
    for (size_t v = 0; k != NULL && v < c->values.count; v++)
        if (!pp_init_value_on_scale(k, c, v) && pp_strings_push_str(&off, c->values.items[v]) != 0)
            d->out_of_memory = 1;
    if (off.count) {
        fprintf(d->out, "; check: answers of %s not on the scale (rejected as they are): ",
                pp_init_safe_value(c->name) ? c->name : "a column");
        pp_init_write_list(d->out, &off, NULL, 0);
        fputc('\n', d->out);
    }
    pp_strings_clear(&off);
}

/* The pair of before column i and its after column, where the first of
 * the two is in the export; the other is then done. */
static void write_pair(pp_init_draft *d, size_t i)
{
    size_t j = (size_t)d->pair_of[i];
    char id[PP_INIT_ID_CAP], title[512];
    pp_init_question_of(&d->p->cols[i], title, sizeof title);
    pp_init_column_id(d, i, NULL, PP_INIT_ID_ITEM, id, sizeof id);
    pp_init_write_paired(d, i, d, j, id, title);
    write_among(d, i, (long)j);
    d->r.roles[i] = d->r.roles[j] = PP_ROLE_DONE;
}

static void write_rating(pp_init_draft *d, size_t i)
{
    const pp_init_column *c = &d->p->cols[i];
    char id[PP_INIT_ID_CAP], ref[512];
    if (d->pair_of[i] >= 0) {
        write_pair(d, d->before[i] ? i : (size_t)d->pair_of[i]);
        return;
    }
    pp_init_column_ref(d, i, ref, sizeof ref);
    const char *title_text = pp_init_heading(c);
    const char *battery = pp_init_battery_of(d, i);
    pp_init_column_id(d, i, battery, PP_INIT_ID_ITEM, id, sizeof id);
    fprintf(d->out, "\n[single %s]\n", id);
    pp_init_write_title(d->out, title_text);
    fprintf(d->out, "scale  = %s\ncolumn = %s\n", d->r.scales[d->r.scale_of[i]].name, ref);
    write_wave(d);
    pp_init_write_off_scale(d, i);
    if (battery != NULL)
        fprintf(d->out, "; check: one question of several things, on one scale: a battery?\n"
                "battery = %s\n", battery);
    write_among(d, i, -1);
}

/* A tick-all-that-apply group from its first column i onwards. */
static void write_multi(pp_init_draft *d, size_t i)
{
    char id[PP_INIT_ID_CAP], ref[512], question[512];
    pp_init_tick_question(&d->r, i, question, sizeof question);
    pp_init_column_id(d, i, NULL, PP_INIT_ID_ITEM, id, sizeof id);
    fprintf(d->out, "\n; check: a tick-all-that-apply question? (each column has one answer)\n"
            "[multi %s]\n", id);
    pp_init_write_title(d->out, question);
    const char *sep = "columns = ";
    pp_strings options = {0};
    for (size_t j = i; j < d->p->n_cols; j++) {
        if (d->r.roles[j] != PP_ROLE_TICK || d->r.group_of[j] != (long)i)
            continue;
        const char *option = pp_init_tick_option(&d->r, j);
        pp_init_column_ref(d, j, ref, sizeof ref);
        fprintf(d->out, "%s%s", sep, ref);
        if (pp_strings_push_str(&options, pp_init_safe_value(option) ? option : ref) != 0)
            d->out_of_memory = 1;
        sep = " | ";
        d->r.roles[j] = PP_ROLE_DONE;
    }
    fprintf(d->out, "\noptions = ");
    pp_init_write_list(d->out, &options, NULL, 0);
    fputc('\n', d->out);
    write_wave(d);
    pp_strings_clear(&options);
}

/* Several choices in one cell, the options inferred from the answers. */
static void write_cell_multi(pp_init_draft *d, size_t i)
{
    const pp_init_column *c = &d->p->cols[i];
    char id[PP_INIT_ID_CAP], ref[512], question[512];
    pp_strings options = {0}, once = {0};
    if (pp_init_cell_options(d->p, c, &options, &once) < 0)
        d->out_of_memory = 1;
    pp_init_column_ref(d, i, ref, sizeof ref);
    pp_init_cell_question(d, c, question, sizeof question);
    pp_init_column_id(d, i, NULL, PP_INIT_ID_ITEM, id, sizeof id);
    fprintf(d->out, "\n; check: several choices in one cell? the options were inferred from the\n"
            "; answers: %s", pp_init_offered_choices(d->p, c)
            ? "every choice given (add those nobody chose)"
            : "the choices given by two respondents or more");
    if (once.count) {
        fprintf(d->out, ";\n; given by one respondent only, so not listed (rejected as unknown): ");
        pp_init_write_list(d->out, &once, NULL, 0);
    }
    fprintf(d->out, "\n[multi %s]\n", id);
    pp_init_write_title(d->out, question);
    fprintf(d->out, "column  = %s\noptions = ", ref);
    pp_init_write_list(d->out, &options, NULL, 0);
    fputc('\n', d->out);
    write_wave(d);
    pp_strings_clear(&options);
    pp_strings_clear(&once);
}

static void write_text(pp_init_draft *d, size_t i)
{
    const pp_init_column *c = &d->p->cols[i];
    char id[PP_INIT_ID_CAP], ref[512];
    pp_init_column_ref(d, i, ref, sizeof ref);
    pp_init_column_id(d, i, NULL, PP_INIT_ID_ITEM, id, sizeof id);
    if (c->overflow || c->values.count > PP_INIT_MAX_SEGMENT_LEVELS)
        fprintf(d->out, "\n; %s answers are free text (more than %d different)\n",
                c->overflow ? "its" : "few", PP_INIT_MAX_SEGMENT_LEVELS);
    else if (strpbrk(c->values.items[0], ";,") != NULL)
        fprintf(d->out, "\n; check: several choices in one cell? then make it [multi] with\n"
                "; column = and options = (the choices, as written)\n");
    else
        fprintf(d->out, "\n; check: free text, or a rating on a scale prepost does not know?\n");
    fprintf(d->out, "[text %s]\n", id);
    pp_init_write_title(d->out, c->text[0] ? c->text : c->name);
    fprintf(d->out, "column = %s\n", ref);
    write_wave(d);
}

void pp_init_write_left_out(const pp_init_draft *d)
{
    for (size_t i = 0; i < d->p->n_cols; i++)
        if (d->r.roles[i] == PP_ROLE_META || d->r.roles[i] == PP_ROLE_EMPTY)
            fprintf(d->out, "; left out: %s%scolumn %zu, %s (%s)\n", d->wave ? d->wave : "",
                    d->wave ? " wave, " : "", i + 1,
                    pp_init_safe_value(d->p->cols[i].name) ? d->p->cols[i].name : "unnamed",
                    d->r.roles[i] == PP_ROLE_META ? "the survey tool's own" : "nobody answered");
}

void pp_init_write_item(pp_init_draft *d, size_t i)
{
    switch (d->r.roles[i]) {
    case PP_ROLE_RATING: write_rating(d, i); break;
    case PP_ROLE_TICK: write_multi(d, i); break;
    case PP_ROLE_CELL_MULTI: write_cell_multi(d, i); break;
    case PP_ROLE_TEXT: write_text(d, i); break;
    default: break;
    }
}

int pp_init_draft_open(pp_init_draft *d, const pp_init_profile *p, pp_strings *ids,
                       const char *wave, FILE *out)
{
    memset(d, 0, sizeof *d);
    d->p = p;
    d->ids = ids;
    d->wave = wave;
    d->out = out;
    if (pp_init_roles_give(&d->r, p) != 0)
        return -1;
    d->seg_ids = calloc(p->n_cols + 1, sizeof *d->seg_ids);
    d->battery_ids = calloc(p->n_cols + 1, sizeof *d->battery_ids);
    d->pair_of = malloc((p->n_cols + 1) * sizeof *d->pair_of);
    if (d->seg_ids == NULL || d->battery_ids == NULL || d->pair_of == NULL)
        goto fail;
    if (pp_init_pair_columns(d) != 0 || pp_init_gather_texts(d) != 0)
        goto fail;
    return 0;
fail:
    pp_init_draft_close(d);
    return -1;
}

void pp_init_draft_close(pp_init_draft *d)
{
    for (size_t i = 0; i < d->p->n_cols; i++) {
        if (d->seg_ids != NULL)
            free(d->seg_ids[i]);
        if (d->battery_ids != NULL)
            free(d->battery_ids[i]);
    }
    free(d->seg_ids);
    free(d->battery_ids);
    free(d->pair_of);
    free(d->before);
    d->seg_ids = d->battery_ids = NULL;
    d->pair_of = NULL;
    d->before = NULL;
    pp_init_id_texts_free(&d->texts);
    pp_init_roles_free(&d->r);
}

/* init_roles.c: a role for every column of an export (init_roles.h). */
#include "init_roles.h"

#include <stdlib.h>
#include <string.h>

#include "init_ticks.h"
#include "init_words.h"
#include "label.h"

static const char *const id_names[] = {"Respondent ID", "ResponseId", "Response ID",
                                       "RespondentID", "respondent_id", "id", NULL};
static const char *const meta_names[] = {
    "Collector ID", "Start Date", "End Date", "IP Address", "Email Address", "First Name",
    "Last Name", "Custom Data", "Custom Data 1", "StartDate", "EndDate", "Status",
    "IPAddress", "Progress", "Duration (in seconds)", "Finished", "RecordedDate",
    "RecipientLastName", "RecipientFirstName", "RecipientEmail", "ExternalReference",
    "ExternalDataReference", "LocationLatitude", "LocationLongitude",
    "DistributionChannel", "UserLanguage", "Timestamp", NULL};

int pp_init_same_scale(const pp_init_scale *a, const pp_init_scale *b)
{
    if (a->known != NULL || b->known != NULL)
        return a->known == b->known;
    const pp_init_column *x = a->labelled, *y = b->labelled;
    size_t n = x->labels.count;
    return n == y->labels.count && n > 0
           && memcmp(x->label_missing, y->label_missing, n) == 0
           && !strcmp(x->labels.items[0], y->labels.items[0])
           && !strcmp(x->labels.items[n - 1], y->labels.items[n - 1]);
}

/* The index of the known scale in d->scales (or, known NULL, of the value
 * labels of c), added if new; -1 if it cannot be. */
static int scale_index(pp_init_roles *d, const pp_known_scale *known, const pp_init_column *c)
{
    if (known == NULL && (c->labels.count < 2 || c->overflow))
        return -1;
    for (size_t i = 0; known == NULL && i < c->labels.count; i++)
        if (!pp_init_safe_value(c->labels.items[i]))
            return -1;                  /* a label the INI format cannot carry */
    pp_init_scale want = {.known = known, .labelled = known ? NULL : c};
    for (size_t s = 0; s < d->n_scales; s++)
        if (pp_init_same_scale(&d->scales[s], &want))
            return (int)s;
    if (d->n_scales == PP_INIT_MAX_SCALES)
        return -1;
    pp_init_scale *s = &d->scales[d->n_scales];
    s->known = known;
    s->labelled = known ? NULL : c;
    snprintf(s->name, sizeof s->name, "%s", known ? known->name : "labels");
    for (size_t t = 0; t < d->n_scales; t++)
        if (strcmp(d->scales[t].name, s->name) == 0)
            snprintf(s->name, sizeof s->name, "%s_%zu", known ? known->name : "labels",
                     d->n_scales + 1);
    return (int)d->n_scales++;
}

/* The scale of a column: a known one that its answers (or value labels)
 * are on, two levels or more of it, or its value labels. */
static int scale_for(pp_init_roles *d, const pp_init_column *c)
{
    pp_strings substantive = {0};
    const pp_strings *values = &c->values;
    for (size_t i = 0; c->labels.count && i < c->labels.count; i++)
        if (!c->label_missing[i] && pp_strings_push_str(&substantive, c->labels.items[i]) != 0)
            d->out_of_memory = 1;
    if (c->labels.count)
        values = &substantive;
    const pp_known_scale *known = pp_init_scale_match(values);
    if (known == NULL)
        known = pp_init_scale_match(&c->values);
    pp_strings_clear(&substantive);
    return scale_index(d, known, c);
}

static void note_missing(pp_init_roles *d, int s, const pp_init_column *c)
{
    for (size_t i = 0; i < c->values.count; i++) {
        int rank = pp_init_missing_rank(c->values.items[i]);
        if (rank >= 0)
            d->scales[s].missing_seen |= 1u << rank;
    }
}

/* Piece k continues the piece before it: every occurrence of each is next
 * to the other across ", ", so both are one option holding a comma. */
static int continues(const pp_init_pieces *pc, int k)
{
    int before = pc->prev[k];
    return before >= 0 && pc->next[before] == k;
}

int pp_init_offered_choices(const pp_init_profile *p, const pp_init_column *c)
{
    static const char mark[] = " - Selected Choice";
    size_t n = strlen(c->text), m = sizeof mark - 1;
    return p->layout == PP_LAYOUT_QUALTRICS && n > m
           && pp_label_equal(c->text + n - m, m, mark, m);
}

/* The options of a column whose cells each hold several choices (joined by
 * ", ", "," or ";"), pieces always seen side by side across ", " joined
 * back into one, in the order first seen; *once gets those given by one
 * respondent only. 1 if the answers look like that: some cell holds
 * several options, and either the column holds only offered choices (then
 * every piece is an option) or at least two options recur and they make up
 * three quarters of the answers; -1 when memory ran out. */
int pp_init_cell_options(const pp_init_profile *p, const pp_init_column *c,
                         pp_strings *options, pp_strings *once)
{
    const pp_init_pieces *pc = c->pieces;
    int every = pp_init_offered_choices(p, c);
    if (pc == NULL || pc->overflow || pc->split_cells == 0 || c->labels.count)
        return 0;
    long total = 0, recurring = 0;
    int ok = 1;
    for (size_t k = 0; k < pc->names.count && ok; k++) {
        if (continues(pc, (int)k))
            continue;
        size_t cap = strlen(pc->names.items[k]) + 1;
        for (int j = (int)k, n = 0; pc->next[j] >= 0 && continues(pc, pc->next[j])
                                    && n < PP_INIT_PIECE_CAP; j = pc->next[j], n++)
            cap += strlen(pc->names.items[pc->next[j]]) + 2;
        char *atom = malloc(cap);
        if (atom == NULL)
            return -1;
        strcpy(atom, pc->names.items[k]);
        for (int j = (int)k, n = 0; pc->next[j] >= 0 && continues(pc, pc->next[j])
                                    && n < PP_INIT_PIECE_CAP; j = pc->next[j], n++) {
            strcat(atom, ", ");
            strcat(atom, pc->names.items[pc->next[j]]);
        }
        ok = pp_init_safe_value(atom);
        total += pc->counts[k];
        int kept = 0;
        if (pc->counts[k] >= 2 || every) {
            recurring += pc->counts[k];
            if (options)
                kept = pp_strings_push_str(options, atom);
        } else if (once)
            kept = pp_strings_push_str(once, atom);
        free(atom);
        if (kept != 0)
            return -1;
    }
    size_t n_recurring = 0;
    for (size_t k = 0; k < pc->names.count; k++)
        n_recurring += !continues(pc, (int)k) && pc->counts[k] >= 2;
    if (every)
        return ok;
    return ok && total > c->answered && n_recurring >= 2 && 4 * recurring >= 3 * total;
}

/* No column is named as an id: one with an id-like name that every
 * respondent answered, nearly every answer different, is proposed. */
static void guess_id(pp_init_roles *d)
{
    const pp_init_profile *p = d->p;
    for (size_t i = 0; i < p->n_cols; i++) {
        const pp_init_column *c = &p->cols[i];
        if ((d->roles[i] == PP_ROLE_TEXT || d->roles[i] == PP_ROLE_SEGMENT) && !c->ambiguous
            && pp_init_id_like_name(c->name) && c->answered == p->rows && p->rows >= 2
            && (c->overflow || 10 * (long)c->values.count >= 9 * c->answered)) {
            d->roles[i] = PP_ROLE_ID;
            d->id_guessed = 1;
            return;
        }
    }
}

/* Answer v of c is a level or a missing answer of the known scale. */
int pp_init_value_on_scale(const pp_known_scale *k, const pp_init_column *c, size_t v)
{
    const char *s = c->values.items[v];
    int found = pp_init_missing_rank(s) >= 0;
    for (int l = 0; !found && l < PP_KNOWN_MAX && k->levels[l]; l++)
        found = pp_label_equal(k->levels[l], strlen(k->levels[l]), s, strlen(s));
    return found;
}

/* The answers of c are on the known scale, but for a few given once each
 * (typing mistakes: a quarter of the answers at most). */
static int on_scale(const pp_known_scale *k, const pp_init_column *c)
{
    if (c->overflow || c->labels.count || c->values.count == 0)
        return 0;
    long off = 0;
    for (size_t v = 0; v < c->values.count; v++)
        if (!pp_init_value_on_scale(k, c, v)) {
            if (c->counts[v] > 1)
                return 0;
            off++;
        }
    return 4 * off <= c->answered;
}

/* A before or after column with too few different answers to tell its
 * scale takes the scale of its partner, when every answer is on it. */
static void adopt_partner_scales(pp_init_roles *d)
{
    const pp_init_profile *p = d->p;
    for (size_t i = 0; i < p->n_cols; i++) {
        int wave, other_wave;
        if (d->roles[i] != PP_ROLE_TEXT && d->roles[i] != PP_ROLE_SEGMENT)
            continue;
        char *mine = pp_init_column_stem(&p->cols[i], &wave);
        if (mine == NULL && wave != 0)
            d->out_of_memory = 1;
        for (size_t j = 0; mine && j < p->n_cols; j++) {
            if (d->roles[j] != PP_ROLE_RATING || d->scales[d->scale_of[j]].known == NULL)
                continue;
            char *theirs = pp_init_column_stem(&p->cols[j], &other_wave);
            if (theirs == NULL && other_wave != 0)
                d->out_of_memory = 1;
            if (theirs && other_wave != wave && strcmp(theirs, mine) == 0
                && on_scale(d->scales[d->scale_of[j]].known, &p->cols[i])) {
                d->roles[i] = PP_ROLE_RATING;
                d->scale_of[i] = d->scale_of[j];
                note_missing(d, d->scale_of[i], &p->cols[i]);
                j = p->n_cols;
            }
            free(theirs);
        }
        free(mine);
    }
}

/* The nearest rating on a known scale before column i (step -1) or after
 * it (step 1) whose scale holds every answer of i, or -1. */
static long rating_near(const pp_init_roles *d, size_t i, int step)
{
    const pp_init_column *c = &d->p->cols[i];
    for (long j = (long)i + step; j >= 0 && (size_t)j < d->p->n_cols; j += step) {
        if (d->roles[j] != PP_ROLE_RATING)
            continue;
        const pp_known_scale *k = d->scales[d->scale_of[j]].known;
        for (size_t v = 0; k != NULL && v < c->values.count; v++)
            if (!pp_init_value_on_scale(k, c, v))
                k = NULL;
        return k != NULL ? j : -1;
    }
    return -1;
}

/* A column whose answers are all on a known scale, but too few of its
 * levels to tell it (one level, or only "Don't know"-style answers), takes
 * the scale of the nearest rating before it (or else after it) when its
 * answers are on that, or else the first known scale that has its level. */
static void adopt_lone_scales(pp_init_roles *d)
{
    const pp_init_profile *p = d->p;
    for (size_t i = 0; i < p->n_cols; i++) {
        const pp_init_column *c = &p->cols[i];
        if ((d->roles[i] != PP_ROLE_TEXT && d->roles[i] != PP_ROLE_SEGMENT) || c->overflow
            || c->labels.count || c->values.count == 0)
            continue;
        long j = rating_near(d, i, -1);
        if (j < 0)
            j = rating_near(d, i, 1);
        int s = j >= 0 ? d->scale_of[j] : scale_index(d, pp_init_scale_holding(&c->values), c);
        if (s >= 0) {
            d->roles[i] = PP_ROLE_RATING;
            d->scale_of[i] = s;
            d->lone[i] = 1;
            note_missing(d, s, c);
        }
    }
}

/* Is column i the respondent id or the survey tool's own, by its name or
 * its question text? */
static int named(const pp_init_column *c, const char *const *names)
{
    return pp_init_listed(names, c->name) || (c->text[0] && pp_init_listed(names, c->text));
}

static void give_roles(pp_init_roles *d)
{
    const pp_init_profile *p = d->p;
    int have_id = 0, multi;
    for (size_t i = 0; i < p->n_cols; i++) {
        const pp_init_column *c = &p->cols[i];
        d->scale_of[i] = -1;
        if (!have_id && named(c, id_names) && !c->ambiguous)
            d->roles[i] = PP_ROLE_ID, have_id = 1;
        else if (named(c, meta_names))
            d->roles[i] = PP_ROLE_META;
        else if (c->answered == 0)
            d->roles[i] = PP_ROLE_EMPTY;
        else if ((d->scale_of[i] = scale_for(d, c)) >= 0) {
            d->roles[i] = PP_ROLE_RATING;
            note_missing(d, d->scale_of[i], c);
        } else if ((multi = pp_init_cell_options(p, c, NULL, NULL)) != 0) {
            d->roles[i] = PP_ROLE_CELL_MULTI;
            if (multi < 0)
                d->out_of_memory = 1;
        } else if (!c->overflow && c->values.count >= 2
                 && c->values.count <= PP_INIT_MAX_SEGMENT_LEVELS
                 && c->answered >= 2 * (long)c->values.count)
            d->roles[i] = PP_ROLE_SEGMENT;
        else
            d->roles[i] = PP_ROLE_TEXT;
    }
    adopt_partner_scales(d);
    pp_init_find_ticks(d);
    adopt_lone_scales(d);
    if (!have_id)
        guess_id(d);
}

int pp_init_roles_give(pp_init_roles *r, const pp_init_profile *p)
{
    memset(r, 0, sizeof *r);
    r->p = p;
    r->roles = calloc(p->n_cols + 1, sizeof *r->roles);
    r->scale_of = calloc(p->n_cols + 1, sizeof *r->scale_of);
    r->group_of = calloc(p->n_cols + 1, sizeof *r->group_of);
    r->lone = calloc(p->n_cols + 1, sizeof *r->lone);
    if (r->roles == NULL || r->scale_of == NULL || r->group_of == NULL || r->lone == NULL) {
        pp_init_roles_free(r);
        return -1;
    }
    give_roles(r);
    if (r->out_of_memory) {
        pp_init_roles_free(r);
        return -1;
    }
    return 0;
}

void pp_init_roles_free(pp_init_roles *r)
{
    free(r->roles);
    free(r->scale_of);
    free(r->group_of);
    free(r->lone);
    r->roles = NULL;
    r->scale_of = NULL;
    r->group_of = NULL;
    r->lone = NULL;
}

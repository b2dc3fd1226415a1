/* init_draft.c: roles for the columns of an export and the draft codebook
 * that names them (init_draft.h). */
#include "init_draft.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "init_scales.h"
#include "label.h"

#define MAX_SEGMENT_LEVELS 12
#define MAX_SCALES 32

typedef enum { ROLE_TEXT, ROLE_ID, ROLE_META, ROLE_EMPTY, ROLE_RATING,
               ROLE_SEGMENT, ROLE_TICK, ROLE_CELL_MULTI, ROLE_DONE } role;

typedef struct {
    const pp_known_scale *known;    /* or NULL: a statistical file's labels */
    const pp_init_column *labelled; /* the column whose labels it is */
    char name[40];
    unsigned missing_seen;          /* bit per pp_init_missing_rank */
} draft_scale;

typedef struct {
    const pp_init_profile *p;
    role *roles;
    int *scale_of;                  /* rating: index into scales */
    draft_scale scales[MAX_SCALES];
    size_t n_scales;
    pp_strings ids;                 /* ids given, to keep them unique */
    int id_guessed;                 /* the id column named by its answers */
    char **seg_ids;                 /* per column: its segment's id, or NULL */
    char **battery_ids;             /* per column: its battery's id, or NULL */
    long *pair_of;                  /* per column: the other column of its pair, or -1 */
    FILE *out;
} draft;

static const char *const id_names[] = {"Respondent ID", "ResponseId", "Response ID",
                                       "RespondentID", "respondent_id", "id", NULL};
static const char *const meta_names[] = {
    "Collector ID", "Start Date", "End Date", "IP Address", "Email Address", "First Name",
    "Last Name", "Custom Data", "Custom Data 1", "StartDate", "EndDate", "Status",
    "IPAddress", "Progress", "Duration (in seconds)", "Finished", "RecordedDate",
    "RecipientLastName", "RecipientFirstName", "RecipientEmail", "ExternalReference",
    "ExternalDataReference", "LocationLatitude", "LocationLongitude",
    "DistributionChannel", "UserLanguage", "Timestamp", NULL};

static int listed(const char *const *names, const char *s)
{
    for (; *names; names++)
        if (pp_label_equal(*names, strlen(*names), s, strlen(s)))
            return 1;
    return 0;
}

/* A text the INI format can carry as a value, as it is. */
static int safe_value(const char *s)
{
    return s[0] != '\0' && !isspace((unsigned char)s[0]) && strpbrk(s, "|;\r\n#") == NULL;
}

static void column_ref(const draft *d, size_t i, char *buf, size_t cap)
{
    const pp_init_column *c = &d->p->cols[i];
    if (c->ambiguous || !safe_value(c->name))
        snprintf(buf, cap, "#%zu", i + 1);
    else
        snprintf(buf, cap, "%s", c->name);
}

/* The part of a name after its group separator (" / ", " [", ": "), or
 * NULL; *group_len gets the length of the group part. */
static const char *sub_label(const char *name, size_t *group_len)
{
    const char *seps[] = {" / ", " [", ": "};
    *group_len = strlen(name);           /* no sub-label: the whole name */
    for (size_t s = 0; s < 3; s++) {
        const char *at = NULL, *p = name;
        while ((p = strstr(p, seps[s])) != NULL)
            at = p++;
        if (at != NULL && at[strlen(seps[s])] != '\0') {
            *group_len = (size_t)(at - name);
            return at + strlen(seps[s]);
        }
    }
    return NULL;
}

/* ---- roles ---------------------------------------------------------------- */

static int scale_for(draft *d, const pp_init_column *c)
{
    pp_strings substantive = {0};
    const pp_strings *values = &c->values;
    for (size_t i = 0; c->labels.count && i < c->labels.count; i++)
        if (!c->label_missing[i])
            pp_strings_push_str(&substantive, c->labels.items[i]);
    if (c->labels.count)
        values = &substantive;
    const pp_known_scale *known = pp_init_scale_match(values);
    if (known == NULL)
        known = pp_init_scale_match(&c->values);
    pp_strings_clear(&substantive);
    if (known == NULL && (c->labels.count < 2 || c->overflow))
        return -1;
    for (size_t i = 0; known == NULL && i < c->labels.count; i++)
        if (!safe_value(c->labels.items[i]))
            return -1;                  /* a label the INI format cannot carry */
    for (size_t s = 0; s < d->n_scales; s++)
        if (known ? d->scales[s].known == known
                  : d->scales[s].labelled && d->scales[s].labelled->labels.count == c->labels.count
                    && memcmp(d->scales[s].labelled->label_missing, c->label_missing, c->labels.count) == 0
                    && !strcmp(d->scales[s].labelled->labels.items[0], c->labels.items[0])
                    && !strcmp(d->scales[s].labelled->labels.items[c->labels.count - 1],
                               c->labels.items[c->labels.count - 1]))
            return (int)s;
    if (d->n_scales == MAX_SCALES)
        return -1;
    draft_scale *s = &d->scales[d->n_scales];
    s->known = known;
    s->labelled = known ? NULL : c;
    snprintf(s->name, sizeof s->name, "%s", known ? known->name : "labels");
    for (size_t t = 0; t < d->n_scales; t++)
        if (strcmp(d->scales[t].name, s->name) == 0)
            snprintf(s->name, sizeof s->name, "%s_%zu", known ? known->name : "labels",
                     d->n_scales + 1);
    return (int)d->n_scales++;
}

static void note_missing(draft *d, int s, const pp_init_column *c)
{
    for (size_t i = 0; i < c->values.count; i++) {
        int rank = pp_init_missing_rank(c->values.items[i]);
        if (rank >= 0)
            d->scales[s].missing_seen |= 1u << rank;
    }
}

/* A ticked box reads as its option, or as yes, 1, x, ticked, selected. */
static int tick_values(const pp_init_column *c, const char *sub)
{
    static const char *const ticks[] = {"yes", "1", "x", "ticked", "selected",
                                        "checked", "true", NULL};
    if (c->values.count == 0 || c->values.count > 2 || c->overflow || c->labels.count)
        return 0;
    for (size_t i = 0; i < c->values.count; i++) {
        const char *v = c->values.items[i];
        if (!listed(ticks, v) && !pp_label_equal(v, strlen(v), sub, strlen(sub)))
            return 0;
    }
    return 1;
}

static int is_tick(const pp_init_profile *p, size_t i)
{
    const pp_init_column *c = &p->cols[i];
    size_t group, other_group;
    const char *sub = sub_label(c->name, &group), *other_sub;
    if (sub == NULL || !tick_values(c, sub))
        return 0;
    for (size_t j = 0; j < p->n_cols; j++) {
        const pp_init_column *o = &p->cols[j];
        if (j != i && (other_sub = sub_label(o->name, &other_group)) != NULL
            && other_group == group && strncmp(o->name, c->name, group) == 0
            && (o->answered == 0 || tick_values(o, other_sub)))
            return 1;
    }
    return 0;
}

/* Piece k continues the piece before it: every occurrence of each is next
 * to the other across ", ", so both are one option holding a comma. */
static int continues(const pp_init_pieces *pc, int k)
{
    int before = pc->prev[k];
    return before >= 0 && pc->next[before] == k;
}

/* The options of a column whose cells each hold several choices (joined by
 * ", " or ";"), pieces always seen side by side joined back into one, in
 * the order first seen; *once gets those given by one respondent only.
 * 1 if the answers look like that: some cell holds several options, at
 * least two options recur and they make up three quarters of the answers. */
static int cell_options(const pp_init_column *c, pp_strings *options, pp_strings *once)
{
    const pp_init_pieces *pc = c->pieces;
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
            return 0;
        strcpy(atom, pc->names.items[k]);
        for (int j = (int)k, n = 0; pc->next[j] >= 0 && continues(pc, pc->next[j])
                                    && n < PP_INIT_PIECE_CAP; j = pc->next[j], n++) {
            strcat(atom, ", ");
            strcat(atom, pc->names.items[pc->next[j]]);
        }
        ok = safe_value(atom);
        total += pc->counts[k];
        if (pc->counts[k] >= 2) {
            recurring += pc->counts[k];
            if (options)
                pp_strings_push_str(options, atom);
        } else if (once)
            pp_strings_push_str(once, atom);
        free(atom);
    }
    size_t n_recurring = 0;
    for (size_t k = 0; k < pc->names.count; k++)
        n_recurring += !continues(pc, (int)k) && pc->counts[k] >= 2;
    return ok && total > c->answered && n_recurring >= 2 && 4 * recurring >= 3 * total;
}

/* A name with "id", "code" or "identifier" as a word. */
static int id_like_name(const char *name)
{
    static const char *const words[] = {"id", "code", "identifier", NULL};
    for (const char *s = name; *s; s++) {
        if (s != name && isalnum((unsigned char)s[-1]))
            continue;
        for (size_t w = 0; words[w]; w++) {
            size_t n = strlen(words[w]);
            if (strncasecmp(s, words[w], n) == 0 && !isalnum((unsigned char)s[n]))
                return 1;
        }
    }
    return 0;
}

/* No column is named as an id: one with an id-like name that every
 * respondent answered, nearly every answer different, is proposed. */
static void guess_id(draft *d)
{
    const pp_init_profile *p = d->p;
    for (size_t i = 0; i < p->n_cols; i++) {
        const pp_init_column *c = &p->cols[i];
        if ((d->roles[i] == ROLE_TEXT || d->roles[i] == ROLE_SEGMENT) && !c->ambiguous
            && id_like_name(c->name) && c->answered == p->rows && p->rows >= 2
            && (c->overflow || 10 * (long)c->values.count >= 9 * c->answered)) {
            d->roles[i] = ROLE_ID;
            d->id_guessed = 1;
            return;
        }
    }
}

static char *stem(const char *name, int *wave);

/* Answer v of c is a level or a missing answer of the known scale. */
static int value_on_scale(const pp_known_scale *k, const pp_init_column *c, size_t v)
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
        if (!value_on_scale(k, c, v)) {
            if (c->counts[v] > 1)
                return 0;
            off++;
        }
    return 4 * off <= c->answered;
}

/* A before or after column with too few different answers to tell its
 * scale takes the scale of its partner, when every answer is on it. */
static void adopt_partner_scales(draft *d)
{
    const pp_init_profile *p = d->p;
    for (size_t i = 0; i < p->n_cols; i++) {
        int wave, other_wave;
        if (d->roles[i] != ROLE_TEXT && d->roles[i] != ROLE_SEGMENT)
            continue;
        char *mine = stem(p->cols[i].name, &wave);
        for (size_t j = 0; mine && j < p->n_cols; j++) {
            if (d->roles[j] != ROLE_RATING || d->scales[d->scale_of[j]].known == NULL)
                continue;
            char *theirs = stem(p->cols[j].name, &other_wave);
            if (theirs && other_wave != wave && strcmp(theirs, mine) == 0
                && on_scale(d->scales[d->scale_of[j]].known, &p->cols[i])) {
                d->roles[i] = ROLE_RATING;
                d->scale_of[i] = d->scale_of[j];
                note_missing(d, d->scale_of[i], &p->cols[i]);
                j = p->n_cols;
            }
            free(theirs);
        }
        free(mine);
    }
}

static void give_roles(draft *d)
{
    const pp_init_profile *p = d->p;
    int have_id = 0;
    for (size_t i = 0; i < p->n_cols; i++) {
        const pp_init_column *c = &p->cols[i];
        d->scale_of[i] = -1;
        if (!have_id && listed(id_names, c->name) && !c->ambiguous)
            d->roles[i] = ROLE_ID, have_id = 1;
        else if (listed(meta_names, c->name))
            d->roles[i] = ROLE_META;
        else if (c->answered == 0 && !is_tick(p, i))
            d->roles[i] = ROLE_EMPTY;
        else if ((d->scale_of[i] = scale_for(d, c)) >= 0) {
            d->roles[i] = ROLE_RATING;
            note_missing(d, d->scale_of[i], c);
        } else if (is_tick(p, i))
            d->roles[i] = ROLE_TICK;
        else if (cell_options(c, NULL, NULL))
            d->roles[i] = ROLE_CELL_MULTI;
        else if (!c->overflow && c->values.count <= MAX_SEGMENT_LEVELS
                 && c->answered >= 2 * (long)c->values.count)
            d->roles[i] = ROLE_SEGMENT;
        else
            d->roles[i] = ROLE_TEXT;
    }
    adopt_partner_scales(d);
    if (!have_id)
        guess_id(d);
}

/* ---- names ------------------------------------------------------------ */

/* An item or segment id from a text: lower-case words joined by '_'. */
static void make_id(draft *d, const char *text, char *id, size_t cap)
{
    size_t n = 0;
    for (const char *s = text; *s && n + 1 < cap && n < 28; s++) {
        if (isalnum((unsigned char)*s))
            id[n++] = (char)tolower((unsigned char)*s);
        else if (n > 0 && id[n - 1] != '_')
            id[n++] = '_';
    }
    if (n >= 28 && memchr(id, '_', n) != NULL)
        while (n > 0 && id[n - 1] != '_')
            n--;                                /* end on a whole word */
    while (n > 0 && id[n - 1] == '_')
        n--;
    id[n] = '\0';
    if (n == 0)
        snprintf(id, cap, "item");
    char base[32];
    snprintf(base, sizeof base, "%.28s", id);
    for (int k = 2; pp_strings_index(&d->ids, id) >= 0 && k < 10000; k++)
        snprintf(id, cap, "%.28s_%d", base, k);
    pp_strings_push_str(&d->ids, id);
}

/* "before" or "after" as a word of name: 1 or 2, with where it is. */
static int wave_word(const char *name, size_t *at, size_t *len)
{
    for (const char *s = name; *s; s++) {
        if (s != name && isalnum((unsigned char)s[-1]))
            continue;
        for (int w = 1; w <= 2; w++) {
            const char *word = w == 1 ? "before" : "after";
            size_t n = strlen(word);
            if (strncasecmp(s, word, n) == 0 && !isalnum((unsigned char)s[n])) {
                *at = (size_t)(s - name);
                *len = n;
                return w;
            }
        }
    }
    return 0;
}

/* The name without its wave word, normalised; NULL if it has none. */
static char *stem(const char *name, int *wave)
{
    size_t at, len;
    if ((*wave = wave_word(name, &at, &len)) == 0)
        return NULL;
    size_t total = strlen(name);
    char *cut = malloc(total + 1);
    if (cut == NULL)
        return NULL;
    memcpy(cut, name, at);
    memcpy(cut + at, name + at + len, total - at - len + 1);
    char *norm = pp_label_normalize(cut, strlen(cut));
    free(cut);
    return norm;
}

/* The question a paired column belongs to, for its title. */
static void question_of(const pp_init_column *c, char *buf, size_t cap)
{
    const char *name = c->text[0] ? c->text : c->name;
    size_t group, at, len;
    if (sub_label(name, &group) != NULL && wave_word(name, &at, &len) && at > group)
        snprintf(buf, cap, "%.*s", (int)group, name);
    else if (wave_word(name, &at, &len)) {
        size_t end = at;
        while (end > 0 && strchr(" -_:([/", name[end - 1]))
            end--;
        snprintf(buf, cap, "%.*s", (int)end, name);
    } else
        snprintf(buf, cap, "%s", name);
}

/* ---- writing ------------------------------------------------------------ */

/* "a | b | c" on one line: line breaks and other control characters in an
 * item are written as spaces, so no item can start a line of its own. */
static void write_list(FILE *out, const pp_strings *items, const unsigned char *skip, int want)
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

static void write_scale(const draft *d, const draft_scale *s)
{
    FILE *out = d->out;
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
    write_list(out, &c->labels, c->label_missing, 0);
    fputc('\n', out);
    if (memchr(c->label_missing, 1, c->labels.count)) {
        fprintf(out, "missing = ");
        write_list(out, &c->labels, c->label_missing, 1);
        fputc('\n', out);
    }
}

static void write_segment(draft *d, size_t i)
{
    const pp_init_column *c = &d->p->cols[i];
    char id[48], ref[512];
    make_id(d, c->text[0] ? c->text : c->name, id, sizeof id);
    column_ref(d, i, ref, sizeof ref);
    fprintf(d->out, "\n; check: a segment? %zu different answers: ", c->values.count);
    write_list(d->out, &c->values, NULL, 0);
    fprintf(d->out, "\n[segment %s]\ncolumn = %s\n", id, ref);
    d->seg_ids[i] = strdup(id);
}

#define AMONG_MIN 5

/* An item whose column i only respondents of one level of a segment
 * answered, enough of them and enough others not: `among =` that level. */
static void write_among(draft *d, size_t i, long other)
{
    const pp_init_column *c = &d->p->cols[i];
    if (c->same == NULL || c->answered < AMONG_MIN)
        return;
    for (size_t j = 0; j < d->p->n_cols; j++) {
        int v = c->same[j];
        if (d->roles[j] != ROLE_SEGMENT || d->seg_ids[j] == NULL || v < 0)
            continue;
        const pp_init_column *seg = &d->p->cols[j];
        if (seg->answered - seg->counts[v] < AMONG_MIN || !safe_value(seg->values.items[v])
            || (other >= 0 && d->p->cols[other].answered > 0 && d->p->cols[other].same != NULL
                && d->p->cols[other].same[j] != v))
            continue;
        fprintf(d->out, "; check: only respondents who answered %s \"%s\" answered\n"
                "; this: was it asked of them only?\namong  = %s = %s\n",
                d->seg_ids[j], seg->values.items[v], d->seg_ids[j], seg->values.items[v]);
        return;
    }
}

static void write_title(FILE *out, const char *title)
{
    if (safe_value(title))
        fprintf(out, "title  = %s\n", title);
}

/* The after column paired with before column i, or -1. */
static long partner(const draft *d, size_t i)
{
    int wave, other_wave;
    char *mine = stem(d->p->cols[i].name, &wave);
    long found = -1;
    for (size_t j = 0; mine && wave == 1 && j < d->p->n_cols && found < 0; j++) {
        if (d->roles[j] != ROLE_RATING || d->scale_of[j] != d->scale_of[i])
            continue;
        char *theirs = stem(d->p->cols[j].name, &other_wave);
        if (theirs && other_wave == 2 && strcmp(theirs, mine) == 0)
            found = (long)j;
        free(theirs);
    }
    free(mine);
    return found;
}

/* The question a rating column shares with others of its battery: the
 * part of its name before " / ", " [", ": " or " - ", its length in *len. */
static int battery_group(const char *name, size_t *len)
{
    if (sub_label(name, len) != NULL)
        return 1;
    const char *at = NULL, *p = name;
    while ((p = strstr(p, " - ")) != NULL)
        at = p++;
    if (at == NULL || at[3] == '\0')
        return 0;
    *len = (size_t)(at - name);
    return 1;
}

/* Two or more single ratings on one scale asking one question of several
 * things (their names share the part before the sub-label) are a battery:
 * the first names it for all of them. */
static const char *battery_of(draft *d, size_t i)
{
    if (d->battery_ids[i] != NULL)
        return d->battery_ids[i];
    const char *name = d->p->cols[i].name;
    size_t group, other;
    if (!battery_group(name, &group) || group == 0)
        return NULL;
    int members = 0;
    for (size_t j = i + 1; j < d->p->n_cols; j++)
        if (d->roles[j] == ROLE_RATING && d->scale_of[j] == d->scale_of[i] && d->pair_of[j] < 0
            && battery_group(d->p->cols[j].name, &other) && other == group
            && strncmp(d->p->cols[j].name, name, group) == 0)
            members++;
    if (members == 0)
        return NULL;
    char question[512], id[48];
    snprintf(question, sizeof question, "%.*s", (int)group, name);
    make_id(d, question, id, sizeof id);
    d->battery_ids[i] = strdup(id);
    for (size_t j = i + 1; j < d->p->n_cols && d->battery_ids[i] != NULL; j++)
        if (d->roles[j] == ROLE_RATING && d->scale_of[j] == d->scale_of[i] && d->pair_of[j] < 0
            && battery_group(d->p->cols[j].name, &other) && other == group
            && strncmp(d->p->cols[j].name, name, group) == 0)
            d->battery_ids[j] = strdup(id);
    return d->battery_ids[i];
}

/* A rating column's answers that are not on its scale, in a comment. */
static void write_off_scale(const draft *d, size_t i)
{
    const pp_known_scale *k = d->scales[d->scale_of[i]].known;
    const pp_init_column *c = &d->p->cols[i];
    pp_strings off = {0};
    for (size_t v = 0; k != NULL && v < c->values.count; v++)
        if (!value_on_scale(k, c, v))
            pp_strings_push_str(&off, c->values.items[v]);
    if (off.count) {
        fprintf(d->out, "; check: answers of %s not on the scale (rejected as they are): ",
                safe_value(c->name) ? c->name : "a column");
        write_list(d->out, &off, NULL, 0);
        fputc('\n', d->out);
    }
    pp_strings_clear(&off);
}

static void write_rating(draft *d, size_t i)
{
    const pp_init_column *c = &d->p->cols[i];
    char id[48], ref[512], title[512];
    long j = partner(d, i);
    column_ref(d, i, ref, sizeof ref);
    if (j >= 0) {
        question_of(c, title, sizeof title);
        make_id(d, title, id, sizeof id);
        fprintf(d->out, "\n[paired %s]\n", id);
        write_title(d->out, title);
        fprintf(d->out, "scale  = %s\nbefore = %s\n", d->scales[d->scale_of[i]].name, ref);
        column_ref(d, (size_t)j, ref, sizeof ref);
        fprintf(d->out, "after  = %s\n", ref);
        write_off_scale(d, i);
        write_off_scale(d, (size_t)j);
        write_among(d, i, j);
        d->roles[j] = ROLE_DONE;
        return;
    }
    size_t group;
    const char *title_text = c->text[0] ? c->text : c->name;
    const char *sub = sub_label(c->name, &group);
    make_id(d, sub && !c->text[0] ? sub : title_text, id, sizeof id);
    fprintf(d->out, "\n[single %s]\n", id);
    write_title(d->out, title_text);
    fprintf(d->out, "scale  = %s\ncolumn = %s\n", d->scales[d->scale_of[i]].name, ref);
    write_off_scale(d, i);
    const char *battery = battery_of(d, i);
    if (battery != NULL)
        fprintf(d->out, "; check: one question of several things, on one scale: a battery?\n"
                "battery = %s\n", battery);
    write_among(d, i, -1);
}

/* A tick-all-that-apply group from its first column i onwards. */
static void write_multi(draft *d, size_t i)
{
    const pp_init_column *c = &d->p->cols[i];
    size_t group, other;
    char id[48], ref[512], question[512];
    sub_label(c->name, &group);
    snprintf(question, sizeof question, "%.*s", (int)group, c->name);
    make_id(d, question, id, sizeof id);
    fprintf(d->out, "\n; check: a tick-all-that-apply question? (each column has one answer)\n"
            "[multi %s]\n", id);
    write_title(d->out, question);
    const char *sep = "columns = ";
    pp_strings options = {0};
    for (size_t j = i; j < d->p->n_cols; j++) {
        const char *sub = sub_label(d->p->cols[j].name, &other);
        if (d->roles[j] != ROLE_TICK || other != group || strncmp(d->p->cols[j].name, c->name, group))
            continue;
        column_ref(d, j, ref, sizeof ref);
        fprintf(d->out, "%s%s", sep, ref);
        pp_strings_push_str(&options, safe_value(sub) ? sub : ref);
        sep = " | ";
        d->roles[j] = ROLE_DONE;
    }
    fprintf(d->out, "\noptions = ");
    write_list(d->out, &options, NULL, 0);
    fputc('\n', d->out);
    pp_strings_clear(&options);
}

/* Several choices in one cell, the options inferred from the answers. */
static void write_cell_multi(draft *d, size_t i)
{
    const pp_init_column *c = &d->p->cols[i];
    char id[48], ref[512];
    pp_strings options = {0}, once = {0};
    cell_options(c, &options, &once);
    column_ref(d, i, ref, sizeof ref);
    make_id(d, c->text[0] ? c->text : c->name, id, sizeof id);
    fprintf(d->out, "\n; check: several choices in one cell? the options were inferred from the\n"
            "; answers: the choices given by two respondents or more");
    if (once.count) {
        fprintf(d->out, ";\n; given by one respondent only, so not listed (rejected as unknown): ");
        write_list(d->out, &once, NULL, 0);
    }
    fprintf(d->out, "\n[multi %s]\n", id);
    write_title(d->out, c->text[0] ? c->text : c->name);
    fprintf(d->out, "column  = %s\noptions = ", ref);
    write_list(d->out, &options, NULL, 0);
    fputc('\n', d->out);
    pp_strings_clear(&options);
    pp_strings_clear(&once);
}

static void write_text(draft *d, size_t i)
{
    const pp_init_column *c = &d->p->cols[i];
    char id[48], ref[512];
    column_ref(d, i, ref, sizeof ref);
    make_id(d, c->text[0] ? c->text : c->name, id, sizeof id);
    if (c->overflow || c->values.count > MAX_SEGMENT_LEVELS)
        fprintf(d->out, "\n; %s answers are free text (more than %d different)\n",
                c->overflow ? "its" : "few", MAX_SEGMENT_LEVELS);
    else if (strpbrk(c->values.items[0], ";,") != NULL)
        fprintf(d->out, "\n; check: several choices in one cell? then make it [multi] with\n"
                "; column = and options = (the choices, as written)\n");
    else
        fprintf(d->out, "\n; check: free text, or a rating on a scale prepost does not know?\n");
    fprintf(d->out, "[text %s]\n", id);
    write_title(d->out, c->text[0] ? c->text : c->name);
    fprintf(d->out, "column = %s\n", ref);
}

static void write_survey(const draft *d, const char *export_ref, const char *title)
{
    FILE *out = d->out;
    const pp_init_profile *p = d->p;
    fprintf(out, "; A draft codebook written by prepost init from %ld respondent%s and %zu\n"
            "; columns. Read it through: lines marked \"check:\" are guesses. The format\n"
            "; is described key by key at the top of pipeline/codebook.c.\n\n[survey]\n",
            p->rows, p->rows == 1 ? "" : "s", p->n_cols);
    write_title(out, title);
    fprintf(out, "export = %s\nlayout = %s\n", export_ref, pp_layout_name(p->layout));
    for (size_t i = 0; i < p->n_cols; i++)
        if (d->roles[i] == ROLE_ID) {
            char ref[512];
            column_ref(d, i, ref, sizeof ref);
            if (d->id_guessed)
                fprintf(out, "; check: the respondent id? every respondent answered it, nearly\n"
                        "; all differently\n");
            fprintf(out, "id     = %s\n", ref);
            return;
        }
    fprintf(out, "; check: no respondent id column was found, so respondents are numbered\n"
            "; by row and duplicates cannot be found; add id = COLUMN if there is one\n");
}

static void write_left_out(const draft *d)
{
    for (size_t i = 0; i < d->p->n_cols; i++)
        if (d->roles[i] == ROLE_META || d->roles[i] == ROLE_EMPTY)
            fprintf(d->out, "; left out: column %zu, %s (%s)\n", i + 1,
                    safe_value(d->p->cols[i].name) ? d->p->cols[i].name : "unnamed",
                    d->roles[i] == ROLE_META ? "the survey tool's own" : "nobody answered");
}

int pp_init_draft_write(const pp_init_profile *p, const char *export_ref,
                        const char *title, FILE *out)
{
    draft d = {.p = p, .out = out};
    int status = -1;
    d.roles = calloc(p->n_cols + 1, sizeof *d.roles);
    d.scale_of = calloc(p->n_cols + 1, sizeof *d.scale_of);
    d.seg_ids = calloc(p->n_cols + 1, sizeof *d.seg_ids);
    d.battery_ids = calloc(p->n_cols + 1, sizeof *d.battery_ids);
    d.pair_of = malloc((p->n_cols + 1) * sizeof *d.pair_of);
    if (d.roles == NULL || d.scale_of == NULL || d.seg_ids == NULL || d.battery_ids == NULL
        || d.pair_of == NULL)
        goto cleanup;
    give_roles(&d);
    for (size_t i = 0; i < p->n_cols; i++)
        d.pair_of[i] = -1;
    for (size_t i = 0; i < p->n_cols; i++) {
        long j = d.roles[i] == ROLE_RATING && d.pair_of[i] < 0 ? partner(&d, i) : -1;
        if (j >= 0)
            d.pair_of[i] = j, d.pair_of[j] = (long)i;
    }
    write_survey(&d, export_ref, title);
    for (size_t s = 0; s < d.n_scales; s++)
        write_scale(&d, &d.scales[s]);
    for (size_t i = 0; i < p->n_cols; i++)
        if (d.roles[i] == ROLE_SEGMENT)
            write_segment(&d, i);
    for (size_t i = 0; i < p->n_cols; i++) {
        if (d.roles[i] == ROLE_RATING)
            write_rating(&d, i);
        else if (d.roles[i] == ROLE_TICK)
            write_multi(&d, i);
        else if (d.roles[i] == ROLE_CELL_MULTI)
            write_cell_multi(&d, i);
        else if (d.roles[i] == ROLE_TEXT)
            write_text(&d, i);
    }
    fputc('\n', out);
    write_left_out(&d);
    status = ferror(out) ? -1 : 0;
cleanup:
    pp_strings_clear(&d.ids);
    for (size_t i = 0; i < p->n_cols; i++) {
        if (d.seg_ids != NULL)
            free(d.seg_ids[i]);
        if (d.battery_ids != NULL)
            free(d.battery_ids[i]);
    }
    free(d.seg_ids);
    free(d.battery_ids);
    free(d.pair_of);
    free(d.roles);
    free(d.scale_of);
    return status;
}

/* init_names.c: the ids of a draft's items, segments and batteries
 * (init_ids.h), each made from its text told from the other texts of its
 * export (init_items.h). */
#include <stdlib.h>
#include <string.h>

#include "init_items.h"
#include "init_ticks.h"
#include "init_words.h"

/* Room for the text an id is made from: the same wherever it is made, so
 * that a text is always one of the export's texts as gathered. */
#define ID_TEXT_CAP 512

void pp_init_make_id(pp_init_draft *d, const char *text, const char *context,
                     pp_init_id_kind kind, char *id, size_t cap)
{
    if (pp_init_id_make(&d->texts, text, context, kind, d->ids, id, cap) != 0)
        d->out_of_memory = 1;
}

char *pp_init_keep_id(pp_init_draft *d, const char *id)
{
    char *copy = strdup(id);
    if (copy == NULL)
        d->out_of_memory = 1;
    return copy;
}

/* The question of a one-cell multi (without Qualtrics' " - Selected Choice"). */
void pp_init_cell_question(const pp_init_draft *d, const pp_init_column *c, char *buf, size_t cap)
{
    const char *heading = pp_init_heading(c);
    size_t mark = strlen(" - Selected Choice");
    snprintf(buf, cap, "%.*s", (int)(pp_init_offered_choices(d->p, c)
             ? strlen(heading) - mark : strlen(heading)), heading);
}

void pp_init_id_text(const pp_init_draft *d, size_t i, char *buf, size_t cap)
{
    const pp_init_column *c = &d->p->cols[i];
    size_t group;
    const char *sub;
    switch (d->r.roles[i]) {
    case PP_ROLE_RATING:
        if (d->pair_of[i] >= 0) {
            pp_init_question_of(c, buf, cap);
            return;
        }
        sub = pp_init_sub_label(c->name, &group);
        snprintf(buf, cap, "%s", sub && !c->text[0] ? sub : pp_init_heading(c));
        return;
    case PP_ROLE_TICK: pp_init_tick_question(&d->r, i, buf, cap); return;
    case PP_ROLE_CELL_MULTI: pp_init_cell_question(d, c, buf, cap); return;
    default: snprintf(buf, cap, "%s", pp_init_heading(c));
    }
}

/* The id of column i's item (or segment), from its text. */
void pp_init_column_id(pp_init_draft *d, size_t i, const char *context, pp_init_id_kind kind,
                      char *id, size_t cap)
{
    char text[ID_TEXT_CAP];
    pp_init_id_text(d, i, text, sizeof text);
    pp_init_make_id(d, text, context, kind, id, cap);
}

/* Column j is a single rating on the scale of column i that asks its
 * question (the first group characters of its name) of another thing. */
static int same_battery(const pp_init_draft *d, size_t i, size_t j, size_t group)
{
    size_t other;
    return d->r.roles[j] == PP_ROLE_RATING && d->r.scale_of[j] == d->r.scale_of[i] && d->pair_of[j] < 0
           && pp_init_item_label(d->p->cols[j].name, &other) && other == group
           && strncmp(d->p->cols[j].name, d->p->cols[i].name, group) == 0;
}

/* Two or more single ratings on one scale asking one question of several
 * things (their names share the part before the sub-label) are a battery:
 * the length of that question in the name of column i, when a column
 * after it asks it too; else 0. */
static size_t battery_question(const pp_init_draft *d, size_t i)
{
    size_t group;
    if (!pp_init_item_label(d->p->cols[i].name, &group) || group == 0)
        return 0;
    for (size_t j = i + 1; j < d->p->n_cols; j++)
        if (same_battery(d, i, j, group))
            return group;
    return 0;
}

/* The battery of rating i: the first names it for all of them. */
const char *pp_init_battery_of(pp_init_draft *d, size_t i)
{
    if (d->battery_ids[i] != NULL)
        return d->battery_ids[i];
    size_t group = battery_question(d, i);
    if (group == 0)
        return NULL;
    char question[ID_TEXT_CAP], id[PP_INIT_ID_CAP];
    snprintf(question, sizeof question, "%.*s", (int)group, d->p->cols[i].name);
    pp_init_make_id(d, question, NULL, PP_INIT_ID_BATTERY, id, sizeof id);
    d->battery_ids[i] = pp_init_keep_id(d, id);
    for (size_t j = i + 1; j < d->p->n_cols && d->battery_ids[i] != NULL; j++)
        if (same_battery(d, i, j, group))
            d->battery_ids[j] = pp_init_keep_id(d, id);
    return d->battery_ids[i];
}

/* The first tick box of its group, which writes the group. */
static int first_tick(const pp_init_draft *d, size_t i)
{
    for (size_t k = 0; k < i; k++)
        if (d->r.roles[k] == PP_ROLE_TICK && d->r.group_of[k] == d->r.group_of[i])
            return 0;
    return 1;
}

/* The texts of the export's ids, once for each item, segment and
 * battery, as they will be made: the siblings each is told from. */
int pp_init_gather_texts(pp_init_draft *d)
{
    char text[ID_TEXT_CAP];
    for (size_t i = 0; i < d->p->n_cols; i++) {
        pp_init_role role = d->r.roles[i];
        if (role == PP_ROLE_TICK ? !first_tick(d, i)
            : role == PP_ROLE_RATING ? d->pair_of[i] >= 0 && d->pair_of[i] < (long)i
            : role != PP_ROLE_SEGMENT && role != PP_ROLE_CELL_MULTI && role != PP_ROLE_TEXT)
            continue;                   /* a tick group or a pair once */
        pp_init_id_text(d, i, text, sizeof text);
        if (pp_init_id_texts_add(&d->texts, text) != 0)
            return -1;
        size_t group = role == PP_ROLE_RATING && d->pair_of[i] < 0 ? battery_question(d, i) : 0;
        if (group > 0) {
            snprintf(text, sizeof text, "%.*s", (int)group, d->p->cols[i].name);
            if (pp_init_id_texts_add(&d->texts, text) != 0)
                return -1;
        }
    }
    return 0;
}

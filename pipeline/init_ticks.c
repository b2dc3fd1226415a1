/* init_ticks.c: the tick-all-that-apply groups of an export, for `prepost
 * init` (init_ticks.h). */
#include "init_ticks.h"

#include <string.h>

#include "init_words.h"
#include "label.h"

/* A role a column may have before it is found to be a tick box. */
static int open_role(pp_init_role role)
{
    return role == PP_ROLE_TEXT || role == PP_ROLE_SEGMENT || role == PP_ROLE_EMPTY
           || role == PP_ROLE_CELL_MULTI;
}

/* A ticked box reads as its option, or as yes, 1, x, ticked, selected. */
static int tick_values(const pp_init_column *c, const char *option)
{
    static const char *const ticks[] = {"yes", "1", "x", "ticked", "selected",
                                        "checked", "true", NULL};
    if (c->values.count == 0 || c->values.count > 2 || c->overflow || c->labels.count)
        return 0;
    for (size_t i = 0; i < c->values.count; i++) {
        const char *v = c->values.items[i];
        if (!pp_init_listed(ticks, v) && !pp_label_equal(v, strlen(v), option, strlen(option)))
            return 0;
    }
    return 1;
}

/* Column j asks the question of column i's group (group bytes long). */
static int same_group(const pp_init_profile *p, size_t i, size_t group, size_t j)
{
    const char *mine = pp_init_heading(&p->cols[i]), *theirs = pp_init_heading(&p->cols[j]);
    size_t other;
    return pp_init_item_label(theirs, &other) != NULL && other == group
           && strncmp(mine, theirs, group) == 0;
}

/* Columns that share a question (the part before their item labels): when
 * one or more is ticked and two or more are ticked or blank, the ticked
 * and the blank ones are one group. */
static void labelled_groups(pp_init_roles *r)
{
    const pp_init_profile *p = r->p;
    for (size_t i = 0; i < p->n_cols; i++) {
        size_t group;
        const char *option = pp_init_item_label(pp_init_heading(&p->cols[i]), &group);
        if (option == NULL || !open_role(r->roles[i]) || r->group_of[i] >= 0)
            continue;
        long ticked = 0, members = 0;
        for (int mark = 0; mark < 2; mark++)
            for (size_t j = i, other_group; j < p->n_cols; j++) {
                const pp_init_column *o = &p->cols[j];
                if (!open_role(r->roles[j]) || !same_group(p, i, group, j))
                    continue;
                const char *other = pp_init_item_label(pp_init_heading(o), &other_group);
                int member = o->answered == 0 || tick_values(o, other);
                if (mark && member && ticked > 0 && members >= 2) {
                    r->roles[j] = PP_ROLE_TICK;
                    r->group_of[j] = (long)i;
                }
                ticked += !mark && o->answered > 0 && member;
                members += !mark && member;
            }
    }
}

/* Every answer to c is its own name (the option it ticks). */
static int answers_own_name(const pp_init_column *c)
{
    const char *name = pp_init_heading(c);
    return c->answered > 0 && c->values.count == 1 && !c->overflow && !c->labels.count
           && pp_label_equal(c->values.items[0], strlen(c->values.items[0]), name, strlen(name));
}

static int self_ticked(const pp_init_roles *r, size_t i)
{
    return open_role(r->roles[i]) && answers_own_name(&r->p->cols[i]);
}

/* Side by side columns each ticked by writing its own name, and the blank
 * ones between them: two or more ticked make one group. */
static void named_groups(pp_init_roles *r)
{
    const pp_init_profile *p = r->p;
    for (size_t i = 0; i < p->n_cols; i++) {
        if (!self_ticked(r, i))
            continue;
        size_t last = i, ticked = 1;
        for (size_t j = i + 1; j < p->n_cols; j++) {
            if (self_ticked(r, j))
                last = j, ticked++;
            else if (r->roles[j] != PP_ROLE_EMPTY)
                break;
        }
        for (size_t j = i; ticked >= 2 && j <= last; j++) {
            r->roles[j] = PP_ROLE_TICK;
            r->group_of[j] = (long)i;
        }
        i = last;
    }
}

void pp_init_find_ticks(pp_init_roles *r)
{
    for (size_t i = 0; i < r->p->n_cols; i++)
        r->group_of[i] = -1;
    labelled_groups(r);
    named_groups(r);
}

const char *pp_init_tick_option(const pp_init_roles *r, size_t j)
{
    const char *name = pp_init_heading(&r->p->cols[j]);
    size_t group;
    const char *option = pp_init_item_label(name, &group);
    long first = r->group_of[j];
    return option != NULL && first >= 0 && !answers_own_name(&r->p->cols[first]) ? option : name;
}

void pp_init_tick_question(const pp_init_roles *r, size_t first, char *buf, size_t cap)
{
    const pp_init_profile *p = r->p;
    const char *name = pp_init_heading(&p->cols[first]);
    size_t group, common = strlen(name);
    if (pp_init_item_label(name, &group) != NULL && !answers_own_name(&p->cols[first])) {
        snprintf(buf, cap, "%.*s", (int)group, name);
        return;
    }
    for (size_t j = first + 1; j < p->n_cols && r->group_of[j] == (long)first; j++) {
        const char *other = pp_init_heading(&p->cols[j]);
        size_t n = 0;
        while (n < common && other[n] == name[n])
            n++;
        common = n;
    }
    while (common > 0 && name[common] != ' ' && name[common] != '\0')
        common--;                           /* whole words only */
    while (common > 0 && name[common - 1] == ' ')
        common--;
    snprintf(buf, cap, "%.*s", (int)(common ? common : strlen(name)), name);
}

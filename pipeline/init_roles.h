/* init_roles.h: one role for every column of an export, from its profile
 * (init_profile.h), for `prepost init` to draft a codebook from. A column
 * is read by its name and, where the export has one, its question text
 * (Qualtrics) or variable label (a statistical file).
 *
 * The respondent id (by a known name, or else a name with the word id, code
 * or identifier that every respondent answered nearly all differently); a
 * survey tool's own column (dates, IP address: left out); a rating on a
 * recognised scale (init_scales.h), two levels of it or more, or on the
 * value labels of a statistical file in code order, user-missing labels as
 * missing; several choices in one cell (joined by ", ", "," or ";": the
 * options are the pieces two respondents or more gave, or every piece of
 * a Qualtrics "Selected Choice" column, pieces always side by side across
 * ", " joined back into one option that holds a comma); a segment (two to
 * twelve distinct answers that repeat); a tick box of a
 * tick-all-that-apply group (init_ticks.h); or text.
 * Then a before or after column whose partner is a rating takes its scale
 * when its answers are on it but for a few given once each (typing
 * mistakes); and a column whose answers are on a known scale but too few
 * of its levels to tell which (one level, or only "Don't know") takes the
 * scale of the nearest rating before it (or else after it), when its
 * answers are on that one, or else the first known scale with its level. */
#ifndef PREPOST_INIT_ROLES_H
#define PREPOST_INIT_ROLES_H

#include <stddef.h>

#include "init_profile.h"
#include "init_scales.h"
#include "strlist.h"

#define PP_INIT_MAX_SCALES 32
#define PP_INIT_MAX_SEGMENT_LEVELS 12

typedef enum { PP_ROLE_TEXT, PP_ROLE_ID, PP_ROLE_META, PP_ROLE_EMPTY, PP_ROLE_RATING,
               PP_ROLE_SEGMENT, PP_ROLE_TICK, PP_ROLE_CELL_MULTI, PP_ROLE_DONE } pp_init_role;

typedef struct {
    const pp_known_scale *known;    /* or NULL: a statistical file's labels */
    const pp_init_column *labelled; /* the column whose labels it is */
    char name[40];
    unsigned missing_seen;          /* bit per pp_init_missing_rank */
} pp_init_scale;

typedef struct {
    const pp_init_profile *p;
    pp_init_role *roles;            /* per column */
    int *scale_of;                  /* per column: a rating's index into scales */
    long *group_of;                 /* per column: a tick box's group (its first
                                     * column), or -1 (init_ticks.h) */
    unsigned char *lone;            /* per column: a rating whose answers were too
                                     * few to tell its scale (it took a neighbour's) */
    pp_init_scale scales[PP_INIT_MAX_SCALES];
    size_t n_scales;
    int id_guessed;                 /* the id column named by its answers */
    int out_of_memory;              /* a role could not be worked out */
} pp_init_roles;

/* Gives every column of p a role. 0, or -1 out of memory. */
int pp_init_roles_give(pp_init_roles *r, const pp_init_profile *p);
void pp_init_roles_free(pp_init_roles *r);

/* 1 if a and b are one scale: the same known one, or value labels alike
 * (their count, which are missing, the first and the last). */
int pp_init_same_scale(const pp_init_scale *a, const pp_init_scale *b);

/* Answer v of c is a level or a missing answer of the known scale. */
int pp_init_value_on_scale(const pp_known_scale *k, const pp_init_column *c, size_t v);

/* A Qualtrics choice column ("Question - Selected Choice"): its cells hold
 * only the choices offered (text typed in goes to a column of its own). */
int pp_init_offered_choices(const pp_init_profile *p, const pp_init_column *c);

/* The options of a column whose cells each hold several choices, in the
 * order first seen; *once (if not NULL) gets those given by one respondent
 * only, which are not options. 1 if the answers look like that, 0 if
 * not, -1 when memory ran out (the lists are then incomplete). */
int pp_init_cell_options(const pp_init_profile *p, const pp_init_column *c,
                         pp_strings *options, pp_strings *once);

#endif

/* init_draft.h: a commented draft codebook (survey.ini) from the profile
 * of an export (init_profile.h), for `prepost init`.
 *
 * Every column is given one role (init_roles.h) and written as such. A
 * segment whose answers are spelt several ways that labels match as one
 * (label.h) lists its levels, each in its commonest spelling, so that the
 * spellings count as one level.
 * Two ratings on one scale whose names differ only by "before"/"after"
 * become one paired item (a column that takes its partner's scale says
 * which of its answers are not on it, to be rejected). A rating that only
 * respondents of one level of a segment answered (five or more of them,
 * and five or more others not) is proposed as asked `among` that level.
 * Two or more single ratings on one scale whose names share the part
 * before " / ", " [", ": " or " - " are proposed as one `battery`.
 * Anything guessed says so in a `; check:` comment. */
#ifndef PREPOST_INIT_DRAFT_H
#define PREPOST_INIT_DRAFT_H

#include <stdio.h>

#include "init_profile.h"

/* What the draft writers return besides 0. */
#define PP_INIT_WRITE_FAILED (-1)
#define PP_INIT_NO_MEMORY (-2)

/* Writes the draft; export_ref is what `export =` says. 0,
 * PP_INIT_WRITE_FAILED or PP_INIT_NO_MEMORY (the draft is then incomplete). */
int pp_init_draft_write(const pp_init_profile *p, const char *export_ref,
                        const char *title, FILE *out);

#endif

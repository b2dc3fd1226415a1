/* init_draft.h: a commented draft codebook (survey.ini) from the profile
 * of an export (init_profile.h), for `prepost init`.
 *
 * Every column is given one role: the respondent id (by a known name, or
 * else a name with the word id, code or identifier that every respondent
 * answered nearly all differently); a survey tool's own
 * column (dates, IP address: left out); a rating on a recognised scale
 * (init_scales.h), or on the value labels of a statistical file in code
 * order, user-missing labels as missing; a segment (few distinct answers
 * that repeat); a tick box of a tick-all-that-apply group (one answer
 * only, the group named by the part before " / ", " [" or ": "); several
 * choices in one cell (joined by ", " or ";": the options are the pieces
 * two respondents or more gave, pieces always side by side across ", "
 * joined back into one option that holds a comma); or text.
 * Two ratings on one scale whose names differ only by "before"/"after"
 * become one paired item; a before or after column whose partner is a
 * rating takes its scale when its answers are on it but for a few given
 * once each (typing mistakes, named in a comment and rejected). A rating that only respondents of one level of a
 * segment answered (five or more of them, and five or more others not) is
 * proposed as asked `among` that level. Two or more single ratings on one
 * scale whose names share the part before " / ", " [", ": " or " - " are
 * proposed as one `battery`. Anything guessed says so in a
 * `; check:` comment. */
#ifndef PREPOST_INIT_DRAFT_H
#define PREPOST_INIT_DRAFT_H

#include <stdio.h>

#include "init_profile.h"

/* Writes the draft; export_ref is what `export =` says. 0, or -1 on a
 * failed write or out of memory. */
int pp_init_draft_write(const pp_init_profile *p, const char *export_ref,
                        const char *title, FILE *out);

#endif

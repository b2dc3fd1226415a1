/* init_panel.h: a commented draft codebook of a two-wave panel from the
 * profiles of its before and after exports, for `prepost init BEFORE AFTER`.
 *
 * Each export's columns get their roles as for one wave (init_roles.h).
 * A column of the after export asks what a column of the before export
 * asks when their names (or question texts) match as labels do, or else
 * when the thing one asks about (the part after " / ", " [", ": " or " - ")
 * is the whole name of the other and no other column's is. The id is the
 * id column of both (by one name). A rating asked in both waves on one
 * scale becomes a paired item (before in one export, after in the other);
 * a segment asked in both under one name is read in both; anything else
 * is an item or segment of its wave (`wave =`). The scales of both are
 * listed once. Anything guessed says so in a `; check:` comment. */
#ifndef PREPOST_INIT_PANEL_H
#define PREPOST_INIT_PANEL_H

#include <stdio.h>

#include "init_profile.h"

/* Writes the draft; before_ref and after_ref are what `before_export =`
 * and `after_export =` say. 0, PP_INIT_WRITE_FAILED or PP_INIT_NO_MEMORY
 * (init_draft.h). */
int pp_init_panel_write(const pp_init_profile *before, const pp_init_profile *after,
                        const char *before_ref, const char *after_ref, const char *title,
                        FILE *out);

#endif

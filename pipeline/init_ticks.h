/* init_ticks.h: the tick-all-that-apply groups of an export, one column
 * per option, for `prepost init`. A ticked box reads as its option, or as
 * yes, 1, x, ticked, selected, checked or true; an unticked one is blank.
 *
 * Columns that ask one question of several options (their names, or
 * Qualtrics question texts, share the part before the option: " / ", " [",
 * ": " or " - ") are a group when one or more is ticked and two or more are
 * ticked or blank; the blank ones are options nobody ticked. Side by side
 * columns each answered only with its own name ("Tick A" ticked as
 * "Tick A"), two or more of them, are a group too, with the blank columns
 * between them. */
#ifndef PREPOST_INIT_TICKS_H
#define PREPOST_INIT_TICKS_H

#include <stddef.h>

#include "init_roles.h"

/* Gives PP_ROLE_TICK and group_of (the group's first column) to the
 * columns of each group, among those still text, segment, blank or one-cell
 * multi; group_of is -1 for every other column. */
void pp_init_find_ticks(pp_init_roles *r);

/* The option that tick box j stands for. */
const char *pp_init_tick_option(const pp_init_roles *r, size_t j);

/* The question of the group whose first column is first. */
void pp_init_tick_question(const pp_init_roles *r, size_t first, char *buf, size_t cap);

#endif

/* multi_cell.h: reads a one-cell multi-select answer (SPEC §3), where every
 * choice sits in one cell joined by ", " (Google Forms), "," (Qualtrics) or
 * ";" (some Google downloads). Choices are matched as whole known options,
 * so an option that itself holds a comma ("Networking, events and forums")
 * counts once: at each position the longest run of pieces that is an
 * option wins. Options match forgivingly (label.h). */
#ifndef PREPOST_MULTI_CELL_H
#define PREPOST_MULTI_CELL_H

#include <stddef.h>

#include "label.h"
#include "strlist.h"

/* The most separators (',' or ';') inside any one option: how far ahead a
 * match may reach. */
size_t pp_multi_cell_max_separators(const pp_strings *options);

/* Marks the options the cell names: ticks[k] = '1' for option k+1 (ticks
 * must hold one byte per option, already filled with '0'). Returns 1 when
 * every piece is an option; 0 when one is not, with *bad / *bad_len set to
 * that piece (trimmed), for the reject message. Blank pieces are ignored. */
int pp_multi_cell_match(const pp_label_index *options, size_t max_separators,
                        const char *cell, size_t len, char *ticks,
                        const char **bad, size_t *bad_len);

#endif

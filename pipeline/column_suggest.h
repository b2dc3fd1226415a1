/* column_suggest.h: the near misses listed when a codebook names a column
 * the export does not have ("did you mean ..."), so a misspelt or
 * shortened name can be put right without opening the export. */
#ifndef PREPOST_COLUMN_SUGGEST_H
#define PREPOST_COLUMN_SUGGEST_H

#include <stddef.h>

#include "strlist.h"

#define PP_SUGGEST_MAX 3

/* Writes up to PP_SUGGEST_MAX columns whose names are close to `wanted`
 * into buf as `"Name" (#3), "Other" (#7)`, best first; buf is left empty
 * when nothing is close. names[i] and aliases[i] ("" for none) are column
 * i's names. */
void pp_column_suggest(const char *wanted, const pp_strings *names,
                       const pp_strings *aliases, char *buf, size_t cap);

#endif

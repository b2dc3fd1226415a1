/* csv_formula.h: which CSV fields a spreadsheet would take for a formula.
 *
 * Spreadsheets run a cell that starts with = + - @ (and some with a tab or
 * a carriage return first) as a formula, so an answer such as
 * =HYPERLINK("http://...") typed into a survey could run when rejects.csv
 * or a table is opened. Such a field is written with an apostrophe in
 * front of it (inside quotes), which spreadsheets show as text and do not
 * display; a plain number such as -0.5 or +3 is left as it is. Removing
 * the one leading apostrophe gives back the text as it was. */
#ifndef PREPOST_CSV_FORMULA_H
#define PREPOST_CSV_FORMULA_H

#include <stddef.h>

/* 1 if s[0..len) would be run as a formula (and is not a plain decimal
 * number), else 0. */
int pp_csv_formula_like(const char *s, size_t len);

#endif

/* csv_field.h: one CSV field of a file people open in a spreadsheet
 * (rejects.csv, unmatched.csv, the CSV tables).
 *
 * RFC 4180: a field holding a comma, a double quote, CR, LF or a NUL is
 * quoted, with every double quote doubled. Spreadsheets run a cell that starts with = + - @ (and some with a tab or
 * a carriage return first) as a formula, so an answer such as
 * =HYPERLINK("http://...") typed into a survey could run when rejects.csv
 * or a table is opened. Such a field is written with an apostrophe in
 * front of it (inside quotes), which spreadsheets show as text and do not
 * display; a plain number such as -0.5 or +3 is left as it is. Removing
 * the one leading apostrophe gives back the text as it was. */
#ifndef PREPOST_CSV_FIELD_H
#define PREPOST_CSV_FIELD_H

#include <stddef.h>
#include <stdio.h>

/* 1 if s[0..len) would be run as a formula (and is not a plain decimal
 * number), else 0. */
int pp_csv_formula_like(const char *s, size_t len);

/* Writes s[0..len) as one field: quoted when it must be, or always when
 * always_quote; an apostrophe in front when it is formula-like. */
void pp_csv_write_field(FILE *out, const char *s, size_t len, int always_quote);

#endif

/* csv_field.h: one CSV field of a file people open in a spreadsheet
 * (rejects.csv, unmatched.csv, the CSV tables).
 *
 * RFC 4180: a field holding a comma, a double quote, CR, LF or a NUL is
 * quoted, with every double quote doubled.
 *
 * Spreadsheets run a cell that starts with = + - @ (and some with a tab or
 * a carriage return first) as a formula, so an answer such as
 * =HYPERLINK("http://...") typed into a survey could run when rejects.csv
 * or a table is opened. Such a field is written with an apostrophe in
 * front of it (inside quotes), which spreadsheets show as text and do not
 * display; a plain number such as -0.5 or +3 is left as it is. So that
 * reading back is exact, a text that already starts with apostrophes
 * before such a formula ('=1) gets one more (''=1); reading removes the
 * one apostrophe in front of any field that has it for that reason. */
#ifndef PREPOST_CSV_FIELD_H
#define PREPOST_CSV_FIELD_H

#include <stddef.h>
#include <stdio.h>

/* 1 if s[0..len), after any apostrophes it starts with, would be run as
 * a formula (and is not a plain decimal number): it is written with an
 * apostrophe in front. Else 0. */
int pp_csv_needs_apostrophe(const char *s, size_t len);

/* The text a field read back was written from: without the apostrophe
 * pp_csv_write_field put in front, else the field itself. */
const char *pp_csv_field_text(const char *field);

/* Writes s[0..len) as one field: quoted when it must be, or always when
 * always_quote; with an apostrophe in front when it needs one. */
void pp_csv_write_field(FILE *out, const char *s, size_t len, int always_quote);

#endif

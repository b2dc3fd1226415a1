/* text_escape.h: a label made safe for one output format. Each returns a
 * new string (free it) or NULL when out of memory.
 *   CSV (RFC 4180): the field quoted when it holds a comma, a double quote,
 *     CR or LF, with every double quote doubled; otherwise as it is. A
 *     field a spreadsheet would run as a formula is quoted with an
 *     apostrophe in front (csv_field.h).
 *   Markdown (a GitHub pipe-table cell): backslash before \ | * _ ` [ ] < >
 *     ~ $ and before an & that starts an entity (&amp;), so text shows as
 *     written and never becomes markup or HTML; each line break
 *     (CRLF, CR or LF) becomes <br>.
 *   LaTeX (text mode, inside a tabular): # $ % & _ { } ~ ^ \ and the
 *     characters that print wrongly or start a command (< > | [ ] *) are
 *     escaped; line breaks become spaces. */
#ifndef PREPOST_TEXT_ESCAPE_H
#define PREPOST_TEXT_ESCAPE_H

char *pp_escape_csv(const char *text);
char *pp_escape_md(const char *text);
char *pp_escape_tex(const char *text);

#endif

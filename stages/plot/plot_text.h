/* plot_text.h: text from an export, a codebook or results.json made safe
 * to hand to gnuplot.
 *
 * Such text never reaches gnuplot's command line. It travels only as a
 * double-quoted field at the start of a datablock line, which gnuplot
 * stores verbatim (no back-quote, macro or system() expansion) and reads
 * as a string column. So that the field stays one field, on one line, and
 * renders as valid SVG, the text is cleaned: bytes that are not UTF-8
 * become U+FFFD; control characters, line and paragraph separators and
 * runs of white space become one space; a double quote becomes a curly one
 * and a backslash U+2216 (gnuplot reads \" and \\ inside quoted fields);
 * "]]>" gets a space before its '>' (gnuplot's SVG writes '>' as is).
 * Long text is cut at a word with an ellipsis, and words too long to wrap
 * get a break opportunity. */
#ifndef PREPOST_PLOT_TEXT_H
#define PREPOST_PLOT_TEXT_H

#include <stddef.h>
#include <stdio.h>

/* Longest label and title, in characters, and the longest unbroken word. */
#define PLOT_LABEL_MAX 120
#define PLOT_TITLE_MAX 240
#define PLOT_WORD_MAX 32

/* The cleaned text as a malloc'd string (NULL on out of memory), at most
 * max_chars characters plus the ellipsis. */
char *plot_text_clean(const char *text, size_t max_chars);

/* Writes the cleaned text as a double-quoted datablock field. 0, or -1 on
 * out of memory. */
int plot_write_field(FILE *out, const char *text, size_t max_chars);

/* Writes a path as a single-quoted gnuplot string ('' for each quote).
 * -1 (nothing written) if it holds a control character, which would end
 * gnuplot's command line: prepost's own paths never do. */
int plot_write_path(FILE *out, const char *path);

/* The text with tabs, line breaks and other control characters turned into
 * spaces, for one field of a tab-separated file (charts.tsv). Malloc'd. */
char *plot_text_tsv(const char *text);

#endif

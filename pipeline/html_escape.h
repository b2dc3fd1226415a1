/* html_escape.h: the only ways text from an export or a codebook reaches
 * HTML: escaped for element text and quoted attribute values alike, and
 * names made safe for a relative URL. */
#ifndef PREPOST_HTML_ESCAPE_H
#define PREPOST_HTML_ESCAPE_H

#include <stddef.h>
#include <stdio.h>

/* Writes s with & < > " ' ` escaped as character references and control
 * characters (other than tab and newline) as spaces: safe in element text
 * and inside a quoted attribute value. NULL writes nothing. Returns 0, or
 * -1 on a write error. */
int pp_html_put(FILE *out, const char *s);

/* The same escaping into a new string (free it), or NULL without memory. */
char *pp_html_escape(const char *s);

/* Copies name into dst (cap bytes) keeping only [A-Za-z0-9_-]; any other
 * byte becomes '_'. An empty or NULL name becomes "_". Longer names are
 * cut to cap - 1 bytes. Returns dst. */
char *pp_html_safe_name(char *dst, size_t cap, const char *name);

#endif

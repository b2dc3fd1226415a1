/* not_utf8.h: what text that is not UTF-8 probably is, said in words a
 * user can act on: UTF-16 or UTF-32 (Excel's "Unicode text"), told by its
 * byte-order mark or by the NUL bytes between its first ASCII characters;
 * and for a cell or line with a byte that is not UTF-8, that byte and,
 * when every such byte reads as Windows-1252 (a superset of Latin-1's
 * printable characters), the text as Windows-1252 would show it. */
#ifndef PREPOST_NOT_UTF8_H
#define PREPOST_NOT_UTF8_H

#include <stddef.h>

/* Fixes to suggest, for an export and for a codebook. */
#define PP_FIX_EXPORT "open it where it was made and save or export it as UTF-8 " \
                      "(in Excel: Save As, \"CSV UTF-8 (Comma delimited)\")"
#define PP_FIX_CODEBOOK "open it in a text editor and save it as UTF-8"

/* If the first n bytes of a file (n >= 4 unless the file is shorter) are
 * UTF-16 or UTF-32 text, writes why into buf ("it is UTF-16 text
 * (little-endian, with a byte-order mark), ...", ending with fix) and
 * returns 16 or 32; else returns 0. */
int pp_not_utf8_wide(char *buf, size_t cap, const void *first, size_t n, const char *fix);

/* Writes into buf what is wrong with s (len bytes, the first bad byte at
 * bad_at, as pp_utf8_valid_length gives it): the byte, where it is in the
 * `part` ("cell", "line"), the text shown readably, what the `whole`
 * ("file", "codebook") probably is, and fix. */
void pp_not_utf8_explain(char *buf, size_t cap, const char *s, size_t len, size_t bad_at,
                         const char *part, const char *whole, const char *fix);

#endif

/* utf8.h: whether bytes are UTF-8 text, the one check every reader of
 * text uses (export cells, codebook lines). UTF-8 as RFC 3629 and Unicode
 * (Table 3-7) define it: no overlong forms, no surrogates (U+D800 to
 * U+DFFF), nothing above U+10FFFF, no sequence cut short. A NUL byte is
 * valid UTF-8 (its readers deal with it themselves). All-ASCII text is
 * checked 8 bytes at a time, so a plain cell costs next to nothing. */
#ifndef PREPOST_UTF8_H
#define PREPOST_UTF8_H

#include <stddef.h>

/* How many bytes from the start of s are whole, valid UTF-8 sequences:
 * len when all of s is UTF-8, else the offset of the first byte of the
 * first sequence that is not. */
size_t pp_utf8_valid_length(const void *s, size_t len);

/* 1 if all len bytes of s are UTF-8, else 0. */
int pp_utf8_is_valid(const void *s, size_t len);

#endif

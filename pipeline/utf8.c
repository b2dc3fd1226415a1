/* utf8.c: the UTF-8 check (see utf8.h). Eight bytes at a time while they
 * are all ASCII; a byte with its high bit set starts a sequence checked
 * against Unicode's table of well-formed byte sequences. */
#include "utf8.h"

#include <stdint.h>
#include <string.h>

#define HIGH_BITS 0x8080808080808080ULL   /* the top bit of each of 8 bytes */

static int in(unsigned char byte, unsigned char low, unsigned char high)
{
    return byte >= low && byte <= high;
}

/* The length of the well-formed sequence at s (n bytes left, s[0] >=
 * 0x80), or 0 if there is none. The second byte's range depends on the
 * lead: that is what rules out overlong forms, surrogates and code points
 * above U+10FFFF. */
static size_t sequence_length(const unsigned char *s, size_t n)
{
    unsigned char lead = s[0], low = 0x80, high = 0xBF;
    size_t length;
    if (in(lead, 0xC2, 0xDF))
        length = 2;
    else if (in(lead, 0xE0, 0xEF)) {
        length = 3;
        if (lead == 0xE0)
            low = 0xA0;               /* below: overlong */
        else if (lead == 0xED)
            high = 0x9F;              /* above: surrogates */
    } else if (in(lead, 0xF0, 0xF4)) {
        length = 4;
        if (lead == 0xF0)
            low = 0x90;               /* below: overlong */
        else if (lead == 0xF4)
            high = 0x8F;              /* above: beyond U+10FFFF */
    } else
        return 0;                     /* a continuation byte, C0, C1, F5-FF */
    if (n < length || !in(s[1], low, high))
        return 0;
    for (size_t i = 2; i < length; i++)
        if (!in(s[i], 0x80, 0xBF))
            return 0;
    return length;
}

size_t pp_utf8_valid_length(const void *data, size_t len)
{
    const unsigned char *s = data;
    size_t i = 0;
    while (i < len) {
        uint64_t word;
        while (i + 8 <= len && (memcpy(&word, s + i, 8), (word & HIGH_BITS) == 0))
            i += 8;                   /* eight ASCII bytes */
        if (i == len)
            break;
        if (s[i] < 0x80) {
            i++;
            continue;
        }
        size_t n = sequence_length(s + i, len - i);
        if (n == 0)
            return i;
        i += n;
    }
    return i;
}

int pp_utf8_is_valid(const void *s, size_t len)
{
    return pp_utf8_valid_length(s, len) == len;
}

/* codes.c: answer codes <-> dense indices (codes.h). */
#include "codes.h"

#include <stdio.h>

size_t pp_code_width(const pp_scale *s)
{
    return s->missing.count + s->levels.count + 2;
}

size_t pp_code_no_answer(const pp_scale *s)
{
    return s->missing.count + s->levels.count;
}

size_t pp_code_not_in_wave(const pp_scale *s)
{
    return pp_code_no_answer(s) + 1;
}

size_t pp_code_level(const pp_scale *s, size_t k)
{
    return s->missing.count + k - 1;
}

long pp_code_index(const pp_scale *s, const char *text, size_t len)
{
    if (len == 0 || (len == 1 && text[0] == '.'))
        return (long)pp_code_no_answer(s);
    if (len == 1 && text[0] == '~')
        return (long)pp_code_not_in_wave(s);
    int negative = text[0] == '-';
    long value = 0;
    for (size_t i = (size_t)negative; i < len; i++) {
        if (text[i] < '0' || text[i] > '9' || value > 1000)
            return -1;
        value = value * 10 + (text[i] - '0');
    }
    if (len == (size_t)negative || value == 0)
        return -1;
    if (negative)
        return value <= (long)s->missing.count ? value - 1 : -1;
    return value <= (long)s->levels.count ? (long)s->missing.count + value - 1 : -1;
}

void pp_code_text(const pp_scale *s, size_t index, char *buf, size_t cap)
{
    size_t m = s->missing.count;
    if (index < m)
        snprintf(buf, cap, "-%zu", index + 1);
    else if (index < m + s->levels.count)
        snprintf(buf, cap, "%zu", index - m + 1);
    else
        snprintf(buf, cap, "%s", index == pp_code_no_answer(s) ? "." : "~");
}

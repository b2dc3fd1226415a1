/* multi_cell.c: one-cell multi-select matching of multi_cell.h.
 *
 * A cell is a run of pieces between separators. From the current position
 * we try the spans that end at the (m+1)-th, m-th, ..., 1st separator
 * ahead (m = the most separators any option holds) or at the cell's end,
 * longest first, and take the first span that is an option. No span
 * allocates: the label index looks spans up in place. */
#include "multi_cell.h"

static int is_separator(char c)
{
    return c == ',' || c == ';';
}

static int is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

size_t pp_multi_cell_max_separators(const pp_strings *options)
{
    size_t most = 0;
    for (size_t i = 0; i < options->count; i++) {
        size_t n = 0;
        for (const char *p = options->items[i]; *p; p++)
            n += is_separator(*p);
        if (n > most)
            most = n;
    }
    return most;
}

/* Position of the k-th separator (k >= 1) at or after pos, or len when
 * there are fewer. */
static size_t nth_boundary(const char *cell, size_t pos, size_t len, size_t k)
{
    for (size_t i = pos; i < len; i++)
        if (is_separator(cell[i]) && --k == 0)
            return i;
    return len;
}

/* Longest option starting at pos: 1 and *end set; 0 if the piece is blank
 * (*end = its boundary); -1 if nothing matches. */
static int match_at(const pp_label_index *options, size_t max_separators,
                    const char *cell, size_t pos, size_t len,
                    char *ticks, size_t *end)
{
    size_t tried = (size_t)-1;
    for (size_t k = max_separators + 1; k >= 1; k--) {
        size_t e = nth_boundary(cell, pos, len, k);
        if (e == tried)
            continue;
        tried = e;
        int code = 0;
        int found = pp_label_lookup(options, cell + pos, e - pos, &code);
        if (found == 1 && code >= 1) {
            ticks[code - 1] = '1';
            *end = e;
            return 1;
        }
        if (found == 0 && k == 1) {
            *end = e;
            return 0;
        }
    }
    return -1;
}

int pp_multi_cell_match(const pp_label_index *options, size_t max_separators,
                        const char *cell, size_t len, char *ticks,
                        const char **bad, size_t *bad_len)
{
    size_t pos = 0;
    while (pos < len) {
        if (is_space(cell[pos]) || is_separator(cell[pos])) {
            pos++;
            continue;
        }
        size_t end = pos;
        if (match_at(options, max_separators, cell, pos, len, ticks, &end) < 0) {
            end = nth_boundary(cell, pos, len, 1);
            while (end > pos && is_space(cell[end - 1]))
                end--;
            *bad = cell + pos;
            *bad_len = end - pos;
            return 0;
        }
        pos = end;
    }
    return 1;
}

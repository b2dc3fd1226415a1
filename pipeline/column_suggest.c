/* column_suggest.c: near misses for a column name that matches nothing
 * (column_suggest.h). Closeness is kept simple and predictable: one name
 * containing the other (after forgiving normalisation, so case does not
 * matter) is close; otherwise the longer the shared beginning, the closer.
 * This runs only on the way to an error message, so it may allocate. */
#include "column_suggest.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "label.h"

#define CONTAINS_BONUS 1000L   /* a containing name beats any shared prefix */
#define MIN_CONTAINED 3        /* shorter names are contained too easily */
#define MIN_PREFIX 4
#define SHOWN_CHARS 120        /* a long question is cut in the message */

typedef struct {
    long column;
    long score;
    const char *name;
} candidate;

/* 0 when not close at all. Both strings are normalised. */
static long closeness(const char *wanted, const char *name)
{
    size_t wlen = strlen(wanted), nlen = strlen(name);
    size_t shorter = wlen < nlen ? wlen : nlen;
    if (shorter >= MIN_CONTAINED && (strstr(name, wanted) || strstr(wanted, name)))
        return CONTAINS_BONUS + (long)shorter;
    size_t prefix = 0;
    while (prefix < shorter && wanted[prefix] == name[prefix])
        prefix++;
    if (prefix >= MIN_PREFIX || (prefix >= 2 && prefix * 2 >= wlen))
        return (long)prefix;
    return 0;
}

static long score_name(const char *wanted_key, const char *name)
{
    if (name[0] == '\0')
        return 0;
    char *key = pp_label_normalize(name, strlen(name));
    if (key == NULL)
        return 0;
    long score = key[0] ? closeness(wanted_key, key) : 0;
    free(key);
    return score;
}

/* Keeps best[] sorted, best first; earlier columns win ties. */
static void consider(candidate *best, size_t *count, candidate c)
{
    size_t at = *count;
    while (at > 0 && best[at - 1].score < c.score)
        at--;
    if (at >= PP_SUGGEST_MAX)
        return;
    size_t last = *count < PP_SUGGEST_MAX ? *count : PP_SUGGEST_MAX - 1;
    memmove(&best[at + 1], &best[at], (last - at) * sizeof *best);
    best[at] = c;
    if (*count < PP_SUGGEST_MAX)
        (*count)++;
}

static void append(char *buf, size_t cap, const candidate *c, int first)
{
    size_t used = strlen(buf);
    if (used >= cap)
        return;
    int cut = strlen(c->name) > SHOWN_CHARS;
    snprintf(buf + used, cap - used, "%s\"%.*s%s\" (#%ld)", first ? "" : ", ",
             SHOWN_CHARS, c->name, cut ? "..." : "", c->column + 1);
}

void pp_column_suggest(const char *wanted, const pp_strings *names,
                       const pp_strings *aliases, char *buf, size_t cap)
{
    candidate best[PP_SUGGEST_MAX];
    size_t count = 0;
    if (cap == 0)
        return;
    buf[0] = '\0';
    char *wanted_key = pp_label_normalize(wanted, strlen(wanted));
    if (wanted_key == NULL || wanted_key[0] == '\0') {
        free(wanted_key);
        return;
    }
    for (size_t i = 0; i < names->count; i++) {
        const char *alias = i < aliases->count ? aliases->items[i] : "";
        candidate by_name = {(long)i, score_name(wanted_key, names->items[i]), names->items[i]};
        candidate by_alias = {(long)i, score_name(wanted_key, alias), alias};
        candidate c = by_alias.score > by_name.score ? by_alias : by_name;
        if (c.score > 0)
            consider(best, &count, c);
    }
    for (size_t i = 0; i < count; i++)
        append(buf, cap, &best[i], i == 0);
    free(wanted_key);
}

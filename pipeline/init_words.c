/* init_words.c: what the words of a column's name say, for `prepost init`
 * (init_words.h). */
#include "init_words.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "label.h"

int pp_init_listed(const char *const *names, const char *s)
{
    for (; *names; names++)
        if (pp_label_equal(*names, strlen(*names), s, strlen(s)))
            return 1;
    return 0;
}

const char *pp_init_heading(const pp_init_column *c)
{
    return c->text[0] ? c->text : c->name;
}

int pp_init_safe_value(const char *s)
{
    return s[0] != '\0' && !isspace((unsigned char)s[0]) && strpbrk(s, "|;\r\n#") == NULL;
}

const char *pp_init_sub_label(const char *name, size_t *group_len)
{
    const char *seps[] = {" / ", " [", ": "};
    *group_len = strlen(name);           /* no sub-label: the whole name */
    for (size_t s = 0; s < 3; s++) {
        const char *at = NULL, *p = name;
        while ((p = strstr(p, seps[s])) != NULL)
            at = p++;
        if (at != NULL && at[strlen(seps[s])] != '\0') {
            *group_len = (size_t)(at - name);
            return at + strlen(seps[s]);
        }
    }
    return NULL;
}

/* A word starts at s: at the start of the name, after a character that
 * is not a letter or digit, or as a capital after a small letter
 * (camelCase, "AwarenessBefore"). */
static int word_starts(const char *name, const char *s)
{
    return s == name || !isalnum((unsigned char)s[-1])
           || (islower((unsigned char)s[-1]) && isupper((unsigned char)s[0]));
}

int pp_init_wave_word(const char *name, size_t *at, size_t *len)
{
    for (const char *s = name; *s; s++) {
        if (!word_starts(name, s))
            continue;
        for (int w = 1; w <= 2; w++) {
            const char *word = w == 1 ? "before" : "after";
            size_t n = strlen(word);
            if (strncasecmp(s, word, n) == 0 && (!isalnum((unsigned char)s[n])
                                                 || word_starts(name, s + n))) {
                *at = (size_t)(s - name);
                *len = n;
                return w;
            }
        }
    }
    return 0;
}

char *pp_init_stem(const char *name, int *wave)
{
    size_t at, len;
    if ((*wave = pp_init_wave_word(name, &at, &len)) == 0)
        return NULL;
    size_t total = strlen(name);
    char *cut = malloc(total + 1);
    if (cut == NULL)
        return NULL;
    memcpy(cut, name, at);
    memcpy(cut + at, name + at + len, total - at - len + 1);
    char *norm = pp_label_normalize(cut, strlen(cut));
    free(cut);
    return norm;
}

char *pp_init_column_stem(const pp_init_column *c, int *wave)
{
    size_t at, len;
    if (c->text[0] && pp_init_wave_word(c->text, &at, &len))
        return pp_init_stem(c->text, wave);
    return pp_init_stem(c->name, wave);
}

/* The question a paired column belongs to, for its title. */
void pp_init_question_of(const pp_init_column *c, char *buf, size_t cap)
{
    const char *name = c->text[0] ? c->text : c->name;
    size_t group, at, len;
    if (pp_init_sub_label(name, &group) != NULL && pp_init_wave_word(name, &at, &len) && at > group)
        snprintf(buf, cap, "%.*s", (int)group, name);
    else if (pp_init_wave_word(name, &at, &len)) {
        size_t end = at;
        while (end > 0 && strchr(" -_:([/", name[end - 1]))
            end--;
        snprintf(buf, cap, "%.*s", (int)end, name);
    } else
        snprintf(buf, cap, "%s", name);
}

const char *pp_init_item_label(const char *name, size_t *group_len)
{
    const char *sub = pp_init_sub_label(name, group_len);
    if (sub != NULL)
        return sub;
    const char *at = NULL, *p = name;
    while ((p = strstr(p, " - ")) != NULL)
        at = p++;
    if (at == NULL || at[3] == '\0')
        return NULL;
    *group_len = (size_t)(at - name);
    return at + 3;
}

int pp_init_id_like_name(const char *name)
{
    static const char *const words[] = {"id", "code", "identifier", NULL};
    for (const char *s = name; *s; s++) {
        if (s != name && isalnum((unsigned char)s[-1]))
            continue;
        for (size_t w = 0; words[w]; w++) {
            size_t n = strlen(words[w]);
            if (strncasecmp(s, words[w], n) == 0 && !isalnum((unsigned char)s[n]))
                return 1;
        }
    }
    return 0;
}

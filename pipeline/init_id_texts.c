/* init_id_texts.c: an export's texts for ids, grouped by how they start
 * (init_id_texts.h). */
#include "init_id_texts.h"

#include <stdlib.h>
#include <string.h>

#include "init_id_words.h"

int pp_init_id_texts_add(pp_init_id_texts *t, const char *text)
{
    if (t->count == t->capacity) {
        size_t capacity = t->capacity ? 2 * t->capacity : 16;
        pp_strings *words = realloc(t->words, capacity * sizeof *words);
        if (words == NULL)
            return -1;
        t->words = words;
        t->capacity = capacity;
    }
    size_t first;
    pp_strings *w = &t->words[t->count++];
    memset(w, 0, sizeof *w);
    return pp_init_id_words(text, w, &first);
}

static void ungroup(pp_init_id_texts *t)
{
    for (size_t i = 0; t->common != NULL && i < t->grouped; i++)
        pp_strings_clear(&t->common[i]);
    free(t->group);
    free(t->common);
    free(t->varied);
    t->group = NULL;
    t->common = NULL;
    t->varied = NULL;
    t->grouped = 0;
}

void pp_init_id_texts_free(pp_init_id_texts *t)
{
    ungroup(t);
    for (size_t i = 0; i < t->count; i++)
        pp_strings_clear(&t->words[i]);
    free(t->words);
    memset(t, 0, sizeof *t);
}

int pp_init_id_same_words(const pp_strings *a, const pp_strings *b)
{
    if (a->count != b->count)
        return 0;
    for (size_t k = 0; k < a->count; k++)
        if (strcmp(a->items[k], b->items[k]) != 0)
            return 0;
    return 1;
}

/* a and b start with the same two words (or the same one, all they
 * have), past their numbers. */
static int same_start(const pp_strings *a, const pp_strings *b)
{
    size_t ka = pp_init_id_numbering(a), kb = pp_init_id_numbering(b);
    size_t na = a->count - ka < 2 ? a->count - ka : 2, nb = b->count - kb < 2 ? b->count - kb : 2;
    if (na == 0 || na != nb)
        return 0;
    for (size_t k = 0; k < na; k++)
        if (strcmp(a->items[ka + k], b->items[kb + k]) != 0)
            return 0;
    return 1;
}

/* Drops the words of common that w does not have. */
static void keep_common(pp_strings *common, const pp_strings *w)
{
    size_t kept = 0;
    for (size_t k = 0; k < common->count; k++) {
        if (pp_strings_index(w, common->items[k]) >= 0)
            common->items[kept++] = common->items[k];
        else
            free(common->items[k]);
    }
    common->count = kept;
}

/* Puts each text in the group of the first that starts as it does, and
 * keeps the words each group's texts have in common. */
static int group_texts(pp_init_id_texts *t)
{
    size_t n = t->count;
    ungroup(t);
    t->group = malloc((n + 1) * sizeof *t->group);
    t->common = calloc(n + 1, sizeof *t->common);
    t->varied = calloc(n + 1, 1);
    if (t->group == NULL || t->common == NULL || t->varied == NULL)
        goto fail;
    t->grouped = n;
    for (size_t i = 0; i < n; i++) {
        size_t g = i;
        for (size_t j = 0; j < i && g == i; j++)
            if (t->group[j] == j && same_start(&t->words[i], &t->words[j]))
                g = j;
        t->group[i] = g;
        if (g != i) {
            keep_common(&t->common[g], &t->words[i]);
            t->varied[g] |= !pp_init_id_same_words(&t->words[i], &t->words[g]);
            continue;
        }
        for (size_t k = 0; k < t->words[i].count; k++)
            if (pp_strings_push_str(&t->common[i], t->words[i].items[k]) != 0)
                goto fail;
    }
    return 0;
fail:
    ungroup(t);
    return -1;
}

int pp_init_id_shared(pp_init_id_texts *t, const pp_strings *w, unsigned char *shared)
{
    memset(shared, 0, w->count);
    if (t->grouped != t->count && group_texts(t) != 0)
        return -1;
    for (size_t i = 0; i < t->count; i++) {
        if (t->group[i] != i || !same_start(w, &t->words[i]))
            continue;
        if (t->varied[i] || !pp_init_id_same_words(w, &t->words[i]))
            for (size_t k = 0; k < w->count; k++)
                shared[k] = pp_strings_index(&t->common[i], w->items[k]) >= 0;
        break;
    }
    return 0;
}

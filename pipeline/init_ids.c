/* init_ids.c: the ids of a draft codebook, from the words that tell a
 * text from its siblings (init_ids.h). */
#include "init_ids.h"

#include <stdio.h>
#include <string.h>

#include "init_id_texts.h"
#include "init_id_words.h"

/* Words that say nothing of what a question is about. */
static const char *const stop_words[] = {
    "a", "about", "all", "already", "also", "am", "an", "and", "any", "are", "as", "at",
    "be", "been", "being", "but", "by", "can", "could", "currently", "describe", "did",
    "do", "does", "during", "each", "eg", "etc", "ever", "extent", "far", "following",
    "for", "from", "had", "has", "have", "here", "how", "i", "ie", "if", "in", "indicate",
    "into", "is", "it", "its", "just", "kind", "kinds", "likely", "me", "much", "my", "now",
    "of", "on", "or", "our", "overall", "please", "rate", "really", "should", "so", "some",
    "sort", "sorts", "specify", "tell", "than", "that", "the", "their", "them", "there",
    "these", "they", "this", "those", "to", "type", "types", "us", "very", "was", "we",
    "well", "were", "what", "when", "where", "whether", "which", "who", "whom", "why",
    "will", "with", "would", "you", "your", "yours", "yourself", NULL,
};

static int is_stop(const char *word)
{
    for (const char *const *s = stop_words; *s; s++)
        if (strcmp(*s, word) == 0)
            return 1;
    return 0;
}

static int all_digits(const char *word)
{
    while (*word >= '0' && *word <= '9')
        word++;
    return *word == '\0';
}

/* The words an id can be made from, best first, as indices into w: the
 * words left (no number, stop word or word every sibling shares; a number
 * with the word before it, module_2), then the others that are not stop
 * words, for an id given already; or every word when there is none of
 * those. Returns how many; *primary gets how many are of the first kind
 * there is. */
static size_t candidates(const pp_strings *w, const unsigned char *shared, size_t *order,
                         size_t *primary)
{
    unsigned char in[PP_INIT_ID_WORDS_MAX] = {0};
    size_t n = 0, skip = pp_init_id_numbering(w);
    for (int pass = 0; pass < 2; pass++) {
        for (size_t k = skip; k < w->count; k++) {
            if (is_stop(w->items[k]) || shared[k] != pass || in[k])
                continue;
            if (pass == 0 && k > skip && all_digits(w->items[k]) && !in[k - 1]
                && !is_stop(w->items[k - 1]))
                order[n++] = k - 1, in[k - 1] = 1;
            order[n++] = k, in[k] = 1;
        }
        if (pass == 0)
            *primary = n;
    }
    if (n == 0)
        for (size_t k = 0; k < w->count; k++)
            order[n++] = k;
    if (*primary == 0)
        *primary = n;
    return n;
}

/* Appends word to the id of length *len, if it fits; 1 if it did. */
static int append_word(char *id, size_t *len, const char *word)
{
    size_t n = strlen(word), sep = *len > 0;
    if (*len + sep + n > PP_INIT_ID_WORDS_LEN)
        return 0;
    if (sep)
        id[(*len)++] = '_';
    memcpy(id + *len, word, n + 1);
    *len += n;
    return 1;
}

/* The words a[0..na) then b[0..nb), joined by '_', as many as fit. */
static void join(char *id, char *const *a, size_t na, const char *const *b, size_t nb)
{
    size_t len = 0;
    id[0] = '\0';
    for (size_t k = 0; k < na + nb; k++)
        if (!append_word(id, &len, k < na ? a[k] : b[k - na]))
            break;
}

static int taken_already(const pp_strings *taken, const char *id)
{
    return strcmp(id, "summary") == 0 || pp_strings_index(taken, id) >= 0;
}

/* The number to try first after base: one past how many of the ids given
 * are base_N, so that the thousandth column of one name costs one pass
 * over the ids given, not a thousand (an id already given is still
 * skipped). */
static size_t first_number(const pp_strings *taken, const char *base)
{
    size_t n = strlen(base), numbered = 0;
    for (size_t i = 0; i < taken->count; i++) {
        const char *id = taken->items[i];
        if (strncmp(id, base, n) == 0 && id[n] == '_' && id[n + 1] >= '0' && id[n + 1] <= '9'
            && strspn(id + n + 1, "0123456789") == strlen(id + n + 1))
            numbered++;
    }
    return numbered + 2;
}

/* How many of the words to take: three (one for a segment), no more
 * than the first sentence has when it has some. */
static size_t wanted(size_t first, const size_t *order, size_t primary, pp_init_id_kind kind)
{
    size_t want = kind == PP_INIT_ID_SEGMENT ? 1 : 3, in_first = 0;
    while (in_first < primary && order[in_first] < first)
        in_first++;
    if (in_first > 0 && in_first < want)
        want = in_first;
    return want < primary ? want : primary;
}

/* Another text of the export has the same words as w. */
static int repeated(const pp_init_id_texts *siblings, const pp_strings *w)
{
    int seen = 0;
    for (size_t i = 0; i < siblings->count; i++)
        seen += pp_init_id_same_words(&siblings->words[i], w);
    return seen >= 2;
}

/* The n words of text w for its id, best first, into mine; *used gets
 * how many of them make it, 0 when it has none. 0, or -1 out of memory. */
static int own_words(pp_init_id_texts *siblings, const pp_strings *w, size_t first,
                     pp_init_id_kind kind, const char **mine, size_t *n, size_t *used)
{
    unsigned char shared[PP_INIT_ID_WORDS_MAX];
    size_t order[PP_INIT_ID_WORDS_MAX], primary = 0;
    int status = pp_init_id_shared(siblings, w, shared);
    *n = candidates(w, shared, order, &primary);
    for (size_t k = 0; k < *n; k++)
        mine[k] = w->items[order[k]];
    *used = *n ? wanted(first, order, primary, kind) : 0;
    return status;
}

int pp_init_id_make(pp_init_id_texts *siblings, const char *text, const char *context,
                    pp_init_id_kind kind, pp_strings *taken, char *id, size_t cap)
{
    static const char *const kinds[] = {"item", "segment", "battery"};
    pp_strings w = {0}, ctx = {0};
    const char *mine[PP_INIT_ID_WORDS_MAX];
    size_t first, context_first, used = 0, n = 0, np = 0;
    char attempt[64], base[PP_INIT_ID_WORDS_LEN + 1];
    int status = pp_init_id_words(text, &w, &first);
    if (status == 0 && context != NULL)
        status = pp_init_id_words(context, &ctx, &context_first);
    if (status == 0)
        status = own_words(siblings, &w, first, kind, mine, &n, &used);
    if (used == 0) {
        mine[0] = kinds[kind];
        used = n = 1;
    }
    if (ctx.count > 0 && repeated(siblings, &w))
        np = 1;                         /* its words alone tell it from none */
    join(base, ctx.items, np, mine, used);
    snprintf(attempt, sizeof attempt, "%s", base);
    while (taken_already(taken, attempt) && np < ctx.count)
        join(attempt, ctx.items, ++np, mine, used);
    for (size_t more = used + 1; taken_already(taken, attempt) && more <= n; more++)
        join(attempt, ctx.items, 0, mine, more);
    for (size_t k = first_number(taken, base); taken_already(taken, attempt); k++)
        snprintf(attempt, sizeof attempt, "%s_%zu", base, k);
    snprintf(id, cap, "%s", attempt);
    if (pp_strings_push_str(taken, attempt) != 0)
        status = -1;
    pp_strings_clear(&w);
    pp_strings_clear(&ctx);
    return status;
}

/* init_id_words.c: the words of a column's text for an id, in lower-case
 * ASCII (init_id_words.h). */
#include "init_id_words.h"

#include <ctype.h>

/* Latin letters with diacritics (Latin-1 Supplement and Latin
 * Extended-A, upper and lower case) as ASCII. */
static const struct {
    long first, last;
    const char *ascii;
} latin[] = {
    {0xC0, 0xC5, "a"}, {0xC6, 0xC6, "ae"}, {0xC7, 0xC7, "c"}, {0xC8, 0xCB, "e"},
    {0xCC, 0xCF, "i"}, {0xD0, 0xD0, "d"}, {0xD1, 0xD1, "n"}, {0xD2, 0xD6, "o"},
    {0xD8, 0xD8, "o"}, {0xD9, 0xDC, "u"}, {0xDD, 0xDD, "y"}, {0xDE, 0xDE, "th"},
    {0xDF, 0xDF, "ss"}, {0xE0, 0xE5, "a"}, {0xE6, 0xE6, "ae"}, {0xE7, 0xE7, "c"},
    {0xE8, 0xEB, "e"}, {0xEC, 0xEF, "i"}, {0xF0, 0xF0, "d"}, {0xF1, 0xF1, "n"},
    {0xF2, 0xF6, "o"}, {0xF8, 0xF8, "o"}, {0xF9, 0xFC, "u"}, {0xFD, 0xFD, "y"},
    {0xFE, 0xFE, "th"}, {0xFF, 0xFF, "y"},
    {0x100, 0x105, "a"}, {0x106, 0x10D, "c"}, {0x10E, 0x111, "d"}, {0x112, 0x11B, "e"},
    {0x11C, 0x123, "g"}, {0x124, 0x127, "h"}, {0x128, 0x131, "i"}, {0x132, 0x133, "ij"},
    {0x134, 0x135, "j"}, {0x136, 0x138, "k"}, {0x139, 0x142, "l"}, {0x143, 0x14B, "n"},
    {0x14C, 0x151, "o"}, {0x152, 0x153, "oe"}, {0x154, 0x159, "r"}, {0x15A, 0x161, "s"},
    {0x162, 0x167, "t"}, {0x168, 0x173, "u"}, {0x174, 0x175, "w"}, {0x176, 0x178, "y"},
    {0x179, 0x17E, "z"}, {0x17F, 0x17F, "s"},
};

/* What a character does to a word: adds letters, is dropped within it
 * (an apostrophe, an accent written apart, a letter of another script),
 * or ends it. */
typedef enum { CH_LETTERS, CH_DROP, CH_BREAK } ch_class;

/* The code point of the UTF-8 sequence at s, *len its length; -1 (length
 * 1) for a byte that starts no valid sequence. */
static long decode(const unsigned char *s, size_t *len)
{
    unsigned char c = s[0];
    int n = c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3 : c >= 0xF0 && c <= 0xF4 ? 4 : 0;
    *len = 1;
    if (n == 0)
        return -1;
    long cp = c & (0x7F >> n);
    for (int k = 1; k < n; k++) {
        if ((s[k] & 0xC0) != 0x80)
            return -1;
        cp = (cp << 6) | (s[k] & 0x3F);
    }
    *len = (size_t)n;
    return cp;
}

/* A code point past ASCII: its letters in ASCII, or NULL with *cls. */
static const char *classify(long cp, ch_class *cls)
{
    for (size_t i = 0; i < sizeof latin / sizeof *latin; i++)
        if (cp >= latin[i].first && cp <= latin[i].last) {
            *cls = CH_LETTERS;
            return latin[i].ascii;
        }
    if (cp == 0x2018 || cp == 0x2019 || cp == 0x2BC || cp == 0xB4 || (cp >= 0x300 && cp <= 0x36F))
        *cls = CH_DROP;                 /* apostrophes, combining accents */
    else if (cp < 0xC0 || cp == 0xD7 || cp == 0xF7 || (cp >= 0x2000 && cp < 0x2E80)
             || (cp >= 0x3000 && cp <= 0x303F) || cp == 0xFEFF || (cp >= 0xFF00 && cp <= 0xFF20)
             || (cp >= 0x1F000 && cp <= 0x1FAFF))
        *cls = CH_BREAK;                /* spaces, punctuation, symbols, emoji */
    else
        *cls = CH_DROP;                 /* a letter of another script */
    return NULL;
}

/* An ASCII character: its letter (lower case) in *letter, or its class. */
static ch_class classify_ascii(const unsigned char *s, const char *word, size_t n, char *letter)
{
    if (isalnum(*s)) {
        *letter = (char)tolower(*s);
        return CH_LETTERS;
    }
    if (*s == '\'' || *s == '`')
        return CH_DROP;
    if (*s == '.' && n == 1 && isalpha((unsigned char)word[0]) && isalpha(s[1]))
        return CH_DROP;                 /* e.g., U.K. */
    return CH_BREAK;
}

/* c, which ends a word last_len characters long, ends a sentence. */
static int ends_sentence(const unsigned char *c, size_t last_len)
{
    return *c == '?' || *c == '!'
           || (*c == '.' && last_len >= 3 && (c[1] == '\0' || isspace(c[1])));
}

int pp_init_id_words(const char *text, pp_strings *words, size_t *first_sentence)
{
    char word[PP_INIT_ID_WORD_LEN];
    size_t n = 0, start = words->count, len;
    int ended = 0;
    const unsigned char *s = (const unsigned char *)text;
    for (; *s && words->count - start < PP_INIT_ID_WORDS_MAX; s += len) {
        char one[2] = {0, 0};
        const char *letters = one;
        ch_class cls;
        len = 1;
        long cp = *s < 0x80 ? *s : decode(s, &len);
        if (*s < 0x80)
            cls = classify_ascii(s, word, n, one);
        else
            letters = classify(cp, &cls);
        if (n > 0 && (cp == '\'' || cp == 0x2019) && (s[len] == 's' || s[len] == 'S')
            && !isalnum(s[len + 1]))
            len++;                      /* organisation's: organisation */
        if (cls == CH_LETTERS)
            for (; *letters && n < sizeof word; letters++)
                word[n++] = *letters;
        if (cls != CH_BREAK)
            continue;
        size_t last_len = n;
        if (n > 0 && pp_strings_push(words, word, n) != 0)
            return -1;
        n = 0;
        if (!ended && words->count > start && ends_sentence(s, last_len)) {
            *first_sentence = words->count - start;
            ended = 1;
        }
    }
    if (n > 0 && words->count - start < PP_INIT_ID_WORDS_MAX && pp_strings_push(words, word, n) != 0)
        return -1;
    if (!ended)
        *first_sentence = words->count - start;
    return 0;
}

/* A question's number: 12, 3a, q3, q3b. */
static int is_number(const char *w)
{
    const char *s = w + (w[0] == 'q');
    if (!isdigit((unsigned char)*s))
        return 0;
    while (isdigit((unsigned char)*s))
        s++;
    return s[0] == '\0' || (isalpha((unsigned char)s[0]) && s[1] == '\0');
}

size_t pp_init_id_numbering(const pp_strings *words)
{
    size_t k = 0;
    while (k < words->count && is_number(words->items[k]))
        k++;
    return k < words->count ? k : 0;
}

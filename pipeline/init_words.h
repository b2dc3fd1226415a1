/* init_words.h: what the words of a column's name tell `prepost init`:
 * whether it is one of a list of known names, the sub-label after a group
 * separator, the wave word (before, after) and the name without it, the
 * question a battery shares, whether it names an id; and which texts a
 * codebook can carry as a value. */
#ifndef PREPOST_INIT_WORDS_H
#define PREPOST_INIT_WORDS_H

#include <stddef.h>

#include "init_profile.h"

/* 1 if s matches (label.h) one of the NULL-terminated names. */
int pp_init_listed(const char *const *names, const char *s);

/* What a column is asked: its question text (Qualtrics) or variable label
 * (a statistical file) when it has one, else its name. */
const char *pp_init_heading(const pp_init_column *c);

/* 1 if the INI format can carry s as a value, as it is. */
int pp_init_safe_value(const char *s);

/* The part of a name after its group separator (" / ", " [", ": "), or
 * NULL; *group_len gets the length of the group part (the whole name when
 * there is none). */
const char *pp_init_sub_label(const char *name, size_t *group_len);

/* "before" or "after" as a word of name: 1 or 2 (0 for neither), with
 * where it is and its length. A word is set apart by characters that are
 * not letters or digits, or by case (camelCase: "AwarenessBefore"). */
int pp_init_wave_word(const char *name, size_t *at, size_t *len);

/* The name without its wave word, normalised (label.h), in a new string;
 * NULL if it has none (*wave = 0) or out of memory. */
char *pp_init_stem(const char *name, int *wave);

/* The stem of a column: of its question text (Qualtrics) or label (a
 * statistical file) when that has a wave word, else of its name. */
char *pp_init_column_stem(const pp_init_column *c, int *wave);

/* The question a paired column belongs to, for its title. */
void pp_init_question_of(const pp_init_column *c, char *buf, size_t cap);

/* The part of a name that names one thing a question asks about: its
 * sub-label, or else the part after its last " - " (Qualtrics writes
 * "Question - Choice"); NULL if neither. *group_len gets the length of the
 * question before it, which the things of one battery or one
 * tick-all-that-apply group share. */
const char *pp_init_item_label(const char *name, size_t *group_len);

/* A name with "id", "code" or "identifier" as a word. */
int pp_init_id_like_name(const char *name);

#endif

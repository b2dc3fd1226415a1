/* init_ids.h: the ids `prepost init` gives the items, segments and
 * batteries of a draft codebook, chosen as a person would: from the words
 * that tell a text from its siblings, the other texts of the export that
 * ids are made from.
 *
 * A text's words are those of init_id_words.h. A number that leads it
 * ("Q3.", "12a") is left out, and so is every word that each sibling
 * starting with the same two words has too (init_id_texts.h: "how would
 * you rate your" across "How would you rate your awareness..." and "How
 * would you rate your understanding..."), and every stop word (a small
 * fixed English list: the, of, your, how, would, rate, which, please...).
 * The id is the first three of the words left (one for a segment; a number
 * keeps the word before it: module_2), only those of the first sentence
 * when it has some, joined by '_', at most PP_INIT_ID_WORDS_LEN characters.
 * With no word left, the words that are not stop words make it, then all
 * the words, then the kind ("item"). An id already given (or "summary",
 * which names a table of its own) takes the words of its context (below),
 * then the next of its own words, one by one, and then a number: sector_2.
 * So ids are unique, made of a-z, 0-9 and '_' (as the codebook wants of
 * names that become file names), and the same export always gets the
 * same ones. */
#ifndef PREPOST_INIT_IDS_H
#define PREPOST_INIT_IDS_H

#include <stddef.h>

#include "init_id_texts.h"
#include "strlist.h"

#define PP_INIT_ID_WORDS_LEN 40
#define PP_INIT_ID_CAP 48           /* room for the words and a number */

typedef enum { PP_INIT_ID_ITEM, PP_INIT_ID_SEGMENT, PP_INIT_ID_BATTERY } pp_init_id_kind;

/* Writes into id (cap at least PP_INIT_ID_CAP) the id of text, one of
 * siblings, unique among taken, and adds it to taken. context, when not
 * NULL, names what text belongs to (the id of a rating's battery): its
 * words come first, one by one, when text's own are taken, or when another
 * text of the export has the same words ("Planning" in two batteries:
 * works_planning, capability_planning). 0, or -1 out of memory (id then
 * holds the kind and a number, still unique). */
int pp_init_id_make(pp_init_id_texts *siblings, const char *text, const char *context,
                    pp_init_id_kind kind, pp_strings *taken, char *id, size_t cap);

#endif

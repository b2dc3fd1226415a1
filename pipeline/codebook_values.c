/* codebook_values.c: reading single values of a codebook section (a key's
 * text, a `|` list, a wave, a name), each with a plain-words message when
 * the value is not what the format expects. */
#include <ctype.h>
#include <string.h>
#include <strings.h>

#include "codebook_build.h"

const char *pp_cb_value(pp_cb_builder *b, const pp_ini_section *sec,
                        const char *key, int *status)
{
    const pp_ini_entry *entry = pp_ini_find(sec, key);
    if (entry == NULL)
        return NULL;
    if (entry->value[0] == '\0') {
        *status = pp_cb_error(b, entry->line, "in %s the key \"%s\" has no "
                              "value; give one or leave the key out",
                              pp_cb_where(b, sec), key);
        return NULL;
    }
    return entry->value;
}

const char *pp_cb_required(pp_cb_builder *b, const pp_ini_section *sec,
                           const char *key, const char *example)
{
    int status = 0;
    const char *value = pp_cb_value(b, sec, key, &status);
    if (value == NULL && status == 0)
        pp_cb_error(b, sec->line, "%s needs the key \"%s\", e.g. %s",
                    pp_cb_where(b, sec), key, example);
    return value;
}

int pp_cb_list(pp_cb_builder *b, const pp_ini_section *sec,
               const pp_ini_entry *entry, pp_strings *out)
{
    if (pp_strings_split(out, entry->value, '|') != 0)
        return pp_cb_nomem(b);
    for (size_t i = 0; i < out->count; i++)
        if (out->items[i][0] == '\0')
            return pp_cb_error(b, entry->line, "in %s the list \"%s\" has an "
                               "empty entry; write it as A | B | C",
                               pp_cb_where(b, sec), entry->key);
    return 0;
}

int pp_cb_wave(pp_cb_builder *b, const pp_ini_section *sec,
               const pp_ini_entry *entry, pp_wave *out)
{
    static const pp_wave waves[] = {PP_WAVE_BOTH, PP_WAVE_BEFORE, PP_WAVE_AFTER};
    for (size_t i = 0; i < 3; i++) {
        if (strcasecmp(entry->value, pp_wave_name(waves[i])) == 0) {
            *out = waves[i];
            return 0;
        }
    }
    return pp_cb_error(b, entry->line, "in %s wave is \"%s\"; expected before, "
                       "after or both", pp_cb_where(b, sec), entry->value);
}

/* 1 if s is a name fit for file names: letters, digits, '_' and '-'. */
static int is_plain_name(const char *s)
{
    if (*s == '\0' || strlen(s) > 64)
        return 0;
    for (; *s; s++)
        if (!isalnum((unsigned char)*s) && *s != '_' && *s != '-')
            return 0;
    return 1;
}

int pp_cb_check_name(pp_cb_builder *b, const pp_ini_section *sec)
{
    if (sec->name[0] == '\0')
        return pp_cb_error(b, sec->line, "[%s] needs a name, e.g. [%s %s]",
                           sec->kind, sec->kind,
                           strcmp(sec->kind, "scale") == 0 ? "rating"
                           : strcmp(sec->kind, "segment") == 0 ? "sector"
                           : "awareness");
    if (!is_plain_name(sec->name))
        return pp_cb_error(b, sec->line, "the name \"%s\" in %s may use only "
                           "letters, digits, _ and - (at most 64), because it "
                           "names files", sec->name, pp_cb_where(b, sec));
    return 0;
}

/* A battery name follows the same rule as section names. */
int pp_cb_check_battery(pp_cb_builder *b, const pp_ini_section *sec,
                        const pp_ini_entry *entry)
{
    if (!is_plain_name(entry->value))
        return pp_cb_error(b, entry->line, "in %s the battery \"%s\" may use "
                           "only letters, digits, _ and - (at most 64)",
                           pp_cb_where(b, sec), entry->value);
    return 0;
}

/* codebook_sections.c: builds [survey], [scale NAME] and [segment NAME]
 * from their keys (the format is documented in codebook.c). */
#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "codebook_build.h"
#include "label.h"

/* ---- [survey] ---------------------------------------------------------- */

/* Copies an optional text key into *out; 0 or -1. */
static int take_text(pp_cb_builder *b, const pp_ini_section *sec,
                     const char *key, char **out)
{
    int status = 0;
    const char *value = pp_cb_value(b, sec, key, &status);
    if (value != NULL && (*out = pp_cb_strdup(b, value)) == NULL)
        return -1;
    return status;
}

static int take_layout(pp_cb_builder *b, const pp_ini_section *sec,
                       const char *key, pp_layout *out)
{
    int status = 0;
    const char *value = pp_cb_value(b, sec, key, &status);
    if (value == NULL || status != 0)
        return status;
    if (pp_layout_parse(value, out) != 0)
        return pp_cb_error(b, pp_ini_find(sec, key)->line, "%s is \"%s\", "
                           "which is not a layout; expected plain, "
                           "surveymonkey, qualtrics or google for a CSV export, "
                           "or spss, stata or sas for a statistical file",
                           key, value);
    return 0;
}

/* A whole number of digits only, within range. */
static int take_number(pp_cb_builder *b, const pp_ini_section *sec,
                       const char *key, unsigned long max, unsigned long *out)
{
    int status = 0;
    const char *value = pp_cb_value(b, sec, key, &status);
    if (value == NULL || status != 0)
        return status;
    char *end = NULL;
    errno = 0;
    unsigned long number = strtoul(value, &end, 10);
    if (!isdigit((unsigned char)value[0]) || *end != '\0' || errno == ERANGE ||
        number > max)
        return pp_cb_error(b, pp_ini_find(sec, key)->line, "%s is \"%s\"; "
                           "expected a whole number such as %s", key, value,
                           strcmp(key, "seed") == 0 ? "20110301" : "50");
    *out = number;
    return 0;
}

/* export, or before_export with after_export: one or the other. */
static int check_exports(pp_cb_builder *b, const pp_ini_section *sec)
{
    pp_codebook *cb = b->cb;
    int panel_keys = (cb->before_export != NULL) + (cb->after_export != NULL);
    if (cb->export_path != NULL && panel_keys > 0)
        return pp_cb_error(b, pp_ini_find(sec, "export")->line, "[survey] "
                           "gives export and also before_export/after_export; "
                           "use export for one survey, or the two for a panel");
    if (cb->export_path == NULL && panel_keys == 0)
        return pp_cb_error(b, sec->line, "[survey] needs export = the export's "
                           "file name (or before_export and after_export for "
                           "a two-wave panel)");
    if (panel_keys == 1)
        return pp_cb_error(b, sec->line, "[survey] gives %s but not %s; a "
                           "panel needs both", cb->before_export ?
                           "before_export" : "after_export",
                           cb->before_export ? "after_export" : "before_export");
    return 0;
}

static const char *file_part(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash ? slash + 1 : path;
}

int pp_cb_build_survey(pp_cb_builder *b, const pp_ini_section *sec)
{
    pp_codebook *cb = b->cb;
    if (b->survey != NULL)
        return pp_cb_error(b, sec->line, "a second [survey] section (the first "
                           "is on line %ld); a codebook has one", b->survey->line);
    if (sec->name[0] != '\0')
        return pp_cb_error(b, sec->line, "[survey] takes no name; write just "
                           "[survey]");
    b->survey = sec;
    unsigned long min_base = 50;
    if (take_text(b, sec, "title", &cb->title) != 0 ||
        take_text(b, sec, "export", &cb->export_path) != 0 ||
        take_text(b, sec, "before_export", &cb->before_export) != 0 ||
        take_text(b, sec, "after_export", &cb->after_export) != 0 ||
        take_text(b, sec, "id", &cb->id_column) != 0 ||
        take_layout(b, sec, "layout", &cb->layout) != 0)
        return -1;
    cb->before_layout = cb->layout;
    cb->after_layout = cb->layout;
    if (take_layout(b, sec, "before_layout", &cb->before_layout) != 0 ||
        take_layout(b, sec, "after_layout", &cb->after_layout) != 0 ||
        take_number(b, sec, "min_base", 1000000000UL, &min_base) != 0 ||
        take_number(b, sec, "seed", (unsigned long)-1, &cb->seed) != 0)
        return -1;
    cb->min_base = (long)min_base;
    if (cb->title == NULL && (cb->title = pp_cb_strdup(b, file_part(cb->path))) == NULL)
        return -1;
    return check_exports(b, sec);
}

/* ---- [scale NAME] ------------------------------------------------------ */

/* Index of label among levels (matched forgivingly), or -1. */
static long find_level(const pp_strings *levels, const char *label)
{
    for (size_t i = 0; i < levels->count; i++)
        if (pp_label_equal(levels->items[i], strlen(levels->items[i]),
                           label, strlen(label)))
            return (long)i;
    return -1;
}

/* Reads a list key whose pieces must all be levels; sets flags[k]. */
static int take_level_flags(pp_cb_builder *b, const pp_ini_section *sec,
                            const pp_scale *scale, const char *key,
                            unsigned char *flags)
{
    const pp_ini_entry *entry = pp_ini_find(sec, key);
    if (entry == NULL)
        return 0;
    pp_strings named = {0};
    int status = pp_cb_list(b, sec, entry, &named);
    for (size_t i = 0; status == 0 && i < named.count; i++) {
        long k = find_level(&scale->levels, named.items[i]);
        if (k < 0)
            status = pp_cb_error(b, entry->line, "in %s, %s names \"%s\", which "
                                 "is not one of its levels (%s)",
                                 pp_cb_where(b, sec), key, named.items[i],
                                 pp_ini_find(sec, "levels")->value);
        else
            flags[k] = 1;
    }
    pp_strings_clear(&named);
    return status;
}

/* A level (or missing label) written twice is an error. */
static int check_distinct_labels(pp_cb_builder *b, const pp_ini_section *sec,
                                 const pp_scale *scale)
{
    size_t k = scale->levels.count, total = k + scale->missing.count;
    for (size_t i = 0; i < total; i++) {
        const char *a = i < k ? scale->levels.items[i] : scale->missing.items[i - k];
        for (size_t j = 0; j < i; j++) {
            const char *c = j < k ? scale->levels.items[j] : scale->missing.items[j - k];
            if (pp_label_equal(a, strlen(a), c, strlen(c)))
                return pp_cb_error(b, pp_ini_find(sec, i < k ? "levels" : "missing")->line,
                                   "in %s the level \"%s\" is listed twice; "
                                   "each answer can be listed once",
                                   pp_cb_where(b, sec), a);
        }
    }
    return 0;
}

/* `centre = Good` or `centre = Fair | Good` (two neighbours). */
static int take_centre(pp_cb_builder *b, const pp_ini_section *sec, pp_scale *scale)
{
    const pp_ini_entry *entry = pp_ini_find(sec, "centre");
    if (entry == NULL)
        return 0;
    pp_strings named = {0};
    int status = pp_cb_list(b, sec, entry, &named);
    long at[2] = {-1, -1};
    for (size_t i = 0; status == 0 && i < named.count && i < 2; i++)
        if ((at[i] = find_level(&scale->levels, named.items[i])) < 0)
            status = pp_cb_error(b, entry->line, "in %s, centre names \"%s\", "
                                 "which is not one of its levels (%s)",
                                 pp_cb_where(b, sec), named.items[i],
                                 pp_ini_find(sec, "levels")->value);
    if (status == 0 && named.count > 2)
        status = pp_cb_error(b, entry->line, "in %s, centre names %zu levels; "
                             "name one level, or two next to each other like "
                             "Fair | Good", pp_cb_where(b, sec), named.count);
    else if (status == 0 && named.count == 2 && labs(at[0] - at[1]) != 1)
        status = pp_cb_error(b, entry->line, "in %s, centre names \"%s\" and "
                             "\"%s\", which are not next to each other; name "
                             "one level, or two neighbours like Fair | Good",
                             pp_cb_where(b, sec), named.items[0], named.items[1]);
    else if (status == 0)
        scale->centre = named.count == 1 ? (double)(at[0] + 1)
                        : (double)(at[0] < at[1] ? at[0] : at[1]) + 1.5;
    pp_strings_clear(&named);
    return status;
}

static pp_scale *new_scale(pp_cb_builder *b)
{
    pp_codebook *cb = b->cb;
    if (cb->n_scales == b->cap_scales) {
        size_t cap = b->cap_scales ? 2 * b->cap_scales : 4;
        pp_scale *grown = realloc(cb->scales, cap * sizeof *grown);
        if (grown == NULL)
            return NULL;
        cb->scales = grown;
        b->cap_scales = cap;
    }
    pp_scale *scale = &cb->scales[cb->n_scales++];
    memset(scale, 0, sizeof *scale);
    return scale;
}

static int check_top_bottom(pp_cb_builder *b, const pp_ini_section *sec,
                            const pp_scale *scale)
{
    for (size_t k = 0; k < scale->levels.count; k++)
        if (scale->is_top[k] && scale->is_bottom[k])
            return pp_cb_error(b, pp_ini_find(sec, "bottom")->line, "in %s the "
                               "level \"%s\" is in both top and bottom",
                               pp_cb_where(b, sec), scale->levels.items[k]);
    return 0;
}

int pp_cb_build_scale(pp_cb_builder *b, const pp_ini_section *sec)
{
    if (pp_cb_check_name(b, sec) != 0)
        return -1;
    for (size_t i = 0; i < b->cb->n_scales; i++)
        if (strcasecmp(b->cb->scales[i].name, sec->name) == 0)
            return pp_cb_error(b, sec->line, "a second [scale %s] (the first is "
                               "on line %ld); each scale needs its own name",
                               sec->name, b->cb->scales[i].line);
    if (pp_cb_required(b, sec, "levels", "levels = Poor | Fair | Good") == NULL)
        return -1;
    pp_scale *scale = new_scale(b);
    if (scale == NULL || (scale->name = pp_cb_strdup(b, sec->name)) == NULL)
        return pp_cb_nomem(b);
    scale->line = sec->line;
    const pp_ini_entry *missing = pp_ini_find(sec, "missing");
    if (pp_cb_list(b, sec, pp_ini_find(sec, "levels"), &scale->levels) != 0 ||
        (missing && pp_cb_list(b, sec, missing, &scale->missing) != 0) ||
        check_distinct_labels(b, sec, scale) != 0)
        return -1;
    scale->is_top = calloc(scale->levels.count, 1);
    scale->is_bottom = calloc(scale->levels.count, 1);
    if (scale->is_top == NULL || scale->is_bottom == NULL)
        return pp_cb_nomem(b);
    if (take_level_flags(b, sec, scale, "top", scale->is_top) != 0 ||
        take_level_flags(b, sec, scale, "bottom", scale->is_bottom) != 0 ||
        check_top_bottom(b, sec, scale) != 0)
        return -1;
    return take_centre(b, sec, scale);
}

/* ---- [segment NAME] ---------------------------------------------------- */

static pp_segment *new_segment(pp_cb_builder *b)
{
    pp_codebook *cb = b->cb;
    if (cb->n_segments == b->cap_segments) {
        size_t cap = b->cap_segments ? 2 * b->cap_segments : 4;
        pp_segment *grown = realloc(cb->segments, cap * sizeof *grown);
        if (grown == NULL)
            return NULL;
        cb->segments = grown;
        b->cap_segments = cap;
    }
    pp_segment *segment = &cb->segments[cb->n_segments++];
    memset(segment, 0, sizeof *segment);
    return segment;
}

static int check_distinct_values(pp_cb_builder *b, const pp_ini_section *sec,
                                 const pp_strings *levels)
{
    for (size_t i = 0; i < levels->count; i++) {
        const char *a = levels->items[i];
        if (find_level(levels, a) != (long)i)
            return pp_cb_error(b, pp_ini_find(sec, "levels")->line, "in %s the "
                               "level \"%s\" is listed twice", pp_cb_where(b, sec), a);
    }
    return 0;
}

int pp_cb_build_segment(pp_cb_builder *b, const pp_ini_section *sec)
{
    if (pp_cb_check_name(b, sec) != 0)
        return -1;
    for (size_t i = 0; i < b->cb->n_segments; i++)
        if (strcasecmp(b->cb->segments[i].name, sec->name) == 0)
            return pp_cb_error(b, sec->line, "a second [segment %s] (the first "
                               "is on line %ld); each segment needs its own name",
                               sec->name, b->cb->segments[i].line);
    const char *column = pp_cb_required(b, sec, "column",
                                        "column = Which sector are you in?");
    if (column == NULL)
        return -1;
    pp_segment *segment = new_segment(b);
    if (segment == NULL || (segment->name = pp_cb_strdup(b, sec->name)) == NULL ||
        (segment->column = pp_cb_strdup(b, column)) == NULL)
        return pp_cb_nomem(b);
    segment->line = sec->line;
    segment->wave = PP_WAVE_BOTH;
    const pp_ini_entry *levels = pp_ini_find(sec, "levels");
    const pp_ini_entry *wave = pp_ini_find(sec, "wave");
    if (levels && (pp_cb_list(b, sec, levels, &segment->levels) != 0 ||
                   check_distinct_values(b, sec, &segment->levels) != 0))
        return -1;
    return wave ? pp_cb_wave(b, sec, wave, &segment->wave) : 0;
}

/* codebook.c: reads a codebook (survey.ini) into a pp_codebook.
 *
 * THE FORMAT, key by key. An INI file, read with inih. `;` starts a comment
 * at the start of a line or after white space; an indented line goes on
 * with the value above (joined with one space); lines may be of any length.
 * Lists are written `a | b | c` and each piece is trimmed. Key names and
 * section kinds may be in any case. Labels and columns match forgivingly
 * (label.h). Names of scales, segments, items and batteries use letters,
 * digits, `_` and `-` only (they become file names).
 *
 * [survey]                 exactly one
 *   title          the survey's title (default: the codebook's file name)
 *   export         the export of a one-wave survey, relative to this file
 *   before_export  } a two-wave panel instead: the two exports, joined on id
 *   after_export   }
 *   layout         plain | surveymonkey | qualtrics | google (default plain),
 *                  CSV exports; or spss (.sav, .zsav) | stata (.dta) |
 *                  sas (.sas7bdat), statistical files read with ReadStat:
 *                  the file's first bytes must say it is that kind of file
 *                  (else a bad-file error names the layout it is). A column
 *                  answers to its variable name or its variable label; a
 *                  cell reads as its value label, or as the value written
 *                  out (12, 3.5, text) when it has none; system-missing is
 *                  blank. Rows are case numbers. gzip works as for CSV.
 *   before_layout  } a panel's exports may differ (default: layout)
 *   after_layout   }
 *   id             the respondent ID column (default: number by row)
 *   min_base       bases under this are flagged (whole number, default 50)
 *   seed           bootstrap seed (whole number, default 1)
 *
 * [scale NAME]
 *   levels   required: substantive levels, worst to best (codes 1..K)
 *   top      levels that count as the top box
 *   bottom   levels that count as the bottom box
 *   missing  answers counted apart, never ranked (codes -1..-M)
 *   centre   the level charts centre on, or two neighbours `Fair | Good`
 *            to centre between them
 *
 * [segment NAME]
 *   column   required: the column whose answers split the sample
 *   levels   the segment's values in order; other values are rejected
 *   wave     panel: before | after | both (default both)
 *
 * [paired ID]    one question asked about before and after
 *   title    default: the id
 *   scale    required: a [scale] name
 *   before   required: column of the before rating
 *   after    required: column of the after rating
 *   among    `SEGMENT = VALUE`: asked of that segment only
 *   battery  items of one battery are charted together
 *   order    `as written` keeps the battery's order (default: sorted)
 *
 * [single ID]    one rating: title, scale, column (required), among,
 *                battery, order, wave (panel: before | after, default after)
 *
 * [multi ID]     tick all that apply: title, among, battery, order, wave and
 *   columns  one column per option; each option is named by the sub-label
 *            after the last " / " of its column (or the whole column)
 *   options  option names, one per column (instead of those sub-labels)
 *   column   or: one cell holding every choice, with `options` required
 *
 * [text ID]      verbatim comments: title, column (required), among, wave
 *
 * In a one-wave survey every `wave` reads the one export. */
#include "codebook.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "codebook_build.h"

static const char *const layout_names[] = {"plain", "surveymonkey", "qualtrics", "google",
                                            "spss", "stata", "sas"};

const char *pp_layout_name(pp_layout layout)
{
    if ((unsigned)layout >= sizeof layout_names / sizeof *layout_names)
        return "unknown";
    return layout_names[layout];
}

int pp_layout_is_statistical(pp_layout layout)
{
    return layout == PP_LAYOUT_SPSS || layout == PP_LAYOUT_STATA || layout == PP_LAYOUT_SAS;
}

int pp_layout_parse(const char *name, pp_layout *out)
{
    for (size_t i = 0; i < sizeof layout_names / sizeof *layout_names; i++) {
        if (strcasecmp(name, layout_names[i]) == 0) {
            *out = (pp_layout)i;
            return 0;
        }
    }
    return -1;
}

const char *pp_wave_name(pp_wave wave)
{
    switch (wave) {
    case PP_WAVE_BOTH: return "both";
    case PP_WAVE_BEFORE: return "before";
    case PP_WAVE_AFTER: return "after";
    }
    return "unknown";
}

const char *pp_item_kind_name(pp_item_kind kind)
{
    switch (kind) {
    case PP_ITEM_PAIRED: return "paired";
    case PP_ITEM_SINGLE: return "single";
    case PP_ITEM_MULTI: return "multi";
    case PP_ITEM_TEXT: return "text";
    }
    return "unknown";
}

/* Each section kind: the keys it takes and what builds it. */
static const struct {
    const char *kind;
    const char *keys;
    int (*build)(pp_cb_builder *, const pp_ini_section *);
} section_kinds[] = {
    {"survey", "title, export, before_export, after_export, layout, "
               "before_layout, after_layout, id, min_base, seed", pp_cb_build_survey},
    {"scale", "levels, top, bottom, missing, centre", pp_cb_build_scale},
    {"segment", "column, levels, wave", pp_cb_build_segment},
    {"paired", "title, scale, before, after, among, battery, order", pp_cb_build_item},
    {"single", "title, scale, column, among, battery, order, wave", pp_cb_build_item},
    {"multi", "title, columns, options, column, among, battery, order, wave", pp_cb_build_item},
    {"text", "title, column, among, wave", pp_cb_build_item},
};
#define N_KINDS (sizeof section_kinds / sizeof *section_kinds)

/* 1 if key is one of the comma-separated names in keys. */
static int key_listed(const char *keys, const char *key)
{
    size_t len = strlen(key);
    if (len == 0)
        return 0;   /* strstr finds "" everywhere: it would never move on */
    for (const char *p = keys; (p = strstr(p, key)) != NULL; p += len) {
        int starts = p == keys || p[-1] == ' ';
        int ends = p[len] == ',' || p[len] == '\0';
        if (starts && ends)
            return 1;
    }
    return 0;
}

static int build_section(pp_cb_builder *b, const pp_ini_section *sec)
{
    size_t k = 0;
    while (k < N_KINDS && strcmp(section_kinds[k].kind, sec->kind) != 0)
        k++;
    if (k == N_KINDS)
        return pp_cb_error(b, sec->line, "[%s] is not a kind of section; "
                           "expected [survey], [scale NAME], [segment NAME], "
                           "[paired ID], [single ID], [multi ID] or [text ID]",
                           sec->kind);
    for (size_t e = 0; e < sec->n_entries; e++)
        if (!key_listed(section_kinds[k].keys, sec->entries[e].key))
            return pp_cb_error(b, sec->entries[e].line, "%s has no key \"%s\"; "
                               "it takes: %s", pp_cb_where(b, sec),
                               sec->entries[e].key, section_kinds[k].keys);
    return section_kinds[k].build(b, sec);
}

static char *dir_of(const char *name)
{
    const char *slash = strrchr(name, '/');
    if (slash == NULL)
        return strdup(".");
    if (slash == name)
        return strdup("/");
    return strndup(name, (size_t)(slash - name));
}

static pp_codebook *build(const pp_ini_doc *doc, const char *name, pp_diag *diag)
{
    pp_cb_builder b;
    memset(&b, 0, sizeof b);
    b.diag = diag;
    b.cb = calloc(1, sizeof *b.cb);
    if (b.cb == NULL || (b.cb->path = strdup(name)) == NULL ||
        (b.cb->dir = dir_of(name)) == NULL) {
        pp_cb_nomem(&b);
        goto cleanup;
    }
    b.cb->min_base = 50;
    b.cb->seed = 1;
    for (size_t s = 0; s < doc->n_sections; s++)
        if (build_section(&b, &doc->sections[s]) != 0)
            goto cleanup;
    if (b.survey == NULL) {
        pp_cb_error(&b, 0, "there is no [survey] section; a codebook starts "
                    "with [survey] and at least export = the export's file name");
        goto cleanup;
    }
    pp_cb_check(&b);
cleanup:
    for (size_t i = 0; b.cb && i < b.cb->n_items; i++)
        free(b.refs[i].among_segment);
    free(b.refs);
    if (diag->code != PP_OK) {
        pp_codebook_free(b.cb);
        return NULL;
    }
    return b.cb;
}

static pp_codebook *read_any(FILE *in, const char *text, size_t len,
                             const char *name, pp_diag *diag)
{
    pp_ini_doc doc;
    memset(&doc, 0, sizeof doc);
    pp_codebook *cb = NULL;
    if (name == NULL)
        name = "codebook";
    if (pp_ini_doc_read(&doc, in, text, len, name, diag) == 0)
        cb = build(&doc, name, diag);
    pp_ini_doc_free(&doc);
    return cb;
}

pp_codebook *pp_codebook_read(FILE *in, const char *name, pp_diag *diag)
{
    return read_any(in, NULL, 0, name, diag);
}

pp_codebook *pp_codebook_read_buffer(const char *text, size_t len,
                                     const char *name, pp_diag *diag)
{
    return read_any(NULL, text ? text : "", text ? len : 0, name, diag);
}

void pp_codebook_free(pp_codebook *cb)
{
    if (cb == NULL)
        return;
    for (size_t i = 0; i < cb->n_scales; i++) {
        pp_scale *scale = &cb->scales[i];
        free(scale->name);
        pp_strings_clear(&scale->levels);
        pp_strings_clear(&scale->missing);
        free(scale->is_top);
        free(scale->is_bottom);
    }
    for (size_t i = 0; i < cb->n_segments; i++) {
        free(cb->segments[i].name);
        free(cb->segments[i].column);
        pp_strings_clear(&cb->segments[i].levels);
    }
    for (size_t i = 0; i < cb->n_items; i++) {
        pp_item *item = &cb->items[i];
        free(item->id);
        free(item->title);
        free(item->before);
        free(item->after);
        free(item->column);
        pp_strings_clear(&item->columns);
        pp_strings_clear(&item->options);
        free(item->among_value);
        free(item->battery);
    }
    free(cb->scales);
    free(cb->segments);
    free(cb->items);
    free(cb->path);
    free(cb->dir);
    free(cb->title);
    free(cb->export_path);
    free(cb->before_export);
    free(cb->after_export);
    free(cb->id_column);
    free(cb);
}

int pp_codebook_is_panel(const pp_codebook *cb)
{
    return cb != NULL && cb->before_export != NULL && cb->after_export != NULL;
}

char *pp_codebook_resolve_path(const pp_codebook *cb, const char *path)
{
    if (path == NULL)
        return NULL;
    if (path[0] == '/' || cb == NULL || cb->dir == NULL || strcmp(cb->dir, ".") == 0)
        return strdup(path);
    size_t dir_len = strlen(cb->dir), path_len = strlen(path);
    int need_slash = dir_len > 0 && cb->dir[dir_len - 1] != '/';
    char *joined = malloc(dir_len + (size_t)need_slash + path_len + 1);
    if (joined == NULL)
        return NULL;
    memcpy(joined, cb->dir, dir_len);
    if (need_slash)
        joined[dir_len] = '/';
    memcpy(joined + dir_len + need_slash, path, path_len + 1);
    return joined;
}

/* ---- helpers shared by the builders (codebook_build.h) ----------------- */

int pp_cb_error(pp_cb_builder *b, long line, const char *fmt, ...)
{
    char detail[sizeof b->diag->detail];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(detail, sizeof detail, fmt, ap);
    va_end(ap);
    pp_diag_set(b->diag, PP_ERR_CODEBOOK, b->cb->path, line, "%s", detail);
    return -1;
}

int pp_cb_nomem(pp_cb_builder *b)
{
    pp_diag_set(b->diag, PP_ERR_NOMEM, b->cb ? b->cb->path : NULL, 0, NULL);
    return -1;
}

const char *pp_cb_where(pp_cb_builder *b, const pp_ini_section *sec)
{
    snprintf(b->where, sizeof b->where, "[%s%s%s]", sec->kind,
             *sec->name ? " " : "", sec->name);
    return b->where;
}

char *pp_cb_strdup(pp_cb_builder *b, const char *s)
{
    char *copy = strdup(s);
    if (copy == NULL)
        pp_cb_nomem(b);
    return copy;
}

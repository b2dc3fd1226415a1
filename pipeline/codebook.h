/* codebook.h: the survey codebook (survey.ini) in memory.
 *
 * The INI format itself is documented in SPEC §3 and, key by key, at the top
 * of codebook.c, which reads it with inih. Everything here is owned by the
 * pp_codebook and freed by pp_codebook_free. */
#ifndef PREPOST_CODEBOOK_H
#define PREPOST_CODEBOOK_H

#include <stddef.h>
#include <stdio.h>

#include "diag.h"
#include "strlist.h"

typedef enum {
    PP_LAYOUT_PLAIN,
    PP_LAYOUT_SURVEYMONKEY,
    PP_LAYOUT_QUALTRICS,
    PP_LAYOUT_GOOGLE,
    PP_LAYOUT_SPSS,         /* statistical files, read with ReadStat (stat_rows.h) */
    PP_LAYOUT_STATA,
    PP_LAYOUT_SAS
} pp_layout;

const char *pp_layout_name(pp_layout layout);
/* 1 for spss, stata and sas (binary files read through ReadStat), else 0. */
int pp_layout_is_statistical(pp_layout layout);
/* 0 on success; -1 if name is not a layout. */
int pp_layout_parse(const char *name, pp_layout *out);

/* [scale NAME]: ordered substantive levels (codes 1..K, worst to best) and
 * missing levels (codes -1..-M, "Don't know" = -1 if listed first). */
typedef struct {
    char *name;
    pp_strings levels;      /* K = levels.count */
    pp_strings missing;     /* M = missing.count */
    unsigned char *is_top;  /* K flags: level k+1 is in `top` */
    unsigned char *is_bottom;
    double centre;          /* 0 = not given; k = level k; k+0.5 = between k and k+1 */
    long line;              /* line of the section header, for messages */
} pp_scale;

/* Which export of a two-wave panel a column is read from. In a one-wave
 * survey everything is PP_WAVE_BOTH. */
typedef enum { PP_WAVE_BOTH, PP_WAVE_BEFORE, PP_WAVE_AFTER } pp_wave;

const char *pp_wave_name(pp_wave wave);   /* "both", "before", "after" */

/* [segment NAME]: a column whose values split the sample. */
typedef struct {
    char *name;
    char *column;
    pp_strings levels;      /* optional `levels =`: fixed order, others rejected */
    pp_wave wave;           /* panel: `wave = before | after | both` (default both) */
    long line;
} pp_segment;

typedef enum { PP_ITEM_PAIRED, PP_ITEM_SINGLE, PP_ITEM_MULTI, PP_ITEM_TEXT } pp_item_kind;

const char *pp_item_kind_name(pp_item_kind kind);

typedef struct {
    pp_item_kind kind;
    char *id;               /* section name: [paired awareness] -> "awareness" */
    char *title;            /* defaults to the id */
    size_t scale;           /* index into codebook->scales (paired, single) */
    char *before;           /* paired: column of the before rating */
    char *after;            /* paired: column of the after rating */
    char *column;           /* single, text, one-cell multi */
    pp_strings columns;     /* multi, one column per option */
    pp_strings options;     /* multi: option labels (from `options`, or the
                               sub-label after the last " / " of each column) */
    long among_segment;     /* index into segments, -1 = asked of everyone */
    char *among_value;      /* the segment level the item was asked of */
    char *battery;          /* NULL or the battery name */
    int order_as_written;   /* battery chart order: 1 = `order = as written` */
    pp_wave wave;           /* panel, single/multi/text: `wave = before | after`
                               (default after); paired items read both */
    long line;
} pp_item;

typedef struct {
    char *path;             /* the codebook's name as given, for messages */
    char *dir;              /* directory exports are relative to ("." for a buffer) */
    char *title;
    char *export_path;      /* `export`: one-wave survey; NULL for a panel */
    char *before_export;    /* two-wave panel */
    char *after_export;
    pp_layout layout;       /* `layout`, default plain */
    pp_layout before_layout;/* `before_layout`, default = layout */
    pp_layout after_layout; /* `after_layout`, default = layout */
    char *id_column;        /* NULL: respondents are numbered by row */
    long min_base;          /* default 50 */
    unsigned long seed;     /* default 1 */
    pp_scale *scales;
    size_t n_scales;
    pp_segment *segments;
    size_t n_segments;
    pp_item *items;
    size_t n_items;
} pp_codebook;

/* Reads a codebook from a stream; `name` is used in messages and its
 * directory is where relative exports are looked for. Returns NULL and fills
 * diag (PP_ERR_CODEBOOK with file, line, key and what was expected) on error. */
pp_codebook *pp_codebook_read(FILE *in, const char *name, pp_diag *diag);
/* Same, from memory (tests and fuzzers). */
pp_codebook *pp_codebook_read_buffer(const char *text, size_t len,
                                     const char *name, pp_diag *diag);
void pp_codebook_free(pp_codebook *cb);

int pp_codebook_is_panel(const pp_codebook *cb);
/* Joins cb->dir and a relative export path; absolute paths pass through.
 * Returns a malloc'd string or NULL. */
char *pp_codebook_resolve_path(const pp_codebook *cb, const char *path);

#endif

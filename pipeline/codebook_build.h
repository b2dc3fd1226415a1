/* codebook_build.h: what the files that turn an INI doc into a pp_codebook
 * share (codebook.c reads and dispatches, codebook_sections.c builds
 * [survey], [scale] and [segment], codebook_items.c the items,
 * codebook_check.c checks what spans sections). Not for use outside them. */
#ifndef PREPOST_CODEBOOK_BUILD_H
#define PREPOST_CODEBOOK_BUILD_H

#include "codebook.h"
#include "ini_doc.h"

/* What an item refers to by name, resolved once every section is read. */
typedef struct {
    const pp_ini_entry *scale;     /* `scale =`, or NULL */
    const pp_ini_entry *among;     /* `among =`, or NULL */
    char *among_segment;           /* the segment part of `among` */
    long column_line[2];           /* lines of before/after, or column(s) */
} pp_item_refs;

typedef struct {
    pp_codebook *cb;
    pp_diag *diag;
    const pp_ini_section *survey;  /* the [survey] section once seen */
    pp_item_refs *refs;            /* one per cb->items */
    size_t cap_scales, cap_segments, cap_items;
    char where[160];               /* "[scale rating]" for messages */
} pp_cb_builder;

/* Records a codebook error at line (the first one wins); returns -1. */
int pp_cb_error(pp_cb_builder *b, long line, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* Records out of memory; returns -1. */
int pp_cb_nomem(pp_cb_builder *b);
/* "[kind name]" of a section, in a buffer the builder owns. */
const char *pp_cb_where(pp_cb_builder *b, const pp_ini_section *sec);

/* The value of key, NULL when absent; an empty value is an error (-1 in
 * *status). */
const char *pp_cb_value(pp_cb_builder *b, const pp_ini_section *sec,
                        const char *key, int *status);
/* Like pp_cb_value, but the key must be there; `example` shows how. */
const char *pp_cb_required(pp_cb_builder *b, const pp_ini_section *sec,
                           const char *key, const char *example);
/* Splits a `a | b | c` value; an empty piece is an error. 0 or -1. */
int pp_cb_list(pp_cb_builder *b, const pp_ini_section *sec,
               const pp_ini_entry *entry, pp_strings *out);
/* Parses `wave`; 0 or -1. */
int pp_cb_wave(pp_cb_builder *b, const pp_ini_section *sec,
               const pp_ini_entry *entry, pp_wave *out);
/* Checks a section's name is there and fit for file names; 0 or -1. */
int pp_cb_check_name(pp_cb_builder *b, const pp_ini_section *sec);
/* Checks a `battery` value is fit for file names too; 0 or -1. */
int pp_cb_check_battery(pp_cb_builder *b, const pp_ini_section *sec,
                        const pp_ini_entry *entry);
/* An owned copy, or NULL with out of memory recorded. */
char *pp_cb_strdup(pp_cb_builder *b, const char *s);

int pp_cb_build_survey(pp_cb_builder *b, const pp_ini_section *sec);
int pp_cb_build_scale(pp_cb_builder *b, const pp_ini_section *sec);
int pp_cb_build_segment(pp_cb_builder *b, const pp_ini_section *sec);
int pp_cb_build_item(pp_cb_builder *b, const pp_ini_section *sec);

/* Resolves scale and segment names and finds columns named twice. */
int pp_cb_check(pp_cb_builder *b);

#endif

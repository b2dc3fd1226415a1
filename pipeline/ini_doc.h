/* ini_doc.h: an INI file read with inih into its sections and keys, each
 * with the line it came from, so a later pass can check them in order and
 * name the line of every mistake.
 *
 * Lines may be of any length (inih itself stops at 200 bytes), a value may
 * go on over indented lines (joined with one space), and sections without
 * any key are kept too. Key names and section kinds are in lower case. */
#ifndef PREPOST_INI_DOC_H
#define PREPOST_INI_DOC_H

#include <stddef.h>
#include <stdio.h>

#include "diag.h"

typedef struct {
    char *key;
    char *value;            /* trimmed, inline comment removed */
    long line;              /* where the key is written */
} pp_ini_entry;

typedef struct {
    char *kind;             /* "[paired awareness]" -> "paired" */
    char *name;             /* -> "awareness"; "" when there is none */
    long line;              /* line of the [header] */
    pp_ini_entry *entries;
    size_t n_entries;
    size_t cap_entries;
} pp_ini_section;

typedef struct {
    pp_ini_section *sections;
    size_t n_sections;
    size_t cap_sections;
} pp_ini_doc;

/* Reads a whole INI text from a stream or from memory (give one of in or
 * text). A key given twice in one section, a key before any section and
 * lines inih cannot read are errors (PP_ERR_CODEBOOK at `name`, line).
 * Returns 0, or -1 with diag filled; the doc then holds what was read. */
int pp_ini_doc_read(pp_ini_doc *doc, FILE *in, const char *text, size_t len,
                    const char *name, pp_diag *diag);

/* The entry for key in section, or NULL. */
const pp_ini_entry *pp_ini_find(const pp_ini_section *section, const char *key);

void pp_ini_doc_free(pp_ini_doc *doc);

#endif

/* stat_dict.h: the dictionary of a statistical file: its variables (name,
 * label, user-missing values) and value label sets, read by a first pass
 * of ReadStat over the file, before any case; and a cell's text, as ingest
 * and init see it: the value's label, or the value written out.
 *
 * Value labels are kept in code order (numbers ascending, then text). */
#ifndef PREPOST_STAT_DICT_H
#define PREPOST_STAT_DICT_H

#include <readstat.h>
#include <stddef.h>

#include "diag.h"
#include "stat_file.h"

typedef struct {
    int is_text;            /* a string value; else a number (or a tag) */
    char tag;               /* tagged missing (.a .. .z), else 0 */
    double number;
    char *text;
    char *label;
} pp_stat_value_label;

typedef struct {
    char *name;
    pp_stat_value_label *items;
    size_t count, capacity;
} pp_stat_label_set;

#define PP_STAT_MISSING_RANGES 3

typedef struct {
    char *name;
    char *label;                /* "" when it has none */
    int is_text;                /* a string variable */
    long label_set;             /* index into sets, -1 for none */
    size_t n_missing;           /* user-missing ranges (SPSS), numbers only */
    double missing_lo[PP_STAT_MISSING_RANGES];
    double missing_hi[PP_STAT_MISSING_RANGES];
} pp_stat_variable;

typedef struct {
    pp_stat_variable *vars;
    size_t n_vars;
    pp_stat_label_set *sets;
    size_t n_sets;
    long cases;                 /* as the file says, -1 when unknown */
} pp_stat_dict;

/* Reads the dictionary of f (a file of kind `layout`). 0, or -1 with diag
 * filled (PP_ERR_HEADER: not such a file, or damaged; PP_ERR_NOMEM). */
int pp_stat_dict_read(pp_stat_dict *d, const pp_stat_file *f, pp_layout layout,
                      pp_diag *diag);
void pp_stat_dict_free(pp_stat_dict *d);

/* The label of `value` in variable v's set, or NULL. */
const char *pp_stat_dict_label(const pp_stat_dict *d, size_t v, readstat_value_t value);

/* 1 if the number is one of variable v's user-missing values. */
int pp_stat_dict_is_user_missing(const pp_stat_dict *d, size_t v, double number);

/* A cell's text into buf (cap bytes, NUL-terminated; a longer text is
 * returned instead of copied): the value's label; else the value written
 * out (a number as %.15g, a string without trailing blanks); "" for
 * system-missing and unlabelled tagged missing. *len gets the length. */
const char *pp_stat_cell_text(const pp_stat_dict *d, size_t v, readstat_value_t value,
                              char *buf, size_t cap, size_t *len);

#endif

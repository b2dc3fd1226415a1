/* table_values.h: cells from results.json values, each in its two texts:
 * full precision for CSV (the number as results.json holds it, %.15g) and
 * rounded for the page: percentages and percentage-point changes to one
 * decimal, means to two, counts whole, p-values as "< 0.001" or to three
 * decimals. A null (or absent) value becomes a null cell whose note is the
 * reason results.json gives in the slot's "notes", if any. */
#ifndef PREPOST_TABLE_VALUES_H
#define PREPOST_TABLE_VALUES_H

#include <jansson.h>

#include "table_model.h"

typedef enum {
    PP_SHOW_PCT,        /* 83.6 */
    PP_SHOW_CHANGE,     /* +42.0 (percentage points) */
    PP_SHOW_MEAN,       /* 3.58 */
    PP_SHOW_SHIFT,      /* +0.99 */
    PP_SHOW_COUNT,      /* 212 */
    PP_SHOW_P           /* < 0.001, 0.032 */
} pp_show;

/* The reason the slot's notes give for key being null, or NULL. Looks for
 * key, then key without "_holm" or "_ci", then the test's "<name>_p", then
 * the slot's "n" or "n_pairs" note. */
const char *pp_table_reason(json_t *slot, const char *key);

/* One value into column col of the last row. */
void pp_table_json(pp_table *t, size_t col, json_t *value, pp_show show, const char *reason);
/* slot[key] into column col. */
void pp_table_stat(pp_table *t, size_t col, json_t *slot, const char *key, pp_show show);
/* A computed number (available = false: null with reason). */
void pp_table_number(pp_table *t, size_t col, bool available, double value, pp_show show,
                     const char *reason);
/* An interval [low, high] (a two-element array): the low and high ends
 * into the CSV columns, "[low, high]" into the page column. */
void pp_table_interval(pp_table *t, size_t col_low, size_t col_high, size_t col_page,
                       json_t *pair, pp_show show, const char *reason);
/* A whole number both ways. */
void pp_table_count(pp_table *t, size_t col, long long n, bool small);

#endif

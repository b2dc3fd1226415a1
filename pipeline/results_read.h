/* results_read.h: loads results.json (written by prepost-stats, layout in
 * stages/stats/results.c) for the stages that draw and print it: plot,
 * table and report. Parsing is jansson's; this checks the schema line and
 * gives the few look-ups every reader needs. */
#ifndef PREPOST_RESULTS_READ_H
#define PREPOST_RESULTS_READ_H

#include <stdio.h>

#include <jansson.h>

#include "diag.h"

#define PP_RESULTS_SCHEMA "prepost-results 1"

/* Reads a whole results.json from a stream or memory. NULL with diag
 * (PP_ERR_RECORDS naming the line and column of a JSON error, or a schema
 * this prepost does not read) on error. Free with json_decref. */
json_t *pp_results_load(FILE *in, const char *name, pp_diag *diag);
json_t *pp_results_load_buffer(const char *text, size_t len, const char *name, pp_diag *diag);

/* The item object with this id, or NULL. */
json_t *pp_results_item(json_t *results, const char *id);
/* The whole-sample result of an item (results[0]), or NULL. */
json_t *pp_results_whole_sample(json_t *item);
/* A member as a string, or fallback when it is missing or not a string. */
const char *pp_results_string(json_t *object, const char *key, const char *fallback);

#endif

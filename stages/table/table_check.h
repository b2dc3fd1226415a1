/* table_check.h: before any table is built, results.json is checked for
 * the shape the tables read (so a damaged file is a plain message, never
 * a crash or a half-written table) and against the codebook it claims to
 * come from (the same items, kinds and segments, in the same order). */
#ifndef PREPOST_TABLE_CHECK_H
#define PREPOST_TABLE_CHECK_H

#include <jansson.h>

#include "codebook.h"
#include "diag.h"

/* PP_OK, or PP_ERR_RECORDS with diag naming the file and what is wrong. */
pp_error pp_table_check(json_t *results, const pp_codebook *cb, const char *name, pp_diag *diag);

#endif

/* init_scales.h: the answer scales `prepost init` recognises in an export
 * (excellent…poor, very good…very poor, agree…disagree, satisfied…,
 * successful…, yes/no), each worst to best with its top and bottom boxes,
 * and the answers it counts as missing (don't know, not applicable, …). */
#ifndef PREPOST_INIT_SCALES_H
#define PREPOST_INIT_SCALES_H

#include <stddef.h>

#include "strlist.h"

#define PP_KNOWN_MAX 7

typedef struct {
    const char *name;
    const char *levels[PP_KNOWN_MAX];   /* worst to best, NULL-terminated */
    const char *top;                    /* "A | B" */
    const char *bottom;
    const char *centre;                 /* NULL: the middle level */
} pp_known_scale;

/* The first known scale whose levels and the missing answers hold every
 * one of `values` (matched forgivingly), with at least two of its levels
 * among them; NULL when none does. */
const pp_known_scale *pp_init_scale_match(const pp_strings *values);

/* The same with one of its levels among them at least. */
const pp_known_scale *pp_init_scale_holding(const pp_strings *values);

/* 0-based rank of a missing answer (Don't know first), or -1. */
int pp_init_missing_rank(const char *value);
/* The missing answer of that rank, as the codebook should spell it. */
const char *pp_init_missing_label(int rank);
int pp_init_missing_count(void);

#endif

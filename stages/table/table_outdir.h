/* table_outdir.h: the output folder, published whole or not at all. Files
 * are written into a temporary folder beside DIR (DIR.tmp.XXXXXX); on
 * success it takes DIR's place in one step (an exchange of the two names
 * where the system has one, else two renames) and the old folder is
 * removed; on failure the temporary is removed and DIR is untouched.
 * Because DIR is replaced as a whole, it must hold nothing but tables
 * (.csv, .md, .tex files): anything else makes the run stop first. */
#ifndef PREPOST_TABLE_OUTDIR_H
#define PREPOST_TABLE_OUTDIR_H

#include <stdio.h>

#include "diag.h"

typedef struct {
    char *dir;          /* the target, without trailing slashes */
    char *tmp;          /* the temporary folder beside it */
    size_t files;       /* files written so far */
} pp_outdir;

/* 0, or -1 with diag (PP_ERR_WRITE) filled. */
int pp_outdir_begin(pp_outdir *o, const char *dir, pp_diag *diag);
/* A new file NAME in the temporary folder, or NULL with diag filled. */
FILE *pp_outdir_create(pp_outdir *o, const char *name, pp_diag *diag);
/* Flushes, syncs and closes f; 0, or -1 with diag when anything failed. */
int pp_outdir_close(pp_outdir *o, FILE *f, const char *name, pp_diag *diag);
/* Puts the temporary folder in DIR's place. 0, or -1 with diag. */
int pp_outdir_publish(pp_outdir *o, pp_diag *diag);
/* Removes the temporary folder if it is still there, and frees. */
void pp_outdir_abort(pp_outdir *o);

#endif

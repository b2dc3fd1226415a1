/* stat_file.h: a statistical file (SPSS .sav/.zsav, Stata .dta, SAS
 * .sas7bdat) held in memory and handed to ReadStat through its I/O
 * handlers, so ReadStat reads the buffer, never a path. The kind of file
 * is told by its first bytes, whatever it is called. */
#ifndef PREPOST_STAT_FILE_H
#define PREPOST_STAT_FILE_H

#include <readstat.h>
#include <stddef.h>

#include "codebook.h"
#include "diag.h"
#include "source.h"

typedef struct {
    char *data;
    size_t len;
    const char *name;       /* for messages (borrowed) */
} pp_stat_file;

/* Reads every (gunzipped) byte of src into f. ReadStat seeks back and
 * forth, so the file is held whole. 0, or -1 with diag filled. */
int pp_stat_file_load(pp_stat_file *f, pp_source *src, pp_diag *diag);
void pp_stat_file_free(pp_stat_file *f);

/* The layout (PP_LAYOUT_SPSS, _STATA or _SAS) the first len bytes of data
 * say it is, or -1 when they are none of these. */
int pp_stat_detect(const void *data, size_t len);

/* Runs parser over the buffer as the kind of file `layout` names; user is
 * passed to the handlers. Returns ReadStat's status. */
readstat_error_t pp_stat_file_parse(readstat_parser_t *parser, const pp_stat_file *f,
                                    pp_layout layout, void *user);

/* Reports ReadStat's failure to read f into diag: running out of memory
 * as such (exit 70), anything else as a file that is damaged or cut short
 * (at `line`, a case number, or 0). */
void pp_stat_parse_failed(pp_diag *diag, const pp_stat_file *f, pp_layout layout,
                          long line, readstat_error_t error);

/* A layout's kind of file in words: "an SPSS data file (.sav)". */
const char *pp_stat_kind_words(pp_layout layout);

#endif

/* init_profile.h: what `prepost init` learns about each column of an
 * export in one streaming pass: its names, the distinct answers (up to a
 * cap, with counts), how many answered, the longest answer, and for a
 * statistical file its value labels in code order and which of them are
 * user-missing. An answer spelt several ways that labels match as one
 * (label.h: case, spaces, curly quotes) is one answer; its spellings are
 * counted too. The layout is detected first: a statistical file by its
 * first bytes; a CSV export by its first three rows (Qualtrics: ImportId
 * row, ResponseId column, or, in older exports, a second row naming
 * ResponseID or ResponseSet under a V1-style column ID; SurveyMonkey:
 * Respondent ID and Collector ID columns; Google Forms: a Timestamp first
 * column or `Question [Row]` columns; otherwise plain). */
#ifndef PREPOST_INIT_PROFILE_H
#define PREPOST_INIT_PROFILE_H

#include <stddef.h>

#include "codebook.h"
#include "diag.h"
#include "strlist.h"

#define PP_INIT_DISTINCT_CAP 40
#define PP_INIT_PIECE_CAP 64

/* The pieces of a column's cells split at ";" and ",", for one cell
 * holding several choices (Google Forms joins them with ", ", Qualtrics
 * with ","). Each piece has a count and, when every occurrence of it is
 * followed (or preceded) by the same piece across ", ", that piece;
 * otherwise PP_INIT_PIECE_VARIES (a "," without a space or a ";" always
 * ends a choice). Kept for every column, streaming, up to a cap. */
#define PP_INIT_PIECE_UNSEEN (-1)
#define PP_INIT_PIECE_VARIES (-2)
typedef struct {
    pp_strings names;       /* distinct pieces, first spelling seen */
    long counts[PP_INIT_PIECE_CAP];
    int next[PP_INIT_PIECE_CAP];
    int prev[PP_INIT_PIECE_CAP];
    int overflow;           /* more distinct pieces than the cap */
    long split_cells;       /* cells of more than one piece */
} pp_init_pieces;

/* The other spellings of a column's answers (trimmed), with counts;
 * an answer's first spelling is counted as the rest of its count. */
#define PP_INIT_SPELLING_CAP 32
typedef struct {
    pp_strings texts;
    int value[PP_INIT_SPELLING_CAP];    /* index in the column's values */
    long counts[PP_INIT_SPELLING_CAP];
} pp_init_spellings;

#define PP_INIT_SAME_UNSEEN (-1)
#define PP_INIT_SAME_VARIES (-2)
#define PP_INIT_SAME_MAX_COLS 1000

typedef struct {
    char *name;             /* as ingest shows it (header.h) */
    char *text;             /* Qualtrics question text, variable label, or "" */
    int ambiguous;          /* another column has the same name: use #N */
    pp_strings values;      /* distinct answers, first spelling seen */
    long *counts;           /* per value */
    int overflow;           /* more distinct answers than the cap */
    long answered;          /* non-blank cells */
    size_t max_len;
    pp_init_pieces *pieces; /* NULL until a cell is seen */
    pp_init_spellings *spellings; /* NULL until an answer is spelt anew */
    int *same;              /* per column j: the index (in j's values) of
                             * j's answer in every row that answered this
                             * one, or PP_INIT_SAME_*; NULL past
                             * PP_INIT_SAME_MAX_COLS columns */
    pp_strings labels;      /* statistical file: value labels, code order */
    unsigned char *label_missing; /* per label: a user-missing value */
} pp_init_column;

typedef struct {
    pp_layout layout;
    pp_init_column *cols;
    size_t n_cols;
    long rows;              /* respondents */
} pp_init_profile;

/* The spelling of answer v of c to write: the commonest (trimmed), the
 * first seen of equally common ones. */
const char *pp_init_spelling(const pp_init_column *c, size_t v);
/* 1 if answer v of c was spelt more than one way. */
int pp_init_respelt(const pp_init_column *c, size_t v);

/* Reads the export at path. 0, or -1 with diag filled. */
int pp_init_profile_read(pp_init_profile *p, const char *path, pp_diag *diag);
void pp_init_profile_free(pp_init_profile *p);

#endif

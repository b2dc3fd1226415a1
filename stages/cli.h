/* cli.h: what every stage program shares: named exit statuses (sysexits),
 * --help/--version handling, opening inputs ("-" is stdin), and output
 * files that appear only whole (written beside the target, renamed into
 * place on success, removed on failure). */
#ifndef PREPOST_CLI_H
#define PREPOST_CLI_H

#include <stdio.h>

#include "codebook.h"
#include "diag.h"
#include "results_read.h"
#include "tally.h"

enum {
    EXIT_OK = 0,
    EXIT_USAGE = 64,
    EXIT_DATAERR = 65,
    EXIT_NOINPUT = 66,
    EXIT_SOFTWARE = 70,
    EXIT_CANTCREAT = 73,
    EXIT_IOERR = 74,
    EXIT_TEMPFAIL = 75
};

/* The program's name for messages (basename of argv[0]). */
void cli_set_program(const char *argv0);
const char *cli_program(void);

/* Prints "prog: message" and exits with status. */
void cli_die(int status, const char *fmt, ...)
    __attribute__((format(printf, 2, 3), noreturn));
/* Prints the diagnostic and exits with its error's status. */
void cli_die_diag(const pp_diag *diag) __attribute__((noreturn));
/* Prints "prog: message\nTry 'prog --help'." and exits 64. */
void cli_usage_error(const char *fmt, ...)
    __attribute__((format(printf, 1, 2), noreturn));
/* "prog (prepost) 0.1.0" */
void cli_print_version(FILE *out);

/* Opens an input file, or stdin for "-". On failure fills diag
 * (PP_ERR_MISSING, naming the file) and returns NULL. */
FILE *cli_open_input(const char *path, pp_diag *diag);
/* The same for a file named by path only ("-" is a file named "-"): what
 * `prepost run` and prepost-init use, so that a folder given as a file is
 * named as one (PP_ERR_MISSING, exit 66) wherever it is given. */
FILE *cli_open_file(const char *path, pp_diag *diag);
void cli_close_input(FILE *f);
/* How messages name an input: "standard input" for "-", else its path. */
const char *cli_input_name(const char *path);

/* Loaders for the files stages share: each opens the path ("-" is stdin
 * where it makes sense), reads it, closes it, and fills diag on failure. */
pp_codebook *cli_load_codebook(const char *path, pp_diag *diag);
/* Adds the tally file's counts to t. 0, or -1. */
int cli_load_tally(pp_tally *t, const char *path, pp_diag *diag);
/* results.json, checked as pp_results_load does; NULL on failure. */
json_t *cli_load_results(const char *path, pp_diag *diag);

/* The end of a stage's main: when `ok`, returns 0; otherwise prints the
 * diagnostic (or, if none was recorded, that `what` stopped without a
 * reason) and returns its exit status. */
int cli_finish(int ok, pp_diag *diag, const char *what);

/* An output file that is published only by cli_output_commit. For "-" it is
 * stdout, and for a device or fifo that file itself, written through. */
typedef struct {
    char *path;         /* target, NULL for stdout */
    char *tmp_path;     /* the temporary beside it */
    FILE *file;
    int direct;         /* a special file (/dev/null, a fifo) written in place */
} cli_output;

/* 0, or -1 with diag (PP_ERR_WRITE) filled. */
int cli_output_open(cli_output *out, const char *path, pp_diag *diag);
/* Flushes, syncs and renames into place. 0, or -1 with diag filled (and
 * the temporary removed). */
int cli_output_commit(cli_output *out, pp_diag *diag);
/* Removes the temporary; safe to call after commit or on an unopened one. */
void cli_output_abort(cli_output *out);

#endif

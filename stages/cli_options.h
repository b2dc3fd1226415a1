/* cli_options.h: reading a stage's command line. Every stage has
 * -o/--output, -q/--quiet, -h/--help and -V/--version; a stage adds its
 * own options, and checks the names after them, itself. */
#ifndef PREPOST_CLI_OPTIONS_H
#define PREPOST_CLI_OPTIONS_H

#include <getopt.h>
#include <stdio.h>

/* What the common options set. */
typedef struct {
    const char *output;     /* -o: holds the stage's default before parsing */
    int quiet;              /* -q: no summary line */
} cli_common;

/* Called with each of a stage's own options and its value (NULL for one
 * that takes none). */
typedef void cli_option_fn(int option, const char *value, void *stage);

/* Reads the options: the common ones into *common, the stage's own
 * (`shorts` as getopt spells them, e.g. "u:"; `longs` their long names,
 * ended by a zeroed entry; both NULL for none) through own(option, value,
 * stage). --help prints help(stdout) and exits 0, --version the version;
 * an unknown option or a missing value exits 64. Returns the index in argv
 * of the first name after the options. */
int cli_parse_options(int argc, char **argv, cli_common *common, void (*help)(FILE *out),
                      const char *shorts, const struct option *longs,
                      cli_option_fn *own, void *stage);

#endif

/* main.c: the `prepost` command. `prepost run` is the driver (run.c);
 * every other command is a stage, run as the program prepost-<stage>
 * installed beside this one, with the same arguments:
 *   prepost ingest survey.ini   is   prepost-ingest survey.ini */
#include <errno.h>
#include <libgen.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <sysexits.h>
#include <unistd.h>

#include "run.h"

static const char *const stages[] = {"ingest", "pair", "tally", "merge", "stats",
                                     "plot", "table", "report", "init", NULL};

static void print_help(FILE *out)
{
    fprintf(out,
        "Usage: prepost COMMAND [ARGS...]\n"
        "\n"
        "Turns before-and-after survey exports into the figures an impact\n"
        "evaluation reports: shifts in ratings with the right tests, charts,\n"
        "tables and a dashboard.\n"
        "\n"
        "Commands:\n"
        "  init     an export (or a panel's two) to a draft codebook, to check and\n"
        "           edit into survey.ini\n"
        "  run      the whole chain, for cron and nightly batches (prepost run --help)\n"
        "  ingest   an export to records, bad rows to rejects.csv\n"
        "  pair     join the two waves of a panel on the respondent id\n"
        "  tally    count records per item, segment and answer\n"
        "  merge    add tallies together\n"
        "  stats    a tally to results.json\n"
        "  plot     results.json to charts\n"
        "  table    results.json to CSV, Markdown and LaTeX tables\n"
        "  report   results.json to the dashboard, index.html\n"
        "\n"
        "Each stage is also its own program, prepost-STAGE, with --help.\n"
        "\n"
        "Example:\n"
        "  prepost init -o survey.ini export.csv\n"
        "  prepost run survey.ini -o out/\n");
}

/* The directory this program is in (stages live beside it). */
static int own_directory(char *buf, size_t cap)
{
    char self[PATH_MAX];
    ssize_t len = readlink("/proc/self/exe", self, sizeof self - 1);
    if (len <= 0)
        return -1;
    self[len] = '\0';
    return snprintf(buf, cap, "%s", dirname(self)) < (int)cap ? 0 : -1;
}

int main(int argc, char **argv)
{
    if (argc < 2 || strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
        print_help(argc < 2 ? stderr : stdout);
        return argc < 2 ? EX_USAGE : EX_OK;
    }
    if (strcmp(argv[1], "--version") == 0 || strcmp(argv[1], "-V") == 0) {
        printf("prepost %s\n", PREPOST_VERSION);
        return EX_OK;
    }
    char dir[PATH_MAX];
    if (own_directory(dir, sizeof dir) != 0) {
        fprintf(stderr, "prepost: cannot find where prepost is installed\n");
        return EX_SOFTWARE;
    }
    if (strcmp(argv[1], "run") == 0)
        return pp_run_main(argc - 1, argv + 1, dir);
    for (const char *const *s = stages; *s; s++) {
        if (strcmp(argv[1], *s) != 0)
            continue;
        char program[PATH_MAX + 32];
        snprintf(program, sizeof program, "%s/prepost-%s", dir, *s);
        argv[1] = program;
        execv(program, argv + 1);
        fprintf(stderr, "prepost: cannot run %s: %s\n", program, strerror(errno));
        return EX_SOFTWARE;
    }
    fprintf(stderr, "prepost: '%s' is not a prepost command\nTry 'prepost --help'.\n", argv[1]);
    return EX_USAGE;
}

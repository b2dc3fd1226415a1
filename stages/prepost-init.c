/* prepost-init: the command line of init. Reads any export prepost can
 * ingest and writes a commented draft codebook for it (pipeline/
 * init_profile.h reads it, init_draft.h writes the draft); this file only
 * reads the command line, opens the files and reports. */
#include <libgen.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "cli_options.h"
#include "init_draft.h"
#include "init_profile.h"

typedef struct {
    cli_common common;          /* -o ("-" = standard output), -q */
    const char *export_path;
} init_options;

static void print_help(FILE *out)
{
    fprintf(out,
        "Usage: %s [-o SURVEY.ini] [-q] EXPORT\n"
        "\n"
        "Reads a survey export once and writes a draft codebook for it: the\n"
        "layout (plain, SurveyMonkey, Qualtrics, Google Forms, or an SPSS, Stata\n"
        "or SAS file), the respondent id, the answer scales it recognises, before\n"
        "and after questions paired, segments, tick-all-that-apply groups and\n"
        "free-text columns. Lines marked \"check:\" are guesses to read through.\n"
        "\n"
        "Options:\n"
        "  -o, --output=FILE   write the codebook to FILE (default: standard output)\n"
        "  -q, --quiet         do not print the summary line\n"
        "  -h, --help          show this help and exit\n"
        "  -V, --version       show the version and exit\n"
        "\n"
        "Example:\n"
        "  %s -o survey.ini export.csv && prepost run survey.ini -o out/\n"
        "\n"
        "Exit status: 0 done, 64 wrong command line, 65 the export cannot be read\n"
        "as any layout, 66 the export cannot be opened, 70 internal error, 73 the\n"
        "codebook cannot be written.\n",
        cli_program(), cli_program());
}

static void parse_options(int argc, char **argv, init_options *opt)
{
    memset(opt, 0, sizeof *opt);
    opt->common.output = "-";
    int first = cli_parse_options(argc, argv, &opt->common, print_help,
                                  NULL, NULL, NULL, NULL);
    if (argc - first != 1)
        cli_usage_error("expected one export, got %d names", argc - first);
    opt->export_path = argv[first];
}

/* `export =` as the codebook should say it: the file's name when the
 * codebook goes beside it, its full path otherwise. */
static void export_ref(const init_options *opt, char *buf, size_t cap)
{
    char export_dir[PATH_MAX], output_dir[PATH_MAX], a[PATH_MAX], b[PATH_MAX];
    snprintf(a, sizeof a, "%s", opt->export_path);
    snprintf(b, sizeof b, "%s", opt->common.output);
    int beside = strcmp(opt->common.output, "-") != 0
                 && realpath(dirname(a), export_dir) && realpath(dirname(b), output_dir)
                 && strcmp(export_dir, output_dir) == 0;
    snprintf(a, sizeof a, "%s", opt->export_path);
    if (beside)
        snprintf(buf, cap, "%s", basename(a));
    else if (realpath(opt->export_path, export_dir) != NULL)
        snprintf(buf, cap, "%s", export_dir);
    else
        snprintf(buf, cap, "%s", opt->export_path);
}

/* The survey's title: the export's name without its extensions. */
static void title_of(const char *path, char *buf, size_t cap)
{
    char copy[PATH_MAX];
    snprintf(copy, sizeof copy, "%s", path);
    snprintf(buf, cap, "%s", basename(copy));
    char *dot = strchr(buf, '.');
    if (dot != NULL && dot != buf)
        *dot = '\0';
}

int main(int argc, char **argv)
{
    init_options opt;
    pp_diag diag;
    cli_output out = {0};
    pp_init_profile profile = {0};
    char ref[PATH_MAX], title[256];
    int status = EXIT_SOFTWARE;

    cli_set_program(argv[0]);
    parse_options(argc, argv, &opt);
    pp_diag_clear(&diag);

    if (pp_init_profile_read(&profile, opt.export_path, &diag) != 0)
        goto cleanup;
    export_ref(&opt, ref, sizeof ref);
    title_of(opt.export_path, title, sizeof title);
    if (cli_output_open(&out, opt.common.output, &diag) != 0)
        goto cleanup;
    if (pp_init_draft_write(&profile, ref, title, out.file) != 0) {
        pp_diag_set(&diag, PP_ERR_WRITE, opt.common.output, 0, "could not write the codebook");
        goto cleanup;
    }
    if (cli_output_commit(&out, &diag) != 0)
        goto cleanup;
    if (!opt.common.quiet)
        fprintf(stderr, "%s: %s layout, %zu columns, %ld respondents\n", cli_program(),
                pp_layout_name(profile.layout), profile.n_cols, profile.rows);
    status = EXIT_OK;

cleanup:
    status = cli_finish(status == EXIT_OK, &diag, "the draft codebook");
    cli_output_abort(&out);
    pp_init_profile_free(&profile);
    return status;
}

/* prepost-init: the command line of init. Reads any export prepost can
 * ingest, or the two exports of a two-wave panel, and writes a commented
 * draft codebook for it (pipeline/init_profile.h reads an export,
 * init_draft.h and init_panel.h write the draft); this file only reads the
 * command line, opens the files and reports. */
#include <libgen.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "cli_options.h"
#include "init_draft.h"
#include "init_panel.h"
#include "init_profile.h"

typedef struct {
    cli_common common;          /* -o ("-" = standard output), -q */
    const char *exports[2];     /* one export, or a panel's before and after */
    int n_exports;
} init_options;

static void print_help(FILE *out)
{
    fprintf(out,
        "Usage: %s [-o SURVEY.ini] [-q] EXPORT\n"
        "       %s [-o SURVEY.ini] [-q] BEFORE AFTER\n"
        "\n"
        "Reads a survey export once and writes a draft codebook for it: the\n"
        "layout (plain, SurveyMonkey, Qualtrics, Google Forms, or an SPSS, Stata\n"
        "or SAS file), the respondent id, the answer scales it recognises, before\n"
        "and after questions paired, segments, tick-all-that-apply groups and\n"
        "free-text columns. Lines marked \"check:\" are guesses to read through.\n"
        "Given the two exports of a two-wave panel, the draft is a panel codebook:\n"
        "both exports, the id column that joins them, a question asked in both\n"
        "waves paired (by its column name, or by the thing it asks about), and\n"
        "anything asked in one wave only marked with its wave.\n"
        "\n"
        "Options:\n"
        "  -o, --output=FILE   write the codebook to FILE (default: standard output)\n"
        "  -q, --quiet         do not print the summary line\n"
        "  -h, --help          show this help and exit\n"
        "  -V, --version       show the version and exit\n"
        "\n"
        "Examples:\n"
        "  %s -o survey.ini export.csv && prepost run survey.ini -o out/\n"
        "  %s -o panel.ini before.csv after.csv\n"
        "\n"
        "Exit status: 0 done, 64 wrong command line, 65 the export cannot be read\n"
        "as any layout or is not UTF-8 text, 66 the export cannot be opened, 70\n"
        "internal error, 73 the codebook cannot be written.\n",
        cli_program(), cli_program(), cli_program(), cli_program());
}

static void parse_options(int argc, char **argv, init_options *opt)
{
    memset(opt, 0, sizeof *opt);
    opt->common.output = "-";
    int first = cli_parse_options(argc, argv, &opt->common, print_help,
                                  NULL, NULL, NULL, NULL);
    opt->n_exports = argc - first;
    if (opt->n_exports != 1 && opt->n_exports != 2)
        cli_usage_error("expected one export, or a panel's before and after exports; got "
                        "%d names", opt->n_exports);
    for (int i = 0; i < opt->n_exports; i++)
        opt->exports[i] = argv[first + i];
}

/* `export =` as the codebook should say it: the file's name when the
 * codebook goes beside it, its full path otherwise. */
static void export_ref(const init_options *opt, const char *path, char *buf, size_t cap)
{
    char export_dir[PATH_MAX], output_dir[PATH_MAX], a[PATH_MAX], b[PATH_MAX];
    snprintf(a, sizeof a, "%s", path);
    snprintf(b, sizeof b, "%s", opt->common.output);
    int beside = strcmp(opt->common.output, "-") != 0
                 && realpath(dirname(a), export_dir) && realpath(dirname(b), output_dir)
                 && strcmp(export_dir, output_dir) == 0;
    snprintf(a, sizeof a, "%s", path);
    if (beside)
        snprintf(buf, cap, "%s", basename(a));
    else if (realpath(path, export_dir) != NULL)
        snprintf(buf, cap, "%s", export_dir);
    else
        snprintf(buf, cap, "%s", path);
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

/* Writes the draft of one export, or of a panel's two: 0, or what the
 * draft writers return (init_draft.h). */
static int write_draft(const init_options *opt, const pp_init_profile *profiles, FILE *out)
{
    char refs[2][PATH_MAX], title[256];
    for (int i = 0; i < opt->n_exports; i++)
        export_ref(opt, opt->exports[i], refs[i], sizeof refs[i]);
    title_of(opt->exports[0], title, sizeof title);
    if (opt->n_exports == 1)
        return pp_init_draft_write(&profiles[0], refs[0], title, out);
    return pp_init_panel_write(&profiles[0], &profiles[1], refs[0], refs[1], title, out);
}

static void print_summary(const init_options *opt, const pp_init_profile *profiles)
{
    for (int i = 0; i < opt->n_exports; i++)
        fprintf(stderr, "%s: %s%s layout, %zu column%s, %ld respondent%s\n", cli_program(),
                opt->n_exports == 1 ? "" : i == 0 ? "before: " : "after: ",
                pp_layout_name(profiles[i].layout), profiles[i].n_cols,
                profiles[i].n_cols == 1 ? "" : "s", profiles[i].rows,
                profiles[i].rows == 1 ? "" : "s");
}

/* An export that cannot be opened, or is a folder, is named as the stages
 * name it (exit 66) before it is read. 0, or -1 with diag filled. */
static int check_openable(const char *path, pp_diag *diag)
{
    FILE *f = cli_open_file(path, diag);
    if (f == NULL)
        return -1;
    fclose(f);
    return 0;
}

int main(int argc, char **argv)
{
    init_options opt;
    pp_diag diag;
    cli_output out = {0};
    pp_init_profile profiles[2] = {{0}, {0}};
    int status = EXIT_SOFTWARE;

    cli_set_program(argv[0]);
    parse_options(argc, argv, &opt);
    pp_diag_clear(&diag);

    for (int i = 0; i < opt.n_exports; i++)
        if (check_openable(opt.exports[i], &diag) != 0
            || pp_init_profile_read(&profiles[i], opt.exports[i], &diag) != 0)
            goto cleanup;
    if (cli_output_open(&out, opt.common.output, &diag) != 0)
        goto cleanup;
    int written = write_draft(&opt, profiles, out.file);
    if (written == PP_INIT_NO_MEMORY) {
        pp_diag_set(&diag, PP_ERR_NOMEM, NULL, 0, NULL);
        goto cleanup;
    }
    if (written != 0) {
        pp_diag_set(&diag, PP_ERR_WRITE, opt.common.output, 0, "could not write the codebook");
        goto cleanup;
    }
    if (cli_output_commit(&out, &diag) != 0)
        goto cleanup;
    if (!opt.common.quiet)
        print_summary(&opt, profiles);
    status = EXIT_OK;

cleanup:
    status = cli_finish(status == EXIT_OK, &diag, "the draft codebook");
    cli_output_abort(&out);
    pp_init_profile_free(&profiles[0]);
    pp_init_profile_free(&profiles[1]);
    return status;
}

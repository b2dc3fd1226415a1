/* prepost-stats: the command line of the stats stage. Reads a tally and
 * its codebook and writes results.json (stages/stats/results.c); this file
 * only reads the command line, opens the files and reports. */
#include <gsl/gsl_errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "cli_options.h"
#include "codebook.h"
#include "results.h"
#include "source.h"
#include "tally.h"
#include "tally_view.h"

typedef struct {
    cli_common common;          /* -o ("-" = standard output), -q */
    const char *codebook_path;
    const char *tally_path;     /* "-" = standard input */
} stats_options;

static void print_help(FILE *out)
{
    fprintf(out,
        "Usage: %s [-o RESULTS.json] [-q] SURVEY.ini [TALLY]\n"
        "\n"
        "Computes every statistic of the survey from its tally: shares with\n"
        "confidence intervals, before/after shifts with their tests, comparisons\n"
        "between segments, and Holm-adjusted p-values across the whole report.\n"
        "TALLY comes from prepost-tally or prepost-merge with the same codebook;\n"
        "without it, or with '-', it is read from standard input. The same tally\n"
        "and codebook (with its seed) always give the same bytes.\n"
        "\n"
        "Options:\n"
        "  -o, --output=FILE   write the results to FILE (default: standard output)\n"
        "  -q, --quiet         do not print the summary line\n"
        "  -h, --help          show this help and exit\n"
        "  -V, --version       show the version and exit\n"
        "\n"
        "Example:\n"
        "  %s -o results.json survey.ini survey.tally\n"
        "\n"
        "Exit status: 0 done, 64 wrong command line, 65 the codebook or the tally\n"
        "is damaged or they do not belong together, 66 an input cannot be opened,\n"
        "70 internal error, 73 the output cannot be written.\n",
        cli_program(), cli_program());
}

static void parse_options(int argc, char **argv, stats_options *opt)
{
    memset(opt, 0, sizeof *opt);
    opt->common.output = "-";
    opt->tally_path = "-";
    int first = cli_parse_options(argc, argv, &opt->common, print_help,
                                  NULL, NULL, NULL, NULL);
    int left = argc - first;
    if (left < 1 || left > 2)
        cli_usage_error("expected SURVEY.ini and at most one tally file, got %d names", left);
    opt->codebook_path = argv[first];
    if (left == 2)
        opt->tally_path = argv[first + 1];
}

/* The output being written, for on_gsl_error. */
static const cli_output *pending_output;

/* GSL's own handler aborts on any error. Running out of memory inside GSL
 * cannot be recovered from (its routines use what they allocate without a
 * check), but it is no bug: say so, drop the half-written output and exit
 * 70 like any other out-of-memory. Other GSL errors still abort. It may run
 * on a worker thread, hence only unlink and _exit. */
static void on_gsl_error(const char *reason, const char *file, int line, int gsl_errno)
{
    if (gsl_errno != GSL_ENOMEM) {
        fprintf(stderr, "gsl: %s:%d: ERROR: %s\n", file, line, reason);
        abort();
    }
    pp_diag diag;
    pp_diag_clear(&diag);
    pp_diag_set(&diag, PP_ERR_NOMEM, NULL, 0, "in GSL (%s)", reason);
    pp_diag_print(&diag, cli_program(), stderr);
    if (pending_output != NULL && pending_output->tmp_path != NULL)
        unlink(pending_output->tmp_path);
    _exit(EXIT_SOFTWARE);
}

int main(int argc, char **argv)
{
    stats_options opt;
    pp_diag diag;
    cli_output out = {0};
    pp_codebook *cb = NULL;
    pp_tally *tally = NULL;
    pp_tally_view view = {0};
    int status = EXIT_SOFTWARE;

    cli_set_program(argv[0]);
    parse_options(argc, argv, &opt);
    pp_diag_clear(&diag);
    pending_output = &out;
    gsl_set_error_handler(on_gsl_error);

    if ((cb = cli_load_codebook(opt.codebook_path, &diag)) == NULL)
        goto cleanup;
    if ((tally = pp_tally_new()) == NULL) {
        pp_diag_set(&diag, PP_ERR_NOMEM, NULL, 0, NULL);
        goto cleanup;
    }
    if (cli_load_tally(tally, opt.tally_path, &diag) != 0)
        goto cleanup;
    if (pp_tally_view_build(&view, cb, tally, opt.tally_path, &diag) != PP_OK)
        goto cleanup;
    if (cli_output_open(&out, opt.common.output, &diag) != 0)
        goto cleanup;
    if (pp_results_write(&view, out.file, &diag) != PP_OK)
        goto cleanup;
    if (cli_output_commit(&out, &diag) != 0)
        goto cleanup;
    if (!opt.common.quiet)
        fprintf(stderr, "%s: %zu items, %zu segment levels\n", cli_program(),
                cb->n_items, view.n_slots - 1);
    status = EXIT_OK;

cleanup:
    status = cli_finish(status == EXIT_OK, &diag, "the statistics");
    cli_output_abort(&out);
    if (view.items != NULL)
        pp_tally_view_free(&view);
    pp_tally_free(tally);
    pp_codebook_free(cb);
    return status;
}

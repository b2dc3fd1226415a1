/* prepost-tally: the command line of the tally stage. Counts a records
 * stream into a tally (pipeline/tally.h, tally_records.c); this file only
 * reads the command line, opens the files and reports. */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "cli_options.h"
#include "codebook.h"
#include "source.h"
#include "tally.h"

typedef struct {
    cli_common common;          /* -o ("-" = standard output), -q */
    const char *codebook_path;
    const char *records_path;   /* "-" = standard input */
} tally_options;

static void print_help(FILE *out)
{
    fprintf(out,
        "Usage: %s [-o TALLY] [-q] SURVEY.ini [RECORDS]\n"
        "\n"
        "Counts respondents' answers per item, per segment level and per pair\n"
        "of before and after answers. The tally holds everything the statistics\n"
        "need, so tallies of parts of an export can be merged (prepost-merge)\n"
        "and give the same results as the whole. RECORDS come from\n"
        "prepost-ingest (or prepost-pair) with the same codebook; without it, or\n"
        "with '-', they are read from standard input.\n"
        "\n"
        "Options:\n"
        "  -o, --output=TALLY   write the tally to TALLY (default: standard output)\n"
        "  -q, --quiet          do not print the summary line\n"
        "  -h, --help           show this help and exit\n"
        "  -V, --version        show the version and exit\n"
        "\n"
        "Example:\n"
        "  prepost-ingest survey.ini | %s -o survey.tally survey.ini\n"
        "\n"
        "Exit status: 0 done, 64 wrong command line, 65 the codebook or the\n"
        "records are damaged, 66 an input cannot be opened, 70 internal error,\n"
        "73 the output cannot be written.\n",
        cli_program(), cli_program());
}

static void parse_options(int argc, char **argv, tally_options *opt)
{
    memset(opt, 0, sizeof *opt);
    opt->common.output = "-";
    opt->records_path = "-";
    int first = cli_parse_options(argc, argv, &opt->common, print_help,
                                  NULL, NULL, NULL, NULL);
    int left = argc - first;
    if (left < 1 || left > 2)
        cli_usage_error("expected SURVEY.ini and at most one records file, got %d names", left);
    opt->codebook_path = argv[first];
    if (left == 2)
        opt->records_path = argv[first + 1];
}

int main(int argc, char **argv)
{
    tally_options opt;
    pp_diag diag;
    cli_output out = {0};
    FILE *records_file = NULL;
    pp_codebook *cb = NULL;
    pp_source *records = NULL;
    pp_tally *tally = NULL;
    long respondents = 0;
    int status = EXIT_SOFTWARE;

    cli_set_program(argv[0]);
    parse_options(argc, argv, &opt);
    pp_diag_clear(&diag);

    if ((cb = cli_load_codebook(opt.codebook_path, &diag)) == NULL)
        goto cleanup;
    if ((records_file = cli_open_input(opt.records_path, &diag)) == NULL)
        goto cleanup;
    records = pp_source_from_file(records_file, cli_input_name(opt.records_path));
    tally = pp_tally_new();
    if (records == NULL || tally == NULL) {
        pp_diag_set(&diag, PP_ERR_NOMEM, NULL, 0, NULL);
        goto cleanup;
    }
    if (pp_tally_records(tally, cb, records, &respondents, &diag) != PP_OK)
        goto cleanup;
    if (cli_output_open(&out, opt.common.output, &diag) != 0)
        goto cleanup;
    if (pp_tally_write(tally, out.file) != 0) {
        pp_diag_set(&diag, PP_ERR_WRITE, opt.common.output, 0, "the tally could not be written");
        goto cleanup;
    }
    if (cli_output_commit(&out, &diag) != 0)
        goto cleanup;
    if (!opt.common.quiet)
        fprintf(stderr, "%s: %ld respondents counted\n", cli_program(), respondents);
    status = EXIT_OK;

cleanup:
    status = cli_finish(status == EXIT_OK, &diag, "the tally");
    cli_output_abort(&out);
    pp_tally_free(tally);
    if (records != NULL)
        pp_source_free(records);
    pp_codebook_free(cb);
    cli_close_input(records_file);
    return status;
}

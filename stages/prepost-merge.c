/* prepost-merge: the command line of the merge stage. Sums any number of
 * tallies into one (pipeline/tally.c). Merging is associative and
 * commutative: the output is the same bytes whatever the order or grouping
 * of the inputs. */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "cli_options.h"
#include "source.h"
#include "tally.h"

typedef struct {
    cli_common common;          /* -o ("-" = standard output), -q */
    char **inputs;              /* tally files, "-" = standard input */
    int n_inputs;
} merge_options;

static void print_help(FILE *out)
{
    fprintf(out,
        "Usage: %s [-o TALLY] [-q] TALLY...\n"
        "\n"
        "Adds tallies together: the tallies of the parts of an export (made on\n"
        "one machine or many) merge into the tally of the whole, byte for byte.\n"
        "One input may be '-' for standard input.\n"
        "\n"
        "Options:\n"
        "  -o, --output=TALLY   write the merged tally to TALLY (default: standard\n"
        "                       output)\n"
        "  -q, --quiet          do not print the summary line\n"
        "  -h, --help           show this help and exit\n"
        "  -V, --version        show the version and exit\n"
        "\n"
        "Example:\n"
        "  %s -o all.tally part1.tally part2.tally part3.tally\n"
        "\n"
        "Exit status: 0 done, 64 wrong command line, 65 a tally is damaged,\n"
        "66 an input cannot be opened, 70 internal error, 73 the output cannot\n"
        "be written.\n",
        cli_program(), cli_program());
}

static void parse_options(int argc, char **argv, merge_options *opt)
{
    memset(opt, 0, sizeof *opt);
    opt->common.output = "-";
    int first = cli_parse_options(argc, argv, &opt->common, print_help,
                                  NULL, NULL, NULL, NULL);
    opt->inputs = argv + first;
    opt->n_inputs = argc - first;
    if (opt->n_inputs < 1)
        cli_usage_error("expected at least one tally file");
    int stdin_uses = 0;
    for (int i = 0; i < opt->n_inputs; i++)
        stdin_uses += strcmp(opt->inputs[i], "-") == 0;
    if (stdin_uses > 1)
        cli_usage_error("standard input ('-') can be read only once");
}

int main(int argc, char **argv)
{
    merge_options opt;
    pp_diag diag;
    cli_output out = {0};
    pp_tally *sum = NULL;
    int status = EXIT_SOFTWARE;

    cli_set_program(argv[0]);
    parse_options(argc, argv, &opt);
    pp_diag_clear(&diag);

    if ((sum = pp_tally_new()) == NULL) {
        pp_diag_set(&diag, PP_ERR_NOMEM, NULL, 0, NULL);
        goto cleanup;
    }
    for (int i = 0; i < opt.n_inputs; i++)
        if (cli_load_tally(sum, opt.inputs[i], &diag) != 0)
            goto cleanup;
    if (cli_output_open(&out, opt.common.output, &diag) != 0)
        goto cleanup;
    if (pp_tally_write(sum, out.file) != 0) {
        pp_diag_set(&diag, PP_ERR_WRITE, opt.common.output, 0, "the tally could not be written");
        goto cleanup;
    }
    if (cli_output_commit(&out, &diag) != 0)
        goto cleanup;
    if (!opt.common.quiet)
        fprintf(stderr, "%s: %d tallies merged\n", cli_program(), opt.n_inputs);
    status = EXIT_OK;

cleanup:
    status = cli_finish(status == EXIT_OK, &diag, "the merge");
    cli_output_abort(&out);
    pp_tally_free(sum);
    return status;
}

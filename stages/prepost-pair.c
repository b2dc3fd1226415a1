/* prepost-pair: the command line of the pair stage. Joins the records of a
 * two-wave panel's before and after exports on the respondent id (the
 * work is done by pp_pair, pipeline/pair.c); this file only reads the
 * command line, opens the files and reports. */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "cli_options.h"
#include "pair.h"
#include "source.h"

typedef struct {
    cli_common common;              /* -o ("-" = standard output), -q */
    const char *unmatched_path;     /* -u, NULL = no list */
    const char *before_path;
    const char *after_path;
} pair_options;

static void print_help(FILE *out)
{
    fprintf(out,
        "Usage: %s [-o OUT] [-u UNMATCHED.csv] [-q] BEFORE.records AFTER.records\n"
        "\n"
        "Joins the records of a two-wave panel on the respondent ID: the before\n"
        "wave's and the after wave's answers of one respondent become one record.\n"
        "Respondents found in one wave only are kept (marked 'before' or 'after')\n"
        "and can be listed, so nobody is dropped. Both files come from\n"
        "prepost-ingest with the same codebook. Either file may be '-' for\n"
        "standard input (not both).\n"
        "\n"
        "Options:\n"
        "  -o, --output=OUT        write the paired records to OUT (default:\n"
        "                          standard output)\n"
        "  -u, --unmatched=FILE    list respondents found in one wave only, as\n"
        "                          CSV with the columns id,wave,row\n"
        "  -q, --quiet             do not print the summary line\n"
        "  -h, --help              show this help and exit\n"
        "  -V, --version           show the version and exit\n"
        "\n"
        "Example:\n"
        "  %s -o panel.records -u unmatched.csv before.records after.records\n"
        "\n"
        "Exit status: 0 done, 64 wrong command line, 65 a records file is damaged\n"
        "or the two waves do not match, 66 an input file cannot be opened,\n"
        "70 internal error, 73 an output cannot be written, 74 an input cannot\n"
        "be read.\n",
        cli_program(), cli_program());
}

/* -u, the one option of pair's own. */
static void own_option(int option, const char *value, void *stage)
{
    (void)option;
    ((pair_options *)stage)->unmatched_path = value;
}

static void parse_options(int argc, char **argv, pair_options *opt)
{
    static const struct option own[] = {
        {"unmatched", required_argument, NULL, 'u'},
        {NULL, 0, NULL, 0},
    };
    memset(opt, 0, sizeof *opt);
    opt->common.output = "-";
    int first = cli_parse_options(argc, argv, &opt->common, print_help,
                                  "u:", own, own_option, opt);
    if (argc - first != 2)
        cli_usage_error("expected two records files, BEFORE and AFTER, got %d",
                        argc - first);
    opt->before_path = argv[first];
    opt->after_path = argv[first + 1];
    if (strcmp(opt->before_path, "-") == 0 && strcmp(opt->after_path, "-") == 0)
        cli_usage_error("only one of BEFORE and AFTER can be '-' (standard input)");
    if (opt->unmatched_path && strcmp(opt->unmatched_path, "-") == 0
        && strcmp(opt->common.output, "-") == 0)
        cli_usage_error("-u - and the records would both go to standard output; "
                        "give -o a file");
}

int main(int argc, char **argv)
{
    pair_options opt;
    pp_diag diag;
    pp_pair_summary summary;
    cli_output out = {0}, unmatched = {0};
    FILE *before_file = NULL, *after_file = NULL;
    pp_source *before = NULL, *after = NULL;
    int status = EXIT_SOFTWARE;

    cli_set_program(argv[0]);
    parse_options(argc, argv, &opt);
    pp_diag_clear(&diag);

    before_file = cli_open_input(opt.before_path, &diag);
    if (before_file != NULL)
        after_file = cli_open_input(opt.after_path, &diag);
    if (after_file == NULL)
        goto cleanup;
    before = pp_source_from_file(before_file, cli_input_name(opt.before_path));
    after = pp_source_from_file(after_file, cli_input_name(opt.after_path));
    if (before == NULL || after == NULL) {
        pp_diag_set(&diag, PP_ERR_NOMEM, NULL, 0, NULL);
        goto cleanup;
    }
    if (cli_output_open(&out, opt.common.output, &diag) != 0)
        goto cleanup;
    if (opt.unmatched_path && cli_output_open(&unmatched, opt.unmatched_path, &diag) != 0)
        goto cleanup;
    if (pp_pair(before, after, out.file, unmatched.file, &summary, &diag) != PP_OK)
        goto cleanup;
    if (cli_output_commit(&out, &diag) != 0)
        goto cleanup;
    if (opt.unmatched_path && cli_output_commit(&unmatched, &diag) != 0)
        goto cleanup;
    if (!opt.common.quiet) {         /* named, as every stage's summary line is */
        fprintf(stderr, "%s: ", cli_program());
        pp_pair_summary_print(&summary, stderr);
    }
    status = EXIT_OK;

cleanup:
    status = cli_finish(status == EXIT_OK, &diag, "the pairing");
    cli_output_abort(&out);
    cli_output_abort(&unmatched);
    if (before != NULL)
        pp_source_free(before);
    if (after != NULL)
        pp_source_free(after);
    cli_close_input(before_file);
    cli_close_input(after_file);
    return status;
}

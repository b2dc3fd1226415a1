/* prepost-pair: the command line of the pair stage. Joins the records of a
 * two-wave panel's before and after exports on the respondent id (the
 * work is done by pp_pair, pipeline/pair.c); this file only reads the
 * command line, opens the files and reports. */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "pair.h"
#include "source.h"

typedef struct {
    const char *out_path;           /* -o, "-" = standard output */
    const char *unmatched_path;     /* -u, NULL = no list */
    int quiet;                      /* -q */
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

static void parse_options(int argc, char **argv, pair_options *opt)
{
    static const struct option long_options[] = {
        {"output", required_argument, NULL, 'o'},
        {"unmatched", required_argument, NULL, 'u'},
        {"quiet", no_argument, NULL, 'q'},
        {"help", no_argument, NULL, 'h'},
        {"version", no_argument, NULL, 'V'},
        {NULL, 0, NULL, 0},
    };
    memset(opt, 0, sizeof *opt);
    opt->out_path = "-";
    int c;
    opterr = 0;                     /* our own message below says what to do */
    while ((c = getopt_long(argc, argv, "o:u:qhV", long_options, NULL)) != -1) {
        switch (c) {
        case 'o': opt->out_path = optarg; break;
        case 'u': opt->unmatched_path = optarg; break;
        case 'q': opt->quiet = 1; break;
        case 'h': print_help(stdout); exit(EXIT_OK);
        case 'V': cli_print_version(stdout); exit(EXIT_OK);
        default:  cli_usage_error("unknown option, or an option without its value: %s",
                                  argv[optind - 1]);
        }
    }
    if (argc - optind != 2)
        cli_usage_error("expected two records files, BEFORE and AFTER, got %d",
                        argc - optind);
    opt->before_path = argv[optind];
    opt->after_path = argv[optind + 1];
    if (strcmp(opt->before_path, "-") == 0 && strcmp(opt->after_path, "-") == 0)
        cli_usage_error("only one of BEFORE and AFTER can be '-' (standard input)");
    if (opt->unmatched_path && strcmp(opt->unmatched_path, "-") == 0
        && strcmp(opt->out_path, "-") == 0)
        cli_usage_error("-u - and the records would both go to standard output; "
                        "give -o a file");
}

static const char *display_name(const char *path)
{
    return strcmp(path, "-") == 0 ? "standard input" : path;
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
    before = pp_source_from_file(before_file, display_name(opt.before_path));
    after = pp_source_from_file(after_file, display_name(opt.after_path));
    if (before == NULL || after == NULL) {
        pp_diag_set(&diag, PP_ERR_NOMEM, NULL, 0, NULL);
        goto cleanup;
    }
    if (cli_output_open(&out, opt.out_path, &diag) != 0)
        goto cleanup;
    if (opt.unmatched_path && cli_output_open(&unmatched, opt.unmatched_path, &diag) != 0)
        goto cleanup;
    if (pp_pair(before, after, out.file, unmatched.file, &summary, &diag) != PP_OK)
        goto cleanup;
    if (cli_output_commit(&out, &diag) != 0)
        goto cleanup;
    if (opt.unmatched_path && cli_output_commit(&unmatched, &diag) != 0)
        goto cleanup;
    if (!opt.quiet)
        pp_pair_summary_print(&summary, stderr);
    status = EXIT_OK;

cleanup:
    if (status != EXIT_OK) {
        if (diag.code == PP_OK)
            pp_diag_set(&diag, PP_ERR_INTERNAL, NULL, 0, "the pairing stopped without a reason");
        pp_diag_print(&diag, cli_program(), stderr);
        status = pp_error_exit_status(diag.code);
    }
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

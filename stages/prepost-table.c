/* prepost-table: the command line of the tables stage. Reads results.json
 * and its codebook and writes every table as CSV, Markdown and LaTeX into
 * one folder, published whole (stages/table/); this file only reads the
 * command line, opens the inputs and reports. */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "cli_options.h"
#include "codebook.h"
#include "results_read.h"
#include "table_check.h"
#include "table_files.h"
#include "table_outdir.h"

typedef struct {
    cli_common common;          /* -o: the folder, -q */
    const char *codebook_path;
    const char *results_path;   /* "-" = standard input */
} table_options;

static void print_help(FILE *out)
{
    fprintf(out,
        "Usage: %s [-o DIR] [-q] SURVEY.ini RESULTS.json\n"
        "\n"
        "Writes the survey's tables from RESULTS.json (made by prepost-stats with\n"
        "the same codebook; '-' reads it from standard input) into the folder DIR:\n"
        "  ITEM.csv, ITEM.md, ITEM.tex       one per rated or tick-all item, a block\n"
        "                                    per segment level\n"
        "  summary.csv, .md, .tex            the headline figures of every item\n"
        "  segment-NAME.csv, .md, .tex       respondents per level of each segment\n"
        "CSV is RFC 4180 with LF line ends and full precision; Markdown is GitHub\n"
        "pipe tables; LaTeX is a table fragment that needs \\usepackage{booktabs}.\n"
        "A base under the codebook's min_base is marked as too small to conclude from.\n"
        "DIR appears whole or not at all, and replaces an older DIR as a whole, so\n"
        "it must hold nothing but tables.\n"
        "\n"
        "Options:\n"
        "  -o, --output=DIR    write the tables into DIR (default: tables)\n"
        "  -q, --quiet         do not print the summary line\n"
        "  -h, --help          show this help and exit\n"
        "  -V, --version       show the version and exit\n"
        "\n"
        "Example:\n"
        "  %s -o out/tables survey.ini results.json\n"
        "\n"
        "Exit status: 0 done, 64 wrong command line, 65 the codebook or the results\n"
        "are damaged or do not belong together, 66 an input cannot be opened,\n"
        "70 internal error, 73 the tables cannot be written.\n",
        cli_program(), cli_program());
}

static void parse_options(int argc, char **argv, table_options *opt)
{
    memset(opt, 0, sizeof *opt);
    opt->common.output = "tables";
    int first = cli_parse_options(argc, argv, &opt->common, print_help,
                                  NULL, NULL, NULL, NULL);
    if (argc - first != 2)
        cli_usage_error("expected two names, SURVEY.ini and RESULTS.json; got %d", argc - first);
    if (opt->common.output[0] == '\0')
        cli_usage_error("-o needs a folder name");
    opt->codebook_path = argv[first];
    opt->results_path = argv[first + 1];
}

int main(int argc, char **argv)
{
    table_options opt;
    pp_diag diag;
    pp_codebook *cb = NULL;
    json_t *results = NULL;
    pp_outdir out = {0};
    int ok = 0;

    cli_set_program(argv[0]);
    parse_options(argc, argv, &opt);
    pp_diag_clear(&diag);
    const char *results_name = cli_input_name(opt.results_path);

    if ((cb = cli_load_codebook(opt.codebook_path, &diag)) == NULL)
        goto cleanup;
    if ((results = cli_load_results(opt.results_path, &diag)) == NULL)
        goto cleanup;
    if (pp_table_check(results, cb, results_name, &diag) != PP_OK)
        goto cleanup;
    if (pp_outdir_begin(&out, opt.common.output, &diag) != 0)
        goto cleanup;
    if (pp_table_write_all(&out, results, &diag) != PP_OK)
        goto cleanup;
    size_t files = out.files;
    if (pp_outdir_publish(&out, &diag) != 0)
        goto cleanup;
    if (!opt.common.quiet)
        fprintf(stderr, "%s: %zu files for %zu items in %s\n", cli_program(), files,
                cb->n_items, opt.common.output);
    ok = 1;

cleanup:
    pp_outdir_abort(&out);
    json_decref(results);
    pp_codebook_free(cb);
    return cli_finish(ok, &diag, "the tables");
}

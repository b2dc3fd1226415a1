/* prepost-plot: the command line of the plot stage. Reads the codebook and
 * results.json and draws every chart with gnuplot (stages/plot/plot_run.h);
 * this file only reads the command line, opens the files and reports. */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "codebook.h"
#include "plot_run.h"
#include "plot_templates.h"
#include "results_read.h"

typedef struct {
    const char *out_dir;        /* -o */
    const char *templates;      /* -t, NULL: looked for */
    int quiet;                  /* -q */
    const char *codebook_path;
    const char *results_path;   /* "-" = standard input */
} plot_options;

static void print_help(FILE *out)
{
    fprintf(out,
        "Usage: %s [-o DIR] [-t TEMPLATES] [-q] SURVEY.ini RESULTS.json\n"
        "\n"
        "Draws a chart of every item of the survey from its results (made by\n"
        "prepost-stats with the same codebook), as DIR/NAME.svg and DIR/NAME.png,\n"
        "and lists them in DIR/charts.tsv. NAME is the item's battery for items\n"
        "in a battery (one chart for all of them), else the item's id; comments\n"
        "(text items) get no chart. Ratings are diverging bars centred on the\n"
        "scale's neutral level, before above after; tick-all-that-apply items are\n"
        "bars of each option's share with its 95%% interval.\n"
        "\n"
        "The charts are drawn by gnuplot (or the program in PREPOST_GNUPLOT) from\n"
        "the templates in plots/, which can be restyled with a text editor. The\n"
        "charts appear all together or, when anything fails, not at all.\n"
        "RESULTS.json may be '-' for standard input.\n"
        "\n"
        "Options:\n"
        "  -o, --output=DIR       write the charts in DIR, made if need be\n"
        "                         (default: the current directory)\n"
        "  -t, --templates=DIR    the gnuplot templates (default: PREPOST_PLOTS,\n"
        "                         else the installed ones)\n"
        "  -q, --quiet            do not print the summary line\n"
        "  -h, --help             show this help and exit\n"
        "  -V, --version          show the version and exit\n"
        "\n"
        "Example:\n"
        "  %s -o out/plots survey.ini results.json\n"
        "\n"
        "Exit status: 0 done, 64 wrong command line, 65 the codebook or the results\n"
        "are damaged or do not belong together, 66 an input or the templates cannot\n"
        "be found, 70 gnuplot failed or internal error, 73 the charts cannot be\n"
        "written.\n",
        cli_program(), cli_program());
}

static void parse_options(int argc, char **argv, plot_options *opt)
{
    static const struct option long_options[] = {
        {"output", required_argument, NULL, 'o'},
        {"templates", required_argument, NULL, 't'},
        {"quiet", no_argument, NULL, 'q'},
        {"help", no_argument, NULL, 'h'},
        {"version", no_argument, NULL, 'V'},
        {NULL, 0, NULL, 0},
    };
    memset(opt, 0, sizeof *opt);
    opt->out_dir = ".";
    int c;
    while ((c = getopt_long(argc, argv, "o:t:qhV", long_options, NULL)) != -1) {
        switch (c) {
        case 'o': opt->out_dir = optarg; break;
        case 't': opt->templates = optarg; break;
        case 'q': opt->quiet = 1; break;
        case 'h': print_help(stdout); exit(EXIT_OK);
        case 'V': cli_print_version(stdout); exit(EXIT_OK);
        default:  cli_usage_error("unknown option or missing value");
        }
    }
    if (argc - optind != 2)
        cli_usage_error("expected SURVEY.ini and RESULTS.json, got %d names", argc - optind);
    if (*opt->out_dir == '\0')
        cli_usage_error("the output directory (-o) is empty");
    opt->codebook_path = argv[optind];
    opt->results_path = argv[optind + 1];
}

static json_t *read_results(const char *path, pp_diag *diag)
{
    FILE *in = cli_open_input(path, diag);
    if (in == NULL)
        return NULL;
    json_t *results = pp_results_load(in, strcmp(path, "-") ? path : "standard input", diag);
    cli_close_input(in);
    return results;
}

int main(int argc, char **argv)
{
    plot_options opt;
    pp_diag diag;
    FILE *codebook_file = NULL;
    pp_codebook *cb = NULL;
    json_t *results = NULL;
    char *templates = NULL;
    size_t n_charts = 0;
    int status = EXIT_SOFTWARE;

    cli_set_program(argv[0]);
    parse_options(argc, argv, &opt);
    pp_diag_clear(&diag);

    if ((codebook_file = cli_open_input(opt.codebook_path, &diag)) == NULL)
        goto cleanup;
    if ((cb = pp_codebook_read(codebook_file, opt.codebook_path, &diag)) == NULL)
        goto cleanup;
    if ((results = read_results(opt.results_path, &diag)) == NULL)
        goto cleanup;
    if ((templates = plot_templates_find(opt.templates, &diag)) == NULL)
        goto cleanup;
    plot_job job = {cb, results, strcmp(opt.results_path, "-") ? opt.results_path
                                                              : "standard input",
                    templates, opt.out_dir};
    if (plot_run(&job, &n_charts, &diag) != PP_OK)
        goto cleanup;
    if (!opt.quiet)
        fprintf(stderr, "%s: %zu charts in %s\n", cli_program(), n_charts, opt.out_dir);
    status = EXIT_OK;

cleanup:
    if (status != EXIT_OK) {
        if (diag.code == PP_OK)
            pp_diag_set(&diag, PP_ERR_INTERNAL, NULL, 0, "the charts stopped without a reason");
        pp_diag_print(&diag, cli_program(), stderr);
        status = pp_error_exit_status(diag.code);
    }
    free(templates);
    json_decref(results);
    pp_codebook_free(cb);
    cli_close_input(codebook_file);
    return status;
}

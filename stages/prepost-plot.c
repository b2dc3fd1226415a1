/* prepost-plot: the command line of the plot stage. Reads the codebook and
 * results.json and draws every chart with gnuplot (stages/plot/plot_run.h);
 * this file only reads the command line, opens the files and reports. */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "cli_options.h"
#include "codebook.h"
#include "plot_parallel.h"
#include "plot_run.h"
#include "plot_templates.h"
#include "results_read.h"

typedef struct {
    cli_common common;          /* -o: the folder, -q */
    const char *templates;      /* -t, NULL: looked for */
    int jobs;                   /* -j: gnuplots at once */
    const char *codebook_path;
    const char *results_path;   /* "-" = standard input */
} plot_options;

static void print_help(FILE *out)
{
    fprintf(out,
        "Usage: %s [-o DIR] [-t TEMPLATES] [-j N] [-q] SURVEY.ini RESULTS.json\n"
        "\n"
        "Draws a chart of every item of the survey from its results (made by\n"
        "prepost-stats with the same codebook), as DIR/NAME.svg and DIR/NAME.png,\n"
        "and lists them in DIR/charts.tsv. NAME is the item's battery for items\n"
        "in a battery (one chart for all of them), else the item's id; comments\n"
        "(text items) get no chart. Ratings are diverging bars centred on the\n"
        "scale's neutral level, before above after; tick-all-that-apply items are\n"
        "bars of each option's share with its 95%% interval.\n"
        "\n"
        "Each chart is drawn again for each segment of the codebook, as\n"
        "DIR/NAME.by-SEGMENT.svg and .png: its bars repeated for each level of the\n"
        "segment, under the level's name with its own base and small-base flag.\n"
        "An item asked of one level only (among) draws the levels it has results\n"
        "for; otherwise every level draws, one nobody is in with n = 0.\n"
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
        "  -j, --jobs=N           draw with N gnuplots at once, each a share of the\n"
        "                         charts (1 to 64, default 1); the files are the\n"
        "                         same, byte for byte\n"
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

/* --jobs N: 1 to PLOT_MAX_JOBS. */
static int parse_jobs(const char *text)
{
    char *end;
    long n = strtol(text, &end, 10);
    if (end == text || *end != '\0' || n < 1 || n > PLOT_MAX_JOBS)
        cli_usage_error("--jobs takes a number from 1 to %d, not '%s'", PLOT_MAX_JOBS, text);
    return (int)n;
}

/* plot's own options: -t and -j. */
static void own_option(int option, const char *value, void *stage)
{
    plot_options *opt = stage;
    if (option == 'j')
        opt->jobs = parse_jobs(value);
    else
        opt->templates = value;
}

static void parse_options(int argc, char **argv, plot_options *opt)
{
    static const struct option own[] = {
        {"templates", required_argument, NULL, 't'},
        {"jobs", required_argument, NULL, 'j'},
        {NULL, 0, NULL, 0},
    };
    memset(opt, 0, sizeof *opt);
    opt->common.output = ".";
    opt->jobs = 1;
    int first = cli_parse_options(argc, argv, &opt->common, print_help,
                                  "t:j:", own, own_option, opt);
    if (argc - first != 2)
        cli_usage_error("expected SURVEY.ini and RESULTS.json, got %d names", argc - first);
    if (*opt->common.output == '\0')
        cli_usage_error("the output directory (-o) is empty");
    opt->codebook_path = argv[first];
    opt->results_path = argv[first + 1];
}

int main(int argc, char **argv)
{
    plot_options opt;
    pp_diag diag;
    pp_codebook *cb = NULL;
    json_t *results = NULL;
    char *templates = NULL;
    size_t n_charts = 0;
    int status = EXIT_SOFTWARE;

    cli_set_program(argv[0]);
    parse_options(argc, argv, &opt);
    pp_diag_clear(&diag);

    if ((cb = cli_load_codebook(opt.codebook_path, &diag)) == NULL)
        goto cleanup;
    if ((results = cli_load_results(opt.results_path, &diag)) == NULL)
        goto cleanup;
    if ((templates = plot_templates_find(opt.templates, &diag)) == NULL)
        goto cleanup;
    plot_job job = {cb, results, cli_input_name(opt.results_path), templates,
                    opt.common.output, opt.jobs};
    if (plot_run(&job, &n_charts, &diag) != PP_OK)
        goto cleanup;
    if (!opt.common.quiet)
        fprintf(stderr, "%s: %zu charts in %s\n", cli_program(), n_charts, opt.common.output);
    status = EXIT_OK;

cleanup:
    status = cli_finish(status == EXIT_OK, &diag, "the charts");
    free(templates);
    json_decref(results);
    pp_codebook_free(cb);
    return status;
}

/* prepost-report: the command line of the report stage. Reads a codebook
 * and its results.json (and optionally rejects.csv; for a panel also the
 * after wave's rejects and pair's unmatched.csv) and writes the
 * dashboard, one static index.html (stages/report/); this file only reads
 * the command line, opens the files and reports. */
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli.h"
#include "cli_options.h"
#include "codebook.h"
#include "report.h"
#include "results_read.h"

typedef struct {
    cli_common common;          /* -o ("-" = standard output), -q */
    const char *plots_dir;      /* --plots, default <output dir>/plots */
    const char *tables_dir;     /* --tables, default <output dir>/tables */
    const char *rejects_path;   /* --rejects, NULL = none (a panel's: the before wave's) */
    const char *rejects_after_path; /* --rejects-after, a panel's after wave, NULL = none */
    const char *unmatched_path; /* --unmatched, a panel's one-wave respondents, NULL = none */
    const char *codebook_path;
    const char *results_path;
} report_options;

static void print_help(FILE *out)
{
    fprintf(out,
        "Usage: %s [-o index.html] [--plots DIR] [--tables DIR] [--rejects REJECTS.csv]\n"
        "          [--rejects-after REJECTS.csv] [--unmatched UNMATCHED.csv]\n"
        "          [-q] SURVEY.ini RESULTS.json\n"
        "\n"
        "Writes the dashboard: one static web page with every item's chart, table,\n"
        "base, small-base flags, significance in plain words, segments and comments.\n"
        "It needs no network and no scripts. Charts and tables are linked as\n"
        "plots/<chart>.svg and tables/<file> beside the page, so keep the page with\n"
        "its plots/ and tables/ folders (as 'prepost run' lays them out). Under each\n"
        "chart, its charts by segment (plots/<chart>.by-<segment>.svg) each open on a\n"
        "click, with alt text that gives each level's result in words. A chart or\n"
        "table that does not exist is not linked; the page says so instead. The\n"
        "date on the page comes from SOURCE_DATE_EPOCH; without it none is shown,\n"
        "so the same inputs always give the same bytes. For a two-wave panel the page\n"
        "summarises each wave's rejected rows, labelled before wave and after wave,\n"
        "and who answered one wave only.\n"
        "\n"
        "Options:\n"
        "  -o, --output=FILE     write the page to FILE (default: index.html; '-' for\n"
        "                        standard output)\n"
        "  -p, --plots=DIR       where to look for the charts (default: plots/ beside FILE)\n"
        "  -t, --tables=DIR      where to look for the tables (default: tables/ beside FILE)\n"
        "  -r, --rejects=FILE    summarise the rows prepost-ingest rejected (rejects.csv;\n"
        "                        for a two-wave panel, the before wave's)\n"
        "      --rejects-after=FILE\n"
        "                        a panel: summarise the after wave's rejected rows too\n"
        "                        (rejects-after.csv)\n"
        "  -u, --unmatched=FILE  a panel: summarise the respondents who answered one wave\n"
        "                        only (unmatched.csv from prepost-pair)\n"
        "  -q, --quiet           do not print the summary line\n"
        "  -h, --help            show this help and exit\n"
        "  -V, --version         show the version and exit\n"
        "\n"
        "Example:\n"
        "  %s -o out/index.html --rejects out/rejects.csv survey.ini out/results.json\n"
        "  %s -o out/index.html --rejects out/rejects.csv --rejects-after \\\n"
        "      out/rejects-after.csv --unmatched out/unmatched.csv panel.ini out/results.json\n"
        "\n"
        "Exit status: 0 done, 64 wrong command line (or a panel's options for a\n"
        "one-wave survey), 65 the codebook, results, rejects or unmatched file is\n"
        "damaged or they do not belong together, 66 an input cannot be opened,\n"
        "70 internal error, 73 the page cannot be written.\n",
        cli_program(), cli_program(), cli_program());
}

/* --plots, --tables, --rejects, --rejects-after and --unmatched, report's
 * own options. */
static void own_option(int option, const char *value, void *stage)
{
    report_options *opt = stage;
    switch (option) {
    case 'p': opt->plots_dir = value; break;
    case 't': opt->tables_dir = value; break;
    case 'r': opt->rejects_path = value; break;
    case 'A': opt->rejects_after_path = value; break;
    case 'u': opt->unmatched_path = value; break;
    }
}

static void parse_options(int argc, char **argv, report_options *opt)
{
    static const struct option own[] = {
        {"plots", required_argument, NULL, 'p'},
        {"tables", required_argument, NULL, 't'},
        {"rejects", required_argument, NULL, 'r'},
        {"rejects-after", required_argument, NULL, 'A'},
        {"unmatched", required_argument, NULL, 'u'},
        {NULL, 0, NULL, 0},
    };
    memset(opt, 0, sizeof *opt);
    opt->common.output = "index.html";
    int first = cli_parse_options(argc, argv, &opt->common, print_help,
                                  "p:t:r:u:", own, own_option, opt);
    if (argc - first != 2)
        cli_usage_error("expected SURVEY.ini and RESULTS.json, got %d names", argc - first);
    opt->codebook_path = argv[first];
    opt->results_path = argv[first + 1];
}

/* The output's directory and its plots/ and tables/ (PATH_MAX + 8 bytes),
 * the defaults of --plots and --tables. */
static void directories(const report_options *opt, char *out_dir, char *plots, char *tables)
{
    const char *slash = strcmp(opt->common.output, "-") ? strrchr(opt->common.output, '/') : NULL;
    if (slash == NULL)
        snprintf(out_dir, PATH_MAX, ".");
    else
        snprintf(out_dir, PATH_MAX, "%.*s", (int)(slash - opt->common.output + (slash == opt->common.output)),
                 opt->common.output);
    snprintf(plots, PATH_MAX + 8, "%s/plots", out_dir);
    snprintf(tables, PATH_MAX + 8, "%s/tables", out_dir);
}

/* "2011-03-01" from SOURCE_DATE_EPOCH, or NULL when it is not set. */
static const char *source_date(char *buf, size_t cap)
{
    const char *epoch = getenv("SOURCE_DATE_EPOCH");
    char *end;
    if (epoch == NULL || *epoch == '\0')
        return NULL;
    errno = 0;
    long long seconds = strtoll(epoch, &end, 10);
    time_t t = (time_t)seconds;
    struct tm tm;
    if (errno != 0 || *end != '\0' || seconds < 0 || gmtime_r(&t, &tm) == NULL)
        cli_usage_error("SOURCE_DATE_EPOCH should be a number of seconds since 1970, not '%.40s'", epoch);
    strftime(buf, cap, "%Y-%m-%d", &tm);
    return buf;
}

/* The results must be of this codebook's survey. */
static int check_same_survey(json_t *results, const pp_codebook *cb, const char *path, pp_diag *diag)
{
    const char *title = json_string_value(json_object_get(json_object_get(results, "survey"), "title"));
    if (title != NULL && cb->title != NULL && strcmp(title, cb->title) == 0)
        return 0;
    pp_diag_set(diag, PP_ERR_RECORDS, path, 0,
                "these results are of another survey than the codebook (their titles differ); "
                "make them again with prepost-stats and this codebook");
    return -1;
}

int main(int argc, char **argv)
{
    report_options opt;
    pp_diag diag;
    cli_output out = {0};
    pp_codebook *cb = NULL;
    json_t *results = NULL;
    rejects_summary rejects = {0}, rejects_after = {0};
    unmatched_summary unmatched = {0};
    char out_dir[PATH_MAX], plots[PATH_MAX + 8], tables[PATH_MAX + 8], date[32];
    int status = EXIT_SOFTWARE;

    cli_set_program(argv[0]);
    parse_options(argc, argv, &opt);
    pp_diag_clear(&diag);
    directories(&opt, out_dir, plots, tables);
    report r = {
        .plots_dir = opt.plots_dir ? opt.plots_dir : plots,
        .tables_dir = opt.tables_dir ? opt.tables_dir : tables,
        .out_dir = out_dir, .date = source_date(date, sizeof date),
        .rejects_name = opt.rejects_path, .rejects_after_name = opt.rejects_after_path,
        .unmatched_name = opt.unmatched_path, .h = 2,
    };

    if ((cb = cli_load_codebook(opt.codebook_path, &diag)) == NULL)
        goto cleanup;
    if ((results = cli_load_results(opt.results_path, &diag)) == NULL)
        goto cleanup;
    if (check_same_survey(results, cb, opt.results_path, &diag) != 0)
        goto cleanup;
    r.panel = pp_codebook_is_panel(cb);
    if (!r.panel && (opt.rejects_after_path != NULL || opt.unmatched_path != NULL)) {
        pp_diag_set(&diag, PP_ERR_USAGE, opt.codebook_path, 0,
                    "--rejects-after and --unmatched are for a two-wave panel, and this "
                    "codebook describes one export");
        goto cleanup;
    }
    if (opt.rejects_path != NULL) {
        if (rejects_summary_read(&rejects, opt.rejects_path, &diag) != 0)
            goto cleanup;
        r.rejects = &rejects;
    }
    if (opt.rejects_after_path != NULL) {
        if (rejects_summary_read(&rejects_after, opt.rejects_after_path, &diag) != 0)
            goto cleanup;
        r.rejects_after = &rejects_after;
    }
    if (opt.unmatched_path != NULL) {
        if (unmatched_summary_read(&unmatched, opt.unmatched_path, &diag) != 0)
            goto cleanup;
        r.unmatched = &unmatched;
    }
    if (cli_output_open(&out, opt.common.output, &diag) != 0)
        goto cleanup;
    r.out = out.file;
    r.results = results;
    r.cb = cb;
    r.min_base = cb->min_base;
    int written = report_page(&r);
    if (written == -2) {
        pp_diag_set(&diag, PP_ERR_NOMEM, opt.common.output, 0, NULL);
        goto cleanup;
    }
    if (written != 0) {
        pp_diag_set(&diag, PP_ERR_WRITE, opt.common.output, 0, "the page could not be written");
        goto cleanup;
    }
    if (cli_output_commit(&out, &diag) != 0)
        goto cleanup;
    if (!opt.common.quiet)
        fprintf(stderr, "%s: a page of %zu items written to %s\n", cli_program(),
                json_array_size(json_object_get(results, "items")),
                strcmp(opt.common.output, "-") ? opt.common.output : "standard output");
    status = EXIT_OK;

cleanup:
    status = cli_finish(status == EXIT_OK, &diag, "the report");
    cli_output_abort(&out);
    rejects_summary_free(&rejects);
    rejects_summary_free(&rejects_after);
    unmatched_summary_free(&unmatched);
    json_decref(results);
    pp_codebook_free(cb);
    return status;
}

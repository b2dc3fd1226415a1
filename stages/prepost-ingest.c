/* prepost-ingest: reads one survey export against its codebook and writes
 * records (labels turned into codes) and, with -r, the rejected rows with
 * their reasons; with --tally, the tally of the records as well (or
 * instead), as prepost-tally would count them; --ids-only and --skip-rows
 * serve `prepost run --jobs N` (run_shards.h). The command line only; the
 * work is pp_ingest_into (ingest.h). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "cli_options.h"
#include "codebook.h"
#include "file_part.h"
#include "ingest.h"
#include "row_skips.h"
#include "source.h"

typedef struct {
    cli_common common;          /* -o, the records ("-" = stdout; NULL = none), -q */
    const char *rejects_path;   /* NULL = rejected rows are counted, not saved */
    const char *tally_path;     /* --tally: NULL = no tally */
    const char *wave_name;      /* NULL, "before" or "after" */
    long rows_before;           /* --rows-before: this export is a part (shard) */
    int ids_only;               /* --ids-only: records of id and row alone */
    const char *skip_path;      /* --skip-rows: rows to pass over, or NULL */
    pp_byte_range shard[2];     /* --shard: the header bytes, then the shard's */
    int has_shard;
    const char *codebook_path;
    const char *export_path;    /* NULL = the codebook's export */
} options;

static void usage(FILE *out)
{
    fprintf(out,
        "Usage: %s [-o RECORDS] [--ids-only] [-r REJECTS.csv] [--tally TALLY] [--wave before|after] [--rows-before N] [--shard H,S,E] [--skip-rows FILE] [-q] SURVEY.ini [EXPORT|-]\n"
        "Reads a survey export (CSV, gzipped or not) and writes one record per\n"
        "respondent, with every answer turned into the code the codebook gives it.\n"
        "\n"
        "  SURVEY.ini       the codebook: layout, scales, segments, items\n"
        "  EXPORT           the export to read; default: the codebook's `export`\n"
        "                   (with --wave, `before_export` or `after_export`), found\n"
        "                   next to the codebook; - reads standard input\n"
        "  -o, --output=RECORDS\n"
        "                   write the records here (default: standard output,\n"
        "                   unless --tally is given)\n"
        "  --ids-only       the records hold only the id and row columns: who was\n"
        "                   kept, and from which row\n"
        "  -r REJECTS.csv   write the rows that could not be kept, with the row,\n"
        "                   column, reason and the answers expected. Without -r\n"
        "                   rejected rows are only counted in the summary line\n"
        "  --tally TALLY    also count the records into a tally, the same bytes as\n"
        "                   prepost-tally makes of them, without writing and reading\n"
        "                   them again; the records are then written only with -o\n"
        "  --wave WAVE      a two-wave panel: which export this is (before or after)\n"
        "  --rows-before N  the export is one part of a larger one (a shard): its\n"
        "                   header rows, then rows that came after N respondent\n"
        "                   rows of the whole; rows are numbered as in the whole\n"
        "  --shard H,S,E    read only the first H bytes of EXPORT (its header rows)\n"
        "                   and then its bytes S to E (a shard of its rows, cut\n"
        "                   between records); EXPORT must be a plain CSV file\n"
        "  --skip-rows FILE pass over the rows FILE lists, as if the export did not\n"
        "                   hold them (neither kept nor rejected; the summary says\n"
        "                   how many): row numbers as records give them (with\n"
        "                   --rows-before), one a line, ascending\n"
        "  -q, --quiet      no summary line on standard error (for cron)\n"
        "  -h, --help       show this help and exit\n"
        "  -V, --version    show the version and exit\n"
        "\n"
        "A row with a problem (an answer that is not on the scale, a repeated\n"
        "respondent id, ...) is left out and listed in the rejects; the run goes on.\n"
        "A problem with the whole file (a column the codebook names is missing,\n"
        "damaged gzip, an empty export) stops the run and writes no file at all\n"
        "(records sent to standard output may be partly written: use -o for\n"
        "all or nothing).\n"
        "\n"
        "Exit status: 0 done (even with rejected rows), 64 wrong command line,\n"
        "65 bad export, codebook or list of rows to skip, 66 input missing,\n"
        "73/74 cannot write output.\n"
        "\n"
        "Example:\n"
        "  %s -o nptsc.records -r rejects.csv nptsc.ini\n"
        "  prepost-ingest: nptsc-2011.csv.gz: 250 rows read, 248 kept, 2 rejected (1 duplicate id, 1 unknown label)\n",
        cli_program(), cli_program());
}

/* --rows-before N: a count of rows, 0 or more. */
static long parse_rows_before(const char *text)
{
    char *end;
    errno = 0;
    long n = strtol(text, &end, 10);
    if (errno != 0 || end == text || *end != '\0' || n < 0)
        cli_usage_error("--rows-before takes a number of rows, not '%s'", text);
    return n;
}

/* --shard H,S,E: header end, shard start and end, 0 <= H <= S <= E. */
static void parse_shard(const char *text, options *opt)
{
    long long v[3];
    int used = 0;
    if (sscanf(text, "%lld,%lld,%lld%n", &v[0], &v[1], &v[2], &used) != 3
        || text[used] != '\0' || v[0] < 0 || v[0] > v[1] || v[1] > v[2])
        cli_usage_error("--shard takes three byte offsets H,S,E with H <= S <= E, not '%s'",
                        text);
    opt->shard[0] = (pp_byte_range){0, v[0]};
    opt->shard[1] = (pp_byte_range){v[1], v[2]};
    opt->has_shard = 1;
}

/* -r, --wave, --rows-before, --tally, --ids-only, --skip-rows and --shard,
 * ingest's own options. */
static void own_option(int option, const char *value, void *stage)
{
    options *opt = stage;
    switch (option) {
    case 'r': opt->rejects_path = value; break;
    case 'w': opt->wave_name = value; break;
    case 'R': opt->rows_before = parse_rows_before(value); break;
    case 't': opt->tally_path = value; break;
    case 'I': opt->ids_only = 1; break;
    case 'S': opt->skip_path = value; break;
    case 'P': parse_shard(value, opt); break;
    }
}

static void parse_options(int argc, char **argv, options *opt)
{
    static const struct option own[] = {
        {"wave", required_argument, NULL, 'w'},
        {"rows-before", required_argument, NULL, 'R'},
        {"tally", required_argument, NULL, 't'},
        {"ids-only", no_argument, NULL, 'I'},
        {"skip-rows", required_argument, NULL, 'S'},
        {"shard", required_argument, NULL, 'P'},
        {NULL, 0, NULL, 0},
    };
    memset(opt, 0, sizeof *opt);
    opt->common.output = NULL;
    int first = cli_parse_options(argc, argv, &opt->common, usage, "r:", own, own_option, opt);
    if (opt->common.output == NULL && opt->tally_path == NULL)
        opt->common.output = "-";       /* records to standard output */
    if (opt->ids_only && opt->common.output == NULL)
        cli_usage_error("--ids-only shapes the records: name them with -o");
    if (argc - first < 1 || argc - first > 2)
        cli_usage_error("give the codebook, and optionally the export to read");
    opt->codebook_path = argv[first];
    opt->export_path = argc - first == 2 ? argv[first + 1] : NULL;
    if (opt->wave_name && strcmp(opt->wave_name, "before") != 0
        && strcmp(opt->wave_name, "after") != 0)
        cli_usage_error("--wave is before or after, not '%s'", opt->wave_name);
    int n_stdout = (opt->common.output && strcmp(opt->common.output, "-") == 0)
                 + (opt->rejects_path && strcmp(opt->rejects_path, "-") == 0)
                 + (opt->tally_path && strcmp(opt->tally_path, "-") == 0);
    if (n_stdout > 1)
        cli_usage_error("only one of the records, the rejects and the tally can go to "
                        "standard output: name files with -o, -r or --tally");
    if (opt->has_shard && (opt->export_path == NULL || strcmp(opt->export_path, "-") == 0))
        cli_usage_error("--shard reads parts of a file: name the export");
    if (strcmp(opt->codebook_path, "-") == 0 && opt->export_path && strcmp(opt->export_path, "-") == 0)
        cli_usage_error("the codebook and the export cannot both be standard input");
}

/* Which wave the export is, checked against the codebook. 0, or -1 with
 * diag filled. */
static int wave_of(const pp_codebook *cb, const options *opt, pp_wave *wave,
                   pp_diag *diag)
{
    int panel = pp_codebook_is_panel(cb);
    *wave = PP_WAVE_BOTH;
    if (panel && opt->wave_name == NULL) {
        pp_diag_set(diag, PP_ERR_USAGE, opt->codebook_path, 0,
                    "this codebook describes a two-wave panel: say --wave before or --wave after");
        return -1;
    }
    if (!panel && opt->wave_name != NULL) {
        pp_diag_set(diag, PP_ERR_USAGE, opt->codebook_path, 0,
                    "this codebook describes a one-wave survey: leave out --wave");
        return -1;
    }
    if (panel)
        *wave = strcmp(opt->wave_name, "before") == 0 ? PP_WAVE_BEFORE : PP_WAVE_AFTER;
    return 0;
}

/* The export to read: as given, or the codebook's, relative to it.
 * Returns a malloc'd path, or NULL with diag filled. */
static char *export_path_of(const pp_codebook *cb, pp_wave wave,
                            const options *opt, pp_diag *diag)
{
    if (opt->export_path != NULL)
        return strdup(opt->export_path);
    const char *named = wave == PP_WAVE_BEFORE ? cb->before_export
                      : wave == PP_WAVE_AFTER ? cb->after_export
                      : cb->export_path;
    if (named == NULL) {
        pp_diag_set(diag, PP_ERR_USAGE, opt->codebook_path, 0,
                    "the codebook names no export for this wave: give the export after the codebook");
        return NULL;
    }
    char *path = pp_codebook_resolve_path(cb, named);
    if (path == NULL)
        pp_diag_set(diag, PP_ERR_NOMEM, NULL, 0, NULL);
    return path;
}

static void print_summary(const char *export_name, const pp_ingest_summary *summary,
                          int rejects_saved)
{
    fprintf(stderr, "%s: %s: ", cli_program(), export_name);
    pp_ingest_summary_print(summary, stderr);
    if (summary->rejected > 0 && !rejects_saved)
        fputs("; rejected rows not saved (use -r FILE to keep them)", stderr);
    fputc('\n', stderr);
}

/* The files ingest writes, each only if asked for. */
typedef struct {
    cli_output records, rejects, tally;
    pp_tally *counts;           /* --tally: what is written to `tally` */
} outputs;

static int open_outputs(const options *opt, outputs *out, pp_diag *diag)
{
    if (opt->common.output && cli_output_open(&out->records, opt->common.output, diag) != 0)
        return -1;
    if (opt->rejects_path && cli_output_open(&out->rejects, opt->rejects_path, diag) != 0)
        return -1;
    if (opt->tally_path == NULL)
        return 0;
    if (cli_output_open(&out->tally, opt->tally_path, diag) != 0)
        return -1;
    if ((out->counts = pp_tally_new()) == NULL) {
        pp_diag_set(diag, PP_ERR_NOMEM, NULL, 0, NULL);
        return -1;
    }
    return 0;
}

/* Writes the tally, then puts every output in place. 0, or -1. */
static int commit_outputs(const options *opt, outputs *out, pp_diag *diag)
{
    if (opt->tally_path && pp_tally_write(out->counts, out->tally.file) != 0) {
        pp_diag_set(diag, PP_ERR_WRITE, opt->tally_path, 0, "the tally could not be written");
        return -1;
    }
    if (opt->common.output && cli_output_commit(&out->records, diag) != 0)
        return -1;
    if (opt->rejects_path && cli_output_commit(&out->rejects, diag) != 0)
        return -1;
    if (opt->tally_path && cli_output_commit(&out->tally, diag) != 0)
        return -1;
    return 0;
}

static void close_outputs(outputs *out)
{
    cli_output_abort(&out->records);
    cli_output_abort(&out->rejects);
    cli_output_abort(&out->tally);
    pp_tally_free(out->counts);
}

/* Reads the codebook and the export, writes the outputs whole or not at
 * all. Returns the exit status. */
static int run(const options *opt)
{
    pp_diag diag;
    pp_diag_clear(&diag);
    pp_ingest_summary summary = {0};
    pp_wave wave = PP_WAVE_BOTH;
    char *export_path = NULL;
    FILE *export_in = NULL, *shard_in = NULL;
    pp_source *source = NULL;
    outputs out = {0};
    const char *export_name = NULL;
    pp_row_skips skips = {0};

    pp_codebook *cb = cli_load_codebook(opt->codebook_path, &diag);
    if (cb == NULL || wave_of(cb, opt, &wave, &diag) != 0)
        goto cleanup;
    if (opt->skip_path && pp_row_skips_load(&skips, opt->skip_path, &diag) != PP_OK)
        goto cleanup;
    export_path = export_path_of(cb, wave, opt, &diag);
    if (export_path == NULL)
        goto cleanup;
    export_in = cli_open_input(export_path, &diag);
    if (export_in == NULL)
        goto cleanup;
    export_name = cli_input_name(export_path);
    if (opt->has_shard && (shard_in = pp_file_part_open(fileno(export_in), opt->shard, 2)) == NULL) {
        pp_diag_set(&diag, PP_ERR_NOMEM, NULL, 0, NULL);
        goto cleanup;
    }
    source = pp_source_from_file(shard_in ? shard_in : export_in, export_name);
    if (source == NULL) {
        pp_diag_set(&diag, PP_ERR_NOMEM, NULL, 0, NULL);
        goto cleanup;
    }
    pp_source_read_ahead(source);       /* a gzip file inflates on another core */
    if (open_outputs(opt, &out, &diag) != 0)
        goto cleanup;
    pp_ingest_outputs to = {out.records.file, out.rejects.file, out.counts, opt->ids_only};
    if (pp_ingest_into(cb, wave, source, opt->rows_before, opt->skip_path ? &skips : NULL,
                       &to, &summary, &diag) != PP_OK)
        goto cleanup;
    if (commit_outputs(opt, &out, &diag) != 0)
        goto cleanup;
    if (!opt->common.quiet)
        print_summary(export_name, &summary, opt->rejects_path != NULL);

cleanup:
    pp_row_skips_free(&skips);
    close_outputs(&out);
    if (source != NULL)
        pp_source_free(source);
    if (shard_in != NULL)
        fclose(shard_in);
    cli_close_input(export_in);
    free(export_path);
    if (cb != NULL)
        pp_codebook_free(cb);
    return cli_finish(diag.code == PP_OK, &diag, "the ingest");
}

int main(int argc, char **argv)
{
    options opt;
    cli_set_program(argv[0]);
    parse_options(argc, argv, &opt);
    return run(&opt);
}

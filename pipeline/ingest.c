/* ingest.c: one export in, records and rejects out (see ingest.h).
 *
 * pp_csv_read calls on_row for every CSV row. Rows go to the header until
 * it is complete; then the plan (ingest_plan.h) resolves every codebook
 * column once, and each respondent row is turned into one record or one
 * reject line (ingest_row.h), which does not allocate per row: only the
 * id set grows with the rows. With a tally to count into, each kept record
 * is also handed to a tally counter (tally.h) as it is: its fields are
 * NUL-terminated, as the records reader would hand them out. A row the
 * caller listed to skip (row_skips.h) is counted as read and goes no
 * further, before its id is looked at. A statistical file (layout spss,
 * stata or sas) gives the same rows through stat_rows.h instead of
 * pp_csv_read. */
#include "ingest.h"

#include <assert.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "csv_rows.h"
#include "header.h"
#include "ingest_plan.h"
#include "ingest_row.h"
#include "records.h"
#include "rejects.h"
#include "row_utf8.h"
#include "stat_rows.h"

#define ID_AND_ROW 2            /* the records' first two columns */

static const char *const reason_names[PP_REJECT_COUNT] = {
    [PP_REJECT_UNKNOWN_LABEL] = "unknown label",
    [PP_REJECT_UNKNOWN_OPTION] = "unknown option",
    [PP_REJECT_UNKNOWN_SEGMENT] = "unknown segment",
    [PP_REJECT_DUPLICATE_ID] = "duplicate id",
    [PP_REJECT_MISSING_ID] = "missing id",
    [PP_REJECT_EXTRA_FIELDS] = "extra fields",
    [PP_REJECT_CUT_SHORT] = "cut short",
};

const char *pp_reject_reason_name(pp_reject_reason reason)
{
    if (reason < 0 || reason >= PP_REJECT_COUNT)
        return "unknown reason";
    return reason_names[reason];
}

typedef struct {
    const pp_codebook *cb;
    pp_wave wave;
    const char *file;           /* the export's name, for messages */
    pp_header *header;
    int in_body;                /* the header is complete */
    pp_ingest_plan plan;
    pp_record_builder builder;
    FILE *records_out;
    size_t records_columns;     /* all of the record's, or id and row */
    FILE *rejects_out;
    pp_tally *tally;
    pp_tally_counter *counter;  /* counts into tally, once the header is read */
    long rows_before;           /* respondent rows before this part */
    const pp_row_skips *skips;  /* rows to pass over, or NULL */
    size_t next_skip;           /* how far skips has been gone through */
    pp_ingest_summary *summary;
    pp_diag *diag;
} ingest_run;

static int write_reject(ingest_run *run, const pp_row *row, const pp_row_problem *pb)
{
    char column_text[32];
    const char *column = "";
    if (pb->column >= 0 && (size_t)pb->column < pp_header_columns(run->header))
        column = pp_header_name(run->header, (size_t)pb->column);
    else if (pb->column >= 0) {
        snprintf(column_text, sizeof column_text, "#%ld", pb->column + 1);
        column = column_text;
    }
    pp_reject_line line = {
        .row = row->row,
        .id = run->builder.fields[0],
        .id_len = run->builder.lengths[0],
        .column = column,
        .reason = pp_reject_reason_name(pb->reason),
        .value = pb->value,
        .value_len = pb->value_len,
        .expected = pb->expected,
    };
    return pp_rejects_write(run->rejects_out, &line);
}

/* Hands the record just built to the tally counter. 0, or -1 with diag
 * filled. The counter only reads the fields (pp_row's are not const). */
static int count_kept(ingest_run *run, long row_number)
{
    const pp_record_builder *b = &run->builder;
    for (size_t i = 0; i < b->n_fields; i++)
        assert(b->fields[i][b->lengths[i]] == '\0');
    pp_row record = {(char **)b->fields, b->lengths, b->n_fields, row_number, 0, 0};
    return pp_tally_counter_add(run->counter, &record, run->diag) == PP_OK ? 0 : -1;
}

/* One respondent row: a record or a reject. 0, or -1 with diag filled. */
static int take_row(ingest_run *run, const pp_row *part_row)
{
    pp_row shifted = *part_row;
    const pp_row *row = &shifted;
    shifted.row += run->rows_before;
    pp_row_problem pb;
    run->summary->rows++;
    if (pp_row_skips_has(run->skips, &run->next_skip, row->row)) {
        run->summary->skipped++;
        return 0;
    }
    /* A cut-short row is rejected whole: the cut may split a character. */
    if (!pp_row_cut_short(&run->builder, row) &&
        pp_row_utf8_check(row, run->plan.read_columns, run->plan.n_read_columns, run->header,
                          run->file, run->diag) != 0)
        return -1;
    int status = pp_record_build(&run->builder, row, &pb);
    if (status < 0) {
        pp_diag_set(run->diag, PP_ERR_NOMEM, NULL, 0, NULL);
        return -1;
    }
    if (status > 0) {
        run->summary->rejected++;
        run->summary->by_reason[pb.reason]++;
        if (run->rejects_out != NULL && write_reject(run, row, &pb) != 0)
            goto write_failed;
        return 0;
    }
    run->summary->kept++;
    if (run->records_out != NULL
        && pp_records_write_row(run->records_out, run->builder.fields,
                                run->builder.lengths, run->records_columns) != 0)
        goto write_failed;
    if (run->counter != NULL)
        return count_kept(run, row->row);
    return 0;
write_failed:
    pp_diag_set(run->diag, PP_ERR_WRITE, NULL, 0,
                "could not write the %s (is the disk full?)",
                status > 0 ? "rejects" : "records");
    return -1;
}

/* The records' header: their first records_columns column names. */
static int write_records_header(ingest_run *run)
{
    pp_strings columns = run->plan.columns;    /* borrowed, not owned */
    columns.count = run->records_columns;
    return pp_records_write_header(run->records_out, &columns);
}

/* The header is complete: plan the columns, write both headers. */
static int start_body(ingest_run *run)
{
    if (pp_ingest_plan_build(&run->plan, run->cb, run->wave, run->header, run->diag) != PP_OK)
        return -1;
    run->in_body = 1;
    if (pp_record_builder_init(&run->builder, &run->plan, run->header, run->wave) != 0) {
        pp_diag_set(run->diag, PP_ERR_NOMEM, NULL, 0, NULL);
        return -1;
    }
    if (run->tally != NULL) {
        run->counter = pp_tally_counter_new(run->tally, run->cb, &run->plan.columns,
                                            "the records", run->diag);
        if (run->counter == NULL)
            return -1;
    }
    if (run->records_columns == 0)     /* not ids only: every column */
        run->records_columns = run->builder.n_fields;
    if (run->records_out != NULL && write_records_header(run) != 0) {
        pp_diag_set(run->diag, PP_ERR_WRITE, NULL, 0, "could not write the records");
        return -1;
    }
    if (run->rejects_out != NULL && pp_rejects_write_header(run->rejects_out) != 0) {
        pp_diag_set(run->diag, PP_ERR_WRITE, NULL, 0, "could not write the rejects");
        return -1;
    }
    return 0;
}

static int on_row(const pp_row *row, void *user)
{
    ingest_run *run = user;
    if (!run->in_body) {
        pp_header_status status = pp_header_feed(run->header, row, run->diag);
        if (status != PP_HEADER_DONE_BEFORE && pp_row_utf8_check_header(row, run->file, run->diag) != 0)
            return 1;
        switch (status) {
        case PP_HEADER_MORE:
            return 0;
        case PP_HEADER_DONE:
            return start_body(run) == 0 ? 0 : 1;
        case PP_HEADER_DONE_BEFORE:
            if (start_body(run) != 0)
                return 1;
            break;
        default:
            return 1;
        }
    }
    return take_row(run, row) == 0 ? 0 : 1;
}

static pp_layout layout_of_wave(const pp_codebook *cb, pp_wave wave)
{
    if (wave == PP_WAVE_BEFORE)
        return cb->before_layout;
    if (wave == PP_WAVE_AFTER)
        return cb->after_layout;
    return cb->layout;
}

/* After the last row: a header never completed may still be whole (a
 * header-only export); outputs must have reached their streams. */
static void finish(ingest_run *run)
{
    if (!run->in_body && (pp_header_finish(run->header, run->diag) != 0 || start_body(run) != 0))
        return;
    if (run->counter != NULL && pp_tally_counter_finish(run->counter, run->diag) != PP_OK)
        return;
    const char *unwritten = run->records_out && fflush(run->records_out) != 0 ? "records"
                          : run->rejects_out && fflush(run->rejects_out) != 0 ? "rejects"
                          : NULL;
    if (unwritten != NULL)
        pp_diag_set(run->diag, PP_ERR_WRITE, NULL, 0, "could not write the %s: %s", unwritten,
                    strerror(errno));
    const pp_ingest_summary *s = run->summary;
    if (s->rows != s->skipped + s->kept + s->rejected)
        pp_diag_set(run->diag, PP_ERR_INTERNAL, NULL, 0,
                    "rows read do not add up to skipped + kept + rejected");
}

pp_error pp_ingest(const pp_codebook *cb, pp_wave wave, pp_source *src,
                   FILE *records_out, FILE *rejects_out,
                   pp_ingest_summary *summary, pp_diag *diag)
{
    return pp_ingest_part(cb, wave, src, 0, records_out, rejects_out, summary, diag);
}

pp_error pp_ingest_part(const pp_codebook *cb, pp_wave wave, pp_source *src,
                        long rows_before, FILE *records_out, FILE *rejects_out,
                        pp_ingest_summary *summary, pp_diag *diag)
{
    pp_ingest_outputs out = {.records = records_out, .rejects = rejects_out};
    return pp_ingest_into(cb, wave, src, rows_before, NULL, &out, summary, diag);
}

pp_error pp_ingest_into(const pp_codebook *cb, pp_wave wave, pp_source *src,
                        long rows_before, const pp_row_skips *skips,
                        const pp_ingest_outputs *out, pp_ingest_summary *summary,
                        pp_diag *diag)
{
    pp_ingest_summary unused;
    ingest_run run = {
        .cb = cb, .wave = wave, .records_out = out->records,
        .records_columns = out->ids_only ? ID_AND_ROW : 0, .rejects_out = out->rejects,
        .tally = out->tally, .rows_before = rows_before, .skips = skips,
        .diag = diag, .summary = summary ? summary : &unused,
    };
    memset(run.summary, 0, sizeof *run.summary);
    pp_layout layout = layout_of_wave(cb, wave);
    run.file = pp_source_name(src);
    run.header = pp_header_new(layout, pp_source_name(src));
    if (run.header == NULL) {
        pp_diag_set(diag, PP_ERR_NOMEM, NULL, 0, NULL);
        goto cleanup;
    }
    int read = pp_layout_is_statistical(layout)
                   ? pp_stat_read(src, layout, on_row, &run, NULL, diag)
                   : pp_csv_read(src, on_row, &run, diag);
    if (read == 0)
        finish(&run);
cleanup:
    if (diag->code != PP_OK && diag->line_word == NULL)
        diag->line_word = "row";
    pp_tally_counter_free(run.counter);
    pp_record_builder_free(&run.builder);
    pp_ingest_plan_free(&run.plan);
    pp_header_free(run.header);
    return diag->code;
}

/* Reasons in the order rows are checked: the id, the row's shape, cells. */
static const pp_reject_reason summary_order[PP_REJECT_COUNT] = {
    PP_REJECT_DUPLICATE_ID, PP_REJECT_MISSING_ID, PP_REJECT_EXTRA_FIELDS,
    PP_REJECT_CUT_SHORT, PP_REJECT_UNKNOWN_SEGMENT, PP_REJECT_UNKNOWN_LABEL, PP_REJECT_UNKNOWN_OPTION,
};

void pp_ingest_summary_print(const pp_ingest_summary *s, FILE *out)
{
    fprintf(out, "%ld row%s read, ", s->rows, s->rows == 1 ? "" : "s");
    if (s->skipped > 0)
        fprintf(out, "%ld skipped, ", s->skipped);
    fprintf(out, "%ld kept, %ld rejected", s->kept, s->rejected);
    const char *separator = " (";
    for (size_t i = 0; i < PP_REJECT_COUNT; i++) {
        long n = s->by_reason[summary_order[i]];
        if (n == 0)
            continue;
        fprintf(out, "%s%ld %s", separator, n, pp_reject_reason_name(summary_order[i]));
        separator = ", ";
    }
    if (separator[0] == ',')
        fputc(')', out);
}

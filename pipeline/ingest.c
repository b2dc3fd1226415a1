/* ingest.c: one export in, records and rejects out (see ingest.h).
 *
 * pp_csv_read calls on_row for every CSV row. Rows go to the header until
 * it is complete; then the plan (ingest_plan.h) resolves every codebook
 * column once, and each respondent row is turned into one record or one
 * reject line. A row's record fields point into the row itself or into one
 * scratch buffer reused for every row, so the per-row path does not
 * allocate; only the id set grows with the rows. */
#include "ingest.h"

#include <stdlib.h>
#include <string.h>

#include "csv_rows.h"
#include "header.h"
#include "idset.h"
#include "ingest_plan.h"
#include "multi_cell.h"
#include "records.h"
#include "rejects.h"

#define FIXED_COLUMNS 3         /* id, row, waves */

static const char *const reason_names[PP_REJECT_COUNT] = {
    [PP_REJECT_UNKNOWN_LABEL] = "unknown label",
    [PP_REJECT_UNKNOWN_OPTION] = "unknown option",
    [PP_REJECT_UNKNOWN_SEGMENT] = "unknown segment",
    [PP_REJECT_DUPLICATE_ID] = "duplicate id",
    [PP_REJECT_MISSING_ID] = "missing id",
    [PP_REJECT_EXTRA_FIELDS] = "extra fields",
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
    pp_header *header;
    int in_body;                /* the header is complete */
    pp_ingest_plan plan;
    pp_idset *ids;
    FILE *records_out;
    FILE *rejects_out;
    const char **fields;        /* one record: FIXED_COLUMNS + plan.n_fields */
    size_t *lengths;
    char *scratch;              /* codes, ticks, collapsed segments of a row */
    size_t scratch_capacity;
    size_t scratch_used;
    pp_ingest_summary *summary;
    pp_diag *diag;
} ingest_run;

/* Why a row is rejected: the first problem found. */
typedef struct {
    pp_reject_reason reason;
    long column;                /* export column (0-based) */
    const char *value;
    size_t value_len;
    const char *expected;
    char text[96];              /* room for an expected text made up here */
} problem;

static const char *cell_of(const pp_row *row, long column, size_t *len)
{
    if (column < 0 || (size_t)column >= row->n_fields) {
        *len = 0;
        return "";
    }
    *len = row->lengths[column];
    return row->fields[column];
}

static int is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f';
}

static char *scratch_take(ingest_run *run, size_t n)
{
    char *p = run->scratch + run->scratch_used;
    run->scratch_used += n;
    return p;
}

/* Makes sure the scratch buffer can hold everything this row may need:
 * the plan's fixed bytes plus the cells of free-text segments, which are
 * copied there collapsed (never longer than the cell). */
static int scratch_reserve(ingest_run *run, const pp_row *row)
{
    size_t need = run->plan.fixed_scratch;
    for (size_t i = 0; i < run->plan.n_fields; i++) {
        const pp_field *field = &run->plan.fields[i];
        if (field->kind == PP_FIELD_SEGMENT_FREE && (size_t)field->column < row->n_fields)
            need += row->lengths[field->column];
    }
    run->scratch_used = 0;
    if (need <= run->scratch_capacity)
        return 0;
    char *grown = realloc(run->scratch, need);
    if (grown == NULL)
        return -1;
    run->scratch = grown;
    run->scratch_capacity = need;
    return 0;
}

/* fields[k] = a decimal number written into scratch. */
static void set_number(ingest_run *run, size_t k, const char *prefix, long n)
{
    char *p = scratch_take(run, 0);
    int len = snprintf(p, 24, "%s%ld", prefix, n);
    scratch_take(run, (size_t)len + 1);
    run->fields[k] = p;
    run->lengths[k] = (size_t)len;
}

/* The id: the id cell trimmed, or "#ROW" without an id column. A missing
 * or already seen id is a problem; a new one joins the set. Returns 0, 1
 * for a problem, -1 on out of memory. */
static int take_id(ingest_run *run, const pp_row *row, problem *pb)
{
    if (run->plan.id_column < 0) {
        set_number(run, 0, "#", row->row);
        return 0;
    }
    size_t len;
    const char *id = cell_of(row, run->plan.id_column, &len);
    while (len > 0 && is_space(*id))
        id++, len--;
    while (len > 0 && is_space(id[len - 1]))
        len--;
    run->fields[0] = id;
    run->lengths[0] = len;
    pb->column = run->plan.id_column;
    pb->value = id;
    pb->value_len = len;
    if (len == 0) {
        pb->reason = PP_REJECT_MISSING_ID;
        pb->expected = "a respondent id";
        return 1;
    }
    int added = pp_idset_add(run->ids, id, len);
    if (added < 0)
        return -1;
    if (added == 0) {
        pb->reason = PP_REJECT_DUPLICATE_ID;
        pb->expected = "an id no earlier row has";
        return 1;
    }
    return 0;
}

/* Cells beyond the header's columns must be blank. */
static int check_extra_cells(ingest_run *run, const pp_row *row, problem *pb)
{
    size_t n_columns = pp_header_columns(run->header);
    for (size_t i = n_columns; i < row->n_fields; i++) {
        if (pp_label_is_blank(row->fields[i], row->lengths[i]))
            continue;
        pb->reason = PP_REJECT_EXTRA_FIELDS;
        pb->column = (long)i;
        pb->value = row->fields[i];
        pb->value_len = row->lengths[i];
        snprintf(pb->text, sizeof pb->text,
                 "nothing beyond the header's %zu columns", n_columns);
        pb->expected = pb->text;
        return 1;
    }
    return 0;
}

/* A segment without levels: trimmed, runs of white space made one space. */
static void collapse_into(ingest_run *run, size_t k, const char *s, size_t len)
{
    char *out = scratch_take(run, 0);
    size_t n = 0;
    int pending_space = 0;
    for (size_t i = 0; i < len; i++) {
        if (is_space(s[i])) {
            pending_space = n > 0;
            continue;
        }
        if (pending_space)
            out[n++] = ' ';
        pending_space = 0;
        out[n++] = s[i];
    }
    scratch_take(run, n);
    run->fields[k] = out;
    run->lengths[k] = n;
}

static void set_problem(problem *pb, pp_reject_reason reason, const pp_field *field,
                        const char *value, size_t len)
{
    pb->reason = reason;
    pb->column = field->column;
    pb->value = value;
    pb->value_len = len;
    pb->expected = field->expected;
}

/* A field read from one cell (segments, ratings, text). 0 or 1. */
static int fill_from_cell(ingest_run *run, size_t k, const pp_field *field,
                          const char *cell, size_t len, problem *pb)
{
    int code = 0;
    int found;
    switch (field->kind) {
    case PP_FIELD_SEGMENT_FREE:
        collapse_into(run, k, cell, len);
        return 0;
    case PP_FIELD_SEGMENT_LEVELS:
        found = pp_label_lookup(field->index, cell, len, &code);
        if (found < 0 || (found == 1 && (code < 1 || (size_t)code > field->levels->count))) {
            set_problem(pb, PP_REJECT_UNKNOWN_SEGMENT, field, cell, len);
            return 1;
        }
        if (found == 1) {
            run->fields[k] = field->levels->items[code - 1];
            run->lengths[k] = strlen(field->levels->items[code - 1]);
        }
        return 0;
    case PP_FIELD_RATING:
        found = pp_label_lookup(field->index, cell, len, &code);
        if (found < 0) {
            set_problem(pb, PP_REJECT_UNKNOWN_LABEL, field, cell, len);
            return 1;
        }
        if (found == 1)
            set_number(run, k, "", code);
        return 0;
    case PP_FIELD_TEXT:
        if (!pp_label_is_blank(cell, len)) {
            run->fields[k] = cell;
            run->lengths[k] = len;
        }
        return 0;
    default:
        return 0;
    }
}

/* A multi-select field: one character per option, '1' ticked. 0 or 1. */
static int fill_multi(ingest_run *run, size_t k, const pp_field *field,
                      const pp_row *row, problem *pb)
{
    char *ticks = scratch_take(run, field->n_options);
    memset(ticks, '0', field->n_options);
    run->fields[k] = ticks;
    run->lengths[k] = field->n_options;
    size_t len;
    if (field->kind == PP_FIELD_MULTI_COLUMNS) {
        for (size_t o = 0; o < field->n_options; o++) {
            const char *cell = cell_of(row, field->option_columns[o], &len);
            if (!pp_label_is_blank(cell, len))
                ticks[o] = '1';
        }
        return 0;
    }
    const char *cell = cell_of(row, field->column, &len);
    const char *bad = NULL;
    size_t bad_len = 0;
    if (pp_multi_cell_match(field->index, field->max_separators, cell, len,
                            ticks, &bad, &bad_len))
        return 0;
    set_problem(pb, PP_REJECT_UNKNOWN_OPTION, field, bad, bad_len);
    return 1;
}

/* Fills run->fields for one respondent row. Returns 0 for a record, 1 for
 * a reject (pb filled), -1 on out of memory (diag filled). */
static int build_record(ingest_run *run, const pp_row *row, problem *pb)
{
    if (scratch_reserve(run, row) != 0)
        return pp_diag_set(run->diag, PP_ERR_NOMEM, NULL, 0, NULL), -1;
    int status = take_id(run, row, pb);
    if (status < 0)
        return pp_diag_set(run->diag, PP_ERR_NOMEM, NULL, 0, NULL), -1;
    if (status > 0 || check_extra_cells(run, row, pb))
        return 1;
    set_number(run, 1, "", row->row);
    run->fields[2] = pp_wave_name(run->wave);
    run->lengths[2] = strlen(run->fields[2]);
    for (size_t i = 0; i < run->plan.n_fields; i++) {
        const pp_field *field = &run->plan.fields[i];
        size_t k = FIXED_COLUMNS + i;
        run->fields[k] = "";
        run->lengths[k] = 0;
        if (field->kind == PP_FIELD_UNREAD)
            continue;
        if (field->kind == PP_FIELD_MULTI_CELL || field->kind == PP_FIELD_MULTI_COLUMNS)
            status = fill_multi(run, k, field, row, pb);
        else {
            size_t len;
            const char *cell = cell_of(row, field->column, &len);
            status = fill_from_cell(run, k, field, cell, len, pb);
        }
        if (status != 0)
            return 1;
    }
    return 0;
}

static int write_reject(ingest_run *run, const pp_row *row, const problem *pb)
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
        .id = pb->reason == PP_REJECT_MISSING_ID ? "" : run->fields[0],
        .id_len = pb->reason == PP_REJECT_MISSING_ID ? 0 : run->lengths[0],
        .column = column,
        .reason = pp_reject_reason_name(pb->reason),
        .value = pb->value,
        .value_len = pb->value_len,
        .expected = pb->expected,
    };
    return pp_rejects_write(run->rejects_out, &line);
}

/* One respondent row: a record or a reject. 0, or -1 with diag filled. */
static int take_row(ingest_run *run, const pp_row *row)
{
    problem pb = {.column = -1};
    run->fields[0] = "";
    run->lengths[0] = 0;
    run->summary->rows++;
    int status = build_record(run, row, &pb);
    if (status < 0)
        return -1;
    if (status > 0) {
        run->summary->rejected++;
        run->summary->by_reason[pb.reason]++;
        if (run->rejects_out != NULL && write_reject(run, row, &pb) != 0)
            goto write_failed;
        return 0;
    }
    run->summary->kept++;
    if (run->records_out != NULL
        && pp_records_write_row(run->records_out, run->fields, run->lengths,
                                FIXED_COLUMNS + run->plan.n_fields) != 0)
        goto write_failed;
    return 0;
write_failed:
    pp_diag_set(run->diag, PP_ERR_WRITE, NULL, 0,
                "could not write the %s (is the disk full?)",
                status > 0 ? "rejects" : "records");
    return -1;
}

/* The header is complete: plan the columns, write both headers. */
static int start_body(ingest_run *run)
{
    if (pp_ingest_plan_build(&run->plan, run->cb, run->wave, run->header, run->diag) != PP_OK)
        return -1;
    size_t n = FIXED_COLUMNS + run->plan.n_fields;
    run->fields = calloc(n, sizeof *run->fields);
    run->lengths = calloc(n, sizeof *run->lengths);
    if (run->fields == NULL || run->lengths == NULL) {
        pp_diag_set(run->diag, PP_ERR_NOMEM, NULL, 0, NULL);
        return -1;
    }
    run->in_body = 1;
    if (run->records_out != NULL
        && pp_records_write_header(run->records_out, &run->plan.columns) != 0) {
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
        switch (pp_header_feed(run->header, row, run->diag)) {
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

pp_error pp_ingest(const pp_codebook *cb, pp_wave wave, pp_source *src,
                   FILE *records_out, FILE *rejects_out,
                   pp_ingest_summary *summary, pp_diag *diag)
{
    pp_ingest_summary unused;
    ingest_run run = {
        .cb = cb, .wave = wave, .records_out = records_out,
        .rejects_out = rejects_out, .diag = diag,
        .summary = summary ? summary : &unused,
    };
    memset(run.summary, 0, sizeof *run.summary);
    run.header = pp_header_new(layout_of_wave(cb, wave), pp_source_name(src));
    run.ids = pp_idset_new();
    if (run.header == NULL || run.ids == NULL) {
        pp_diag_set(diag, PP_ERR_NOMEM, NULL, 0, NULL);
        goto cleanup;
    }
    if (pp_csv_read(src, on_row, &run, diag) != 0)
        goto cleanup;
    if (!run.in_body && (pp_header_finish(run.header, diag) != 0 || start_body(&run) != 0))
        goto cleanup;
    if ((records_out && fflush(records_out) != 0) || (rejects_out && fflush(rejects_out) != 0))
        pp_diag_set(diag, PP_ERR_WRITE, NULL, 0, "could not write the output (is the disk full?)");
cleanup:
    if (diag->code != PP_OK && diag->line_word == NULL)
        diag->line_word = "row";
    if (diag->code == PP_OK && (run.summary->rows != run.summary->kept + run.summary->rejected))
        pp_diag_set(diag, PP_ERR_INTERNAL, NULL, 0, "rows read do not add up to kept + rejected");
    free(run.fields);
    free(run.lengths);
    free(run.scratch);
    pp_ingest_plan_free(&run.plan);
    pp_idset_free(run.ids);
    if (run.header != NULL)
        pp_header_free(run.header);
    return diag->code;
}

/* Reasons in the order rows are checked: the id, the row's shape, cells. */
static const pp_reject_reason summary_order[PP_REJECT_COUNT] = {
    PP_REJECT_DUPLICATE_ID, PP_REJECT_MISSING_ID, PP_REJECT_EXTRA_FIELDS,
    PP_REJECT_UNKNOWN_SEGMENT, PP_REJECT_UNKNOWN_LABEL, PP_REJECT_UNKNOWN_OPTION,
};

void pp_ingest_summary_print(const pp_ingest_summary *s, FILE *out)
{
    fprintf(out, "%ld row%s read, %ld kept, %ld rejected",
            s->rows, s->rows == 1 ? "" : "s", s->kept, s->rejected);
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

/* ingest_row.c: one export row into one record, or the reason it is
 * rejected (see ingest_row.h). */
#include "ingest_row.h"

#include <stdlib.h>
#include <string.h>

#include "multi_cell.h"
#include "utf8.h"

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

/* pp_label_is_blank, answered at once for the usual cells: empty, or
 * starting with a printable ASCII character, which normalisation keeps. */
static int cell_is_blank(const char *s, size_t len)
{
    if (len == 0)
        return 1;
    if ((unsigned char)s[0] > ' ' && (unsigned char)s[0] < 0x7F)
        return 0;
    return pp_label_is_blank(s, len);
}

static char *scratch_take(pp_record_builder *b, size_t n)
{
    char *p = b->scratch + b->scratch_used;
    b->scratch_used += n;
    return p;
}

#define NUMBER_BYTES 24          /* a long in decimal with its sign, '#' and NUL */

static size_t cell_length(const pp_row *row, long column)
{
    return column >= 0 && (size_t)column < row->n_fields ? row->lengths[column] : 0;
}

/* Bytes of scratch one field of this row may take, its NUL included. */
static size_t scratch_for(const pp_field *field, const pp_row *row)
{
    switch (field->kind) {
    case PP_FIELD_RATING:
        return NUMBER_BYTES;
    case PP_FIELD_MULTI_CELL:
    case PP_FIELD_MULTI_COLUMNS:
        return field->n_options + 1;
    case PP_FIELD_SEGMENT_FREE:     /* copied collapsed: never longer */
        return cell_length(row, field->column) + 1;
    default:
        return 0;
    }
}

/* Makes sure the scratch buffer can hold everything this row may need:
 * the id (a copy, if trimming cut its end) and row numbers, then each
 * field's share. */
static int scratch_reserve(pp_record_builder *b, const pp_row *row)
{
    size_t need = 2 * NUMBER_BYTES + cell_length(row, b->plan->id_column) + 1;
    for (size_t i = 0; i < b->plan->n_fields; i++)
        need += scratch_for(&b->plan->fields[i], row);
    b->scratch_used = 0;
    if (need <= b->scratch_capacity)
        return 0;
    char *grown = realloc(b->scratch, need);
    if (grown == NULL)
        return -1;
    b->scratch = grown;
    b->scratch_capacity = need;
    return 0;
}

/* fields[k] = prefix and n in decimal, written into scratch with a NUL
 * after it (by hand: it runs for every rating cell, and printf would be
 * most of the time). */
static void set_number(pp_record_builder *b, size_t k, const char *prefix, long n)
{
    char digits[NUMBER_BYTES];
    size_t n_digits = 0;
    unsigned long magnitude = n < 0 ? 0UL - (unsigned long)n : (unsigned long)n;
    do {
        digits[n_digits++] = (char)('0' + magnitude % 10);
        magnitude /= 10;
    } while (magnitude > 0);
    char *out = scratch_take(b, 0);
    size_t len = 0;
    while (*prefix)
        out[len++] = *prefix++;
    if (n < 0)
        out[len++] = '-';
    while (n_digits > 0)
        out[len++] = digits[--n_digits];
    out[len] = '\0';
    scratch_take(b, len + 1);
    b->fields[k] = out;
    b->lengths[k] = len;
}

/* fields[k] = the code in decimal: from a table for the codes scales
 * have (one digit, or minus and one), else written into scratch. */
static void set_code(pp_record_builder *b, size_t k, int code)
{
    static const char *const small[] = {"-9", "-8", "-7", "-6", "-5", "-4", "-3", "-2", "-1",
                                        "0", "1", "2", "3", "4", "5", "6", "7", "8", "9"};
    if (code < -9 || code > 9) {
        set_number(b, k, "", code);
        return;
    }
    b->fields[k] = small[code + 9];
    b->lengths[k] = code < 0 ? 2 : 1;
}

/* The id: the id cell trimmed, or "#ROW" without an id column. A missing
 * or already seen id is a problem; a new one joins the set. Returns 0, 1
 * for a problem, -1 on out of memory. */
static int take_id(pp_record_builder *b, const pp_row *row, pp_row_problem *pb)
{
    if (b->plan->id_column < 0) {
        set_number(b, 0, "#", row->row);
        return 0;
    }
    size_t len;
    const char *id = cell_of(row, b->plan->id_column, &len);
    /* A byte-order mark in mid-file (two exports joined with cat) is not
     * part of the id: with it, a repeated id would go unnoticed. */
    if (len >= 3 && memcmp(id, "\xEF\xBB\xBF", 3) == 0)
        id += 3, len -= 3;
    while (len > 0 && is_space(*id))
        id++, len--;
    while (len > 0 && is_space(id[len - 1]))
        len--;
    if (id[len] != '\0') {             /* its end trimmed: a copy, NUL-terminated */
        char *copy = scratch_take(b, len + 1);
        memcpy(copy, id, len);
        copy[len] = '\0';
        id = copy;
    }
    b->fields[0] = id;
    b->lengths[0] = len;
    pb->column = b->plan->id_column;
    pb->value = id;
    pb->value_len = len;
    if (len == 0) {
        pb->reason = PP_REJECT_MISSING_ID;
        pb->expected = "a respondent id";
        return 1;
    }
    int added = pp_idset_add(b->ids, id, len);
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
static int check_extra_cells(pp_record_builder *b, const pp_row *row, pp_row_problem *pb)
{
    size_t n_columns = pp_header_columns(b->header);
    for (size_t i = n_columns; i < row->n_fields; i++) {
        if (cell_is_blank(row->fields[i], row->lengths[i]))
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

/* A row with fewer cells than the header reads as blanks past its end
 * (spreadsheets drop trailing empty cells), except the last row of a file
 * that ends inside it: that row was most likely cut off mid-way. */
int pp_row_cut_short(const pp_record_builder *b, const pp_row *row)
{
    return row->cut_short && row->n_fields < pp_header_columns(b->header);
}

/* The last cell is shown as far as it is whole UTF-8: the cut may have
 * fallen inside a character. */
static int check_cut_short(pp_record_builder *b, const pp_row *row, pp_row_problem *pb)
{
    size_t n_columns = pp_header_columns(b->header);
    if (!pp_row_cut_short(b, row))
        return 0;
    pb->reason = PP_REJECT_CUT_SHORT;
    pb->column = (long)row->n_fields - 1;
    pb->value = row->n_fields > 0 ? row->fields[row->n_fields - 1] : "";
    pb->value_len = row->n_fields > 0
                        ? pp_utf8_valid_length(pb->value, row->lengths[row->n_fields - 1]) : 0;
    snprintf(pb->text, sizeof pb->text, "all %zu columns; the file ends after %zu: "
             "is it cut short?", n_columns, row->n_fields);
    pb->expected = pb->text;
    return 1;
}

/* A segment without levels: trimmed, runs of white space made one space. */
static void collapse_into(pp_record_builder *b, size_t k, const char *s, size_t len)
{
    char *out = scratch_take(b, 0);
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
    out[n] = '\0';
    scratch_take(b, n + 1);
    b->fields[k] = out;
    b->lengths[k] = n;
}

static void set_problem(pp_row_problem *pb, pp_reject_reason reason, const pp_field *field,
                        const char *value, size_t len)
{
    pb->reason = reason;
    pb->column = field->column;
    pb->value = value;
    pb->value_len = len;
    pb->expected = field->expected;
}

/* A field read from one cell (segments, ratings, text). 0 or 1. */
static int fill_from_cell(pp_record_builder *b, size_t k, const pp_field *field,
                          const char *cell, size_t len, pp_row_problem *pb)
{
    pp_label_memo *memo = &b->memos[k - PP_RECORD_FIXED_COLUMNS];
    int code = 0;
    int found;
    switch (field->kind) {
    case PP_FIELD_SEGMENT_FREE:
        collapse_into(b, k, cell, len);
        return 0;
    case PP_FIELD_SEGMENT_LEVELS:
        found = pp_label_memo_lookup(memo, field->index, cell, len, &code);
        if (found < 0 || (found == 1 && (code < 1 || (size_t)code > field->levels->count))) {
            set_problem(pb, PP_REJECT_UNKNOWN_SEGMENT, field, cell, len);
            return 1;
        }
        if (found == 1) {
            b->fields[k] = field->levels->items[code - 1];
            b->lengths[k] = strlen(field->levels->items[code - 1]);
        }
        return 0;
    case PP_FIELD_RATING:
        found = pp_label_memo_lookup(memo, field->index, cell, len, &code);
        if (found < 0) {
            set_problem(pb, PP_REJECT_UNKNOWN_LABEL, field, cell, len);
            return 1;
        }
        if (found == 1)
            set_code(b, k, code);
        return 0;
    case PP_FIELD_TEXT:
        if (!cell_is_blank(cell, len)) {
            b->fields[k] = cell;
            b->lengths[k] = len;
        }
        return 0;
    default:
        return 0;
    }
}

/* A multi-select field: one character per option, '1' ticked. 0 or 1. */
static int fill_multi(pp_record_builder *b, size_t k, const pp_field *field,
                      const pp_row *row, pp_row_problem *pb)
{
    char *ticks = scratch_take(b, field->n_options + 1);
    memset(ticks, '0', field->n_options);
    ticks[field->n_options] = '\0';
    b->fields[k] = ticks;
    b->lengths[k] = field->n_options;
    size_t len;
    if (field->kind == PP_FIELD_MULTI_COLUMNS) {
        for (size_t o = 0; o < field->n_options; o++) {
            const char *cell = cell_of(row, field->option_columns[o], &len);
            if (!cell_is_blank(cell, len))
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

int pp_record_build(pp_record_builder *b, const pp_row *row, pp_row_problem *pb)
{
    pb->column = -1;
    b->fields[0] = "";
    b->lengths[0] = 0;
    if (scratch_reserve(b, row) != 0)
        return -1;
    int status = take_id(b, row, pb);
    if (status != 0)
        return status;
    if (check_extra_cells(b, row, pb) || check_cut_short(b, row, pb))
        return 1;
    set_number(b, 1, "", row->row);
    b->fields[2] = pp_wave_name(b->wave);
    b->lengths[2] = strlen(b->fields[2]);
    for (size_t i = 0; i < b->plan->n_fields; i++) {
        const pp_field *field = &b->plan->fields[i];
        size_t k = PP_RECORD_FIXED_COLUMNS + i;
        b->fields[k] = "";
        b->lengths[k] = 0;
        if (field->kind == PP_FIELD_UNREAD)
            continue;
        if (field->kind == PP_FIELD_MULTI_CELL || field->kind == PP_FIELD_MULTI_COLUMNS)
            status = fill_multi(b, k, field, row, pb);
        else {
            size_t len;
            const char *cell = cell_of(row, field->column, &len);
            status = fill_from_cell(b, k, field, cell, len, pb);
        }
        if (status != 0)
            return 1;
    }
    return 0;
}

int pp_record_builder_init(pp_record_builder *b, const pp_ingest_plan *plan,
                           const pp_header *header, pp_wave wave)
{
    memset(b, 0, sizeof *b);
    b->plan = plan;
    b->header = header;
    b->wave = wave;
    b->n_fields = PP_RECORD_FIXED_COLUMNS + plan->n_fields;
    b->ids = pp_idset_new();
    b->fields = calloc(b->n_fields, sizeof *b->fields);
    b->lengths = calloc(b->n_fields, sizeof *b->lengths);
    b->memos = calloc(plan->n_fields ? plan->n_fields : 1, sizeof *b->memos);
    if (b->ids == NULL || b->fields == NULL || b->lengths == NULL || b->memos == NULL)
        return -1;
    return 0;
}

void pp_record_builder_free(pp_record_builder *b)
{
    pp_idset_free(b->ids);
    free(b->fields);
    free(b->lengths);
    free(b->memos);
    free(b->scratch);
    memset(b, 0, sizeof *b);
}

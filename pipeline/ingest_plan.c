/* ingest_plan.c: builds the per-column plan of ingest_plan.h from the
 * codebook and the export header. Each records column is planned by one
 * small function per kind of thing the codebook describes. */
#include "ingest_plan.h"

#include <stdlib.h>
#include <string.h>

#include "multi_cell.h"
#include "records.h"

typedef struct {
    pp_ingest_plan *plan;
    const pp_codebook *cb;
    pp_wave wave;
    const pp_header *header;
    pp_diag *diag;
    size_t next_field;
} planner;

/* 1 if something asked in `asked` is read from the export of `reading`. */
static int wave_reads(pp_wave asked, pp_wave reading)
{
    return reading == PP_WAVE_BOTH || asked == PP_WAVE_BOTH || asked == reading;
}

/* Looks a codebook column reference up in the header; on failure adds to
 * the message which codebook entry named it. */
static pp_error find_column(planner *p, const char *ref, const char *section,
                            const char *name, const char *key, long line,
                            long *column)
{
    *column = pp_header_find(p->header, ref, p->diag);
    if (*column >= 0)
        return PP_OK;
    if (p->diag->code == PP_OK)
        pp_diag_set(p->diag, PP_ERR_COLUMN, "", 0, "no column \"%s\"", ref);
    size_t used = strlen(p->diag->detail);
    const char *codebook = p->cb->path ? p->cb->path : "the codebook";
    if (line > 0)
        snprintf(p->diag->detail + used, sizeof p->diag->detail - used,
                 " (named by %s line %ld: [%s %s] %s)", codebook, line, section, name, key);
    else
        snprintf(p->diag->detail + used, sizeof p->diag->detail - used,
                 " (named by %s: [%s] %s)", codebook, section, key);
    return p->diag->code;
}

/* Keeps a copy of text in the plan and returns it, or NULL. */
static const char *keep_text(pp_ingest_plan *plan, const char *text)
{
    if (pp_strings_push_str(&plan->owned_texts, text) != 0)
        return NULL;
    return plan->owned_texts.items[plan->owned_texts.count - 1];
}

/* "A | B | C" kept in the plan. */
static const char *keep_joined(pp_ingest_plan *plan, const pp_strings *labels)
{
    size_t total = 1;
    for (size_t i = 0; i < labels->count; i++)
        total += strlen(labels->items[i]) + 3;
    char *joined = malloc(total);
    if (joined == NULL)
        return NULL;
    joined[0] = '\0';
    for (size_t i = 0; i < labels->count; i++) {
        if (i > 0)
            strcat(joined, " | ");
        strcat(joined, labels->items[i]);
    }
    const char *kept = keep_text(plan, joined);
    free(joined);
    return kept;
}

/* The label index of slot `slot` (scales first, then segments, then items),
 * built on first use from a scale or a string list. */
static const pp_label_index *index_in_slot(pp_ingest_plan *plan, size_t slot,
                                           const pp_scale *scale,
                                           const pp_strings *labels)
{
    if (plan->owned_indexes[slot] == NULL)
        plan->owned_indexes[slot] = scale ? pp_label_index_for_scale(scale)
                                          : pp_label_index_for_strings(labels);
    return plan->owned_indexes[slot];
}

static pp_field *next_field(planner *p)
{
    if (p->next_field >= p->plan->n_fields)
        return NULL;
    pp_field *field = &p->plan->fields[p->next_field++];
    field->kind = PP_FIELD_UNREAD;
    field->column = -1;
    return field;
}

static pp_error plan_segment(planner *p, size_t s)
{
    const pp_segment *seg = &p->cb->segments[s];
    pp_field *field = next_field(p);
    if (field == NULL)
        return pp_diag_set(p->diag, PP_ERR_INTERNAL, NULL, 0, "records columns do not match the codebook");
    if (!wave_reads(seg->wave, p->wave))
        return PP_OK;
    pp_error err = find_column(p, seg->column, "segment", seg->name, "column", seg->line, &field->column);
    if (err != PP_OK)
        return err;
    if (seg->levels.count == 0) {
        field->kind = PP_FIELD_SEGMENT_FREE;
        return PP_OK;
    }
    field->kind = PP_FIELD_SEGMENT_LEVELS;
    field->levels = &seg->levels;
    field->index = index_in_slot(p->plan, p->cb->n_scales + s, NULL, &seg->levels);
    field->expected = keep_joined(p->plan, &seg->levels);
    if (field->index == NULL || field->expected == NULL)
        return pp_diag_set(p->diag, PP_ERR_NOMEM, NULL, 0, NULL);
    return PP_OK;
}

/* One rating column (a paired item's before or after, or a single item). */
static pp_error plan_rating(planner *p, const pp_item *item, const char *ref,
                            const char *key, int read)
{
    pp_field *field = next_field(p);
    if (field == NULL || item->scale >= p->cb->n_scales)
        return pp_diag_set(p->diag, PP_ERR_INTERNAL, NULL, 0, "records columns do not match the codebook");
    if (!read)
        return PP_OK;
    pp_error err = find_column(p, ref, pp_item_kind_name(item->kind), item->id, key, item->line, &field->column);
    if (err != PP_OK)
        return err;
    const pp_scale *scale = &p->cb->scales[item->scale];
    char expected[1024];
    pp_label_expected(scale, expected, sizeof expected);
    field->kind = PP_FIELD_RATING;
    field->index = index_in_slot(p->plan, item->scale, scale, NULL);
    field->expected = keep_text(p->plan, expected);
    if (field->index == NULL || field->expected == NULL)
        return pp_diag_set(p->diag, PP_ERR_NOMEM, NULL, 0, NULL);
    return PP_OK;
}

static pp_error plan_multi(planner *p, size_t i, int read)
{
    const pp_item *item = &p->cb->items[i];
    pp_field *field = next_field(p);
    if (field == NULL)
        return pp_diag_set(p->diag, PP_ERR_INTERNAL, NULL, 0, "records columns do not match the codebook");
    if (!read)
        return PP_OK;
    field->n_options = item->options.count;
    if (item->columns.count == 0) {
        field->kind = PP_FIELD_MULTI_CELL;
        field->max_separators = pp_multi_cell_max_separators(&item->options);
        field->index = index_in_slot(p->plan, p->cb->n_scales + p->cb->n_segments + i, NULL, &item->options);
        field->expected = keep_joined(p->plan, &item->options);
        if (field->index == NULL || field->expected == NULL)
            return pp_diag_set(p->diag, PP_ERR_NOMEM, NULL, 0, NULL);
        return find_column(p, item->column, "multi", item->id, "column", item->line, &field->column);
    }
    field->kind = PP_FIELD_MULTI_COLUMNS;
    field->option_columns = calloc(item->columns.count, sizeof *field->option_columns);
    if (field->option_columns == NULL)
        return pp_diag_set(p->diag, PP_ERR_NOMEM, NULL, 0, NULL);
    if (item->columns.count != item->options.count)
        return pp_diag_set(p->diag, PP_ERR_INTERNAL, NULL, 0, "multi item %s: options and columns differ in number", item->id);
    for (size_t k = 0; k < item->columns.count; k++) {
        pp_error err = find_column(p, item->columns.items[k], "multi", item->id, "columns", item->line, &field->option_columns[k]);
        if (err != PP_OK)
            return err;
    }
    return PP_OK;
}

static pp_error plan_text(planner *p, const pp_item *item, int read)
{
    pp_field *field = next_field(p);
    if (field == NULL)
        return pp_diag_set(p->diag, PP_ERR_INTERNAL, NULL, 0, "records columns do not match the codebook");
    if (!read)
        return PP_OK;
    field->kind = PP_FIELD_TEXT;
    return find_column(p, item->column, "text", item->id, "column", item->line, &field->column);
}

static pp_error plan_item(planner *p, size_t i)
{
    const pp_item *item = &p->cb->items[i];
    int read = wave_reads(item->wave, p->wave);
    switch (item->kind) {
    case PP_ITEM_PAIRED: {
        pp_error err = plan_rating(p, item, item->before, "before", p->wave != PP_WAVE_AFTER);
        if (err != PP_OK)
            return err;
        return plan_rating(p, item, item->after, "after", p->wave != PP_WAVE_BEFORE);
    }
    case PP_ITEM_SINGLE:
        return plan_rating(p, item, item->column, "column", read);
    case PP_ITEM_MULTI:
        return plan_multi(p, i, read);
    case PP_ITEM_TEXT:
        return plan_text(p, item, read);
    }
    return pp_diag_set(p->diag, PP_ERR_INTERNAL, NULL, 0, "unknown item kind");
}

/* Allocates the fields (one per records column after id, row, waves) and
 * the index slots. */
static pp_error allocate(pp_ingest_plan *plan, const pp_codebook *cb, pp_diag *diag)
{
    if (pp_records_columns(cb, &plan->columns) != 0)
        return pp_diag_set(diag, PP_ERR_NOMEM, NULL, 0, NULL);
    if (plan->columns.count < 3)
        return pp_diag_set(diag, PP_ERR_INTERNAL, NULL, 0, "records have fewer than 3 columns");
    size_t n_fields = plan->columns.count - 3;
    size_t n_indexes = cb->n_scales + cb->n_segments + cb->n_items;
    /* The counts are set only with their arrays, so that
     * pp_ingest_plan_free never walks an array that is not there. */
    plan->fields = calloc(n_fields ? n_fields : 1, sizeof *plan->fields);
    if (plan->fields == NULL)
        return pp_diag_set(diag, PP_ERR_NOMEM, NULL, 0, NULL);
    plan->n_fields = n_fields;
    plan->owned_indexes = calloc(n_indexes ? n_indexes : 1, sizeof *plan->owned_indexes);
    if (plan->owned_indexes == NULL)
        return pp_diag_set(diag, PP_ERR_NOMEM, NULL, 0, NULL);
    plan->n_owned_indexes = n_indexes;
    return PP_OK;
}

/* plan->read_columns: the export columns the id and the fields read,
 * each once, in the export's order. */
static pp_error list_read_columns(pp_ingest_plan *plan, size_t n_columns, pp_diag *diag)
{
    unsigned char *read = calloc(n_columns ? n_columns : 1, 1);
    plan->read_columns = malloc((n_columns ? n_columns : 1) * sizeof *plan->read_columns);
    if (read == NULL || plan->read_columns == NULL) {
        free(read);
        return pp_diag_set(diag, PP_ERR_NOMEM, NULL, 0, NULL);
    }
    if (plan->id_column >= 0 && (size_t)plan->id_column < n_columns)
        read[plan->id_column] = 1;
    for (size_t i = 0; i < plan->n_fields; i++) {
        const pp_field *field = &plan->fields[i];
        if (field->kind == PP_FIELD_UNREAD)
            continue;
        if (field->column >= 0 && (size_t)field->column < n_columns)
            read[field->column] = 1;
        for (size_t o = 0; field->option_columns != NULL && o < field->n_options; o++)
            if (field->option_columns[o] >= 0 && (size_t)field->option_columns[o] < n_columns)
                read[field->option_columns[o]] = 1;
    }
    for (size_t c = 0; c < n_columns; c++)
        if (read[c])
            plan->read_columns[plan->n_read_columns++] = (long)c;
    free(read);
    return PP_OK;
}

pp_error pp_ingest_plan_build(pp_ingest_plan *plan, const pp_codebook *cb,
                              pp_wave wave, const pp_header *header,
                              pp_diag *diag)
{
    memset(plan, 0, sizeof *plan);
    plan->id_column = -1;
    pp_error err = allocate(plan, cb, diag);
    if (err != PP_OK)
        return err;
    planner p = {plan, cb, wave, header, diag, 0};
    if (cb->id_column != NULL) {
        err = find_column(&p, cb->id_column, "survey", "", "id", 0, &plan->id_column);
        if (err != PP_OK)
            return err;
    }
    for (size_t s = 0; s < cb->n_segments && err == PP_OK; s++)
        err = plan_segment(&p, s);
    for (size_t i = 0; i < cb->n_items && err == PP_OK; i++)
        err = plan_item(&p, i);
    if (err == PP_OK && p.next_field != plan->n_fields)
        err = pp_diag_set(diag, PP_ERR_INTERNAL, NULL, 0, "records columns do not match the codebook");
    if (err == PP_OK)
        err = list_read_columns(plan, pp_header_columns(header), diag);
    return err;
}

void pp_ingest_plan_free(pp_ingest_plan *plan)
{
    for (size_t i = 0; i < plan->n_fields; i++)
        free(plan->fields[i].option_columns);
    free(plan->fields);
    for (size_t i = 0; i < plan->n_owned_indexes; i++)
        if (plan->owned_indexes[i] != NULL)
            pp_label_index_free(plan->owned_indexes[i]);
    free(plan->owned_indexes);
    free(plan->read_columns);
    pp_strings_clear(&plan->columns);
    pp_strings_clear(&plan->owned_texts);
    memset(plan, 0, sizeof *plan);
}

/* stat_rows.c: a statistical file's header and cases as rows (stat_rows.h).
 * One pass reads the dictionary, a second the values; ReadStat gives the
 * values of a case one variable after another, and the row goes out when
 * the next case starts, or at the end. */
#include "stat_rows.h"

#include <stdlib.h>
#include <string.h>

#include "stat_file.h"

typedef struct {
    const pp_stat_dict *dict;
    pp_row row;
    size_t *capacity;           /* per cell */
    long current;               /* the case whose cells are held, -1 none */
    pp_row_fn fn;
    void *user;
    int stopped;                /* fn's non-zero value */
    int failed;                 /* out of memory */
} row_reader;

static int set_cell(row_reader *r, size_t i, const char *text, size_t len)
{
    if (len + 1 > r->capacity[i]) {
        char *grown = realloc(r->row.fields[i], len + 1);
        if (grown == NULL)
            return -1;
        r->row.fields[i] = grown;
        r->capacity[i] = len + 1;
    }
    memcpy(r->row.fields[i], text, len);
    r->row.fields[i][len] = '\0';
    r->row.lengths[i] = len;
    return 0;
}

/* Hands the row held to fn, then blanks it. */
static int flush(row_reader *r)
{
    if (r->current < 0)
        return 0;
    r->row.row = r->current + 1;
    r->current = -1;
    r->stopped = r->fn(&r->row, r->user);
    for (size_t i = 0; i < r->row.n_fields; i++) {
        r->row.fields[i][0] = '\0';      /* every cell was given room by the header */
        r->row.lengths[i] = 0;
    }
    return r->stopped;
}

static int on_value(int obs_index, readstat_variable_t *variable, readstat_value_t value, void *ctx)
{
    row_reader *r = ctx;
    if (obs_index != r->current && flush(r) != 0)
        return READSTAT_HANDLER_ABORT;
    r->current = obs_index;
    size_t v = (size_t)readstat_variable_get_index(variable), len;
    if (v >= r->row.n_fields)
        return READSTAT_HANDLER_OK;
    char number[40];
    const char *text = pp_stat_cell_text(r->dict, v, value, number, sizeof number, &len);
    if (set_cell(r, v, text, len) != 0) {
        r->failed = 1;
        return READSTAT_HANDLER_ABORT;
    }
    return READSTAT_HANDLER_OK;
}

/* Rows 1 and 2: names, then labels. */
static int send_header(row_reader *r)
{
    const pp_stat_dict *d = r->dict;
    for (int pass = 0; pass < 2; pass++) {
        for (size_t v = 0; v < d->n_vars; v++) {
            const char *text = pass == 0 ? d->vars[v].name : d->vars[v].label;
            if (set_cell(r, v, text, strlen(text)) != 0) {
                r->failed = 1;
                return -1;
            }
        }
        r->row.row = 0;
        if ((r->stopped = r->fn(&r->row, r->user)) != 0)
            return -1;
    }
    return 0;
}

static int alloc_row(row_reader *r, size_t n)
{
    r->row.n_fields = n;
    r->row.fields = calloc(n ? n : 1, sizeof *r->row.fields);
    r->row.lengths = calloc(n ? n : 1, sizeof *r->row.lengths);
    r->capacity = calloc(n ? n : 1, sizeof *r->capacity);
    return r->row.fields && r->row.lengths && r->capacity ? 0 : -1;
}

static void free_row(row_reader *r)
{
    for (size_t i = 0; r->row.fields != NULL && i < r->row.n_fields; i++)
        free(r->row.fields[i]);
    free(r->row.fields);
    free(r->row.lengths);
    free(r->capacity);
}

/* ReadStat 1.1.8 reads SPSS values wrongly with no variable handler. */
static int on_variable(int index, readstat_variable_t *variable, const char *val_labels, void *ctx)
{
    (void)index, (void)variable, (void)val_labels, (void)ctx;
    return READSTAT_HANDLER_OK;
}

/* Pass 2: every case through fn. */
static int send_cases(row_reader *r, const pp_stat_file *f, pp_layout layout, pp_diag *diag)
{
    readstat_parser_t *parser = readstat_parser_init();
    if (parser == NULL) {
        r->failed = 1;
        return -1;
    }
    readstat_set_variable_handler(parser, on_variable);
    readstat_set_value_handler(parser, on_value);
    readstat_error_t error = pp_stat_file_parse(parser, f, layout, r);
    readstat_parser_free(parser);
    if (error == READSTAT_OK && flush(r) == 0)
        return 0;
    if (error != READSTAT_OK && !r->stopped && !r->failed)
        pp_stat_parse_failed(diag, f, layout, r->current + 1, error);
    return -1;
}

/* The file's first bytes must say it is a file of this layout. */
static int check_kind(const pp_stat_file *f, pp_layout layout, pp_diag *diag)
{
    int kind = pp_stat_detect(f->data, f->len);
    if (kind == (int)layout)
        return 0;
    if (f->len == 0)
        pp_diag_set(diag, PP_ERR_EMPTY, f->name, 0, "the file is empty: no variables, no cases");
    else if (kind < 0)
        pp_diag_set(diag, PP_ERR_HEADER, f->name, 0, "the codebook says layout = %s, but "
                    "this is not %s; if it is a CSV export, name its layout (plain, "
                    "surveymonkey, qualtrics or google)", pp_layout_name(layout),
                    pp_stat_kind_words(layout));
    else
        pp_diag_set(diag, PP_ERR_HEADER, f->name, 0, "the codebook says layout = %s, but "
                    "this is %s: say layout = %s", pp_layout_name(layout),
                    pp_stat_kind_words((pp_layout)kind), pp_layout_name((pp_layout)kind));
    return -1;
}

int pp_stat_read(pp_source *src, pp_layout layout, pp_row_fn fn, void *user,
                 const pp_stat_dict **dict_out, pp_diag *diag)
{
    pp_stat_file f = {0};
    pp_stat_dict dict = {0};
    row_reader r = {.dict = &dict, .current = -1, .fn = fn, .user = user};
    int status = -1;
    if (pp_stat_file_load(&f, src, diag) != 0 || check_kind(&f, layout, diag) != 0
        || pp_stat_dict_read(&dict, &f, layout, diag) != 0)
        goto cleanup;
    if (dict_out != NULL)
        *dict_out = &dict;
    if (alloc_row(&r, dict.n_vars) != 0) {
        r.failed = 1;
        goto cleanup;
    }
    if (send_header(&r) == 0 && send_cases(&r, &f, layout, diag) == 0)
        status = 0;
cleanup:
    if (r.failed)
        pp_diag_set(diag, PP_ERR_NOMEM, f.name, 0, "no memory left to read the file");
    if (r.stopped)
        status = r.stopped;
    if (dict_out != NULL)
        *dict_out = NULL;
    free_row(&r);
    pp_stat_dict_free(&dict);
    pp_stat_file_free(&f);
    return status;
}

/* init_profile.c: one streaming pass over an export for `prepost init`
 * (init_profile.h). The first rows are held until the layout is known,
 * then fed to the header; every later row updates the column profiles. */
#include "init_profile.h"

#include <stdlib.h>
#include <string.h>

#include "csv_rows.h"
#include "header.h"
#include "label.h"
#include "row_utf8.h"
#include "source.h"
#include "stat_file.h"
#include "stat_rows.h"

#define HELD_ROWS 3

typedef struct {
    pp_init_profile *p;
    pp_header *header;
    const char *path;
    pp_strings held[HELD_ROWS];
    long held_row[HELD_ROWS];
    size_t n_held;
    int in_body;
    const pp_stat_dict *dict;   /* statistical files */
    pp_diag *diag;
} profiler;

static int cell_is(const pp_strings *row, const char *name)
{
    for (size_t i = 0; i < row->count; i++)
        if (pp_label_equal(row->items[i], strlen(row->items[i]), name, strlen(name)))
            return 1;
    return 0;
}

/* An older Qualtrics export: column IDs V1, V2, ... and under one of them
 * the name of Qualtrics' own respondent columns. */
static int old_qualtrics(const pp_strings *first, const pp_strings *second)
{
    for (size_t i = 0; i < first->count && i < second->count; i++) {
        const char *id = first->items[i], *name = second->items[i];
        if ((id[0] == 'V' || id[0] == 'v') && id[1] != '\0'
            && strspn(id + 1, "0123456789") == strlen(id + 1)
            && (pp_label_equal(name, strlen(name), "ResponseID", 10)
                || pp_label_equal(name, strlen(name), "ResponseSet", 11)))
            return 1;
    }
    return 0;
}

static pp_layout detect_csv(const profiler *pr)
{
    const pp_strings *first = &pr->held[0];
    if (pr->n_held > 2 && pr->held[2].count > 0 && strncmp(pr->held[2].items[0], "{\"ImportId\"", 11) == 0)
        return PP_LAYOUT_QUALTRICS;
    if (cell_is(first, "ResponseId") || cell_is(first, "ResponseID"))
        return PP_LAYOUT_QUALTRICS;
    if (pr->n_held > 1 && old_qualtrics(first, &pr->held[1]))
        return PP_LAYOUT_QUALTRICS;
    if (cell_is(first, "Respondent ID") && cell_is(first, "Collector ID"))
        return PP_LAYOUT_SURVEYMONKEY;
    if (pr->n_held > 1 && cell_is(&pr->held[1], "Response") && cell_is(first, "Respondent ID"))
        return PP_LAYOUT_SURVEYMONKEY;
    if (first->count > 0 && pp_label_equal(first->items[0], strlen(first->items[0]), "Timestamp", 9))
        return PP_LAYOUT_GOOGLE;
    for (size_t i = 0; i < first->count; i++) {
        size_t n = strlen(first->items[i]);
        if (n > 2 && first->items[i][n - 1] == ']' && strstr(first->items[i], " ["))
            return PP_LAYOUT_GOOGLE;
    }
    return PP_LAYOUT_PLAIN;
}

static int grow_columns(pp_init_profile *p, size_t n)
{
    if (n <= p->n_cols)
        return 0;
    pp_init_column *cols = realloc(p->cols, n * sizeof *cols);
    if (cols == NULL)
        return -1;
    memset(cols + p->n_cols, 0, (n - p->n_cols) * sizeof *cols);
    p->cols = cols;
    p->n_cols = n;
    return 0;
}

/* Names from the complete header; the second header row is the text. */
static int take_names(profiler *pr)
{
    pp_init_profile *p = pr->p;
    size_t n = pp_header_columns(pr->header);
    if (grow_columns(p, n) != 0)
        return -1;
    int text_row = p->layout == PP_LAYOUT_QUALTRICS || pp_layout_is_statistical(p->layout);
    for (size_t i = 0; i < n; i++) {
        const pp_strings *second = &pr->held[1];
        const char *text = text_row && i < second->count ? second->items[i] : "";
        p->cols[i].name = strdup(pp_header_name(pr->header, i));
        p->cols[i].text = strdup(text);
        p->cols[i].counts = calloc(PP_INIT_DISTINCT_CAP, sizeof *p->cols[i].counts);
        if (!p->cols[i].name || !p->cols[i].text || !p->cols[i].counts)
            return -1;
        if (n <= PP_INIT_SAME_MAX_COLS) {
            if ((p->cols[i].same = malloc(n * sizeof *p->cols[i].same)) == NULL)
                return -1;
            for (size_t j = 0; j < n; j++)
                p->cols[i].same[j] = PP_INIT_SAME_UNSEEN;
        }
        pp_diag scratch;
        pp_diag_clear(&scratch);
        long found = pp_header_find(pr->header, p->cols[i].name, &scratch);
        if (scratch.code == PP_ERR_NOMEM)
            return -1;
        p->cols[i].ambiguous = found != (long)i;
    }
    return 0;
}

/* A statistical file's value labels, while its dictionary is there. */
static int take_labels(profiler *pr)
{
    const pp_stat_dict *d = pr->dict;
    for (size_t v = 0; d != NULL && v < d->n_vars && v < pr->p->n_cols; v++) {
        pp_init_column *c = &pr->p->cols[v];
        if (d->vars[v].label_set < 0)
            continue;
        const pp_stat_label_set *set = &d->sets[d->vars[v].label_set];
        c->label_missing = calloc(set->count + 1, 1);
        if (c->label_missing == NULL)
            return -1;
        for (size_t i = 0; i < set->count; i++) {
            const pp_stat_value_label *item = &set->items[i];
            if (pp_strings_push_str(&c->labels, item->label) != 0)
                return -1;
            c->label_missing[i] = item->tag != 0 || (!item->is_text
                && pp_stat_dict_is_user_missing(d, v, item->number));
        }
    }
    return 0;
}

/* The index of piece s[0..len) in c, added if new; -1 past the cap, -2
 * out of memory, -3 an empty piece. */
static int piece_index(pp_init_pieces *pc, const char *s, size_t len)
{
    while (len > 0 && (s[0] == ' ' || s[0] == '\t'))
        s++, len--;
    while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\t'))
        len--;
    if (len == 0)
        return -3;
    for (size_t i = 0; i < pc->names.count; i++)
        if (pp_label_equal(pc->names.items[i], strlen(pc->names.items[i]), s, len))
            return (int)i;
    if (pc->names.count == PP_INIT_PIECE_CAP) {
        pc->overflow = 1;
        return -1;
    }
    int k = (int)pc->names.count;
    if (pp_strings_push(&pc->names, s, len) != 0)
        return -2;
    pc->counts[k] = 0;
    pc->next[k] = pc->prev[k] = PP_INIT_PIECE_UNSEEN;
    return k;
}

static void link_piece(int *slot, int other)
{
    if (*slot == PP_INIT_PIECE_UNSEEN)
        *slot = other < 0 ? PP_INIT_PIECE_VARIES : other;
    else if (*slot != other)
        *slot = PP_INIT_PIECE_VARIES;
}

/* Splits a cell at ";" and ",", and counts its pieces: only pieces
 * across ", " are linked, a "," without a space or a ";" ends a choice. */
static int count_pieces(pp_init_column *c, const char *s, size_t len)
{
    if (c->pieces == NULL && (c->pieces = calloc(1, sizeof *c->pieces)) == NULL)
        return -1;
    pp_init_pieces *pc = c->pieces;
    const char *p = s, *end = s + len;
    int n_pieces = 0, before = -1;
    while (!pc->overflow) {
        const char *q = p;
        while (q < end && *q != ',' && *q != ';')
            q++;
        int k = piece_index(pc, p, (size_t)(q - p));
        if (k == -2)
            return -1;
        if (k >= 0) {
            pc->counts[k]++;
            n_pieces++;
            link_piece(&pc->prev[k], before);
        }
        if (before >= 0)
            link_piece(&pc->next[before], k);
        int joined = q + 1 < end && q[0] == ',' && q[1] == ' ';
        if (k >= 0 && !joined)
            link_piece(&pc->next[k], -1);
        before = joined ? k : -1;
        if (q >= end)
            break;
        p = q + 1;
    }
    if (n_pieces > 1)
        pc->split_cells++;
    return 0;
}

/* Counts spelling s[0..len) of answer v when it is not the first. */
static int count_spelling(pp_init_column *c, int v, const char *s, size_t len)
{
    const char *first = c->values.items[v];
    if (strlen(first) == len && memcmp(first, s, len) == 0)
        return 0;
    if (c->spellings == NULL && (c->spellings = calloc(1, sizeof *c->spellings)) == NULL)
        return -1;
    pp_init_spellings *sp = c->spellings;
    for (size_t k = 0; k < sp->texts.count; k++)
        if (sp->value[k] == v && strlen(sp->texts.items[k]) == len
            && memcmp(sp->texts.items[k], s, len) == 0) {
            sp->counts[k]++;
            return 0;
        }
    if (sp->texts.count == PP_INIT_SPELLING_CAP)
        return 0;
    sp->value[sp->texts.count] = v;
    sp->counts[sp->texts.count] = 1;
    return pp_strings_push(&sp->texts, s, len);
}

static int is_blank_byte(char ch)
{
    return ch == ' ' || ch == '\t' || ch == '\r' || ch == '\n';
}

/* Counts a cell; *value gets the index of its answer, or -1 (blank, or
 * past the cap). */
static int count_cell(pp_init_column *c, const char *s, size_t len, int *value)
{
    *value = -1;
    if (pp_label_is_blank(s, len))
        return 0;
    c->answered++;
    if (count_pieces(c, s, len) != 0)
        return -1;
    if (len > c->max_len)
        c->max_len = len;
    while (len > 0 && is_blank_byte(s[0]))
        s++, len--;
    while (len > 0 && is_blank_byte(s[len - 1]))
        len--;
    for (size_t i = 0; i < c->values.count; i++)
        if (pp_label_equal(c->values.items[i], strlen(c->values.items[i]), s, len)) {
            c->counts[i]++;
            *value = (int)i;
            return count_spelling(c, (int)i, s, len);
        }
    if (c->values.count == PP_INIT_DISTINCT_CAP) {
        c->overflow = 1;
        return 0;
    }
    c->counts[c->values.count] = 1;
    *value = (int)c->values.count;
    return pp_strings_push(&c->values, s, len);
}

/* For each answered column, which answers the other columns had. */
static void note_same(pp_init_profile *p, const int *values, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        int *same = p->cols[i].same;
        if (same == NULL || values[i] < 0)
            continue;
        for (size_t j = 0; j < p->n_cols; j++) {
            int v = j < n ? values[j] : -1;
            if (same[j] == PP_INIT_SAME_UNSEEN)
                same[j] = v < 0 ? PP_INIT_SAME_VARIES : v;
            else if (same[j] != v)
                same[j] = PP_INIT_SAME_VARIES;
        }
    }
}

static int take_answers(profiler *pr, const pp_row *row)
{
    pp_init_profile *p = pr->p;
    p->rows++;
    size_t n = row->n_fields < p->n_cols ? row->n_fields : p->n_cols;
    int *values = malloc((n + 1) * sizeof *values);
    if (values == NULL)
        return -1;
    for (size_t i = 0; i < n; i++)
        if (count_cell(&p->cols[i], row->fields[i], row->lengths[i], &values[i]) != 0) {
            free(values);
            return -1;
        }
    note_same(p, values, n);
    free(values);
    return 0;
}

/* A respondent row: its cells must be UTF-8, as ingest wants them. */
static int take_row(profiler *pr, const pp_row *row)
{
    if (pp_row_utf8_check(row, NULL, 0, pr->header, pr->path, pr->diag) != 0)
        return -1;
    return take_answers(pr, row);
}

/* Feeds a row to the header, then to the profiles once it is complete. */
static int feed(profiler *pr, const pp_row *row)
{
    if (pr->in_body)
        return take_row(pr, row);
    pp_header_status status = pp_header_feed(pr->header, row, pr->diag);
    if (status != PP_HEADER_DONE_BEFORE && pp_row_utf8_check_header(row, pr->path, pr->diag) != 0)
        return -1;
    switch (status) {
    case PP_HEADER_MORE:
        return 0;
    case PP_HEADER_DONE:
        pr->in_body = 1;
        return take_names(pr) != 0 || take_labels(pr) != 0 ? -1 : 0;
    case PP_HEADER_DONE_BEFORE:
        pr->in_body = 1;
        if (take_names(pr) != 0 || take_labels(pr) != 0)
            return -1;
        return take_row(pr, row);
    default:
        return -1;
    }
}

static int feed_held(profiler *pr)
{
    pr->header = pp_header_new(pr->p->layout, pr->path);
    if (pr->header == NULL)
        return -1;
    for (size_t r = 0; r < pr->n_held; r++) {
        pp_row row = {pr->held[r].items, NULL, pr->held[r].count, pr->held_row[r], 0, 0};
        size_t lengths[pr->held[r].count + 1];
        for (size_t i = 0; i < row.n_fields; i++)
            lengths[i] = strlen(row.fields[i]);
        row.lengths = lengths;
        if (feed(pr, &row) != 0)
            return -1;
    }
    return 0;
}

static int on_row(const pp_row *row, void *user)
{
    profiler *pr = user;
    if (pr->header != NULL)
        return feed(pr, row) == 0 ? 0 : 1;
    for (size_t i = 0; i < row->n_fields; i++)
        if (pp_strings_push(&pr->held[pr->n_held], row->fields[i], row->lengths[i]) != 0)
            return 1;
    pr->held_row[pr->n_held++] = row->row;
    if (pr->n_held < HELD_ROWS && !pp_layout_is_statistical(pr->p->layout))
        return 0;
    if (!pp_layout_is_statistical(pr->p->layout))
        pr->p->layout = detect_csv(pr);
    else if (pr->n_held < 2)
        return 0;
    return feed_held(pr) == 0 ? 0 : 1;
}

/* The kind of file, by its first (gunzipped) bytes; the file is rewound. */
static int sniff(FILE *in, const char *path, pp_layout *layout, pp_diag *diag)
{
    unsigned char first[64];
    pp_source *src = pp_source_from_file(in, path);
    if (src == NULL)
        return pp_diag_set(diag, PP_ERR_NOMEM, path, 0, NULL), -1;
    long got = pp_source_read(src, first, sizeof first, diag);
    pp_source_free(src);
    if (got < 0)
        return -1;
    int kind = pp_stat_detect(first, (size_t)got);
    *layout = kind < 0 ? PP_LAYOUT_PLAIN : (pp_layout)kind;
    if (fseek(in, 0, SEEK_SET) != 0)
        return pp_diag_set(diag, PP_ERR_READ, path, 0, "the export cannot be read "
                           "twice from the start; give a file, not a pipe"), -1;
    return 0;
}

/* End of data with the header still incomplete (a short export). */
static int finish(profiler *pr)
{
    if (pr->header == NULL) {
        if (!pp_layout_is_statistical(pr->p->layout))
            pr->p->layout = detect_csv(pr);
        if (feed_held(pr) != 0)
            return -1;
    }
    if (!pr->in_body) {
        if (pp_header_finish(pr->header, pr->diag) != 0)
            return -1;
        pr->in_body = 1;
        return take_names(pr);
    }
    return 0;
}

int pp_init_profile_read(pp_init_profile *p, const char *path, pp_diag *diag)
{
    memset(p, 0, sizeof *p);
    profiler pr = {.p = p, .path = path, .diag = diag};
    pp_source *src = NULL;
    int status = -1;
    FILE *in = fopen(path, "rb");
    if (in == NULL) {
        pp_diag_set(diag, PP_ERR_MISSING, path, 0, "no such file, or it cannot be read");
        goto cleanup;
    }
    if (sniff(in, path, &p->layout, diag) != 0)
        goto cleanup;
    if ((src = pp_source_from_file(in, path)) == NULL)
        goto nomem;
    int read = pp_layout_is_statistical(p->layout)
                   ? pp_stat_read(src, p->layout, on_row, &pr, &pr.dict, diag)
                   : pp_csv_read(src, on_row, &pr, diag);
    if (read == 0 && finish(&pr) == 0)
        status = 0;
    else if (diag->code == PP_OK)
        goto nomem;
    goto cleanup;
nomem:
    pp_diag_set(diag, PP_ERR_NOMEM, path, 0, "no memory left to read the export");
cleanup:
    for (size_t r = 0; r < HELD_ROWS; r++)
        pp_strings_clear(&pr.held[r]);
    pp_header_free(pr.header);
    if (src != NULL)
        pp_source_free(src);
    if (in != NULL)
        fclose(in);
    return status;
}

const char *pp_init_spelling(const pp_init_column *c, size_t v)
{
    const pp_init_spellings *sp = c->spellings;
    const char *best = c->values.items[v];
    long others = 0, best_count = 0;
    for (size_t k = 0; sp != NULL && k < sp->texts.count; k++)
        if (sp->value[k] == (int)v)
            others += sp->counts[k];
    best_count = c->counts[v] - others;
    for (size_t k = 0; sp != NULL && k < sp->texts.count; k++)
        if (sp->value[k] == (int)v && sp->counts[k] > best_count) {
            best = sp->texts.items[k];
            best_count = sp->counts[k];
        }
    return best;
}

int pp_init_respelt(const pp_init_column *c, size_t v)
{
    for (size_t k = 0; c->spellings != NULL && k < c->spellings->texts.count; k++)
        if (c->spellings->value[k] == (int)v)
            return 1;
    return 0;
}

void pp_init_profile_free(pp_init_profile *p)
{
    for (size_t i = 0; i < p->n_cols; i++) {
        pp_init_column *c = &p->cols[i];
        free(c->name);
        free(c->text);
        free(c->counts);
        free(c->label_missing);
        free(c->same);
        if (c->pieces != NULL)
            pp_strings_clear(&c->pieces->names);
        free(c->pieces);
        if (c->spellings != NULL)
            pp_strings_clear(&c->spellings->texts);
        free(c->spellings);
        pp_strings_clear(&c->values);
        pp_strings_clear(&c->labels);
    }
    free(p->cols);
    memset(p, 0, sizeof *p);
}

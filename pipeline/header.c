/* header.c: reads the header rows of an export for its layout (header.h)
 * and answers which column a codebook reference means.
 *
 * Each column gets a display name and, for some layouts, a second name it
 * also answers to (a Qualtrics column's question text; a SurveyMonkey
 * "question / Response" column's full form). Both go into a hash table of
 * normalised names once the header is complete. */
#include "header.h"

#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "column_index.h"
#include "column_suggest.h"
#include "label.h"

#define IMPORT_ID_MARK "{\"ImportId\""

struct pp_header {
    pp_layout layout;
    char *file;
    int rows;               /* header rows taken */
    int complete;
    long last_row;          /* row number of the last row fed */
    pp_strings first;       /* cells of header row 1 */
    pp_strings second;      /* cells of header row 2 (two-row layouts) */
    pp_strings names;       /* display name per column */
    pp_strings aliases;     /* second name per column, "" for none */
    pp_column_index *index;
};

static void header_error(pp_diag *diag, const pp_header *h, pp_error code,
                         long row, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));

static void header_error(pp_diag *diag, const pp_header *h, pp_error code,
                         long row, const char *fmt, ...)
{
    char detail[sizeof diag->detail];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(detail, sizeof detail, fmt, ap);
    va_end(ap);
    int was_clear = diag && diag->code == PP_OK;
    pp_diag_set(diag, code, h->file, row, "%s", detail);
    if (was_clear)
        diag->line_word = "row";
}

pp_header *pp_header_new(pp_layout layout, const char *file)
{
    pp_header *h = calloc(1, sizeof *h);
    if (h == NULL)
        return NULL;
    h->layout = layout;
    h->file = strdup(file ? file : "");
    if (h->file == NULL) {
        free(h);
        return NULL;
    }
    return h;
}

void pp_header_free(pp_header *h)
{
    if (h == NULL)
        return;
    pp_strings_clear(&h->first);
    pp_strings_clear(&h->second);
    pp_strings_clear(&h->names);
    pp_strings_clear(&h->aliases);
    pp_column_index_free(h->index);
    free(h->file);
    free(h);
}

static int copy_row(pp_strings *into, const pp_row *row)
{
    for (size_t i = 0; i < row->n_fields; i++)
        if (pp_strings_push(into, row->fields[i], row->lengths[i]) != 0)
            return -1;
    return 0;
}

static const char *cell(const pp_strings *row, size_t i)
{
    return i < row->count ? row->items[i] : "";
}

static int is_blank(const char *s)
{
    return pp_label_is_blank(s, strlen(s));
}

/* Adds one column's display name and alias ("" for none). */
static int add_column(pp_header *h, const char *name, const char *alias)
{
    if (pp_strings_push_str(&h->names, name) != 0)
        return -1;
    return pp_strings_push_str(&h->aliases, alias);
}

/* "question / sub-label" into a new string. */
static char *join_names(const char *question, const char *sub)
{
    size_t len = strlen(question) + strlen(sub) + 4;
    char *joined = malloc(len);
    if (joined)
        snprintf(joined, len, "%s / %s", question, sub);
    return joined;
}

/* The sub-labels SurveyMonkey writes under a question with one answer. */
static int is_single_answer_label(const char *sub)
{
    static const char *const labels[] = {"Response", "Open-Ended Response"};
    for (size_t i = 0; i < sizeof labels / sizeof labels[0]; i++)
        if (pp_label_equal(sub, strlen(sub), labels[i], strlen(labels[i])))
            return 1;
    return 0;
}

static int name_surveymonkey_column(pp_header *h, const char *question, const char *sub)
{
    if (is_blank(sub))
        return add_column(h, question, "");
    if (is_blank(question))
        return add_column(h, sub, "");
    char *joined = join_names(question, sub);
    if (joined == NULL)
        return -1;
    int status = is_single_answer_label(sub) ? add_column(h, question, joined)
                                             : add_column(h, joined, "");
    free(joined);
    return status;
}

static int name_surveymonkey(pp_header *h)
{
    size_t n = h->first.count > h->second.count ? h->first.count : h->second.count;
    const char *question = "";
    for (size_t i = 0; i < n; i++) {
        if (!is_blank(cell(&h->first, i)))
            question = cell(&h->first, i);      /* carried forward until the next */
        if (name_surveymonkey_column(h, question, cell(&h->second, i)) != 0)
            return -1;
    }
    return 0;
}

/* Qualtrics: shown by its ID (Q3_1), also answering to its question text. */
static int name_qualtrics(pp_header *h)
{
    size_t n = h->first.count > h->second.count ? h->first.count : h->second.count;
    for (size_t i = 0; i < n; i++) {
        const char *id = cell(&h->first, i), *text = cell(&h->second, i);
        int status = is_blank(id) ? add_column(h, text, "") : add_column(h, id, text);
        if (status != 0)
            return -1;
    }
    return 0;
}

static int name_one_row(pp_header *h)
{
    for (size_t i = 0; i < h->first.count; i++)
        if (add_column(h, h->first.items[i], "") != 0)
            return -1;
    return 0;
}

static int build_index(pp_header *h)
{
    h->index = pp_column_index_new(h->names.count * 2);
    if (h->index == NULL)
        return -1;
    for (size_t i = 0; i < h->names.count; i++) {
        if (pp_column_index_add(h->index, h->names.items[i], (long)i) != 0 ||
            pp_column_index_add(h->index, h->aliases.items[i], (long)i) != 0)
            return -1;
    }
    return 0;
}

/* Names every column from the rows kept, and indexes the names. */
static int complete_header(pp_header *h, pp_diag *diag)
{
    int status;
    if (h->layout == PP_LAYOUT_SURVEYMONKEY)
        status = name_surveymonkey(h);
    else if (h->layout == PP_LAYOUT_QUALTRICS || pp_layout_is_statistical(h->layout))
        status = name_qualtrics(h);     /* statistical: variable name, then label */
    else
        status = name_one_row(h);
    if (status != 0 || build_index(h) != 0) {
        header_error(diag, h, PP_ERR_NOMEM, h->last_row,
                     "no memory left to hold the header");
        return -1;
    }
    h->complete = 1;
    return 0;
}

/* Newer Qualtrics exports have a third row of {"ImportId":...} cells. */
static int is_import_id_row(const pp_row *row)
{
    for (size_t i = 0; i < row->n_fields; i++) {
        const char *s = row->fields[i];
        size_t len = row->lengths[i];
        while (len > 0 && isspace((unsigned char)*s))
            s++, len--;
        if (len == 0)
            continue;
        size_t mark = strlen(IMPORT_ID_MARK);
        return len >= mark && memcmp(s, IMPORT_ID_MARK, mark) == 0;
    }
    return 0;
}

static pp_header_status feed_qualtrics(pp_header *h, const pp_row *row, pp_diag *diag)
{
    if (h->rows < 2) {
        if (copy_row(h->rows == 0 ? &h->first : &h->second, row) != 0)
            goto nomem;
        h->rows++;
        return PP_HEADER_MORE;
    }
    int import_ids = is_import_id_row(row);
    if (import_ids)
        h->rows = 3;
    if (complete_header(h, diag) != 0)
        return PP_HEADER_ERROR;
    return import_ids ? PP_HEADER_DONE : PP_HEADER_DONE_BEFORE;
nomem:
    header_error(diag, h, PP_ERR_NOMEM, row->row, "no memory left to hold the header");
    return PP_HEADER_ERROR;
}

pp_header_status pp_header_feed(pp_header *h, const pp_row *row, pp_diag *diag)
{
    if (h->complete)
        return PP_HEADER_DONE_BEFORE;
    h->last_row = row->row;
    if (h->layout == PP_LAYOUT_QUALTRICS)
        return feed_qualtrics(h, row, diag);
    int two_rows = h->layout == PP_LAYOUT_SURVEYMONKEY || pp_layout_is_statistical(h->layout);
    if (copy_row(h->rows == 0 ? &h->first : &h->second, row) != 0) {
        header_error(diag, h, PP_ERR_NOMEM, row->row, "no memory left to hold the header");
        return PP_HEADER_ERROR;
    }
    h->rows++;
    if (two_rows && h->rows < 2)
        return PP_HEADER_MORE;
    return complete_header(h, diag) == 0 ? PP_HEADER_DONE : PP_HEADER_ERROR;
}

int pp_header_finish(pp_header *h, pp_diag *diag)
{
    if (h->complete)
        return 0;
    if (h->rows == 0) {
        header_error(diag, h, PP_ERR_EMPTY, 0,
                     "the file has no rows at all, not even a header row");
        return -1;
    }
    if (h->layout == PP_LAYOUT_QUALTRICS && h->rows == 2)
        return complete_header(h, diag);      /* a header-only older export */
    if (pp_layout_is_statistical(h->layout))
        header_error(diag, h, PP_ERR_HEADER, h->last_row,
                     "the variables of the statistical file could not be read");
    else if (h->layout == PP_LAYOUT_SURVEYMONKEY)
        header_error(diag, h, PP_ERR_HEADER, h->last_row,
                     "a SurveyMonkey export has two header rows (the questions, then "
                     "the answer labels under them) but this file has only one row; "
                     "check the layout named in the codebook");
    else
        header_error(diag, h, PP_ERR_HEADER, h->last_row,
                     "a Qualtrics export has at least two header rows (the column IDs, "
                     "then the question text) but this file has only one row; "
                     "check the layout named in the codebook");
    return -1;
}

size_t pp_header_columns(const pp_header *h)
{
    return h->names.count;
}

const char *pp_header_name(const pp_header *h, size_t i)
{
    return i < h->names.count ? h->names.items[i] : NULL;
}

int pp_header_rows(const pp_header *h)
{
    return h->rows;
}

/* `#N` (white space around it allowed): 1 with *number set, else 0. */
static int parse_column_number(const char *ref, long *number)
{
    while (isspace((unsigned char)*ref))
        ref++;
    if (ref[0] != '#' || !isdigit((unsigned char)ref[1]))
        return 0;
    char *end;
    errno = 0;
    long n = strtol(ref + 1, &end, 10);
    while (isspace((unsigned char)*end))
        end++;
    if (*end != '\0')
        return 0;
    *number = errno == ERANGE ? LONG_MAX : n;
    return 1;
}

static long find_by_number(const pp_header *h, const char *ref, long number, pp_diag *diag)
{
    size_t count = h->names.count;
    if (number >= 1 && (unsigned long)number <= count)
        return number - 1;
    header_error(diag, h, PP_ERR_COLUMN, 0,
                 "the codebook names column %s, but the export has %zu column%s "
                 "(#1 to #%zu)", ref, count, count == 1 ? "" : "s", count);
    return -1;
}

static void no_such_column(const pp_header *h, const char *ref, pp_diag *diag)
{
    char near[400];
    pp_column_suggest(ref, &h->names, &h->aliases, near, sizeof near);
    if (near[0])
        header_error(diag, h, PP_ERR_COLUMN, 0,
                     "no column of the export is called \"%s\"; the closest are: %s",
                     ref, near);
    else
        header_error(diag, h, PP_ERR_COLUMN, 0,
                     "no column of the export is called \"%s\", and none of its %zu "
                     "columns is close; check the spelling in the codebook, or name "
                     "the column by its number, e.g. #1", ref, h->names.count);
}

long pp_header_find(const pp_header *h, const char *ref, pp_diag *diag)
{
    long number, first, second;
    if (parse_column_number(ref, &number))
        return find_by_number(h, ref, number, diag);
    if (h->index == NULL) {
        header_error(diag, h, PP_ERR_INTERNAL, 0,
                     "a column was looked up before the header was read");
        return -1;
    }
    char *key = pp_label_normalize(ref, strlen(ref));
    if (key == NULL) {
        header_error(diag, h, PP_ERR_NOMEM, 0, "no memory left to look up a column");
        return -1;
    }
    int found = pp_column_index_get(h->index, key, &first, &second);
    free(key);
    if (found == 1)
        return first;
    if (found == 2) {
        header_error(diag, h, PP_ERR_COLUMN, 0,
                     "the export has a column called \"%s\" twice (columns #%ld and "
                     "#%ld), so it is not clear which one is meant; name the column by "
                     "its number instead, e.g. #%ld",
                     ref, first + 1, second + 1, first + 1);
        return -2;
    }
    no_such_column(h, ref, diag);
    return -1;
}

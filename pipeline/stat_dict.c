/* stat_dict.c: the variables and value labels of a statistical file
 * (stat_dict.h), from one ReadStat pass with no value handler. */
#include "stat_dict.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    pp_stat_dict *d;
    char **set_of_var;          /* label set name per variable (NULL: none) */
    int failed;                 /* out of memory */
} dict_reader;

static char *copy(const char *s)
{
    return strdup(s ? s : "");
}

static int on_metadata(readstat_metadata_t *metadata, void *ctx)
{
    dict_reader *r = ctx;
    r->d->cases = readstat_get_row_count(metadata);
    return READSTAT_HANDLER_OK;
}

static void take_missing(pp_stat_variable *var, readstat_variable_t *variable)
{
    int ranges = readstat_variable_get_missing_ranges_count(variable);
    for (int i = 0; i < ranges && var->n_missing < PP_STAT_MISSING_RANGES; i++) {
        readstat_value_t lo = readstat_variable_get_missing_range_lo(variable, i);
        readstat_value_t hi = readstat_variable_get_missing_range_hi(variable, i);
        if (readstat_value_type(lo) == READSTAT_TYPE_STRING)
            continue;
        var->missing_lo[var->n_missing] = readstat_double_value(lo);
        var->missing_hi[var->n_missing++] = readstat_double_value(hi);
    }
}

static int on_variable(int index, readstat_variable_t *variable, const char *val_labels, void *ctx)
{
    dict_reader *r = ctx;
    pp_stat_dict *d = r->d;
    size_t n = (size_t)index + 1 > d->n_vars ? (size_t)index + 1 : d->n_vars;
    pp_stat_variable *vars = realloc(d->vars, n * sizeof *vars);
    char **sets = vars ? realloc(r->set_of_var, n * sizeof *sets) : NULL;
    if (vars != NULL)
        d->vars = vars;
    if (sets == NULL)
        goto nomem;
    r->set_of_var = sets;
    for (size_t i = d->n_vars; i < n; i++) {
        memset(&vars[i], 0, sizeof vars[i]);
        vars[i].label_set = -1;
        sets[i] = NULL;
    }
    d->n_vars = n;
    pp_stat_variable *var = &vars[index];
    var->name = copy(readstat_variable_get_name(variable));
    var->label = copy(readstat_variable_get_label(variable));
    var->is_text = readstat_variable_get_type(variable) == READSTAT_TYPE_STRING;
    sets[index] = val_labels ? strdup(val_labels) : NULL;
    if (var->name == NULL || var->label == NULL || (val_labels && sets[index] == NULL))
        goto nomem;
    take_missing(var, variable);
    return READSTAT_HANDLER_OK;
nomem:
    r->failed = 1;
    return READSTAT_HANDLER_ABORT;
}

static pp_stat_label_set *set_named(pp_stat_dict *d, const char *name)
{
    for (size_t i = 0; i < d->n_sets; i++)
        if (strcmp(d->sets[i].name, name) == 0)
            return &d->sets[i];
    pp_stat_label_set *sets = realloc(d->sets, (d->n_sets + 1) * sizeof *sets);
    if (sets == NULL)
        return NULL;
    d->sets = sets;
    pp_stat_label_set *set = &sets[d->n_sets];
    memset(set, 0, sizeof *set);
    if ((set->name = strdup(name)) == NULL)
        return NULL;
    d->n_sets++;
    return set;
}

static int on_value_label(const char *val_labels, readstat_value_t value,
                          const char *label, void *ctx)
{
    dict_reader *r = ctx;
    pp_stat_label_set *set = set_named(r->d, val_labels);
    if (set == NULL)
        goto nomem;
    if (set->count == set->capacity) {
        size_t cap = set->capacity ? set->capacity * 2 : 8;
        pp_stat_value_label *items = realloc(set->items, cap * sizeof *items);
        if (items == NULL)
            goto nomem;
        set->items = items;
        set->capacity = cap;
    }
    pp_stat_value_label *item = &set->items[set->count];
    memset(item, 0, sizeof *item);
    item->is_text = readstat_value_type(value) == READSTAT_TYPE_STRING;
    if (readstat_value_is_tagged_missing(value))
        item->tag = readstat_value_tag(value);
    else if (!item->is_text)
        item->number = readstat_double_value(value);
    item->text = item->is_text ? copy(readstat_string_value(value)) : NULL;
    item->label = copy(label);
    set->count++;
    if (item->label == NULL || (item->is_text && item->text == NULL))
        goto nomem;
    return READSTAT_HANDLER_OK;
nomem:
    r->failed = 1;
    return READSTAT_HANDLER_ABORT;
}

/* Code order: tags last, numbers ascending, then texts as bytes. */
static int by_code(const void *a, const void *b)
{
    const pp_stat_value_label *x = a, *y = b;
    if (x->is_text != y->is_text)
        return x->is_text - y->is_text;
    if (x->is_text)
        return strcmp(x->text, y->text);
    if ((x->tag != 0) != (y->tag != 0))
        return (x->tag != 0) - (y->tag != 0);
    if (x->tag != 0)
        return (x->tag > y->tag) - (x->tag < y->tag);
    return (x->number > y->number) - (x->number < y->number);
}

static void link_sets(dict_reader *r)
{
    pp_stat_dict *d = r->d;
    for (size_t s = 0; s < d->n_sets; s++)
        qsort(d->sets[s].items, d->sets[s].count, sizeof *d->sets[s].items, by_code);
    for (size_t v = 0; v < d->n_vars; v++)
        for (size_t s = 0; r->set_of_var[v] != NULL && s < d->n_sets; s++)
            if (strcmp(d->sets[s].name, r->set_of_var[v]) == 0)
                d->vars[v].label_set = (long)s;
}

int pp_stat_dict_read(pp_stat_dict *d, const pp_stat_file *f, pp_layout layout,
                      pp_diag *diag)
{
    memset(d, 0, sizeof *d);
    d->cases = -1;
    dict_reader r = {d, NULL, 0};
    int status = -1;
    readstat_parser_t *parser = readstat_parser_init();
    if (parser == NULL) {
        pp_diag_set(diag, PP_ERR_NOMEM, f->name, 0, NULL);
        goto cleanup;
    }
    readstat_set_metadata_handler(parser, on_metadata);
    readstat_set_variable_handler(parser, on_variable);
    readstat_set_value_label_handler(parser, on_value_label);
    readstat_error_t error = pp_stat_file_parse(parser, f, layout, &r);
    if (r.failed)
        pp_diag_set(diag, PP_ERR_NOMEM, f->name, 0, "no memory left to hold the variables");
    else if (error != READSTAT_OK)
        pp_stat_parse_failed(diag, f, layout, 0, error);
    else {
        link_sets(&r);
        status = 0;
    }
cleanup:
    for (size_t v = 0; r.set_of_var != NULL && v < d->n_vars; v++)
        free(r.set_of_var[v]);
    free(r.set_of_var);
    if (parser != NULL)
        readstat_parser_free(parser);
    return status;
}

void pp_stat_dict_free(pp_stat_dict *d)
{
    for (size_t v = 0; v < d->n_vars; v++) {
        free(d->vars[v].name);
        free(d->vars[v].label);
    }
    for (size_t s = 0; s < d->n_sets; s++) {
        for (size_t i = 0; i < d->sets[s].count; i++) {
            free(d->sets[s].items[i].text);
            free(d->sets[s].items[i].label);
        }
        free(d->sets[s].items);
        free(d->sets[s].name);
    }
    free(d->vars);
    free(d->sets);
    memset(d, 0, sizeof *d);
}

static int label_matches(const pp_stat_value_label *item, readstat_value_t value)
{
    int is_text = readstat_value_type(value) == READSTAT_TYPE_STRING;
    if (is_text != item->is_text)
        return 0;
    if (is_text)
        return strcmp(item->text, readstat_string_value(value) ? readstat_string_value(value) : "") == 0;
    if (readstat_value_is_tagged_missing(value))
        return item->tag != 0 && item->tag == readstat_value_tag(value);
    return item->tag == 0 && item->number == readstat_double_value(value);
}

const char *pp_stat_dict_label(const pp_stat_dict *d, size_t v, readstat_value_t value)
{
    if (v >= d->n_vars || d->vars[v].label_set < 0)
        return NULL;
    const pp_stat_label_set *set = &d->sets[d->vars[v].label_set];
    for (size_t i = 0; i < set->count; i++)
        if (label_matches(&set->items[i], value))
            return set->items[i].label;
    return NULL;
}

int pp_stat_dict_is_user_missing(const pp_stat_dict *d, size_t v, double number)
{
    if (v >= d->n_vars)
        return 0;
    const pp_stat_variable *var = &d->vars[v];
    for (size_t i = 0; i < var->n_missing; i++)
        if (number >= var->missing_lo[i] && number <= var->missing_hi[i])
            return 1;
    return 0;
}

const char *pp_stat_cell_text(const pp_stat_dict *d, size_t v, readstat_value_t value,
                              char *buf, size_t cap, size_t *len)
{
    const char *text = pp_stat_dict_label(d, v, value);
    if (text == NULL && readstat_value_type(value) == READSTAT_TYPE_STRING) {
        text = readstat_string_value(value);
        text = text ? text : "";
        size_t n = strlen(text);
        while (n > 0 && text[n - 1] == ' ')
            n--;
        *len = n;
        return text;
    }
    if (text == NULL && (readstat_value_is_system_missing(value)
                         || readstat_value_is_tagged_missing(value)))
        text = "";
    if (text == NULL) {
        snprintf(buf, cap, "%.15g", readstat_double_value(value));
        text = buf;
    }
    *len = strlen(text);
    return text;
}

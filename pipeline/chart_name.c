/* chart_name.c: the chart name and battery title rules of chart_name.h. */
#include "chart_name.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

const char *pp_chart_name(const pp_item *item)
{
    if (item == NULL || item->kind == PP_ITEM_TEXT)
        return NULL;
    return item->battery != NULL ? item->battery : item->id;
}

static const char *const separators[] = {": ", " - ", " / ", " \xE2\x80\x93 "};

static size_t shared_prefix(const char *const *titles, size_t n)
{
    size_t shared = strlen(titles[0]);
    for (size_t i = 1; i < n; i++) {
        size_t k = 0;
        while (k < shared && titles[i][k] == titles[0][k])
            k++;
        shared = k;
    }
    return shared;
}

/* The end of the question in the shared prefix (the last separator in it
 * that leaves something after it in every title), or 0; *skip gets the
 * separator's length. */
static size_t question_end(const char *const *titles, size_t n, size_t *skip)
{
    size_t shared = shared_prefix(titles, n), best = 0;
    for (size_t s = 0; s < sizeof separators / sizeof separators[0]; s++) {
        size_t len = strlen(separators[s]);
        for (size_t at = 1; at + len <= shared; at++) {
            if (memcmp(titles[0] + at, separators[s], len) != 0 || at <= best)
                continue;
            int every = 1;
            for (size_t i = 0; i < n; i++)
                every &= titles[i][at + len] != '\0';
            if (every) {
                best = at;
                *skip = len;
            }
        }
    }
    return best;
}

/* "works_public" -> "Works public". */
static char *humanise(const char *name)
{
    char *s = strdup(name);
    for (char *p = s; p != NULL && *p; p++)
        if (*p == '_' || *p == '-')
            *p = ' ';
    if (s != NULL)
        s[0] = (char)toupper((unsigned char)s[0]);
    return s;
}

char *pp_battery_title(const char *name, const char *const *titles, size_t n,
                       size_t *label_at)
{
    size_t skip = 0;
    size_t end = n > 1 ? question_end(titles, n, &skip) : 0;
    if (label_at != NULL)
        for (size_t i = 0; i < n; i++)
            label_at[i] = end > 0 ? end + skip : 0;
    if (n == 1)
        return strdup(titles[0]);
    if (end > 0)
        return strndup(titles[0], end);
    return humanise(name);
}

void pp_battery_labels_free(char **labels)
{
    for (size_t i = 0; labels != NULL && labels[i] != NULL; i++)
        free(labels[i]);
    free(labels);
}

char **pp_battery_labels(const char *const *titles, size_t n)
{
    size_t *label_at = calloc(n + 1, sizeof *label_at);
    char **labels = calloc(n + 1, sizeof *labels), *title = NULL;
    int failed = label_at == NULL || labels == NULL
                 || (title = pp_battery_title("", titles, n, label_at)) == NULL;
    for (size_t i = 0; !failed && i < n; i++) {
        failed = (labels[i] = strdup(titles[i] + label_at[i])) == NULL;
        if (!failed)
            labels[i][0] = (char)toupper((unsigned char)labels[i][0]);
    }
    if (failed) {
        pp_battery_labels_free(labels);
        labels = NULL;
    }
    free(title);
    free(label_at);
    return labels;
}

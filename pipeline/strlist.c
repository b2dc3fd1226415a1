/* strlist.c: the owned string list of strlist.h. */
#include "strlist.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

int pp_strings_push(pp_strings *list, const char *s, size_t len)
{
    if (list->count == list->capacity) {
        size_t capacity = list->capacity ? list->capacity * 2 : 8;
        char **items = realloc(list->items, capacity * sizeof *items);
        if (items == NULL)
            return -1;
        list->items = items;
        list->capacity = capacity;
    }
    char *copy = malloc(len + 1);
    if (copy == NULL)
        return -1;
    memcpy(copy, s, len);
    copy[len] = '\0';
    list->items[list->count++] = copy;
    return 0;
}

int pp_strings_push_str(pp_strings *list, const char *s)
{
    return pp_strings_push(list, s, strlen(s));
}

void pp_strings_clear(pp_strings *list)
{
    for (size_t i = 0; i < list->count; i++)
        free(list->items[i]);
    free(list->items);
    list->items = NULL;
    list->count = 0;
    list->capacity = 0;
}

int pp_strings_split(pp_strings *list, const char *text, char sep)
{
    const char *start = text;
    for (;;) {
        const char *end = strchr(start, sep);
        const char *stop = end ? end : start + strlen(start);
        const char *a = start, *b = stop;
        while (a < b && isspace((unsigned char)*a))
            a++;
        while (b > a && isspace((unsigned char)b[-1]))
            b--;
        if (pp_strings_push(list, a, (size_t)(b - a)) != 0)
            return -1;
        if (end == NULL)
            return 0;
        start = end + 1;
    }
}

long pp_strings_index(const pp_strings *list, const char *s)
{
    for (size_t i = 0; i < list->count; i++)
        if (strcmp(list->items[i], s) == 0)
            return (long)i;
    return -1;
}

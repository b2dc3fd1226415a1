/* run_summary.c: the last line of a successful run (run_summary.h). */
#include "run_summary.h"

#include <dirent.h>
#include <string.h>

/* Files in dir whose names end with suffix ("" for any), hidden ones left
 * out; 0 if dir cannot be read. */
static long count_files(const char *dir, const char *suffix)
{
    DIR *d = opendir(dir);
    if (d == NULL)
        return 0;
    long n = 0;
    size_t want = strlen(suffix);
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        size_t len = strlen(e->d_name);
        if (e->d_name[0] != '.' && len >= want && strcmp(e->d_name + len - want, suffix) == 0)
            n++;
    }
    closedir(d);
    return n;
}

void pp_run_summary(const char *out, FILE *to)
{
    int len = (int)strlen(out);
    while (len > 1 && out[len - 1] == '/')
        len--;
    char plots[4200], tables[4200];
    snprintf(plots, sizeof plots, "%.*s/plots", len, out);
    snprintf(tables, sizeof tables, "%.*s/tables", len, out);
    long n_charts = count_files(plots, ".svg"), n_tables = count_files(tables, "");
    fprintf(to, "prepost run: published %.*s: the dashboard %.*s/index.html, %ld chart%s in "
                "%s, %ld table file%s in %s\n", len, out, len, out, n_charts,
            n_charts == 1 ? "" : "s", plots, n_tables, n_tables == 1 ? "" : "s", tables);
}

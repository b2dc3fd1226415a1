/* plot_output.c: the work directory, charts.tsv and publishing
 * (plot_output.h). */
#include "plot_output.h"

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "plot_text.h"

static const char *const extensions[] = {"svg", "png"};

/* mkdir -p */
static int make_dirs(const char *path)
{
    char buf[PATH_MAX];
    if (snprintf(buf, sizeof buf, "%s", path) >= (int)sizeof buf)
        return (errno = ENAMETOOLONG), -1;
    for (char *p = buf + 1; *p; p++) {
        if (*p != '/')
            continue;
        *p = '\0';
        if (mkdir(buf, 0777) != 0 && errno != EEXIST)
            return -1;
        *p = '/';
    }
    return mkdir(buf, 0777) != 0 && errno != EEXIST ? -1 : 0;
}

char *plot_workdir_create(const char *out_dir, pp_diag *diag)
{
    char buf[PATH_MAX];
    if (make_dirs(out_dir) != 0) {
        pp_diag_set(diag, PP_ERR_WRITE, out_dir, 0, "cannot make this directory: %s",
                    strerror(errno));
        return NULL;
    }
    snprintf(buf, sizeof buf, "%s/.prepost-plot-XXXXXX", out_dir);
    if (mkdtemp(buf) == NULL) {
        pp_diag_set(diag, PP_ERR_WRITE, out_dir, 0, "cannot write in this directory: %s",
                    strerror(errno));
        return NULL;
    }
    char *dir = strdup(buf);
    if (dir == NULL)
        pp_diag_set(diag, PP_ERR_NOMEM, NULL, 0, NULL);
    return dir;
}

void plot_workdir_remove(const char *work_dir)
{
    DIR *dir = work_dir ? opendir(work_dir) : NULL;
    struct dirent *entry;
    char path[PATH_MAX];
    if (dir == NULL)
        return;
    while ((entry = readdir(dir)) != NULL) {
        if (strcmp(entry->d_name, ".") == 0 || strcmp(entry->d_name, "..") == 0)
            continue;
        snprintf(path, sizeof path, "%s/%s", work_dir, entry->d_name);
        unlink(path);
    }
    closedir(dir);
    rmdir(work_dir);
}

void plot_work_file(char *buf, size_t size, const char *work_dir, size_t index,
                    const char *ext)
{
    snprintf(buf, size, "%s/chart-%zu.%s", work_dir, index + 1, ext);
}

static int write_line(FILE *out, const plot_figure *figure)
{
    const plot_chart *chart = figure->chart;
    char *title = plot_text_tsv(chart->title);
    if (title == NULL)
        return -1;
    fprintf(out, "%s\t%s\t%s\t", figure->name, plot_kind_name(chart->kind), title);
    for (size_t j = 0; j < chart->n_items; j++)
        fprintf(out, "%s%s", j ? "," : "", chart->items[j]->id);
    fprintf(out, "\t%s\n", figure->segment ? figure->segment->name : "");
    free(title);
    return 0;
}

int plot_write_index(const char *work_dir, const plot_figures *figures, pp_diag *diag)
{
    char path[PATH_MAX];
    snprintf(path, sizeof path, "%s/%s", work_dir, PLOT_INDEX_NAME);
    FILE *out = fopen(path, "w");
    int failed = out == NULL;
    if (out != NULL) {
        fprintf(out, "chart\tkind\ttitle\titems\tsegment\n");
        for (size_t i = 0; i < figures->count && !failed; i++)
            failed = write_line(out, &figures->figures[i]) != 0;
        failed |= ferror(out) != 0;
        failed |= fclose(out) != 0;
    }
    if (failed)
        pp_diag_set(diag, PP_ERR_WRITE, path, 0, "cannot write the list of charts: %s",
                    strerror(errno));
    return failed ? -1 : 0;
}

static int check_drawn(const char *work_dir, const plot_figures *figures, pp_diag *diag)
{
    char path[PATH_MAX];
    struct stat st;
    for (size_t i = 0; i < figures->count; i++)
        for (size_t e = 0; e < 2; e++) {
            plot_work_file(path, sizeof path, work_dir, i, extensions[e]);
            if (stat(path, &st) != 0 || st.st_size == 0) {
                pp_diag_set(diag, PP_ERR_INTERNAL, NULL, 0, "gnuplot did not draw the %s "
                            "of the chart \"%s\" (a template may not write it), so no "
                            "chart was written", extensions[e], figures->figures[i].name);
                return -1;
            }
        }
    return 0;
}

static int move(const char *from, const char *out_dir, const char *name, pp_diag *diag)
{
    char to[PATH_MAX];
    if (snprintf(to, sizeof to, "%s/%s", out_dir, name) >= (int)sizeof to) {
        pp_diag_set(diag, PP_ERR_WRITE, out_dir, 0, "the output folder's name is too long");
        return -1;
    }
    if (rename(from, to) == 0)
        return 0;
    pp_diag_set(diag, PP_ERR_WRITE, to, 0, "cannot put the chart in place: %s",
                strerror(errno));
    return -1;
}

int plot_publish(const char *work_dir, const char *out_dir, const plot_figures *figures,
                 pp_diag *diag)
{
    char from[PATH_MAX], name[PATH_MAX];
    if (check_drawn(work_dir, figures, diag) != 0)
        return -1;
    for (size_t i = 0; i < figures->count; i++)
        for (size_t e = 0; e < 2; e++) {
            plot_work_file(from, sizeof from, work_dir, i, extensions[e]);
            snprintf(name, sizeof name, "%s.%s", figures->figures[i].name, extensions[e]);
            if (move(from, out_dir, name, diag) != 0)
                return -1;
        }
    snprintf(from, sizeof from, "%s/%s", work_dir, PLOT_INDEX_NAME);
    return move(from, out_dir, PLOT_INDEX_NAME, diag);
}

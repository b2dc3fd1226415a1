/* table_outdir.c: the output folder, published whole (table_outdir.h). */
#define _GNU_SOURCE     /* renameat2 */
#include "table_outdir.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int write_error(pp_diag *diag, const char *path, int err)
{
    pp_diag_set(diag, PP_ERR_WRITE, path, 0, "%s", strerror(err));
    return -1;
}

/* 1 if name is one of the files a table folder holds. */
static bool is_table_file(const char *name)
{
    const char *dot = strrchr(name, '.');
    return dot != NULL && dot != name &&
           (strcmp(dot, ".csv") == 0 || strcmp(dot, ".md") == 0 || strcmp(dot, ".tex") == 0);
}

/* 0 if dir does not exist or holds only table files. */
static int check_existing(const char *dir, pp_diag *diag)
{
    struct stat st;
    if (lstat(dir, &st) != 0)
        return errno == ENOENT ? 0 : write_error(diag, dir, errno);
    if (!S_ISDIR(st.st_mode)) {
        pp_diag_set(diag, PP_ERR_WRITE, dir, 0, "this is a file, not a folder; give -o a "
                    "folder for the tables");
        return -1;
    }
    DIR *d = opendir(dir);
    if (d == NULL)
        return write_error(diag, dir, errno);
    struct dirent *e;
    int status = 0;
    while (status == 0 && (e = readdir(d)) != NULL) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        if (is_table_file(e->d_name) && e->d_type != DT_DIR)
            continue;
        pp_diag_set(diag, PP_ERR_WRITE, dir, 0, "this folder holds \"%.100s\", which is not "
                    "a table; prepost-table replaces the whole folder, so give it a folder "
                    "of its own", e->d_name);
        status = -1;
    }
    closedir(d);
    return status;
}

/* Removes the files in path and then path itself. */
static void remove_folder(const char *path)
{
    DIR *d = opendir(path);
    if (d != NULL) {
        int fd = dirfd(d);
        struct dirent *e;
        while ((e = readdir(d)) != NULL)
            if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0)
                unlinkat(fd, e->d_name, 0);
        closedir(d);
    }
    rmdir(path);
}

/* A new empty folder "<dir><suffix>XXXXXX", readable as the umask allows. */
static char *make_beside(const char *dir, const char *suffix)
{
    size_t n = strlen(dir) + strlen(suffix) + 8;
    char *path = malloc(n);
    if (path == NULL)
        return NULL;
    snprintf(path, n, "%s%sXXXXXX", dir, suffix);
    if (mkdtemp(path) == NULL) {
        free(path);
        return NULL;
    }
    mode_t mask = umask(0);
    umask(mask);
    chmod(path, 0777 & ~mask);
    return path;
}

int pp_outdir_begin(pp_outdir *o, const char *dir, pp_diag *diag)
{
    memset(o, 0, sizeof *o);
    size_t n = strlen(dir);
    while (n > 1 && dir[n - 1] == '/')
        n--;
    if ((o->dir = strndup(dir, n)) == NULL) {
        pp_diag_set(diag, PP_ERR_NOMEM, NULL, 0, NULL);
        return -1;
    }
    if (check_existing(o->dir, diag) != 0)
        return -1;
    if ((o->tmp = make_beside(o->dir, ".tmp.")) == NULL)
        return write_error(diag, o->dir, errno);
    return 0;
}

FILE *pp_outdir_create(pp_outdir *o, const char *name, pp_diag *diag)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", o->tmp, name);
    FILE *f = fopen(path, "wbx");
    if (f == NULL)
        write_error(diag, path, errno);
    return f;
}

int pp_outdir_close(pp_outdir *o, FILE *f, const char *name, pp_diag *diag)
{
    int failed = fflush(f) != 0 || ferror(f) || fsync(fileno(f)) != 0;
    int err = errno;
    if (fclose(f) != 0 && !failed) {
        failed = 1;
        err = errno;
    }
    if (failed) {
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", o->dir, name);
        return write_error(diag, path, err ? err : EIO);
    }
    o->files++;
    return 0;
}

/* Without an atomic exchange: move DIR aside, move the new one in. */
static int swap_by_renames(pp_outdir *o, pp_diag *diag)
{
    char *old = make_beside(o->dir, ".old.");
    if (old == NULL)
        return write_error(diag, o->dir, errno);
    int status = 0;
    if (rename(o->dir, old) != 0) {
        status = write_error(diag, o->dir, errno);
        rmdir(old);
    } else if (rename(o->tmp, o->dir) != 0) {
        status = write_error(diag, o->dir, errno);
        rename(old, o->dir);
    } else {
        remove_folder(old);
    }
    free(old);
    return status;
}

int pp_outdir_publish(pp_outdir *o, pp_diag *diag)
{
    if (rename(o->tmp, o->dir) == 0)            /* DIR did not exist */
        goto published;
    if (errno != EEXIST && errno != ENOTEMPTY)
        return write_error(diag, o->dir, errno);
#ifdef RENAME_EXCHANGE
    if (renameat2(AT_FDCWD, o->tmp, AT_FDCWD, o->dir, RENAME_EXCHANGE) == 0) {
        remove_folder(o->tmp);                  /* now the old tables */
        goto published;
    }
    if (errno != EINVAL && errno != ENOSYS && errno != ENOTSUP)
        return write_error(diag, o->dir, errno);
#endif
    if (swap_by_renames(o, diag) != 0)
        return -1;
published:
    free(o->tmp);
    o->tmp = NULL;
    return 0;
}

void pp_outdir_abort(pp_outdir *o)
{
    if (o->tmp != NULL)
        remove_folder(o->tmp);
    free(o->tmp);
    free(o->dir);
    memset(o, 0, sizeof *o);
}

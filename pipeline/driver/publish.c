/* publish.c: the temporary directory and the atomic swap (publish.h). */
#define _GNU_SOURCE
#include "publish.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Splits out into its directory and base name (out may end in '/'). */
static int split_out(const char *out, char *dir, char *base, size_t cap)
{
    char copy[4096];
    if (snprintf(copy, sizeof copy, "%s", out) >= (int)sizeof copy)
        return -1;
    size_t len = strlen(copy);
    while (len > 1 && copy[len - 1] == '/')
        copy[--len] = '\0';
    char a[4096], b[4096];
    snprintf(a, sizeof a, "%s", copy);
    snprintf(b, sizeof b, "%s", copy);
    if (snprintf(dir, cap, "%s", dirname(a)) >= (int)cap ||
        snprintf(base, cap, "%s", basename(b)) >= (int)cap)
        return -1;
    return 0;
}

int pp_publish_tmp_path(const char *out, char *buf, size_t cap)
{
    char dir[4096], base[4096];
    if (split_out(out, dir, base, sizeof dir) != 0)
        return -1;
    int n = snprintf(buf, cap, "%s/.%s.tmp.%ld", dir, base, (long)getpid());
    return n < 0 || (size_t)n >= cap ? -1 : 0;
}

static int remove_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
    (void)st;
    (void)ftw;
    return (flag == FTW_DP ? rmdir(path) : unlink(path)) == 0 || errno == ENOENT ? 0 : -1;
}

int pp_remove_tree(const char *path)
{
    struct stat st;
    if (lstat(path, &st) != 0)
        return errno == ENOENT ? 0 : -1;
    return nftw(path, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
}

void pp_publish_clean_stale(const char *out)
{
    char dir[4096], base[4096], prefix[4200], path[8400];
    if (split_out(out, dir, base, sizeof dir) != 0)
        return;
    snprintf(prefix, sizeof prefix, ".%s.tmp.", base);
    DIR *d = opendir(dir);
    if (d == NULL)
        return;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (strncmp(e->d_name, prefix, strlen(prefix)) != 0)
            continue;
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        pp_remove_tree(path);
    }
    closedir(d);
}

/* mkdir -p for the parent of tmp, then tmp itself. */
int pp_publish_begin(const char *tmp)
{
    char path[4096];
    if (snprintf(path, sizeof path, "%s", tmp) >= (int)sizeof path)
        return -1;
    for (char *p = path + 1; *p; p++) {
        if (*p != '/')
            continue;
        *p = '\0';
        if (mkdir(path, 0755) != 0 && errno != EEXIST)
            return -1;
        *p = '/';
    }
    return mkdir(tmp, 0755);
}

static void sync_directory(const char *path)
{
    char copy[4096];
    snprintf(copy, sizeof copy, "%s", path);
    int fd = open(dirname(copy), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        fsync(fd);
        close(fd);
    }
}

int pp_publish_commit(const char *tmp, const char *out)
{
    struct stat st;
    if (lstat(out, &st) != 0) {
        if (errno != ENOENT || rename(tmp, out) != 0)
            return -1;
        sync_directory(out);
        return 0;
    }
    if (renameat2(AT_FDCWD, tmp, AT_FDCWD, out, RENAME_EXCHANGE) != 0)
        return -1;
    sync_directory(out);
    pp_remove_tree(tmp);                 /* now the old output */
    return 0;
}

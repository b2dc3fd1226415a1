/* manifest_outputs.c: the "outputs" list of manifest.json (manifest.h):
 * every file under the output being built, manifest.json itself left out,
 * found depth first with names in byte order so the list is the same on
 * every machine and locale; and, before a run is skipped, the check that
 * a published output still holds every file its list names, unchanged. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <jansson.h>

#include "manifest.h"

static int by_bytes(const struct dirent **a, const struct dirent **b)
{
    return strcmp((*a)->d_name, (*b)->d_name);
}

static int not_dot(const struct dirent *e)
{
    return strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0;
}

/* Lists dir/prefix: files as they come in byte order, directories walked
 * where their name falls. 0, or -1. */
static int walk(pp_json *j, const char *dir, const char *prefix)
{
    char path[4096];
    snprintf(path, sizeof path, "%s%s%s", dir, *prefix ? "/" : "", prefix);
    struct dirent **names;
    int n = scandir(path, &names, not_dot, by_bytes);
    if (n < 0)
        return -1;
    int status = 0;
    for (int i = 0; i < n; i++) {
        pp_manifest_file f = {0};
        struct stat st;
        snprintf(f.name, sizeof f.name, "%s%s%s", prefix, *prefix ? "/" : "", names[i]->d_name);
        snprintf(f.path, sizeof f.path, "%s/%s", dir, f.name);
        if (status == 0 && lstat(f.path, &st) != 0)
            status = -1;
        else if (status == 0 && S_ISDIR(st.st_mode))
            status = walk(j, dir, f.name);
        else if (status == 0 && strcmp(f.name, "manifest.json") != 0) {
            if (pp_manifest_hash(&f) != 0)
                status = -1;
            else
                pp_manifest_write_file(j, &f);
        }
        free(names[i]);
    }
    free(names);
    return status;
}

int pp_manifest_write_outputs(pp_json *j, const char *dir)
{
    pp_json_begin_array(j);
    int status = walk(j, dir, "");
    pp_json_end_array(j);
    return status;
}

/* 1 if the listed output `file` is in dir as the list says. */
static int output_intact(json_t *file, const char *dir)
{
    const char *name = json_string_value(json_object_get(file, "name"));
    const char *sha = json_string_value(json_object_get(file, "sha256"));
    json_t *size = json_object_get(file, "size");
    pp_manifest_file f = {0};
    struct stat st;
    if (name == NULL || sha == NULL || !json_is_integer(size))
        return 0;
    snprintf(f.path, sizeof f.path, "%s/%s", dir, name);
    if (lstat(f.path, &st) != 0 || !S_ISREG(st.st_mode)
        || (long long)st.st_size != json_integer_value(size))
        return 0;
    if (st.st_size > PP_RECHECK_HASH_BYTES)
        return 1;                       /* large: its size has to do */
    return pp_manifest_hash(&f) == 0 && strcmp(f.sha256, sha) == 0;
}

int pp_manifest_outputs_intact(const char *dir)
{
    char path[4200];
    snprintf(path, sizeof path, "%s/manifest.json", dir);
    json_t *root = json_load_file(path, 0, NULL);
    json_t *outputs = json_object_get(root, "outputs");
    int intact = json_is_array(outputs);
    for (size_t i = 0; intact && i < json_array_size(outputs); i++)
        intact = output_intact(json_array_get(outputs, i), dir);
    json_decref(root);
    return intact;
}

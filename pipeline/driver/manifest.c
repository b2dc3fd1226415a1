/* manifest.c: hashing the inputs and writing manifest.json (manifest.h).
 *
 * Each input is read and hashed once, at the start of a run. To refuse an
 * export rewritten while the run read it, the recheck at the end compares
 * what stat says (device, inode, size, modification and change times)
 * with what it said just before the hash read the first byte; only a
 * file changed in the seconds before that look is hashed again (see
 * PP_RACY_SECONDS). Hashing a large export twice was a tenth of a run. */
#include "manifest.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_version.h>
#include <jansson.h>
#include <nettle/sha2.h>

#include "json.h"

static void hex(const unsigned char *digest, char *out)
{
    for (int i = 0; i < SHA256_DIGEST_SIZE; i++)
        sprintf(out + 2 * i, "%02x", digest[i]);
}

static void look_of(const struct stat *st, pp_file_look *look)
{
    memset(look, 0, sizeof *look);
    look->dev = st->st_dev;
    look->ino = st->st_ino;
    look->size = st->st_size;
    look->mtime = st->st_mtim;
    look->ctime = st->st_ctim;
}

static int same_time(struct timespec a, struct timespec b)
{
    return a.tv_sec == b.tv_sec && a.tv_nsec == b.tv_nsec;
}

static int same_look(const pp_file_look *a, const pp_file_look *b)
{
    return a->dev == b->dev && a->ino == b->ino && a->size == b->size
        && same_time(a->mtime, b->mtime) && same_time(a->ctime, b->ctime);
}

int pp_manifest_is_racy(struct timespec ctime, struct timespec now)
{
    return ctime.tv_sec > now.tv_sec - PP_RACY_SECONDS
        || (ctime.tv_sec == now.tv_sec - PP_RACY_SECONDS && ctime.tv_nsec >= now.tv_nsec);
}

int pp_manifest_hash(pp_manifest_file *f)
{
    struct timespec now;
    struct stat st;
    FILE *in = fopen(f->path, "rb");
    if (in == NULL)
        return -1;
    if (clock_gettime(CLOCK_REALTIME, &now) != 0 || fstat(fileno(in), &st) != 0) {
        fclose(in);
        return -1;
    }
    look_of(&st, &f->seen);
    f->racy = pp_manifest_is_racy(st.st_ctim, now);
    struct sha256_ctx ctx;
    unsigned char buf[1 << 16], digest[SHA256_DIGEST_SIZE];
    size_t got;
    sha256_init(&ctx);
    f->size = 0;
    while ((got = fread(buf, 1, sizeof buf, in)) > 0) {
        sha256_update(&ctx, got, buf);
        f->size += (long long)got;
    }
    int failed = ferror(in);
    fclose(in);
    if (failed) {
        errno = EIO;
        return -1;
    }
    sha256_digest(&ctx, sizeof digest, digest);
    hex(digest, f->sha256);
    return 0;
}

/* Names an export and opens it once, so that a missing or unreadable one
 * stops the run before anything starts; its size is what stat says now. */
static int add_input(pp_manifest *m, const pp_codebook *cb, const char *key, const char *name)
{
    if (name == NULL || m->n_inputs >= PP_MAX_INPUTS)
        return 0;
    m->failed_input = m->n_inputs;
    pp_manifest_file *f = &m->inputs[m->n_inputs++];
    f->key = key;
    snprintf(f->name, sizeof f->name, "%s", name);
    char *path = pp_codebook_resolve_path(cb, name);
    if (path == NULL)
        return -1;
    snprintf(f->path, sizeof f->path, "%s", path);
    free(path);
    FILE *in = fopen(f->path, "rb");
    struct stat st;
    if (in == NULL)
        return -1;
    int failed = fstat(fileno(in), &st) != 0;
    fclose(in);
    if (failed)
        return -1;
    f->size_at_start = (long long)st.st_size;
    return 0;
}

/* SOURCE_DATE_EPOCH, the date the dashboard shows: outputs made with
 * another (or without one) differ, so it is recorded and compared. */
static void note_source_date_epoch(pp_manifest *m)
{
    const char *epoch = getenv("SOURCE_DATE_EPOCH");
    m->source_date_epoch_set = epoch != NULL;
    snprintf(m->source_date_epoch, sizeof m->source_date_epoch, "%s", epoch ? epoch : "");
}

/* `gnuplot --version`, or "not found". */
static void gnuplot_version(char *buf, size_t cap)
{
    snprintf(buf, cap, "not found");
    FILE *p = popen("gnuplot --version 2>/dev/null", "r");
    if (p == NULL)
        return;
    if (fgets(buf, (int)cap, p) != NULL)
        buf[strcspn(buf, "\n")] = '\0';
    else
        snprintf(buf, cap, "not found");
    pclose(p);
}

static void fingerprint(pp_manifest *m)
{
    struct sha256_ctx ctx;
    unsigned char digest[SHA256_DIGEST_SIZE];
    sha256_init(&ctx);
    const char *version = "prepost " PREPOST_VERSION "\n";
    sha256_update(&ctx, strlen(version), (const unsigned char *)version);
    sha256_update(&ctx, 64, (const unsigned char *)m->codebook.sha256);
    for (int i = 0; i < m->n_inputs; i++)
        sha256_update(&ctx, 64, (const unsigned char *)m->inputs[i].sha256);
    sha256_digest(&ctx, sizeof digest, digest);
    hex(digest, m->fingerprint);
}

int pp_manifest_begin(pp_manifest *m, const char *codebook_path, const pp_codebook *cb)
{
    memset(m, 0, sizeof *m);
    const char *slash = strrchr(codebook_path, '/');
    snprintf(m->codebook.name, sizeof m->codebook.name, "%s", slash ? slash + 1 : codebook_path);
    snprintf(m->codebook.path, sizeof m->codebook.path, "%s", codebook_path);
    m->failed_input = -1;
    if (pp_manifest_hash(&m->codebook) != 0)
        return -1;
    if (add_input(m, cb, "export", cb->export_path) != 0
        || add_input(m, cb, "before_export", cb->before_export) != 0
        || add_input(m, cb, "after_export", cb->after_export) != 0)
        return -1;
    m->failed_input = 0;
    m->seed = cb->seed;
    note_source_date_epoch(m);
    gnuplot_version(m->gnuplot, sizeof m->gnuplot);
    return 0;
}

int pp_manifest_hash_inputs(pp_manifest *m)
{
    for (int i = 0; i < m->n_inputs; i++)
        if (pp_manifest_hash(&m->inputs[i]) != 0) {
            m->failed_input = i;
            m->failed_errno = errno != 0 ? errno : EIO;
            return -1;
        }
    fingerprint(m);
    m->hashed = 1;
    return 0;
}

void pp_manifest_write_file(pp_json *j, const pp_manifest_file *f)
{
    pp_json_begin_object(j);
    pp_json_key(j, "name");
    pp_json_cstring(j, f->name);
    pp_json_key(j, "size");
    pp_json_integer(j, f->size);
    pp_json_key(j, "sha256");
    pp_json_cstring(j, f->sha256);
    pp_json_end_object(j);
}

int pp_manifest_write(const pp_manifest *m, const char *dir, FILE *out)
{
    pp_json j;
    pp_json_init(&j, out);
    pp_json_begin_object(&j);
    pp_json_key(&j, "schema");
    pp_json_cstring(&j, "prepost-manifest 1");
    pp_json_key(&j, "program");
    pp_json_cstring(&j, "prepost " PREPOST_VERSION);
    pp_json_key(&j, "gsl");
    pp_json_cstring(&j, GSL_VERSION);
    pp_json_key(&j, "gnuplot");
    pp_json_cstring(&j, m->gnuplot);
    pp_json_key(&j, "seed");
    pp_json_integer(&j, (long long)m->seed);
    pp_json_key(&j, "source_date_epoch");
    if (m->source_date_epoch_set)
        pp_json_cstring(&j, m->source_date_epoch);
    else
        pp_json_null(&j);
    pp_json_key(&j, "codebook");
    pp_manifest_write_file(&j, &m->codebook);
    pp_json_key(&j, "inputs");
    pp_json_begin_array(&j);
    for (int i = 0; i < m->n_inputs; i++)
        pp_manifest_write_file(&j, &m->inputs[i]);
    pp_json_end_array(&j);
    pp_json_key(&j, "fingerprint");
    pp_json_cstring(&j, m->fingerprint);
    pp_json_key(&j, "outputs");
    int listed = pp_manifest_write_outputs(&j, dir);
    pp_json_end_object(&j);
    return pp_json_finish(&j) == 0 && listed == 0 ? 0 : -1;
}

int pp_manifest_read_fingerprint(const char *manifest_path, char *buf)
{
    json_t *root = json_load_file(manifest_path, 0, NULL);
    const char *value = json_string_value(json_object_get(root, "fingerprint"));
    int found = value != NULL && strlen(value) == 64;
    if (found)
        snprintf(buf, 65, "%s", value);
    json_decref(root);
    return found ? 0 : -1;
}

/* 1 if the object `file` of an earlier manifest names f with the given
 * size (and, when want_hash, f's hash). */
static int same_file(json_t *file, const pp_manifest_file *f, long long size_now,
                     int want_hash)
{
    const char *name = json_string_value(json_object_get(file, "name"));
    const char *sha = json_string_value(json_object_get(file, "sha256"));
    json_t *size = json_object_get(file, "size");
    if (name == NULL || strcmp(name, f->name) != 0 || !json_is_integer(size)
        || json_integer_value(size) != size_now)
        return 0;
    return !want_hash || (sha != NULL && strcmp(sha, f->sha256) == 0);
}

/* 1 if an earlier manifest was made with m's SOURCE_DATE_EPOCH: the same
 * string, or unset in both (null, or absent in a manifest older than the
 * field). */
static int same_source_date_epoch(json_t *root, const pp_manifest *m)
{
    json_t *epoch = json_object_get(root, "source_date_epoch");
    if (epoch == NULL || json_is_null(epoch))
        return !m->source_date_epoch_set;
    return m->source_date_epoch_set && json_is_string(epoch)
        && strcmp(json_string_value(epoch), m->source_date_epoch) == 0;
}

int pp_manifest_may_be_unchanged(const pp_manifest *m, const char *manifest_path)
{
    json_t *root = json_load_file(manifest_path, 0, NULL);
    json_t *inputs = json_object_get(root, "inputs");
    int same = root != NULL && same_source_date_epoch(root, m)
            && same_file(json_object_get(root, "codebook"), &m->codebook, m->codebook.size, 1)
            && json_is_array(inputs) && json_array_size(inputs) == (size_t)m->n_inputs;
    for (int i = 0; same && i < m->n_inputs; i++)      /* not size: the thread writes it */
        same = same_file(json_array_get(inputs, (size_t)i), &m->inputs[i],
                         m->inputs[i].size_at_start, 0);
    json_decref(root);
    return same;
}

/* 1 if f is not as it was when first hashed. */
static int file_changed(const pp_manifest_file *f)
{
    struct stat st;
    pp_file_look now;
    if (stat(f->path, &st) != 0)
        return 1;
    look_of(&st, &now);
    if (!same_look(&now, &f->seen))
        return 1;
    if (!f->racy)
        return 0;
    pp_manifest_file again = *f;
    return pp_manifest_hash(&again) != 0 || again.size != f->size
        || strcmp(again.sha256, f->sha256) != 0;
}

int pp_manifest_recheck(const pp_manifest *m, const char **changed)
{
    for (int i = -1; i < m->n_inputs; i++) {
        const pp_manifest_file *f = i < 0 ? &m->codebook : &m->inputs[i];
        if (file_changed(f)) {
            *changed = f->name;
            return 1;
        }
    }
    return 0;
}

/* test_manifest.c: how `prepost run` tells that an input changed while it
 * ran (manifest.h). Each input is hashed once; the recheck at the end
 * trusts stat for a file that was not changed just before (and so never
 * reads it again), hashes a racy one again, and catches a rewrite with the
 * same bytes, a replaced file and a removed one. An earlier output is up
 * to date only with the same SOURCE_DATE_EPOCH and every output it lists
 * unchanged. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cunit_main.h"
#include "diag.h"
#include "manifest.h"

static char dir[64];
static pp_manifest m;

static void write_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "wb");
    CU_ASSERT_PTR_NOT_NULL_FATAL(f);
    fputs(text, f);
    CU_ASSERT_EQUAL(fclose(f), 0);
}

/* A codebook and one export, both hashed, as a run does,
 * in a new directory under the current one (ctest runs this in the build). */
static void set_up(void)
{
    snprintf(dir, sizeof dir, "test_manifest.XXXXXX");
    CU_ASSERT_PTR_NOT_NULL_FATAL(mkdtemp(dir));
    memset(&m, 0, sizeof m);
    snprintf(m.codebook.name, sizeof m.codebook.name, "survey.ini");
    snprintf(m.codebook.path, sizeof m.codebook.path, "%s/survey.ini", dir);
    snprintf(m.inputs[0].name, sizeof m.inputs[0].name, "export.csv");
    snprintf(m.inputs[0].path, sizeof m.inputs[0].path, "%s/export.csv", dir);
    m.n_inputs = 1;
    write_file(m.codebook.path, "[survey]\nexport = export.csv\n");
    write_file(m.inputs[0].path, "id,q\nR1,Good\nR2,Poor\n");
    CU_ASSERT_EQUAL_FATAL(pp_manifest_hash(&m.codebook), 0);
    CU_ASSERT_EQUAL_FATAL(pp_manifest_hash(&m.inputs[0]), 0);
    CU_ASSERT_EQUAL(m.inputs[0].size, 21);
    /* Both were written a moment ago: racy. */
    CU_ASSERT_TRUE(m.codebook.racy);
    CU_ASSERT_TRUE(m.inputs[0].racy);
}

static void tear_down(void)
{
    char path[128];
    snprintf(path, sizeof path, "%s/survey.ini", dir);
    unlink(path);
    snprintf(path, sizeof path, "%s/export.csv", dir);
    unlink(path);
    snprintf(path, sizeof path, "%s/other.csv", dir);
    unlink(path);
    rmdir(dir);
}

/* Treats both files as if they had last changed long before the run. */
static void not_racy(void)
{
    m.codebook.racy = 0;
    m.inputs[0].racy = 0;
}

static void test_racy_rule(void)
{
    struct timespec now = {1000, 500};
    CU_ASSERT_TRUE(pp_manifest_is_racy((struct timespec){1000, 0}, now));
    CU_ASSERT_TRUE(pp_manifest_is_racy((struct timespec){1000 - PP_RACY_SECONDS, 500}, now));
    CU_ASSERT_FALSE(pp_manifest_is_racy((struct timespec){1000 - PP_RACY_SECONDS, 499}, now));
    CU_ASSERT_FALSE(pp_manifest_is_racy((struct timespec){20, 0}, now));
    CU_ASSERT_TRUE(pp_manifest_is_racy((struct timespec){5000, 0}, now));  /* a clock ahead */
}

static void test_unchanged(void)
{
    const char *changed = NULL;
    set_up();
    CU_ASSERT_EQUAL(pp_manifest_recheck(&m, &changed), 0);
    not_racy();
    CU_ASSERT_EQUAL(pp_manifest_recheck(&m, &changed), 0);
    tear_down();
}

/* A file that is not racy is not read again: a wrong recorded hash goes
 * unnoticed. A racy one is hashed again, so the same wrong hash shows. */
static void test_hashed_once_unless_racy(void)
{
    const char *changed = NULL;
    set_up();
    not_racy();
    memset(m.inputs[0].sha256, '0', 64);
    CU_ASSERT_EQUAL(pp_manifest_recheck(&m, &changed), 0);
    m.inputs[0].racy = 1;
    CU_ASSERT_EQUAL(pp_manifest_recheck(&m, &changed), 1);
    CU_ASSERT_STRING_EQUAL(changed, "export.csv");
    tear_down();
}

/* The same bytes written again in place: only the change time tells.
 * Rewritten until that time moves on (at once where the file system keeps
 * fine times; up to a few seconds where its clock is coarse). */
static void test_rewrite_with_same_bytes(void)
{
    const char *changed = NULL;
    struct stat st;
    set_up();
    not_racy();
    for (int i = 0; i < 40; i++) {
        struct timespec pause = {0, 100 * 1000 * 1000};
        nanosleep(&pause, NULL);
        write_file(m.inputs[0].path, "id,q\nR1,Good\nR2,Poor\n");
        CU_ASSERT_EQUAL_FATAL(stat(m.inputs[0].path, &st), 0);
        if (st.st_ctim.tv_sec != m.inputs[0].seen.ctime.tv_sec
            || st.st_ctim.tv_nsec != m.inputs[0].seen.ctime.tv_nsec)
            break;
    }
    CU_ASSERT_EQUAL(pp_manifest_recheck(&m, &changed), 1);
    CU_ASSERT_STRING_EQUAL(changed, "export.csv");
    tear_down();
}

static void test_replaced_or_removed(void)
{
    const char *changed = NULL;
    char other[128];
    set_up();
    not_racy();
    snprintf(other, sizeof other, "%s/other.csv", dir);
    write_file(other, "id,q\nR1,Good\nR2,Poor\n");          /* same bytes, new file */
    CU_ASSERT_EQUAL_FATAL(rename(other, m.inputs[0].path), 0);
    CU_ASSERT_EQUAL(pp_manifest_recheck(&m, &changed), 1);
    tear_down();

    set_up();
    not_racy();
    write_file(m.codebook.path, "[survey]\nexport = export.csv\n; more\n");
    CU_ASSERT_EQUAL(pp_manifest_recheck(&m, &changed), 1);
    CU_ASSERT_STRING_EQUAL(changed, "survey.ini");
    tear_down();

    set_up();
    not_racy();
    CU_ASSERT_EQUAL(unlink(m.inputs[0].path), 0);
    CU_ASSERT_EQUAL(pp_manifest_recheck(&m, &changed), 1);
    CU_ASSERT_STRING_EQUAL(changed, "export.csv");
    tear_down();
}

/* A codebook naming export.csv in dir, for pp_manifest_begin. */
static pp_codebook *plain_codebook(pp_diag *diag)
{
    char path[128];
    snprintf(path, sizeof path, "%s/survey.ini", dir);
    FILE *in = fopen(path, "rb");
    CU_ASSERT_PTR_NOT_NULL_FATAL(in);
    pp_codebook *cb = pp_codebook_read(in, path, diag);
    fclose(in);
    return cb;
}

/* Hashed on a thread or at once, the manifest is the same; waiting twice
 * gives the same answer. */
static void test_hashed_beside_the_run(void)
{
    pp_manifest threaded, at_once;
    pp_diag diag;
    char path[128];
    set_up();
    write_file(m.codebook.path, "[survey]\nexport = export.csv\nlayout = plain\n"
                                "[scale s]\nlevels = Poor | Good\n"
                                "[single q]\nscale = s\ncolumn = q\n");
    pp_diag_clear(&diag);
    pp_codebook *cb = plain_codebook(&diag);
    CU_ASSERT_PTR_NOT_NULL_FATAL(cb);
    snprintf(path, sizeof path, "%s/survey.ini", dir);
    CU_ASSERT_EQUAL_FATAL(pp_manifest_begin(&at_once, path, cb), 0);
    CU_ASSERT_EQUAL_FATAL(pp_manifest_hash_inputs(&at_once), 0);
    CU_ASSERT_EQUAL_FATAL(pp_manifest_begin(&threaded, path, cb), 0);
    CU_ASSERT_EQUAL(threaded.inputs[0].size_at_start, 21);    /* from stat, before the hash */
    CU_ASSERT_FALSE(threaded.hashed);
    pp_manifest_hash_start(&threaded);
    CU_ASSERT_EQUAL(pp_manifest_hash_wait(&threaded), 0);
    CU_ASSERT_EQUAL(pp_manifest_hash_wait(&threaded), 0);
    CU_ASSERT_STRING_EQUAL(threaded.inputs[0].sha256, at_once.inputs[0].sha256);
    CU_ASSERT_STRING_EQUAL(threaded.inputs[0].sha256,
                           "12dff3891ce27046d1543a16795de87321baf779019b57c40977a0f0fdff64e5");
    CU_ASSERT_STRING_EQUAL(threaded.fingerprint, at_once.fingerprint);
    CU_ASSERT_EQUAL(threaded.inputs[0].size, 21);              /* bytes hashed */
    CU_ASSERT_EQUAL(strlen(threaded.fingerprint), 64);

    /* An export that opens but cannot be read (a directory): begin takes
     * it, the hash fails, and waiting says so with errno and the input. */
    CU_ASSERT_EQUAL(unlink(m.inputs[0].path), 0);
    CU_ASSERT_EQUAL_FATAL(mkdir(m.inputs[0].path, 0700), 0);
    CU_ASSERT_EQUAL_FATAL(pp_manifest_begin(&threaded, path, cb), 0);
    pp_manifest_hash_start(&threaded);
    CU_ASSERT_EQUAL(pp_manifest_hash_wait(&threaded), -1);
    CU_ASSERT_EQUAL(errno, EIO);               /* a failed read, as pp_manifest_hash says */
    CU_ASSERT_EQUAL(threaded.failed_input, 0);
    CU_ASSERT_EQUAL(pp_manifest_hash_wait(&threaded), -1);
    CU_ASSERT_EQUAL(rmdir(m.inputs[0].path), 0);

    /* A missing export stops it at the start, named by its key. */
    CU_ASSERT_EQUAL(pp_manifest_begin(&threaded, path, cb), -1);
    CU_ASSERT_EQUAL(errno, ENOENT);
    CU_ASSERT_EQUAL(threaded.failed_input, 0);
    CU_ASSERT_STRING_EQUAL(threaded.inputs[0].name, "export.csv");
    CU_ASSERT_STRING_EQUAL(threaded.inputs[0].key, "export");
    /* A missing codebook: failed_input is -1. */
    CU_ASSERT_EQUAL(pp_manifest_begin(&threaded, "no-such-survey.ini", cb), -1);
    CU_ASSERT_EQUAL(threaded.failed_input, -1);
    pp_codebook_free(cb);
    tear_down();
}

/* An earlier manifest.json could be up to date only if it names the same
 * codebook hash and the exports with their present sizes. */
static void test_may_be_unchanged(void)
{
    char manifest_path[128];
    set_up();
    snprintf(manifest_path, sizeof manifest_path, "%s/manifest.json", dir);
    CU_ASSERT_FALSE(pp_manifest_may_be_unchanged(&m, manifest_path));   /* none yet */
    FILE *out = fopen(manifest_path, "w");
    CU_ASSERT_PTR_NOT_NULL_FATAL(out);
    CU_ASSERT_EQUAL(pp_manifest_write(&m, dir, out), 0);
    CU_ASSERT_EQUAL(fclose(out), 0);
    m.inputs[0].size_at_start = m.inputs[0].size;
    pp_manifest now = m;
    CU_ASSERT_TRUE(pp_manifest_may_be_unchanged(&now, manifest_path));
    /* Being hashed: neither the hash nor the count of bytes hashed so far
     * is looked at (the hashing thread writes them meanwhile). */
    memset(now.inputs[0].sha256, '0', 64);
    now.inputs[0].size = 0;
    CU_ASSERT_TRUE(pp_manifest_may_be_unchanged(&now, manifest_path));
    now.inputs[0].size_at_start++;
    CU_ASSERT_FALSE(pp_manifest_may_be_unchanged(&now, manifest_path));
    now = m;
    now.codebook.sha256[0] = now.codebook.sha256[0] == 'a' ? 'b' : 'a';
    CU_ASSERT_FALSE(pp_manifest_may_be_unchanged(&now, manifest_path));
    now = m;
    snprintf(now.inputs[0].name, sizeof now.inputs[0].name, "other.csv");
    CU_ASSERT_FALSE(pp_manifest_may_be_unchanged(&now, manifest_path));
    now = m;
    now.n_inputs = 2;
    now.inputs[1] = m.inputs[0];
    CU_ASSERT_FALSE(pp_manifest_may_be_unchanged(&now, manifest_path));
    unlink(manifest_path);
    tear_down();
}

/* Writes m's manifest.json into dir, listing dir's files as outputs. */
static void write_manifest(const char *manifest_path)
{
    FILE *out = fopen(manifest_path, "w");
    CU_ASSERT_PTR_NOT_NULL_FATAL(out);
    CU_ASSERT_EQUAL(pp_manifest_write(&m, dir, out), 0);
    CU_ASSERT_EQUAL(fclose(out), 0);
}

/* SOURCE_DATE_EPOCH: unset in both, or the same string, may be up to
 * date; set in one only, or another value, is a change. */
static void test_source_date_epoch(void)
{
    char manifest_path[128];
    set_up();
    snprintf(manifest_path, sizeof manifest_path, "%s/manifest.json", dir);
    m.inputs[0].size_at_start = m.inputs[0].size;
    write_manifest(manifest_path);                         /* unset */
    pp_manifest now = m;
    CU_ASSERT_TRUE(pp_manifest_may_be_unchanged(&now, manifest_path));
    now.source_date_epoch_set = 1;
    snprintf(now.source_date_epoch, sizeof now.source_date_epoch, "1700000000");
    CU_ASSERT_FALSE(pp_manifest_may_be_unchanged(&now, manifest_path));
    m = now;
    write_manifest(manifest_path);                         /* "1700000000" */
    CU_ASSERT_TRUE(pp_manifest_may_be_unchanged(&now, manifest_path));
    snprintf(now.source_date_epoch, sizeof now.source_date_epoch, "1700000001");
    CU_ASSERT_FALSE(pp_manifest_may_be_unchanged(&now, manifest_path));
    now.source_date_epoch_set = 0;
    now.source_date_epoch[0] = '\0';
    CU_ASSERT_FALSE(pp_manifest_may_be_unchanged(&now, manifest_path));
    unlink(manifest_path);
    tear_down();
}

/* The outputs a manifest lists (here the codebook and export beside it):
 * intact while each is there with its size and hash; not once one is
 * removed, or edited to other bytes of the same size. */
static void test_outputs_intact(void)
{
    char manifest_path[128];
    set_up();
    snprintf(manifest_path, sizeof manifest_path, "%s/manifest.json", dir);
    CU_ASSERT_FALSE(pp_manifest_outputs_intact(dir));     /* no manifest */
    write_manifest(manifest_path);
    CU_ASSERT_TRUE(pp_manifest_outputs_intact(dir));
    write_file(m.inputs[0].path, "id,q\nR1,Good\nR2,Good\n");
    CU_ASSERT_FALSE(pp_manifest_outputs_intact(dir));     /* same size, other bytes */
    write_file(m.inputs[0].path, "id,q\nR1,Good\nR2,Poor\n");
    CU_ASSERT_TRUE(pp_manifest_outputs_intact(dir));
    unlink(m.inputs[0].path);
    CU_ASSERT_FALSE(pp_manifest_outputs_intact(dir));     /* removed */
    CU_ASSERT_EQUAL(mkdir(m.inputs[0].path, 0700), 0);
    CU_ASSERT_FALSE(pp_manifest_outputs_intact(dir));     /* not a file */
    rmdir(m.inputs[0].path);
    unlink(manifest_path);
    tear_down();
}

CU_ErrorCode add_suites(void)
{
    static CU_TestInfo tests[] = {
        {"a change in the last seconds is racy", test_racy_rule},
        {"unchanged inputs pass", test_unchanged},
        {"a file not racy is hashed once", test_hashed_once_unless_racy},
        {"the same bytes written again are a change", test_rewrite_with_same_bytes},
        {"a replaced, edited or removed input is a change", test_replaced_or_removed},
        {"exports hashed on a thread as at once", test_hashed_beside_the_run},
        {"an earlier manifest may be up to date", test_may_be_unchanged},
        {"another SOURCE_DATE_EPOCH is a change", test_source_date_epoch},
        {"an output removed or edited is a change", test_outputs_intact},
        CU_TEST_INFO_NULL,
    };
    return add_suite("manifest", tests);
}

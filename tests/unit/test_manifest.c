/* test_manifest.c: how `prepost run` tells that an input changed while it
 * ran (manifest.h). Each input is hashed once; the recheck at the end
 * trusts stat for a file that was not changed just before (and so never
 * reads it again), hashes a racy one again, and catches a rewrite with the
 * same bytes, a replaced file and a removed one. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cunit_main.h"
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

/* A codebook and one export, both hashed, as pp_manifest_build would,
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

CU_ErrorCode add_suites(void)
{
    static CU_TestInfo tests[] = {
        {"a change in the last seconds is racy", test_racy_rule},
        {"unchanged inputs pass", test_unchanged},
        {"a file not racy is hashed once", test_hashed_once_unless_racy},
        {"the same bytes written again are a change", test_rewrite_with_same_bytes},
        {"a replaced, edited or removed input is a change", test_replaced_or_removed},
        CU_TEST_INFO_NULL,
    };
    return add_suite("manifest", tests);
}

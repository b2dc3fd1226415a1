/* test_gsl_quiet.c: GSL errors left to the caller on one thread only
 * (gsl_quiet.h). Inside pp_gsl_quiet_begin / _end an underflow comes back
 * as a status and nothing else; outside, and on every other thread at the
 * same time, errors reach the handler the program had set; running out of
 * memory always does. */
#include <gsl/gsl_errno.h>
#include <gsl/gsl_sf_exp.h>
#include <pthread.h>
#include <sched.h>
#include <stdatomic.h>

#include "cunit_main.h"
#include "gsl_quiet.h"

static atomic_int reached, reached_nomem;

static void program_handler(const char *reason, const char *file, int line, int gsl_errno)
{
    (void)reason;
    (void)file;
    (void)line;
    atomic_fetch_add(gsl_errno == GSL_ENOMEM ? &reached_nomem : &reached, 1);
}

/* e^-1000, far below the smallest double: GSL reports an underflow. */
static int underflow(void)
{
    gsl_sf_result r;
    return gsl_sf_exp_e(-1000.0, &r);
}

static void test_quiet_on_this_thread(void)
{
    gsl_set_error_handler(program_handler);         /* the program's, first */
    pp_gsl_quiet_install();
    atomic_store(&reached, 0);
    atomic_store(&reached_nomem, 0);
    pp_gsl_quiet_begin();
    CU_ASSERT_EQUAL(underflow(), GSL_EUNDRFLW);
    gsl_error("no memory", __FILE__, __LINE__, GSL_ENOMEM);
    pp_gsl_quiet_end();
    CU_ASSERT_EQUAL(atomic_load(&reached), 0);
    CU_ASSERT_EQUAL(atomic_load(&reached_nomem), 1);   /* always passed on */
    CU_ASSERT_EQUAL(underflow(), GSL_EUNDRFLW);         /* not quiet now */
    CU_ASSERT_EQUAL(atomic_load(&reached), 1);
}

enum { ROUNDS = 200 };

static atomic_int entered, main_done;

/* Quiet for as long as the other thread makes its errors. */
static void *quiet_thread(void *arg)
{
    (void)arg;
    pp_gsl_quiet_begin();
    underflow();
    atomic_store(&entered, 1);
    while (!atomic_load(&main_done))
        sched_yield();
    underflow();
    pp_gsl_quiet_end();
    return NULL;
}

/* One thread is quiet all the while another makes errors: every error of
 * the other reaches the program's handler, none of the quiet one's does. */
static void test_quiet_is_per_thread(void)
{
    atomic_store(&reached, 0);
    atomic_store(&entered, 0);
    atomic_store(&main_done, 0);
    pthread_t quiet;
    CU_ASSERT_EQUAL_FATAL(pthread_create(&quiet, NULL, quiet_thread, NULL), 0);
    while (!atomic_load(&entered))
        sched_yield();
    for (int i = 0; i < ROUNDS; i++)
        underflow();
    atomic_store(&main_done, 1);
    pthread_join(quiet, NULL);
    CU_ASSERT_EQUAL(atomic_load(&reached), ROUNDS);
}

CU_ErrorCode add_suites(void)
{
    static CU_TestInfo tests[] = {
        {"quiet on this thread, out of memory passed on", test_quiet_on_this_thread},
        {"quiet on one thread, not on another", test_quiet_is_per_thread},
        CU_TEST_INFO_NULL,
    };
    return add_suite("gsl_quiet", tests);
}

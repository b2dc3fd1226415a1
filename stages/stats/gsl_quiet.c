/* gsl_quiet.c: GSL errors left to the caller on one thread (gsl_quiet.h). */
#include "gsl_quiet.h"

#include <gsl/gsl_errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

static gsl_error_handler_t *passed_on;     /* the handler before ours; NULL: GSL's */
static pthread_once_t installed = PTHREAD_ONCE_INIT;
static _Thread_local int quiet;

static void handle(const char *reason, const char *file, int line, int gsl_errno)
{
    if (quiet > 0 && gsl_errno != GSL_ENOMEM)
        return;
    if (passed_on != NULL) {
        passed_on(reason, file, line, gsl_errno);
        return;
    }
    fprintf(stderr, "gsl: %s:%d: ERROR: %s\n", file, line, reason);   /* as GSL's own */
    abort();
}

static void install(void)
{
    passed_on = gsl_set_error_handler(handle);
}

void pp_gsl_quiet_install(void)
{
    pthread_once(&installed, install);
}

void pp_gsl_quiet_begin(void)
{
    pp_gsl_quiet_install();
    quiet++;
}

void pp_gsl_quiet_end(void)
{
    quiet--;
}

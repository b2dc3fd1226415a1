/* gsl_quiet.h: calling a GSL function whose errors the caller handles
 * itself (an underflow that means "p is 0"), on any thread, without
 * touching GSL's one error handler while other threads use it.
 *
 * GSL reports an error by calling a handler that is global to the process
 * (the default one aborts). Swapping it for a call is a race once the
 * statistics run on several threads. Instead, a handler installed once
 * passes errors on to the handler it replaced, except on a thread inside
 * pp_gsl_quiet_begin / _end, where they are left to the status the
 * function returns; running out of memory is always passed on. */
#ifndef PREPOST_GSL_QUIET_H
#define PREPOST_GSL_QUIET_H

/* Installs the handler, once; call it before starting threads that use
 * GSL (results_parallel.c does), after any handler of the program's own.
 * pp_gsl_quiet_begin installs it too, for a program with one thread. */
void pp_gsl_quiet_install(void);
void pp_gsl_quiet_begin(void);
void pp_gsl_quiet_end(void);

#endif

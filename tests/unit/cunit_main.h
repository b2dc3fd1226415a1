/* cunit_main.h: every CUnit test file defines add_suites(), which adds its
 * suites to the registry; cunit_main.c runs them and fails on any failure.
 * Tests are tables of cases where they can be. */
#ifndef PREPOST_CUNIT_MAIN_H
#define PREPOST_CUNIT_MAIN_H

#include <CUnit/CUnit.h>

/* Returns CUE_SUCCESS or a CUnit error. */
CU_ErrorCode add_suites(void);

/* Adds a suite with the given tests ({NULL, NULL}-terminated). */
CU_ErrorCode add_suite(const char *name, CU_TestInfo *tests);

#endif

/* cunit_main.c: the runner shared by every CUnit test executable. */
#include "cunit_main.h"

#include <CUnit/Basic.h>
#include <stdio.h>

CU_ErrorCode add_suite(const char *name, CU_TestInfo *tests)
{
    CU_pSuite suite = CU_add_suite(name, NULL, NULL);
    if (suite == NULL)
        return CU_get_error();
    for (CU_TestInfo *t = tests; t->pName != NULL; t++)
        if (CU_add_test(suite, t->pName, t->pTestFunc) == NULL)
            return CU_get_error();
    return CUE_SUCCESS;
}

int main(void)
{
    if (CU_initialize_registry() != CUE_SUCCESS)
        return 70;
    if (add_suites() != CUE_SUCCESS) {
        fprintf(stderr, "cannot register tests: %s\n", CU_get_error_msg());
        CU_cleanup_registry();
        return 70;
    }
    CU_basic_set_mode(CU_BRM_VERBOSE);
    CU_basic_run_tests();
    unsigned failed = CU_get_number_of_failures() + CU_get_number_of_tests_failed();
    unsigned run = CU_get_number_of_tests_run();
    CU_cleanup_registry();
    if (run == 0) {
        fprintf(stderr, "no test ran\n");
        return 1;
    }
    return failed ? 1 : 0;
}

/* stuart_maxwell.c: the Stuart-Maxwell test that the before and after
 * distributions over the k levels are the same (marginal homogeneity), as
 * coin::mh_test(table) with the asymptotic chi-square distribution.
 *
 * Levels nobody chose are dropped. Conditioning on the pairs, a pair that
 * moved between levels i and j adds (e_i - e_j)(e_i - e_j)'/4 to the
 * covariance S of the after-counts, whose deviation from expectation is
 * d = (after margins - before margins)/2:
 *   S_ii = (row_i + col_i - 2 n_ii)/4,   S_ij = -(n_ij + n_ji)/4.
 * S is always singular (its rows sum to 0), and more so when the levels fall
 * into groups no pair moved between, so the statistic is d' S^+ d with the
 * Moore-Penrose inverse from an SVD, singular values below sqrt(DBL_EPSILON)
 * times the largest counted as zero (libcoin's tolerance), and df = rank(S).
 * For k = 2 this is McNemar's chi-square without continuity correction. */
#include <float.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_blas.h>
#include <gsl/gsl_cdf.h>
#include <gsl/gsl_linalg.h>
#include <math.h>

#include "paired.h"

/* The levels somebody chose, 0-based, into used[]; returns how many. */
static int used_levels(const pp_paired_table *t, int *used)
{
    int m = 0;
    for (int level = 1; level <= t->k; level++) {
        unsigned long long chosen = 0;
        for (int other = 1; other <= t->k; other++)
            chosen += (unsigned long long)(pp_paired_cell(t, level, other) + pp_paired_cell(t, other, level));
        if (chosen > 0)
            used[m++] = level;
    }
    return m;
}

/* Fills cov (m x m) and deviation (m) over the used levels; returns 1 if any
 * pair moved between levels, else 0. */
static int fill_covariance(const pp_paired_table *t, const int *used, int m,
                           gsl_matrix *cov, gsl_vector *deviation)
{
    int moved = 0;
    for (int i = 0; i < m; i++) {
        double row = 0, col = 0;
        for (int other = 1; other <= t->k; other++) {
            row += (double)pp_paired_cell(t, used[i], other);
            col += (double)pp_paired_cell(t, other, used[i]);
        }
        double stayed = (double)pp_paired_cell(t, used[i], used[i]);
        gsl_vector_set(deviation, (size_t)i, (col - row) / 2);
        gsl_matrix_set(cov, (size_t)i, (size_t)i, (row + col - 2 * stayed) / 4);
        if (row + col - 2 * stayed > 0)
            moved = 1;
        for (int j = 0; j < m; j++)
            if (j != i)
                gsl_matrix_set(cov, (size_t)i, (size_t)j,
                               -((double)pp_paired_cell(t, used[i], used[j])
                                 + (double)pp_paired_cell(t, used[j], used[i])) / 4);
    }
    return moved;
}

/* d' S^+ d through the SVD S = U diag(sigma) V'; cov is overwritten by U.
 * Returns -1 on failure, else 0 with *chi2 and *rank set. */
static int quadratic_form_pinv(gsl_matrix *cov, const gsl_vector *deviation,
                               double *chi2, int *rank)
{
    size_t m = cov->size1;
    gsl_matrix *v = gsl_matrix_alloc(m, m);
    gsl_vector *sigma = gsl_vector_alloc(m), *work = gsl_vector_alloc(m);
    int status = -1;
    if (v != NULL && sigma != NULL && work != NULL
        && gsl_linalg_SV_decomp(cov, v, sigma, work) == GSL_SUCCESS) {
        double tolerance = sqrt(DBL_EPSILON) * gsl_vector_get(sigma, 0);
        *chi2 = 0;
        *rank = 0;
        for (size_t i = 0; i < m && gsl_vector_get(sigma, i) > tolerance; i++) {
            gsl_vector_const_view u_i = gsl_matrix_const_column(cov, i);
            gsl_vector_const_view v_i = gsl_matrix_const_column(v, i);
            double along_u, along_v;
            gsl_blas_ddot(&u_i.vector, deviation, &along_u);
            gsl_blas_ddot(&v_i.vector, deviation, &along_v);
            *chi2 += along_u * along_v / gsl_vector_get(sigma, i);
            (*rank)++;
        }
        status = 0;
    }
    gsl_matrix_free(v);
    gsl_vector_free(sigma);
    gsl_vector_free(work);
    return status;
}

static int test_used_levels(const pp_paired_table *t, const int *used, int m,
                            pp_stuart_maxwell *out)
{
    gsl_matrix *cov = gsl_matrix_calloc((size_t)m, (size_t)m);
    gsl_vector *deviation = gsl_vector_calloc((size_t)m);
    int status = -1;
    if (cov != NULL && deviation != NULL) {
        status = 0;
        if (!fill_covariance(t, used, m, cov, deviation))
            out->reason = "every pair unchanged";
        else if (quadratic_form_pinv(cov, deviation, &out->chi2, &out->df) != 0)
            status = -1;
        else {
            out->p = gsl_cdf_chisq_Q(out->chi2, out->df);
            out->available = 1;
        }
    }
    if (status != 0) {
        out->chi2 = 0;
        out->reason = "out of memory";
    }
    gsl_matrix_free(cov);
    gsl_vector_free(deviation);
    return status;
}

int pp_stuart_maxwell_compute(const pp_paired_table *t, pp_stuart_maxwell *out)
{
    memset(out, 0, sizeof *out);
    out->reason = pp_paired_table_problem(t);
    if (out->reason != NULL)
        return 0;
    int *used = malloc((size_t)t->k * sizeof *used);
    if (used == NULL) {
        out->reason = "out of memory";
        return -1;
    }
    int m = used_levels(t, used);
    out->levels_used = m;
    int status = 0;
    if (m == 0)
        out->reason = "no pairs";
    else if (m == 1)
        out->reason = "only one level chosen";
    else
        status = test_used_levels(t, used, m, out);
    free(used);
    return status;
}

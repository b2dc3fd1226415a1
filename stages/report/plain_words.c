/* plain_words.c: numbers and test results in plain words (plain_words.h). */
#include "plain_words.h"

#include <math.h>
#include <stdio.h>

char *words_p(char *dst, size_t cap, double p)
{
    if (isnan(p))
        snprintf(dst, cap, "p not available");
    else if (p < 0.001)
        snprintf(dst, cap, "p &lt; 0.001");
    else if (p < 0.01)
        snprintf(dst, cap, "p = %.3f", p);
    else
        snprintf(dst, cap, "p = %.2f", p);
    return dst;
}

char *words_pct(char *dst, size_t cap, double pct)
{
    if (isnan(pct))
        snprintf(dst, cap, "n/a");
    else
        snprintf(dst, cap, "%.0f%%", pct + 0.0);  /* + 0.0: never "-0%" */
    return dst;
}

char *words_pct1(char *dst, size_t cap, double pct)
{
    if (isnan(pct))
        snprintf(dst, cap, "n/a");
    else
        snprintf(dst, cap, "%.1f%%", pct + 0.0);
    return dst;
}

char *words_signed(char *dst, size_t cap, double x)
{
    if (isnan(x))
        snprintf(dst, cap, "n/a");
    else if (fabs(x) < 0.005)
        snprintf(dst, cap, "0.00");
    else
        snprintf(dst, cap, "%+.2f", x);
    return dst;
}

char *words_small_base(char *dst, size_t cap, long base, long min_base)
{
    snprintf(dst, cap, "too small a base to conclude from (n = %ld, under %ld)", base, min_base);
    return dst;
}

/* "(p < 0.001, Holm-adjusted)" or "(p = 1.00, Holm-adjusted; p = 0.44 unadjusted)". */
static char *adjusted(char *dst, size_t cap, double p, double p_holm)
{
    char a[32], b[32];
    words_p(a, sizeof a, p_holm);
    if (isnan(p) || words_p(b, sizeof b, p) == NULL || p == p_holm || p < 0.001)
        snprintf(dst, cap, "(%s, Holm-adjusted)", a);
    else
        snprintf(dst, cap, "(%s, Holm-adjusted; %s unadjusted)", a, b);
    return dst;
}

char *words_shift(char *dst, size_t cap, double p, double p_holm, double direction)
{
    char why[96];
    if (isnan(p_holm))
        snprintf(dst, cap, "not tested");
    else if (p_holm < WORDS_ALPHA)
        snprintf(dst, cap, "a significant %s %s",
                 direction > 0 ? "increase" : direction < 0 ? "decrease" : "change",
                 adjusted(why, sizeof why, p, p_holm));
    else
        snprintf(dst, cap, "no significant change %s", adjusted(why, sizeof why, p, p_holm));
    return dst;
}

char *words_between(char *dst, size_t cap, double p, double p_holm)
{
    char why[96];
    if (isnan(p_holm))
        snprintf(dst, cap, "not tested");
    else if (p_holm < WORDS_ALPHA)
        snprintf(dst, cap, "the segments differ significantly %s",
                 adjusted(why, sizeof why, p, p_holm));
    else
        snprintf(dst, cap, "no significant difference between the segments %s",
                 adjusted(why, sizeof why, p, p_holm));
    return dst;
}

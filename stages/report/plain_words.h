/* plain_words.h: numbers and test results said in plain words, for people
 * who are not statisticians: "28%", "p < 0.001", "a significant increase
 * (p &lt; 0.001, Holm-adjusted)". Everything written here is made by this
 * program from numbers and is ready for HTML as it is: the one '<' it
 * writes is written &lt;. */
#ifndef PREPOST_PLAIN_WORDS_H
#define PREPOST_PLAIN_WORDS_H

#include <stdbool.h>
#include <stddef.h>

/* Significant means a Holm-adjusted p-value under this. */
#define WORDS_ALPHA 0.05

/* "p &lt; 0.001", "p = 0.004", "p = 0.44", "p = 1.00". */
char *words_p(char *dst, size_t cap, double p);
/* "28%" (rounded), "n/a" for NAN. */
char *words_pct(char *dst, size_t cap, double pct);
/* "28.3%" (one decimal), "n/a" for NAN. */
char *words_pct1(char *dst, size_t cap, double pct);
/* "+0.99", "-0.12": a signed number with two decimals. */
char *words_signed(char *dst, size_t cap, double x);
/* "too small a base to conclude from (n = 33, under 50)". */
char *words_small_base(char *dst, size_t cap, long base, long min_base);

/* A shift tested by p (raw) and p_holm: "a significant increase
 * (p &lt; 0.001, Holm-adjusted)", "a significant decrease (...)", or
 * "no significant change (p = 1.00, Holm-adjusted; p = 0.44 unadjusted)".
 * direction > 0 is an increase. NAN p_holm: "not tested". */
char *words_shift(char *dst, size_t cap, double p, double p_holm, double direction);

/* The same for a difference between segments: "segments differ
 * significantly (...)" or "no significant difference between segments (...)". */
char *words_between(char *dst, size_t cap, double p, double p_holm);

#endif

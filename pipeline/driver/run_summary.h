/* run_summary.h: the line a successful `prepost run` ends with (unless -q),
 * naming the published output rather than the temporary directory it was
 * built in, which is gone by then:
 *
 *   prepost run: published out: the dashboard out/index.html, 6 charts in
 *   out/plots, 24 table files in out/tables
 *
 * The stages that write into the output (plot, table, report) run quiet
 * under `prepost run`, since their own lines would name that directory. */
#ifndef PREPOST_RUN_SUMMARY_H
#define PREPOST_RUN_SUMMARY_H

#include <stdio.h>

/* Prints the line for the output directory out to `to`. */
void pp_run_summary(const char *out, FILE *to);

#endif

/* table_write.h: a table (table_model.h) written as CSV, Markdown or LaTeX.
 *   CSV: RFC 4180, UTF-8, LF line ends, one header line; the CSV columns
 *     of every section's rows; a null statistic is an empty field.
 *   Markdown: a heading with the caption, one GitHub pipe table per
 *     section, then the notes as a list.
 *   LaTeX: a fragment, one table environment per section, each a booktabs
 *     tabular with its caption; the notes under the last one. It needs
 *     only \usepackage{booktabs}.
 * Each returns 0, or -1 when out of memory; write errors show in ferror. */
#ifndef PREPOST_TABLE_WRITE_H
#define PREPOST_TABLE_WRITE_H

#include <stdio.h>

#include "table_model.h"

int pp_table_write_csv(const pp_table *t, FILE *out);
int pp_table_write_md(const pp_table *t, FILE *out);
int pp_table_write_tex(const pp_table *t, FILE *out);

/* The page markers: a value with its small-base flag, a null value. */
#define PP_TABLE_MARK_SMALL_MD " \xE2\x80\xA0"      /* " †" */
#define PP_TABLE_NULL_MD "\xE2\x80\x94"             /* "—" */

#endif

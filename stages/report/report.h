/* report.h: what the parts of the dashboard share. The page is written
 * by report_page.c from results.json; each part (header, contents, one
 * section per item or battery, segments, comments) has its own file.
 *
 * Text from an export or a codebook goes out only through html() (escaped);
 * raw() and rawf() take markup this program wrote, and numbers. */
#ifndef PREPOST_REPORT_H
#define PREPOST_REPORT_H

#include <stdbool.h>
#include <stdio.h>

#include <jansson.h>

#include "codebook.h"
#include "rejects_summary.h"
#include "unmatched_summary.h"

typedef struct {
    FILE *out;
    json_t *results;                /* the whole results.json */
    const pp_codebook *cb;          /* its codebook: the segments' levels */
    const char *plots_dir;          /* where to look for plots/<chart>.svg */
    const char *tables_dir;         /* where to look for tables/<file> */
    const char *out_dir;            /* the output file's directory */
    bool panel;                     /* a two-wave panel: rejects per wave */
    const rejects_summary *rejects; /* NULL: no rejects file given (a panel's:
                                       the before wave's) */
    const char *rejects_name;       /* its name as given */
    const rejects_summary *rejects_after;   /* a panel's after wave, or NULL */
    const char *rejects_after_name;
    const unmatched_summary *unmatched;     /* a panel's one-wave respondents, or NULL */
    const char *unmatched_name;
    const char *date;               /* from SOURCE_DATE_EPOCH, or NULL */
    long min_base;
    int h;                          /* heading level of the current item */
    bool out_of_memory;             /* a part could not be made: the page is not whole */
} report;

/* Writes the whole page. 0, -1 on a write error, or -2 when memory ran out. */
int report_page(report *r);

/* ---- writing (report_html.c) ------------------------------------------- */
void raw(report *r, const char *markup);
void rawf(report *r, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void html(report *r, const char *text);
/* <tag class="cls">escaped text</tag>; cls may be NULL. */
void html_in(report *r, const char *tag, const char *cls, const char *text);

/* ---- the parts ----------------------------------------------------------- */
void report_header(report *r);
void report_contents(report *r);
void report_chart(report *r, json_t *items);
/* The result of one item in words, for a chart's alt text: the name (the
 * item's title, or a level's name or the item's words in a battery by
 * segment) and what the result (the whole sample's or one level's) says. */
void report_item_alt(report *r, json_t *item, json_t *result, const char *name);
/* Under a chart, its charts by segment that prepost-plot made. */
void report_segment_charts(report *r, json_t *items, const char *chart);
void report_item(report *r, json_t *item);
void report_paired(report *r, json_t *item);
void report_single(report *r, json_t *item);
void report_multi(report *r, json_t *item);
void report_comments(report *r, json_t *item);
void report_segments(report *r, json_t *item);
void report_notes(report *r, json_t *result);
void report_tables_links(report *r, const char *item_id);
extern const char report_style[];

/* ---- batteries (report_battery.c) ------------------------------------- */
/* The items of one battery, in the order of results.json (a new reference;
 * NULL, with r->out_of_memory set, when memory runs out). */
json_t *report_battery_items(report *r, const char *battery);
/* true when an item before the upto-th is in this battery: the battery
 * was shown there, where its first item stands. */
bool report_battery_seen(report *r, size_t upto, const char *battery);
/* The battery's title, escaped: the words its items' titles share, as its
 * chart says it (pp_battery_title), else its name made readable. */
void report_battery_title(report *r, json_t *items, const char *battery);

/* ---- looking things up --------------------------------------------------- */
/* The chart name of an item: its battery, else its id, made URL-safe. */
void report_chart_name(json_t *item, char *dst, size_t cap);
/* true when dir/name/file exists (dir NULL: false). */
bool report_file_exists(const char *dir, const char *file);
/* A link to file when it is beside the page (in out_dir), else the name
 * as given, in plain text. */
void report_file_link(report *r, const char *file, const char *name);
/* A number member, or NAN when it is null or missing. */
double num(json_t *object, const char *key);
/* The i-th element of an array member as a number, or NAN. */
double num_at(json_t *object, const char *key, size_t i);
/* A string member, or fallback. */
const char *str(json_t *object, const char *key, const char *fallback);
/* "Very good or Excellent": the scale's top (or bottom) levels joined. */
void report_levels_phrase(json_t *item, const char *which, char *dst, size_t cap);

#endif

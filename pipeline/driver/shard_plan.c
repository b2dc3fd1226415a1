/* shard_plan.c: cutting an export into shards (shard_plan.h). */
#include "shard_plan.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "csv_rows.h"
#include "csv_scan.h"
#include "header.h"
#include "source.h"

#define CHUNK (1 << 20)

/* Below this many jobs a gzip export is read in one job. That job inflates
 * on one core while it parses on another (source.h, read ahead), in about
 * the time parsing alone takes; cutting it needs it inflated whole first,
 * serially (about 0.7 of the parsing time), and then 1/jobs of the parsing:
 * 0.7 + 1/jobs is under 1 only from 4 jobs on. */
#define GZIP_SPLIT_JOBS 4

/* 1 if the file at path starts with the gzip magic bytes. */
static int starts_like_gzip(const char *path)
{
    FILE *in = fopen(path, "rb");
    if (in == NULL)
        return 0;
    int first = getc(in), second = getc(in);
    fclose(in);
    return first == 0x1f && second == 0x8b;
}

/* Decompresses a gzip export into work_dir/export.csv, the plan's path.
 * 0; -1 on a failed write; 2 if it cannot be decompressed (ingest will
 * say why). */
static int plain_copy(pp_shard_plan *plan, const char *export_path, const char *work_dir)
{
    FILE *in = fopen(export_path, "rb");
    if (in == NULL)
        return 2;
    snprintf(plan->path, sizeof plan->path, "%s/export.csv", work_dir);
    FILE *out = fopen(plan->path, "wb");
    pp_source *src = pp_source_from_file(in, export_path);
    char *buf = malloc(CHUNK);
    int status = out == NULL || src == NULL || buf == NULL ? -1 : 0;
    pp_diag diag;
    pp_diag_clear(&diag);
    long got;
    while (status == 0 && (got = pp_source_read(src, buf, CHUNK, &diag)) > 0)
        if (fwrite(buf, 1, (size_t)got, out) != (size_t)got)
            status = -1;
    if (status == 0 && diag.code != PP_OK)
        status = 2;
    if (out != NULL && fclose(out) != 0 && status == 0)
        status = -1;
    free(buf);
    if (src != NULL)
        pp_source_free(src);
    fclose(in);
    return status;
}

typedef struct {
    pp_header *header;
    pp_diag *diag;
    int done;
} header_read;

static int feed_header(const pp_row *row, void *user)
{
    header_read *h = user;
    pp_header_status status = pp_header_feed(h->header, row, h->diag);
    h->done = status == PP_HEADER_DONE || status == PP_HEADER_DONE_BEFORE;
    return status != PP_HEADER_MORE;
}

/* How many rows the header takes, and the id column's name. 0, or 1 when
 * the header is not one ingest would accept (ingest will say why). */
static int read_header(pp_shard_plan *plan, const pp_codebook *cb, int *header_rows)
{
    FILE *in = fopen(plan->path, "rb");
    if (in == NULL)
        return 1;
    pp_diag diag;
    pp_diag_clear(&diag);
    pp_source *src = pp_source_from_file(in, plan->path);
    header_read h = {pp_header_new(cb->layout, plan->path), &diag, 0};
    int status = 1;
    if (src == NULL || h.header == NULL)
        goto cleanup;
    pp_csv_read(src, feed_header, &h, &diag);
    if (!h.done || diag.code != PP_OK)
        goto cleanup;
    *header_rows = pp_header_rows(h.header);
    if (cb->id_column != NULL) {
        long column = pp_header_find(h.header, cb->id_column, &diag);
        if (column < 0)
            goto cleanup;
        plan->id_column = strdup(pp_header_name(h.header, (size_t)column));
    }
    status = 0;
cleanup:
    pp_header_free(h.header);
    if (src != NULL)
        pp_source_free(src);
    fclose(in);
    return status;
}

typedef struct {
    pp_shard_plan *plan;
    int jobs, header_rows;
    long long size;
    int next;                   /* the next cut: 1..jobs-1 */
} cutting;

/* At each record boundary: the end of the header, then a cut past each
 * 1/jobs of the file. Stops the scan once the last cut is made. */
static int at_boundary(long long offset, long records, void *user)
{
    cutting *c = user;
    pp_shard_plan *plan = c->plan;
    if (plan->header_end < 0) {
        if (records < c->header_rows)
            return 0;
        plan->header_end = offset;
        plan->shards[0] = (pp_shard){offset, c->size, records - c->header_rows};
        return c->next >= c->jobs;
    }
    if (offset < c->size * c->next / c->jobs || offset >= c->size)
        return 0;
    plan->shards[plan->n - 1].end = offset;
    plan->shards[plan->n++] = (pp_shard){offset, c->size, records - c->header_rows};
    while (c->next < c->jobs && c->size * c->next / c->jobs <= offset)
        c->next++;
    return c->next >= c->jobs;
}

/* Reads the plain export once: its records up to the last cut, then only
 * its quotes to the end, for a quote never closed. That last shard's own
 * ingest would fail too, but naming standard input and counting rows
 * from the shard's start, not as one job says it. 0, or 1 when it cannot
 * be cut. */
static int cut(pp_shard_plan *plan, int jobs, int header_rows)
{
    FILE *in = fopen(plan->path, "rb");
    struct stat st;
    if (in == NULL || fstat(fileno(in), &st) != 0) {
        if (in != NULL)
            fclose(in);
        return 1;
    }
    cutting c = {plan, jobs, header_rows, (long long)st.st_size, 1};
    pp_csv_scan scan;
    char *buf = malloc(CHUNK);
    size_t got = buf ? fread(buf, 1, CHUNK, in) : 0;
    size_t from = got >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
    long long at = 0;                   /* the offset of buf[0] */
    int cuts_made = 0;
    pp_csv_scan_init(&scan, (long long)from);
    plan->header_end = -1;
    plan->n = 1;
    while (got > 0) {
        if (!cuts_made && pp_csv_scan_feed(&scan, buf + from, got - from, at_boundary, &c)) {
            cuts_made = 1;
            from = (size_t)(scan.offset - at);
        }
        if (cuts_made)
            pp_csv_scan_skim(&scan, buf + from, got - from);
        at += (long long)got;
        from = 0;
        got = got == CHUNK ? fread(buf, 1, CHUNK, in) : 0;
    }
    int in_quotes, failed = buf == NULL || ferror(in);
    pp_csv_scan_finish(&scan, &in_quotes);
    free(buf);
    fclose(in);
    return failed || in_quotes || plan->header_end < 0 ? 1 : 0;
}

int pp_shard_plan_make(pp_shard_plan *plan, const pp_codebook *cb, const char *export_path,
                       const char *work_dir, int jobs)
{
    memset(plan, 0, sizeof *plan);
    plan->n = 1;
    snprintf(plan->path, sizeof plan->path, "%s", export_path);
    int header_rows = 0;
    if (cb->layout != PP_LAYOUT_PLAIN && cb->layout != PP_LAYOUT_SURVEYMONKEY
        && cb->layout != PP_LAYOUT_QUALTRICS && cb->layout != PP_LAYOUT_GOOGLE) {
        plan->why_one = "only CSV exports are split";
        return 0;
    }
    int gzip = starts_like_gzip(export_path);
    if (gzip && jobs < GZIP_SPLIT_JOBS) {
        plan->why_one = "below --jobs 4 a gzip export is read in one job, inflated on "
                        "one core while parsed on another";
        return 0;
    }
    int status = gzip ? plain_copy(plan, export_path, work_dir) : 0;
    if (status < 0)
        return -1;
    if (status == 2) {
        plan->why_one = "the export cannot be decompressed";
        return 0;
    }
    if (read_header(plan, cb, &header_rows) != 0) {
        plan->why_one = "the export's header does not fit the codebook";
        return 0;
    }
    if (cut(plan, jobs < PP_MAX_JOBS ? jobs : PP_MAX_JOBS, header_rows) != 0) {
        plan->n = 1;
        plan->why_one = "its records cannot be told apart (a quote never closed, or "
                        "lines ended by CR alone)";
        return 0;
    }
    if (plan->n == 1)
        plan->why_one = "it is too small to split";
    return 0;
}

void pp_shard_plan_free(pp_shard_plan *plan)
{
    free(plan->id_column);
    plan->id_column = NULL;
}

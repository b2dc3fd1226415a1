/* csv_dump.c: prints a CSV file as a JSON array of objects, one per row
 * after the header, keyed by the header's column names: the form the
 * csv-spectrum conformance cases expect. It reads through the same
 * pp_source, pp_csv_read and pp_header (plain layout) as ingest does, so
 * the conformance test checks the real reader.
 *
 *   csv_dump FILE      (FILE may be "-" for standard input; gzip is fine)
 *
 * A cell beyond the last named column is keyed by its number ("#4"). */
#include <stdio.h>
#include <string.h>

#include "csv_rows.h"
#include "diag.h"
#include "header.h"
#include "source.h"

typedef struct {
    pp_header *header;
    int header_done;
    long objects;
    pp_diag *diag;
} dumper;

static void put_json_string(const char *s, size_t len)
{
    putchar('"');
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '"' || c == '\\')
            printf("\\%c", c);
        else if (c == '\n')
            fputs("\\n", stdout);
        else if (c == '\r')
            fputs("\\r", stdout);
        else if (c == '\t')
            fputs("\\t", stdout);
        else if (c < 0x20)
            printf("\\u%04x", c);
        else
            putchar(c);
    }
    putchar('"');
}

static void put_key(const pp_header *header, size_t column)
{
    const char *name = pp_header_name(header, column);
    char number[32];
    if (name == NULL) {
        snprintf(number, sizeof number, "#%zu", column + 1);
        name = number;
    }
    put_json_string(name, strlen(name));
}

static int dump_row(const pp_row *row, void *user)
{
    dumper *d = user;
    if (!d->header_done) {
        pp_header_status status = pp_header_feed(d->header, row, d->diag);
        if (status == PP_HEADER_ERROR)
            return 1;
        d->header_done = status != PP_HEADER_MORE;
        if (status != PP_HEADER_DONE_BEFORE)
            return 0;
    }
    fputs(d->objects++ ? ",\n  {" : "\n  {", stdout);
    for (size_t i = 0; i < row->n_fields; i++) {
        if (i)
            fputs(", ", stdout);
        put_key(d->header, i);
        fputs(": ", stdout);
        put_json_string(row->fields[i], row->lengths[i]);
    }
    putchar('}');
    return 0;
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: csv_dump FILE\n");
        return 64;
    }
    int stdin_input = strcmp(argv[1], "-") == 0;
    FILE *in = stdin_input ? stdin : fopen(argv[1], "rb");
    if (in == NULL) {
        perror(argv[1]);
        return 66;
    }
    pp_diag diag;
    pp_diag_clear(&diag);
    int status = 70;
    pp_source *src = pp_source_from_file(in, argv[1]);
    dumper d = {pp_header_new(PP_LAYOUT_PLAIN, argv[1]), 0, 0, &diag};
    if (src == NULL || d.header == NULL)
        goto cleanup;
    fputs("[", stdout);
    if (pp_csv_read(src, dump_row, &d, &diag) != 0 || pp_header_finish(d.header, &diag) != 0) {
        pp_diag_print(&diag, "csv_dump", stderr);
        status = pp_error_exit_status(diag.code);
        goto cleanup;
    }
    fputs(d.objects ? "\n]\n" : "]\n", stdout);
    status = 0;
cleanup:
    pp_header_free(d.header);
    pp_source_free(src);
    if (!stdin_input)
        fclose(in);
    return status;
}

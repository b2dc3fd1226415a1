/* csv_count_fields.c: the floor scripts/bench compares prepost with. It
 * reads a CSV file (plain or gzip, through zlib as ingest does) with
 * libcsv and only counts records and fields: no header, no labels, no
 * codes, no output but two numbers.
 *
 *   csv_count_fields FILE      (FILE may be "-" for standard input)
 *
 * Prints "records N fields M" on one line. The parser options are those
 * ingest uses (none: not strict, so a stray quote is data). Exit status 0,
 * 66 when FILE cannot be opened, 74 on a read error, 65 when libcsv stops. */
#include <csv.h>
#include <stdio.h>
#include <string.h>
#include <zlib.h>

typedef struct {
    unsigned long long records;
    unsigned long long fields;
} counts;

static void on_field(void *data, size_t len, void *user)
{
    (void)data;
    (void)len;
    ((counts *)user)->fields++;
}

static void on_record(int end, void *user)
{
    (void)end;
    ((counts *)user)->records++;
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: csv_count_fields FILE\n");
        return 64;
    }
    gzFile in = strcmp(argv[1], "-") == 0 ? gzdopen(0, "rb") : gzopen(argv[1], "rb");
    if (in == NULL) {
        fprintf(stderr, "csv_count_fields: cannot open %s\n", argv[1]);
        return 66;
    }
    gzbuffer(in, 1 << 17);
    struct csv_parser parser;
    if (csv_init(&parser, 0) != 0)
        return 70;
    counts c = {0, 0};
    static char buf[1 << 16];
    int got;
    while ((got = gzread(in, buf, sizeof buf)) > 0)
        if (csv_parse(&parser, buf, (size_t)got, on_field, on_record, &c) != (size_t)got) {
            fprintf(stderr, "csv_count_fields: %s\n", csv_strerror(csv_error(&parser)));
            return 65;
        }
    if (got < 0) {
        int errnum;
        fprintf(stderr, "csv_count_fields: %s\n", gzerror(in, &errnum));
        return 74;
    }
    csv_fini(&parser, on_field, on_record, &c);
    csv_free(&parser);
    gzclose(in);
    printf("records %llu fields %llu\n", c.records, c.fields);
    return 0;
}

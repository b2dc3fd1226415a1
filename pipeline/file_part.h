/* file_part.h: a stream of some byte ranges of a file, one after another,
 * read with pread so that several readers can share one file. `prepost
 * run --jobs N` gives each shard's ingest the export's header rows and
 * then its own range of rows this way (prepost-ingest --shard), instead of
 * copying them into a pipe. */
#ifndef PREPOST_FILE_PART_H
#define PREPOST_FILE_PART_H

#include <stdio.h>

#define PP_FILE_PART_MAX_RANGES 4

typedef struct {
    long long start, end;       /* bytes [start, end) */
} pp_byte_range;

/* A FILE open for reading the ranges of fd in order; fd stays open and
 * its own offset is not moved. NULL (errno set) on failure. Close with
 * fclose. A range past the end of the file reads as far as the file goes. */
FILE *pp_file_part_open(int fd, const pp_byte_range *ranges, int n_ranges);

#endif

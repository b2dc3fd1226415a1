/* source.h: a stream of export bytes from a FILE* or a memory buffer,
 * gunzipped on the fly when the data starts with the gzip magic bytes
 * (1f 8b), whatever the file is called. Concatenated gzip members are read
 * one after another; a stream cut short is an error, never a silent end. */
#ifndef PREPOST_SOURCE_H
#define PREPOST_SOURCE_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "diag.h"

typedef struct pp_source pp_source;

/* The FILE is not closed by pp_source_free. `name` is used in messages. */
pp_source *pp_source_from_file(FILE *in, const char *name);
/* The buffer must outlive the source. */
pp_source *pp_source_from_buffer(const void *data, size_t len, const char *name);

/* Reads up to cap plain (decompressed) bytes. Returns the number read,
 * 0 at the end, -1 on error (diag filled: PP_ERR_GZIP or PP_ERR_READ). */
long pp_source_read(pp_source *src, void *buf, size_t cap, pp_diag *diag);

/* Inflates a gzip file on a thread of its own, ahead of the reads, so that
 * inflating and parsing share two cores; the reads give the same bytes and
 * errors. Only for a gzip regular file not yet read from (a pipe could
 * leave the thread waiting); 1 if the thread runs, else 0 (the reads then
 * inflate as they go). Stopped by pp_source_free. */
int pp_source_read_ahead(pp_source *src);

int pp_source_is_gzip(const pp_source *src);
const char *pp_source_name(const pp_source *src);
/* Raw bytes consumed (reading ahead: ask only once the end is read). */
uint64_t pp_source_bytes_in(const pp_source *src);
uint64_t pp_source_bytes_out(const pp_source *src);  /* plain bytes produced */
void pp_source_free(pp_source *src);

#endif

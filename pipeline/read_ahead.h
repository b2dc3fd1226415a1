/* read_ahead.h: a producer thread that fills buffers ahead of a reader.
 * source.c uses it to inflate a gzip export on one core while ingest
 * parses on another: inflating costs about as much as parsing, so a
 * gzipped export is then read about as fast as a plain one.
 *
 * The bytes, their order and any error are exactly what calling `fill`
 * directly would give; only when they are made changes. */
#ifndef PREPOST_READ_AHEAD_H
#define PREPOST_READ_AHEAD_H

#include <stddef.h>

#include "diag.h"

/* Fills buf with up to cap bytes: how many (0 at the end), or -1 with
 * diag set. Called on the producer thread only, one call at a time. */
typedef long (*pp_read_ahead_fill)(void *arg, void *buf, size_t cap, pp_diag *diag);

typedef struct pp_read_ahead pp_read_ahead;

/* Starts the thread. NULL (nothing started) when memory or a thread
 * cannot be had: the caller then calls fill itself. */
pp_read_ahead *pp_read_ahead_start(pp_read_ahead_fill fill, void *arg);

/* Up to cap bytes, as fill gives them: the count, 0 at the end, or -1
 * with diag set (the fill's own diag) once every byte before the error
 * has been read. */
long pp_read_ahead_read(pp_read_ahead *ra, void *buf, size_t cap, pp_diag *diag);

/* Stops the thread (after the fill it is in, if any) and frees all. */
void pp_read_ahead_stop(pp_read_ahead *ra);

#endif

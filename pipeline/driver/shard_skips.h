/* shard_skips.h: the rows a shard's second count passes over
 * (prepost-ingest --skip-rows, row_skips.h), gathered in any order while
 * the ids across shards are settled (shard_ids.h) and written ascending,
 * one a line. They are few: the rows of repeated ids. */
#ifndef PREPOST_SHARD_SKIPS_H
#define PREPOST_SHARD_SKIPS_H

#include <stddef.h>

typedef struct {
    long *rows;
    size_t n, cap;
} pp_shard_skips;

/* 0, or -1 on out of memory. */
int pp_shard_skips_add(pp_shard_skips *skips, long row);
/* Sorts the rows and writes them to path. 0, or -1 with errno set. */
int pp_shard_skips_write(pp_shard_skips *skips, const char *path);
void pp_shard_skips_free(pp_shard_skips *skips);

#endif

/* shard_ids.h: respondent ids across shards. Each shard's ingest checked
 * ids only within its shard; here the shards are gone through in order
 * with one id set, as one ingest would have: the first row to give an id
 * (kept or rejected for another reason) holds it, and a row of a later
 * shard that gives it again becomes a "duplicate id" reject. Then the
 * shards' rejects are joined into one rejects.csv, in row order, byte for
 * byte what one ingest of the whole export writes. A shard's records
 * (prepost-ingest --ids-only: id and row are all that is read) are left as
 * they are; a shard that kept rows whose ids an earlier shard gave gets a
 * list of rows for counting it again without them (shard_skips.h). */
#ifndef PREPOST_SHARD_IDS_H
#define PREPOST_SHARD_IDS_H

typedef struct {
    long kept, rejected, moved;  /* moved: rows found duplicates across shards */
    long *moved_by_shard;        /* if not NULL, n slots: the kept rows of each
                                    shard moved (its tally loses them) */
} pp_shard_counts;

/* records[k] and rejects[k] are shard k's files, read only. For a shard
 * with moved rows, writes skips[k]: the rows its ingest is to pass over
 * when it counts the shard again (prepost-ingest --skip-rows): the moved
 * rows, and the shard's own repeats of their ids, which would be kept
 * once the moved rows are passed over. id_column is the id column's
 * header name, NULL when rows are numbered instead (then ids cannot
 * repeat). Writes rejects_out. Returns a sysexits status, having printed
 * a message if not 0. */
int pp_shard_ids_settle(int n, char *const *records, char *const *rejects,
                        char *const *skips, const char *id_column,
                        const char *rejects_out, pp_shard_counts *counts);

#endif

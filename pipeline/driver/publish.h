/* publish.h: building a run's output beside out/ and putting it in place
 * in one step, so out/ is always a whole output, old or new.
 *
 *   out/                  the published output
 *   .out.tmp.PID/         a run being built (PID of the run)
 *   out.lock              the run lock (lock.h)
 *
 * Publishing swaps .out.tmp.PID and out/ with renameat2(RENAME_EXCHANGE)
 * (a plain rename the first time), then removes the old output. Temporary
 * directories left by killed runs are removed by the next run, which holds
 * the lock and so knows they are stale. */
#ifndef PREPOST_PUBLISH_H
#define PREPOST_PUBLISH_H

#include <stddef.h>

/* Fills buf with the temporary directory's path for out and this process.
 * 0, or -1 if it does not fit. */
int pp_publish_tmp_path(const char *out, char *buf, size_t cap);
/* Removes temporary directories of earlier runs of out. Call with the lock. */
void pp_publish_clean_stale(const char *out);
/* Creates the temporary directory (and its parent). 0 or -1 (errno). */
int pp_publish_begin(const char *tmp);
/* Swaps tmp into out's place and removes the old output. 0 or -1 (errno). */
int pp_publish_commit(const char *tmp, const char *out);
/* Removes a directory tree (no error if it does not exist). 0 or -1. */
int pp_remove_tree(const char *path);

#endif

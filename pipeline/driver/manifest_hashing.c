/* manifest_hashing.c: hashing the exports on a thread of their own while
 * the run reads them (manifest.h). A large export takes a fifth as long to
 * hash as to read, and the hash is needed only for manifest.json at the
 * end (and, when an earlier run could be up to date, before the start:
 * run.c waits then). The thread writes only the exports' entries and the
 * fingerprint, which nothing reads before pp_manifest_hash_wait. */
#include "manifest.h"

#include <errno.h>

static void *hash_inputs(void *arg)
{
    pp_manifest_hash_inputs(arg);
    return NULL;
}

void pp_manifest_hash_start(pp_manifest *m)
{
    if (m->hashing || m->hashed)
        return;
    if (pthread_create(&m->hasher, NULL, hash_inputs, m) == 0)
        m->hashing = 1;
    else
        pp_manifest_hash_inputs(m);     /* no thread: hash now, as before */
}

int pp_manifest_hash_wait(pp_manifest *m)
{
    if (m->hashing) {
        pthread_join(m->hasher, NULL);
        m->hashing = 0;
    } else if (!m->hashed && m->failed_errno == 0) {
        pp_manifest_hash_inputs(m);     /* never started: hash now */
    }
    if (m->hashed)
        return 0;
    errno = m->failed_errno;
    return -1;
}

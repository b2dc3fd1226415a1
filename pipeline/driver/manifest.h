/* manifest.h: out/manifest.json, what a run was made from:
 *
 *   {"schema": "prepost-manifest 1",
 *    "program": "prepost 0.1.0", "gsl": "2.7.1", "gnuplot": "gnuplot 5.4 patchlevel 4",
 *    "seed": 20110301, "source_date_epoch": "1299024000",
 *    "codebook": {"name": "survey.ini", "size": 5230, "sha256": "..."},
 *    "inputs": [{"name": "nptsc-2011.csv.gz", "size": 48113, "sha256": "..."}],
 *    "fingerprint": "...",
 *    "outputs": [{"name": "index.html", "size": 81920, "sha256": "..."},
 *                {"name": "plots/awareness.svg", ...}, ...]}
 *
 * Names are as the codebook gives them (no machine paths), and there is no
 * date of the run, so the same inputs give the same bytes.
 * "source_date_epoch" is the SOURCE_DATE_EPOCH the run had, as a string
 * (null when it was not set): the dashboard's date comes from it. The
 * fingerprint (a SHA-256 over program version, codebook and inputs) is
 * what `prepost run` compares to decide that nothing changed since the
 * last published run, together with source_date_epoch (another value, or
 * set where it was unset, is a change) and the outputs themselves.
 * "outputs" lists every file published beside manifest.json, by path
 * inside the output, in byte order of the paths: a whole output is one
 * whose files all match it, and one that does not (a file removed or
 * edited since) is made again (pp_manifest_outputs_intact). */
#ifndef PREPOST_MANIFEST_H
#define PREPOST_MANIFEST_H

#include <pthread.h>
#include <stdio.h>
#include <sys/stat.h>
#include <time.h>

#include "codebook.h"
#include "json.h"

#define PP_MAX_INPUTS 4

/* What stat says of a file: enough to tell that it was written, replaced
 * or truncated since (the change time moves on every write, and no
 * program can set it back). */
typedef struct {
    dev_t dev;
    ino_t ino;
    off_t size;
    struct timespec mtime, ctime;
} pp_file_look;

/* A file changed less than this many seconds before it was first looked
 * at is "racy": a later write could fall in the same tick of a coarse
 * file system clock and leave its times as they were, so the recheck
 * hashes it again instead of trusting its times. */
#define PP_RACY_SECONDS 3

typedef struct {
    char name[512];             /* as the codebook names it */
    const char *key;            /* the codebook's key for it: "export",
                                 * "before_export", "after_export" */
    char path[4096];            /* where it was read */
    long long size;             /* bytes hashed */
    long long size_at_start;    /* what stat said as the run began; the
                                 * hashing thread never writes it */
    char sha256[65];
    pp_file_look seen;          /* the file as it was when hashed */
    int racy;                   /* changed just before: rehashed by the recheck */
} pp_manifest_file;

typedef struct {
    pp_manifest_file codebook;
    pp_manifest_file inputs[PP_MAX_INPUTS];
    int n_inputs;
    unsigned long seed;
    /* SOURCE_DATE_EPOCH as the run found it (the dashboard's date), and
     * whether it was set at all. */
    char source_date_epoch[64];
    int source_date_epoch_set;
    char gnuplot[128];
    char fingerprint[65];
    /* The exports' hashing, when it runs beside the run (manifest_hashing.c). */
    pthread_t hasher;
    int hashing;                /* a thread is hashing the exports: wait for it */
    int hashed;                 /* 1: every export hashed and the fingerprint made */
    int failed_input;           /* when the hashing failed: which input */
    int failed_errno;
} pp_manifest;

/* Hashing the codebook and its exports, in two halves so that a large
 * export is hashed while the run reads it (manifest_hashing.c).
 * pp_manifest_begin hashes the codebook, opens each export once to be sure
 * it can be read (-1 with errno and m->failed_input the export's index,
 * or -1 for the codebook, if not) and notes its size; pp_manifest_hash_start
 * hashes the exports on a thread of its own (or at once, if no thread can
 * be had); pp_manifest_hash_wait waits for it and makes the fingerprint:
 * 0, or -1 with errno set and m->inputs[m->failed_input] the export that
 * could not be read. Waiting again returns the same. */
int pp_manifest_begin(pp_manifest *m, const char *codebook_path, const pp_codebook *cb);
void pp_manifest_hash_start(pp_manifest *m);
/* Hashes the exports now and makes the fingerprint (what the thread of
 * pp_manifest_hash_start runs): 0, or -1 as pp_manifest_hash_wait. */
int pp_manifest_hash_inputs(pp_manifest *m);
int pp_manifest_hash_wait(pp_manifest *m);
/* Whether the earlier manifest.json at manifest_path could have the same
 * fingerprint as m (begun, not necessarily hashed): it names a codebook
 * with m's hash and the same exports with the sizes they have now, and
 * the same SOURCE_DATE_EPOCH (or none in both). When not, the run need
 * not wait for the exports' hashes to know it must run. */
int pp_manifest_may_be_unchanged(const pp_manifest *m, const char *manifest_path);
/* Writes manifest.json, listing the files under dir (the output being
 * built) as its outputs. 0, or -1 on a failed write or unreadable file. */
int pp_manifest_write(const pp_manifest *m, const char *dir, FILE *out);
/* Hashes f->path into f (size, sha256), and notes how the file looked
 * (stat, before the first byte is read) and whether that was racy. 0, or
 * -1 with errno set. */
int pp_manifest_hash(pp_manifest_file *f);
/* Whether a file whose status last changed at ctime is racy for a look
 * taken at `now` (PP_RACY_SECONDS). */
int pp_manifest_is_racy(struct timespec ctime, struct timespec now);
/* Looks at the codebook and inputs again: 1 with *changed naming the first
 * that is not as it was when the run began (gone, replaced, or its size,
 * modification or change time moved), else 0. Only a racy file is read
 * and hashed again; the others were hashed once, at the start. */
int pp_manifest_recheck(const pp_manifest *m, const char **changed);
/* manifest_outputs.c: one {"name", "size", "sha256"} object, and the
 * "outputs" array of dir's files. */
void pp_manifest_write_file(pp_json *j, const pp_manifest_file *f);
int pp_manifest_write_outputs(pp_json *j, const char *dir);
/* Whether every output the manifest.json in dir lists is still there as a
 * regular file of its recorded size, and, if no larger than
 * PP_RECHECK_HASH_BYTES, with its recorded SHA-256. 0 if one is not, or
 * the list cannot be read. */
#define PP_RECHECK_HASH_BYTES (4L << 20)
int pp_manifest_outputs_intact(const char *dir);
/* The fingerprint recorded in an earlier manifest.json, into buf (65 bytes);
 * 0 if found, -1 if there is none or it cannot be read. */
int pp_manifest_read_fingerprint(const char *manifest_path, char *buf);

#endif

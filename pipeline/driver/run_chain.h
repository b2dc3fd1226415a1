/* run_chain.h: the stages of a run, in order, into a working directory:
 *
 *   one export   prepost-ingest -r rejects.csv --tally survey.tally (the
 *                records counted as they are made, never written: the
 *                same tally as prepost-ingest | prepost-tally)
 *   a panel      prepost-ingest --wave before, prepost-ingest --wave after,
 *                prepost-pair -u unmatched.csv | prepost-tally
 *   --jobs N     the export in shards (run_shards.h)
 *   then         prepost-stats, prepost-plot, prepost-table, prepost-report,
 *                and manifest.json
 *
 * Ingest, pair, tally and stats print their own summary lines (unless
 * -q); plot, table and report run with -q, as their lines would name the
 * working directory (run_summary.h). The driver adds one line per step
 * with its time, or a progress bar when stderr is a terminal
 * (progress.h). Intermediate files (records, tally, shards) are
 * removed before publishing; manifest.json, written last, lists every
 * file published with its size and SHA-256. */
#ifndef PREPOST_RUN_CHAIN_H
#define PREPOST_RUN_CHAIN_H

#include "codebook.h"
#include "manifest.h"
#include "progress.h"

typedef struct {
    const char *out;
    const char *codebook_path;
    const char *stage_dir;      /* where prepost-<stage> programs are */
    int force, quiet;
    int jobs;                   /* --jobs: shards of a one-wave export */
} pp_run_options;

/* Runs every stage into tmp, then waits for the manifest's hashes (they
 * may still be being taken) and writes it. Returns a sysexits status: a
 * failed stage's own status (it has printed its message), or 70 if it
 * could not start. */
int pp_run_chain(const pp_run_options *opt, const pp_codebook *cb,
                 pp_manifest *manifest, const char *tmp);

#endif

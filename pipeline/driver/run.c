/* run.c: the `run` command (run.h): options, then lock, hash, build,
 * publish. The chain itself is in run_chain.c. */
#include "run.h"

#include <errno.h>
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sysexits.h>
#include <unistd.h>

#include "cli.h"
#include "codebook.h"
#include "lock.h"
#include "manifest.h"
#include "publish.h"
#include "run_chain.h"
#include "run_summary.h"
#include "shard_plan.h"
#include "spawn.h"

static void print_help(FILE *out)
{
    fprintf(out,
        "Usage: prepost run [-o OUT] [-j N] [-q] [--force] SURVEY.ini\n"
        "\n"
        "Runs the whole chain on the survey the codebook describes: reads the\n"
        "export(s), counts, computes the statistics, draws the charts, writes the\n"
        "tables and the dashboard. The output is built beside OUT and put in place\n"
        "in one step, so OUT always holds a whole output, the old one or the new\n"
        "one, even if the run is killed. Only one run at a time may write OUT;\n"
        "when nothing changed since the last run, nothing is done.\n"
        "\n"
        "Options:\n"
        "  -o, --output=OUT   the output directory (default: out)\n"
        "  -f, --force        run even if the inputs have not changed\n"
        "  -j, --jobs=N       read a one-wave export in N parts at once, and draw\n"
        "                     the charts with N gnuplots (default 1); the output\n"
        "                     is the same, byte for byte\n"
        "  -q, --quiet        print only errors (for cron)\n"
        "  -h, --help         show this help and exit\n"
        "  -V, --version      show the version and exit\n"
        "\n"
        "Example (a crontab line, nightly at 02:30):\n"
        "  30 2 * * *  prepost run -q /srv/surveys/nptsc/survey.ini -o /srv/www/nptsc\n"
        "\n"
        "Exit status: 0 done or already up to date, 64 wrong command line,\n"
        "65 bad data or codebook, 66 an input is missing, 70 internal error,\n"
        "73/74 the output cannot be written (nothing was changed), 75 another run\n"
        "holds the lock, or an export changed while it was read (try again later).\n");
}

/* --jobs N: 1 to PP_MAX_JOBS. */
static int parse_jobs(const char *text, int *jobs)
{
    char *end;
    long n = strtol(text, &end, 10);
    if (end == text || *end != '\0' || n < 1 || n > PP_MAX_JOBS) {
        fprintf(stderr, "prepost run: --jobs takes a number from 1 to %d, not '%s'\n",
                PP_MAX_JOBS, text);
        return -1;
    }
    *jobs = (int)n;
    return 0;
}

static int parse_options(int argc, char **argv, pp_run_options *opt)
{
    static const struct option long_options[] = {
        {"output", required_argument, NULL, 'o'},
        {"force", no_argument, NULL, 'f'},
        {"jobs", required_argument, NULL, 'j'},
        {"quiet", no_argument, NULL, 'q'},
        {"help", no_argument, NULL, 'h'},
        {"version", no_argument, NULL, 'V'},
        {NULL, 0, NULL, 0},
    };
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "o:fj:qhV", long_options, NULL)) != -1) {
        switch (c) {
        case 'o': opt->out = optarg; break;
        case 'f': opt->force = 1; break;
        case 'j':
            if (parse_jobs(optarg, &opt->jobs) != 0)
                return EX_USAGE;
            break;
        case 'q': opt->quiet = 1; break;
        case 'h': print_help(stdout); exit(EX_OK);
        case 'V': printf("prepost %s\n", PREPOST_VERSION); exit(EX_OK);  /* as prepost --version */
        default:
            fprintf(stderr, "prepost run: unknown option or missing value\nTry 'prepost run --help'.\n");
            return EX_USAGE;
        }
    }
    if (argc - optind != 1) {
        fprintf(stderr, "prepost run: expected one codebook (SURVEY.ini), got %d names\n"
                        "Try 'prepost run --help'.\n", argc - optind);
        return EX_USAGE;
    }
    opt->codebook_path = argv[optind];
    return EX_OK;
}

static volatile sig_atomic_t interrupted;

static void on_signal(int sig)
{
    interrupted = sig;
    pp_kill_children();
}

/* OUT may be replaced only if it is missing, empty or an earlier output. */
static int out_is_replaceable(const char *out)
{
    struct stat st;
    char manifest[4200];
    if (stat(out, &st) != 0)
        return errno == ENOENT;
    if (!S_ISDIR(st.st_mode))
        return 0;
    snprintf(manifest, sizeof manifest, "%s/manifest.json", out);
    if (access(manifest, F_OK) == 0)
        return 1;
    return rmdir(out) == 0;              /* empty: fine, it is made again */
}

/* An export rewritten while the run read it would publish a mixture:
 * refuse, and let the next run (cron's) read it whole. */
static int inputs_unchanged(const pp_manifest *manifest)
{
    const char *changed;
    if (!pp_manifest_recheck(manifest, &changed))
        return EX_OK;
    fprintf(stderr, "prepost run: %s changed while it was being read; nothing was "
                    "published; run again once it is complete\n", changed);
    return EX_TEMPFAIL;
}

/* A codebook or export that cannot be read (the manifest says which):
 * nothing was started. An export is named as the codebook names it, with
 * its key, and where it was looked for when that is another path. */
static int inputs_unreadable(const pp_run_options *opt, const pp_manifest *m)
{
    int err = errno;
    if (m->failed_input < 0) {
        fprintf(stderr, "prepost run: cannot read the codebook %s: %s\n", opt->codebook_path,
                strerror(err));
        return err == ENOENT ? EX_NOINPUT : EX_IOERR;
    }
    const pp_manifest_file *f = &m->inputs[m->failed_input];
    fprintf(stderr, "prepost run: cannot read %s (%s in %s", f->name, f->key, opt->codebook_path);
    if (strcmp(f->name, f->path) != 0)
        fprintf(stderr, ", looked for at %s", f->path);
    fprintf(stderr, "): %s\n", strerror(err));
    return err == ENOENT ? EX_NOINPUT : EX_IOERR;
}

/* Whether the last published output was made from these very inputs,
 * with the same SOURCE_DATE_EPOCH, and is still whole (every file its
 * manifest lists, unchanged). The exports' hashes are waited for only when
 * all that holds and its manifest names exports of the same sizes;
 * otherwise the run must go on, and goes on while they are hashed. */
static int up_to_date(const pp_run_options *opt, pp_manifest *manifest, int *status)
{
    char old[65], path[4200];
    snprintf(path, sizeof path, "%s/manifest.json", opt->out);
    *status = EX_OK;
    if (opt->force || !pp_manifest_may_be_unchanged(manifest, path)
        || !pp_manifest_outputs_intact(opt->out))
        return 0;
    if (pp_manifest_hash_wait(manifest) != 0) {
        *status = inputs_unreadable(opt, manifest);
        return 1;
    }
    if (pp_manifest_read_fingerprint(path, old) != 0 || strcmp(old, manifest->fingerprint) != 0)
        return 0;
    if (!opt->quiet)
        fprintf(stderr, "prepost run: %s is up to date (the codebook and exports have "
                        "not changed); use --force to run anyway\n", opt->out);
    return 1;
}

/* The run itself, once its inputs are known to be readable. */
static int build_and_publish(pp_run_options *opt, const pp_codebook *cb, pp_manifest *manifest)
{
    int status;
    if (up_to_date(opt, manifest, &status))
        return status;
    if (!out_is_replaceable(opt->out)) {
        fprintf(stderr, "prepost run: %s exists and is not a prepost output; choose another "
                        "directory with -o, or remove it\n", opt->out);
        return EX_CANTCREAT;
    }
    char tmp[4200];
    if (pp_publish_tmp_path(opt->out, tmp, sizeof tmp) != 0 || pp_publish_begin(tmp) != 0) {
        fprintf(stderr, "prepost run: cannot make a working directory beside %s: %s\n",
                opt->out, strerror(errno));
        return EX_CANTCREAT;
    }
    status = pp_run_chain(opt, cb, manifest, tmp);
    if (status == EX_OK && interrupted == 0)
        status = inputs_unchanged(manifest);
    if (status == EX_OK && interrupted == 0 && pp_publish_commit(tmp, opt->out) != 0) {
        fprintf(stderr, "prepost run: cannot put the new output in place at %s: %s\n",
                opt->out, strerror(errno));
        status = EX_CANTCREAT;
    }
    if (interrupted)
        status = 128 + interrupted;
    pp_remove_tree(tmp);                 /* gone already if published */
    if (status == EX_OK && !opt->quiet)
        pp_run_summary(opt->out, stderr);
    return status;
}

/* Everything after the lock is taken. The exports are hashed on a second
 * thread while the run reads them (manifest_hashing.c). */
static int run_locked(pp_run_options *opt, const pp_codebook *cb)
{
    pp_manifest manifest;
    if (pp_manifest_begin(&manifest, opt->codebook_path, cb) != 0)
        return inputs_unreadable(opt, &manifest);
    pp_manifest_hash_start(&manifest);
    int status = build_and_publish(opt, cb, &manifest);
    pp_manifest_hash_wait(&manifest);    /* the thread ends before its manifest does */
    return status;
}

int pp_run_main(int argc, char **argv, const char *stage_dir)
{
    pp_run_options opt = {.out = "out", .stage_dir = stage_dir, .jobs = 1};
    int status = parse_options(argc, argv, &opt);
    if (status != EX_OK)
        return status;
    pp_diag diag;
    pp_diag_clear(&diag);
    FILE *in = cli_open_file(opt.codebook_path, &diag);  /* a folder is named as one */
    if (in == NULL) {
        pp_diag_print(&diag, "prepost run", stderr);
        return pp_error_exit_status(diag.code);
    }
    pp_codebook *cb = pp_codebook_read(in, opt.codebook_path, &diag);
    fclose(in);
    if (cb == NULL) {
        pp_diag_print(&diag, "prepost run", stderr);
        return pp_error_exit_status(diag.code);
    }
    char lock_path[4200], holder[128];
    size_t len = strlen(opt.out);
    while (len > 1 && opt.out[len - 1] == '/')
        len--;
    snprintf(lock_path, sizeof lock_path, "%.*s.lock", (int)len, opt.out);
    int lock = pp_lock_take(lock_path, holder, sizeof holder);
    if (lock == -1) {
        fprintf(stderr, "prepost run: another run (%s) is writing %s; try again when it "
                        "has finished\n", holder, opt.out);
        pp_codebook_free(cb);
        return EX_TEMPFAIL;
    }
    if (lock < 0) {
        fprintf(stderr, "prepost run: cannot make the lock file %s: %s\n", lock_path,
                strerror(errno));
        pp_codebook_free(cb);
        return EX_CANTCREAT;
    }
    signal(SIGINT, on_signal);
    signal(SIGTERM, on_signal);
    signal(SIGHUP, on_signal);
    pp_publish_clean_stale(opt.out);
    status = run_locked(&opt, cb);
    pp_lock_release(lock, lock_path);
    pp_codebook_free(cb);
    return status;
}

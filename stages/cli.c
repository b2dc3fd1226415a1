/* cli.c: exit statuses, messages, inputs and whole-or-nothing outputs
 * shared by the stage programs (see cli.h). */
#include "cli.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "source.h"

static const char *program_name = "prepost";

void cli_set_program(const char *argv0)
{
    const char *slash = argv0 ? strrchr(argv0, '/') : NULL;
    program_name = slash ? slash + 1 : (argv0 ? argv0 : "prepost");
}

const char *cli_program(void)
{
    return program_name;
}

void cli_die(int status, const char *fmt, ...)
{
    va_list ap;
    fprintf(stderr, "%s: ", program_name);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    exit(status);
}

void cli_die_diag(const pp_diag *diag)
{
    pp_diag_print(diag, program_name, stderr);
    exit(pp_error_exit_status(diag->code));
}

void cli_usage_error(const char *fmt, ...)
{
    va_list ap;
    fprintf(stderr, "%s: ", program_name);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fprintf(stderr, "\nTry '%s --help'.\n", program_name);
    exit(EXIT_USAGE);
}

void cli_print_version(FILE *out)
{
    fprintf(out, "%s (prepost) %s\n", program_name, PREPOST_VERSION);
}

FILE *cli_open_input(const char *path, pp_diag *diag)
{
    if (strcmp(path, "-") == 0)
        return stdin;
    return cli_open_file(path, diag);
}

FILE *cli_open_file(const char *path, pp_diag *diag)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL) {
        pp_diag_set(diag, PP_ERR_MISSING, path, 0, "%s", strerror(errno));
        return NULL;
    }
    /* A directory opens, then fails on the first read with a message
     * that does not say why: name it here, as an input that cannot be
     * opened. */
    struct stat st;
    if (fstat(fileno(f), &st) == 0 && S_ISDIR(st.st_mode)) {
        fclose(f);
        pp_diag_set(diag, PP_ERR_MISSING, path, 0, "it is a folder, not a file");
        return NULL;
    }
    return f;
}

void cli_close_input(FILE *f)
{
    if (f != NULL && f != stdin)
        fclose(f);
}

const char *cli_input_name(const char *path)
{
    return strcmp(path, "-") == 0 ? "standard input" : path;
}

/* A path that exists and is not a regular file (/dev/null, a fifo, a
 * terminal) is written straight to: renaming over it would replace it. */
static int is_special_file(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && !S_ISREG(st.st_mode);
}

int cli_output_open(cli_output *out, const char *path, pp_diag *diag)
{
    memset(out, 0, sizeof *out);
    if (strcmp(path, "-") == 0) {
        out->file = stdout;
        return 0;
    }
    if (is_special_file(path)) {
        out->file = fopen(path, "wb");
        out->direct = 1;
        if (out->file == NULL) {
            pp_diag_set(diag, PP_ERR_WRITE, path, 0, "%s", strerror(errno));
            return -1;
        }
        return 0;
    }
    size_t n = strlen(path) + 32;
    out->path = strdup(path);
    out->tmp_path = malloc(n);
    if (out->path == NULL || out->tmp_path == NULL) {
        cli_output_abort(out);
        pp_diag_set(diag, PP_ERR_NOMEM, path, 0, NULL);
        return -1;
    }
    snprintf(out->tmp_path, n, "%s.tmp.XXXXXX", path);
    int fd = mkstemp(out->tmp_path);
    if (fd < 0) {
        pp_diag_set(diag, PP_ERR_WRITE, path, 0, "%s", strerror(errno));
        free(out->tmp_path);
        out->tmp_path = NULL;
        cli_output_abort(out);
        return -1;
    }
    (void)fchmod(fd, 0644);   /* mkstemp makes 0600; outputs are for reading */
    out->file = fdopen(fd, "wb");
    if (out->file == NULL) {
        pp_diag_set(diag, PP_ERR_WRITE, path, 0, "%s", strerror(errno));
        close(fd);
        cli_output_abort(out);
        return -1;
    }
    return 0;
}

int cli_output_commit(cli_output *out, pp_diag *diag)
{
    if (out->path == NULL) {               /* stdout or a special file: written through */
        int failed = fflush(out->file) != 0 || ferror(out->file);
        if (out->direct) {
            failed = fclose(out->file) != 0 || failed;
            out->file = NULL;
            out->direct = 0;
        }
        if (failed) {
            pp_diag_set(diag, PP_ERR_WRITE, "standard output", 0, "%s", strerror(errno));
            return -1;
        }
        return 0;
    }
    int failed = fflush(out->file) != 0 || ferror(out->file) || fsync(fileno(out->file)) != 0;
    int saved = errno;
    if (fclose(out->file) != 0 && !failed) {
        failed = 1;
        saved = errno;
    }
    out->file = NULL;
    if (!failed && rename(out->tmp_path, out->path) != 0) {
        failed = 1;
        saved = errno;
    }
    if (failed) {
        pp_diag_set(diag, PP_ERR_WRITE, out->path, 0, "%s", strerror(saved));
        cli_output_abort(out);
        return -1;
    }
    free(out->tmp_path);
    out->tmp_path = NULL;
    free(out->path);
    out->path = NULL;
    return 0;
}

void cli_output_abort(cli_output *out)
{
    if (out->file != NULL && out->file != stdout)
        fclose(out->file);
    out->file = NULL;
    if (out->tmp_path != NULL)
        unlink(out->tmp_path);
    free(out->tmp_path);
    free(out->path);
    out->tmp_path = NULL;
    out->path = NULL;
}

pp_codebook *cli_load_codebook(const char *path, pp_diag *diag)
{
    FILE *in = cli_open_input(path, diag);
    if (in == NULL)
        return NULL;
    pp_codebook *cb = pp_codebook_read(in, path, diag);
    cli_close_input(in);
    return cb;
}

int cli_load_tally(pp_tally *t, const char *path, pp_diag *diag)
{
    FILE *in = cli_open_input(path, diag);
    if (in == NULL)
        return -1;
    pp_source *src = pp_source_from_file(in, cli_input_name(path));
    int failed = src == NULL ? (pp_diag_set(diag, PP_ERR_NOMEM, path, 0, NULL), 1)
                             : pp_tally_read(t, src, diag) != PP_OK;
    if (src != NULL)
        pp_source_free(src);
    cli_close_input(in);
    return failed ? -1 : 0;
}

json_t *cli_load_results(const char *path, pp_diag *diag)
{
    FILE *in = cli_open_input(path, diag);
    if (in == NULL)
        return NULL;
    json_t *results = pp_results_load(in, cli_input_name(path), diag);
    cli_close_input(in);
    return results;
}

int cli_finish(int ok, pp_diag *diag, const char *what)
{
    if (ok)
        return EXIT_OK;
    if (diag->code == PP_OK)
        pp_diag_set(diag, PP_ERR_INTERNAL, NULL, 0, "%s stopped without a reason", what);
    pp_diag_print(diag, program_name, stderr);
    return pp_error_exit_status(diag->code);
}

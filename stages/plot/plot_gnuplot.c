/* plot_gnuplot.c: starting gnuplot on a pipe, feeding it the script and
 * judging how it ended (plot_gnuplot.h). */
#include "plot_gnuplot.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

static const char *gnuplot_program(void)
{
    const char *program = getenv("PREPOST_GNUPLOT");
    return program != NULL && *program ? program : "gnuplot";
}

/* Starts the program with its stdin on a new pipe and stdout and stderr
 * on the log. Returns the pipe's write end, or -1 with errno. */
static int start(const char *log_path, pid_t *pid)
{
    int fds[2], log_fd = -1, status = -1;
    posix_spawn_file_actions_t actions;
    if (pipe(fds) != 0)
        return -1;
    if ((log_fd = open(log_path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600)) < 0)
        goto cleanup;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, fds[0], STDIN_FILENO);
    posix_spawn_file_actions_adddup2(&actions, log_fd, STDOUT_FILENO);
    posix_spawn_file_actions_adddup2(&actions, log_fd, STDERR_FILENO);
    posix_spawn_file_actions_addclose(&actions, fds[1]);
    char *argv[] = {(char *)gnuplot_program(), NULL};
    int err = posix_spawnp(pid, argv[0], &actions, NULL, argv, environ);
    posix_spawn_file_actions_destroy(&actions);
    if (err != 0)
        errno = err;
    else
        status = 0;

cleanup:
    if (log_fd >= 0)
        close(log_fd);
    close(fds[0]);
    if (status != 0) {
        close(fds[1]);
        return -1;
    }
    return fds[1];
}

/* Writes everything; 0, or -1 when gnuplot stopped reading (it failed). */
static int feed(int fd, const char *script, size_t length)
{
    void (*old)(int) = signal(SIGPIPE, SIG_IGN);
    int status = 0;
    while (length > 0) {
        ssize_t n = write(fd, script, length);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            status = -1;
            break;
        }
        script += n;
        length -= (size_t)n;
    }
    close(fd);
    signal(SIGPIPE, old);
    return status;
}

/* The last line of gnuplot's log with something on it (its error), or "". */
static void last_log_line(const char *log_path, char *out, size_t size)
{
    FILE *log = fopen(log_path, "r");
    char line[512];
    out[0] = '\0';
    while (log != NULL && fgets(line, sizeof line, log) != NULL) {
        size_t n = strcspn(line, "\r\n");
        line[n] = '\0';
        size_t lead = strspn(line, " \t");
        if (line[lead] != '\0')
            snprintf(out, size, "%s", line + lead);
    }
    if (log != NULL)
        fclose(log);
}

int plot_gnuplot_run(const char *script, size_t length, const char *work_dir, pp_diag *diag)
{
    char log_path[4096];
    pid_t pid;
    int status = 0;
    snprintf(log_path, sizeof log_path, "%s/gnuplot.log", work_dir);
    int fd = start(log_path, &pid);
    if (fd < 0) {
        pp_diag_set(diag, PP_ERR_INTERNAL, NULL, 0, "could not start %s to draw the charts "
                    "(%s); install gnuplot, or name it in PREPOST_GNUPLOT",
                    gnuplot_program(), strerror(errno));
        return -1;
    }
    int fed = feed(fd, script, length);
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
        ;
    if (fed == 0 && WIFEXITED(status) && WEXITSTATUS(status) == 0)
        return 0;
    char said[320];
    last_log_line(log_path, said, sizeof said);
    if (WIFSIGNALED(status))
        pp_diag_set(diag, PP_ERR_INTERNAL, NULL, 0, "%s was stopped by signal %d while "
                    "drawing the charts, so no chart was written", gnuplot_program(),
                    WTERMSIG(status));
    else
        pp_diag_set(diag, PP_ERR_INTERNAL, NULL, 0, "%s failed while drawing the charts, "
                    "so no chart was written (a template may have an error); it said: %s",
                    gnuplot_program(), *said ? said : "nothing");
    return -1;
}

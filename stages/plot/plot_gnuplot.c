/* plot_gnuplot.c: starting gnuplot on a pipe and judging how it ended
 * (plot_gnuplot.h). */
#define _GNU_SOURCE
#include "plot_gnuplot.h"

#include <errno.h>
#include <fcntl.h>
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
    if (pipe2(fds, O_CLOEXEC) != 0)
        return -1;
    if ((log_fd = open(log_path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600)) < 0)
        goto cleanup;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, fds[0], STDIN_FILENO);
    posix_spawn_file_actions_adddup2(&actions, log_fd, STDOUT_FILENO);
    posix_spawn_file_actions_adddup2(&actions, log_fd, STDERR_FILENO);
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

int plot_gnuplot_start(const char *log_path, pid_t *pid, pp_diag *diag)
{
    int fd = start(log_path, pid);
    if (fd < 0)
        pp_diag_set(diag, PP_ERR_INTERNAL, NULL, 0, "could not start %s to draw the charts "
                    "(%s); install gnuplot, or name it in PREPOST_GNUPLOT",
                    gnuplot_program(), strerror(errno));
    return fd;
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

int plot_gnuplot_wait(pid_t pid, int fed, const char *log_path, pp_diag *diag)
{
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
        ;
    if (fed == 0 && WIFEXITED(status) && WEXITSTATUS(status) == 0)
        return 0;
    if (diag->code != PP_OK)
        return -1;
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

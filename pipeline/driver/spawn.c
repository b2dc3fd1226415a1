/* spawn.c: child processes and pipes for the driver (spawn.h). */
#define _GNU_SOURCE
#include "spawn.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <sysexits.h>
#include <unistd.h>

#define MAX_CHILDREN 512

static pid_t running[MAX_CHILDREN];

static void note_running(pid_t pid, pid_t was)
{
    for (int i = 0; i < MAX_CHILDREN; i++)
        if (running[i] == was) {
            running[i] = pid;
            return;
        }
}

void pp_stage_args(pp_stage *stage, ...)
{
    size_t n = 0;
    while (n < PP_MAX_ARGS - 1 && stage->argv[n] != NULL)
        n++;
    va_list ap;
    va_start(ap, stage);
    const char *arg;
    while ((arg = va_arg(ap, const char *)) != NULL && n < PP_MAX_ARGS - 1)
        stage->argv[n++] = arg;
    va_end(ap);
    stage->argv[n] = NULL;
}

void pp_kill_children(void)
{
    for (int i = 0; i < MAX_CHILDREN; i++)
        if (running[i] > 0)
            kill(running[i], SIGTERM);
}

/* In the child: wire standard input/output, die with the parent, exec. */
static void exec_child(const pp_stage *stage, int in_fd, int out_fd, pid_t parent)
{
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (getppid() != parent)            /* the parent died before prctl */
        _exit(127);
    if (in_fd != STDIN_FILENO && (dup2(in_fd, STDIN_FILENO) < 0 || close(in_fd) < 0))
        _exit(127);
    if (out_fd != STDOUT_FILENO && (dup2(out_fd, STDOUT_FILENO) < 0 || close(out_fd) < 0))
        _exit(127);
    if (stage->fn != NULL)
        _exit(stage->fn(stage->arg));
    execv(stage->argv[0], (char *const *)stage->argv);
    fprintf(stderr, "prepost: cannot start %s: %s\n", stage->argv[0], strerror(errno));
    _exit(127);
}

static int start_all(pp_stage *stages, int n)
{
    pid_t parent = getpid();
    int in_fd = open("/dev/null", O_RDONLY | O_CLOEXEC);
    if (in_fd < 0)
        return -1;
    for (int i = 0; i < n; i++) {
        int pipe_fds[2] = {-1, STDOUT_FILENO};
        if (i + 1 < n && pipe2(pipe_fds, O_CLOEXEC) != 0)
            goto fail;
        pid_t pid = fork();
        if (pid < 0)
            goto fail;
        if (pid == 0) {
            if (i + 1 < n)
                close(pipe_fds[0]);     /* the next stage's end, not ours */
            exec_child(&stages[i], in_fd, pipe_fds[1], parent);
        }
        stages[i].pid = pid;
        note_running(pid, 0);
        close(in_fd);
        if (i + 1 < n)
            close(pipe_fds[1]);
        in_fd = pipe_fds[0];
        continue;
fail:
        if (in_fd >= 0)
            close(in_fd);
        return -1;
    }
    return 0;
}

static void wait_all(pp_stage *stages, int n)
{
    for (int i = 0; i < n; i++) {
        if (stages[i].pid <= 0) {
            stages[i].exit_status = 127;
            continue;
        }
        int status;
        while (waitpid(stages[i].pid, &status, 0) < 0 && errno == EINTR)
            ;
        stages[i].exit_status = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
        note_running(0, stages[i].pid);
    }
}

/* A stage killed by SIGPIPE only saw the next one stop first: blame the
 * first stage that failed for a reason of its own. -1 if none failed. */
static int blame(const pp_stage *stages, int n)
{
    for (int i = 0; i < n; i++)
        if (stages[i].exit_status != 0 && stages[i].exit_status != 128 + SIGPIPE)
            return i;
    for (int i = 0; i < n; i++)
        if (stages[i].exit_status != 0)
            return i;
    return -1;
}

int pp_run_pipelines(pp_stage *stages, const int *counts, int n_pipelines)
{
    int total = 0, started = 1;
    for (int k = 0; k < n_pipelines; total += counts[k++])
        for (int i = 0; i < counts[k]; i++) {
            stages[total + i].pid = 0;
            stages[total + i].exit_status = 0;
        }
    for (int k = 0, first = 0; k < n_pipelines && started; first += counts[k++])
        started = start_all(stages + first, counts[k]) == 0;
    wait_all(stages, total);
    if (!started)
        return -1000;
    for (int k = 0, first = 0; k < n_pipelines; first += counts[k++]) {
        int i = blame(stages + first, counts[k]);
        if (i >= 0)
            return -(first + i + 1);
    }
    return 0;
}

int pp_run_pipeline(pp_stage *stages, int n)
{
    return pp_run_pipelines(stages, &n, 1);
}

int pp_pipeline_status(const pp_stage *stages, int result, const char *what)
{
    if (result == 0)
        return EX_OK;
    if (result == -1000) {
        fprintf(stderr, "prepost run: cannot start the %s step\n", what);
        return EX_SOFTWARE;
    }
    const pp_stage *failed = &stages[-result - 1];
    fprintf(stderr, "prepost run: %s failed (exit status %d); nothing was published\n",
            failed->label, failed->exit_status);
    int status = failed->exit_status;
    return status > 0 && status < 128 && status != 127 ? status : EX_SOFTWARE;
}

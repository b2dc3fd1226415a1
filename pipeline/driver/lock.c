/* lock.c: the run lock of lock.h. */
#include "lock.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/file.h>
#include <unistd.h>

int pp_lock_take(const char *lock_path, char *holder, unsigned holder_cap)
{
    int fd = open(lock_path, O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd < 0)
        return -2;
    if (flock(fd, LOCK_EX | LOCK_NB) != 0) {
        int saved = errno;
        char text[64] = "";
        ssize_t got = pread(fd, text, sizeof text - 1, 0);
        text[got > 0 ? got : 0] = '\0';
        text[strcspn(text, "\n")] = '\0';
        snprintf(holder, holder_cap, "%s", text[0] ? text : "an unknown process");
        close(fd);
        errno = saved;
        return saved == EWOULDBLOCK ? -1 : -2;
    }
    char text[64];
    int len = snprintf(text, sizeof text, "pid %ld\n", (long)getpid());
    if (ftruncate(fd, 0) != 0 || pwrite(fd, text, (size_t)len, 0) != len) {
        /* The pid is only for messages; the lock itself holds. */
    }
    return fd;
}

void pp_lock_release(int fd, const char *lock_path)
{
    (void)lock_path;     /* the file stays: removing it would race a waiting run */
    if (fd >= 0)
        close(fd);
}

/* lock.h: one run at a time per output directory. The lock is an flock on
 * a file beside the output (out.lock for out/), so it vanishes with the
 * process that holds it, even one killed with SIGKILL: a stale lock never
 * blocks the next run. The file holds the holder's pid, for the message
 * the second run gives. */
#ifndef PREPOST_LOCK_H
#define PREPOST_LOCK_H

/* Takes the lock without waiting. Returns the lock's file descriptor (keep
 * it open for the whole run), -1 if another run holds it (holder[] says
 * which: "pid 1234"), or -2 if the lock file cannot be made (errno set). */
int pp_lock_take(const char *lock_path, char *holder, unsigned holder_cap);
void pp_lock_release(int fd, const char *lock_path);

#endif

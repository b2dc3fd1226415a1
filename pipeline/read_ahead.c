/* read_ahead.c: buffers filled on a thread ahead of the reader
 * (read_ahead.h). A ring of RING buffers: the producer fills the next free
 * one and marks it full (with its length, or the error); the reader copies
 * out of the oldest full one and frees it when it is used up. A mutex and
 * one condition variable guard the ring; each side waits only when the
 * ring is full (producer) or empty (reader). */
#include "read_ahead.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#define RING 4
#define BUFFER (1u << 20)

typedef struct {
    char *bytes;
    long len;                   /* bytes in it; 0 = the end; -1 = the error */
    size_t used;                /* bytes the reader has taken */
} slot;

struct pp_read_ahead {
    pp_read_ahead_fill fill;
    void *arg;
    slot ring[RING];
    int head, count;            /* the oldest full slot; how many are full */
    int finished;               /* the producer has queued the end or an error */
    int stopping;               /* the reader wants the producer gone */
    pp_diag error;              /* the fill's diag, when len = -1 */
    pthread_mutex_t lock;
    pthread_cond_t changed;
    pthread_t thread;
};

static void *produce(void *arg)
{
    pp_read_ahead *ra = arg;
    pthread_mutex_lock(&ra->lock);
    while (!ra->finished) {
        while (ra->count == RING && !ra->stopping)
            pthread_cond_wait(&ra->changed, &ra->lock);
        if (ra->stopping)
            break;
        slot *s = &ra->ring[(ra->head + ra->count) % RING];
        pthread_mutex_unlock(&ra->lock);
        pp_diag diag;
        pp_diag_clear(&diag);
        long len = ra->fill(ra->arg, s->bytes, BUFFER, &diag);
        pthread_mutex_lock(&ra->lock);
        *s = (slot){s->bytes, len, 0};
        if (len < 0)
            ra->error = diag;
        ra->finished = len <= 0;
        ra->count++;
        pthread_cond_broadcast(&ra->changed);
    }
    pthread_mutex_unlock(&ra->lock);
    return NULL;
}

static void free_ring(pp_read_ahead *ra)
{
    for (int i = 0; i < RING; i++)
        free(ra->ring[i].bytes);
    free(ra);
}

pp_read_ahead *pp_read_ahead_start(pp_read_ahead_fill fill, void *arg)
{
    pp_read_ahead *ra = calloc(1, sizeof *ra);
    if (ra == NULL)
        return NULL;
    ra->fill = fill;
    ra->arg = arg;
    for (int i = 0; i < RING; i++)
        if ((ra->ring[i].bytes = malloc(BUFFER)) == NULL) {
            free_ring(ra);
            return NULL;
        }
    int ready = pthread_mutex_init(&ra->lock, NULL) == 0;
    if (ready && pthread_cond_init(&ra->changed, NULL) != 0) {
        pthread_mutex_destroy(&ra->lock);
        ready = 0;
    }
    if (ready && pthread_create(&ra->thread, NULL, produce, ra) != 0) {
        pthread_cond_destroy(&ra->changed);
        pthread_mutex_destroy(&ra->lock);
        ready = 0;
    }
    if (!ready) {
        free_ring(ra);
        return NULL;
    }
    return ra;
}

long pp_read_ahead_read(pp_read_ahead *ra, void *buf, size_t cap, pp_diag *diag)
{
    pthread_mutex_lock(&ra->lock);
    while (ra->count == 0)
        pthread_cond_wait(&ra->changed, &ra->lock);
    slot *s = &ra->ring[ra->head];
    long got = s->len;
    if (got < 0 && diag != NULL)
        *diag = ra->error;
    if (got > 0) {                  /* the end and the error stay for the next read */
        size_t n = (size_t)got - s->used < cap ? (size_t)got - s->used : cap;
        memcpy(buf, s->bytes + s->used, n);
        s->used += n;
        got = (long)n;
        if (s->used == (size_t)s->len) {
            ra->head = (ra->head + 1) % RING;
            ra->count--;
            pthread_cond_broadcast(&ra->changed);
        }
    }
    pthread_mutex_unlock(&ra->lock);
    return got;
}

void pp_read_ahead_stop(pp_read_ahead *ra)
{
    if (ra == NULL)
        return;
    pthread_mutex_lock(&ra->lock);
    ra->stopping = 1;
    pthread_cond_broadcast(&ra->changed);
    pthread_mutex_unlock(&ra->lock);
    pthread_join(ra->thread, NULL);
    pthread_cond_destroy(&ra->changed);
    pthread_mutex_destroy(&ra->lock);
    free_ring(ra);
}

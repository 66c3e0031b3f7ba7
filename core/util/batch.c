/* batch.c: the ordered worker pool of batch.h.
 *
 * Items live in a ring of `window` slots indexed by sequence number. Three counters, all
 * guarded by `mu`, split the sequence: [emitted, taken) are being worked on or done and
 * waiting, [taken, pushed) are queued. A worker takes the item at `taken`, works on it without
 * the lock and stores the result in its slot; the caller's thread emits slots from `emitted`
 * on as long as they are done, releasing the lock around each emit call.
 */
#include "util/batch.h"

#include <pthread.h>
#include <stdlib.h>
#include <unistd.h>

#define PC_BATCH_MAX_JOBS 1024

/* One in-flight item. Owns nothing itself: item goes to work, result to emit. */
typedef struct pc_batch_slot {
    void *item, *result;
    int done;
} pc_batch_slot;

/* The pool. Owns threads and ring; borrows ctx. */
struct pc_batch {
    pc_batch_fns fns;
    void *ctx;
    void *local; /* the calling thread's scratch state when there are no workers */
    pthread_mutex_t mu;
    pthread_cond_t work_cv; /* workers: an item was queued, or stop */
    pthread_cond_t done_cv; /* caller: the slot at `emitted` is done */
    pc_batch_slot *ring;
    size_t window;
    size_t pushed, taken, emitted;
    int stop, finished;
    pthread_t *threads;
    size_t nthreads;
};

size_t pc_batch_cores(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n > 0 ? (size_t)n : 1;
}

static void *pc_batch_worker(void *arg)
{
    pc_batch *b = arg;
    void *local = b->fns.local_new ? b->fns.local_new(b->ctx) : NULL;
    pthread_mutex_lock(&b->mu);
    for (;;) {
        while (b->taken == b->pushed && !b->stop)
            pthread_cond_wait(&b->work_cv, &b->mu);
        if (b->taken == b->pushed)
            break;
        size_t seq = b->taken++;
        void *item = b->ring[seq % b->window].item;
        pthread_mutex_unlock(&b->mu);
        void *result = b->fns.work(item, local, b->ctx);
        pthread_mutex_lock(&b->mu);
        pc_batch_slot *s = &b->ring[seq % b->window];
        s->result = result;
        s->done = 1;
        if (seq == b->emitted)
            pthread_cond_signal(&b->done_cv);
    }
    pthread_mutex_unlock(&b->mu);
    if (local && b->fns.local_free)
        b->fns.local_free(local, b->ctx);
    return NULL;
}

static void pc_batch_start(pc_batch *b, size_t jobs)
{
    b->threads = malloc(jobs * sizeof *b->threads);
    for (size_t i = 0; b->threads && i < jobs; i++) {
        if (pthread_create(&b->threads[i], NULL, pc_batch_worker, b) != 0)
            break;
        b->nthreads++;
    }
}

pc_batch *pc_batch_new(size_t jobs, size_t window, const pc_batch_fns *fns, void *ctx,
                       pc_error *err)
{
    if (jobs < 1)
        jobs = 1;
    if (jobs > PC_BATCH_MAX_JOBS)
        jobs = PC_BATCH_MAX_JOBS;
    if (window == 0)
        window = 4 * jobs;
    if (window < jobs)
        window = jobs;
    pc_batch *b = calloc(1, sizeof *b);
    pc_batch_slot *ring = calloc(window, sizeof *ring);
    if (!b || !ring) {
        free(b);
        free(ring);
        pc_error_set(err, "out of memory");
        return NULL;
    }
    b->fns = *fns;
    b->ctx = ctx;
    b->ring = ring;
    b->window = window;
    pthread_mutex_init(&b->mu, NULL);
    pthread_cond_init(&b->work_cv, NULL);
    pthread_cond_init(&b->done_cv, NULL);
    if (jobs > 1)
        pc_batch_start(b, jobs);
    if (b->nthreads == 0 && fns->local_new)
        b->local = fns->local_new(ctx);
    return b;
}

size_t pc_batch_threads(const pc_batch *b)
{
    return b->nthreads;
}

/* Emit every done slot from `emitted` on. Called with the lock held; releases it around each
 * emit call (workers may store results meanwhile; only this thread moves `emitted`). */
static void pc_batch_drain(pc_batch *b)
{
    while (b->emitted < b->pushed) {
        pc_batch_slot *s = &b->ring[b->emitted % b->window];
        if (!s->done)
            return;
        void *result = s->result;
        *s = (pc_batch_slot){0};
        b->emitted++;
        pthread_mutex_unlock(&b->mu);
        b->fns.emit(result, b->ctx);
        pthread_mutex_lock(&b->mu);
    }
}

/* Emit until at most `keep` items are in flight. Called with the lock held. */
static void pc_batch_wait(pc_batch *b, size_t keep)
{
    for (;;) {
        pc_batch_drain(b);
        if (b->pushed - b->emitted <= keep)
            return;
        pthread_cond_wait(&b->done_cv, &b->mu);
    }
}

void pc_batch_push(pc_batch *b, void *item)
{
    if (b->finished)
        return;
    if (b->nthreads == 0) {
        b->fns.emit(b->fns.work(item, b->local, b->ctx), b->ctx);
        return;
    }
    pthread_mutex_lock(&b->mu);
    pc_batch_wait(b, b->window - 1);
    b->ring[b->pushed % b->window] = (pc_batch_slot){item, NULL, 0};
    b->pushed++;
    pthread_cond_signal(&b->work_cv);
    pc_batch_drain(b);
    pthread_mutex_unlock(&b->mu);
}

void pc_batch_finish(pc_batch *b)
{
    if (b->finished)
        return;
    b->finished = 1;
    if (b->nthreads == 0)
        return;
    pthread_mutex_lock(&b->mu);
    pc_batch_wait(b, 0);
    b->stop = 1;
    pthread_cond_broadcast(&b->work_cv);
    pthread_mutex_unlock(&b->mu);
    for (size_t i = 0; i < b->nthreads; i++)
        pthread_join(b->threads[i], NULL);
}

void pc_batch_free(pc_batch *b)
{
    if (!b)
        return;
    pc_batch_finish(b);
    if (b->local && b->fns.local_free)
        b->fns.local_free(b->local, b->ctx);
    pthread_mutex_destroy(&b->mu);
    pthread_cond_destroy(&b->work_cv);
    pthread_cond_destroy(&b->done_cv);
    free(b->threads);
    free(b->ring);
    free(b);
}

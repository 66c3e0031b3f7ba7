/* batch.h: an ordered worker pool for sweeps over many inputs.
 *
 * The caller pushes items one at a time; `jobs` threads run work(item) on them in any order,
 * and emit(result) is called for each result in push order, always on the caller's thread
 * (inside pc_batch_push or pc_batch_finish), so emit may write to a stream without locking.
 * At most `window` items are in flight at once (queued, being worked on, or done and waiting
 * for an earlier one): pc_batch_push blocks while the window is full, emitting what is ready,
 * so memory stays bounded whatever the number of items. With jobs == 1 no thread is started:
 * pc_batch_push runs work and emit itself.
 *
 * work must not fail: it returns a result that says what went wrong (or NULL, which emit
 * receives as it is). work owns the item it is given; emit owns the result. Each worker may
 * keep scratch state of its own (a matcher, buffers): local_new makes it on the worker's
 * thread before its first item and local_free frees it when the worker stops; work receives
 * it (NULL when local_new is not given or returned NULL, which work must accept).
 */
#ifndef POLCMP_BATCH_H
#define POLCMP_BATCH_H

#include "util/util.h"

#include <stddef.h>

/* The functions of a pool. work and emit are required; local_new and local_free optional. */
typedef struct pc_batch_fns {
    void *(*work)(void *item, void *local, void *ctx);
    void (*emit)(void *result, void *ctx);
    void *(*local_new)(void *ctx);
    void (*local_free)(void *local, void *ctx);
} pc_batch_fns;

/* pc_batch: owns its threads and its ring of in-flight items; borrows ctx. */
typedef struct pc_batch pc_batch;

/* The number of online processors (at least 1): the default for `jobs`. */
size_t pc_batch_cores(void);

/* Start a pool of `jobs` workers (1 = work in the calling thread; capped at 1024) with room
 * for `window` items in flight (0 = four per worker; never less than jobs). When fewer threads
 * can be started than asked, the pool runs with those it has. NULL with err on out of memory. */
pc_batch *pc_batch_new(size_t jobs, size_t window, const pc_batch_fns *fns, void *ctx,
                       pc_error *err);

/* The number of worker threads actually running (0 when work runs in the caller's thread). */
size_t pc_batch_threads(const pc_batch *b);

/* Queue an item. Blocks while the window is full, emitting ready results meanwhile. */
void pc_batch_push(pc_batch *b, void *item);

/* Wait for every pushed item, emit the remaining results and stop the workers. The pool
 * cannot take items afterwards. */
void pc_batch_finish(pc_batch *b);

/* Finish (if not done) and free. NULL is allowed. */
void pc_batch_free(pc_batch *b);

#endif

/* test_batch.c: the ordered worker pool (core/batch.h): results come out in push order
 * whatever order workers finish in, never more than `window` items are in flight, emit runs on
 * the caller's thread, and each worker gets its own scratch state. */
#include "testutil.h"

#include "util/batch.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define N_ITEMS 600

/* What a test run records. The counters under mu are touched by workers. */
typedef struct run {
    pthread_t caller;
    size_t pushed, emitted;
    size_t max_in_flight;
    long out[N_ITEMS];
    int emit_elsewhere; /* emit ran on another thread */
    int work_without_local;
    pthread_mutex_t mu;
    int locals_made, locals_freed;
} run;

static void nap(long item)
{
    /* Uneven work: every seventh item is slow, so later items finish first. */
    struct timespec ts = {0, item % 7 == 0 ? 300000 : 1000};
    nanosleep(&ts, NULL);
}

static void *work(void *item, void *local, void *ctx)
{
    run *r = ctx;
    long *v = item;
    nap(*v);
    if (!local)
        r->work_without_local = 1;
    *v = *v * 3 + 1;
    return v;
}

static void emit(void *result, void *ctx)
{
    run *r = ctx;
    long *v = result;
    if (!pthread_equal(pthread_self(), r->caller))
        r->emit_elsewhere = 1;
    if (r->emitted < N_ITEMS)
        r->out[r->emitted] = v ? *v : -1;
    r->emitted++;
    free(v);
}

static void *local_new(void *ctx)
{
    run *r = ctx;
    pthread_mutex_lock(&r->mu);
    r->locals_made++;
    pthread_mutex_unlock(&r->mu);
    return malloc(16);
}

static void local_free(void *local, void *ctx)
{
    run *r = ctx;
    pthread_mutex_lock(&r->mu);
    r->locals_freed++;
    pthread_mutex_unlock(&r->mu);
    free(local);
}

static const pc_batch_fns fns = {work, emit, local_new, local_free};

static void run_pool(run *r, size_t jobs, size_t window, size_t n)
{
    memset(r, 0, sizeof *r);
    pthread_mutex_init(&r->mu, NULL);
    r->caller = pthread_self();
    pc_error err = {{0}};
    pc_batch *b = pc_batch_new(jobs, window, &fns, r, &err);
    assert_non_null(b);
    for (size_t i = 0; i < n; i++) {
        long *v = malloc(sizeof *v);
        assert_non_null(v);
        *v = (long)i;
        pc_batch_push(b, v);
        r->pushed++;
        size_t in_flight = r->pushed - r->emitted;
        if (in_flight > r->max_in_flight)
            r->max_in_flight = in_flight;
    }
    pc_batch_finish(b);
    assert_int_equal(r->emitted, n);
    pc_batch_free(b);
    pthread_mutex_destroy(&r->mu);
}

static void check_order(const run *r, size_t n)
{
    for (size_t i = 0; i < n; i++)
        assert_int_equal(r->out[i], (long)i * 3 + 1);
}

static void test_order_many_workers(void **state)
{
    (void)state;
    static const size_t jobs[] = {2, 3, 4, 8};
    for (size_t k = 0; k < sizeof jobs / sizeof jobs[0]; k++) {
        run r;
        run_pool(&r, jobs[k], 0, N_ITEMS);
        check_order(&r, N_ITEMS);
        assert_false(r.emit_elsewhere);
        assert_false(r.work_without_local);
        /* One scratch state per worker thread, each freed. */
        assert_int_equal(r.locals_made, (int)jobs[k]);
        assert_int_equal(r.locals_freed, (int)jobs[k]);
        /* The default window is four items per worker. */
        assert_true(r.max_in_flight <= 4 * jobs[k]);
    }
}

static void test_window_bounds_in_flight(void **state)
{
    (void)state;
    run r;
    run_pool(&r, 4, 5, N_ITEMS);
    check_order(&r, N_ITEMS);
    assert_true(r.max_in_flight <= 5);
    assert_true(r.max_in_flight >= 1);
}

static void test_window_below_jobs_is_raised(void **state)
{
    (void)state;
    run r;
    run_pool(&r, 4, 1, 50); /* a window of 1 would starve 3 workers: raised to 4 */
    check_order(&r, 50);
    assert_true(r.max_in_flight <= 4);
}

static void test_one_job_runs_inline(void **state)
{
    (void)state;
    run r;
    memset(&r, 0, sizeof r);
    pthread_mutex_init(&r.mu, NULL);
    r.caller = pthread_self();
    pc_error err = {{0}};
    pc_batch *b = pc_batch_new(1, 0, &fns, &r, &err);
    assert_non_null(b);
    assert_int_equal(pc_batch_threads(b), 0);
    assert_int_equal(r.locals_made, 1); /* the caller's own scratch */
    for (long i = 0; i < 10; i++) {
        long *v = malloc(sizeof *v);
        *v = i;
        pc_batch_push(b, v);
        assert_int_equal(r.emitted, (size_t)i + 1); /* emitted before push returns */
    }
    pc_batch_free(b);
    check_order(&r, 10);
    assert_int_equal(r.locals_freed, 1);
    pthread_mutex_destroy(&r.mu);
}

static void test_empty_and_null_results(void **state)
{
    (void)state;
    run r;
    run_pool(&r, 3, 0, 0); /* nothing pushed: finish returns at once */
    assert_int_equal(r.emitted, 0);
    /* Freeing without finish finishes first. */
    memset(&r, 0, sizeof r);
    pthread_mutex_init(&r.mu, NULL);
    r.caller = pthread_self();
    pc_batch_fns no_local = {work, emit, NULL, NULL};
    pc_error err = {{0}};
    pc_batch *b = pc_batch_new(2, 0, &no_local, &r, &err);
    assert_non_null(b);
    long *v = malloc(sizeof *v);
    *v = 5;
    pc_batch_push(b, v);
    pc_batch_free(b);
    assert_int_equal(r.emitted, 1);
    assert_int_equal(r.out[0], 16);
    assert_true(r.work_without_local); /* no local_new: work gets NULL */
    pthread_mutex_destroy(&r.mu);
}

static void test_cores(void **state)
{
    (void)state;
    assert_true(pc_batch_cores() >= 1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_order_many_workers),
        cmocka_unit_test(test_window_bounds_in_flight),
        cmocka_unit_test(test_window_below_jobs_is_raised),
        cmocka_unit_test(test_one_job_runs_inline),
        cmocka_unit_test(test_empty_and_null_results),
        cmocka_unit_test(test_cores),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

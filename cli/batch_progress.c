/* batch_progress.c: the progress line of a batch run (when stderr is a terminal) and the
 * messages that must not be drawn over it. Used by batch_run.c and batch_input.c. */
#include "batch_cli.h"
#include "cli.h"

#include <stdarg.h>
#include <stdio.h>
#include <time.h>

double cli_batch_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

void cli_batch_progress_clear(cli_batch *b)
{
    if (b->shown)
        fputs("\r\033[K", stderr);
    b->shown = 0;
}

void cli_batch_progress_draw(cli_batch *b)
{
    double now = cli_batch_now();
    if (!b->tty || now - b->last < 0.1)
        return;
    b->last = now;
    double secs = now - b->start, mb = (double)b->bytes / 1e6;
    size_t n = b->done + b->skipped;
    if (b->total)
        fprintf(stderr, "\rpolcmp: %zu/%zu files, %.1f MB/s\033[K", n, b->total,
                secs > 0 ? mb / secs : 0.0);
    else
        fprintf(stderr, "\rpolcmp: %zu files, %.1f MB/s\033[K", n, secs > 0 ? mb / secs : 0.0);
    fflush(stderr);
    b->shown = 1;
}

void cli_batch_input_error(cli_batch *b, const char *fmt, ...)
{
    cli_batch_progress_clear(b);
    va_list ap;
    va_start(ap, fmt);
    cli_errorv(fmt, ap);
    va_end(ap);
    b->skipped++;
}

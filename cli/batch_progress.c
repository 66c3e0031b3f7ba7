/* batch_progress.c: the progress line of a batch run (when stderr is a terminal: policies
 * done, of how many when that is known, MB/s, and the time left) and the messages that must
 * not be drawn over it. Used by batch_run.c and batch_input.c. */
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

/* The line is drawn with carriage returns and spaces only, no escape sequence, so it reads
 * the same on any terminal and --color=never leaves stderr free of escapes. */
void cli_batch_progress_clear(cli_batch *b)
{
    if (b->shown)
        fprintf(stderr, "\r%*s\r", b->shown, "");
    b->shown = 0;
}

/* ", ETA 1:05" (or 1:02:05) from the pace so far, when the total is known. */
static void cli_batch_eta(const cli_batch *b, size_t n, double secs, char *buf, size_t cap)
{
    buf[0] = '\0';
    if (!b->total || n == 0 || n >= b->total || secs < 1)
        return;
    long left = (long)(secs * (double)(b->total - n) / (double)n + 0.5);
    if (left >= 3600)
        snprintf(buf, cap, ", ETA %ld:%02ld:%02ld", left / 3600, left / 60 % 60, left % 60);
    else
        snprintf(buf, cap, ", ETA %ld:%02ld", left / 60, left % 60);
}

void cli_batch_progress_draw(cli_batch *b)
{
    double now = cli_batch_now();
    if (!b->tty || now - b->last < 0.1)
        return;
    b->last = now;
    double secs = now - b->start, rate = secs > 0 ? (double)b->bytes / 1e6 / secs : 0.0;
    size_t n = b->done + b->skipped;
    char total[32] = "", eta[32];
    if (b->total)
        snprintf(total, sizeof total, "/%zu", b->total);
    cli_batch_eta(b, n, secs, eta, sizeof eta);
    int len = fprintf(stderr, "\rpolcmp: %zu%s policies, %.1f MB/s%s", n, total, rate, eta) - 1;
    fprintf(stderr, "%*s", len < b->shown ? b->shown - len : 0, "");
    fflush(stderr);
    b->shown = len > b->shown ? len : b->shown;
}

void cli_batch_input_error(cli_batch *b, const char *fmt, ...)
{
    if (b->quiet)
        return;
    cli_batch_progress_clear(b);
    va_list ap;
    va_start(ap, fmt);
    cli_errorv(fmt, ap);
    va_end(ap);
    b->skipped++;
}

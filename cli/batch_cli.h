/* batch_cli.h: batch mode shared by `classify` and `compare`.
 *
 * Inputs are files, directories (walked recursively for .txt .md .markdown .html .htm files,
 * in byte order of names within each directory; hidden entries and symbolic links to
 * directories are not followed) and "-": standard input holding either a list of paths, one a
 * line, or JSON Lines objects ({"text":..} with any other fields, or {"path":..}), told apart
 * by the first byte that is not white space being '{'. Each input becomes a cli_item; a
 * command's work function turns it into a cli_result on a worker thread (core/batch.h), and
 * results are written in input order. Anything that fails is reported on stderr and counted
 * as skipped; the rest goes on.
 */
#ifndef POLCMP_CLI_BATCH_H
#define POLCMP_CLI_BATCH_H

#include "text/load.h"
#include "util/util.h"

#include <jansson.h>
#include <stdio.h>

/* One unit of work. Owns path and obj; `source` is borrowed (the stream's name). */
typedef struct cli_item {
    char *path;         /* a file to open, or NULL for a text object */
    json_t *obj;        /* the object read from JSON Lines input, or NULL */
    const char *source; /* the JSON Lines stream ("-", a --segments file), or NULL */
    size_t line;        /* the object's line in source */
} cli_item;

/* What a worker made of one item. Owns everything; `extra` is freed with extra_free unless a
 * collect function took it (set it to NULL). */
typedef struct cli_result {
    pc_buf out;    /* JSON Lines for the output */
    pc_buf msg;    /* lines for stderr: errors and warnings, each ending in "\n" */
    int failed;    /* the item was skipped */
    size_t bytes;  /* input bytes it stood for (progress) */
    void *extra;   /* command data for the collect step */
    void (*extra_free)(void *);
    /* Output written after `out` when its turn comes, straight to the stream (a large
     * input's lines, not held in memory first): 0, or -1 when writing failed or the work
     * done there failed (reported by it). May be NULL. */
    int (*write)(void *extra, FILE *out);
    /* Load warnings summarised at the end of the run instead of one line per file: */
    char encoding[48];       /* the encoding it was read as, when that was a guess, or "" */
    char *said[3];           /* the lines for the encoding, replaced bytes, removed controls;
                                owned (NULL when none), printed as they are for one file */
} cli_result;

/* Files that share a summarised load warning, and the first file's own line (owned). */
#define CLI_BATCH_ENCODINGS 16
typedef struct cli_batch_summary {
    struct {
        char name[48];
        size_t files;
        char *first;
    } enc[CLI_BATCH_ENCODINGS];
    size_t nenc, enc_other; /* distinct encodings listed; files in encodings past the table */
    size_t replaced, controls;
    char *first_replaced, *first_controls;
} cli_batch_summary;

/* A command's work: fill res from item. Runs on worker threads; must only read ctx. local is
 * the worker's own scratch state from the batch's local_new (or NULL). */
typedef void (*cli_work_fn)(const cli_item *item, cli_result *res, void *local, void *ctx);
/* A command's work on a group of consecutive items (files named on the command line or found
 * in directories, up to CLI_GROUP_BYTES of them or CLI_GROUP_ITEMS items): fill res[0..n)
 * exactly as work would one by one, so that the results do not depend on the grouping. */
typedef void (*cli_group_fn)(const cli_item *const *items, cli_result *const *res, size_t n,
                             void *local, void *ctx);
#define CLI_GROUP_BYTES (128u << 10)
#define CLI_GROUP_ITEMS 64
/* Called on the main thread for each result, in input order, after its output is written. */
typedef void (*cli_collect_fn)(cli_result *res, void *ctx);

/* One batch run: inputs, the command's functions, and what happened. */
typedef struct cli_batch {
    char **args;          /* files, directories, "-" (borrowed) */
    size_t nargs;
    const char *segments; /* a JSON Lines file read like "-" with objects, or NULL */
    long jobs;            /* worker threads; 0 = the number of online cores */
    FILE *out;            /* where results go (borrowed) */
    cli_work_fn work;
    cli_group_fn work_group; /* may be NULL; used for files when set (inputs read from a
                                stream, which may wait for answers, are never held back) */
    cli_collect_fn collect; /* may be NULL */
    void *(*local_new)(void *ctx);              /* per-worker scratch, may be NULL */
    void (*local_free)(void *local, void *ctx);
    void *ctx;
    /* Filled by the run: */
    size_t done, skipped;  /* items written; items and input lines skipped (reported) */
    size_t bytes;          /* input bytes processed */
    int write_failed;      /* writing to out failed */
    cli_batch_summary warned; /* load warnings, printed once at the end of the run */
    /* Internal: the progress line. */
    int tty;               /* stderr is a terminal */
    int shown;             /* the width of the progress line on the screen, 0 when none */
    size_t total;          /* items counted in advance (no "-" or --segments), or 0 */
    int quiet;             /* input problems are not reported (the count in advance) */
    double start, last;    /* seconds: when the run started, when the line was drawn */
    void *pool;            /* the worker pool (core/batch.h) */
    struct cli_group *group; /* files gathered for work_group, not pushed yet (owned) */
} cli_batch;

/* Read every input, run the work on b->jobs threads and write the results in order. Returns 0,
 * or -1 when the run could not start (reported). Skipped inputs are counted, not errors. */
int cli_batch_run(cli_batch *b);

/* Whether an argument names a directory, or is "-" (batch input). */
int cli_batch_is_batch_arg(const char *arg);

/* Load an item's document: its file, or its object's "text" (named by its "id" string or
 * "SOURCE:LINE"). The error goes to res->msg; NULL on failure (res->failed set). */
pc_doc *cli_batch_load(const cli_item *item, cli_result *res);

/* Hand a loaded document's warnings to the run: an encoding guessed, bytes replaced and
 * controls removed are counted for the summary at the end ("1,597 files read as
 * windows-1252"); the others go to res->msg naming the file. Call once the document has all
 * its warnings (after pc_outline_check). */
void cli_batch_notes(const pc_doc *doc, cli_result *res);

/* Add "polcmp: "-prefixed formatted line to res->msg. */
void cli_batch_msg(cli_result *res, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Append o as one compact JSON line to b (the output's formatting everywhere), or write it to
 * out. Steal o. */
void cli_batch_emit_json(pc_buf *b, json_t *o);
void cli_batch_put_json(FILE *out, json_t *o);

/* Internal to the batch module: walk the inputs, calling push for each item (which takes it);
 * count them in advance into b->total (0 when they come from standard input or a --segments
 * file) (batch_input.c). */
typedef void (*cli_push_fn)(cli_item *item, void *arg);
void cli_batch_inputs(cli_batch *b, cli_push_fn push, void *arg);
void cli_batch_count(cli_batch *b);

/* batch_progress.c: seconds on a monotonic clock; the progress line drawn (at most ten times a
 * second) and cleared; an input problem (a broken line, an unreadable directory) reported
 * under it and counted skipped (unless b->quiet). */
double cli_batch_now(void);
void cli_batch_progress_draw(cli_batch *b);
void cli_batch_progress_clear(cli_batch *b);
void cli_batch_input_error(cli_batch *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

#endif

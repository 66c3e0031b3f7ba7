/* batch_run.c: running a batch: inputs -> worker pool (core/batch.h) -> ordered output, with
 * messages kept in input order and a progress line when stderr is a terminal. */
#include "util/batch.h"
#include "batch_cli.h"
#include "cli.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Load options, read from the environment once on the main thread before workers start. */
static pc_load_opts cli_batch_load_opts;

/* ---- results ---- */

void cli_batch_msg(cli_result *res, const char *fmt, ...)
{
    char line[PC_ERROR_MAX + 128];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(line, sizeof line, fmt, ap);
    va_end(ap);
    pc_buf_printf(&res->msg, "polcmp: %s\n", line);
}

static int cli_json_put(const char *buf, size_t size, void *data)
{
    return pc_buf_add(data, buf, size);
}

void cli_batch_emit_json(pc_buf *b, json_t *o)
{
    if (o)
        json_dump_callback(o, cli_json_put, b,
                           JSON_COMPACT | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(6));
    pc_buf_addc(b, '\n');
    json_decref(o);
}

void cli_batch_put_json(FILE *out, json_t *o)
{
    pc_buf b = {0};
    cli_batch_emit_json(&b, o);
    if (b.data)
        fputs(b.data, out);
    pc_buf_free(&b);
}

/* "warning: FILE: MESSAGE", owned by the caller (NULL out of memory). */
static char *cli_note_line(const pc_doc *doc, const pc_warning *w)
{
    pc_buf b = {0};
    pc_buf_printf(&b, "%s: %s", doc->path, w->msg);
    return b.data;
}

void cli_batch_notes(const pc_doc *doc, cli_result *res)
{
    for (size_t i = 0; i < doc->nwarnings; i++) {
        const pc_warning *w = &doc->warnings[i];
        int k = w->kind == PC_WARN_ENCODING ? 0 : w->kind == PC_WARN_REPLACED ? 1
                : w->kind == PC_WARN_CONTROLS ? 2 : -1;
        if (k < 0) {
            cli_batch_msg(res, "warning: %s: %s", doc->path, w->msg);
            continue;
        }
        free(res->said[k]);
        res->said[k] = cli_note_line(doc, w);
        if (k == 0)
            snprintf(res->encoding, sizeof res->encoding, "%s", doc->encoding);
    }
}

/* ---- the summary of load warnings ---- */

/* Count a file; keep its line when it is the first. Takes *line. */
static void cli_summary_count(size_t *files, char **first, char **line)
{
    if (!*line)
        return;
    if (++*files == 1) {
        *first = *line;
        *line = NULL;
    }
}

static void cli_summary_add(cli_batch_summary *s, cli_result *res)
{
    cli_summary_count(&s->replaced, &s->first_replaced, &res->said[1]);
    cli_summary_count(&s->controls, &s->first_controls, &res->said[2]);
    if (!res->said[0])
        return;
    size_t i = 0;
    while (i < s->nenc && strcmp(s->enc[i].name, res->encoding) != 0)
        i++;
    if (i == CLI_BATCH_ENCODINGS) {
        s->enc_other++;
        return;
    }
    if (i == s->nenc)
        snprintf(s->enc[s->nenc++].name, sizeof s->enc[i].name, "%s", res->encoding);
    cli_summary_count(&s->enc[i].files, &s->enc[i].first, &res->said[0]);
}

/* n with thousands separators: "1,597". */
static const char *cli_count(size_t n, char *buf, size_t cap)
{
    char digits[32];
    int len = snprintf(digits, sizeof digits, "%zu", n), k = 0;
    for (int i = 0; i < len && (size_t)k + 2 < cap; i++) {
        if (i && (len - i) % 3 == 0)
            buf[k++] = ',';
        buf[k++] = digits[i];
    }
    buf[k] = '\0';
    return buf;
}

/* One file: its own line. More: "N files ...". Frees the kept line. */
static void cli_summary_line(size_t files, char **first, const char *what)
{
    char n[40];
    if (files == 1 && *first)
        cli_warn("%s", *first);
    else if (files > 1)
        cli_warn("%s files %s", cli_count(files, n, sizeof n), what);
    free(*first);
    *first = NULL;
}

static void cli_summary_print(cli_batch_summary *s)
{
    for (size_t i = 0; i < s->nenc; i++) {
        char what[96];
        snprintf(what, sizeof what, "read as %s (not UTF-8; the encoding was guessed)",
                 s->enc[i].name);
        cli_summary_line(s->enc[i].files, &s->enc[i].first, what);
    }
    if (s->enc_other)
        cli_warn("%zu more file%s read in other guessed encodings", s->enc_other,
                 s->enc_other == 1 ? "" : "s");
    cli_summary_line(s->replaced, &s->first_replaced, "had invalid bytes replaced with U+FFFD");
    cli_summary_line(s->controls, &s->first_controls, "had control characters removed");
}

static pc_doc *cli_load_text(const cli_item *item, cli_result *res)
{
    json_t *text = json_object_get(item->obj, "text"), *id = json_object_get(item->obj, "id");
    char name[256];
    if (json_is_string(id))
        snprintf(name, sizeof name, "%s", json_string_value(id));
    else
        snprintf(name, sizeof name, "%s:%zu", item->source, item->line);
    pc_error err = {{0}};
    pc_doc *doc = pc_doc_from_memory(name, json_string_value(text), json_string_length(text),
                                     PC_FORMAT_TEXT, &err);
    if (!doc)
        cli_batch_msg(res, "%s:%zu: %s", item->source, item->line, err.msg);
    return doc;
}

pc_doc *cli_batch_load(const cli_item *item, cli_result *res)
{
    pc_error err = {{0}};
    pc_doc *doc;
    if (item->path) {
        doc = pc_doc_load(item->path, &cli_batch_load_opts, &err);
        if (!doc)
            cli_batch_msg(res, "%s", err.msg);
    } else {
        doc = cli_load_text(item, res);
    }
    if (doc)
        res->bytes = doc->len;
    res->failed = doc == NULL;
    return doc;
}

/* ---- groups ---- */

/* Consecutive files worked on together (cli_batch.work_group), or one input alone: the pool's
 * item when work_group is set. Owns the items until the work, then the results. */
typedef struct cli_group {
    cli_item *items[CLI_GROUP_ITEMS];
    cli_result *res[CLI_GROUP_ITEMS];
    size_t n, bytes;
} cli_group;

static void cli_item_free(cli_item *it)
{
    free(it->path);
    json_decref(it->obj);
    free(it);
}

/* ---- the pool's two ends ---- */

static cli_result *cli_batch_work_one(cli_batch *b, cli_item *it, void *local)
{
    cli_result *res = calloc(1, sizeof *res);
    if (res)
        b->work(it, res, local, b->ctx);
    cli_item_free(it);
    return res;
}

static void *cli_batch_work(void *item, void *local, void *ctx)
{
    cli_batch *b = ctx;
    if (!b->work_group)
        return cli_batch_work_one(b, item, local);
    cli_group *g = item;
    size_t n = 0;
    while (g->n > 1 && n < g->n && (g->res[n] = calloc(1, sizeof *g->res[n])))
        n++;
    int together = g->n > 1 && n == g->n;
    if (together)
        b->work_group((const cli_item *const *)g->items, g->res, n, local, b->ctx);
    for (size_t i = 0; i < g->n; i++) {
        if (together) {
            cli_item_free(g->items[i]);
            continue;
        }
        free(i < n ? g->res[i] : NULL); /* alone, or out of memory for the group's results */
        g->res[i] = cli_batch_work_one(b, g->items[i], local);
    }
    return g;
}

static void cli_batch_emit_one(cli_batch *b, cli_result *res)
{
    if (!res) {
        cli_batch_input_error(b, "out of memory; an input skipped");
        return;
    }
    if (res->msg.len)
        cli_batch_progress_clear(b);
    for (const char *p = res->msg.data; p && *p;) {
        size_t n = strcspn(p, "\n");
        cli_say(p, n);
        p += n + (p[n] == '\n');
    }
    if (res->out.len && fwrite(res->out.data, 1, res->out.len, b->out) != res->out.len)
        b->write_failed = 1;
    if (res->write && res->extra && res->write(res->extra, b->out) < 0)
        b->write_failed = 1;
    if (res->failed)
        b->skipped++;
    else
        b->done++;
    b->bytes += res->bytes;
    cli_summary_add(&b->warned, res);
    if (b->collect)
        b->collect(res, b->ctx);
    if (res->extra && res->extra_free)
        res->extra_free(res->extra);
    pc_buf_free(&res->out);
    pc_buf_free(&res->msg);
    for (int k = 0; k < 3; k++)
        free(res->said[k]);
    free(res);
    cli_batch_progress_draw(b);
}

static void cli_batch_emit(void *result, void *ctx)
{
    cli_batch *b = ctx;
    if (!b->work_group) {
        cli_batch_emit_one(b, result);
        return;
    }
    cli_group *g = result;
    for (size_t i = 0; i < g->n; i++)
        cli_batch_emit_one(b, g->res[i]);
    free(g);
}

static void *cli_batch_local_new(void *ctx)
{
    cli_batch *b = ctx;
    return b->local_new(b->ctx);
}

static void cli_batch_local_free(void *local, void *ctx)
{
    cli_batch *b = ctx;
    b->local_free(local, b->ctx);
}

/* Push the files gathered, if any. */
static void cli_batch_flush(cli_batch *b)
{
    cli_group *g = b->group;
    b->group = NULL;
    if (g && g->n)
        pc_batch_push(b->pool, g);
    else
        free(g);
}

/* The bytes of the file an item names (0 when unknown). */
static size_t cli_item_bytes(const cli_item *it)
{
    struct stat st;
    return stat(it->path, &st) == 0 && st.st_size > 0 ? (size_t)st.st_size : 0;
}

static void cli_batch_push(cli_item *item, void *arg)
{
    cli_batch *b = arg;
    if (!b->work_group) {
        pc_batch_push(b->pool, item);
        return;
    }
    int alone = !item->path || item->source; /* from a stream: never held back */
    if (alone)
        cli_batch_flush(b);
    if (!b->group && !(b->group = calloc(1, sizeof *b->group))) {
        cli_batch_input_error(b, "out of memory; an input skipped");
        cli_item_free(item);
        return;
    }
    cli_group *g = b->group;
    g->items[g->n++] = item;
    g->bytes += alone ? 0 : cli_item_bytes(item);
    if (alone || g->n == CLI_GROUP_ITEMS || g->bytes >= CLI_GROUP_BYTES)
        cli_batch_flush(b);
}

int cli_batch_run(cli_batch *b)
{
    cli_batch_load_opts = cli_load_opts();
    b->done = b->skipped = b->bytes = 0;
    b->write_failed = b->shown = 0;
    memset(&b->warned, 0, sizeof b->warned);
    b->tty = isatty(STDERR_FILENO);
    b->quiet = 0;
    if (b->tty)
        cli_batch_count(b);
    b->start = cli_batch_now();
    b->last = 0;
    size_t jobs = b->jobs > 0 ? (size_t)b->jobs : pc_batch_cores();
    pc_error err = {{0}};
    pc_batch_fns fns = {cli_batch_work, cli_batch_emit, b->local_new ? cli_batch_local_new : NULL,
                        b->local_free ? cli_batch_local_free : NULL};
    /* Four items in flight per worker; sixteen groups (each up to CLI_GROUP_BYTES of files), so
     * that while one worker reads a large page the others run ahead instead of waiting for the
     * window (two groups gave --jobs 2 1.7x --jobs 1 on the real policies, sixteen 1.87x). */
    pc_batch *pool = pc_batch_new(jobs, (b->work_group ? 16 : 4) * jobs, &fns, b, &err);
    if (!pool) {
        cli_error("%s", err.msg);
        return -1;
    }
    b->pool = pool;
    b->group = NULL;
    cli_batch_inputs(b, cli_batch_push, b);
    cli_batch_flush(b);
    pc_batch_free(pool);
    b->pool = NULL;
    cli_batch_progress_clear(b);
    cli_summary_print(&b->warned);
    if (fflush(b->out) != 0)
        b->write_failed = 1;
    return 0;
}

/* batch_input.c: turning batch inputs (files, directories, "-", a --segments file) into
 * cli_items, streamed one at a time so that no list of all inputs is ever held. */
#include "batch_cli.h"
#include "cli.h"
#include "util/jsonl.h"

#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#define CLI_WALK_MAX_DEPTH 64

/* The walk's state: where items go. Borrows everything. */
typedef struct cli_walk {
    cli_batch *b;
    cli_push_fn push;
    void *arg;
} cli_walk;

int cli_batch_is_batch_arg(const char *arg)
{
    struct stat st;
    return !strcmp(arg, "-") || (stat(arg, &st) == 0 && S_ISDIR(st.st_mode));
}

static int cli_policy_ext(const char *name)
{
    static const char *const exts[] = {".txt", ".md",   ".markdown", ".html",
                                       ".htm", ".pdf",  ".docx",     ".odt"};
    const char *dot = strrchr(name, '.');
    for (size_t i = 0; dot && i < sizeof exts / sizeof exts[0]; i++)
        if (!strcasecmp(dot, exts[i]))
            return 1;
    return 0;
}

static void cli_push_path(cli_walk *w, const char *path)
{
    cli_item *it = calloc(1, sizeof *it);
    char *copy = pc_strdup(path);
    if (!it || !copy) {
        free(it);
        free(copy);
        cli_batch_input_error(w->b, "%s: out of memory", path);
        return;
    }
    it->path = copy;
    w->push(it, w->arg);
}

static int cli_name_cmp(const struct dirent **a, const struct dirent **b)
{
    return strcmp((*a)->d_name, (*b)->d_name);
}

static int cli_keep_entry(const struct dirent *d)
{
    return d->d_name[0] != '.'; /* not ".", "..", hidden files and directories */
}

static void cli_walk_dir(cli_walk *w, const char *dir, int depth);

static void cli_walk_entry(cli_walk *w, const char *dir, const char *name, int depth)
{
    size_t n = strlen(dir) + strlen(name) + 2;
    char *path = malloc(n);
    if (!path) {
        cli_batch_input_error(w->b, "%s: out of memory", dir);
        return;
    }
    snprintf(path, n, "%s%s%s", dir, dir[strlen(dir) - 1] == '/' ? "" : "/", name);
    struct stat st, lst;
    if (stat(path, &st) != 0)
        cli_batch_input_error(w->b, "%s: cannot read (a broken link?)", path);
    else if (S_ISDIR(st.st_mode) && lstat(path, &lst) == 0 && !S_ISLNK(lst.st_mode))
        cli_walk_dir(w, path, depth + 1);
    else if (S_ISREG(st.st_mode) && cli_policy_ext(name))
        cli_push_path(w, path);
    free(path);
}

static void cli_walk_dir(cli_walk *w, const char *dir, int depth)
{
    if (depth > CLI_WALK_MAX_DEPTH) {
        cli_batch_input_error(w->b, "%s: directories nested too deep", dir);
        return;
    }
    struct dirent **names;
    int n = scandir(dir, &names, cli_keep_entry, cli_name_cmp);
    if (n < 0) {
        cli_batch_input_error(w->b, "%s: cannot read the directory", dir);
        return;
    }
    for (int i = 0; i < n; i++) {
        cli_walk_entry(w, dir, names[i]->d_name, depth);
        free(names[i]);
    }
    free(names);
}

/* ---- JSON Lines and path lists ---- */

/* An object with a "text" string is a text to work on; one with only a "path" string names a
 * file. Either way the object goes with the item, so its fields can be kept. */
static void cli_push_object(cli_walk *w, json_t *obj, const char *source, size_t line)
{
    int text = json_is_string(json_object_get(obj, "text"));
    json_t *path = json_object_get(obj, "path");
    if (!text && !json_is_string(path)) {
        cli_batch_input_error(w->b, "%s:%zu: no \"text\" or \"path\" string; line skipped",
                              source, line);
        json_decref(obj);
        return;
    }
    cli_item *it = calloc(1, sizeof *it);
    char *p = text ? NULL : pc_strdup(json_string_value(path));
    if (!it || (!text && !p)) {
        free(it);
        free(p);
        json_decref(obj);
        cli_batch_input_error(w->b, "%s:%zu: out of memory", source, line);
        return;
    }
    *it = (cli_item){p, obj, source, line};
    w->push(it, w->arg);
}

static void cli_read_objects(cli_walk *w, pc_jsonl *r, const char *source)
{
    json_t *obj;
    pc_error err = {{0}};
    int rc;
    while ((rc = pc_jsonl_next(r, &obj, &err)) != 0) {
        if (rc == -2) {
            cli_batch_input_error(w->b, "%s", err.msg);
            return;
        }
        if (rc < 0)
            cli_batch_input_error(w->b, "%s; line skipped", err.msg);
        else
            cli_push_object(w, obj, source, pc_jsonl_line(r));
        pc_error_clear(&err); /* the next line's error is its own */
    }
}

static void cli_read_paths(cli_walk *w, pc_jsonl *r)
{
    const char *line;
    size_t len;
    pc_error err = {{0}};
    int rc;
    while ((rc = pc_jsonl_read_line(r, &line, &len, &err)) != 0) {
        if (rc == -2) {
            cli_batch_input_error(w->b, "%s", err.msg);
            return;
        }
        if (rc < 0)
            cli_batch_input_error(w->b, "%s; line skipped", err.msg);
        pc_error_clear(&err); /* the next line's error is its own */
        if (rc < 0)
            continue;
        if (len > 0 && strlen(line) != len)
            cli_batch_input_error(w->b, "-:%zu: a NUL byte in a path; line skipped",
                                  pc_jsonl_line(r));
        else if (len > 0)
            cli_push_path(w, line);
    }
}

/* Read a stream of JSON Lines (objects_only) or, for "-", whichever it holds. */
static void cli_read_stream(cli_walk *w, FILE *f, const char *name, int objects_only)
{
    pc_error err = {{0}};
    pc_jsonl *r = pc_jsonl_new(f, name, 0, &err);
    if (!r) {
        cli_batch_input_error(w->b, "%s: %s", name, err.msg);
        return;
    }
    if (pc_jsonl_starts_with_object(r) || objects_only)
        cli_read_objects(w, r, name);
    else
        cli_read_paths(w, r);
    pc_jsonl_free(r);
}

static void cli_count_push(cli_item *item, void *arg)
{
    ++*(size_t *)arg;
    free(item->path);
    free(item);
}

void cli_batch_count(cli_batch *b)
{
    b->total = 0;
    for (size_t i = 0; i < b->nargs; i++)
        if (!strcmp(b->args[i], "-"))
            return;
    if (b->segments)
        return;
    cli_batch probe = *b;
    probe.quiet = 1;
    cli_batch_inputs(&probe, cli_count_push, &b->total);
}

void cli_batch_inputs(cli_batch *b, cli_push_fn push, void *arg)
{
    cli_walk w = {b, push, arg};
    if (b->segments) {
        FILE *f = fopen(b->segments, "rb");
        if (f) {
            cli_read_stream(&w, f, b->segments, 1);
            fclose(f);
        } else {
            cli_batch_input_error(b, "%s: cannot open", b->segments);
        }
    }
    for (size_t i = 0; i < b->nargs; i++) {
        struct stat st;
        if (!strcmp(b->args[i], "-"))
            cli_read_stream(&w, stdin, "-", 0);
        else if (stat(b->args[i], &st) == 0 && S_ISDIR(st.st_mode))
            cli_walk_dir(&w, b->args[i], 0);
        else
            cli_push_path(&w, b->args[i]);
    }
}

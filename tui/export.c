/* export.c: `e`, exporting what the top view shows (its rows, with its filters; view.h's
 * tui_export) through the table of writers, to a file the reviewer names: `~` is the home
 * directory, a relative name is in the review file's folder (the folder the prompt offers), an
 * existing file is replaced only when the reviewer says so, and the status bar says what went
 * where ("13 findings (kind: gap) -> ~/review/gaps.csv"). */
#include "app_internal.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* The review file's folder ("." when there is none), `~` for the home directory. */
static void tui_export_dir(const tui_app *app, pc_buf *b)
{
    const char *path = app->s->review->path, *home = getenv("HOME");
    const char *slash = path ? strrchr(path, '/') : NULL;
    size_t len = slash ? (size_t)(slash - path) : 0, hl = home ? strlen(home) : 0;
    if (!slash)
        pc_buf_adds(b, ".");
    else if (hl > 1 && len >= hl && strncmp(path, home, hl) == 0 && (len == hl || path[hl] == '/'))
        pc_buf_printf(b, "~%.*s", (int)(len - hl), path + hl);
    else
        pc_buf_printf(b, "%.*s", (int)len, path);
}

/* The file the reviewer typed: `~` expanded, a relative name in the review file's folder. */
static char *tui_export_path(const tui_app *app, const char *typed)
{
    pc_buf b = {0};
    const char *home = getenv("HOME");
    if (typed[0] == '~' && (typed[1] == '/' || !typed[1]) && home)
        pc_buf_printf(&b, "%s%s", home, typed + 1);
    else if (typed[0] == '/')
        pc_buf_adds(&b, typed);
    else {
        tui_export_dir(app, &b);
        if (b.data && b.data[0] == '~' && home) {
            pc_buf full = {0};
            pc_buf_printf(&full, "%s%s", home, b.data + 1);
            pc_buf_free(&b);
            b = full;
        }
        pc_buf_printf(&b, "/%s", typed);
    }
    return pc_buf_steal(&b);
}

void tui_export_free(tui_app *app)
{
    free(app->export.idx);
    free(app->export_path);
    memset(&app->export, 0, sizeof app->export);
    app->export_path = NULL;
}

void tui_export_start(tui_app *app)
{
    tui_export_free(app);
    if (tui_view_export(tui_app_top(app), &app->export) < 0) {
        tui_app_message(app, 0, "nothing to export here");
        return;
    }
    pc_buf label = {0}, path = {0};
    pc_buf_printf(&label, "export %s to (", app->export.what);
    pc_writer_list(&label, 1);
    pc_buf_adds(&label, "): ");
    tui_export_dir(app, &path);
    pc_buf_printf(&path, "/%s.xlsx", app->export.name);
    tui_prompt_start(app, TUI_PROMPT_EXPORT, label.data ? label.data : "export to: ",
                     path.data ? path.data : "");
    pc_buf_free(&label);
    pc_buf_free(&path);
}

/* Write the export to app->export_path, which the reviewer called `shown`. */
static void tui_export_write(tui_app *app, const char *shown)
{
    const pc_writer *w = pc_writer_for_path(app->export_path);
    pc_error err = {{0}};
    if (!w) {
        pc_buf exts = {0};
        pc_writer_list(&exts, 1);
        tui_app_message(app, 1, "%s: unknown format (use %s)", shown, exts.data ? exts.data : "");
        pc_buf_free(&exts);
    } else if (pc_session_export_rows(app->s, w, &app->export.rows, app->export_path, &err) < 0) {
        tui_app_message(app, 1, "%s", err.msg);
    } else {
        tui_app_message(app, 0, "%s -> %s", app->export.what, shown);
    }
}

void tui_export_done(tui_app *app, tui_prompt_kind kind, const char *text)
{
    if (kind == TUI_PROMPT_OVERWRITE) {
        if (text[0] == 'y' || text[0] == 'Y')
            tui_export_write(app, app->export_shown);
        else
            tui_app_message(app, 0, "not exported: %s is left as it was", app->export_shown);
        return;
    }
    if (!*text)
        return;
    free(app->export_path);
    app->export_path = tui_export_path(app, text);
    snprintf(app->export_shown, sizeof app->export_shown, "%s", text);
    if (!app->export_path) {
        tui_app_message(app, 1, "out of memory");
    } else if (access(app->export_path, F_OK) == 0) {
        char label[sizeof app->prompt_label];
        snprintf(label, sizeof label, "%s exists: replace it? (y/n) ", text);
        tui_prompt_start(app, TUI_PROMPT_OVERWRITE, label, "");
    } else {
        tui_export_write(app, text);
    }
}

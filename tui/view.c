/* view.c: the view base, what every view shares (see view.h), and the stack of open views with
 * the status-bar message (app.h). It calls each view only through its ops, and opens the views
 * themselves by id through the app's table, so it refers to no view's code. */
#include "app.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

tui_selection tui_sel_none(void)
{
    return (tui_selection){.kind = TUI_SEL_NONE, .category = -1, .policy = -1,
                           .clause = PC_NO_CLAUSE, .finding = -1, .requirement = -1};
}

/* Open v (allocating its data) on arg; close it. */
static int tui_view_open(tui_view *v, tui_app *app, const tui_view_ops *ops,
                         const tui_selection *arg)
{
    *v = (tui_view){.ops = ops, .app = app, .rows = app->h > 2 ? app->h - 2 : 1};
    v->data = calloc(1, ops->size ? ops->size : 1);
    return v->data ? ops->open(v, arg) : -1;
}

static void tui_view_close(tui_view *v)
{
    if (v->data && v->ops->close)
        v->ops->close(v);
    free(v->data);
    tui_lines_free(&v->lines);
    memset(v, 0, sizeof *v);
}

/* ---- the stack ------------------------------------------------------------------------------ */

int tui_app_push(tui_app *app, const tui_view_ops *ops, const tui_selection *arg)
{
    if (app->depth >= TUI_MAX_VIEWS) {
        tui_app_message(app, 1, "too many views open: close one with q");
        return -1;
    }
    tui_view *v = &app->views[app->depth];
    if (tui_view_open(v, app, ops, arg) < 0) {
        tui_view_close(v); /* what a failed open allocated */
        if (!app->status[0])
            tui_app_message(app, 1, "cannot open the %s view", ops->name);
        return -1;
    }
    app->depth++;
    return 0;
}

int tui_app_open_view(tui_app *app, tui_view_id id, const tui_selection *arg)
{
    return id < TUI_VIEW_COUNT ? tui_app_push(app, app->ops_of[id], arg) : -1;
}

void tui_app_pop(tui_app *app)
{
    if (app->depth == 0)
        return;
    tui_view_close(&app->views[--app->depth]);
}

tui_view *tui_app_top(tui_app *app)
{
    return app->depth ? &app->views[app->depth - 1] : NULL;
}

void tui_app_message(tui_app *app, int error, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(app->status, sizeof app->status, fmt, ap);
    va_end(ap);
    app->status_error = error;
}

/* ---- rows --------------------------------------------------------------------------------- */

static void tui_view_draw_line(tui_view *v, size_t i, tui_screen *s, int y)
{
    pc_span para, line;
    const char *base = tui_line_para(&v->lines, i, &para, &line);
    tui_lines_draw(&v->lines, i, s, y, 0, s->w);
    tui_mark_matches(v->app, s, y, v->lines.v[i].indent, base, para, line);
}

void tui_view_draw_list(tui_view *v, tui_screen *s, int y, int h)
{
    tui_list_fit(&v->list, h);
    v->rows = h > 0 ? h : 1;
    v->list_y = y - 1; /* the view starts below the header line */
    for (int i = 0; i < h && v->list.top + (size_t)i < v->list.n; i++) {
        size_t r = v->list.top + (size_t)i;
        if (v->use_lines)
            tui_view_draw_line(v, r, s, y + i);
        if (v->ops->draw_row)
            v->ops->draw_row(v, r, s, y + i);
        if (r == v->list.sel)
            tui_mark(s, y + i, 0, s->w, -1, TUI_F_REVERSE);
    }
}

void tui_view_draw(tui_view *v, tui_screen *s, int y, int h)
{
    if (v->ops->draw)
        v->ops->draw(v, s, y, h);
    else
        tui_view_draw_list(v, s, y, h);
}

/* ---- items: searching and seeking --------------------------------------------------------- */

static size_t tui_view_items(tui_view *v, size_t *cur)
{
    if (v->ops->items)
        return v->ops->items(v, cur);
    *cur = v->list.sel;
    return v->list.n;
}

static void tui_view_go(tui_view *v, size_t i)
{
    if (v->ops->go)
        v->ops->go(v, i);
    else
        tui_list_select(&v->list, i);
}

static int tui_view_matches(tui_view *v, size_t i, const pcre2_code *re)
{
    if (v->ops->match)
        return v->ops->match(v, i, re);
    size_t len;
    const char *t = v->use_lines && i < v->lines.n ? tui_line_text(&v->lines, i, &len) : NULL;
    return t && tui_search_match(re, t, len);
}

/* What a step found: the item (or none), its rank among every item accepted and how many. */
typedef struct tui_found {
    size_t item, rank, total;
    int wrapped;
} tui_found;

typedef int (*tui_accept)(tui_view *v, size_t i, const void *ctx);

/* The next item after the cursor (dir 1) or before it (-1) that `accept` takes, wrapping
 * around; counted in one pass. found->total is 0 when none is accepted. */
static void tui_view_step(tui_view *v, int dir, tui_accept accept, const void *ctx, tui_found *f)
{
    size_t cur, n = tui_view_items(v, &cur);
    size_t first = n, last = n, after = n, before = n, rank_after = 0, rank_before = 0;
    *f = (tui_found){.item = n};
    for (size_t i = 0; i < n; i++) {
        if (!accept(v, i, ctx))
            continue;
        f->total++;
        if (first == n)
            first = i, f->rank = 1;
        last = i;
        if (i > cur && after == n)
            after = i, rank_after = f->total;
        if (i < cur)
            before = i, rank_before = f->total;
    }
    if (!f->total)
        return;
    if (dir > 0) {
        f->wrapped = after == n;
        f->item = f->wrapped ? first : after;
        f->rank = f->wrapped ? 1 : rank_after;
    } else {
        f->wrapped = before == n;
        f->item = f->wrapped ? last : before;
        f->rank = f->wrapped ? f->total : rank_before;
    }
}

static int tui_accept_match(tui_view *v, size_t i, const void *re)
{
    return tui_view_matches(v, i, re);
}

static int tui_accept_flag(tui_view *v, size_t i, const void *bit)
{
    return v->ops->flags && (v->ops->flags(v, i) & *(const unsigned *)bit);
}

int tui_view_search(tui_view *v, const pcre2_code *re, int dir)
{
    tui_found f;
    tui_view_step(v, dir, tui_accept_match, re, &f);
    if (!f.total) {
        tui_app_message(v->app, 0, "no match for \"%s\" here", v->app->search ? v->app->search : "");
        return 0;
    }
    tui_view_go(v, f.item);
    tui_app_message(v->app, 0, "/%s: match %zu/%zu%s", v->app->search ? v->app->search : "", f.rank,
                    f.total, f.wrapped ? (dir > 0 ? " (from the top)" : " (from the bottom)") : "");
    return 1;
}

/* } { ) (: the next item a finding cites, or whose decision needs review again. */
static int tui_view_seek(tui_view *v, unsigned bit, int dir)
{
    const char *what = bit == TUI_ITEM_STALE ? "decision needing review again" : "finding";
    tui_found f;
    tui_view_step(v, dir, tui_accept_flag, &bit, &f);
    if (!f.total) {
        tui_app_message(v->app, 0, "no %s here", what);
        return 1;
    }
    tui_view_go(v, f.item);
    tui_app_message(v->app, 0, "%s %zu/%zu%s", what, f.rank, f.total,
                    f.wrapped ? (dir > 0 ? " (from the top)" : " (from the bottom)") : "");
    return 1;
}

static int tui_view_search_step(tui_view *v, int dir)
{
    if (!v->app->search_re)
        tui_app_message(v->app, 0, "no search yet: / searches");
    else
        tui_view_search(v, v->app->search_re, dir);
    return 1;
}

/* ---- commands ----------------------------------------------------------------------------- */

int tui_view_command(tui_view *v, tui_cmd cmd)
{
    if (v->ops->command && v->ops->command(v, cmd))
        return 1;
    if (tui_list_command(&v->list, cmd, v->rows))
        return 1;
    switch (cmd) {
    case TUI_CMD_NEXT_FINDING:
    case TUI_CMD_PREV_FINDING:
        return tui_view_seek(v, TUI_ITEM_FINDING, cmd == TUI_CMD_NEXT_FINDING ? 1 : -1);
    case TUI_CMD_NEXT_STALE:
    case TUI_CMD_PREV_STALE:
        return tui_view_seek(v, TUI_ITEM_STALE, cmd == TUI_CMD_NEXT_STALE ? 1 : -1);
    case TUI_CMD_SEARCH_NEXT:
    case TUI_CMD_SEARCH_PREV:
        return tui_view_search_step(v, cmd == TUI_CMD_SEARCH_NEXT ? 1 : -1);
    default:
        return 0;
    }
}

void tui_view_selection(tui_view *v, tui_selection *sel)
{
    *sel = tui_sel_none();
    if (v->ops->selection)
        v->ops->selection(v, sel);
}

void tui_view_refresh(tui_view *v)
{
    if (v->ops->refresh)
        v->ops->refresh(v);
}

int tui_view_open_here(tui_view *v, tui_view_id id)
{
    tui_selection sel;
    tui_view_selection(v, &sel);
    tui_app_open_view(v->app, id, &sel);
    return 1;
}

/* ---- the mouse ------------------------------------------------------------------------------ */

void tui_view_click(tui_view *v, int y, int x)
{
    if (v->ops->click) {
        v->ops->click(v, y, x);
        return;
    }
    int r = y - v->list_y;
    if (r < 0 || r >= v->rows || v->list.top + (size_t)r >= v->list.n)
        return;
    size_t row = v->list.top + (size_t)r;
    if (row == v->list.sel)
        tui_view_command(v, TUI_CMD_ENTER);
    else
        v->list.sel = row;
}

void tui_view_wheel(tui_view *v, int dir)
{
    if (!v->list.n) { /* a view that moves by itself: three steps */
        for (int i = 0; i < 3; i++)
            tui_view_command(v, dir > 0 ? TUI_CMD_DOWN : TUI_CMD_UP);
        return;
    }
    size_t step = 3, rows = v->rows > 0 ? (size_t)v->rows : 1;
    if (dir > 0 && v->list.top + rows < v->list.n)
        v->list.top += v->list.top + rows + step <= v->list.n ? step : v->list.n - rows - v->list.top;
    else if (dir < 0)
        v->list.top = v->list.top > step ? v->list.top - step : 0;
    if (v->list.sel < v->list.top)
        v->list.sel = v->list.top;
    if (v->list.sel >= v->list.top + rows)
        v->list.sel = v->list.top + rows - 1;
}

/* ---- hints and export ----------------------------------------------------------------------- */

void tui_view_hint(const tui_view *v, char *buf, size_t n)
{
    size_t len = 0;
    buf[0] = '\0';
    for (const tui_hint *h = v->ops->hints; h && h->cmd != TUI_CMD_NONE && len < n; h++) {
        char key[16];
        if (!tui_cmd_key(h->cmd, v->ops->name, key))
            continue;
        int k = snprintf(buf + len, n - len, "%s%s:%s", len ? " " : "", key, h->word);
        if (k < 0 || (size_t)k >= n - len) {
            buf[len] = '\0';
            break;
        }
        len += (size_t)k;
    }
}

int tui_view_export(tui_view *v, tui_export *out)
{
    memset(out, 0, sizeof *out);
    out->rows = (pc_rows){.kind = PC_ROWS_ALL, .policy = -1, .category = -1};
    if (!v->ops->rows)
        return -1;
    if (v->ops->rows(v, out) == 0)
        return 0;
    free(out->idx);
    out->idx = NULL;
    return -1;
}

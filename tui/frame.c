/* frame.c: the header line, the status bar and the prompt around the top view. */
#include "app.h"
#include "app_internal.h"

#include <stdio.h>
#include <string.h>

static void tui_frame_header(tui_app *app, tui_screen *s)
{
    char buf[512];
    size_t len = 0;
    len += (size_t)snprintf(buf, sizeof buf, "polcmp: %zu %s", app->s->npols,
                            app->s->npols == 1 ? "policy" : "policies");
    if (app->s->regimes && len < sizeof buf)
        len += (size_t)snprintf(buf + len, sizeof buf - len, " · regime%s%s%s",
                                app->s->regimes & PC_REGIME_GDPR ? " GDPR" : "",
                                app->s->regimes & PC_REGIME_CCPA ? " CCPA" : "",
                                app->s->regimes & PC_REGIME_COPPA ? " COPPA" : "");
    if (len < sizeof buf)
        snprintf(buf + len, sizeof buf - len, " · review %s%s",
                 app->s->review->path ? pc_basename(app->s->review->path) : "(not saved)",
                 app->s->dirty ? " (unsaved)" : "");
    tui_view *top = tui_app_top(app);
    const char *name = top ? top->ops->name : "";
    int nw = tui_width(name, strlen(name));
    int room = nw + 2 < s->w / 3 ? s->w - nw - 2 : s->w;
    tui_fill(s, 0, 0, s->w, TUI_S_TITLE);
    tui_puts_trunc(s, 0, 0, room, TUI_S_TITLE, buf);
    if (room < s->w)
        tui_puts(s, 0, s->w - nw - 1, nw, TUI_S_TITLE, name);
}

/* Counts of open findings, most pressing first, the lesser kinds (placeholder, empty
 * section, duplicate, vague) together as warnings: "1 contradiction · 86 gaps · 9 warnings";
 * `brief`, by the matrix's glyphs: "! 1 · ○ 86 · ~ 9 · ⊘ 1 dismissed". */
static void tui_frame_counts(tui_app *app, int brief, char *buf, size_t n)
{
    static const struct {
        pc_finding_kind kind;
        const char *one, *many;
    } shown[] = {
        {PC_FIND_CONTRADICTION, "contradiction", "contradictions"},
        {PC_FIND_MISSING, "missing required", "missing required"},
        {PC_FIND_DISAGREEMENT, "disagreement", "disagreements"},
        {PC_FIND_GAP, "gap", "gaps"},
        {PC_FIND_COUNT, "warning", "warnings"},
    };
    size_t counts[PC_FIND_COUNT + 1] = {0}, len = 0, dismissed = 0;
    for (size_t i = 0; i < app->s->cmp->nfindings; i++) {
        pc_finding_kind k = app->s->cmp->findings[i].kind;
        if (tui_model_dismissed(app, i))
            dismissed++;
        else
            counts[k <= PC_FIND_GAP ? k : PC_FIND_COUNT]++;
    }
    buf[0] = '\0';
    for (size_t i = 0; i < sizeof shown / sizeof shown[0] && len < n; i++) {
        size_t c = counts[shown[i].kind];
        const char *g = shown[i].kind < PC_FIND_COUNT ? tui_kind_glyph(shown[i].kind) : "~";
        if (c && brief)
            len += (size_t)snprintf(buf + len, n - len, "%s%s %zu", len ? " · " : "", g, c);
        else if (c)
            len += (size_t)snprintf(buf + len, n - len, "%s%zu %s", len ? " · " : "", c,
                                    c == 1 ? shown[i].one : shown[i].many);
    }
    if (!len)
        len = (size_t)snprintf(buf, n, "no open findings");
    if (dismissed && len < n)
        len += (size_t)snprintf(buf + len, n - len, " · %s%zu dismissed",
                                brief ? tui_mark_glyph(TUI_MARK_DISMISSED) : "", dismissed);
    size_t warned = tui_model_load_warnings(app);
    if (warned && len < n)
        snprintf(buf + len, n - len, " · %zu load warning%s (?)", warned, warned == 1 ? "" : "s");
}

static void tui_frame_status(tui_app *app, tui_screen *s)
{
    int y = s->h - 1;
    tui_fill(s, y, 0, s->w, TUI_S_STATUS);
    if (app->prompt) {
        int x = tui_puts(s, y, 0, s->w, TUI_S_STATUS, app->prompt_label);
        const char *t = app->prompt_text.data ? app->prompt_text.data : "";
        int tw = tui_width(t, strlen(t));
        int room = s->w - x - 1;
        /* Show the end of a long answer: the part being typed. */
        const char *shown = t;
        while (tw > room && *shown) {
            uint32_t cp;
            size_t k = pc_utf8_decode(shown, strlen(shown), &cp);
            k = k ? k : 1;
            tw -= tui_width(shown, k);
            shown += k;
        }
        x += tui_puts(s, y, x, room, TUI_S_STATUS, shown);
        tui_mark(s, y, x, 1, -1, TUI_F_REVERSE);
        return;
    }
    if (app->status[0]) {
        tui_puts_trunc(s, y, 0, s->w, app->status_error ? TUI_S_ERROR : TUI_S_STATUS,
                       app->status);
        return;
    }
    char counts[256];
    tui_view *top = tui_app_top(app);
    char hint[256] = "";
    if (top)
        tui_view_hint(top, hint, sizeof hint);
    int hw = tui_width(hint, strlen(hint));
    int room = s->w - (hw + 3 < s->w / 2 ? hw + 3 : 0);
    tui_frame_counts(app, 0, counts, sizeof counts);
    if (tui_width(counts, strlen(counts)) > room) /* in words it does not fit: in glyphs */
        tui_frame_counts(app, 1, counts, sizeof counts);
    int cw = tui_puts_trunc(s, y, 0, room, TUI_S_STATUS, counts);
    if (hw + 3 < s->w / 2 && cw + hw + 3 <= s->w)
        tui_puts(s, y, s->w - hw, hw, TUI_S_STATUS, hint);
}

/* Above the relabel prompt: the category ids what is typed can become, in columns. */
static void tui_frame_candidates(tui_app *app, tui_screen *s)
{
    const char *ids[256];
    size_t n = tui_prompt_candidates(app, ids, 256), shown = n < 256 ? n : 256;
    int colw = 4, rows = s->h / 3;
    for (size_t i = 0; i < shown; i++) {
        int w = tui_width(ids[i], strlen(ids[i])) + 2;
        colw = w > colw ? w : colw;
    }
    int cols = s->w / colw > 0 ? s->w / colw : 1;
    int need = (int)((shown + (size_t)cols - 1) / (size_t)cols);
    rows = need < rows ? need : rows;
    int y0 = s->h - 1 - rows - 1;
    tui_fill(s, y0, 0, s->w, TUI_S_HEADING);
    tui_printf(s, y0, 0, s->w, TUI_S_HEADING, "%zu categor%s fit (Tab completes; none: no label)",
               n, n == 1 ? "y" : "ies");
    for (int r = 0; r < rows; r++)
        tui_fill(s, y0 + 1 + r, 0, s->w, TUI_S_NORMAL);
    for (size_t i = 0; i < shown && (int)(i / (size_t)cols) < rows; i++) {
        int r = (int)(i / (size_t)cols), c = (int)(i % (size_t)cols);
        int last = r == rows - 1 && c == cols - 1 && i + 1 < n;
        if (last)
            tui_printf(s, y0 + 1 + r, c * colw, colw, TUI_S_DIM, "…%zu more", n - i);
        else
            tui_puts_trunc(s, y0 + 1 + r, c * colw, colw - 1, TUI_S_NORMAL, ids[i]);
    }
}

static void tui_frame_too_small(tui_screen *s)
{
    char msg[64];
    snprintf(msg, sizeof msg, "terminal too small: %dx%d, need %dx%d", s->w, s->h, TUI_MIN_W,
             TUI_MIN_H);
    for (int y = 0; y < s->h; y++) {
        int start = 0;
        /* Wrap the message over the rows there are. */
        int len = (int)strlen(msg);
        start = y * s->w;
        if (start >= len)
            break;
        tui_put(s, y, 0, s->w, TUI_S_ERROR, msg + start, (size_t)(len - start));
    }
}

void tui_app_render(tui_app *app, tui_screen *s)
{
    tui_screen_clear(s);
    app->w = s->w;
    app->h = s->h;
    if (s->w < TUI_MIN_W || s->h < TUI_MIN_H) {
        tui_frame_too_small(s);
        return;
    }
    tui_frame_header(app, s);
    tui_view *top = tui_app_top(app);
    if (top) {
        top->rows = s->h - 2;
        tui_view_draw(top, s, 1, s->h - 2);
    }
    tui_frame_status(app, s);
    if (app->prompt == TUI_PROMPT_RELABEL)
        tui_frame_candidates(app, s);
}

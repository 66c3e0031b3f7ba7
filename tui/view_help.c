/* view_help.c: the help screen, generated from the command table (command.h), so it always
 * says what the keys do; then the glyphs of the matrix and of the reviewer's marks. */
#include "app.h"
#include "list.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* One line of help. Plain value. */
typedef struct hp_line {
    tui_style style;
    char keys[48];
    char text[512];
} hp_line;

/* The view's state. Owns lines. */
typedef struct hp_view {
    hp_line *lines;
    tui_list list;
} hp_view;

static void hp_add(hp_view *h, size_t *cap, tui_style st, const char *keys, const char *text)
{
    if (h->list.n == *cap)
        return;
    hp_line *l = &h->lines[h->list.n++];
    l->style = st;
    snprintf(l->keys, sizeof l->keys, "%s", keys);
    snprintf(l->text, sizeof l->text, "%s", text);
}

static void hp_commands(hp_view *h, size_t *cap)
{
    const char *group = "";
    for (int c = TUI_CMD_NONE + 1; c < TUI_CMD_COUNT; c++) {
        const tui_cmd_info *info = tui_cmd_info_of((tui_cmd)c);
        char keys[48];
        if (strcmp(info->group, group) != 0) {
            if (*group)
                hp_add(h, cap, TUI_S_NORMAL, "", "");
            hp_add(h, cap, TUI_S_HEADING, "", info->group);
            group = info->group;
        }
        hp_add(h, cap, TUI_S_NORMAL, tui_cmd_keys((tui_cmd)c, keys, sizeof keys), info->help);
    }
}

static void hp_glyphs(hp_view *h, size_t *cap)
{
    hp_add(h, cap, TUI_S_NORMAL, "", "");
    hp_add(h, cap, TUI_S_HEADING, "", "Matrix cells");
    for (int st = 0; st < TUI_ST_COUNT; st++)
        hp_add(h, cap, tui_state_style((tui_state)st), tui_state_glyph((tui_state)st),
               tui_state_name((tui_state)st));
    hp_add(h, cap, TUI_S_NORMAL, "", "");
    hp_add(h, cap, TUI_S_HEADING, "", "Reviewer's marks");
    hp_add(h, cap, TUI_S_REVIEWED, "✓", "reviewed");
    hp_add(h, cap, TUI_S_REVIEWED, "✗", "dismissed (a finding)");
    hp_add(h, cap, TUI_S_REVIEWED, "✎", "a note or a relabel");
    hp_add(h, cap, TUI_S_STALE, "?", "needs review again: the clause changed since the decision");
}

/* What loading reported about each policy. */
static void hp_warnings(hp_view *h, size_t *cap, const tui_app *app)
{
    if (!tui_model_load_warnings(app))
        return;
    hp_add(h, cap, TUI_S_NORMAL, "", "");
    hp_add(h, cap, TUI_S_HEADING, "", "Load warnings");
    for (size_t i = 0; i < app->s->npols; i++)
        for (size_t k = 0; k < app->s->pols[i]->doc->nwarnings; k++) {
            char text[512];
            snprintf(text, sizeof text, "%s: %s", app->s->pols[i]->doc->path,
                     app->s->pols[i]->doc->warnings[k].msg);
            hp_add(h, cap, TUI_S_WARNING, "⚠", text);
        }
}

static int hp_open(tui_view *v, const tui_selection *arg)
{
    (void)arg;
    hp_view *h = calloc(1, sizeof *h);
    size_t cap = 2 * TUI_CMD_COUNT + 40 + 2 + tui_model_load_warnings(v->app);
    v->data = h;
    if (!h || !(h->lines = calloc(cap, sizeof *h->lines)))
        return -1;
    hp_warnings(h, &cap, v->app);
    hp_commands(h, &cap);
    hp_glyphs(h, &cap);
    return 0;
}

static void hp_close(tui_view *v)
{
    hp_view *h = v->data;
    if (h) {
        free(h->lines);
        free(h);
    }
}

static void hp_draw(tui_view *v, tui_screen *s, int y, int rows)
{
    hp_view *h = v->data;
    tui_list_fit(&h->list, rows);
    int keyw = s->w >= 60 ? 20 : 12;
    for (int i = 0; i < rows && h->list.top + (size_t)i < h->list.n; i++) {
        const hp_line *l = &h->lines[h->list.top + (size_t)i];
        if (l->style == TUI_S_HEADING) {
            tui_puts_trunc(s, y + i, 0, s->w, TUI_S_HEADING, l->text);
        } else {
            tui_puts_trunc(s, y + i, 2, keyw - 3, l->style, l->keys);
            tui_puts_trunc(s, y + i, keyw, s->w - keyw, TUI_S_NORMAL, l->text);
        }
        if (h->list.top + (size_t)i == h->list.sel)
            tui_mark(s, y + i, 0, s->w, -1, TUI_F_REVERSE);
    }
}

static int hp_command(tui_view *v, tui_cmd cmd)
{
    hp_view *h = v->data;
    if (cmd == TUI_CMD_HELP)
        return 1;
    return tui_list_command(&h->list, cmd, v->rows);
}

static void hp_selection(tui_view *v, tui_selection *sel)
{
    (void)v;
    *sel = tui_sel_none();
}

static int hp_search(tui_view *v, const pcre2_code *re, int dir)
{
    hp_view *h = v->data;
    for (size_t step = 1; step <= h->list.n; step++) {
        size_t i = dir > 0 ? (h->list.sel + step) % h->list.n
                           : (h->list.sel + h->list.n - step) % h->list.n;
        const hp_line *l = &h->lines[i];
        if (tui_search_match(re, l->text, strlen(l->text)) ||
            tui_search_match(re, l->keys, strlen(l->keys))) {
            h->list.sel = i;
            return 1;
        }
    }
    return 0;
}

static void hp_refresh(tui_view *v)
{
    (void)v;
}

static const char *hp_hint(tui_view *v)
{
    (void)v;
    return "j/k:scroll /:search q:back";
}

const tui_view_ops tui_view_help = {
    .name = "help",
    .open = hp_open,
    .draw = hp_draw,
    .command = hp_command,
    .selection = hp_selection,
    .search = hp_search,
    .refresh = hp_refresh,
    .hint = hp_hint,
    .close = hp_close,
};

/* view_help.c: the help screen, generated from the command table (command.h), so it always
 * says what the keys do; then the glyphs of the matrix and of the reviewer's marks, and what
 * loading reported. Its rows are lines (lines.h) the view base draws, moves over and searches. */
#include "app.h"

#include <string.h>

/* A key (or glyph) and what it does, the text wrapping under itself. */
static void hp_add(tui_view *v, tui_style st, const char *keys, const char *text)
{
    int keyw = v->lines.width >= 60 ? 18 : 10;
    int pad = keyw - tui_width(keys, strlen(keys));
    v->lines.hang = keyw;
    tui_lines_printf(&v->lines, st, 2, -1, "%s%*s%s", keys, pad > 1 ? pad : 1, "", text);
}

static void hp_heading(tui_view *v, const char *title)
{
    if (v->lines.n)
        tui_lines_blank(&v->lines, -1);
    v->lines.hang = 0;
    tui_lines_printf(&v->lines, TUI_S_HEADING, 0, -1, "%s", title);
}

static void hp_commands(tui_view *v)
{
    const char *group = "";
    for (int c = TUI_CMD_NONE + 1; c < TUI_CMD_COUNT; c++) {
        const tui_cmd_info *info = tui_cmd_info_of((tui_cmd)c);
        char keys[48];
        if (strcmp(info->group, group) != 0)
            hp_heading(v, group = info->group);
        hp_add(v, TUI_S_NORMAL, tui_cmd_keys((tui_cmd)c, keys, sizeof keys), info->help);
    }
}

static void hp_glyphs(tui_view *v)
{
    hp_heading(v, "Matrix cells");
    for (int st = 0; st < TUI_ST_COUNT; st++)
        hp_add(v, tui_state_style((tui_state)st), tui_state_glyph((tui_state)st),
               tui_state_name((tui_state)st));
    hp_add(v, TUI_S_NORMAL, "! 1 of 2", "findings on the cell still open, of all (the others "
                                        "dismissed)");
    hp_heading(v, "Reviewer's marks");
    for (int m = TUI_MARK_REVIEWED; m < TUI_MARK_COUNT; m++)
        hp_add(v, m == TUI_MARK_STALE ? TUI_S_STALE : TUI_S_REVIEWED, tui_mark_glyph((tui_review_mark)m),
               tui_mark_name((tui_review_mark)m));
}

/* What loading reported about each policy. */
static void hp_warnings(tui_view *v)
{
    const tui_app *app = v->app;
    if (!tui_model_load_warnings(app))
        return;
    hp_heading(v, "Load warnings");
    for (size_t i = 0; i < app->s->npols; i++)
        for (size_t k = 0; k < app->s->pols[i]->doc->nwarnings; k++) {
            char text[512];
            snprintf(text, sizeof text, "%s: %s", app->s->pols[i]->doc->path,
                     app->s->pols[i]->doc->warnings[k].msg);
            hp_add(v, TUI_S_WARNING, "⚠", text);
        }
}

static void hp_build(tui_view *v, int w)
{
    tui_lines_reset(&v->lines, w, NULL);
    hp_warnings(v);
    hp_commands(v);
    hp_glyphs(v);
    v->list.n = v->lines.n;
}

static int hp_open(tui_view *v, const tui_selection *arg)
{
    (void)arg;
    v->use_lines = 1;
    hp_build(v, v->app->w);
    return v->lines.oom ? -1 : 0;
}

static void hp_draw(tui_view *v, tui_screen *s, int y, int h)
{
    if (v->lines.width != s->w)
        hp_build(v, s->w);
    tui_view_draw_list(v, s, y, h);
}

static int hp_command(tui_view *v, tui_cmd cmd)
{
    (void)v;
    return cmd == TUI_CMD_HELP;
}

static const tui_hint hp_hints[] = {
    {TUI_CMD_DOWN, "scroll"}, {TUI_CMD_SEARCH, "search"}, {TUI_CMD_BACK, "back"}, {TUI_CMD_NONE, 0}};

const tui_view_ops tui_view_help = {
    .name = "help",
    .hints = hp_hints,
    .open = hp_open,
    .draw = hp_draw,
    .command = hp_command,
};

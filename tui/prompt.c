/* prompt.c: the one-line prompt in the status bar (search, export path, note, relabel): a line
 * editor. What an answer does is app_review.c's; app.c hands it over. */
#include "app_internal.h"
#include "keys.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void tui_prompt_start(tui_app *app, tui_prompt_kind kind, const char *label, const char *text)
{
    tui_view *top = tui_app_top(app);
    app->prompt = kind;
    app->prompt_sel = tui_sel_none();
    if (top)
        tui_view_selection(top, &app->prompt_sel);
    snprintf(app->prompt_label, sizeof app->prompt_label, "%s", label);
    app->prompt_text.len = 0;
    if (pc_buf_adds(&app->prompt_text, text) < 0 || pc_buf_adds(&app->prompt_text, "") < 0)
        app->prompt = TUI_PROMPT_NONE;
}

/* Remove the last character (a whole UTF-8 sequence). */
static void tui_prompt_backspace(pc_buf *b)
{
    while (b->len > 0) {
        unsigned char c = (unsigned char)b->data[--b->len];
        if ((c & 0xC0) != 0x80)
            break;
    }
    b->data[b->len] = '\0';
}

int tui_prompt_key(tui_app *app, int key, tui_prompt_kind *done)
{
    pc_buf *b = &app->prompt_text;
    if (app->prompt == TUI_PROMPT_OVERWRITE && key >= 0x20 && key < 0x7F) { /* one key */
        char k[2] = {(char)key, 0};
        b->len = 0;
        pc_buf_adds(b, k);
        key = TUI_KEY_ENTER;
    }
    if (key == TUI_KEY_ENTER || key == '\r') {
        *done = app->prompt;
        app->prompt = TUI_PROMPT_NONE;
        return 1;
    } else if (key == TUI_KEY_ESC || key == TUI_CTRL('c') || key == TUI_CTRL('g')) {
        app->prompt = TUI_PROMPT_NONE;
        tui_app_message(app, 0, "cancelled");
    } else if (key == TUI_KEY_BACKSPACE || key == TUI_CTRL('h')) {
        tui_prompt_backspace(b);
    } else if (key == TUI_CTRL('u')) {
        b->len = 0;
        pc_buf_adds(b, "");
    } else if (key >= 0x20 && key < 0x110000 && key != 0x7F) {
        char u[5];
        size_t n = pc_utf8_encode((uint32_t)key, u);
        if (b->len < 4096)
            pc_buf_add(b, u, n);
    }
    return 0;
}

int tui_search_set(tui_app *app, const char *pattern)
{
    int rc;
    PCRE2_SIZE off;
    pcre2_code *re = pcre2_compile((PCRE2_SPTR)pattern, PCRE2_ZERO_TERMINATED,
                                   PCRE2_CASELESS | PCRE2_UTF | PCRE2_UCP, &rc, &off, NULL);
    if (!re)
        re = pcre2_compile((PCRE2_SPTR)pattern, PCRE2_ZERO_TERMINATED,
                           PCRE2_CASELESS | PCRE2_UTF | PCRE2_UCP | PCRE2_LITERAL, &rc, &off,
                           NULL);
    char *copy = pc_strdup(pattern);
    if (!re || !copy) {
        pcre2_code_free(re);
        free(copy);
        tui_app_message(app, 1, "cannot search for \"%s\"", pattern);
        return -1;
    }
    pcre2_code_free(app->search_re);
    free(app->search);
    app->search_re = re;
    app->search = copy;
    return 0;
}

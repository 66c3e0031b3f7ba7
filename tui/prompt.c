/* prompt.c: the one-line prompt in the status bar (search, export path, note, relabel): a line
 * editor; in the relabel prompt Tab completes a category id (frame.c lists the ids that fit
 * what is typed). What an answer does is app_review.c's; app.c hands it over. */
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

/* The word being typed: after the last space or comma. */
static const char *tui_prompt_word(const tui_app *app)
{
    const char *t = app->prompt_text.data ? app->prompt_text.data : "";
    const char *w = t + strlen(t);
    while (w > t && w[-1] != ' ' && w[-1] != ',')
        w--;
    return w;
}

size_t tui_prompt_candidates(const tui_app *app, const char **out, size_t max)
{
    const char *word = tui_prompt_word(app);
    size_t n = 0, len = strlen(word);
    const pc_taxonomy *tax = app->s->tax;
    for (size_t i = 0; i <= tax->ncats; i++) {
        const char *id = i < tax->ncats ? tax->cats[i].id : "none";
        if (strncmp(id, word, len) != 0)
            continue;
        if (n < max)
            out[n] = id;
        n++;
    }
    return n;
}

/* Tab in the relabel prompt: the word completed to the one id it can be (and a space), or as
 * far as every id it can be agrees. */
static void tui_prompt_complete(tui_app *app)
{
    const char *ids[512];
    size_t n = tui_prompt_candidates(app, ids, 512), len, common;
    if (!n || n > 512) {
        tui_app_message(app, 0, n ? "more than 512 ids fit: type more" : "no category id starts so");
        return;
    }
    common = strlen(ids[0]);
    for (size_t i = 1; i < n; i++)
        for (size_t k = 0; k < common; k++)
            if (ids[i][k] != ids[0][k]) {
                common = k;
                break;
            }
    len = strlen(tui_prompt_word(app));
    pc_buf *b = &app->prompt_text;
    pc_buf_add(b, ids[0] + len, common - len);
    if (n == 1)
        pc_buf_addc(b, ' ');
    pc_buf_adds(b, "");
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
    } else if (key == TUI_KEY_TAB && app->prompt == TUI_PROMPT_RELABEL) {
        tui_prompt_complete(app);
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

/* app.h: the review UI's state and its curses-free core.
 *
 * tui_app works on a session (session/session.h: the policies, the comparison and the
 * reviewer's decisions) and holds the stack of open views. It turns
 * keys into commands (command.h), gives each to the top view first, and applies the global
 * meaning of the rest: help, findings, document, explain, search, the reviewer's decisions and
 * export. tui_app_render() draws the header, the top view and the status bar into an off-screen
 * tui_screen. Nothing here calls curses: term.c owns the terminal and tui_run() (ui.c) loops
 * reading keys, so tests drive the whole UI with tui_app_key() and compare tui_app_render().
 *
 * Every reviewer decision goes to the session and is saved at once (pc_session_save: atomic),
 * and the views are refreshed from the session, which placed the decisions again (and, after a
 * relabel, compared again). When saving fails the
 * decision stays in memory, the status bar shows the error, and the next change or quit tries
 * again; quitting with unsaved decisions asks for confirmation (Q again).
 */
#ifndef POLCMP_TUI_APP_H
#define POLCMP_TUI_APP_H

#include "screen.h"
#include "session/session.h"
#include "view.h"

#define TUI_MAX_VIEWS 16
#define TUI_MIN_W 40
#define TUI_MIN_H 8

/* What a matrix cell shows, from the most to the least pressing. */
typedef enum tui_state {
    TUI_ST_NONE = 0,  /* nobody covers it */
    TUI_ST_COVERED,
    TUI_ST_WARNING,   /* covered, with a lesser finding (vague, placeholder...) */
    TUI_ST_GAP,
    TUI_ST_DISAGREEMENT,
    TUI_ST_MISSING,
    TUI_ST_CONTRADICTION,
    TUI_ST_COUNT
} tui_state;

/* The prompt line's purpose. */
typedef enum tui_prompt_kind {
    TUI_PROMPT_NONE = 0,
    TUI_PROMPT_SEARCH,
    TUI_PROMPT_EXPORT,
    TUI_PROMPT_NOTE,
    TUI_PROMPT_RELABEL,
} tui_prompt_kind;

/* tui_app: owns the views, the per-clause finding index, the search pattern and the prompt
 * text; borrows the session (the caller frees it after tui_app_free()). */
struct tui_app {
    pc_session *s;
    const tui_view_ops *const *ops_of; /* the ops of each tui_view_id (app.c's table) */
    unsigned **clause_kinds; /* clause_kinds[policy][clause]: bit k = a finding of kind k cites it */

    tui_view views[TUI_MAX_VIEWS];
    int depth;

    char status[512];
    int status_error;
    int quit_confirm;      /* Q was pressed once with unsaved decisions */

    tui_prompt_kind prompt;
    tui_selection prompt_sel; /* what the prompt's answer applies to */
    char prompt_label[64];
    pc_buf prompt_text;

    char *search;          /* the last search pattern */
    pcre2_code *search_re;
    int search_dir;

    int running;
    int mouse_y, mouse_x;  /* the last click, for TUI_KEY_MOUSE */
    int w, h;              /* the size of the last render */
};

/* Start on session s and open the matrix. When the review file did not parse
 * (s->review_error), the UI runs on the session's empty, read-only review and says so. Returns
 * 0 or -1 with err. */
int tui_app_init(tui_app *app, pc_session *s, pc_error *err);
void tui_app_free(tui_app *app);

/* Feed one key. Returns 0 while the UI runs, 1 when it should quit. */
int tui_app_key(tui_app *app, int key);
/* Draw everything into s (its size is the terminal's). */
void tui_app_render(tui_app *app, tui_screen *s);

/* Views (stack.c): open a new one on top (arg: what it opens on), by its ops or its id; close
 * the top one. */
int tui_app_push(tui_app *app, const tui_view_ops *ops, const tui_selection *arg);
int tui_app_open_view(tui_app *app, tui_view_id id, const tui_selection *arg);
void tui_app_pop(tui_app *app);
tui_view *tui_app_top(tui_app *app);

/* A message in the status bar until the next key (stack.c). */
void tui_app_message(tui_app *app, int error, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* What views ask about the comparison (model.c). */
tui_state tui_model_cell(const tui_app *app, int cat, size_t policy, size_t *nclauses);
const char *tui_state_glyph(tui_state st); /* one column wide */
const char *tui_state_name(tui_state st);
tui_style tui_state_style(tui_state st);
tui_style tui_finding_style(pc_finding_kind k);
/* The findings that cite a clause (bit set of kinds), and the worst one's style (or NORMAL). */
unsigned tui_model_clause_kinds(const tui_app *app, size_t policy, size_t clause);
tui_style tui_model_clause_style(const tui_app *app, size_t policy, size_t clause);
/* The reviewer's mark on a clause / a finding: "" (none), "✓" reviewed, "✗" dismissed,
 * "?" needs review again, "✎" note or relabel only. */
const char *tui_model_clause_mark(const tui_app *app, size_t policy, size_t clause);
const char *tui_model_finding_mark(const tui_app *app, size_t finding);
const pc_decision *tui_model_clause_decision(const tui_app *app, size_t policy, size_t clause,
                                             pc_review_fit *fit);
const pc_decision *tui_model_finding_decision(const tui_app *app, size_t finding,
                                              pc_review_fit *fit);
/* A policy's column label: its short label (company or site name), or its id when another
 * policy has the same label. The full name goes on the status line. */
const char *tui_model_label(const tui_app *app, size_t policy);
/* What loading reported about the policies (pc_doc warnings: an encoding guessed, bytes
 * replaced, page chrome left out, no clause found), counted over all policies. */
size_t tui_model_load_warnings(const tui_app *app);
/* Whether a finding was dismissed by the reviewer. */
int tui_model_dismissed(const tui_app *app, size_t finding);
/* The index of the first finding that cites clause (policy, clause), or -1. */
long tui_model_clause_finding(const tui_app *app, size_t policy, size_t clause);

/* A clause's labels as people see them (the reviewer's relabel over the classifier's, policy.h)
 * as category ids joined by sep, appended to b; with `mark`, a relabel reads "✎ ids" ("✎ none"
 * for a relabel to nothing), so a reviewer's label is never taken for the classifier's. */
int tui_model_labels(const pc_policy *p, size_t clause, const char *sep, int mark, pc_buf *b);
/* Emphasise on row y, from column x, the evidence of clause c's labels (those under category
 * `under`, or all when -1) lying within the policy's text [start, end) shown there. */
void tui_model_mark_evidence(tui_screen *s, int y, int x, const pc_policy *p, size_t clause,
                             int under, size_t start, size_t end);

/* Whether text matches the search pattern (case-insensitive). */
int tui_search_match(const pcre2_code *re, const char *text, size_t len);

#endif

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
    TUI_PROMPT_OVERWRITE, /* one key: y replaces the file */
} tui_prompt_kind;

/* tui_app: owns the views, the per-clause finding index, the search pattern, the prompt text
 * and the pending export; borrows the session (the caller frees it after tui_app_free()). */
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
    char prompt_label[256];
    pc_buf prompt_text;

    tui_export export;     /* what `e` exports (export.c), until it is written */
    char *export_path;     /* where, once the reviewer said */
    char export_shown[512]; /* the name as the reviewer typed it */

    char *search;          /* the last search pattern */
    pcre2_code *search_re;

    int running;
    int redraw;            /* the terminal must be repainted whole (Ctrl-L) */
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

/* Views (view.c): open a new one on top (arg: what it opens on), by its ops or its id; close
 * the top one. */
int tui_app_push(tui_app *app, const tui_view_ops *ops, const tui_selection *arg);
int tui_app_open_view(tui_app *app, tui_view_id id, const tui_selection *arg);
void tui_app_pop(tui_app *app);
tui_view *tui_app_top(tui_app *app);

/* A message in the status bar until the next key (view.c). */
void tui_app_message(tui_app *app, int error, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* What views ask about the comparison (model.c). */
tui_state tui_model_cell(const tui_app *app, int cat, size_t policy, size_t *nclauses);
/* A cell in numbers: its clauses (and how many of them the reviewer marked reviewed, or
 * relabelled), the findings on it and how many of them are open (not dismissed). Plain value. */
typedef struct tui_cell_info {
    size_t clauses, reviewed, relabelled, findings, open;
} tui_cell_info;
tui_state tui_model_cell_info(const tui_app *app, int cat, size_t policy, tui_cell_info *ci);
const char *tui_state_glyph(tui_state st); /* one column wide */
const char *tui_state_name(tui_state st);
tui_style tui_state_style(tui_state st);
tui_style tui_finding_style(pc_finding_kind k);
/* The findings that cite a clause (bit set of kinds), and the worst one's style (or NORMAL). */
unsigned tui_model_clause_kinds(const tui_app *app, size_t policy, size_t clause);
tui_style tui_model_clause_style(const tui_app *app, size_t policy, size_t clause);
/* The reviewer's mark on a clause or a finding. Its glyph is none the matrix uses for a state:
 * "✓" reviewed, "⊘" dismissed, "✎" a note or a relabel only, "?" needs review again. */
typedef enum tui_review_mark {
    TUI_MARK_NONE = 0,
    TUI_MARK_REVIEWED,
    TUI_MARK_DISMISSED,
    TUI_MARK_NOTE,
    TUI_MARK_STALE,
    TUI_MARK_COUNT
} tui_review_mark;
const char *tui_mark_glyph(tui_review_mark m); /* "" for none */
const char *tui_mark_name(tui_review_mark m);
tui_review_mark tui_model_clause_mark(const tui_app *app, size_t policy, size_t clause);
tui_review_mark tui_model_finding_mark(const tui_app *app, size_t finding);
/* The mark of a decision placed as `fit` (NULL: none). */
tui_review_mark tui_mark_of(const pc_decision *d, pc_review_fit fit);
/* Draw a mark (one column) at (y, x). */
void tui_draw_mark(tui_screen *s, int y, int x, tui_review_mark m);
/* The glyph of a finding kind, of the worst kind among a set (bit k: kind k; " " when empty),
 * as the matrix shows them. */
const char *tui_kind_glyph(pc_finding_kind k);
const char *tui_kinds_glyph(unsigned kinds);
/* A clause's two marker columns at (y, x): the worst finding citing it (its glyph on the
 * clause's first row, a bar under it on the others) and, on the first row, the reviewer's
 * mark. */
void tui_draw_clause_marks(const tui_app *app, tui_screen *s, int y, int x, size_t policy,
                           size_t clause, int first);
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
/* A requirement of a regime checked on a policy, as the checklist shows it. */
typedef enum tui_check {
    TUI_CHECK_NONE = 0,  /* not checked (its regime is not selected) */
    TUI_CHECK_MET,       /* ✓ every part disclosed */
    TUI_CHECK_MISSING,   /* ✗ not disclosed: its missing-required finding is open */
    TUI_CHECK_EXEMPT,    /* · not applicable: the policy shows it does not apply */
    TUI_CHECK_DISMISSED, /* ⊘ not disclosed, dismissed by the reviewer as not applicable */
    TUI_CHECK_COUNT
} tui_check;
/* The check in numbers. Plain value; res points into the session's comparison. */
typedef struct tui_check_info {
    const pc_req_result *res; /* NULL when not checked */
    long index;               /* res's index in the comparison's reqs, or -1 */
    long finding;             /* its missing-required finding, or -1 */
    pc_ref at;                /* what meets it (its first part; what shows it does not apply),
                                 clause PC_NO_CLAUSE and section -1 when nothing does */
    size_t parts, met;        /* its parts, and how many of them are disclosed */
    tui_review_mark mark;     /* the reviewer's decision on it */
} tui_check_info;
/* Requirement `requirement` (into tax->reqs) of a selected regime checked on a policy. */
tui_check tui_model_check(const tui_app *app, size_t policy, int requirement, tui_check_info *ci);
const char *tui_check_glyph(tui_check c);
const char *tui_check_name(tui_check c);
tui_style tui_check_style(tui_check c);

/* What a finding rests on, in words, appended to b: "alpha, clause 6: We never sell..." (the
 * clause's number as people see it everywhere, 1-based) or "alpha: the heading "5. Security"".
 * -1 when the reference names neither (the policy a gap is about). */
int tui_model_ref(const tui_app *app, const pc_ref *ref, pc_buf *b);
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
/* Highlight on row y the matches of the search pattern (when there is one) in the paragraph
 * text[para] that fall in the part text[line] drawn from column x. */
void tui_mark_matches(const tui_app *app, tui_screen *s, int y, int x, const char *text,
                      pc_span para, pc_span line);

#endif

/* app_review.c: the reviewer's decisions (mark, note, relabel, dismiss), handed to the session
 * (which keeps the comparison consistent with them) and saved at once; and export from the UI
 * through the table of writers. */
#include "app_internal.h"

#include <stdlib.h>
#include <string.h>

static void tui_kinds_free(tui_app *app)
{
    if (!app->clause_kinds)
        return;
    for (size_t p = 0; p < app->s->npols; p++)
        free(app->clause_kinds[p]);
    free(app->clause_kinds);
    app->clause_kinds = NULL;
}

/* clause_kinds[p][c]: the kinds of the open (not dismissed) findings resting on each clause.
 * Gaps and missing disclosures cite the peers' clauses as examples of what is missing
 * elsewhere; those clauses are not at fault, so they are not marked. */
static int tui_kinds_build(tui_app *app)
{
    app->clause_kinds = calloc(app->s->npols ? app->s->npols : 1, sizeof *app->clause_kinds);
    if (!app->clause_kinds)
        return -1;
    for (size_t p = 0; p < app->s->npols; p++) {
        size_t n = app->s->pols[p]->outline->nclauses;
        app->clause_kinds[p] = calloc(n ? n : 1, sizeof **app->clause_kinds);
        if (!app->clause_kinds[p])
            return -1;
    }
    for (size_t i = 0; i < app->s->cmp->nfindings; i++) {
        const pc_finding *f = &app->s->cmp->findings[i];
        if (tui_model_dismissed(app, i) || f->kind == PC_FIND_GAP || f->kind == PC_FIND_MISSING)
            continue;
        for (size_t r = 0; r < f->nrefs; r++) {
            const pc_ref *ref = &f->refs[r];
            if (ref->clause == PC_NO_CLAUSE || ref->policy < 0 ||
                (size_t)ref->policy >= app->s->npols ||
                ref->clause >= app->s->pols[ref->policy]->outline->nclauses)
                continue;
            app->clause_kinds[ref->policy][ref->clause] |= 1u << f->kind;
        }
    }
    return 0;
}

int tui_app_index(tui_app *app, pc_error *err)
{
    tui_app_unindex(app);
    if (tui_kinds_build(app) < 0) {
        pc_error_set(err, "out of memory");
        return -1;
    }
    return 0;
}

void tui_app_unindex(tui_app *app)
{
    tui_kinds_free(app);
}

int tui_app_save(tui_app *app)
{
    if (app->s->review_readonly) {
        app->s->dirty = 1;
        tui_app_message(app, 1, "the review file could not be read: decisions are kept in memory "
                                "and go to a separate file when you quit");
        return -1;
    }
    pc_error err = {{0}};
    if (pc_session_save(app->s, &err) < 0) {
        tui_app_message(app, 1, "not saved: %s (kept in memory; the next change retries)", err.msg);
        return -1;
    }
    return 0;
}

static void tui_views_refresh(tui_app *app)
{
    for (int i = 0; i < app->depth; i++)
        tui_view_refresh(&app->views[i]);
}

/* After the session took a decision (rc from pc_session_decide and the like): save it, index
 * the comparison and refresh the views from the session as it now is (even after a failure,
 * which may have left a new comparison), say `what` or what went wrong. */
static void tui_app_changed(tui_app *app, int rc, const pc_error *err, const char *what)
{
    pc_error ierr = {{0}};
    int saved = rc == 0 ? tui_app_save(app) : -1;
    int indexed = tui_app_index(app, &ierr);
    tui_views_refresh(app);
    if (rc < 0)
        tui_app_message(app, 1, "%s", err->msg[0] ? err->msg : "out of memory");
    else if (indexed < 0)
        tui_app_message(app, 1, "%s", ierr.msg);
    else if (saved == 0)
        tui_app_message(app, 0, "%s", what);
}

/* What a decision on the selection is about; 0, or -1 (with a message) when it is neither a
 * clause, a finding nor a requirement. */
static int tui_app_target(tui_app *app, const tui_selection *sel, pc_target *t)
{
    if (sel->kind == TUI_SEL_REQUIREMENT && sel->policy >= 0 && sel->requirement >= 0) {
        *t = pc_target_requirement((size_t)sel->policy, sel->requirement);
        return 0;
    }
    if (sel->kind == TUI_SEL_FINDING && sel->finding >= 0) {
        *t = pc_target_finding((size_t)sel->finding);
        return 0;
    }
    if (sel->kind == TUI_SEL_CLAUSE && sel->policy >= 0 && sel->clause != PC_NO_CLAUSE) {
        *t = pc_target_clause((size_t)sel->policy, sel->clause);
        return 0;
    }
    tui_app_message(app, 0, "select a clause, a finding or a requirement first");
    return -1;
}

/* Toggle the decision's status between `status` and open. */
static void tui_app_toggle(tui_app *app, const tui_selection *sel, pc_review_status status,
                           const char *on_msg, const char *off_msg)
{
    pc_target t;
    if (tui_app_target(app, sel, &t) < 0)
        return;
    const pc_decision *d = pc_session_decision(app->s, &t);
    int on = !d || d->status != status;
    pc_error err = {{0}};
    int rc = pc_session_decide(app->s, &t, on ? status : PC_REV_OPEN, &err);
    tui_app_changed(app, rc, &err, on ? on_msg : off_msg);
}

static void tui_app_mark(tui_app *app, const tui_selection *sel)
{
    tui_app_toggle(app, sel, PC_REV_REVIEWED, "marked reviewed", "review mark removed");
}

static void tui_app_dismiss(tui_app *app, const tui_selection *sel)
{
    if (sel->kind == TUI_SEL_REQUIREMENT && sel->finding < 0) {
        tui_app_message(app, 0, "only a requirement the policy does not disclose can be "
                                "dismissed as not applicable");
        return;
    }
    if (sel->kind == TUI_SEL_REQUIREMENT) {
        tui_app_toggle(app, sel, PC_REV_DISMISSED,
                       "dismissed as not applicable (d again restores it)", "requirement restored");
        return;
    }
    if (sel->kind != TUI_SEL_FINDING) {
        tui_app_message(app, 0, "only a finding can be dismissed (f lists them)");
        return;
    }
    tui_app_toggle(app, sel, PC_REV_DISMISSED, "finding dismissed (d again restores it)",
                   "finding restored");
}

static void tui_app_start_relabel(tui_app *app, const tui_selection *sel)
{
    if (sel->kind != TUI_SEL_CLAUSE || sel->policy < 0 || sel->clause == PC_NO_CLAUSE) {
        tui_app_message(app, 0, "select a clause to relabel");
        return;
    }
    pc_buf b = {0};
    tui_model_labels(app->s->pols[sel->policy], sel->clause, " ", 0, &b);
    tui_prompt_start(app, TUI_PROMPT_RELABEL, "labels (ids; empty: the classifier's; none): ",
                     b.data ? b.data : "");
    pc_buf_free(&b);
}

static void tui_app_start_note(tui_app *app, const tui_selection *sel)
{
    pc_target t;
    if (sel->kind != TUI_SEL_CLAUSE && sel->kind != TUI_SEL_FINDING &&
        sel->kind != TUI_SEL_REQUIREMENT) {
        tui_app_message(app, 0, "select a clause, a finding or a requirement to annotate");
        return;
    }
    const pc_decision *d = tui_app_target(app, sel, &t) == 0 ? pc_session_decision(app->s, &t)
                                                               : NULL;
    tui_prompt_start(app, TUI_PROMPT_NOTE, "note: ", d && d->note ? d->note : "");
}

void tui_app_review_command(tui_app *app, tui_cmd cmd)
{
    tui_selection sel;
    tui_view_selection(tui_app_top(app), &sel);
    switch (cmd) {
    case TUI_CMD_MARK:
        if (sel.kind == TUI_SEL_CLAUSE || sel.kind == TUI_SEL_FINDING ||
            sel.kind == TUI_SEL_REQUIREMENT)
            tui_app_mark(app, &sel);
        else
            tui_app_message(app, 0, "select a clause, a finding or a requirement to mark it "
                                    "reviewed");
        break;
    case TUI_CMD_DISMISS:
        tui_app_dismiss(app, &sel);
        break;
    case TUI_CMD_NOTE:
        tui_app_start_note(app, &sel);
        break;
    case TUI_CMD_RELABEL:
        tui_app_start_relabel(app, &sel);
        break;
    case TUI_CMD_EXPORT:
        tui_export_start(app);
        break;
    default:
        break;
    }
}

static void tui_app_note_done(tui_app *app, const char *text)
{
    pc_target t;
    pc_error err = {{0}};
    if (tui_app_target(app, &app->prompt_sel, &t) < 0)
        return;
    int rc = pc_session_note(app->s, &t, text, &err);
    tui_app_changed(app, rc, &err, *text ? "note saved" : "note removed");
}

/* "a b,c" as category ids ("none" stands for no label at all); an empty answer withdraws the
 * relabel. */
static void tui_app_relabel_done(tui_app *app, const char *text)
{
    pc_target t;
    pc_error err = {{0}};
    char *copy = pc_strdup(text);
    const char *ids[64];
    size_t n = 0;
    if (!copy || tui_app_target(app, &app->prompt_sel, &t) < 0) {
        free(copy);
        return;
    }
    for (char *tok = strtok(copy, " ,"); tok; tok = strtok(NULL, " ,"))
        if (strcmp(tok, "none") != 0 && n < 64)
            ids[n++] = tok;
    int empty = strspn(text, " ,") == strlen(text);
    int rc = pc_session_relabel(app->s, &t, empty ? NULL : ids, n, &err);
    tui_app_changed(app, rc, &err, empty ? "labels back to the classifier's" : "relabelled");
    free(copy);
}

void tui_app_prompt_done(tui_app *app, tui_prompt_kind kind, const char *text)
{
    switch (kind) {
    case TUI_PROMPT_SEARCH:
        if (*text && tui_search_set(app, text) == 0)
            tui_view_search(tui_app_top(app), app->search_re, 1);
        break;
    case TUI_PROMPT_EXPORT:
    case TUI_PROMPT_OVERWRITE:
        tui_export_done(app, kind, text);
        break;
    case TUI_PROMPT_NOTE:
        tui_app_note_done(app, text);
        break;
    case TUI_PROMPT_RELABEL:
        tui_app_relabel_done(app, text);
        break;
    default:
        break;
    }
}

/* app_review.c: the reviewer's decisions (mark, note, relabel, dismiss), saving them, and
 * rebuilding the comparison after a relabel; and export from the UI. */
#include "app_internal.h"
#include "util/atomic.h"
#include "present/export.h"

#include <stdlib.h>
#include <string.h>

static void tui_kinds_free(tui_app *app)
{
    if (!app->clause_kinds)
        return;
    for (size_t p = 0; p < app->npols; p++)
        free(app->clause_kinds[p]);
    free(app->clause_kinds);
    app->clause_kinds = NULL;
}

/* clause_kinds[p][c]: the kinds of the open (not dismissed) findings resting on each clause.
 * Gaps and missing disclosures cite the peers' clauses as examples of what is missing
 * elsewhere; those clauses are not at fault, so they are not marked. */
static int tui_kinds_build(tui_app *app)
{
    app->clause_kinds = calloc(app->npols ? app->npols : 1, sizeof *app->clause_kinds);
    if (!app->clause_kinds)
        return -1;
    for (size_t p = 0; p < app->npols; p++) {
        size_t n = app->pols[p]->outline->nclauses;
        app->clause_kinds[p] = calloc(n ? n : 1, sizeof **app->clause_kinds);
        if (!app->clause_kinds[p])
            return -1;
    }
    for (size_t i = 0; i < app->cmp->nfindings; i++) {
        const pc_finding *f = &app->cmp->findings[i];
        if (tui_model_dismissed(app, i) || f->kind == PC_FIND_GAP || f->kind == PC_FIND_MISSING)
            continue;
        for (size_t r = 0; r < f->nrefs; r++) {
            const pc_ref *ref = &f->refs[r];
            if (ref->clause == PC_NO_CLAUSE || ref->policy < 0 || (size_t)ref->policy >= app->npols ||
                ref->clause >= app->pols[ref->policy]->outline->nclauses)
                continue;
            app->clause_kinds[ref->policy][ref->clause] |= 1u << f->kind;
        }
    }
    return 0;
}

int tui_app_index(tui_app *app, pc_error *err)
{
    tui_app_unindex(app);
    app->rmap = pc_review_map_new(app->review, app->cmp, err);
    if (!app->rmap || tui_kinds_build(app) < 0) {
        if (app->rmap)
            pc_error_set(err, "out of memory");
        return -1;
    }
    return 0;
}

void tui_app_unindex(tui_app *app)
{
    tui_kinds_free(app);
    pc_review_map_free(app->rmap);
    app->rmap = NULL;
}

int tui_app_save(tui_app *app)
{
    if (app->review_readonly) {
        app->review_dirty = 1;
        tui_app_message(app, 1, "the review file could not be read: decisions are kept in memory "
                                "and go to a separate file when you quit");
        return -1;
    }
    pc_error err;
    if (pc_review_save(app->review, &err) < 0) {
        app->review_dirty = 1;
        tui_app_message(app, 1, "not saved: %s (kept in memory; the next change retries)", err.msg);
        return -1;
    }
    app->review_dirty = 0;
    return 0;
}

static void tui_views_refresh(tui_app *app)
{
    for (int i = 0; i < app->depth; i++)
        app->views[i].ops->refresh(&app->views[i]);
}

/* After a relabel on policy pi: its overlay again, then the comparison again. */
static int tui_app_recompare(tui_app *app, int pi, pc_error *err)
{
    pc_overlay *o = pi >= 0 && (size_t)pi < app->npols
                        ? pc_review_overlay(app->review, app->pols[pi], NULL, err)
                        : NULL;
    if (!o)
        return -1;
    pc_policy_set_overlay(app->pols[pi], o);
    pc_comparison *cmp = pc_compare(app->tax, app->pols, app->npols, app->regimes, err);
    if (!cmp)
        return -1;
    tui_app_unindex(app);
    pc_comparison_free(app->cmp);
    app->cmp = cmp;
    return 0;
}

/* After a decision changed: save, place the decisions again, refresh the views. `relabelled`
 * is the policy whose labels changed, or -1. */
static void tui_app_changed(tui_app *app, int relabelled, const char *what)
{
    pc_error err = {{0}};
    int saved = tui_app_save(app);
    if ((relabelled >= 0 && tui_app_recompare(app, relabelled, &err) < 0) ||
        tui_app_index(app, &err) < 0) {
        tui_app_message(app, 1, "%s", err.msg[0] ? err.msg : "out of memory");
        return;
    }
    tui_views_refresh(app);
    if (saved == 0)
        tui_app_message(app, 0, "%s", what);
}

/* The decision the selection refers to, created when `create`. NULL when the selection is
 * neither a clause nor a finding (a message says so). */
static pc_decision *tui_app_decision(tui_app *app, const tui_selection *sel, int create)
{
    char *key = NULL, *section = NULL;
    const char *policy = NULL;
    int is_finding = sel->kind == TUI_SEL_FINDING;
    if (is_finding && sel->finding >= 0 && (size_t)sel->finding < app->cmp->nfindings) {
        const pc_finding *f = &app->cmp->findings[sel->finding];
        key = pc_review_finding_key(app->cmp, f);
        policy = pc_review_finding_policy(app->cmp, f);
    } else if (sel->kind == TUI_SEL_CLAUSE && sel->policy >= 0 && sel->clause != PC_NO_CLAUSE) {
        const pc_policy *p = app->pols[sel->policy];
        key = pc_review_policy_clause_key(p, sel->clause);
        section = pc_review_section_title(p, sel->clause);
        policy = p->id;
    } else {
        tui_app_message(app, 0, "select a clause or a finding first");
        return NULL;
    }
    pc_decision *d = NULL;
    if (key && policy)
        d = create ? pc_review_get(app->review, is_finding, policy, key, section)
                   : pc_review_find(app->review, is_finding, policy, key);
    if (create && !d)
        tui_app_message(app, 1, "out of memory");
    free(key);
    free(section);
    return d;
}

/* Drop a decision that no longer says anything. */
static void tui_app_prune(tui_app *app, pc_decision *d)
{
    if (d->status == PC_REV_OPEN && !d->note && !d->relabelled)
        pc_review_remove(app->review, d);
}

static void tui_app_mark(tui_app *app, const tui_selection *sel)
{
    pc_decision *d = tui_app_decision(app, sel, 1);
    if (!d)
        return;
    int on = d->status != PC_REV_REVIEWED;
    d->status = on ? PC_REV_REVIEWED : PC_REV_OPEN;
    pc_decision_touch(d);
    tui_app_prune(app, d);
    tui_app_changed(app, -1, on ? "marked reviewed" : "review mark removed");
}

static void tui_app_dismiss(tui_app *app, const tui_selection *sel)
{
    if (sel->kind != TUI_SEL_FINDING) {
        tui_app_message(app, 0, "only a finding can be dismissed (f lists them)");
        return;
    }
    pc_decision *d = tui_app_decision(app, sel, 1);
    if (!d)
        return;
    int on = d->status != PC_REV_DISMISSED;
    d->status = on ? PC_REV_DISMISSED : PC_REV_OPEN;
    pc_decision_touch(d);
    tui_app_prune(app, d);
    tui_app_changed(app, -1, on ? "finding dismissed (d again restores it)" : "finding restored");
}

static void tui_app_start_relabel(tui_app *app, const tui_selection *sel)
{
    if (sel->kind != TUI_SEL_CLAUSE || sel->policy < 0 || sel->clause == PC_NO_CLAUSE) {
        tui_app_message(app, 0, "select a clause to relabel");
        return;
    }
    pc_buf b = {0};
    tui_model_labels(app->pols[sel->policy], sel->clause, " ", 0, &b);
    tui_prompt_start(app, TUI_PROMPT_RELABEL, "labels (ids; empty: the classifier's; none): ",
                     b.data ? b.data : "");
    pc_buf_free(&b);
}

static void tui_app_start_note(tui_app *app, const tui_selection *sel)
{
    if (sel->kind != TUI_SEL_CLAUSE && sel->kind != TUI_SEL_FINDING) {
        tui_app_message(app, 0, "select a clause or a finding to annotate");
        return;
    }
    pc_decision *d = tui_app_decision(app, sel, 0);
    tui_prompt_start(app, TUI_PROMPT_NOTE, "note: ", d && d->note ? d->note : "");
}

void tui_app_review_command(tui_app *app, tui_cmd cmd)
{
    tui_view *top = tui_app_top(app);
    tui_selection sel = tui_sel_none();
    top->ops->selection(top, &sel);
    switch (cmd) {
    case TUI_CMD_MARK:
        if (sel.kind == TUI_SEL_CLAUSE || sel.kind == TUI_SEL_FINDING)
            tui_app_mark(app, &sel);
        else
            tui_app_message(app, 0, "select a clause or a finding to mark it reviewed");
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
        tui_prompt_start(app, TUI_PROMPT_EXPORT, "export to (.csv .tsv .md .html .json .xlsx): ",
                         "polcmp-comparison.xlsx");
        break;
    default:
        break;
    }
}

static void tui_app_note_done(tui_app *app, const char *text)
{
    pc_decision *d = tui_app_decision(app, &app->prompt_sel, 1);
    if (!d)
        return;
    if (pc_decision_set_note(d, text) < 0) {
        tui_app_message(app, 1, "out of memory");
        return;
    }
    pc_decision_touch(d);
    tui_app_prune(app, d);
    tui_app_changed(app, -1, *text ? "note saved" : "note removed");
}

/* Split "a b,c" into category ids, checking each against the taxonomy. */
static size_t tui_app_parse_ids(tui_app *app, char *text, const char **ids, size_t max)
{
    size_t n = 0;
    for (char *tok = strtok(text, " ,"); tok; tok = strtok(NULL, " ,")) {
        if (strcmp(tok, "none") == 0)
            continue;
        if (pc_tax_find_category(app->tax, tok) < 0) {
            tui_app_message(app, 1, "no category \"%s\" in the taxonomy: nothing changed", tok);
            return (size_t)-1;
        }
        if (n < max)
            ids[n++] = tok;
    }
    return n;
}

static void tui_app_relabel_done(tui_app *app, const char *text)
{
    char *copy = pc_strdup(text);
    const char *ids[64];
    size_t n = copy ? tui_app_parse_ids(app, copy, ids, 64) : (size_t)-1;
    pc_decision *d = n != (size_t)-1 ? tui_app_decision(app, &app->prompt_sel, 1) : NULL;
    if (d) {
        int empty = strspn(text, " ,") == strlen(text);
        if (empty)
            pc_decision_clear_labels(d);
        if (!empty && pc_decision_set_labels(d, ids, n) < 0)
            tui_app_message(app, 1, "out of memory");
        else {
            pc_decision_touch(d);
            tui_app_prune(app, d);
            tui_app_changed(app, app->prompt_sel.policy,
                            empty ? "labels back to the classifier's" : "relabelled");
        }
    }
    free(copy);
}

static int tui_app_export_json(tui_app *app, const char *path, pc_error *err)
{
    pc_outfile out;
    if (pc_outfile_open(&out, path, err) < 0)
        return -1;
    if (pc_comparison_json_reviewed(app->cmp, app->rmap, out.f, err) < 0) {
        pc_outfile_abort(&out);
        return -1;
    }
    return pc_outfile_commit(&out, err);
}

static void tui_app_export(tui_app *app, const char *path)
{
    pc_export_format fmt = pc_export_format_from_path(path);
    pc_error err;
    int rc;
    if (fmt == PC_EXPORT_NONE) {
        tui_app_message(app, 1, "%s: unknown format (use .csv .tsv .md .html .json .xlsx)", path);
        return;
    }
    if (fmt == PC_EXPORT_JSON) {
        rc = tui_app_export_json(app, path, &err);
    } else {
        pc_report *r = pc_comparison_report_reviewed(app->cmp, app->rmap);
        rc = r ? pc_export_file(r, fmt, path, &err) : -1;
        if (!r)
            pc_error_set(&err, "out of memory");
        pc_report_free(r);
    }
    if (rc < 0)
        tui_app_message(app, 1, "%s", err.msg);
    else
        tui_app_message(app, 0, "exported to %s", path);
}

void tui_app_prompt_done(tui_app *app, tui_prompt_kind kind, const char *text)
{
    switch (kind) {
    case TUI_PROMPT_SEARCH:
        if (*text && tui_search_set(app, text) == 0) {
            tui_view *top = tui_app_top(app);
            if (!top->ops->search(top, app->search_re, 1))
                tui_app_message(app, 0, "no match for \"%s\"", text);
        }
        break;
    case TUI_PROMPT_EXPORT:
        if (*text)
            tui_app_export(app, text);
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

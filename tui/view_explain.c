/* view_explain.c: why a clause has its labels.
 *
 * For a finding it first shows the finding (kind, severity, category, message) and every
 * clause it rests on; Enter on one of those lines explains that clause instead. For the
 * clause: its full text with the matched spans emphasised (the model's n-grams underlined),
 * then each label (category, score against threshold, "set by the reviewer" when it has no
 * evidence) with each piece of evidence (rule id, the rule's pattern, whether it matched a
 * heading, the matched text and its byte offsets) and, when the learned model decided, the
 * model's score for the label's class against its threshold and the n-grams that weighed
 * most; the rules' labels the model overruled; the attribute values and stances found in it,
 * its statement frames (or why it states no practice), and the reviewer's decision. A
 * contradiction also shows the statement frames that clash: the restriction's and each
 * practice's, field by field.
 * Everything is lines (lines.h) the view base draws and searches, built when the width or the
 * clause changes; a line naming one of the finding's clauses is tagged with that reference.
 */
#include "app.h"
#include "present/frame_json.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The view. Plain value (the lines are the base's). */
typedef struct ex_view {
    long finding;    /* the finding shown first, or -1 */
    int category;    /* the category it was opened from (for the selection), or -1 */
    int policy;      /* the explained clause, policy < 0 when there is none */
    size_t clause;
    size_t nfinding; /* lines [0, nfinding) are about the finding */
} ex_view;

static ex_view *ex_of(tui_view *v)
{
    return v->data;
}

static const pc_policy *ex_policy(tui_view *v)
{
    return ex_of(v)->policy >= 0 ? v->app->s->pols[ex_of(v)->policy] : NULL;
}

/* ---- building lines --------------------------------------------------------------------- */

/* A paragraph: prefix and text that may be long (a message, a pattern). */
static void ex_long(tui_view *v, tui_style st, int indent, const char *prefix, const char *text,
                    size_t len)
{
    pc_buf b = {0};
    if (pc_buf_adds(&b, prefix) < 0 || pc_buf_add(&b, text, len) < 0)
        v->lines.oom = 1;
    else
        tui_lines_add(&v->lines, st, indent, -1, b.data, b.len);
    pc_buf_free(&b);
}

#define ex_para(v, st, indent, ...) tui_lines_printf(&(v)->lines, st, indent, -1, __VA_ARGS__)

/* The text of a span of the explained policy, quoted into buf. */
static const char *ex_quote(const pc_policy *p, pc_span sp, char *buf, size_t n)
{
    size_t len = sp.end > sp.start ? sp.end - sp.start : 0;
    if (len > n - 1)
        len = n - 1;
    memcpy(buf, p->doc->text + sp.start, len);
    buf[len] = '\0';
    return buf;
}

/* A decision in words: "status reviewed · labels a, b · note "..." · needs review again". */
static void ex_decision(tui_view *v, const pc_decision *d, pc_review_fit fit)
{
    if (!d) {
        ex_para(v, TUI_S_DIM, 2, "no decision yet");
        return;
    }
    pc_buf b = {0};
    pc_buf_printf(&b, "%s status %s", tui_mark_glyph(tui_mark_of(d, fit)),
                  pc_review_status_name(d->status));
    if (d->relabelled) {
        pc_buf_adds(&b, " · labels");
        for (size_t i = 0; i < d->nlabels; i++)
            pc_buf_printf(&b, "%s %s", i ? "," : "", d->labels[i]);
        if (!d->nlabels)
            pc_buf_adds(&b, " (none)");
    }
    if (d->note)
        pc_buf_printf(&b, " · note \"%s\"", d->note);
    if (fit == PC_FIT_STALE)
        pc_buf_adds(&b, " · needs review again");
    if (b.data)
        ex_long(v, fit == PC_FIT_STALE ? TUI_S_STALE : TUI_S_REVIEWED, 2, "", b.data, b.len);
    pc_buf_free(&b);
}

/* One line per clause the finding rests on, tagged with its reference; "→" marks the one
 * explained. */
static void ex_finding_refs(tui_view *v, const pc_finding *f)
{
    ex_view *e = ex_of(v);
    size_t shown = v->lines.n;
    for (size_t r = 0; r < f->nrefs; r++) {
        const pc_ref *ref = &f->refs[r];
        pc_buf b = {0};
        int here = ref->policy == e->policy && ref->clause == e->clause;
        pc_buf_adds(&b, here ? "→ " : "· ");
        if (tui_model_ref(v->app, ref, &b) == 0)
            tui_lines_add(&v->lines, here ? TUI_S_HEADING : TUI_S_NORMAL, 2, (long)r, b.data,
                          b.len);
        pc_buf_free(&b);
    }
    if (v->lines.n == shown)
        ex_para(v, TUI_S_DIM, 2, "it rests on no clause");
}

/* A missing-required finding from a requirement: each of the requirement's parts, disclosed
 * (with the clause that does) or not. */
static void ex_finding_parts(tui_view *v, const pc_finding *f)
{
    const pc_comparison *c = v->app->s->cmp;
    const pc_requirement *req = &c->tax->reqs[f->requirement];
    long ri = -1;
    for (size_t pi = 0; ri < 0 && pi < c->npolicies; pi++)
        ri = (f->policies >> pi) & 1 ? pc_req_result_index(c, pi, f->requirement) : -1;
    if (ri < 0)
        return;
    const pc_req_result *res = &c->reqs[ri];
    ex_para(v, TUI_S_HEADING, 0, "%s %s: its parts", req->id, req->name);
    for (size_t k = 0; k < req->nparts; k++) {
        int met = !((res->missing >> k) & 1);
        pc_buf b = {0};
        pc_buf_printf(&b, "%s %s", tui_check_glyph(met ? TUI_CHECK_MET : TUI_CHECK_MISSING),
                      req->parts[k].name);
        for (size_t i = 0; met && i < res->nev; i++) {
            const pc_req_evidence *ev = &c->req_evidence[res->ev_first + i];
            if (ev->role == PC_REQ_PART && ev->part == (int)k && ev->at.clause != PC_NO_CLAUSE) {
                pc_buf_printf(&b, ": clause %zu", ev->at.clause + 1);
                break;
            }
        }
        ex_long(v, tui_check_style(met ? TUI_CHECK_MET : TUI_CHECK_MISSING), 2, "", b.data,
                b.len);
        pc_buf_free(&b);
    }
}

/* A contradiction's statement frames: the restrictions', then each practice's with the fields
 * it clashes on (against the first restriction's). */
static void ex_finding_frames(tui_view *v, const pc_finding *f)
{
    const pc_frames *fs = v->app->s->pols[f->refs[0].policy]->frames;
    const pc_frame *r = &fs->v[f->frames[0]];
    ex_para(v, TUI_S_HEADING, 0, "The statements that clash");
    for (size_t i = 0; i < f->nrefs; i++) {
        const pc_frame *x = &fs->v[f->frames[i]];
        pc_buf b = {0};
        int practice = i >= f->nrestrictions;
        int rc = pc_buf_printf(&b, "%s, clause %zu: ", practice ? "practice" : "restriction",
                               f->refs[i].clause + 1);
        if (rc == 0)
            rc = pc_frame_text(fs, x, &b);
        if (rc == 0)
            ex_long(v, practice ? TUI_S_NORMAL : TUI_S_CONTRADICTION, 2, "", b.data, b.len);
        b.len = 0;
        if (rc == 0 && practice && pc_frame_clash_text(fs, r, x, &b) == 0)
            ex_long(v, TUI_S_DIM, 4, "clash: ", b.data, b.len);
        v->lines.oom |= rc < 0;
        pc_buf_free(&b);
    }
}

static void ex_finding(tui_view *v)
{
    ex_view *e = ex_of(v);
    const pc_finding *f = &v->app->s->cmp->findings[e->finding];
    const char *cat = f->category >= 0 ? v->app->s->tax->cats[f->category].id : "no category";
    tui_review_mark mark = tui_model_finding_mark(v->app, (size_t)e->finding);
    ex_para(v, tui_finding_style(f->kind), 0, "Finding %ld of %zu: %s · %s · %s%s%s", e->finding + 1,
            v->app->s->cmp->nfindings, pc_finding_kind_name(f->kind), pc_severity_name(f->severity),
            cat, mark ? " " : "", tui_mark_glyph(mark));
    ex_long(v, TUI_S_NORMAL, 2, "", f->message, strlen(f->message));
    ex_para(v, TUI_S_HEADING, 0, "It rests on (Enter explains one)");
    ex_finding_refs(v, f);
    if (f->requirement >= 0)
        ex_finding_parts(v, f);
    if (f->frames)
        ex_finding_frames(v, f);
    pc_review_fit fit;
    const pc_decision *d = tui_model_finding_decision(v->app, (size_t)e->finding, &fit);
    if (d) {
        ex_para(v, TUI_S_HEADING, 0, "The reviewer's decision on the finding");
        ex_decision(v, d, fit);
    }
    tui_lines_blank(&v->lines, -1);
}

static void ex_clause(tui_view *v)
{
    ex_view *e = ex_of(v);
    const pc_policy *p = ex_policy(v);
    const pc_clause *cl = &p->outline->clauses[e->clause];
    char *title = pc_review_section_title(p, e->clause);
    ex_para(v, TUI_S_HEADING, 0, "Clause %zu of %s%s%s", e->clause + 1, p->id,
            title && *title ? " · " : "", title ? title : "");
    free(title);
    tui_lines_ext(&v->lines, TUI_S_NORMAL, 2, -1, cl->start, cl->end);
    tui_lines_blank(&v->lines, -1);
}

static void ex_evidence(tui_view *v, const pc_evidence *ev)
{
    char quote[256];
    pc_span sp = pc_span_wide(ev->span);
    ex_para(v, TUI_S_NORMAL, 4, "rule %s%s", ev->rule->id,
            ev->heading ? " (heading: matched a title or lead-in, not the clause)" : "");
    v->lines.exact = 1; /* a space in a pattern matches one: none may vanish at a break */
    ex_long(v, TUI_S_DIM, 6, "pattern ", ev->rule->pattern, strlen(ev->rule->pattern));
    v->lines.exact = 0;
    ex_para(v, TUI_S_MATCH, 6, "matched \"%s\" at bytes %zu-%zu",
            ex_quote(ex_policy(v), sp, quote, sizeof quote), sp.start, sp.end);
}

/* The model's side of a label: its class's score against the threshold, then the n-grams
 * that weighed most. */
static void ex_model(tui_view *v, const pc_label *l)
{
    ex_view *e = ex_of(v);
    const pc_classified *cls = ex_policy(v)->cls;
    int k = pc_classified_label_class(cls, e->clause, l);
    char quote[256];
    if (k < 0)
        return;
    double s = pc_classified_model_score(cls, e->clause, k);
    double t = pc_classified_model_threshold(cls, e->clause, k);
    const pc_model_verdict *vd = pc_classified_verdict(cls, e->clause);
    ex_para(v, TUI_S_NORMAL, 4, "model: %s, score %.2f %s threshold %.2f%s", pc_opp12_name(k), s,
            s >= t ? ">=" : "<", t,
            s < t && (vd->strong >> k & 1) ? "; given by a strong rule" : "");
    for (size_t i = l->ng_first; l->model && i < l->ng_first + l->nng; i++) {
        const pc_model_ngram *g = &cls->ngrams[i];
        ex_para(v, TUI_S_MATCH, 6, "n-gram \"%s\" %+.2f at bytes %zu-%zu%s",
                ex_quote(ex_policy(v), g->span, quote, sizeof quote), g->weight, g->span.start,
                g->span.end, g->heading ? " (in a title or lead-in)" : "");
    }
}

/* The rules' labels the model overruled, with the model's score that said no. */
static void ex_overruled(tui_view *v)
{
    ex_view *e = ex_of(v);
    const pc_classified *cls = ex_policy(v)->cls;
    const pc_clause_result *r = &cls->clauses[e->clause];
    if (!r->ndropped)
        return;
    ex_para(v, TUI_S_HEADING, 0, "Overruled by the model (%zu)", (size_t)r->ndropped);
    for (size_t k = r->drop_first; k < r->drop_first + r->ndropped; k++) {
        const pc_label *l = &cls->dropped[k];
        const pc_category *c = &v->app->s->tax->cats[l->category];
        ex_para(v, TUI_S_DIM, 2, "%s (%s): rules' score %.2f, threshold %.2f", c->name, c->id,
                l->score, c->threshold);
        for (size_t i = l->ev_first; i < l->ev_first + l->nev; i++)
            ex_evidence(v, &cls->evidence[i]);
        ex_model(v, l);
    }
    tui_lines_blank(&v->lines, -1);
}

/* The classifier's labels a relabel replaced, with their evidence. */
static void ex_replaced(tui_view *v, const pc_policy *p, size_t clause)
{
    const pc_clause_result *r = &p->cls->clauses[clause];
    for (size_t k = r->label_first; k < r->label_first + r->nlabels; k++) {
        const pc_label *l = &p->cls->labels[k];
        const pc_category *c = &p->cls->tax->cats[l->category];
        if (pc_policy_clause_has(p, clause, l->category))
            continue;
        ex_para(v, TUI_S_DIM, 2, "%s (%s): the classifier's (score %.2f), removed by the reviewer",
                c->name, c->id, l->score);
        for (size_t i = l->ev_first; i < l->ev_first + l->nev; i++)
            ex_evidence(v, &p->cls->evidence[i]);
    }
}

/* One label as people see it: set by the reviewer, kept by the reviewer, or the classifier's
 * (the rules' evidence, and the model's side when it decided). */
static void ex_label(tui_view *v, pc_eff_label l)
{
    const pc_category *c = &v->app->s->tax->cats[l.category];
    const pc_label *lab = l.label;
    if (!lab) {
        ex_para(v, TUI_S_COVERED, 2, "%s (%s): set by the reviewer", c->name, c->id);
        return;
    }
    if (!lab->nev)
        ex_para(v, TUI_S_COVERED, 2, "%s (%s): %sgiven by the model; no rule fired", c->name,
                c->id, l.reviewer ? "kept by the reviewer; " : "");
    else
        ex_para(v, TUI_S_COVERED, 2, "%s (%s): %sscore %.2f, threshold %.2f", c->name, c->id,
                l.reviewer ? "kept by the reviewer; the classifier's " : "", lab->score,
                c->threshold);
    for (size_t i = lab->ev_first; i < lab->ev_first + lab->nev; i++)
        ex_evidence(v, &ex_policy(v)->cls->evidence[i]);
    if (lab->model)
        ex_model(v, lab);
}

static void ex_labels(tui_view *v)
{
    ex_view *e = ex_of(v);
    const pc_policy *p = ex_policy(v);
    size_t n = pc_policy_clause_nlabels(p, e->clause);
    int relabelled = pc_policy_clause_relabelled(p, e->clause);
    ex_para(v, TUI_S_HEADING, 0, "Labels (%zu)%s", n, relabelled ? ", set by the reviewer" : "");
    if (!n)
        ex_para(v, TUI_S_DIM, 2, "%s",
                relabelled      ? "the reviewer removed every label"
                : p->cls->model ? "neither the model nor a rule gave a category"
                                : "no category reached its threshold");
    for (size_t k = 0; k < n; k++)
        ex_label(v, pc_policy_clause_label(p, e->clause, k));
    if (relabelled)
        ex_replaced(v, p, e->clause);
    tui_lines_blank(&v->lines, -1);
    ex_overruled(v);
}

static void ex_attrs(tui_view *v)
{
    const pc_policy *p = ex_policy(v);
    const pc_clause_result *r = &p->cls->clauses[ex_of(v)->clause];
    char quote[256];
    if (!r->nattrs)
        return;
    ex_para(v, TUI_S_HEADING, 0, "Attribute values");
    for (size_t k = r->attr_first; k < r->attr_first + r->nattrs; k++) {
        const pc_attr_hit *h = &p->cls->attrs[k];
        ex_para(v, TUI_S_NORMAL, 2, "%s: stated \"%s\", normalized \"%s\" (rule %s)",
                v->app->s->tax->attrs[h->attribute].id, ex_quote(p, h->span, quote, sizeof quote),
                h->norm.text, h->rule->id);
    }
    tui_lines_blank(&v->lines, -1);
}

static void ex_stances(tui_view *v)
{
    const pc_policy *p = ex_policy(v);
    const pc_clause_result *r = &p->cls->clauses[ex_of(v)->clause];
    if (!r->nstances)
        return;
    ex_para(v, TUI_S_HEADING, 0, "Stances");
    for (size_t k = r->stance_first; k < r->stance_first + r->nstances; k++) {
        const pc_stance *st = &p->cls->stances[k];
        pc_buf b = {0};
        pc_buf_printf(&b, "%s: %s", v->app->s->tax->topics[st->topic].id,
                      pc_polarity_name(st->polarity));
        for (size_t i = st->scope_first; i < st->scope_first + st->nscopes; i++) {
            const pc_scope_ref *s = &p->cls->scopes[i];
            pc_buf_printf(&b, " · %s: %s", pc_scope_dim_name(s->dim),
                          v->app->s->tax->scopes[s->dim][s->index].id);
        }
        if (!st->nscopes)
            pc_buf_adds(&b, " · no scope named");
        if (b.data)
            ex_long(v, TUI_S_NORMAL, 2, "", b.data, b.len);
        pc_buf_free(&b);
    }
    tui_lines_blank(&v->lines, -1);
}

/* What the clause states as statement frames, or why it states none. */
static void ex_frames(tui_view *v)
{
    ex_view *e = ex_of(v);
    const pc_frames *fs = ex_policy(v)->frames;
    if (!fs || !fs->onto)
        return;
    size_t lo = fs->first[e->clause], hi = fs->first[e->clause + 1];
    if (lo == hi && !fs->skip[e->clause])
        return;
    ex_para(v, TUI_S_HEADING, 0, "Statements");
    if (lo == hi)
        ex_para(v, TUI_S_DIM, 2, "none: not a statement of practice (%s)",
                pc_frame_skip_name((pc_frame_skip)fs->skip[e->clause]));
    for (size_t i = lo; i < hi; i++) {
        pc_buf b = {0};
        if (pc_frame_text(fs, &fs->v[i], &b) == 0)
            ex_long(v, TUI_S_NORMAL, 2, "", b.data, b.len);
        else
            v->lines.oom = 1;
        pc_buf_free(&b);
    }
    tui_lines_blank(&v->lines, -1);
}

static void ex_review(tui_view *v)
{
    ex_view *e = ex_of(v);
    pc_review_fit fit;
    const pc_decision *d = tui_model_clause_decision(v->app, (size_t)e->policy, e->clause, &fit);
    ex_para(v, TUI_S_HEADING, 0, "The reviewer's decision on the clause");
    ex_decision(v, d, fit);
}

/* (Re)build every line for width w, keeping the cursor's line number. */
static void ex_build(tui_view *v, int w)
{
    ex_view *e = ex_of(v);
    const pc_policy *p = ex_policy(v);
    tui_lines_reset(&v->lines, w > 0 ? w : 80, p ? p->doc->text : NULL);
    if (e->finding >= 0)
        ex_finding(v);
    e->nfinding = v->lines.n;
    if (p) {
        ex_clause(v);
        ex_labels(v);
        ex_attrs(v);
        ex_stances(v);
        ex_frames(v);
        ex_review(v);
    }
    if (!v->lines.n)
        ex_para(v, TUI_S_DIM, 0, "nothing to explain");
    if (v->lines.oom)
        tui_app_message(v->app, 1, "out of memory: the explanation is incomplete");
    v->list.n = v->lines.n;
    tui_list_select(&v->list, v->list.sel);
}

/* ---- drawing ---------------------------------------------------------------------------- */

static void ex_draw(tui_view *v, tui_screen *s, int y, int h)
{
    if (v->lines.width != s->w)
        ex_build(v, s->w);
    tui_view_draw_list(v, s, y, h);
}

/* On a line of the clause's own text, emphasise the spans behind its labels (the rules'
 * matches in bold, the model's n-grams underlined: tui_model_mark_evidence). */
static void ex_draw_row(tui_view *v, size_t row, tui_screen *s, int y)
{
    const tui_line *l = &v->lines.v[row];
    if (l->ext)
        tui_model_mark_evidence(s, y, l->indent, ex_policy(v), ex_of(v)->clause, -1, l->start,
                                l->end);
}

/* ---- commands --------------------------------------------------------------------------- */

/* Enter on a line naming one of the finding's clauses: explain that clause. */
static int ex_enter(tui_view *v)
{
    ex_view *e = ex_of(v);
    const tui_line *l = v->list.n ? &v->lines.v[v->list.sel] : NULL;
    if (!l || l->tag < 0 || e->finding < 0)
        return 1;
    const pc_ref *ref = &v->app->s->cmp->findings[e->finding].refs[l->tag];
    if (ref->clause == PC_NO_CLAUSE) {
        tui_app_message(v->app, 0, "a heading, not a clause: o opens the document");
        return 1;
    }
    e->policy = ref->policy;
    e->clause = ref->clause;
    ex_build(v, v->lines.width);
    return 1;
}

static int ex_command(tui_view *v, tui_cmd cmd)
{
    if (cmd == TUI_CMD_EXPLAIN)
        return 1;
    return cmd == TUI_CMD_ENTER ? ex_enter(v) : 0;
}

static void ex_selection(tui_view *v, tui_selection *sel)
{
    ex_view *e = ex_of(v);
    sel->category = e->category;
    sel->policy = e->policy;
    sel->clause = e->policy >= 0 ? e->clause : PC_NO_CLAUSE;
    sel->finding = e->finding;
    if (e->finding >= 0 && (v->list.sel < e->nfinding || e->policy < 0))
        sel->kind = TUI_SEL_FINDING;
    else if (e->policy >= 0)
        sel->kind = TUI_SEL_CLAUSE;
}

/* The first clause a finding rests on: policy < 0 when none. */
static void ex_first_clause(const pc_finding *f, int *policy, size_t *clause)
{
    *policy = -1;
    for (size_t r = 0; r < f->nrefs; r++)
        if (f->refs[r].clause != PC_NO_CLAUSE) {
            *policy = f->refs[r].policy;
            *clause = f->refs[r].clause;
            return;
        }
}

static void ex_refresh(tui_view *v)
{
    ex_view *e = ex_of(v);
    if (e->finding >= (long)v->app->s->cmp->nfindings)
        e->finding = -1;
    ex_build(v, v->lines.width);
}

/* Where the view starts: the finding's first clause, or the clause selected. 0 or -1. */
static int ex_open(tui_view *v, const tui_selection *arg)
{
    ex_view *e = ex_of(v);
    v->use_lines = 1;
    e->finding = -1;
    e->category = arg->category;
    e->policy = arg->policy;
    e->clause = arg->clause;
    if (arg->kind == TUI_SEL_FINDING && arg->finding >= 0 &&
        (size_t)arg->finding < v->app->s->cmp->nfindings) {
        e->finding = arg->finding;
        ex_first_clause(&v->app->s->cmp->findings[e->finding], &e->policy, &e->clause);
    } else if (arg->kind != TUI_SEL_CLAUSE) {
        return -1;
    }
    if (e->policy >= 0 && ((size_t)e->policy >= v->app->s->npols ||
                           e->clause >= v->app->s->pols[e->policy]->outline->nclauses))
        return -1;
    if (e->policy < 0 && e->finding < 0)
        return -1;
    ex_build(v, v->app->w);
    return 0;
}

/* `e`: the finding shown, or the clause explained. */
static int ex_rows(tui_view *v, tui_export *out)
{
    ex_view *e = ex_of(v);
    if (!(out->idx = malloc(sizeof *out->idx)))
        return -1;
    if (e->finding >= 0) {
        out->idx[0] = (size_t)e->finding;
        out->rows = (pc_rows){PC_ROWS_FINDINGS, out->idx, 1, -1, -1, NULL};
        snprintf(out->what, sizeof out->what, "finding %ld", e->finding + 1);
        snprintf(out->name, sizeof out->name, "polcmp-finding-%ld", e->finding + 1);
    } else {
        out->idx[0] = e->clause;
        out->rows = (pc_rows){PC_ROWS_CLAUSES, out->idx, 1, e->policy, -1, NULL};
        snprintf(out->what, sizeof out->what, "clause %zu of %s", e->clause + 1, ex_policy(v)->id);
        snprintf(out->name, sizeof out->name, "polcmp-%s-%zu", ex_policy(v)->id, e->clause + 1);
    }
    return 0;
}

static const tui_hint ex_hints[] = {{TUI_CMD_ENTER, "explain that clause"},
                                    {TUI_CMD_MARK, "mark"},
                                    {TUI_CMD_BACK, "back"},
                                    {TUI_CMD_NONE, 0}};

const tui_view_ops tui_view_explain = {
    .name = "explain",
    .size = sizeof(ex_view),
    .hints = ex_hints,
    .open = ex_open,
    .draw = ex_draw,
    .draw_row = ex_draw_row,
    .command = ex_command,
    .selection = ex_selection,
    .refresh = ex_refresh,
    .rows = ex_rows,
};

/* model.c: what the views ask about the comparison and the review (see app.h). */
#include "app.h"
#include "present/report.h"

#include <string.h>

static tui_state tui_kind_state(pc_finding_kind k)
{
    switch (k) {
    case PC_FIND_CONTRADICTION:
        return TUI_ST_CONTRADICTION;
    case PC_FIND_MISSING:
        return TUI_ST_MISSING;
    case PC_FIND_DISAGREEMENT:
        return TUI_ST_DISAGREEMENT;
    case PC_FIND_GAP:
        return TUI_ST_GAP;
    default:
        return TUI_ST_WARNING;
    }
}

/* How many of the cell's clauses the reviewer marked reviewed or relabelled. */
static void tui_cell_clauses(const tui_app *app, const pc_cell_info *cell, size_t policy,
                             tui_cell_info *ci)
{
    for (size_t k = 0; k < cell->nclauses; k++) {
        ci->reviewed += tui_model_clause_mark(app, policy, cell->clauses[k]) == TUI_MARK_REVIEWED;
        ci->relabelled += pc_policy_clause_relabelled(app->s->pols[policy], cell->clauses[k]) != 0;
    }
}

tui_state tui_model_cell_info(const tui_app *app, int cat, size_t policy, tui_cell_info *ci)
{
    const pc_cell_info *cell = pc_comparison_cell(app->s->cmp, cat, policy);
    tui_state st = cell && cell->covered ? TUI_ST_COVERED : TUI_ST_NONE;
    *ci = (tui_cell_info){.clauses = cell ? cell->nclauses : 0};
    for (size_t i = 0; i < app->s->cmp->nfindings; i++) {
        const pc_finding *f = &app->s->cmp->findings[i];
        if (f->category != cat || !(f->policies & (1UL << policy)))
            continue;
        ci->findings++;
        if (tui_model_dismissed(app, i))
            continue;
        ci->open++;
        tui_state fs = tui_kind_state(f->kind);
        if (fs == TUI_ST_WARNING && st == TUI_ST_NONE)
            continue;
        if (fs > st)
            st = fs;
    }
    if (cell)
        tui_cell_clauses(app, cell, policy, ci);
    return st;
}

tui_state tui_model_cell(const tui_app *app, int cat, size_t policy, size_t *nclauses)
{
    tui_cell_info ci;
    tui_state st = tui_model_cell_info(app, cat, policy, &ci);
    if (nclauses)
        *nclauses = ci.clauses;
    return st;
}

/* Each state's mark in the exported tables (whose glyph the matrix shows too), name and style. */
static const struct {
    pc_mark mark;
    const char *name;
    tui_style style;
} tui_states[TUI_ST_COUNT] = {
    [TUI_ST_NONE] = {PC_MARK_NONE, "not covered", TUI_S_DIM},
    [TUI_ST_COVERED] = {PC_MARK_COVERED, "covered", TUI_S_COVERED},
    [TUI_ST_WARNING] = {PC_MARK_WARNING, "covered, with a warning", TUI_S_WARNING},
    [TUI_ST_GAP] = {PC_MARK_GAP, "gap", TUI_S_GAP},
    [TUI_ST_DISAGREEMENT] = {PC_MARK_DISAGREEMENT, "disagreement", TUI_S_DISAGREEMENT},
    [TUI_ST_MISSING] = {PC_MARK_MISSING, "missing required", TUI_S_MISSING},
    [TUI_ST_CONTRADICTION] = {PC_MARK_CONTRADICTION, "contradiction", TUI_S_CONTRADICTION},
};

const char *tui_state_glyph(tui_state st)
{
    if (st >= TUI_ST_COUNT)
        return "?";
    return st == TUI_ST_NONE ? "·" : pc_mark_glyph(tui_states[st].mark);
}

const char *tui_state_name(tui_state st)
{
    return st < TUI_ST_COUNT ? tui_states[st].name : "?";
}

tui_style tui_state_style(tui_state st)
{
    return st < TUI_ST_COUNT ? tui_states[st].style : TUI_S_NORMAL;
}

tui_style tui_finding_style(pc_finding_kind k)
{
    return tui_state_style(tui_kind_state(k));
}

unsigned tui_model_clause_kinds(const tui_app *app, size_t policy, size_t clause)
{
    if (!app->clause_kinds || policy >= app->s->npols ||
        clause >= app->s->pols[policy]->outline->nclauses)
        return 0;
    return app->clause_kinds[policy][clause];
}

/* The finding kinds from the most to the least pressing, as the matrix ranks them. */
static const pc_finding_kind tui_kind_order[] = {PC_FIND_CONTRADICTION, PC_FIND_MISSING,
                                                 PC_FIND_DISAGREEMENT, PC_FIND_GAP};

tui_style tui_model_clause_style(const tui_app *app, size_t policy, size_t clause)
{
    unsigned kinds = tui_model_clause_kinds(app, policy, clause);
    for (size_t i = 0; i < sizeof tui_kind_order / sizeof tui_kind_order[0]; i++)
        if (kinds & (1u << tui_kind_order[i]))
            return tui_finding_style(tui_kind_order[i]);
    return kinds ? TUI_S_WARNING : TUI_S_NORMAL;
}

const pc_decision *tui_model_clause_decision(const tui_app *app, size_t policy, size_t clause,
                                             pc_review_fit *fit)
{
    if (fit)
        *fit = PC_FIT_NONE;
    if (!app->s->map)
        return NULL;
    return pc_review_map_clause(app->s->map, policy, clause, fit);
}

const pc_decision *tui_model_finding_decision(const tui_app *app, size_t finding,
                                              pc_review_fit *fit)
{
    if (fit)
        *fit = PC_FIT_NONE;
    if (!app->s->map)
        return NULL;
    return pc_review_map_finding(app->s->map, finding, fit);
}

int tui_model_dismissed(const tui_app *app, size_t finding)
{
    return app->s->map && pc_review_map_dismissed(app->s->map, finding);
}

static const struct {
    const char *glyph, *name;
} tui_marks[TUI_MARK_COUNT] = {
    [TUI_MARK_NONE] = {"", "no decision"},
    [TUI_MARK_REVIEWED] = {"✓", "reviewed"},
    [TUI_MARK_DISMISSED] = {"⊘", "dismissed (a finding: it no longer counts)"},
    [TUI_MARK_NOTE] = {"✎", "a note or a relabel"},
    [TUI_MARK_STALE] = {"?", "needs review again: the clause changed since the decision"},
};

const char *tui_mark_glyph(tui_review_mark m)
{
    return m < TUI_MARK_COUNT ? tui_marks[m].glyph : "";
}

const char *tui_mark_name(tui_review_mark m)
{
    return m < TUI_MARK_COUNT ? tui_marks[m].name : "";
}

tui_review_mark tui_mark_of(const pc_decision *d, pc_review_fit fit)
{
    if (!d)
        return TUI_MARK_NONE;
    if (fit == PC_FIT_STALE)
        return TUI_MARK_STALE;
    if (d->status == PC_REV_DISMISSED)
        return TUI_MARK_DISMISSED;
    return d->status == PC_REV_REVIEWED ? TUI_MARK_REVIEWED : TUI_MARK_NOTE;
}

void tui_draw_mark(tui_screen *s, int y, int x, tui_review_mark m)
{
    tui_puts(s, y, x, 1, m == TUI_MARK_STALE ? TUI_S_STALE : TUI_S_REVIEWED, tui_mark_glyph(m));
}

tui_review_mark tui_model_clause_mark(const tui_app *app, size_t policy, size_t clause)
{
    pc_review_fit fit;
    const pc_decision *d = tui_model_clause_decision(app, policy, clause, &fit);
    return tui_mark_of(d, fit);
}

tui_review_mark tui_model_finding_mark(const tui_app *app, size_t finding)
{
    pc_review_fit fit;
    const pc_decision *d = tui_model_finding_decision(app, finding, &fit);
    return tui_mark_of(d, fit);
}

const char *tui_kind_glyph(pc_finding_kind k)
{
    return tui_state_glyph(tui_kind_state(k));
}

const char *tui_kinds_glyph(unsigned kinds)
{
    for (size_t i = 0; i < sizeof tui_kind_order / sizeof tui_kind_order[0]; i++)
        if (kinds & (1u << tui_kind_order[i]))
            return tui_kind_glyph(tui_kind_order[i]);
    return kinds ? tui_state_glyph(TUI_ST_WARNING) : " ";
}

void tui_draw_clause_marks(const tui_app *app, tui_screen *s, int y, int x, size_t policy,
                           size_t clause, int first)
{
    unsigned kinds = tui_model_clause_kinds(app, policy, clause);
    if (kinds)
        tui_puts(s, y, x, 1, tui_model_clause_style(app, policy, clause),
                 first ? tui_kinds_glyph(kinds) : "│");
    if (first)
        tui_draw_mark(s, y, x + 1, tui_model_clause_mark(app, policy, clause));
}

static const struct {
    const char *glyph, *name;
    tui_style style;
} tui_checks[TUI_CHECK_COUNT] = {
    [TUI_CHECK_NONE] = {"", "not checked", TUI_S_DIM},
    [TUI_CHECK_MET] = {"✓", "met", TUI_S_COVERED},
    [TUI_CHECK_MISSING] = {"✗", "not disclosed", TUI_S_MISSING},
    [TUI_CHECK_EXEMPT] = {"·", "n/a: the policy says so", TUI_S_DIM},
    [TUI_CHECK_DISMISSED] = {"⊘", "n/a: dismissed", TUI_S_DIM},
};

const char *tui_check_glyph(tui_check c)
{
    return c < TUI_CHECK_COUNT ? tui_checks[c].glyph : "";
}

const char *tui_check_name(tui_check c)
{
    return c < TUI_CHECK_COUNT ? tui_checks[c].name : "";
}

tui_style tui_check_style(tui_check c)
{
    return c < TUI_CHECK_COUNT ? tui_checks[c].style : TUI_S_NORMAL;
}

tui_check tui_model_check(const tui_app *app, size_t policy, int requirement, tui_check_info *ci)
{
    const pc_comparison *c = app->s->cmp;
    long ri = pc_req_result_index(c, policy, requirement);
    *ci = (tui_check_info){.index = ri, .finding = -1, .at = {(int)policy, PC_NO_CLAUSE, -1}};
    if (ri < 0)
        return TUI_CHECK_NONE;
    ci->res = &c->reqs[ri];
    ci->parts = c->tax->reqs[requirement].nparts;
    for (size_t k = 0; k < ci->parts; k++)
        ci->met += !((ci->res->missing >> k) & 1);
    const pc_req_evidence *ev = pc_req_result_evidence(c, ci->res);
    if (ev)
        ci->at = ev->at;
    ci->finding = pc_req_result_finding(c, ci->res);
    pc_review_fit fit;
    const pc_decision *d = pc_review_map_req(app->s->map, (size_t)ri, &fit);
    ci->mark = tui_mark_of(d, fit);
    if (ci->res->status == PC_REQ_MET)
        return TUI_CHECK_MET;
    if (ci->res->status == PC_REQ_NOT_APPLICABLE)
        return TUI_CHECK_EXEMPT;
    return pc_review_map_req_dismissed(app->s->map, (size_t)ri) ? TUI_CHECK_DISMISSED
                                                                 : TUI_CHECK_MISSING;
}

int tui_model_ref(const tui_app *app, const pc_ref *ref, pc_buf *b)
{
    const pc_policy *p = app->s->pols[ref->policy];
    if (ref->clause != PC_NO_CLAUSE) {
        size_t len;
        const char *text = pc_policy_clause_text(p, ref->clause, &len);
        return pc_buf_printf(b, "%s, clause %zu: %.*s", p->id, ref->clause + 1, (int)len, text);
    }
    if (ref->section < 0 || (size_t)ref->section >= p->outline->nsections)
        return -1; /* a policy, not a place in it */
    const pc_section *s = &p->outline->sections[ref->section];
    return pc_buf_printf(b, "%s: the heading \"%.*s\"", p->id, (int)(s->title_end - s->title_start),
                         p->doc->text + s->title_start);
}

long tui_model_clause_finding(const tui_app *app, size_t policy, size_t clause)
{
    for (size_t i = 0; i < app->s->cmp->nfindings; i++) {
        const pc_finding *f = &app->s->cmp->findings[i];
        for (size_t r = 0; r < f->nrefs; r++)
            if (f->refs[r].policy == (int)policy && f->refs[r].clause == clause)
                return (long)i;
    }
    return -1;
}

int tui_model_labels(const pc_policy *p, size_t clause, const char *sep, int mark, pc_buf *b)
{
    size_t n = pc_policy_clause_nlabels(p, clause);
    int rc = pc_buf_adds(b, "");
    if (rc == 0 && mark && pc_policy_clause_relabelled(p, clause))
        rc = pc_buf_adds(b, n ? "✎ " : "✎ none");
    for (size_t k = 0; rc == 0 && k < n; k++)
        rc = pc_buf_printf(b, "%s%s", k ? sep : "",
                           p->cls->tax->cats[pc_policy_clause_label(p, clause, k).category].id);
    return rc;
}

void tui_model_mark_evidence(tui_screen *s, int y, int x, const pc_policy *p, size_t clause,
                             int under, size_t start, size_t end)
{
    for (size_t k = 0; k < pc_policy_clause_nlabels(p, clause); k++) {
        pc_eff_label l = pc_policy_clause_label(p, clause, k);
        if (!l.label || (under >= 0 && !pc_tax_is_under(p->cls->tax, l.category, under)))
            continue;
        for (size_t e = 0; e < pc_label_nspans(p->cls, l.label); e++) {
            int heading, ngram;
            pc_span sp = pc_label_span(p->cls, l.label, e, &heading, &ngram);
            size_t a = sp.start > start ? sp.start : start;
            size_t b = sp.end < end ? sp.end : end;
            if (heading || a >= b)
                continue;
            int off = tui_width(p->doc->text + start, a - start);
            tui_mark(s, y, x + off, tui_width(p->doc->text + a, b - a), TUI_S_MATCH,
                     ngram ? TUI_F_UNDERLINE : TUI_F_BOLD);
        }
    }
}

/* A search pattern is the reviewer's own regular expression: a catastrophic one ("(a+)+$")
 * must not freeze the UI, so matching runs under limits (a search that hits them fails). */
static pcre2_match_context *tui_search_context(void)
{
    static pcre2_match_context *ctx;
    if (!ctx && (ctx = pcre2_match_context_create(NULL)) != NULL) {
        pcre2_set_match_limit(ctx, 200000);
        pcre2_set_depth_limit(ctx, 10000);
    }
    return ctx;
}

int tui_search_match(const pcre2_code *re, const char *text, size_t len)
{
    if (!re)
        return 0;
    pcre2_match_data *md = pcre2_match_data_create(1, NULL);
    if (!md)
        return 0;
    int rc = pcre2_match(re, (PCRE2_SPTR)text, len, 0, 0, md, tui_search_context());
    pcre2_match_data_free(md);
    return rc >= 0;
}

void tui_mark_matches(const tui_app *app, tui_screen *s, int y, int x, const char *text,
                      pc_span para, pc_span line)
{
    const pcre2_code *re = app->search_re;
    pcre2_match_data *md = re && line.end > line.start ? pcre2_match_data_create(1, NULL) : NULL;
    const char *sub = text + para.start;
    size_t len = para.end - para.start, off = 0;
    for (int guard = 0; md && off <= len && guard < 256; guard++) {
        if (pcre2_match(re, (PCRE2_SPTR)sub, len, off, 0, md, tui_search_context()) < 0)
            break;
        PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
        size_t a = para.start + ov[0], b = para.start + ov[1];
        if (a >= line.end)
            break;
        a = a > line.start ? a : line.start;
        b = b < line.end ? b : line.end;
        if (a < b)
            tui_mark(s, y, x + tui_width(text + line.start, a - line.start),
                     tui_width(text + a, b - a), TUI_S_SEARCH, 0);
        off = ov[1] > ov[0] ? ov[1] : ov[1] + 1;
        while (off < len && ((unsigned char)sub[off] & 0xC0) == 0x80)
            off++; /* an empty match moves on by a whole character */
    }
    pcre2_match_data_free(md);
}

const char *tui_model_label(const tui_app *app, size_t policy)
{
    const pc_policy *p = app->s->pols[policy];
    for (size_t i = 0; i < app->s->npols; i++)
        if (i != policy && strcmp(app->s->pols[i]->label, p->label) == 0)
            return p->id; /* two policies with one name: the file names tell them apart */
    return p->label;
}

size_t tui_model_load_warnings(const tui_app *app)
{
    size_t n = 0;
    for (size_t i = 0; i < app->s->npols; i++)
        n += app->s->pols[i]->doc->nwarnings;
    return n;
}

/* view_checklist.c: the regime checklist (c). Rows are the requirements of the regimes selected
 * with --regime, in the taxonomy's order under their regime (groups fold), columns are the
 * policies side by side (grid.h): each cell says whether the policy meets the requirement, with
 * the clause that does ("✓ 12"), or not ("✗", "✗ 1/3" when some of its parts are disclosed),
 * or that it does not apply ("· n/a"; "⊘ n/a" when the reviewer dismissed it as not applicable).
 * Enter opens the clause that meets it, or explains what is missing. The reviewer marks, notes
 * and dismisses requirements here as findings elsewhere (the decision is the one its
 * missing-required finding carries). */
#include "app.h"
#include "grid.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define CL_REGIMES 3 /* PC_REGIME_GDPR, _CCPA, _COPPA: group g is regime bit 1 << g */

/* The view. Owns grid (first: grid.h). */
typedef struct cl_view {
    tui_grid grid;
    char name[160]; /* the last name asked for */
} cl_view;

/* A regime's name, or a requirement's id and name ("G1 identity and contact details..."). */
static const char *cl_name(tui_view *v, const tui_grid_row *r)
{
    cl_view *cv = v->data;
    if (r->item < 0)
        return pc_req_regime_name(1u << r->group);
    const pc_requirement *req = &v->app->s->tax->reqs[r->item];
    snprintf(cv->name, sizeof cv->name, "%s %s", req->id, req->name);
    return cv->name;
}

static void cl_item_cell(tui_check st, const tui_check_info *ci, char *buf, size_t n)
{
    const char *g = tui_check_glyph(st);
    if (st == TUI_CHECK_MET && ci->at.clause != PC_NO_CLAUSE)
        snprintf(buf, n, "%s %zu", g, ci->at.clause + 1);
    else if (st == TUI_CHECK_MET && ci->at.section >= 0)
        snprintf(buf, n, "%s title", g);
    else if (st == TUI_CHECK_MISSING && ci->met)
        snprintf(buf, n, "%s %zu/%zu", g, ci->met, ci->parts);
    else if (st == TUI_CHECK_EXEMPT || st == TUI_CHECK_DISMISSED)
        snprintf(buf, n, "%s n/a", g);
    else
        snprintf(buf, n, "%s", g);
    size_t len = strlen(buf);
    if (ci->mark != TUI_MARK_NONE && ci->mark != TUI_MARK_DISMISSED && len < n)
        snprintf(buf + len, n - len, " %s", tui_mark_glyph(ci->mark));
}

/* A regime's cell: how many of its requirements the policy meets, and how many are open. */
static tui_style cl_group_cell(tui_view *v, int group, size_t pi, char *buf, size_t n)
{
    const pc_taxonomy *tax = v->app->s->tax;
    size_t met = 0, missing = 0, total = 0;
    for (size_t r = 0; r < tax->nreqs; r++) {
        if (tax->reqs[r].regime != 1u << group)
            continue;
        tui_check_info ci;
        tui_check st = tui_model_check(v->app, pi, (int)r, &ci);
        total++;
        met += st == TUI_CHECK_MET || st == TUI_CHECK_EXEMPT || st == TUI_CHECK_DISMISSED;
        missing += st == TUI_CHECK_MISSING;
    }
    snprintf(buf, n, "%s %zu/%zu", tui_check_glyph(missing ? TUI_CHECK_MISSING : TUI_CHECK_MET),
             met, total);
    return missing ? TUI_S_MISSING : TUI_S_GROUP;
}

static tui_style cl_cell(tui_view *v, const tui_grid_row *r, size_t pi, char *buf, size_t n)
{
    if (r->item < 0)
        return cl_group_cell(v, r->group, pi, buf, n);
    tui_check_info ci;
    tui_check st = tui_model_check(v->app, pi, r->item, &ci);
    cl_item_cell(st, &ci, buf, n);
    return tui_check_style(st);
}

static int cl_notable(tui_view *v, const tui_grid_row *r, size_t pi)
{
    tui_check_info ci;
    return tui_model_check(v->app, pi, r->item, &ci) == TUI_CHECK_MISSING;
}

/* "alpha · G1 identity and contact details (GDPR Art. 13(1)(a)): met by clause 3 · reviewed". */
static void cl_describe(tui_view *v, const tui_grid_row *r, size_t pi, pc_buf *b)
{
    const pc_requirement *req = &v->app->s->tax->reqs[r->item];
    tui_check_info ci;
    tui_check st = tui_model_check(v->app, pi, r->item, &ci);
    pc_buf_printf(b, "%s · %s %s (", v->app->s->pols[pi]->name, req->id, req->name);
    for (size_t a = 0; a < req->narticles; a++)
        pc_buf_printf(b, "%s%s", a ? "; " : "", req->articles[a]);
    pc_buf_printf(b, "): %s", tui_check_name(st));
    if (st == TUI_CHECK_MET && ci.at.clause != PC_NO_CLAUSE)
        pc_buf_printf(b, " by clause %zu", ci.at.clause + 1);
    if (st == TUI_CHECK_MISSING || st == TUI_CHECK_DISMISSED)
        pc_buf_printf(b, ", %zu of %zu parts disclosed", ci.met, ci.parts);
    if (ci.mark != TUI_MARK_NONE && ci.mark != TUI_MARK_DISMISSED)
        pc_buf_printf(b, " · %s", tui_mark_name(ci.mark));
}

static void cl_draw_info(tui_view *v, tui_screen *s, int y)
{
    tui_grid *g = v->data;
    const tui_grid_row *r = tui_grid_current(v);
    pc_buf b = {0};
    if (r && r->item >= 0)
        cl_describe(v, r, g->col, &b);
    else if (r)
        pc_buf_printf(&b, "%s · %s: the requirements of %s, %s", v->app->s->pols[g->col]->name,
                      pc_req_regime_name(1u << r->group), pc_req_regime_name(1u << r->group),
                      "Enter folds them");
    tui_puts_trunc(s, y, 0, s->w, TUI_S_DIM, b.data ? b.data : "");
    pc_buf_free(&b);
}

static int cl_legend(size_t i, char *buf, size_t n, tui_style *style)
{
    static const tui_check order[] = {TUI_CHECK_MET, TUI_CHECK_MISSING, TUI_CHECK_DISMISSED,
                                      TUI_CHECK_EXEMPT};
    if (i >= sizeof order / sizeof order[0])
        return 0;
    snprintf(buf, n, "%s %s", tui_check_glyph(order[i]), tui_check_name(order[i]));
    *style = tui_check_style(order[i]);
    return 1;
}

static const tui_grid_ops cl_grid = {"Requirement", cl_name,      cl_cell,
                                     cl_notable,    cl_draw_info, cl_legend};

static int cl_open(tui_view *v, const tui_selection *arg)
{
    tui_grid *g = v->data;
    const pc_comparison *c = v->app->s->cmp;
    if (!c->by_requirement) {
        tui_app_message(v->app, 1, "no regime to check: start polcmp with --regime gdpr (or "
                                   "ccpa, coppa, all) for the checklist");
        return -1;
    }
    if (tui_grid_init(g, &cl_grid, CL_REGIMES) < 0)
        return -1;
    for (int grp = 0; grp < CL_REGIMES; grp++) {
        if (!(c->by_requirement & 1u << grp))
            continue;
        if (tui_grid_add(g, grp, -1, 0) < 0)
            return -1;
        for (size_t r = 0; r < c->tax->nreqs; r++)
            if (c->tax->reqs[r].regime == 1u << grp && tui_grid_add(g, grp, (int)r, 0) < 0)
                return -1;
    }
    int req = arg->requirement;
    for (size_t r = 0; req < 0 && arg->category >= 0 && r < c->tax->nreqs; r++)
        if (c->tax->reqs[r].category == arg->category && (c->tax->reqs[r].regime & c->by_requirement))
            req = (int)r; /* opened on a matrix row: its requirement */
    int grp = req >= 0 ? __builtin_ctz(c->tax->reqs[req].regime) : -1;
    tui_grid_start(v, grp, req, arg->policy);
    return g->visible ? 0 : -1;
}

static void cl_close(tui_view *v)
{
    tui_grid_free(v->data);
}

static void cl_selection(tui_view *v, tui_selection *sel)
{
    const tui_grid_row *r = tui_grid_current(v);
    size_t pi = ((tui_grid *)v->data)->col;
    sel->policy = (int)pi;
    if (!r || r->item < 0) {
        sel->kind = TUI_SEL_NONE;
        return;
    }
    tui_check_info ci;
    tui_model_check(v->app, pi, r->item, &ci);
    sel->kind = ci.res ? TUI_SEL_REQUIREMENT : TUI_SEL_NONE;
    sel->requirement = r->item;
    sel->category = v->app->s->tax->reqs[r->item].category;
    sel->clause = ci.at.clause;
    sel->finding = ci.finding;
}

/* Enter: the clause that meets the requirement (or shows it does not apply), or what is
 * missing explained. */
static void cl_enter(tui_view *v)
{
    tui_selection sel;
    cl_selection(v, &sel);
    if (sel.finding >= 0) {
        sel.kind = TUI_SEL_FINDING;
        tui_app_open_view(v->app, TUI_VIEW_EXPLAIN, &sel);
    } else if (sel.clause != PC_NO_CLAUSE) {
        sel.kind = TUI_SEL_CLAUSE;
        tui_app_open_view(v->app, TUI_VIEW_DOCUMENT, &sel);
    } else {
        tui_app_message(v->app, 0, "no clause to show: the policy meets it under a heading");
    }
}

static int cl_command(tui_view *v, tui_cmd cmd)
{
    const tui_grid_row *r = tui_grid_current(v);
    if (cmd != TUI_CMD_ENTER)
        return tui_grid_command(v, cmd);
    if (r && r->item < 0)
        tui_grid_fold(v);
    else if (r)
        cl_enter(v);
    return 1;
}

/* Search looks at requirements: id, name and articles. */
static int cl_match(tui_view *v, size_t row, const pcre2_code *re)
{
    const tui_grid_row *r = &((tui_grid *)v->data)->rows[row];
    if (r->item < 0)
        return 0;
    const pc_requirement *req = &v->app->s->tax->reqs[r->item];
    int hit = tui_search_match(re, req->id, strlen(req->id)) ||
              tui_search_match(re, req->name, strlen(req->name));
    for (size_t a = 0; !hit && a < req->narticles; a++)
        hit = tui_search_match(re, req->articles[a], strlen(req->articles[a]));
    return hit;
}

/* ) and (: a requirement whose decision on some policy needs review again. */
static unsigned cl_flags(tui_view *v, size_t row)
{
    const tui_grid_row *r = &((tui_grid *)v->data)->rows[row];
    for (size_t pi = 0; r->item >= 0 && pi < v->app->s->npols; pi++) {
        tui_check_info ci;
        tui_model_check(v->app, pi, r->item, &ci);
        if (ci.mark == TUI_MARK_STALE)
            return TUI_ITEM_STALE;
    }
    return 0;
}

/* `e`: the requirements shown (a folded regime's are not), on every policy. */
static int cl_rows(tui_view *v, tui_export *out)
{
    tui_grid *g = v->data;
    const pc_comparison *c = v->app->s->cmp;
    size_t n = 0, nreq = 0;
    if (!(out->idx = malloc((c->nreqs ? c->nreqs : 1) * sizeof *out->idx)))
        return -1;
    for (size_t pi = 0; pi < c->npolicies; pi++)
        for (size_t i = 0; i < v->list.n; i++) {
            const tui_grid_row *r = &g->rows[g->visible[i]];
            long ri = r->item >= 0 ? pc_req_result_index(c, pi, r->item) : -1;
            if (ri >= 0)
                out->idx[n++] = (size_t)ri;
            nreq += pi == 0 && r->item >= 0;
        }
    out->rows = (pc_rows){PC_ROWS_REQUIREMENTS, out->idx, n, -1, -1, NULL};
    snprintf(out->what, sizeof out->what, "the checklist (%zu requirements × %zu policies)", nreq,
             c->npolicies);
    snprintf(out->name, sizeof out->name, "polcmp-checklist");
    return 0;
}

static const tui_hint cl_hints[] = {{TUI_CMD_ENTER, "open"},
                                    {TUI_CMD_NEXT_FINDING, "next ✗"},
                                    {TUI_CMD_MARK, "mark"},
                                    {TUI_CMD_DISMISS, "not applicable"},
                                    {TUI_CMD_HELP, "help"},
                                    {TUI_CMD_NONE, 0}};

const tui_view_ops tui_view_checklist = {
    .name = "checklist",
    .size = sizeof(cl_view),
    .hints = cl_hints,
    .open = cl_open,
    .close = cl_close,
    .draw = tui_grid_draw,
    .command = cl_command,
    .selection = cl_selection,
    .items = tui_grid_items,
    .go = tui_grid_go,
    .match = cl_match,
    .flags = cl_flags,
    .click = tui_grid_click,
    .rows = cl_rows,
};

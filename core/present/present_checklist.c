/* present_checklist.c: the regime checklist as a table (present.h): every requirement of the
 * selected regimes checked on every policy, with the clause that meets it and the reviewer's
 * decision, one row per requirement and policy so that a spreadsheet filters it either way. */
#include "present/present_internal.h"

#include <string.h>

/* "not disclosed: how to contact the controller", "met", "not applicable". */
static void pc_check_status(const pc_comparison *c, const pc_req_result *res, int dismissed,
                            pc_buf *b)
{
    const pc_requirement *req = &c->tax->reqs[res->requirement];
    b->len = 0;
    pc_buf_adds(b, res->status == PC_REQ_MET              ? "met"
                   : res->status == PC_REQ_NOT_APPLICABLE ? "not applicable"
                                                          : "not disclosed");
    if (res->status != PC_REQ_NOT_DISCLOSED)
        return;
    size_t shown = 0;
    for (size_t k = 0; res->missing != (1ul << req->nparts) - 1 && k < req->nparts; k++)
        if ((res->missing >> k) & 1)
            pc_buf_printf(b, "%s%s", shown++ ? ", " : ": ", req->parts[k].name);
    if (dismissed)
        pc_buf_adds(b, " (dismissed by the reviewer: not applicable)");
}

/* The clause (1-based number) and its excerpt, or the section title, a result rests on. */
static void pc_check_evidence(const pc_comparison *c, const pc_req_result *res, pc_table *t,
                              size_t row, pc_buf *b)
{
    const pc_req_evidence *ev = pc_req_result_evidence(c, res);
    const pc_policy *p = c->policies[res->policy];
    char ex[240];
    b->len = 0;
    pc_buf_adds(b, "");
    if (ev && ev->at.clause != PC_NO_CLAUSE) {
        pc_buf_printf(b, "%zu", ev->at.clause + 1);
        pc_policy_excerpt(p, ev->at.clause, 200, ex, sizeof ex);
        pc_table_set(t, row, 6, ex, PC_MARK_NONE);
    } else if (ev && ev->at.section >= 0) {
        const pc_section *s = &p->outline->sections[ev->at.section];
        pc_buf_printf(b, "section \"%.*s\"", (int)(s->title_end - s->title_start),
                      p->doc->text + s->title_start);
    }
    pc_table_set(t, row, 5, b->data, PC_MARK_NONE);
}

static void pc_check_row(const pc_comparison *c, const pc_review_map *map, size_t i, pc_table *t,
                         pc_buf *b)
{
    const pc_req_result *res = &c->reqs[i];
    const pc_requirement *req = &c->tax->reqs[res->requirement];
    long row = pc_table_add_row(t);
    if (row < 0)
        return;
    size_t r = (size_t)row;
    pc_table_set(t, r, 0, pc_req_regime_name(req->regime), PC_MARK_NONE);
    b->len = 0;
    pc_buf_printf(b, "%s %s", req->id, req->name);
    pc_table_set(t, r, 1, b->data, PC_MARK_HEADER);
    b->len = 0;
    pc_buf_adds(b, "");
    for (size_t a = 0; a < req->narticles; a++)
        pc_buf_printf(b, "%s%s", a ? "; " : "", req->articles[a]);
    pc_table_set(t, r, 2, b->data, PC_MARK_NONE);
    pc_table_set(t, r, 3, c->policies[res->policy]->id, PC_MARK_NONE);
    int dismissed = map && pc_review_map_req_dismissed(map, i);
    pc_check_status(c, res, dismissed, b);
    pc_mark m = res->status == PC_REQ_MET ? PC_MARK_COVERED
                : res->status == PC_REQ_NOT_DISCLOSED && !dismissed ? PC_MARK_MISSING
                                                                    : PC_MARK_NONE;
    pc_table_set(t, r, 4, b->data, m);
    pc_check_evidence(c, res, t, r, b);
    if (!map)
        return;
    pc_review_fit fit;
    const pc_decision *d = pc_review_map_req(map, i, &fit);
    pc_table_set(t, r, 7, pc_present_review_word(d, fit),
                 d && fit == PC_FIT_STALE ? PC_MARK_WARNING : PC_MARK_NONE);
    pc_table_set(t, r, 8, d && d->note ? d->note : "", PC_MARK_NONE);
}

void pc_report_checklist(const pc_comparison *c, const pc_review_map *map, const pc_rows *rows,
                         pc_report *r)
{
    static const char *const head[] = {"Regime", "Requirement", "Articles", "Policy", "Status",
                                       "Clause", "Evidence",    "Review",   "Note"};
    size_t ncols = map ? 9 : 7;
    pc_table *t = pc_present_table_head(r, "Checklist", rows, head, ncols);
    if (!t)
        return;
    pc_buf b = {0};
    for (size_t k = 0; k < (rows && rows->idx ? rows->n : c->nreqs); k++)
        pc_check_row(c, map, rows && rows->idx ? rows->idx[k] : k, t, &b);
    pc_buf_free(&b);
}

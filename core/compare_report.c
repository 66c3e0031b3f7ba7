/* compare_report.c: a pc_comparison rendered for people (pc_report: matrix, attribute values,
 * findings) and for scripts (the JSON of DESIGN.md). Both read the comparison only. */
#include "compare_internal.h"

#include <string.h>

/* The strongest finding mark for (category, policy), or PC_MARK_NONE. */
static pc_mark pc_finding_mark(const pc_comparison *c, int cat, size_t pi)
{
    pc_mark m = PC_MARK_NONE;
    for (size_t i = 0; i < c->nfindings; i++) {
        const pc_finding *f = &c->findings[i];
        if (f->category != cat || !((f->policies >> pi) & 1))
            continue;
        if (f->kind == PC_FIND_CONTRADICTION)
            return PC_MARK_CONTRADICTION;
        if (f->kind == PC_FIND_DISAGREEMENT)
            m = PC_MARK_DISAGREEMENT;
    }
    return m;
}

static void pc_matrix_cell(const pc_comparison *c, int cat, size_t pi, pc_buf *b, pc_mark *mark)
{
    const pc_cell_info *cell = pc_comparison_cell(c, cat, pi);
    b->len = 0;
    pc_buf_adds(b, "");
    if (cell->covered) {
        char ex[120];
        pc_cmp_excerpt(c->policies[pi], cell->clauses[0], 60, ex, sizeof ex);
        pc_buf_printf(b, "covered (%zu): %s", cell->nclauses, ex);
        *mark = PC_MARK_COVERED;
    } else if (cell->required) {
        pc_buf_adds(b, "missing-required");
        *mark = PC_MARK_MISSING;
    } else if (cell->peers) {
        pc_buf_adds(b, "gap");
        *mark = PC_MARK_GAP;
    } else {
        pc_buf_adds(b, "-");
        *mark = PC_MARK_NONE;
    }
    pc_mark f = pc_finding_mark(c, cat, pi);
    if (f != PC_MARK_NONE) {
        pc_buf_printf(b, " [%s]", pc_mark_name(f));
        *mark = f;
    }
}

static int pc_depth(const pc_taxonomy *tax, int cat)
{
    int d = 0;
    while ((cat = tax->cats[cat].parent) >= 0)
        d++;
    return d;
}

static void pc_report_matrix(const pc_comparison *c, pc_report *r)
{
    pc_table *t = pc_report_add_table(r, "Matrix", c->npolicies + 1);
    if (!t)
        return;
    pc_table_add_row(t);
    pc_table_set(t, 0, 0, "Category", PC_MARK_HEADER);
    for (size_t pi = 0; pi < c->npolicies; pi++)
        pc_table_set(t, 0, pi + 1, c->policies[pi]->name, PC_MARK_HEADER);
    pc_buf b = {0};
    for (int g = 0; g < PC_OPP_COUNT; g++) {
        long row = pc_table_add_row(t);
        pc_table_set(t, (size_t)row, 0, pc_opp10_name(g), PC_MARK_GROUP);
        for (size_t cat = 0; cat < c->tax->ncats; cat++) {
            if (c->tax->cats[cat].opp10 != g)
                continue;
            row = pc_table_add_row(t);
            b.len = 0;
            pc_buf_printf(&b, "%*s%s", 2 * pc_depth(c->tax, (int)cat), "",
                          c->tax->cats[cat].name);
            pc_table_set(t, (size_t)row, 0, b.data, PC_MARK_HEADER);
            for (size_t pi = 0; pi < c->npolicies; pi++) {
                pc_mark m;
                pc_matrix_cell(c, (int)cat, pi, &b, &m);
                pc_table_set(t, (size_t)row, pi + 1, b.data, m);
            }
        }
    }
    pc_buf_free(&b);
}

static int pc_attr_disagrees(const pc_comparison *c, int attr)
{
    for (size_t i = 0; i < c->nfindings; i++)
        if (c->findings[i].attribute == attr)
            return 1;
    return 0;
}

static void pc_report_values(const pc_comparison *c, pc_report *r)
{
    pc_table *t = pc_report_add_table(r, "Stated values", c->npolicies + 1);
    if (!t)
        return;
    pc_table_add_row(t);
    pc_table_set(t, 0, 0, "Attribute", PC_MARK_HEADER);
    for (size_t pi = 0; pi < c->npolicies; pi++)
        pc_table_set(t, 0, pi + 1, c->policies[pi]->name, PC_MARK_HEADER);
    pc_buf b = {0};
    for (size_t a = 0; a < c->tax->nattrs; a++) {
        long row = pc_table_add_row(t);
        pc_table_set(t, (size_t)row, 0, c->tax->attrs[a].name, PC_MARK_HEADER);
        pc_mark m = pc_attr_disagrees(c, (int)a) ? PC_MARK_DISAGREEMENT : PC_MARK_NONE;
        for (size_t pi = 0; pi < c->npolicies; pi++) {
            b.len = 0;
            pc_buf_adds(&b, "");
            for (size_t i = 0; i < c->nvalues; i++) {
                const pc_attr_value *v = &c->values[i];
                if (v->hit->attribute != (int)a || v->policy != (int)pi ||
                    (b.len && strstr(b.data, v->hit->norm.text)))
                    continue;
                pc_buf_printf(&b, "%s%s", b.len ? ", " : "", v->hit->norm.text);
            }
            pc_table_set(t, (size_t)row, pi + 1, b.len ? b.data : "-", b.len ? m : PC_MARK_NONE);
        }
    }
    pc_buf_free(&b);
}

static pc_mark pc_kind_mark(pc_finding_kind k)
{
    switch (k) {
    case PC_FIND_MISSING: return PC_MARK_MISSING;
    case PC_FIND_CONTRADICTION: return PC_MARK_CONTRADICTION;
    case PC_FIND_DISAGREEMENT: return PC_MARK_DISAGREEMENT;
    case PC_FIND_GAP: return PC_MARK_GAP;
    default: return PC_MARK_WARNING;
    }
}

/* The evidence of a finding as lines "policy #clause: text". */
static void pc_evidence_text(const pc_comparison *c, const pc_finding *f, pc_buf *b)
{
    b->len = 0;
    pc_buf_adds(b, "");
    for (size_t i = 0; i < f->nrefs; i++) {
        const pc_ref *ref = &f->refs[i];
        const pc_policy *p = c->policies[ref->policy];
        char ex[240];
        if (ref->clause != PC_NO_CLAUSE) {
            pc_cmp_excerpt(p, ref->clause, 200, ex, sizeof ex);
            pc_buf_printf(b, "%s%s #%zu: %s", b->len ? "\n" : "", p->id, ref->clause, ex);
        } else if (ref->section >= 0) {
            const pc_section *s = &p->outline->sections[ref->section];
            pc_buf_printf(b, "%s%s section \"%.*s\"", b->len ? "\n" : "", p->id,
                          (int)(s->title_end - s->title_start), p->doc->text + s->title_start);
        }
    }
}

static void pc_report_findings(const pc_comparison *c, pc_report *r)
{
    static const char *const head[] = {"Severity", "Kind", "Category", "Policies", "Message",
                                       "Evidence"};
    pc_table *t = pc_report_add_table(r, "Findings", 6);
    if (!t)
        return;
    pc_table_add_row(t);
    for (size_t i = 0; i < 6; i++)
        pc_table_set(t, 0, i, head[i], PC_MARK_HEADER);
    pc_buf b = {0};
    for (size_t i = 0; i < c->nfindings; i++) {
        const pc_finding *f = &c->findings[i];
        long row = pc_table_add_row(t);
        pc_mark m = pc_kind_mark(f->kind);
        pc_table_set(t, (size_t)row, 0, pc_severity_name(f->severity), m);
        pc_table_set(t, (size_t)row, 1, pc_finding_kind_name(f->kind), m);
        pc_table_set(t, (size_t)row, 2, f->category >= 0 ? c->tax->cats[f->category].name : "",
                     PC_MARK_NONE);
        b.len = 0;
        pc_buf_adds(&b, "");
        for (size_t pi = 0; pi < c->npolicies; pi++)
            if ((f->policies >> pi) & 1)
                pc_buf_printf(&b, "%s%s", b.len ? ", " : "", c->policies[pi]->id);
        pc_table_set(t, (size_t)row, 3, b.data, PC_MARK_NONE);
        pc_table_set(t, (size_t)row, 4, f->message, PC_MARK_NONE);
        pc_evidence_text(c, f, &b);
        pc_table_set(t, (size_t)row, 5, b.data, PC_MARK_NONE);
    }
    pc_buf_free(&b);
}

pc_report *pc_comparison_report(const pc_comparison *c)
{
    pc_report *r = pc_report_new("Privacy policy comparison");
    if (!r)
        return NULL;
    pc_report_matrix(c, r);
    pc_report_values(c, r);
    pc_report_findings(c, r);
    return r;
}

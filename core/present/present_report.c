/* present_report.c: a pc_comparison rendered for people (pc_report: matrix, attribute values,
 * findings and, with a review, the reviewer's decisions; present.h), whole or the rows a screen
 * shows (the clauses table is present_clauses.c, the checklist present_checklist.c). The JSON for scripts is present_json.c. */
#include "present/present.h"
#include "present/present_internal.h"

#include <string.h>

/* The findings on a cell (category, policy): the strongest open one's mark (contradiction or
 * disagreement; PC_MARK_NONE when neither), how many there are, how many were dismissed and
 * which kinds are still open (bit k: kind k). */
static pc_mark pc_cell_findings(const pc_comparison *c, const pc_review_map *map, int cat,
                                size_t pi, size_t *total, size_t *dismissed, unsigned *open)
{
    pc_mark m = PC_MARK_NONE;
    *total = *dismissed = 0;
    *open = 0;
    for (size_t i = 0; i < c->nfindings; i++) {
        const pc_finding *f = &c->findings[i];
        if (f->category != cat || !((f->policies >> pi) & 1))
            continue;
        (*total)++;
        if (map && pc_review_map_dismissed(map, i)) {
            (*dismissed)++;
            continue;
        }
        *open |= 1u << f->kind;
        if (f->kind == PC_FIND_CONTRADICTION)
            m = PC_MARK_CONTRADICTION;
        else if (f->kind == PC_FIND_DISAGREEMENT && m != PC_MARK_CONTRADICTION)
            m = PC_MARK_DISAGREEMENT;
    }
    return m;
}

/* How many of a covered cell's clauses the reviewer marked reviewed or relabelled, in brackets
 * after the cell's text: " [2 reviewed, 1 relabelled]". */
static void pc_cell_decisions(const pc_comparison *c, const pc_review_map *map,
                              const pc_cell_info *cell, size_t pi, pc_buf *b)
{
    size_t reviewed = 0, relabelled = 0;
    for (size_t k = 0; k < cell->nclauses; k++) {
        pc_review_fit fit = PC_FIT_NONE;
        const pc_decision *d = map ? pc_review_map_clause(map, pi, cell->clauses[k], &fit) : NULL;
        reviewed += d && fit == PC_FIT_CURRENT && d->status == PC_REV_REVIEWED;
        relabelled += pc_policy_clause_relabelled(c->policies[pi], cell->clauses[k]) != 0;
    }
    if (reviewed || relabelled)
        pc_buf_printf(b, " [%zu reviewed, %zu relabelled]", reviewed, relabelled);
}

/* A matrix cell: "covered (N): first words...", "missing-required", "gap" or "-", then how
 * many of its clauses the reviewer reviewed or relabelled, the strongest open finding in
 * brackets and how many findings the reviewer dismissed. A gap or a missing disclosure whose
 * finding was dismissed is no longer marked as one. */
static void pc_matrix_cell(const pc_comparison *c, const pc_review_map *map, int cat, size_t pi,
                           pc_buf *b, pc_mark *mark)
{
    const pc_cell_info *cell = pc_comparison_cell(c, cat, pi);
    b->len = 0;
    pc_buf_adds(b, "");
    if (cell->covered) {
        char ex[120];
        pc_policy_excerpt(c->policies[pi], cell->clauses[0], 60, ex, sizeof ex);
        pc_buf_printf(b, "covered (%zu): %s", cell->nclauses, ex);
        pc_cell_decisions(c, map, cell, pi, b);
        *mark = PC_MARK_COVERED;
    } else if (cell->required & ~c->by_requirement) {
        pc_buf_adds(b, "missing-required");
        *mark = PC_MARK_MISSING;
    } else if (cell->peers) {
        pc_buf_adds(b, "gap");
        *mark = PC_MARK_GAP;
    } else {
        pc_buf_adds(b, "-");
        *mark = PC_MARK_NONE;
    }
    size_t total, dismissed;
    unsigned open;
    pc_mark f = pc_cell_findings(c, map, cat, pi, &total, &dismissed, &open);
    if (f != PC_MARK_NONE) {
        pc_buf_printf(b, " [%s]", pc_mark_name(f));
        *mark = f;
    }
    if (!dismissed)
        return;
    pc_buf_printf(b, " [%zu of %zu finding%s dismissed]", dismissed, total, total == 1 ? "" : "s");
    if ((*mark == PC_MARK_MISSING && !(open & (1u << PC_FIND_MISSING))) ||
        (*mark == PC_MARK_GAP && !(open & (1u << PC_FIND_GAP))))
        *mark = PC_MARK_NONE;
}

static int pc_depth(const pc_taxonomy *tax, int cat)
{
    int d = 0;
    while ((cat = tax->cats[cat].parent) >= 0)
        d++;
    return d;
}

/* A table's header row: `first`, then one column per policy, by name. */
static void pc_policies_head(pc_table *t, const pc_comparison *c, const char *first)
{
    pc_table_add_row(t);
    pc_table_set(t, 0, 0, first, PC_MARK_HEADER);
    for (size_t pi = 0; pi < c->npolicies; pi++)
        pc_table_set(t, 0, pi + 1, c->policies[pi]->name, PC_MARK_HEADER);
}

/* The matrix: every category, or the ones chosen (rows), under their groups. */
static void pc_report_matrix(const pc_comparison *c, const pc_review_map *map,
                             const pc_rows *rows, pc_report *r)
{
    pc_table *t = pc_present_table(r, "Matrix", rows, c->npolicies + 1);
    if (!t)
        return;
    pc_policies_head(t, c, "Category");
    pc_buf b = {0};
    for (int g = 0; g < PC_OPP_COUNT; g++) {
        long row = pc_table_add_row(t);
        pc_table_set(t, (size_t)row, 0, pc_opp10_name(g), PC_MARK_GROUP);
        for (size_t cat = 0; cat < c->tax->ncats; cat++) {
            if (c->tax->cats[cat].opp10 != g || !pc_rows_has(rows, cat))
                continue;
            row = pc_table_add_row(t);
            b.len = 0;
            pc_buf_printf(&b, "%*s%s", 2 * pc_depth(c->tax, (int)cat), "",
                          c->tax->cats[cat].name);
            pc_table_set(t, (size_t)row, 0, b.data, PC_MARK_HEADER);
            for (size_t pi = 0; pi < c->npolicies; pi++) {
                pc_mark m;
                pc_matrix_cell(c, map, (int)cat, pi, &b, &m);
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
    pc_policies_head(t, c, "Attribute");
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

/* What the reviewer decided on a clause, for the evidence: " (reviewed; relabelled)". */
static void pc_clause_decision_text(const pc_comparison *c, const pc_review_map *map, size_t pi,
                                    size_t ci, pc_buf *b)
{
    pc_review_fit fit = PC_FIT_NONE;
    const pc_decision *d = map ? pc_review_map_clause(map, pi, ci, &fit) : NULL;
    const char *word = pc_present_review_word(d, fit);
    int relabelled = pc_policy_clause_relabelled(c->policies[pi], ci);
    if (*word || relabelled)
        pc_buf_printf(b, " (%s%s%s)", word, *word && relabelled ? "; " : "",
                      relabelled ? "relabelled" : "");
}

/* The evidence of a finding as lines "policy #N (decision): text", N the 1-based number people
 * see everywhere. */
static void pc_evidence_text(const pc_comparison *c, const pc_review_map *map,
                             const pc_finding *f, pc_buf *b)
{
    b->len = 0;
    pc_buf_adds(b, "");
    for (size_t i = 0; i < f->nrefs; i++) {
        const pc_ref *ref = &f->refs[i];
        const pc_policy *p = c->policies[ref->policy];
        char ex[240];
        if (ref->clause != PC_NO_CLAUSE) {
            pc_policy_excerpt(p, ref->clause, 200, ex, sizeof ex);
            pc_buf_printf(b, "%s%s #%zu", b->len ? "\n" : "", p->id, ref->clause + 1);
            pc_clause_decision_text(c, map, (size_t)ref->policy, ref->clause, b);
            pc_buf_printf(b, ": %s", ex);
        } else if (ref->section >= 0) {
            const pc_section *s = &p->outline->sections[ref->section];
            pc_buf_printf(b, "%s%s section \"%.*s\"", b->len ? "\n" : "", p->id,
                          (int)(s->title_end - s->title_start), p->doc->text + s->title_start);
        }
    }
}

static void pc_finding_review(const pc_review_map *map, size_t i, pc_table *t, size_t row)
{
    pc_review_fit fit;
    const pc_decision *d = pc_review_map_finding(map, i, &fit);
    pc_table_set(t, row, 6, pc_present_review_word(d, fit),
                 d && fit == PC_FIT_STALE ? PC_MARK_WARNING : PC_MARK_NONE);
    pc_table_set(t, row, 7, d && d->note ? d->note : "", PC_MARK_NONE);
}

static void pc_report_findings(const pc_comparison *c, const pc_review_map *map,
                               const pc_rows *rows, pc_report *r)
{
    static const char *const head[] = {"Severity", "Kind",     "Category", "Policies",
                                       "Message",  "Evidence", "Review",   "Note"};
    size_t ncols = map ? 8 : 6;
    pc_table *t = pc_present_table_head(r, "Findings", rows, head, ncols);
    if (!t)
        return;
    pc_buf b = {0};
    for (size_t k = 0; k < (rows && rows->idx ? rows->n : c->nfindings); k++) {
        size_t i = rows && rows->idx ? rows->idx[k] : k;
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
        pc_evidence_text(c, map, f, &b);
        pc_table_set(t, (size_t)row, 5, b.data, PC_MARK_NONE);
        if (map)
            pc_finding_review(map, i, t, (size_t)row);
    }
    pc_buf_free(&b);
}

/* Where decision di sits: the first clause it is placed on (*pi, *ci), or its fit NONE. */
static pc_review_fit pc_decision_place(const pc_review_map *m, size_t di, size_t *pi, size_t *ci)
{
    for (*pi = 0; *pi < m->cmp->npolicies; (*pi)++)
        for (*ci = 0; *ci < m->cmp->policies[*pi]->outline->nclauses; (*ci)++)
            if (m->clause[*pi][*ci] == (long)di)
                return m->clause_fit[*pi][*ci];
    return PC_FIT_NONE;
}

static int pc_policy_compared(const pc_comparison *c, const char *id)
{
    for (size_t pi = 0; pi < c->npolicies; pi++)
        if (strcmp(c->policies[pi]->id, id) == 0)
            return 1;
    return 0;
}

/* The "Fit" cell of a decision not on a finding. */
static const char *pc_fit_text(const pc_review_map *m, const pc_decision *d, pc_review_fit fit,
                               size_t pi, size_t ci, pc_buf *b)
{
    b->len = 0;
    pc_buf_adds(b, "");
    if (fit == PC_FIT_CURRENT)
        return "current";
    if (!pc_policy_compared(m->cmp, d->policy))
        return "policy not in this comparison";
    if (fit == PC_FIT_NONE)
        return d->is_finding ? "finding no longer reported" : "clause no longer in the policy";
    char ex[240];
    pc_policy_excerpt(m->cmp->policies[pi], ci, 200, ex, sizeof ex);
    pc_buf_printf(b, "needs review again: the clause now reads \"%s\"", ex);
    return b->data;
}

static void pc_labels_text(const pc_decision *d, pc_buf *b)
{
    b->len = 0;
    pc_buf_adds(b, d->relabelled && d->nlabels == 0 ? "(none)" : "");
    for (size_t i = 0; d->relabelled && i < d->nlabels; i++)
        pc_buf_printf(b, "%s%s", i ? ", " : "", d->labels[i]);
}

/* One row of the "Review notes" table. */
static void pc_review_row(const pc_review_map *m, size_t di, pc_table *t, pc_buf *b)
{
    const pc_decision *d = &m->review->items[di];
    size_t pi = 0, ci = 0;
    pc_review_fit fit = pc_decision_place(m, di, &pi, &ci);
    long row = pc_table_add_row(t);
    if (row < 0)
        return;
    size_t r = (size_t)row;
    pc_table_set(t, r, 0, d->policy, PC_MARK_NONE);
    pc_table_set(t, r, 1, d->section ? d->section : "", PC_MARK_NONE);
    b->len = 0;
    pc_buf_printf(b, "%s%s", d->is_finding ? "finding: " : "", d->key);
    pc_table_set(t, r, 2, b->data, PC_MARK_NONE);
    pc_table_set(t, r, 3, pc_review_status_name(d->status), PC_MARK_NONE);
    pc_labels_text(d, b);
    pc_table_set(t, r, 4, b->data, PC_MARK_NONE);
    pc_table_set(t, r, 5, d->note ? d->note : "", PC_MARK_NONE);
    const char *fits = pc_fit_text(m, d, fit, pi, ci, b);
    pc_table_set(t, r, 6, fits, fit == PC_FIT_CURRENT ? PC_MARK_NONE : PC_MARK_WARNING);
}

static int pc_is_orphan(const pc_review_map *m, size_t di)
{
    for (size_t k = 0; k < m->norphans; k++)
        if (m->orphans[k] == di)
            return 1;
    return 0;
}

/* Every clause decision and every orphan, in the review file's order. */
static void pc_report_review(const pc_review_map *m, pc_report *r)
{
    static const char *const head[] = {"Policy", "Section", "Clause", "Status",
                                       "Labels set by the reviewer", "Note", "Fit"};
    pc_table *t = pc_present_table_head(r, "Review notes", NULL, head, 7);
    if (!t)
        return;
    pc_buf b = {0};
    for (size_t di = 0; di < m->review->n; di++)
        if (!m->review->items[di].is_finding || pc_is_orphan(m, di))
            pc_review_row(m, di, t, &b);
    pc_buf_free(&b);
}

pc_report *pc_present_report(const pc_comparison *c, const pc_review_map *map)
{
    return pc_present_report_rows(c, map, NULL);
}

pc_report *pc_present_report_rows(const pc_comparison *c, const pc_review_map *map,
                                  const pc_rows *rows)
{
    pc_report *r = pc_report_new("Privacy policy comparison");
    pc_rows_kind kind = rows ? rows->kind : PC_ROWS_ALL;
    if (!r)
        return NULL;
    if (kind == PC_ROWS_ALL || kind == PC_ROWS_MATRIX)
        pc_report_matrix(c, map, rows, r);
    if (kind == PC_ROWS_ALL)
        pc_report_values(c, r);
    if (kind == PC_ROWS_ALL || kind == PC_ROWS_FINDINGS)
        pc_report_findings(c, map, rows, r);
    if ((kind == PC_ROWS_ALL && c->nreqs) || kind == PC_ROWS_REQUIREMENTS)
        pc_report_checklist(c, map, kind == PC_ROWS_ALL ? NULL : rows, r);
    if (kind == PC_ROWS_CLAUSES)
        pc_report_clauses(c, map, rows, r);
    if (kind == PC_ROWS_ALL && map)
        pc_report_review(map, r);
    return r;
}

/* present_clauses.c: the clauses one screen shows (a category's clauses in every policy, or a
 * policy's whole text), as a table and as JSON, each with its number, section, labels (the
 * reviewer's where relabelled), the findings that cite it and the reviewer's decision
 * (present.h, PC_ROWS_CLAUSES). */
#include "present/present_internal.h"

#include <stdlib.h>

/* The clauses of policy pi that rows choose: rows' own or the cell's (*list, *n) or, with *list
 * NULL, the first *n clauses. 0 when the policy is not chosen. */
static int pc_clause_range(const pc_comparison *c, const pc_rows *rows, size_t pi,
                           const size_t **list, size_t *n)
{
    if (rows->policy >= 0 && (size_t)rows->policy != pi)
        return 0;
    const pc_cell_info *cell = rows->category >= 0 ? pc_comparison_cell(c, rows->category, pi) : NULL;
    *list = rows->idx ? rows->idx : cell ? cell->clauses : NULL;
    *n = rows->idx ? rows->n : cell ? cell->nclauses : c->policies[pi]->outline->nclauses;
    return 1;
}

/* "a, b", "(none)" for a relabel to nothing, and who set them. */
static void pc_clause_labels(const pc_comparison *c, size_t pi, size_t ci, pc_buf *b)
{
    const pc_policy *p = c->policies[pi];
    size_t n = pc_policy_clause_nlabels(p, ci);
    b->len = 0;
    pc_buf_adds(b, "");
    for (size_t k = 0; k < n; k++)
        pc_buf_printf(b, "%s%s", k ? ", " : "",
                      c->tax->cats[pc_policy_clause_label(p, ci, k).category].id);
    if (pc_policy_clause_relabelled(p, ci))
        pc_buf_printf(b, "%s(set by the reviewer)", n ? " " : "(none) ");
}

/* The findings that cite the clause: "contradiction, vague (dismissed)". */
static void pc_clause_findings(const pc_comparison *c, const pc_review_map *map, size_t pi,
                               size_t ci, pc_buf *b)
{
    b->len = 0;
    pc_buf_adds(b, "");
    for (size_t i = 0; i < c->nfindings; i++)
        for (size_t r = 0; r < c->findings[i].nrefs; r++)
            if (c->findings[i].refs[r].policy == (int)pi && c->findings[i].refs[r].clause == ci) {
                pc_buf_printf(b, "%s%s%s", b->len ? ", " : "",
                              pc_finding_kind_name(c->findings[i].kind),
                              map && pc_review_map_dismissed(map, i) ? " (dismissed)" : "");
                break;
            }
}

static void pc_clause_row(const pc_comparison *c, const pc_review_map *map, size_t pi, size_t ci,
                          pc_table *t, pc_buf *b)
{
    const pc_policy *p = c->policies[pi];
    long row = pc_table_add_row(t);
    if (row < 0)
        return;
    size_t r = (size_t)row, len;
    char *section = pc_review_section_title(p, ci);
    const char *text = pc_policy_clause_text(p, ci, &len);
    char *key = pc_review_clause_key(text, len);
    pc_review_fit fit = PC_FIT_NONE;
    const pc_decision *d = map ? pc_review_map_clause(map, pi, ci, &fit) : NULL;
    pc_table_set(t, r, 0, p->id, PC_MARK_NONE);
    b->len = 0;
    pc_buf_printf(b, "%zu", ci + 1);
    pc_table_set(t, r, 1, b->data, PC_MARK_NONE);
    pc_table_set(t, r, 2, section ? section : "", PC_MARK_NONE);
    pc_table_set(t, r, 3, key ? key : "", PC_MARK_NONE);
    pc_clause_labels(c, pi, ci, b);
    pc_table_set(t, r, 4, b->data, PC_MARK_NONE);
    pc_clause_findings(c, map, pi, ci, b);
    pc_table_set(t, r, 5, b->data, b->len ? PC_MARK_WARNING : PC_MARK_NONE);
    pc_table_set(t, r, 6, pc_present_review_word(d, fit),
                 fit == PC_FIT_STALE ? PC_MARK_WARNING : PC_MARK_NONE);
    pc_table_set(t, r, 7, d && d->note ? d->note : "", PC_MARK_NONE);
    free(section);
    free(key);
}

void pc_report_clauses(const pc_comparison *c, const pc_review_map *map, const pc_rows *rows,
                       pc_report *r)
{
    static const char *const head[] = {"Policy", "Clause",   "Section", "Text",
                                       "Labels", "Findings", "Review",  "Note"};
    const char *name = rows->category >= 0 ? c->tax->cats[rows->category].name : "Clauses";
    pc_table *t = pc_present_table_head(r, name, rows, head, 8);
    if (!t)
        return;
    pc_buf b = {0};
    for (size_t pi = 0; pi < c->npolicies; pi++) {
        const size_t *list;
        size_t n;
        for (size_t k = 0; pc_clause_range(c, rows, pi, &list, &n) && k < n; k++)
            pc_clause_row(c, map, pi, list ? list[k] : k, t, &b);
    }
    pc_buf_free(&b);
}

/* One clause as JSON. */
static json_t *pc_clause_json(const pc_comparison *c, const pc_review_map *map, size_t pi,
                              size_t ci)
{
    const pc_policy *p = c->policies[pi];
    size_t len;
    const char *text = pc_policy_clause_text(p, ci, &len);
    char *section = pc_review_section_title(p, ci);
    json_t *labels = json_array(), *found = json_array();
    for (size_t k = 0; k < pc_policy_clause_nlabels(p, ci); k++)
        json_array_append_new(
            labels, json_string(c->tax->cats[pc_policy_clause_label(p, ci, k).category].id));
    for (size_t i = 0; i < c->nfindings; i++)
        for (size_t r = 0; r < c->findings[i].nrefs; r++)
            if (c->findings[i].refs[r].policy == (int)pi && c->findings[i].refs[r].clause == ci) {
                json_array_append_new(found, json_integer((json_int_t)i));
                break;
            }
    json_t *o = json_pack("{s:s, s:I, s:I, s:s, s:s%, s:o, s:b, s:o}", "policy", p->id, "clause",
                          (json_int_t)ci, "number", (json_int_t)ci + 1, "section",
                          section ? section : "", "text", text, len, "labels", labels,
                          "relabelled", pc_policy_clause_relabelled(p, ci) != 0, "findings",
                          found);
    pc_review_fit fit;
    const pc_decision *d = map ? pc_review_map_clause(map, pi, ci, &fit) : NULL;
    if (o && d)
        json_object_set_new(o, "review", pc_present_review_json(d, fit));
    free(section);
    return o;
}

json_t *pc_present_clauses_json(const pc_comparison *c, const pc_review_map *map,
                                const pc_rows *rows)
{
    json_t *a = json_array();
    for (size_t pi = 0; a && pi < c->npolicies; pi++) {
        const size_t *list;
        size_t n;
        for (size_t k = 0; pc_clause_range(c, rows, pi, &list, &n) && k < n; k++)
            if (json_array_append_new(a, pc_clause_json(c, map, pi, list ? list[k] : k)) < 0) {
                json_decref(a);
                return NULL;
            }
    }
    return a;
}

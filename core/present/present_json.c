/* present_json.c: the comparison as the JSON of DESIGN.md (`compare --format json`), with the
 * reviewer's decisions when a review map is given (present.h). Written through the streaming
 * writer (jsonw.h) laid out as jansson's JSON_INDENT(1), member by member, so memory does not
 * grow with the size of the document; findings and requirements are present_json_findings.c. */
#include "present/jsonw.h"
#include "present/present.h"
#include "present/present_internal.h"

static void pc_json_policies(pc_jsonw *w, const pc_comparison *c)
{
    pc_jsonw_arr(w);
    for (size_t pi = 0; pi < c->npolicies; pi++) {
        const pc_policy *p = c->policies[pi];
        pc_jsonw_obj(w);
        pc_jsonw_key_str(w, "id", p->id);
        pc_jsonw_key_str(w, "name", p->name);
        pc_jsonw_key_str(w, "file", p->doc->path);
        pc_jsonw_obj_end(w);
    }
    pc_jsonw_arr_end(w);
}

static void pc_json_categories(pc_jsonw *w, const pc_comparison *c, const pc_rows *rows)
{
    pc_jsonw_arr(w);
    for (size_t i = 0; i < c->tax->ncats; i++) {
        const pc_category *cc = &c->tax->cats[i];
        if (!pc_rows_has(rows, i))
            continue;
        pc_jsonw_obj(w);
        pc_jsonw_key_str(w, "id", cc->id);
        pc_jsonw_key_str(w, "name", cc->name);
        pc_jsonw_key_str(w, "opp115", cc->opp115);
        pc_jsonw_key_str(w, "parent", cc->parent >= 0 ? c->tax->cats[cc->parent].id : NULL);
        pc_jsonw_key(w, "required_by");
        pc_jsonw_arr(w);
        for (size_t r = 0; r < cc->nrequired; r++)
            pc_jsonw_str(w, cc->required_by[r]);
        pc_jsonw_arr_end(w);
        pc_jsonw_obj_end(w);
    }
    pc_jsonw_arr_end(w);
}

static void pc_json_cell(pc_jsonw *w, const pc_comparison *c, size_t cat, size_t pi)
{
    const pc_cell_info *cell = pc_comparison_cell(c, (int)cat, pi);
    pc_jsonw_obj(w);
    pc_jsonw_key_str(w, "category", c->tax->cats[cat].id);
    pc_jsonw_key_str(w, "policy", c->policies[pi]->id);
    pc_jsonw_key_str(w, "status", cell->covered ? "covered" : "gap");
    pc_jsonw_key(w, "clauses");
    pc_jsonw_arr(w);
    for (size_t k = 0; k < cell->nclauses; k++)
        pc_jsonw_int(w, (long long)cell->clauses[k]);
    pc_jsonw_arr_end(w);
    pc_jsonw_key_int(w, "peers", cell->peers);
    pc_jsonw_key(w, "required");
    pc_jsonw_bool(w, cell->required != 0);
    pc_jsonw_obj_end(w);
}

static void pc_json_cells(pc_jsonw *w, const pc_comparison *c, const pc_rows *rows)
{
    pc_jsonw_arr(w);
    for (size_t cat = 0; cat < c->tax->ncats; cat++)
        for (size_t pi = 0; pc_rows_has(rows, cat) && pi < c->npolicies; pi++)
            pc_json_cell(w, c, cat, pi);
    pc_jsonw_arr_end(w);
}

static void pc_json_values(pc_jsonw *w, const pc_comparison *c)
{
    pc_jsonw_arr(w);
    for (size_t i = 0; i < c->nvalues; i++) {
        const pc_attr_value *v = &c->values[i];
        const pc_policy *p = c->policies[v->policy];
        pc_jsonw_obj(w);
        pc_jsonw_key_str(w, "policy", p->id);
        pc_jsonw_key_str(w, "attribute", c->tax->attrs[v->hit->attribute].id);
        pc_jsonw_key(w, "value");
        pc_jsonw_strn(w, p->doc->text + v->hit->span.start, v->hit->span.end - v->hit->span.start);
        pc_jsonw_key_str(w, "normalized", v->hit->norm.text);
        pc_jsonw_key_int(w, "clause", (long long)v->clause);
        pc_jsonw_key_int(w, "number", (long long)v->clause + 1);
        pc_jsonw_obj_end(w);
    }
    pc_jsonw_arr_end(w);
}

static json_t *pc_json_opt(const char *s)
{
    return s ? json_string(s) : json_null();
}

/* Where decision di sits: "clause" index (first clause placed) or "finding" index, and fit. */
static void pc_json_place(const pc_review_map *m, size_t di, json_t *o)
{
    const pc_comparison *c = m->cmp;
    pc_review_fit fit = PC_FIT_NONE;
    for (size_t pi = 0; fit == PC_FIT_NONE && pi < c->npolicies; pi++)
        for (size_t ci = 0; fit == PC_FIT_NONE && ci < c->policies[pi]->outline->nclauses; ci++)
            if (m->clause[pi][ci] == (long)di) {
                fit = m->clause_fit[pi][ci];
                json_object_set_new(o, "clause", json_integer((json_int_t)ci));
                json_object_set_new(o, "number", json_integer((json_int_t)ci + 1));
            }
    for (size_t i = 0; fit == PC_FIT_NONE && i < c->nfindings; i++)
        if (m->finding[i] == (long)di) {
            fit = m->finding_fit[i];
            json_object_set_new(o, "finding", json_integer((json_int_t)i));
        }
    for (size_t i = 0; i < c->nreqs; i++)
        if (m->req[i] == (long)di) {
            fit = fit == PC_FIT_NONE ? m->req_fit[i] : fit;
            json_object_set_new(o, "requirement", json_string(c->tax->reqs[c->reqs[i].requirement].id));
            break;
        }
    static const char *const fits[] = {"orphan", "current", "stale"};
    json_object_set_new(o, "fit", json_string(fits[fit]));
    json_object_set_new(o, "stale", json_boolean(fit == PC_FIT_STALE));
}

/* The top-level "review" array: every decision, placed or not (one small value each). */
static void pc_json_review(pc_jsonw *w, const pc_review_map *m)
{
    pc_jsonw_arr(w);
    for (size_t di = 0; di < m->review->n; di++) {
        const pc_decision *d = &m->review->items[di];
        json_t *labels = json_null();
        if (d->relabelled) {
            labels = json_array();
            for (size_t i = 0; i < d->nlabels; i++)
                json_array_append_new(labels, json_string(d->labels[i]));
        }
        json_t *o =
            json_pack("{s:s, s:s, s:s, s:o, s:s, s:o, s:o, s:o}", "policy", d->policy, "kind",
                      d->is_finding ? "finding" : "clause", "key", d->key, "section",
                      pc_json_opt(d->section), "status", pc_review_status_name(d->status), "labels",
                      labels, "note", pc_json_opt(d->note), "updated", pc_json_opt(d->updated));
        if (!o) {
            w->failed = 1;
            continue;
        }
        pc_json_place(m, di, o);
        pc_jsonw_value(w, o);
        json_decref(o);
    }
    pc_jsonw_arr_end(w);
}

/* The clauses rows chose (a jansson value: a reviewer's selection, small). */
static void pc_json_clauses(pc_jsonw *w, const pc_comparison *c, const pc_review_map *map,
                            const pc_rows *rows)
{
    json_t *a = pc_present_clauses_json(c, map, rows);
    if (!a)
        w->failed = 1;
    pc_jsonw_value(w, a);
    json_decref(a);
}

/* The document for the rows chosen (everything when rows is NULL). */
static void pc_json_root(pc_jsonw *w, const pc_comparison *c, const pc_review_map *map,
                         const pc_rows *rows)
{
    pc_rows_kind kind = rows ? rows->kind : PC_ROWS_ALL;
    const pc_rows *matrix = kind == PC_ROWS_MATRIX ? rows : NULL;
    const pc_rows *findings = kind == PC_ROWS_FINDINGS ? rows : NULL;
    pc_jsonw_obj(w);
    pc_jsonw_key(w, "policies");
    pc_json_policies(w, c);
    if (kind == PC_ROWS_ALL || kind == PC_ROWS_MATRIX) {
        pc_jsonw_key(w, "categories");
        pc_json_categories(w, c, matrix);
        pc_jsonw_key(w, "cells");
        pc_json_cells(w, c, matrix);
    }
    if (kind == PC_ROWS_ALL) {
        pc_jsonw_key(w, "attributes");
        pc_json_values(w, c);
    }
    if (kind == PC_ROWS_ALL || kind == PC_ROWS_FINDINGS) {
        pc_jsonw_key(w, "findings");
        pc_present_findings_write(w, c, map, findings);
    }
    if (kind == PC_ROWS_ALL || kind == PC_ROWS_REQUIREMENTS) {
        pc_jsonw_key(w, "requirements");
        pc_present_requirements_write(w, c, map, kind == PC_ROWS_ALL ? NULL : rows, 0);
    }
    if (kind == PC_ROWS_CLAUSES) {
        pc_jsonw_key(w, "clauses");
        pc_json_clauses(w, c, map, rows);
    }
    if (map && kind == PC_ROWS_ALL) {
        pc_jsonw_key(w, "review");
        pc_json_review(w, map);
    }
    pc_jsonw_obj_end(w);
}

int pc_present_json(const pc_comparison *c, const pc_review_map *map, FILE *f, pc_error *err)
{
    return pc_present_json_rows(c, map, NULL, f, err);
}

int pc_present_json_rows(const pc_comparison *c, const pc_review_map *map, const pc_rows *rows,
                         FILE *f, pc_error *err)
{
    pc_jsonw w;
    pc_jsonw_init_stream(&w, f);
    pc_jsonw_indent(&w, 1);
    pc_json_root(&w, c, map, rows);
    pc_jsonw_newline(&w);
    int rc = pc_jsonw_done(&w);
    if (rc != 0 || fflush(f) != 0) {
        pc_error_set(err, "write failed");
        return -1;
    }
    return 0;
}

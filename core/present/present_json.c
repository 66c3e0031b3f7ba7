/* present_json.c: the comparison as the JSON of DESIGN.md (`compare --format json`), with the
 * reviewer's decisions when a review map is given (present.h). */
#include "present/frame_json.h"
#include "present/present.h"
#include "present/present_internal.h"

#include <jansson.h>

static json_t *pc_json_text(const pc_policy *p, size_t start, size_t end)
{
    return json_stringn(p->doc->text + start, end - start);
}

static json_t *pc_json_policies(const pc_comparison *c)
{
    json_t *a = json_array();
    for (size_t pi = 0; pi < c->npolicies; pi++) {
        const pc_policy *p = c->policies[pi];
        json_array_append_new(
            a, json_pack("{s:s, s:s, s:s}", "id", p->id, "name", p->name, "file", p->doc->path));
    }
    return a;
}

static json_t *pc_json_categories(const pc_comparison *c, const pc_rows *rows)
{
    json_t *a = json_array();
    for (size_t i = 0; i < c->tax->ncats; i++) {
        const pc_category *cc = &c->tax->cats[i];
        if (!pc_rows_has(rows, i))
            continue;
        json_t *req = json_array();
        for (size_t r = 0; r < cc->nrequired; r++)
            json_array_append_new(req, json_string(cc->required_by[r]));
        json_t *parent = cc->parent >= 0 ? json_string(c->tax->cats[cc->parent].id) : json_null();
        json_array_append_new(a, json_pack("{s:s, s:s, s:s, s:o, s:o}", "id", cc->id, "name",
                                           cc->name, "opp115", cc->opp115, "parent", parent,
                                           "required_by", req));
    }
    return a;
}

static json_t *pc_json_cells(const pc_comparison *c, const pc_rows *rows)
{
    json_t *a = json_array();
    for (size_t cat = 0; cat < c->tax->ncats; cat++)
        for (size_t pi = 0; pc_rows_has(rows, cat) && pi < c->npolicies; pi++) {
            const pc_cell_info *cell = pc_comparison_cell(c, (int)cat, pi);
            json_t *cl = json_array();
            for (size_t k = 0; k < cell->nclauses; k++)
                json_array_append_new(cl, json_integer((json_int_t)cell->clauses[k]));
            json_array_append_new(a, json_pack("{s:s, s:s, s:s, s:o, s:i, s:b}", "category",
                                               c->tax->cats[cat].id, "policy", c->policies[pi]->id,
                                               "status", cell->covered ? "covered" : "gap",
                                               "clauses", cl, "peers", cell->peers, "required",
                                               cell->required != 0));
        }
    return a;
}

static json_t *pc_json_values(const pc_comparison *c)
{
    json_t *a = json_array();
    for (size_t i = 0; i < c->nvalues; i++) {
        const pc_attr_value *v = &c->values[i];
        const pc_policy *p = c->policies[v->policy];
        json_array_append_new(
            a, json_pack("{s:s, s:s, s:o, s:s, s:I, s:I}", "policy", p->id, "attribute",
                         c->tax->attrs[v->hit->attribute].id, "value",
                         pc_json_text(p, v->hit->span.start, v->hit->span.end), "normalized",
                         v->hit->norm.text, "clause", (json_int_t)v->clause, "number",
                         (json_int_t)v->clause + 1));
    }
    return a;
}

/* A finding's clauses (or, with `sections`, its headings); `bare` leaves out the policy ids. */
static json_t *pc_json_refs(const pc_comparison *c, const pc_finding *f, int sections, int bare)
{
    json_t *a = json_array();
    for (size_t i = 0; i < f->nrefs; i++) {
        const pc_ref *r = &f->refs[i];
        const pc_policy *p = c->policies[r->policy];
        const char *key = "clause";
        json_int_t at = (json_int_t)r->clause;
        json_t *text;
        if (!sections && r->clause != PC_NO_CLAUSE) {
            const pc_clause *cl = &p->outline->clauses[r->clause];
            text = pc_json_text(p, cl->start, cl->end);
        } else if (sections && r->clause == PC_NO_CLAUSE && r->section >= 0) {
            const pc_section *s = &p->outline->sections[r->section];
            key = "section";
            at = r->section;
            text = pc_json_text(p, s->title_start, s->title_end);
        } else {
            continue;
        }
        const char *tkey = sections ? "title" : "text";
        json_t *o = bare ? json_pack("{s:I, s:o}", key, at, tkey, text)
                         : json_pack("{s:s, s:I, s:o}", "policy", p->id, key, at, tkey, text);
        if (o && !sections)
            json_object_set_new(o, "number", json_integer(at + 1));
        json_array_append_new(a, o);
    }
    return a;
}

static json_t *pc_json_opt(const char *s)
{
    return s ? json_string(s) : json_null();
}

/* A contradiction's frames, one per clause it cites: the restriction's, then each practice's
 * with the fields it clashes on. */
static json_t *pc_json_finding_frames(const pc_comparison *c, const pc_finding *f)
{
    json_t *a = json_array();
    const pc_frames *fs = c->policies[f->refs[0].policy]->frames;
    const pc_frame *r = &fs->v[f->frames[0]];
    for (size_t i = 0; i < f->nrefs; i++) {
        const pc_frame *x = &fs->v[f->frames[i]];
        json_t *o = pc_frame_json(fs, x);
        json_object_set_new(o, "clause", json_integer((json_int_t)f->refs[i].clause));
        json_object_set_new(o, "number", json_integer((json_int_t)f->refs[i].clause + 1));
        json_object_set_new(o, "role", json_string(i ? "practice" : "restriction"));
        if (i)
            json_object_set_new(o, "clash", pc_frame_clash_json(fs, r, x));
        json_array_append_new(a, o);
    }
    return a;
}

/* "review" of finding i, or NULL when it has no decision. */
static json_t *pc_json_finding_review(const pc_review_map *map, size_t i)
{
    pc_review_fit fit;
    const pc_decision *d = pc_review_map_finding(map, i, &fit);
    return d ? pc_present_review_json(d, fit) : NULL;
}

json_t *pc_present_finding_json(const pc_comparison *c, const pc_review_map *map, size_t i,
                                int bare)
{
    const pc_finding *f = &c->findings[i];
    json_t *cat = f->category >= 0 ? json_string(c->tax->cats[f->category].id) : json_null();
    json_t *o = json_pack("{s:s, s:s, s:o}", "kind", pc_finding_kind_name(f->kind), "severity",
                          pc_severity_name(f->severity), "category", cat);
    if (!bare) {
        json_t *pol = json_array();
        for (size_t pi = 0; pi < c->npolicies; pi++)
            if ((f->policies >> pi) & 1)
                json_array_append_new(pol, json_string(c->policies[pi]->id));
        json_object_set_new(o, "policies", pol);
    }
    json_object_set_new(o, "clauses", pc_json_refs(c, f, 0, bare));
    json_object_set_new(o, "message", json_string(f->message));
    json_t *secs = pc_json_refs(c, f, 1, bare);
    if (json_array_size(secs))
        json_object_set_new(o, "sections", secs);
    else
        json_decref(secs);
    if (f->attribute >= 0)
        json_object_set_new(o, "attribute", json_string(c->tax->attrs[f->attribute].id));
    if (f->requirement >= 0)
        json_object_set_new(o, "requirement", json_string(c->tax->reqs[f->requirement].id));
    if (f->frames)
        json_object_set_new(o, "frames", pc_json_finding_frames(c, f));
    json_t *rev = map ? pc_json_finding_review(map, i) : NULL;
    if (rev)
        json_object_set_new(o, "review", rev);
    return o;
}

static json_t *pc_json_findings(const pc_comparison *c, const pc_review_map *map,
                                const pc_rows *rows)
{
    json_t *a = json_array();
    for (size_t i = 0; i < c->nfindings; i++)
        if (pc_rows_has(rows, i))
            json_array_append_new(a, pc_present_finding_json(c, map, i, 0));
    return a;
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

/* The top-level "review" array: every decision, placed or not. */
static json_t *pc_json_review(const pc_review_map *m)
{
    json_t *a = json_array();
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
        if (o)
            pc_json_place(m, di, o);
        json_array_append_new(a, o);
    }
    return a;
}

/* ---- requirements ---------------------------------------------------------------------- */

/* Where a requirement's evidence is: a clause (index, text) or a section title. */
static json_t *pc_json_req_evidence(const pc_comparison *c, const pc_req_evidence *ev)
{
    const pc_policy *p = c->policies[ev->at.policy];
    json_t *o;
    if (ev->at.clause != PC_NO_CLAUSE) {
        const pc_clause *cl = &p->outline->clauses[ev->at.clause];
        o = json_pack("{s:I, s:I, s:o}", "clause", (json_int_t)ev->at.clause, "number",
                      (json_int_t)ev->at.clause + 1, "text", pc_json_text(p, cl->start, cl->end));
    } else {
        const pc_section *sec = &p->outline->sections[ev->at.section];
        o = json_pack("{s:i, s:o}", "section", ev->at.section, "title",
                      pc_json_text(p, sec->title_start, sec->title_end));
    }
    json_object_set_new(o, "rule", ev->rule ? json_string(ev->rule->id) : json_null());
    json_object_set_new(o, "category",
                        ev->category >= 0 ? json_string(c->tax->cats[ev->category].id)
                                          : json_null());
    json_object_set_new(o, "span",
                        json_pack("[I, I]", (json_int_t)ev->span.start, (json_int_t)ev->span.end));
    return o;
}

/* The evidence of result res with the given role (and part, for a part), or null. */
static json_t *pc_json_req_find(const pc_comparison *c, const pc_req_result *res, pc_req_role role,
                                int part)
{
    for (size_t i = 0; i < res->nev; i++) {
        const pc_req_evidence *ev = &c->req_evidence[res->ev_first + i];
        if (ev->role == role && (role != PC_REQ_PART || ev->part == part))
            return pc_json_req_evidence(c, ev);
    }
    return json_null();
}

static json_t *pc_json_req_result(const pc_comparison *c, const pc_review_map *map, size_t i,
                                  int bare)
{
    const pc_req_result *res = &c->reqs[i];
    const pc_requirement *req = &c->tax->reqs[res->requirement];
    json_t *arts = json_array(), *parts = json_array();
    for (size_t a = 0; a < req->narticles; a++)
        json_array_append_new(arts, json_string(req->articles[a]));
    for (size_t k = 0; k < req->nparts; k++) {
        int missing = (int)((res->missing >> k) & 1);
        json_array_append_new(parts, json_pack("{s:s, s:s, s:s, s:o}", "id", req->parts[k].id,
                                               "name", req->parts[k].name, "status",
                                               missing ? "not-disclosed" : "met", "evidence",
                                               pc_json_req_find(c, res, PC_REQ_PART, (int)k)));
    }
    json_t *o =
        json_pack("{s:s, s:s, s:s, s:o, s:s, s:o, s:b, s:b, s:o, s:o, s:o}", "requirement", req->id,
                  "regime", pc_req_regime_name(req->regime), "name", req->name, "articles", arts,
                  "status", pc_req_status_name(res->status), "severity",
                  res->status == PC_REQ_NOT_DISCLOSED ? json_string(pc_severity_name(res->severity))
                                                      : json_null(),
                  "conditional", req->conditional, "applies", res->applies, "parts", parts,
                  "applies_evidence", pc_json_req_find(c, res, PC_REQ_APPLIES, -1),
                  "exempt_evidence", pc_json_req_find(c, res, PC_REQ_EXEMPT, -1));
    if (o && !bare)
        json_object_set_new(o, "policy", json_string(c->policies[res->policy]->id));
    pc_review_fit fit;
    const pc_decision *d = pc_review_map_req(map, i, &fit);
    if (o && d)
        json_object_set_new(o, "review", pc_present_review_json(d, fit));
    return o;
}

json_t *pc_present_requirements_json(const pc_comparison *c, const pc_review_map *map,
                                     const pc_rows *rows, int bare)
{
    json_t *a = json_array();
    for (size_t i = 0; i < c->nreqs; i++)
        if (pc_rows_has(rows, i))
            json_array_append_new(a, pc_json_req_result(c, map, i, bare));
    return a;
}

/* Add value (stolen) to root under key; NULL, with root freed, when either is missing. */
static json_t *pc_json_put(json_t *root, const char *key, json_t *value)
{
    if (root && value && json_object_set_new(root, key, value) == 0)
        return root;
    if (!root)
        json_decref(value);
    json_decref(root);
    return NULL;
}

/* The document for the rows chosen (everything when rows is NULL). */
static json_t *pc_json_root(const pc_comparison *c, const pc_review_map *map, const pc_rows *rows)
{
    pc_rows_kind kind = rows ? rows->kind : PC_ROWS_ALL;
    const pc_rows *matrix = kind == PC_ROWS_MATRIX ? rows : NULL;
    const pc_rows *findings = kind == PC_ROWS_FINDINGS ? rows : NULL;
    json_t *root = pc_json_put(json_object(), "policies", pc_json_policies(c));
    if (kind == PC_ROWS_ALL || kind == PC_ROWS_MATRIX) {
        root = pc_json_put(root, "categories", pc_json_categories(c, matrix));
        root = pc_json_put(root, "cells", pc_json_cells(c, matrix));
    }
    if (kind == PC_ROWS_ALL)
        root = pc_json_put(root, "attributes", pc_json_values(c));
    if (kind == PC_ROWS_ALL || kind == PC_ROWS_FINDINGS)
        root = pc_json_put(root, "findings", pc_json_findings(c, map, findings));
    if (kind == PC_ROWS_ALL || kind == PC_ROWS_REQUIREMENTS)
        root = pc_json_put(root, "requirements",
                           pc_present_requirements_json(c, map, kind == PC_ROWS_ALL ? NULL : rows, 0));
    if (kind == PC_ROWS_CLAUSES)
        root = pc_json_put(root, "clauses", pc_present_clauses_json(c, map, rows));
    if (map && kind == PC_ROWS_ALL)
        root = pc_json_put(root, "review", pc_json_review(map));
    return root;
}

int pc_present_json(const pc_comparison *c, const pc_review_map *map, FILE *f, pc_error *err)
{
    return pc_present_json_rows(c, map, NULL, f, err);
}

int pc_present_json_rows(const pc_comparison *c, const pc_review_map *map, const pc_rows *rows,
                         FILE *f, pc_error *err)
{
    json_t *root = pc_json_root(c, map, rows);
    if (!root) {
        pc_error_set(err, "out of memory");
        return -1;
    }
    int rc = json_dumpf(root, f, JSON_INDENT(1) | JSON_PRESERVE_ORDER);
    json_decref(root);
    if (rc == 0)
        rc = fputc('\n', f) == EOF ? -1 : 0;
    if (rc != 0 || fflush(f) != 0) {
        pc_error_set(err, "write failed");
        return -1;
    }
    return 0;
}

/* present_json_findings.c: findings and requirement results as JSON, written through the
 * streaming writer (present_internal.h), and as jansson values for batch mode (present.h). */
#include "present/frame_json.h"
#include "present/jsonw.h"
#include "present/present.h"
#include "present/present_internal.h"

static void pc_json_text(pc_jsonw *w, const pc_policy *p, size_t start, size_t end)
{
    pc_jsonw_strn(w, p->doc->text + start, end - start);
}

/* Whether ref r is written among a finding's clauses (or, with `sections`, its headings). */
static int pc_json_ref_shown(const pc_ref *r, int sections)
{
    return sections ? r->clause == PC_NO_CLAUSE && r->section >= 0 : r->clause != PC_NO_CLAUSE;
}

/* A finding's clauses (or, with `sections`, its headings); `bare` leaves out the policy ids. */
static void pc_json_refs(pc_jsonw *w, const pc_comparison *c, const pc_finding *f, int sections,
                         int bare)
{
    pc_jsonw_arr(w);
    for (size_t i = 0; i < f->nrefs; i++) {
        const pc_ref *r = &f->refs[i];
        const pc_policy *p = c->policies[r->policy];
        if (!pc_json_ref_shown(r, sections))
            continue;
        pc_jsonw_obj(w);
        if (!bare) {
            pc_jsonw_key_str(w, "policy", p->id);
        }
        if (sections) {
            const pc_section *s = &p->outline->sections[r->section];
            pc_jsonw_key_int(w, "section", r->section);
            pc_jsonw_key(w, "title");
            pc_json_text(w, p, s->title_start, s->title_end);
        } else {
            const pc_clause *cl = &p->outline->clauses[r->clause];
            pc_jsonw_key_int(w, "clause", (long long)r->clause);
            pc_jsonw_key(w, "text");
            pc_json_text(w, p, cl->start, cl->end);
            pc_jsonw_key_int(w, "number", (long long)r->clause + 1);
        }
        pc_jsonw_obj_end(w);
    }
    pc_jsonw_arr_end(w);
}

/* A contradiction's frames, one per clause it cites: the restrictions', then each practice's
 * with the fields it clashes on (against the first restriction's). */
static void pc_json_finding_frames(pc_jsonw *w, const pc_comparison *c, const pc_finding *f)
{
    const pc_frames *fs = c->policies[f->refs[0].policy]->frames;
    const pc_frame *r = &fs->v[f->frames[0]];
    pc_jsonw_arr(w);
    for (size_t i = 0; i < f->nrefs; i++) {
        const pc_frame *x = &fs->v[f->frames[i]];
        pc_jsonw_obj(w);
        pc_frame_fields_write(w, fs, x);
        pc_jsonw_key_int(w, "clause", (long long)f->refs[i].clause);
        pc_jsonw_key_int(w, "number", (long long)f->refs[i].clause + 1);
        int practice = i >= f->nrestrictions;
        pc_jsonw_key_str(w, "role", practice ? "practice" : "restriction");
        if (practice) {
            pc_jsonw_key(w, "clash");
            pc_frame_clash_write(w, fs, r, x);
        }
        pc_jsonw_obj_end(w);
    }
    pc_jsonw_arr_end(w);
}

/* "review" of a decision d placed as fit (a small jansson value). */
static void pc_json_review_of(pc_jsonw *w, const pc_decision *d, pc_review_fit fit)
{
    json_t *rev = pc_present_review_json(d, fit);
    if (!rev)
        w->failed = 1;
    pc_jsonw_key(w, "review");
    pc_jsonw_value(w, rev);
    json_decref(rev);
}

static void pc_json_policy_ids(pc_jsonw *w, const pc_comparison *c, unsigned long policies)
{
    pc_jsonw_arr(w);
    for (size_t pi = 0; pi < c->npolicies; pi++)
        if ((policies >> pi) & 1)
            pc_jsonw_str(w, c->policies[pi]->id);
    pc_jsonw_arr_end(w);
}

/* Whether finding f cites a heading. */
static int pc_json_has_sections(const pc_finding *f)
{
    for (size_t i = 0; i < f->nrefs; i++)
        if (pc_json_ref_shown(&f->refs[i], 1))
            return 1;
    return 0;
}

static void pc_json_finding(pc_jsonw *w, const pc_comparison *c, const pc_review_map *map,
                            size_t i, int bare)
{
    const pc_finding *f = &c->findings[i];
    pc_jsonw_obj(w);
    pc_jsonw_key_str(w, "kind", pc_finding_kind_name(f->kind));
    pc_jsonw_key_str(w, "severity", pc_severity_name(f->severity));
    pc_jsonw_key_str(w, "category", f->category >= 0 ? c->tax->cats[f->category].id : NULL);
    if (!bare) {
        pc_jsonw_key(w, "policies");
        pc_json_policy_ids(w, c, f->policies);
    }
    pc_jsonw_key(w, "clauses");
    pc_json_refs(w, c, f, 0, bare);
    pc_jsonw_key_str(w, "message", f->message);
    if (pc_json_has_sections(f)) {
        pc_jsonw_key(w, "sections");
        pc_json_refs(w, c, f, 1, bare);
    }
    if (f->attribute >= 0) {
        pc_jsonw_key_str(w, "attribute", c->tax->attrs[f->attribute].id);
    }
    if (f->requirement >= 0) {
        pc_jsonw_key_str(w, "requirement", c->tax->reqs[f->requirement].id);
    }
    if (f->frames) {
        pc_jsonw_key(w, "frames");
        pc_json_finding_frames(w, c, f);
    }
    pc_review_fit fit;
    const pc_decision *d = map ? pc_review_map_finding(map, i, &fit) : NULL;
    if (d)
        pc_json_review_of(w, d, fit);
    pc_jsonw_obj_end(w);
}

void pc_present_findings_write(pc_jsonw *w, const pc_comparison *c, const pc_review_map *map,
                               const pc_rows *rows)
{
    pc_jsonw_arr(w);
    for (size_t i = 0; i < c->nfindings; i++)
        if (pc_rows_has(rows, i))
            pc_json_finding(w, c, map, i, 0);
    pc_jsonw_arr_end(w);
}

/* ---- requirements ---------------------------------------------------------------------- */

/* Where a requirement's evidence is: a clause (index, text) or a section title. */
static void pc_json_req_evidence(pc_jsonw *w, const pc_comparison *c, const pc_req_evidence *ev)
{
    const pc_policy *p = c->policies[ev->at.policy];
    pc_jsonw_obj(w);
    if (ev->at.clause != PC_NO_CLAUSE) {
        const pc_clause *cl = &p->outline->clauses[ev->at.clause];
        pc_jsonw_key_int(w, "clause", (long long)ev->at.clause);
        pc_jsonw_key_int(w, "number", (long long)ev->at.clause + 1);
        pc_jsonw_key(w, "text");
        pc_json_text(w, p, cl->start, cl->end);
    } else {
        const pc_section *sec = &p->outline->sections[ev->at.section];
        pc_jsonw_key_int(w, "section", ev->at.section);
        pc_jsonw_key(w, "title");
        pc_json_text(w, p, sec->title_start, sec->title_end);
    }
    pc_jsonw_key_str(w, "rule", ev->rule ? ev->rule->id : NULL);
    pc_jsonw_key_str(w, "category", ev->category >= 0 ? c->tax->cats[ev->category].id : NULL);
    pc_jsonw_key(w, "span");
    pc_jsonw_arr(w);
    pc_jsonw_int(w, (long long)ev->span.start);
    pc_jsonw_int(w, (long long)ev->span.end);
    pc_jsonw_arr_end(w);
    pc_jsonw_obj_end(w);
}

/* The evidence of result res with the given role (and part, for a part), or null. */
static void pc_json_req_find(pc_jsonw *w, const pc_comparison *c, const pc_req_result *res,
                             pc_req_role role, int part)
{
    for (size_t i = 0; i < res->nev; i++) {
        const pc_req_evidence *ev = &c->req_evidence[res->ev_first + i];
        if (ev->role == role && (role != PC_REQ_PART || ev->part == part)) {
            pc_json_req_evidence(w, c, ev);
            return;
        }
    }
    pc_jsonw_null(w);
}

static void pc_json_req_parts(pc_jsonw *w, const pc_comparison *c, const pc_req_result *res)
{
    const pc_requirement *req = &c->tax->reqs[res->requirement];
    pc_jsonw_arr(w);
    for (size_t k = 0; k < req->nparts; k++) {
        pc_jsonw_obj(w);
        pc_jsonw_key_str(w, "id", req->parts[k].id);
        pc_jsonw_key_str(w, "name", req->parts[k].name);
        pc_jsonw_key_str(w, "status", (res->missing >> k) & 1 ? "not-disclosed" : "met");
        pc_jsonw_key(w, "evidence");
        pc_json_req_find(w, c, res, PC_REQ_PART, (int)k);
        pc_jsonw_obj_end(w);
    }
    pc_jsonw_arr_end(w);
}

static void pc_json_req_result(pc_jsonw *w, const pc_comparison *c, const pc_review_map *map,
                               size_t i, int bare)
{
    const pc_req_result *res = &c->reqs[i];
    const pc_requirement *req = &c->tax->reqs[res->requirement];
    pc_jsonw_obj(w);
    pc_jsonw_key_str(w, "requirement", req->id);
    pc_jsonw_key_str(w, "regime", pc_req_regime_name(req->regime));
    pc_jsonw_key_str(w, "name", req->name);
    pc_jsonw_key(w, "articles");
    pc_jsonw_arr(w);
    for (size_t a = 0; a < req->narticles; a++)
        pc_jsonw_str(w, req->articles[a]);
    pc_jsonw_arr_end(w);
    pc_jsonw_key_str(w, "status", pc_req_status_name(res->status));
    pc_jsonw_key_str(w, "severity", res->status == PC_REQ_NOT_DISCLOSED ? pc_severity_name(res->severity) : NULL);
    pc_jsonw_key(w, "conditional");
    pc_jsonw_bool(w, req->conditional);
    pc_jsonw_key(w, "applies");
    pc_jsonw_bool(w, res->applies);
    pc_jsonw_key(w, "parts");
    pc_json_req_parts(w, c, res);
    pc_jsonw_key(w, "applies_evidence");
    pc_json_req_find(w, c, res, PC_REQ_APPLIES, -1);
    pc_jsonw_key(w, "exempt_evidence");
    pc_json_req_find(w, c, res, PC_REQ_EXEMPT, -1);
    if (!bare) {
        pc_jsonw_key_str(w, "policy", c->policies[res->policy]->id);
    }
    pc_review_fit fit;
    const pc_decision *d = pc_review_map_req(map, i, &fit);
    if (d)
        pc_json_review_of(w, d, fit);
    pc_jsonw_obj_end(w);
}

void pc_present_requirements_write(pc_jsonw *w, const pc_comparison *c, const pc_review_map *map,
                                   const pc_rows *rows, int bare)
{
    pc_jsonw_arr(w);
    for (size_t i = 0; i < c->nreqs; i++)
        if (pc_rows_has(rows, i))
            pc_json_req_result(w, c, map, i, bare);
    pc_jsonw_arr_end(w);
}

/* ---- as jansson values ---------------------------------------------------------------- */

/* What was written into b read back as a jansson value; NULL when writing failed. Frees b. */
static json_t *pc_json_tree(pc_jsonw *w, pc_buf *b)
{
    json_t *v = w->failed ? NULL : json_loadb(b->data, b->len, JSON_ALLOW_NUL, NULL);
    pc_buf_free(b);
    return v;
}

json_t *pc_present_finding_json(const pc_comparison *c, const pc_review_map *map, size_t i,
                                int bare)
{
    pc_buf b = {0};
    pc_jsonw w;
    pc_jsonw_init(&w, &b);
    pc_json_finding(&w, c, map, i, bare);
    return pc_json_tree(&w, &b);
}

json_t *pc_present_requirements_json(const pc_comparison *c, const pc_review_map *map,
                                     const pc_rows *rows, int bare)
{
    pc_buf b = {0};
    pc_jsonw w;
    pc_jsonw_init(&w, &b);
    pc_present_requirements_write(&w, c, map, rows, bare);
    return pc_json_tree(&w, &b);
}

/* compare_require.c: the selected regimes' requirements (taxonomy/requirement.h) checked on
 * each policy, item by item, with the clause that meets each part as evidence; a
 * missing-required finding for each requirement a policy does not disclose.
 *
 * A policy is read once: its clauses in document order, then its section titles. Each distinct
 * text (pc_cmp_canon: repeated sentences are read once) is scanned for
 * the rules' literals, and only the rules of parts still unmet whose literal occurs are run,
 * so the cost is linear in the text and stops early once every part is met. A part may also be
 * met by a label (a clause carrying one of its categories), and a `no_contradiction` part by
 * the absence of contradiction findings in the policy, so this runs after the contradiction
 * detector.
 */
#include "compare/compare_internal.h"
#include "taxonomy/prefilter.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The check of one requirement on one policy in progress. Plain value. */
typedef struct rq_slot {
    const pc_requirement *req;
    int index; /* into tax->reqs */
    pc_req_evidence part[PC_REQ_MAX_PARTS];
    unsigned long met;               /* bit p: part[p] holds evidence */
    pc_req_evidence applies, exempt; /* valid when has_applies / has_exempt */
    int has_applies, has_exempt;
} rq_slot;

/* One policy's check: the slots, the matching state and the texts already read. Owns slots,
 * bits, canon, md and mctx; borrows the rest. */
typedef struct rq_run {
    pc_comparison *c;
    int pi;
    const pc_policy *p;
    rq_slot *slots;
    size_t nslots, pending; /* parts, applies and exempt rules still looked for */
    const pc_prefilter *pf;
    pc_prefilter_scratch *scratch;
    uint64_t *bits;
    pcre2_match_data *md;
    pcre2_match_context *mctx;
    pc_buf flat; /* the text being read, white space collapsed (rq_flatten) */
    size_t *map; /* flat byte -> document offset */
    size_t map_cap;
    uint32_t *canon; /* per clause, the first clause with its text (pc_cmp_canon) */
} rq_run;

const char *pc_req_status_name(pc_req_status s)
{
    return s == PC_REQ_MET              ? "met"
           : s == PC_REQ_NOT_APPLICABLE ? "not-applicable"
                                        : "not-disclosed";
}

const pc_req_result *pc_comparison_reqs(const pc_comparison *c, size_t policy, size_t *n)
{
    size_t lo = 0;
    while (lo < c->nreqs && (size_t)c->reqs[lo].policy < policy)
        lo++;
    size_t hi = lo;
    while (hi < c->nreqs && (size_t)c->reqs[hi].policy == policy)
        hi++;
    *n = hi - lo;
    return c->reqs + lo;
}

long pc_req_result_index(const pc_comparison *c, size_t policy, int requirement)
{
    size_t n;
    const pc_req_result *res = pc_comparison_reqs(c, policy, &n);
    for (size_t i = 0; i < n; i++)
        if (res[i].requirement == requirement)
            return (long)(res + i - c->reqs);
    return -1;
}

const pc_req_evidence *pc_req_result_evidence(const pc_comparison *c, const pc_req_result *res)
{
    pc_req_role role = res->status == PC_REQ_NOT_APPLICABLE ? PC_REQ_EXEMPT : PC_REQ_PART;
    for (size_t i = 0; i < res->nev; i++)
        if (c->req_evidence[res->ev_first + i].role == role)
            return &c->req_evidence[res->ev_first + i];
    return NULL;
}

long pc_req_result_finding(const pc_comparison *c, const pc_req_result *res)
{
    for (size_t i = 0; res->status == PC_REQ_NOT_DISCLOSED && i < c->nfindings; i++) {
        const pc_finding *f = &c->findings[i];
        if (f->kind == PC_FIND_MISSING && f->requirement == res->requirement &&
            ((f->policies >> res->policy) & 1))
            return (long)i;
    }
    return -1;
}

/* ---- matching ------------------------------------------------------------------------- */

/* Whether rule r matches s[0..len) (its literal bits first); the match in *sp. */
static int rq_match(rq_run *r, const pc_rule *rule, const char *s, size_t len, pc_span *sp)
{
    if (!pc_prefilter_bit(r->bits, rule->index))
        return 0;
    const pcre2_code *code = pc_prefilter_code(r->pf, rule);
    if (pcre2_match(code, (PCRE2_SPTR)s, len, 0, 0, r->md, r->mctx) < 0)
        return 0;
    PCRE2_SIZE *ov = pcre2_get_ovector_pointer(r->md);
    sp->start = ov[0];
    sp->end = ov[1];
    return !(rule->exclude &&
             pcre2_match(rule->exclude, (PCRE2_SPTR)s, len, 0, 0, r->md, r->mctx) >= 0);
}

/* The first of rules[0..n) matching the text being read (r->flat, from the text at `at`), as
 * evidence in *ev with its span in the document. */
static int rq_rules(rq_run *r, const pc_rule *rules, size_t n, pc_ref at, pc_req_evidence *ev)
{
    for (size_t i = 0; i < n; i++) {
        pc_span sp;
        if (!rq_match(r, &rules[i], r->flat.data, r->flat.len, &sp))
            continue;
        ev->at = at;
        ev->rule = &rules[i];
        ev->category = -1;
        ev->span = (pc_span){r->map[sp.start],
                             sp.end > sp.start ? r->map[sp.end - 1] + 1 : r->map[sp.start]};
        return 1;
    }
    return 0;
}

/* s[0..len) (at offset base in the document) into r->flat with every run of white space one
 * space ("personal\ninformation" in a hard-wrapped file is "personal information"), and each
 * byte's document offset in r->map. -1 when memory runs out. */
static int rq_flatten(rq_run *r, const char *s, size_t len, size_t base)
{
    r->flat.len = 0;
    if (pc_buf_reserve(&r->flat, len + 1) < 0 ||
        pc_grow(&r->map, &r->map_cap, len + 1, sizeof *r->map) < 0)
        return -1;
    for (size_t i = 0; i < len; i++) {
        int space = s[i] == ' ' || s[i] == '\n' || s[i] == '\t' || s[i] == '\r';
        if (space && r->flat.len && r->flat.data[r->flat.len - 1] == ' ')
            continue;
        r->map[r->flat.len] = base + i;
        r->flat.data[r->flat.len++] = space ? ' ' : s[i];
    }
    r->map[r->flat.len] = base + len;
    r->flat.data[r->flat.len] = '\0';
    return 0;
}

/* A label of clause k that meets part pt, as evidence. */
static int rq_label(rq_run *r, const pc_req_part *pt, pc_ref at, pc_req_evidence *ev)
{
    if (at.clause == PC_NO_CLAUSE || !r->p->cls)
        return 0;
    for (size_t i = 0; i < pt->ncats; i++)
        if (pc_policy_clause_has(r->p, at.clause, pt->cats[i])) {
            const pc_clause *cl = &r->p->outline->clauses[at.clause];
            *ev = (pc_req_evidence){PC_REQ_PART, -1, at, NULL, pt->cats[i], {cl->start, cl->end}};
            return 1;
        }
    return 0;
}

/* Read one text (a clause or a title) into every slot still looking for something. */
static int rq_read(rq_run *r, const char *s, size_t len, pc_ref at, size_t base)
{
    if (rq_flatten(r, s, len, base) < 0)
        return -1;
    pc_prefilter_scan(r->pf, r->scratch, r->flat.data, r->flat.len, r->bits);
    for (size_t k = 0; k < r->nslots && r->pending; k++) {
        rq_slot *q = &r->slots[k];
        const pc_requirement *req = q->req;
        for (size_t p = 0; p < req->nparts; p++) {
            const pc_req_part *pt = &req->parts[p];
            pc_req_evidence *ev = &q->part[p];
            if (((q->met >> p) & 1) || pt->no_contradiction ||
                !(rq_rules(r, pt->rules, pt->nrules, at, ev) || rq_label(r, pt, at, ev)))
                continue;
            ev->role = PC_REQ_PART;
            ev->part = (int)p;
            q->met |= 1ul << p;
            r->pending--;
        }
        if (!q->has_applies && req->napplies &&
            rq_rules(r, req->applies, req->napplies, at, &q->applies)) {
            q->applies.role = PC_REQ_APPLIES;
            q->applies.part = -1;
            q->has_applies = 1;
            r->pending--;
        }
        if (!q->has_exempt && req->nexempt &&
            rq_rules(r, req->exempt, req->nexempt, at, &q->exempt)) {
            q->exempt.role = PC_REQ_EXEMPT;
            q->exempt.part = -1;
            q->has_exempt = 1;
            r->pending--;
        }
    }
    return 0;
}

/* ---- reading each distinct text once -------------------------------------------------- */

static int rq_read_policy(rq_run *r)
{
    const pc_outline *o = r->p->outline;
    const char *text = r->p->doc->text;
    int rc = 0;
    for (size_t k = 0; rc == 0 && k < o->nclauses && r->pending; k++) {
        const pc_clause *cl = &o->clauses[k];
        if (r->canon[k] == k)
            rc = rq_read(r, text + cl->start, cl->end - cl->start, (pc_ref){r->pi, k, cl->section},
                         cl->start);
    }
    for (size_t s = 0; rc == 0 && s < o->nsections && r->pending; s++) {
        const pc_section *sec = &o->sections[s];
        if (sec->title_end > sec->title_start)
            rc = rq_read(r, text + sec->title_start, sec->title_end - sec->title_start,
                         (pc_ref){r->pi, PC_NO_CLAUSE, (int)s}, sec->title_start);
    }
    return rc;
}

/* ---- results and findings ------------------------------------------------------------- */

/* Whether the policy has a contradiction finding (the detector ran before). */
static int rq_contradicts(const pc_comparison *c, int pi)
{
    for (size_t i = 0; i < c->nfindings; i++)
        if (c->findings[i].kind == PC_FIND_CONTRADICTION && ((c->findings[i].policies >> pi) & 1))
            return 1;
    return 0;
}

static int rq_push_evidence(pc_comparison *c, const pc_req_evidence *ev)
{
    if (pc_grow(&c->req_evidence, &c->req_evidence_cap, c->nreq_evidence + 1,
                sizeof *c->req_evidence) < 0)
        return -1;
    c->req_evidence[c->nreq_evidence++] = *ev;
    return 0;
}

/* The result of slot q: status, severity, evidence (parts in order, then applies/exempt). */
static int rq_result(rq_run *r, rq_slot *q, int contradicts)
{
    pc_comparison *c = r->c;
    const pc_requirement *req = q->req;
    pc_req_result res = {r->pi,          q->index, PC_REQ_MET,       PC_SEV_HIGH,
                         q->has_applies, 0,        c->nreq_evidence, 0};
    for (size_t p = 0; p < req->nparts; p++) {
        int met = req->parts[p].no_contradiction ? !contradicts : (int)((q->met >> p) & 1);
        if (!met)
            res.missing |= 1ul << p;
        else if (!req->parts[p].no_contradiction && rq_push_evidence(c, &q->part[p]) < 0)
            return -1;
    }
    if ((q->has_applies && rq_push_evidence(c, &q->applies) < 0) ||
        (q->has_exempt && rq_push_evidence(c, &q->exempt) < 0))
        return -1;
    res.nev = c->nreq_evidence - res.ev_first;
    if (q->has_exempt)
        res.status = PC_REQ_NOT_APPLICABLE;
    else if (res.missing)
        res.status = PC_REQ_NOT_DISCLOSED;
    if (req->conditional && !q->has_applies)
        res.severity = PC_SEV_LOW;
    if (pc_grow(&c->reqs, &c->reqs_cap, c->nreqs + 1, sizeof *c->reqs) < 0)
        return -1;
    c->reqs[c->nreqs++] = res;
    return 0;
}

/* "a, b and c": the names of the parts in bit set `parts`. */
static void rq_part_list(const pc_requirement *req, unsigned long parts, pc_buf *b)
{
    size_t total = (size_t)__builtin_popcountl(parts), done = 0;
    for (size_t p = 0; p < req->nparts; p++) {
        if (!((parts >> p) & 1))
            continue;
        pc_buf_printf(b, "%s%s",
                      done == 0           ? ""
                      : done + 1 == total ? " and "
                                          : ", ",
                      req->parts[p].name);
        done++;
    }
}

/* The missing-required finding of a result not disclosed: it rests on the policy, with the
 * clauses of the parts it does disclose as context. */
static int rq_finding(pc_comparison *c, const pc_req_result *res)
{
    const pc_requirement *req = &c->tax->reqs[res->requirement];
    pc_ref refs[PC_REQ_MAX_PARTS + 1];
    size_t nrefs = 0;
    refs[nrefs++] = (pc_ref){res->policy, PC_NO_CLAUSE, -1};
    for (size_t i = 0; i < res->nev && nrefs < PC_REQ_MAX_PARTS + 1; i++) {
        const pc_req_evidence *ev = &c->req_evidence[res->ev_first + i];
        if (ev->role == PC_REQ_PART && ev->at.clause != PC_NO_CLAUSE)
            refs[nrefs++] = ev->at;
    }
    pc_buf arts = {0}, parts = {0};
    for (size_t a = 0; a < req->narticles; a++)
        pc_buf_printf(&arts, "%s%s", a ? "; " : "", req->articles[a]);
    rq_part_list(req, res->missing, &parts);
    const char *tail = res->severity == PC_SEV_LOW
                           ? " (required only where it applies; nothing in the policy shows that "
                             "it does)"
                       : res->missing != (1ul << req->nparts) - 1 ? " (it discloses the rest)"
                                                                  : "";
    int rc = pc_cmp_add(c, PC_FIND_MISSING, res->severity, req->category, refs, nrefs,
                        "%s (%s): %s does not disclose %s%s", arts.data ? arts.data : "", req->id,
                        c->policies[res->policy]->id, parts.data ? parts.data : req->name, tail);
    if (rc == 0)
        c->findings[c->nfindings - 1].requirement = res->requirement;
    pc_buf_free(&arts);
    pc_buf_free(&parts);
    return rc;
}

/* ---- one policy ----------------------------------------------------------------------- */

static int rq_run_init(rq_run *r, pc_comparison *c, size_t pi)
{
    const pc_taxonomy *tax = c->tax;
    memset(r, 0, sizeof *r);
    r->c = c;
    r->pi = (int)pi;
    r->p = c->policies[pi];
    r->pf = tax->prefilter;
    r->slots = calloc(tax->nreqs ? tax->nreqs : 1, sizeof *r->slots);
    r->bits = calloc(pc_prefilter_words(r->pf) + 1, sizeof *r->bits);
    r->scratch = pc_prefilter_scratch_new(r->pf, NULL);
    r->md = pcre2_match_data_create(1, NULL);
    r->mctx = pcre2_match_context_create(NULL);
    r->canon = pc_cmp_canon(r->p);
    if (!r->slots || !r->bits || !r->scratch || !r->md || !r->mctx || !r->canon)
        return -1;
    pcre2_set_match_limit(r->mctx, PC_MATCH_LIMIT);
    pcre2_set_depth_limit(r->mctx, PC_DEPTH_LIMIT);
    for (size_t i = 0; i < tax->nreqs; i++) {
        const pc_requirement *req = &tax->reqs[i];
        if (!(req->regime & c->by_requirement))
            continue;
        r->slots[r->nslots++] = (rq_slot){.req = req, .index = (int)i};
        for (size_t p = 0; p < req->nparts; p++)
            r->pending += !req->parts[p].no_contradiction;
        r->pending += (req->napplies > 0) + (req->nexempt > 0);
    }
    return 0;
}

static void rq_run_free(rq_run *r)
{
    free(r->slots);
    free(r->bits);
    pc_prefilter_scratch_free(r->scratch);
    pcre2_match_data_free(r->md);
    pcre2_match_context_free(r->mctx);
    free(r->canon);
    pc_buf_free(&r->flat);
    free(r->map);
}

static int rq_policy(pc_comparison *c, size_t pi)
{
    rq_run r;
    int rc = rq_run_init(&r, c, pi);
    if (rc == 0)
        rc = rq_read_policy(&r);
    if (rc == 0) {
        int contradicts = rq_contradicts(c, (int)pi);
        size_t first = c->nreqs;
        for (size_t k = 0; rc == 0 && k < r.nslots; k++)
            rc = rq_result(&r, &r.slots[k], contradicts);
        for (size_t i = first; rc == 0 && i < c->nreqs; i++)
            if (c->reqs[i].status == PC_REQ_NOT_DISCLOSED)
                rc = rq_finding(c, &c->reqs[i]);
    }
    rq_run_free(&r);
    return rc;
}

unsigned pc_cmp_requirement_regimes(const pc_comparison *c)
{
    unsigned bits = 0;
    for (size_t i = 0; i < c->tax->nreqs; i++)
        bits |= c->tax->reqs[i].regime;
    return bits & c->regimes;
}

int pc_cmp_requirements(pc_comparison *c)
{
    for (size_t pi = 0; c->by_requirement && pi < c->npolicies; pi++)
        if (rq_policy(c, pi) < 0)
            return -1;
    return 0;
}

/* classify.c: the classifier engine (see classify.h and taxonomy/README.md "How a clause is
 * scored").
 *
 * One cl_state per call holds the PCRE2 match data, a match context with match/depth/heap
 * limits and a JIT stack, and the capacities of the result arrays being built. Each clause is
 * matched as its own subject (so \b and ^ see the clause's edges), with the titles of its
 * section and the enclosing sections (and, for a list item, its lead-in clause) as headings.
 */
#include "classify.h"

#include <stdlib.h>
#include <string.h>

/* A heading-like context for a clause: a string, and the offset its spans are reported at. */
typedef struct cl_title {
    const char *s;
    size_t len, base;
} cl_title;

#define CL_MAX_TITLES 16
#define CL_MAX_ATTR_MATCHES 16

/* cl_state: one classification in progress. Owns the PCRE2 objects; `out` is the result. */
typedef struct cl_state {
    pc_classified *out;
    pcre2_match_data *md;
    pcre2_match_context *mctx;
    pcre2_jit_stack *jit;
    size_t cap_labels, cap_ev, cap_attrs, cap_stances, cap_scopes, cap_warn;
    uint32_t utf_flag; /* PCRE2_NO_UTF_CHECK once the clause is known to be valid UTF-8 */
    size_t clause_base; /* offset of the current clause, for warnings */
    int oom;
} cl_state;

static int cl_init(cl_state *st, const pc_taxonomy *tax, pc_error *err)
{
    memset(st, 0, sizeof *st);
    st->out = calloc(1, sizeof *st->out);
    st->md = pcre2_match_data_create(64, NULL);
    st->mctx = pcre2_match_context_create(NULL);
    st->jit = pcre2_jit_stack_create(32 * 1024, 1024 * 1024, NULL);
    if (!st->out || !st->md || !st->mctx) {
        pc_error_set(err, "%s: out of memory", tax->path);
        return -1;
    }
    st->out->tax = tax;
    pcre2_set_match_limit(st->mctx, PC_MATCH_LIMIT);
    pcre2_set_depth_limit(st->mctx, PC_DEPTH_LIMIT);
    pcre2_set_heap_limit(st->mctx, PC_HEAP_LIMIT_KIB);
    if (st->jit)
        pcre2_jit_stack_assign(st->mctx, NULL, st->jit);
    return 0;
}

static void cl_done(cl_state *st)
{
    pcre2_match_data_free(st->md);
    pcre2_match_context_free(st->mctx);
    pcre2_jit_stack_free(st->jit);
}

/* Append one zeroed element to an array of the result; NULL when out of memory. */
static void *cl_push(cl_state *st, void *arr, size_t *n, size_t *cap, size_t size)
{
    if (pc_grow(arr, cap, *n + 1, size) < 0) {
        st->oom = 1;
        return NULL;
    }
    char *p = *(char **)arr + *n * size;
    memset(p, 0, size);
    (*n)++;
    return p;
}

static void cl_warn(cl_state *st, const pc_rule *r)
{
    pc_classified *o = st->out;
    for (size_t i = 0; i < o->nwarnings; i++)
        if (o->warnings[i].rule == r)
            return;
    pc_match_warning *w = cl_push(st, &o->warnings, &o->nwarnings, &st->cap_warn, sizeof *w);
    if (w) {
        w->rule = r;
        w->offset = st->clause_base;
    }
}

/* Match code against s[0..len) from `from`. 1 on a match (span relative to s), 0 otherwise;
 * a limit hit records a warning for rule r. */
static int cl_match(cl_state *st, const pc_rule *r, const pcre2_code *code, const char *s,
                    size_t len, size_t from, pc_span *span)
{
    int rc = pcre2_match(code, (PCRE2_SPTR)s, len, from, st->utf_flag, st->md, st->mctx);
    if (rc >= 0) {
        PCRE2_SIZE *ov = pcre2_get_ovector_pointer(st->md);
        if (span) {
            span->start = ov[0];
            span->end = ov[1];
        }
        return 1;
    }
    if (rc == PCRE2_ERROR_MATCHLIMIT || rc == PCRE2_ERROR_DEPTHLIMIT ||
        rc == PCRE2_ERROR_HEAPLIMIT || rc == PCRE2_ERROR_JIT_STACKLIMIT)
        cl_warn(st, r);
    return 0;
}

static int cl_valid_utf8(const char *s, size_t n)
{
    uint32_t cp;
    for (size_t i = 0; i < n;) {
        size_t k = pc_utf8_decode(s + i, n - i, &cp);
        if (!k)
            return 0;
        i += k;
    }
    return 1;
}

/* ---- categories ----------------------------------------------------------------------- */

static int cl_add_evidence(cl_state *st, const pc_rule *r, pc_span sp, size_t base, int heading)
{
    pc_classified *o = st->out;
    pc_evidence *e = cl_push(st, &o->evidence, &o->nevidence, &st->cap_ev, sizeof *e);
    if (!e)
        return -1;
    e->rule = r;
    e->span = (pc_span){sp.start + base, sp.end + base};
    e->heading = heading;
    return 0;
}

/* Does a clause rule fire on the clause? Adds its evidence when it does. */
static int cl_clause_rule(cl_state *st, const pc_rule *r, const cl_title *cl)
{
    pc_span sp;
    if (!cl_match(st, r, r->code, cl->s, cl->len, 0, &sp))
        return 0;
    if (r->exclude && cl_match(st, r, r->exclude, cl->s, cl->len, 0, NULL))
        return 0;
    return cl_add_evidence(st, r, sp, cl->base, 0) < 0 ? 0 : 1;
}

/* Does a heading rule fire on any of the titles? Counts once, with the first title's span. */
static int cl_heading_rule(cl_state *st, const pc_rule *r, const cl_title *t, size_t nt,
                           int separate)
{
    for (size_t i = 0; i < nt; i++) {
        pc_span sp;
        if (t[i].len && cl_match(st, r, r->code, t[i].s, t[i].len, 0, &sp) &&
            !(r->exclude && cl_match(st, r, r->exclude, t[i].s, t[i].len, 0, NULL)))
            return cl_add_evidence(st, r, sp, separate ? 0 : t[i].base, 1) < 0 ? 0 : 1;
    }
    return 0;
}

static int cl_vetoed(cl_state *st, const pc_category *cat, const cl_title *cl)
{
    for (size_t i = 0; i < cat->nexcludes; i++)
        if (cl_match(st, &cat->excludes[i], cat->excludes[i].code, cl->s, cl->len, 0, NULL))
            return 1;
    return 0;
}

/* Score one category on a clause; append a label (and keep its evidence) when it is given. */
static void cl_category(cl_state *st, int ci, const cl_title *cl, const cl_title *t, size_t nt,
                        int separate)
{
    pc_classified *o = st->out;
    const pc_category *cat = &o->tax->cats[ci];
    if (cat->nrules == 0 || cl_vetoed(st, cat, cl))
        return;
    size_t ev0 = o->nevidence;
    double score = 0;
    int fired = 0;
    for (size_t i = 0; i < cat->nrules; i++) {
        const pc_rule *r = &cat->rules[i];
        int hit = r->scope == PC_SCOPE_HEADING ? cl_heading_rule(st, r, t, nt, separate)
                                               : cl_clause_rule(st, r, cl);
        if (hit) {
            score += r->weight;
            fired++;
        }
    }
    if (!fired || score < cat->threshold || score <= 0) {
        o->nevidence = ev0;
        return;
    }
    pc_label *l = cl_push(st, &o->labels, &o->nlabels, &st->cap_labels, sizeof *l);
    if (!l)
        return;
    l->category = ci;
    l->score = score;
    l->ev_first = ev0;
    l->nev = o->nevidence - ev0;
}

/* ---- attributes ----------------------------------------------------------------------- */

static int cl_group(cl_state *st, const pc_rule *r, const char *name, const char *s,
                    const char **p, size_t *n)
{
    int g = pcre2_substring_number_from_name(r->code, (PCRE2_SPTR)name);
    *p = NULL;
    *n = 0;
    if (g < 0 || (uint32_t)g >= pcre2_get_ovector_count(st->md))
        return 0;
    PCRE2_SIZE *ov = pcre2_get_ovector_pointer(st->md);
    if (ov[2 * g] == PCRE2_UNSET)
        return 0;
    *p = s + ov[2 * g];
    *n = ov[2 * g + 1] - ov[2 * g];
    return 1;
}

static int cl_attr_seen(const pc_classified *o, size_t first, int ai, const char *norm)
{
    for (size_t i = first; i < o->nattrs; i++)
        if (o->attrs[i].attribute == ai && !strcmp(o->attrs[i].norm.text, norm))
            return 1;
    return 0;
}

/* Every match of one attribute rule on the clause. */
static void cl_attr_rule(cl_state *st, int ai, const pc_rule *r, const cl_title *cl,
                         size_t first)
{
    pc_classified *o = st->out;
    const pc_attribute *a = &o->tax->attrs[ai];
    if (r->exclude && cl_match(st, r, r->exclude, cl->s, cl->len, 0, NULL))
        return;
    size_t from = 0;
    pc_span sp;
    for (int k = 0; k < CL_MAX_ATTR_MATCHES && from <= cl->len &&
                    cl_match(st, r, r->code, cl->s, cl->len, from, &sp);
         k++) {
        from = sp.end > sp.start ? sp.end : sp.end + 1;
        const char *num, *unit, *work;
        size_t nnum, nunit, nwork;
        cl_group(st, r, "num", cl->s, &num, &nnum);
        cl_group(st, r, "unit", cl->s, &unit, &nunit);
        int working = cl_group(st, r, "working", cl->s, &work, &nwork) && nwork > 0;
        pc_attr_norm norm;
        if (pc_attr_normalize(a->kind, num, nnum, unit, nunit, working, r->value, &norm) < 0 ||
            cl_attr_seen(o, first, ai, norm.text))
            continue;
        pc_attr_hit *h = cl_push(st, &o->attrs, &o->nattrs, &st->cap_attrs, sizeof *h);
        if (!h)
            return;
        h->attribute = ai;
        h->rule = r;
        h->span = (pc_span){sp.start + cl->base, sp.end + cl->base};
        h->norm = norm;
    }
}

static int cl_has_label(const pc_classified *o, size_t first, int cat)
{
    for (size_t i = first; i < o->nlabels; i++)
        if (o->labels[i].category == cat)
            return 1;
    return 0;
}

/* ---- stances -------------------------------------------------------------------------- */

static void cl_scopes(cl_state *st, pc_stance *s, const cl_title *cl)
{
    pc_classified *o = st->out;
    s->scope_first = o->nscopes;
    for (int d = 0; d < PC_DIM_COUNT; d++)
        for (size_t i = 0; i < o->tax->nscopes[d]; i++) {
            const pc_rule *r = &o->tax->scopes[d][i];
            if (!cl_match(st, r, r->code, cl->s, cl->len, 0, NULL) ||
                (r->exclude && cl_match(st, r, r->exclude, cl->s, cl->len, 0, NULL)))
                continue;
            pc_scope_ref *ref = cl_push(st, &o->scopes, &o->nscopes, &st->cap_scopes,
                                        sizeof *ref);
            if (!ref)
                return;
            ref->dim = (pc_scope_dim)d;
            ref->index = (int)i;
            s->nscopes++;
        }
}

/* The first rule of the topic that fires decides the stance's action. */
static void cl_topic(cl_state *st, int ti, const cl_title *cl)
{
    pc_classified *o = st->out;
    const pc_topic *t = &o->tax->topics[ti];
    for (size_t i = 0; i < t->nrules; i++) {
        const pc_rule *r = &t->rules[i];
        pc_span sp;
        if (!cl_match(st, r, r->code, cl->s, cl->len, 0, &sp) ||
            (r->exclude && cl_match(st, r, r->exclude, cl->s, cl->len, 0, NULL)))
            continue;
        pc_stance *s = cl_push(st, &o->stances, &o->nstances, &st->cap_stances, sizeof *s);
        if (!s)
            return;
        s->topic = ti;
        s->rule = r;
        s->polarity = pc_stance_polarity(cl->s, cl->len, sp.start, sp.end);
        s->span = (pc_span){sp.start + cl->base, sp.end + cl->base};
        cl_scopes(st, s, cl);
        return;
    }
}

/* ---- one clause ----------------------------------------------------------------------- */

static void cl_clause(cl_state *st, pc_clause_result *res, const cl_title *cl,
                      const cl_title *titles, size_t nt, int separate)
{
    pc_classified *o = st->out;
    const pc_taxonomy *tax = o->tax;
    st->utf_flag = cl_valid_utf8(cl->s, cl->len) ? PCRE2_NO_UTF_CHECK : 0;
    st->clause_base = cl->base;
    res->label_first = o->nlabels;
    for (size_t c = 0; c < tax->ncats; c++)
        cl_category(st, (int)c, cl, titles, nt, separate);
    res->nlabels = o->nlabels - res->label_first;
    res->attr_first = o->nattrs;
    for (size_t a = 0; a < tax->nattrs; a++) {
        int cat = tax->attrs[a].category;
        if (cat >= 0 && !cl_has_label(o, res->label_first, cat))
            continue;
        for (size_t r = 0; r < tax->attrs[a].nrules; r++)
            cl_attr_rule(st, (int)a, &tax->attrs[a].rules[r], cl, res->attr_first);
    }
    res->nattrs = o->nattrs - res->attr_first;
    res->stance_first = o->nstances;
    for (size_t t = 0; t < tax->ntopics; t++)
        cl_topic(st, (int)t, cl);
    res->nstances = o->nstances - res->stance_first;
}

/* The headings of clause ci: its section's title and its ancestors', then a list item's
 * lead-in clause. */
static size_t cl_titles(const pc_outline *ol, size_t ci, cl_title *t)
{
    const char *text = ol->doc->text;
    const pc_clause *c = &ol->clauses[ci];
    size_t n = 0;
    for (int s = c->section; s >= 0 && (size_t)s < ol->nsections && n < CL_MAX_TITLES - 1;
         s = ol->sections[s].parent) {
        const pc_section *sec = &ol->sections[s];
        if (sec->title_end > sec->title_start)
            t[n++] = (cl_title){text + sec->title_start, sec->title_end - sec->title_start,
                                sec->title_start};
        if (sec->parent >= s)
            break; /* parents come first; guard against a malformed outline */
    }
    if (c->kind == PC_CLAUSE_ITEM && c->lead >= 0 && (size_t)c->lead < ol->nclauses) {
        const pc_clause *l = &ol->clauses[c->lead];
        t[n++] = (cl_title){text + l->start, l->end - l->start, l->start};
    }
    return n;
}

static pc_classified *cl_finish(cl_state *st, pc_error *err)
{
    cl_done(st);
    if (st->oom) {
        pc_error_set(err, "%s: out of memory while classifying", st->out->tax->path);
        pc_classified_free(st->out);
        return NULL;
    }
    return st->out;
}

pc_classified *pc_classify(const pc_taxonomy *tax, const pc_outline *ol, pc_error *err)
{
    cl_state st;
    if (cl_init(&st, tax, err) < 0) {
        cl_done(&st);
        free(st.out);
        return NULL;
    }
    pc_classified *o = st.out;
    o->outline = ol;
    o->clauses = calloc(ol->nclauses ? ol->nclauses : 1, sizeof *o->clauses);
    if (!o->clauses)
        st.oom = 1;
    else
        o->nclauses = ol->nclauses;
    for (size_t i = 0; i < o->nclauses && !st.oom; i++) {
        const pc_clause *c = &ol->clauses[i];
        cl_title titles[CL_MAX_TITLES];
        size_t nt = cl_titles(ol, i, titles);
        cl_title cl = {ol->doc->text + c->start, c->end - c->start, c->start};
        cl_clause(&st, &o->clauses[i], &cl, titles, nt, 0);
    }
    return cl_finish(&st, err);
}

pc_classified *pc_classify_text(const pc_taxonomy *tax, const char *text, size_t len,
                                const char *heading, pc_error *err)
{
    cl_state st;
    if (cl_init(&st, tax, err) < 0) {
        cl_done(&st);
        free(st.out);
        return NULL;
    }
    pc_classified *o = st.out;
    o->clauses = calloc(1, sizeof *o->clauses);
    if (!o->clauses) {
        st.oom = 1;
    } else {
        o->nclauses = 1;
        cl_title cl = {text, len, 0};
        cl_title h = {heading ? heading : "", heading ? strlen(heading) : 0, 0};
        cl_clause(&st, &o->clauses[0], &cl, &h, h.len ? 1 : 0, 1);
    }
    return cl_finish(&st, err);
}

void pc_classified_free(pc_classified *c)
{
    if (!c)
        return;
    free(c->clauses);
    free(c->labels);
    free(c->evidence);
    free(c->attrs);
    free(c->stances);
    free(c->scopes);
    free(c->warnings);
    free(c);
}

unsigned pc_classified_opp10(const pc_classified *c)
{
    unsigned mask = 0;
    for (size_t i = 0; i < c->nlabels; i++) {
        int o = c->tax->cats[c->labels[i].category].opp10;
        if (o >= 0 && o < PC_OPP_COUNT)
            mask |= 1u << o;
    }
    return mask;
}

const pc_label *pc_classified_label(const pc_classified *c, size_t clause, int cat)
{
    if (clause >= c->nclauses)
        return NULL;
    const pc_clause_result *r = &c->clauses[clause];
    for (size_t i = r->label_first; i < r->label_first + r->nlabels; i++)
        if (c->labels[i].category == cat)
            return &c->labels[i];
    return NULL;
}

/* ---- engines and batches -------------------------------------------------------------- */

int pc_engine_from_name(const char *name)
{
    if (name && !strcmp(name, "prefilter"))
        return PC_ENGINE_PREFILTER;
    if (name && !strcmp(name, "reference"))
        return PC_ENGINE_REFERENCE;
    return -1;
}

const char *pc_engine_name(pc_engine e)
{
    return e == PC_ENGINE_REFERENCE ? "reference" : "prefilter";
}

/* pc_matcher: borrows the taxonomy. */
struct pc_matcher {
    const pc_taxonomy *tax;
};

pc_matcher *pc_matcher_new(const pc_taxonomy *tax, pc_error *err)
{
    pc_matcher *m = calloc(1, sizeof *m);
    if (!m) {
        pc_error_set(err, "%s: out of memory", tax->path);
        return NULL;
    }
    m->tax = tax;
    return m;
}

void pc_matcher_free(pc_matcher *m)
{
    free(m);
}

int pc_matcher_classify(pc_matcher *m, const pc_outline *const *outlines, size_t n,
                        const pc_classify_opts *opts, pc_classified **out, pc_error *err)
{
    (void)opts;
    for (size_t i = 0; i < n; i++)
        out[i] = NULL;
    for (size_t i = 0; i < n; i++) {
        out[i] = pc_classify(m->tax, outlines[i], err);
        if (!out[i]) {
            for (size_t j = 0; j < i; j++) {
                pc_classified_free(out[j]);
                out[j] = NULL;
            }
            return -1;
        }
    }
    return 0;
}

pc_classified **pc_classify_batch(const pc_taxonomy *tax, const pc_outline *const *outlines,
                                  size_t n, const pc_classify_opts *opts, pc_error *err)
{
    pc_classified **out = calloc(n ? n : 1, sizeof *out);
    pc_matcher *m = out ? pc_matcher_new(tax, err) : NULL;
    if (!out)
        pc_error_set(err, "%s: out of memory", tax->path);
    if (!m || pc_matcher_classify(m, outlines, n, opts, out, err) < 0) {
        pc_matcher_free(m);
        free(out);
        return NULL;
    }
    pc_matcher_free(m);
    return out;
}

void pc_classified_free_batch(pc_classified **c, size_t n)
{
    if (!c)
        return;
    for (size_t i = 0; i < n; i++)
        pc_classified_free(c[i]);
    free(c);
}

pc_classified *pc_classify_with(const pc_taxonomy *tax, const pc_outline *outline,
                                const pc_classify_opts *opts, pc_error *err)
{
    (void)opts;
    return pc_classify(tax, outline, err);
}

pc_classified *pc_classify_text_with(const pc_taxonomy *tax, const char *text, size_t len,
                                     const char *heading, const pc_classify_opts *opts,
                                     pc_error *err)
{
    (void)opts;
    return pc_classify_text(tax, text, len, heading, err);
}

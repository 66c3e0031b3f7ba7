/* classify.c: the classifier engine (classify.h; taxonomy/README.md "How a clause is scored").
 *
 * A pc_matcher holds the PCRE2 match data, a match context with match/depth/heap limits and a
 * JIT stack, the literal-scan scratch and a batch of clauses; one cl_state per outline holds
 * the result being built. Each clause is matched as its own subject (so \b and ^ see the
 * clause's edges), with the titles of its section and the enclosing sections (and, for a list
 * item, its lead-in clause) as headings.
 *
 * Both engines walk the clauses in the same order through the same scoring code; every
 * attempt of a rule's pattern goes through cl_try. The reference engine always runs PCRE2
 * there. The prefilter engine first gathers up to PC_BATCH_CLAUSES clauses, scans each for
 * the rules' literals and runs the rules every clause is tried on (category rules and vetoes,
 * stance rules) pattern by pattern over their candidate clauses (pc_prefilter_batch_run); cl_try
 * then answers from those results, or from the literal bits (a clear bit: no match), or runs PCRE2.
 * Limit warnings are recorded when the scoring code reaches an attempt, as in the reference.
 */
#include "classify/classify.h"
#include "classify/classify_internal.h"
#include "classify/model_unit.h"
#include "taxonomy/prefilter.h"

#include <stdlib.h>
#include <string.h>

/* A heading-like context for a clause, or the clause: a string, the offset its spans are
 * reported at, its literal bits (NULL: unknown) and, for a clause in a prefiltered batch, its
 * index there (-1: none). Borrows everything. */
typedef struct cl_title {
    const char *s;
    size_t len, base;
    const uint64_t *bits;
    long batch;
    int ascii; /* every byte of s[0..len) is below 0x80 (0: not known) */
} cl_title;

#define CL_MAX_TITLES       16
#define CL_MAX_ATTR_MATCHES 16

/* pc_matcher: owns the PCRE2 match objects, the scan scratch, the batch and the title bits;
 * borrows the taxonomy. */
struct pc_matcher {
    const pc_taxonomy *tax;
    const pc_prefilter *pf;
    pcre2_match_data *md;
    pcre2_match_context *mctx;
    pcre2_jit_stack *jit;
    pc_prefilter_scratch *scratch;
    uint64_t *first;    /* rules run in the first pass */
    uint64_t *sec_bits; /* bits of the current outline's section titles */
    size_t cap_sec;
    uint64_t *lead_bits; /* bits of a lead-in clause or a separate heading */
    pc_prefilter_batch *batch;
    size_t words;       /* 64-bit words of a set of literal bits (pc_prefilter_words) */
    cl_cats cats;       /* the categories a clause's bits leave in play */
    int prefilter;     /* the engine of the current call */
    cl_model *model;   /* the learned model's scratch, NULL without a model */
    int model_whole;   /* the model reads each outline whole (pc_classify_opts.whole) */
};

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
    pc_matcher *m = st->m;
    int rc = pcre2_match(code, (PCRE2_SPTR)s, len, from, st->utf_flag, m->md, m->mctx);
    if (rc >= 0) {
        PCRE2_SIZE *ov = pcre2_get_ovector_pointer(m->md);
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

/* cl_try once t's bits did not rule r out. */
static int cl_try_run(cl_state *st, const pc_rule *r, const cl_title *t, size_t from,
                      pc_span *span)
{
    pc_matcher *m = st->m;
    if (t->batch >= 0 && from == 0 && pc_prefilter_bit(m->first, r->index)) {
        const pc_prefilter_hit *h = pc_prefilter_batch_find(m->batch, (size_t)t->batch, r->index);
        if (h && h->status < 0)
            cl_warn(st, r);
        if (h && h->status > 0 && span)
            *span = h->span;
        return h && h->status > 0;
    }
    const pcre2_code *code =
        t->ascii ? pc_prefilter_code_ascii(m->pf, r) : pc_prefilter_code(m->pf, r);
    return cl_match(st, r, code, t->s, t->len, from, span);
}

/* Try rule r's pattern on t from `from`, as cl_match does: as no match when t's bits rule r
 * out (inline: most attempts end here), from the first pass's results when t is a batch
 * clause and r ran there, else with PCRE2. */
static inline int cl_try(cl_state *st, const pc_rule *r, const cl_title *t, size_t from,
                         pc_span *span)
{
    if (t->bits && !pc_prefilter_bit(t->bits, r->index))
        return 0;
    return cl_try_run(st, r, t, from, span);
}

/* ---- categories ----------------------------------------------------------------------- */

static int cl_add_evidence(cl_state *st, const pc_rule *r, pc_span sp, size_t base, int heading)
{
    pc_classified *o = st->out;
    pc_evidence *e = cl_push(st, &o->evidence, &o->nevidence, &st->cap_ev, sizeof *e);
    if (!e)
        return -1;
    e->rule = r;
    e->span = pc_span_narrow((pc_span){sp.start + base, sp.end + base});
    e->heading = heading;
    return 0;
}

/* Does a clause rule fire on the clause? Adds its evidence when it does. */
static int cl_clause_rule(cl_state *st, const pc_rule *r, const cl_title *cl)
{
    pc_span sp;
    if (!cl_try(st, r, cl, 0, &sp))
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
        if (t[i].len && cl_try(st, r, &t[i], 0, &sp) &&
            !(r->exclude && cl_match(st, r, r->exclude, t[i].s, t[i].len, 0, NULL)))
            return cl_add_evidence(st, r, sp, separate ? 0 : t[i].base, 1) < 0 ? 0 : 1;
    }
    return 0;
}

static int cl_vetoed(cl_state *st, const pc_category *cat, const cl_title *cl)
{
    for (size_t i = 0; i < cat->nexcludes; i++)
        if (cl_try(st, &cat->excludes[i], cl, 0, NULL))
            return 1;
    return 0;
}

/* Score one category on a clause; append a label (and keep its evidence) when it is given. */
static void cl_category(cl_state *st, int ci, const cl_title *cl, const cl_title *t, size_t nt,
                        int separate)
{
    pc_classified *o = st->out;
    const pc_category *cat = &o->tax->cats[ci];
    /* the clause's literal bits rule out every clause rule and veto (none is tried, nor can
     * warn), and no rule reads the titles */
    if (cat->nrules == 0 || (cl->bits && cl_cats_out(&st->m->cats, ci)) ||
        cl_vetoed(st, cat, cl))
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

static int cl_group(cl_state *st, const pc_rule *r, const char *name, const char *s, const char **p,
                    size_t *n)
{
    int g = pcre2_substring_number_from_name(r->code, (PCRE2_SPTR)name);
    *p = NULL;
    *n = 0;
    if (g < 0 || (uint32_t)g >= pcre2_get_ovector_count(st->m->md))
        return 0;
    PCRE2_SIZE *ov = pcre2_get_ovector_pointer(st->m->md);
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
static void cl_attr_rule(cl_state *st, int ai, const pc_rule *r, const cl_title *cl, size_t first)
{
    pc_classified *o = st->out;
    const pc_attribute *a = &o->tax->attrs[ai];
    if (r->exclude && cl_match(st, r, r->exclude, cl->s, cl->len, 0, NULL))
        return;
    size_t from = 0;
    pc_span sp;
    for (int k = 0; k < CL_MAX_ATTR_MATCHES && from <= cl->len && cl_try(st, r, cl, from, &sp);
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
            if (!cl_try(st, r, cl, 0, NULL) ||
                (r->exclude && cl_match(st, r, r->exclude, cl->s, cl->len, 0, NULL)))
                continue;
            pc_scope_ref *ref = cl_push(st, &o->scopes, &o->nscopes, &st->cap_scopes, sizeof *ref);
            if (!ref)
                return;
            ref->dim = (pc_scope_dim)d;
            ref->index = (int)i;
            s->nscopes++;
        }
}

/* The first rule of the topic that fires decides the stance's action. sc is the clause's
 * words, split on the first stance found. */
static void cl_topic(cl_state *st, int ti, const cl_title *cl, pc_stance_clause *sc)
{
    pc_classified *o = st->out;
    const pc_topic *t = &o->tax->topics[ti];
    for (size_t i = 0; i < t->nrules; i++) {
        const pc_rule *r = &t->rules[i];
        pc_span sp;
        if (!cl_try(st, r, cl, 0, &sp) ||
            (r->exclude && cl_match(st, r, r->exclude, cl->s, cl->len, 0, NULL)))
            continue;
        pc_stance *s = cl_push(st, &o->stances, &o->nstances, &st->cap_stances, sizeof *s);
        if (!s)
            return;
        s->topic = ti;
        s->rule = r;
        s->polarity = pc_stance_clause_polarity(sc, sp.start, sp.end);
        s->span = pc_span_narrow((pc_span){sp.start + cl->base, sp.end + cl->base});
        cl_scopes(st, s, cl);
        return;
    }
}

/* ---- one clause ----------------------------------------------------------------------- */

/* What the model reads of a clause (model_unit.h): in an outline its nearest title, a list
 * item's lead-in and the clause; else the separate heading and the clause. */
static void cl_model_read(cl_state *st, pc_clause_result *res, const cl_title *cl,
                          const cl_title *t, size_t nt)
{
    pc_feat_field f[3];
    size_t n = 0;
    const pc_outline *ol = st->out->outline;
    if (ol)
        n = pc_model_clause_fields(ol, (size_t)(res - st->out->clauses), f);
    else {
        if (nt > 0)
            f[n++] = (pc_feat_field){t[0].s, t[0].len, t[0].base, 1};
        f[n++] = (pc_feat_field){cl->s, cl->len, cl->base, 0};
    }
    cl_model_clause(st->m->model, st, res, f, n);
}

static void cl_clause(cl_state *st, pc_clause_result *res, const cl_title *cl,
                      const cl_title *titles, size_t nt, int separate, uint32_t utf)
{
    pc_classified *o = st->out;
    const pc_taxonomy *tax = o->tax;
    st->utf_flag = utf;
    st->clause_base = cl->base;
    res->label_first = o->nlabels;
    if (cl->bits)
        cl_cats_live(&st->m->cats, cl->bits);
    for (size_t c = 0; c < tax->ncats; c++)
        cl_category(st, (int)c, cl, titles, nt, separate);
    res->nlabels = o->nlabels - res->label_first;
    if (st->m->model && !st->m->model_whole)
        cl_model_read(st, res, cl, titles, nt);
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
    pc_stance_clause sc;
    pc_stance_clause_init(&sc, cl->s, cl->len);
    for (size_t t = 0; t < tax->ntopics; t++)
        cl_topic(st, (int)t, cl, &sc);
    res->nstances = o->nstances - res->stance_first;
}

/* ---- the driver ----------------------------------------------------------------------- */

/* One clause waiting in the batch. Borrows everything. `ol` is NULL for pc_classify_text,
 * whose clause has a separate `heading`. */
typedef struct cl_item {
    cl_state *st;
    const pc_outline *ol;
    size_t ci;
    const char *s;
    size_t len, base;
    const char *heading;
    uint32_t utf; /* PCRE2_NO_UTF_CHECK when s[0..len) is valid UTF-8, else 0 (cl_queue) */
    int ascii;    /* every byte of s[0..len) is below 0x80 (cl_queue) */
} cl_item;

/* The bits of s[0..len) in m->lead_bits, or NULL when not prefiltering. */
static const uint64_t *cl_lead_bits(pc_matcher *m, const char *s, size_t len)
{
    if (!m->prefilter)
        return NULL;
    pc_prefilter_scan(m->pf, m->scratch, s, len, m->lead_bits);
    return m->lead_bits;
}

/* The headings of clause ci: its section's title and its ancestors', then a list item's
 * lead-in clause. */
static size_t cl_titles(pc_matcher *m, const pc_outline *ol, size_t ci, cl_title *t)
{
    const char *text = ol->doc->text;
    const pc_clause *c = &ol->clauses[ci];
    size_t n = 0, w = pc_prefilter_words(m->pf);
    for (int s = c->section; s >= 0 && (size_t)s < ol->nsections && n < CL_MAX_TITLES - 1;
         s = ol->sections[s].parent) {
        const pc_section *sec = &ol->sections[s];
        if (sec->title_end > sec->title_start)
            t[n++] = (cl_title){text + sec->title_start, sec->title_end - sec->title_start,
                                sec->title_start, m->prefilter ? m->sec_bits + s * w : NULL, -1, 0};
        if (sec->parent >= s)
            break; /* parents come first; guard against a malformed outline */
    }
    if (c->kind == PC_CLAUSE_ITEM && c->lead >= 0 && (size_t)c->lead < ol->nclauses) {
        const pc_clause *l = &ol->clauses[c->lead];
        t[n++] = (cl_title){text + l->start, l->end - l->start, l->start,
                            cl_lead_bits(m, text + l->start, l->end - l->start), -1, 0};
    }
    return n;
}

/* Scan the section titles of ol into m->sec_bits. */
static int cl_scan_sections(pc_matcher *m, const pc_outline *ol)
{
    size_t w = pc_prefilter_words(m->pf);
    if (pc_grow(&m->sec_bits, &m->cap_sec, (ol->nsections + 1) * w, sizeof *m->sec_bits) < 0)
        return -1;
    for (size_t s = 0; s < ol->nsections; s++) {
        const pc_section *sec = &ol->sections[s];
        size_t len = sec->title_end > sec->title_start ? sec->title_end - sec->title_start : 0;
        pc_prefilter_scan(m->pf, m->scratch, ol->doc->text + sec->title_start, len,
                          m->sec_bits + s * w);
    }
    return 0;
}

/* Classify the n waiting clauses (first pass, then clause by clause). -1 when out of memory. */
static int cl_run_batch(pc_matcher *m, const cl_item *items, size_t n)
{
    if (m->prefilter &&
        pc_prefilter_batch_run(m->batch, m->pf, m->scratch, m->first, m->md, m->mctx) < 0)
        return -1;
    const pc_outline *cur = NULL;
    for (size_t j = 0; j < n; j++) {
        const cl_item *it = &items[j];
        cl_title cl = {it->s, it->len, it->base,
                       m->prefilter ? pc_prefilter_batch_bits(m->batch, j) : NULL,
                       m->prefilter ? (long)j : -1, it->ascii};
        cl_title titles[CL_MAX_TITLES];
        size_t nt = 0;
        if (it->ol) {
            if (it->ol != cur && m->prefilter && cl_scan_sections(m, it->ol) < 0)
                return -1;
            cur = it->ol;
            nt = cl_titles(m, it->ol, it->ci, titles);
        } else if (it->heading && *it->heading) {
            size_t hl = strlen(it->heading);
            titles[nt++] = (cl_title){it->heading, hl, 0, cl_lead_bits(m, it->heading, hl), -1, 0};
        }
        cl_clause(it->st, &it->st->out->clauses[it->ci], &cl, titles, nt, it->ol == NULL,
                  it->utf);
    }
    pc_prefilter_batch_reset(m->batch);
    return 0;
}

/* Queue one clause; runs the batch when it is full. -1 when out of memory. */
static int cl_queue(pc_matcher *m, cl_item *items, size_t *n, const cl_item *it)
{
    cl_item *q = &items[(*n)++];
    *q = *it;
    int utf8 = pc_utf8_check(it->s, it->len);
    q->utf = utf8 != PC_UTF8_INVALID ? PCRE2_NO_UTF_CHECK : 0;
    q->ascii = utf8 == PC_UTF8_ASCII;
    if (m->prefilter && pc_prefilter_batch_add(m->batch, it->s, it->len, q->utf, q->ascii) < 0)
        return -1;
    if (*n < PC_BATCH_CLAUSES)
        return 0;
    int rc = cl_run_batch(m, items, *n);
    *n = 0;
    return rc;
}

/* A fresh result with nclauses zeroed clause results (and their verdicts, with a model). */
static pc_classified *cl_result_new(const pc_taxonomy *tax, const pc_outline *ol, size_t n,
                                    const pc_classify_opts *opts)
{
    pc_classified *o = calloc(1, sizeof *o);
    if (!o)
        return NULL;
    o->tax = tax;
    o->outline = ol;
    o->clauses = calloc(n ? n : 1, sizeof *o->clauses);
    o->nclauses = n;
    if (opts && opts->model) {
        o->model = opts->model;
        o->whole = opts->whole;
        o->no_ngrams = opts->no_ngrams && !opts->whole;
        o->nverdicts = opts->whole ? 1 : o->no_ngrams ? 0 : n;
        if (o->nverdicts)
            o->verdicts = calloc(o->nverdicts, sizeof *o->verdicts);
    }
    if (!o->clauses || (o->nverdicts && !o->verdicts)) {
        pc_classified_free(o);
        return NULL;
    }
    return o;
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
    free(c->verdicts);
    free(c->ngrams);
    free(c->dropped);
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

pc_matcher *pc_matcher_new(const pc_taxonomy *tax, pc_error *err)
{
    if (tax->ncats > INT16_MAX) { /* pc_label's category */
        pc_error_set(err, "%s: too many categories (%zu; at most %d)", tax->path, tax->ncats,
                     INT16_MAX);
        return NULL;
    }
    pc_matcher *m = calloc(1, sizeof *m);
    if (!m) {
        pc_error_set(err, "%s: out of memory", tax->path);
        return NULL;
    }
    size_t w = pc_prefilter_words(tax->prefilter);
    m->tax = tax;
    m->pf = tax->prefilter;
    m->words = w;
    m->md = pcre2_match_data_create(64, NULL);
    m->mctx = pcre2_match_context_create(NULL);
    m->jit = pcre2_jit_stack_create(32 * 1024, 1024 * 1024, NULL);
    m->first = calloc(w, sizeof *m->first);
    m->lead_bits = calloc(w, sizeof *m->lead_bits);
    m->batch = calloc(1, sizeof *m->batch);
    m->scratch = pc_prefilter_scratch_new(m->pf, err);
    if (!m->md || !m->mctx || !m->first || !m->lead_bits || !m->batch || !m->scratch ||
        cl_cats_init(&m->cats, tax, w) < 0) {
        pc_error_set(err, "%s: out of memory", tax->path);
        pc_matcher_free(m);
        return NULL;
    }
    pcre2_set_match_limit(m->mctx, PC_MATCH_LIMIT);
    pcre2_set_depth_limit(m->mctx, PC_DEPTH_LIMIT);
    pcre2_set_heap_limit(m->mctx, PC_HEAP_LIMIT_KIB);
    if (m->jit)
        pcre2_jit_stack_assign(m->mctx, NULL, m->jit);
    cl_mark_first(tax, m->first);
    return m;
}

void pc_matcher_free(pc_matcher *m)
{
    if (!m)
        return;
    pcre2_match_data_free(m->md);
    pcre2_match_context_free(m->mctx);
    pcre2_jit_stack_free(m->jit);
    pc_prefilter_scratch_free(m->scratch);
    cl_model_free(m->model);
    if (m->batch)
        pc_prefilter_batch_free(m->batch);
    free(m->batch);
    free(m->first);
    cl_cats_free(&m->cats);
    free(m->sec_bits);
    free(m->lead_bits);
    free(m);
}

/* Queue every clause of every outline, running full batches, then the rest. */
static int cl_classify_all(pc_matcher *m, const pc_outline *const *outlines, size_t n, cl_state *st,
                           cl_item *items)
{
    size_t ni = 0;
    for (size_t k = 0; k < n; k++) {
        const pc_outline *ol = outlines[k];
        for (size_t ci = 0; ci < ol->nclauses; ci++) {
            const pc_clause *c = &ol->clauses[ci];
            cl_item it = {.st = &st[k], .ol = ol, .ci = ci, .s = ol->doc->text + c->start,
                          .len = c->end - c->start, .base = c->start};
            if (cl_queue(m, items, &ni, &it) < 0)
                return -1;
        }
    }
    return ni ? cl_run_batch(m, items, ni) : 0;
}

/* The engine and the model of this call; -1 when out of memory. */
static int cl_set_opts(pc_matcher *m, const pc_classify_opts *opts)
{
    const pc_model *model = opts ? opts->model : NULL;
    m->prefilter = !(opts && opts->engine == PC_ENGINE_REFERENCE);
    m->model_whole = model && opts->whole;
    if (m->model && !model) {
        cl_model_free(m->model);
        m->model = NULL;
    }
    if (model && (!m->model || cl_model_of(m->model) != model)) {
        cl_model_free(m->model);
        m->model = cl_model_new(model);
    }
    return model && !m->model ? -1 : 0;
}

int pc_matcher_classify(pc_matcher *m, const pc_outline *const *outlines, size_t n,
                        const pc_classify_opts *opts, pc_classified **out, pc_error *err)
{
    size_t total = 0;
    for (size_t k = 0; k < n; k++)
        total += outlines[k]->nclauses;
    cl_state *st = calloc(n ? n : 1, sizeof *st);
    cl_item *items = calloc(total < PC_BATCH_CLAUSES ? total + 1 : PC_BATCH_CLAUSES, sizeof *items);
    int oom = !st || !items || cl_set_opts(m, opts) < 0;
    for (size_t k = 0; k < n && !oom; k++) {
        st[k].m = m;
        st[k].out = cl_result_new(m->tax, outlines[k], outlines[k]->nclauses, opts);
        oom = !st[k].out;
    }
    if (!oom)
        oom = cl_classify_all(m, outlines, n, st, items) < 0;
    for (size_t k = 0; k < n && !oom && m->model_whole; k++)
        cl_model_whole(m->model, &st[k]);
    pc_prefilter_batch_reset(m->batch);
    for (size_t k = 0; k < n; k++) {
        oom |= st && st[k].oom;
        out[k] = st ? st[k].out : NULL;
    }
    free(st);
    free(items);
    if (!oom)
        return 0;
    pc_error_set(err, "%s: out of memory while classifying", m->tax->path);
    for (size_t k = 0; k < n; k++) {
        pc_classified_free(out[k]);
        out[k] = NULL;
    }
    return -1;
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
    pc_classified **r = pc_classify_batch(tax, &outline, 1, opts, err);
    pc_classified *o = r ? r[0] : NULL;
    free(r);
    return o;
}

pc_classified *pc_classify(const pc_taxonomy *tax, const pc_outline *outline, pc_error *err)
{
    return pc_classify_with(tax, outline, NULL, err);
}

pc_classified *pc_classify_text_with(const pc_taxonomy *tax, const char *text, size_t len,
                                     const char *heading, const pc_classify_opts *opts,
                                     pc_error *err)
{
    pc_matcher *m = pc_matcher_new(tax, err);
    if (!m)
        return NULL;
    pc_classify_opts one = opts ? *opts : (pc_classify_opts){0};
    one.whole = 0; /* one clause: the clause is the unit */
    opts = &one;
    cl_state st = {.m = m, .out = cl_result_new(tax, NULL, 1, opts)};
    cl_item item = {&st, NULL, 0, text, len, 0, heading, 0, 0}, items[1];
    size_t n = 0;
    int rc = st.out && cl_set_opts(m, opts) == 0 ? cl_queue(m, items, &n, &item) : -1;
    if (rc == 0 && n)
        rc = cl_run_batch(m, items, n);
    pc_matcher_free(m);
    if (rc < 0 || st.oom) {
        pc_error_set(err, "%s: out of memory while classifying", tax->path);
        pc_classified_free(st.out);
        return NULL;
    }
    return st.out;
}

pc_classified *pc_classify_text(const pc_taxonomy *tax, const char *text, size_t len,
                                const char *heading, pc_error *err)
{
    return pc_classify_text_with(tax, text, len, heading, NULL, err);
}

/* cmd_classify.c: `polcmp classify [--taxonomy FILE] [--model FILE | --no-model] [--jobs N]
 * POLICY|DIR|-...` prints one JSON object per clause (labels with evidence, attributes,
 * stances), and `polcmp classify --segments FILE.jsonl` (or JSON Lines on "-") labels given
 * texts, keeping every input field; the learned model reads a policy clause by clause and a
 * given text whole. With a model each label carries a "model" object (score, threshold, class,
 * the n-grams that weighed most) and each clause the rules' labels the model overruled. Inputs
 * go through the batch pipeline (batch_cli.h): --jobs threads, output in input order, a
 * failing input reported and skipped (exit status 2). */
#include "batch_cli.h"
#include "classify/classify.h"
#include "classify/frame.h"
#include "cli.h"
#include "present/frame_json.h"
#include "present/jsonw.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- JSON of results ------------------------------------------------------------------ */

/* The fields `--fields` chooses from (CLASSIFY_F_ALL: every one, the default). "id" stands for
 * policy, file and clause; "spans" and "ngrams" are the evidence spans of a label and the
 * n-grams of its "model" object. */
enum {
    CLASSIFY_F_POLICY = 1 << 0, CLASSIFY_F_FILE = 1 << 1, CLASSIFY_F_SECTION = 1 << 2,
    CLASSIFY_F_HEADING = 1 << 3, CLASSIFY_F_CLAUSE = 1 << 4, CLASSIFY_F_START = 1 << 5,
    CLASSIFY_F_END = 1 << 6, CLASSIFY_F_TEXT = 1 << 7, CLASSIFY_F_LABELS = 1 << 8,
    CLASSIFY_F_ATTRIBUTES = 1 << 9, CLASSIFY_F_STANCES = 1 << 10, CLASSIFY_F_OVERRULED = 1 << 11,
    CLASSIFY_F_FRAMES = 1 << 12, CLASSIFY_F_SPANS = 1 << 13, CLASSIFY_F_NGRAMS = 1 << 14,
    CLASSIFY_F_ALL = (1 << 15) - 1,
};

static const struct {
    const char *name;
    unsigned bits;
} classify_field_names[] = {
    {"id", CLASSIFY_F_POLICY | CLASSIFY_F_FILE | CLASSIFY_F_CLAUSE},
    {"policy", CLASSIFY_F_POLICY}, {"file", CLASSIFY_F_FILE}, {"section", CLASSIFY_F_SECTION},
    {"heading", CLASSIFY_F_HEADING}, {"clause", CLASSIFY_F_CLAUSE}, {"start", CLASSIFY_F_START},
    {"end", CLASSIFY_F_END}, {"text", CLASSIFY_F_TEXT}, {"labels", CLASSIFY_F_LABELS},
    {"attributes", CLASSIFY_F_ATTRIBUTES}, {"stances", CLASSIFY_F_STANCES},
    {"overruled", CLASSIFY_F_OVERRULED}, {"frames", CLASSIFY_F_FRAMES},
    {"spans", CLASSIFY_F_SPANS}, {"ngrams", CLASSIFY_F_NGRAMS},
};

/* "id,labels" -> the bits; -1 naming the unknown field in why. */
static long classify_fields_parse(const char *list, pc_error *why)
{
    unsigned bits = 0;
    for (const char *p = list; *p;) {
        size_t n = strcspn(p, ","), k = 0;
        while (k < sizeof classify_field_names / sizeof classify_field_names[0] &&
               (strlen(classify_field_names[k].name) != n ||
                strncmp(classify_field_names[k].name, p, n)))
            k++;
        if (k == sizeof classify_field_names / sizeof classify_field_names[0]) {
            pc_error_set(why, "unknown field '%.*s' (id, policy, file, section, heading, clause, "
                              "start, end, text, labels, attributes, stances, overruled, frames, "
                              "spans, ngrams)", (int)n, p);
            return -1;
        }
        bits |= classify_field_names[k].bits;
        p += n + (p[n] == ',');
    }
    return bits;
}

/* One classification being written: the results, the text their spans point into, the
 * fields chosen. Borrows everything. */
typedef struct classify_out {
    pc_jsonw *w;
    const pc_classified *c;
    const char *text;
    unsigned fields;
} classify_out;

static void classify_span(pc_jsonw *w, pc_span s)
{
    pc_jsonw_span(w, (long long)s.start, (long long)s.end);
}

/* The model's side of a label: score and threshold of its class, the n-grams that weighed. */
static void classify_model(const classify_out *o, size_t clause, const pc_label *l)
{
    const pc_classified *c = o->c;
    const pc_model_verdict *v = pc_classified_verdict(c, clause);
    int k = pc_classified_label_class(c, clause, l);
    pc_jsonw *w = o->w;
    if (!v || k < 0) {
        pc_jsonw_null(w);
        return;
    }
    pc_jsonw_obj(w);
    pc_jsonw_lit_str(w, "class", pc_opp12_name(k));
    pc_jsonw_lit_real(w, "score", pc_classified_model_score(c, clause, k));
    pc_jsonw_lit_real(w, "threshold", pc_classified_model_threshold(c, clause, k));
    pc_jsonw_key_lit(w, "strong");
    pc_jsonw_bool(w, (v->strong >> k) & 1);
    if (o->fields & CLASSIFY_F_NGRAMS) {
        pc_jsonw_key_lit(w, "ngrams");
        pc_jsonw_arr(w);
        for (size_t i = l->ng_first; i < l->ng_first + l->nng; i++) {
            const pc_model_ngram *g = &c->ngrams[i];
            pc_jsonw_obj(w);
            pc_jsonw_lit_strn(w, "text", o->text + g->span.start, g->span.end - g->span.start);
            pc_jsonw_key_lit(w, "span");
            classify_span(w, g->span);
            pc_jsonw_lit_real(w, "weight", g->weight);
            pc_jsonw_obj_end(w);
        }
        pc_jsonw_arr_end(w);
    }
    pc_jsonw_obj_end(w);
}

/* Whether evidence e's rule is the first of its id among labels ls[0..n)'s evidence. */
static int classify_rule_first(const pc_classified *c, const pc_label *const *ls, size_t n,
                               size_t li, size_t e)
{
    const char *id = c->evidence[e].rule->id;
    for (size_t j = 0; j <= li && j < n; j++)
        for (size_t f = ls[j]->ev_first; f < ls[j]->ev_first + ls[j]->nev; f++) {
            if (j == li && f == e)
                return 1;
            if (!strcmp(c->evidence[f].rule->id, id))
                return 0;
        }
    return 1;
}

/* A label, or the union of labels ls[0..n) of one category: category, the rules' score (the
 * highest), rule ids and evidence spans (for a label only the model gave, its n-grams' spans),
 * and with a model the first label's "model" object. */
static void classify_label(const classify_out *o, size_t clause, const pc_label *const *ls,
                           size_t n)
{
    const pc_classified *c = o->c;
    const pc_label *l = ls[0];
    pc_jsonw *w = o->w;
    double score = l->score;
    for (size_t j = 1; j < n; j++)
        if (ls[j]->score > score)
            score = ls[j]->score;
    pc_jsonw_obj(w);
    pc_jsonw_lit_str(w, "category", c->tax->cats[l->category].id);
    pc_jsonw_lit_str(w, "opp115", c->tax->cats[l->category].opp115);
    pc_jsonw_lit_real(w, "score", score);
    pc_jsonw_key_lit(w, "rules");
    pc_jsonw_arr(w);
    for (size_t j = 0; j < n; j++)
        for (size_t e = ls[j]->ev_first; e < ls[j]->ev_first + ls[j]->nev; e++)
            if (classify_rule_first(c, ls, n, j, e))
                pc_jsonw_str(w, c->evidence[e].rule->id);
    pc_jsonw_arr_end(w);
    if (o->fields & CLASSIFY_F_SPANS) {
        pc_jsonw_key_lit(w, "spans");
        pc_jsonw_arr(w);
        for (size_t j = 0; j < n; j++) {
            for (size_t e = ls[j]->ev_first; e < ls[j]->ev_first + ls[j]->nev; e++)
                classify_span(w, pc_span_wide(c->evidence[e].span));
            for (size_t i = l->ng_first; !j && l->model && !l->nev && i < l->ng_first + l->nng;
                 i++)
                classify_span(w, c->ngrams[i].span);
        }
        pc_jsonw_arr_end(w);
    }
    if (l->model) {
        pc_jsonw_key_lit(w, "model");
        classify_model(o, clause, l);
    }
    pc_jsonw_obj_end(w);
}

static void classify_labels(const classify_out *o, size_t clause, const pc_label *v, size_t first,
                            size_t n)
{
    pc_jsonw_arr(o->w);
    for (size_t k = first; k < first + n; k++) {
        const pc_label *l = &v[k];
        classify_label(o, clause, &l, 1);
    }
    pc_jsonw_arr_end(o->w);
}

static void classify_attr(const classify_out *o, const pc_attr_hit *h)
{
    pc_jsonw *w = o->w;
    pc_jsonw_obj(w);
    pc_jsonw_lit_str(w, "attribute", o->c->tax->attrs[h->attribute].id);
    pc_jsonw_lit_strn(w, "value", o->text + h->span.start, h->span.end - h->span.start);
    pc_jsonw_lit_str(w, "normalized", h->norm.text);
    pc_jsonw_lit_str(w, "rule", h->rule->id);
    if (h->norm.amount >= 0) {
        pc_jsonw_lit_int(w, "amount", h->norm.amount);
    }
    pc_jsonw_obj_end(w);
}

static void classify_attrs(const classify_out *o, size_t first, size_t n)
{
    pc_jsonw_arr(o->w);
    for (size_t k = first; k < first + n; k++)
        classify_attr(o, &o->c->attrs[k]);
    pc_jsonw_arr_end(o->w);
}

static void classify_stance(const classify_out *o, const pc_stance *s)
{
    const pc_classified *c = o->c;
    pc_jsonw *w = o->w;
    pc_jsonw_obj(w);
    pc_jsonw_lit_str(w, "topic", c->tax->topics[s->topic].id);
    pc_jsonw_lit_str(w, "polarity", pc_polarity_name(s->polarity));
    pc_jsonw_lit_str(w, "rule", s->rule->id);
    pc_jsonw_key_lit(w, "span");
    classify_span(w, pc_span_wide(s->span));
    pc_jsonw_key_lit(w, "scopes");
    pc_jsonw_obj(w);
    for (int d = 0; d < PC_DIM_COUNT; d++) {
        pc_jsonw_key(w, pc_scope_dim_name((pc_scope_dim)d));
        pc_jsonw_arr(w);
        for (size_t i = s->scope_first; i < s->scope_first + s->nscopes; i++)
            if (c->scopes[i].dim == (pc_scope_dim)d)
                pc_jsonw_str(w, c->tax->scopes[d][c->scopes[i].index].id);
        pc_jsonw_arr_end(w);
    }
    pc_jsonw_obj_end(w);
    pc_jsonw_obj_end(w);
}

/* A member that is an empty array ("attributes":[], as members spells it) written in one copy
 * when n is 0 and the writer compact: most clauses have no attributes, stances or overruled
 * labels. Whether it was written. */
static int classify_none(pc_jsonw *w, size_t n, const char *members, size_t len)
{
    if (n || w->indent)
        return 0;
    pc_jsonw_members_raw(w, members, len);
    return 1;
}
#define CLASSIFY_NONE(w, n, lit) classify_none((w), (n), (lit), sizeof(lit) - 1)

static void classify_results(const classify_out *o, size_t i)
{
    const pc_clause_result *r = &o->c->clauses[i];
    pc_jsonw *w = o->w;
    if ((o->fields & CLASSIFY_F_LABELS) && !CLASSIFY_NONE(w, r->nlabels, "\"labels\":[]")) {
        pc_jsonw_key_lit(w, "labels");
        classify_labels(o, i, o->c->labels, r->label_first, r->nlabels);
    }
    if ((o->fields & CLASSIFY_F_ATTRIBUTES) &&
        !CLASSIFY_NONE(w, r->nattrs, "\"attributes\":[]")) {
        pc_jsonw_key_lit(w, "attributes");
        classify_attrs(o, r->attr_first, r->nattrs);
    }
    if ((o->fields & CLASSIFY_F_STANCES) && !CLASSIFY_NONE(w, r->nstances, "\"stances\":[]")) {
        pc_jsonw_key_lit(w, "stances");
        pc_jsonw_arr(w);
        for (size_t k = r->stance_first; k < r->stance_first + r->nstances; k++)
            classify_stance(o, &o->c->stances[k]);
        pc_jsonw_arr_end(w);
    }
    if (o->c->model && (o->fields & CLASSIFY_F_OVERRULED) &&
        !CLASSIFY_NONE(w, r->ndropped, "\"overruled\":[]")) {
        /* the rules' labels the model did not back, after the documented fields */
        pc_jsonw_key_lit(w, "overruled");
        classify_labels(o, i, o->c->dropped, r->drop_first, r->ndropped);
    }
}

static void classify_warnings(const pc_classified *c, const pc_doc *doc, const cli_item *it,
                              cli_result *res)
{
    for (size_t w = 0; w < c->nwarnings; w++)
        cli_batch_msg(res, "warning: rule '%s' hit the match limit on %s:%u",
                      c->warnings[w].rule->id, it->path ? doc->path : it->source,
                      it->path ? pc_doc_source_line(doc, c->warnings[w].offset)
                               : (unsigned)it->line);
}

/* ---- policies ------------------------------------------------------------------------- */

/* The fields of a {"path":..} input object (but "path" and those the line has) after a
 * clause line's own. */
static void classify_keep_fields(pc_jsonw *w, json_t *in, unsigned written)
{
    static const char *const own[] = {"policy", "file", "section", "heading", "clause", "start",
                                      "end", "text", "labels", "attributes", "stances",
                                      "overruled", "frames"};
    const char *key;
    json_t *v;
    json_object_foreach(in, key, v)
    {
        int skip = !strcmp(key, "path");
        for (size_t k = 0; !skip && k < sizeof own / sizeof own[0]; k++)
            skip = !strcmp(key, own[k]) && (written & (1u << k));
        if (!skip) {
            pc_jsonw_key(w, key);
            pc_jsonw_value(w, v);
        }
    }
}

/* Members escaped once and copied onto every clause line: the policy's name and path, and
 * the heading of the section last written. Owns its buffers. */
typedef struct classify_heads {
    pc_buf names, heading; /* compact members (from after the '{' of a writer's object) */
    long section;          /* whose heading `heading` holds; -1: none yet */
} classify_heads;

/* A member of a clause line's head: a string (str) or an integer. Borrows str. */
typedef struct classify_field {
    unsigned bit;
    const char *key; /* PC_JSONW_QUOTED */
    size_t keylen;
    const char *str;
    size_t len;
    long long num;
} classify_field;

static void classify_head_fields(pc_jsonw *w, const classify_field *f, size_t n,
                                 unsigned fields)
{
    for (size_t k = 0; k < n; k++) {
        if (!(fields & f[k].bit))
            continue;
        if (f[k].str)
            pc_jsonw_member_strn(w, f[k].key, f[k].keylen, f[k].str, f[k].len);
        else
            pc_jsonw_member_int(w, f[k].key, f[k].keylen, f[k].num);
    }
}

/* Fields f[0..n) written once into b as members, then copied into w (compact writers). */
static void classify_head_cached(pc_jsonw *w, pc_buf *b, const classify_field *f,
                                 size_t n, unsigned fields)
{
    if (!b->data) {
        pc_jsonw t;
        pc_jsonw_init(&t, b);
        pc_jsonw_obj(&t);
        classify_head_fields(&t, f, n, fields);
        if (t.failed)
            w->failed = 1;
    }
    if (b->data)
        pc_jsonw_members_raw(w, b->data + 1, b->len - 1);
}

static void classify_clause_head(pc_jsonw *w, const pc_doc *doc, const pc_outline *ol, size_t i,
                                 unsigned fields, classify_heads *h)
{
    const pc_clause *cl = &ol->clauses[i];
    const pc_section *s = &ol->sections[cl->section];
    const classify_field f[] = {
        {CLASSIFY_F_POLICY, PC_JSONW_QUOTED("policy"), doc->name, strlen(doc->name), 0},
        {CLASSIFY_F_FILE, PC_JSONW_QUOTED("file"), doc->path, strlen(doc->path), 0},
        {CLASSIFY_F_SECTION, PC_JSONW_QUOTED("section"), NULL, 0, cl->section},
        {CLASSIFY_F_HEADING, PC_JSONW_QUOTED("heading"), doc->text + s->title_start,
         s->title_end - s->title_start, 0},
        {CLASSIFY_F_CLAUSE, PC_JSONW_QUOTED("clause"), NULL, 0, (long long)i},
        {CLASSIFY_F_START, PC_JSONW_QUOTED("start"), NULL, 0, (long long)cl->start},
        {CLASSIFY_F_END, PC_JSONW_QUOTED("end"), NULL, 0, (long long)cl->end},
        {CLASSIFY_F_TEXT, PC_JSONW_QUOTED("text"), doc->text + cl->start, cl->end - cl->start, 0},
    };
    if (w->indent) {
        classify_head_fields(w, f, sizeof f / sizeof f[0], fields);
        return;
    }
    classify_head_cached(w, &h->names, f, 2, fields);
    classify_head_fields(w, f + 2, 1, fields);
    if (h->section != cl->section) {
        pc_buf_free(&h->heading);
        h->section = cl->section;
    }
    classify_head_cached(w, &h->heading, f + 3, 1, fields);
    classify_head_fields(w, f + 4, sizeof f / sizeof f[0] - 4, fields);
}

/* A policy being written: what its clause lines are made of. Borrows everything. */
typedef struct classify_policy {
    const pc_doc *doc;
    const pc_outline *ol;
    const pc_frames *fs; /* NULL: no "frames" */
    json_t *in;          /* the {"path":..} input object, or NULL */
    unsigned fields;
} classify_policy;

/* Clauses [from, from + c->nclauses) of a policy, one JSON line each; c holds their results
 * (c->clauses[0] is clause `from`'s). */
static void classify_print_policy(const classify_policy *p, size_t from, size_t to,
                                  const pc_classified *c, pc_jsonw *w)
{
    classify_out o = {w, c, p->doc->text, p->fields};
    unsigned written = p->fields & ~(c->model ? 0u : (unsigned)CLASSIFY_F_OVERRULED) &
                       ~(p->fs ? 0u : (unsigned)CLASSIFY_F_FRAMES);
    classify_heads h = {{0}, {0}, -1};
    for (size_t i = from; i < to && !w->failed; i++) {
        pc_jsonw_obj(w);
        classify_clause_head(w, p->doc, p->ol, i, p->fields, &h);
        classify_results(&o, i - from);
        if (p->fs && (p->fields & CLASSIFY_F_FRAMES)) {
            pc_jsonw_key_lit(w, "frames");
            pc_frames_clause_write(w, p->fs, i);
        }
        if (p->in)
            classify_keep_fields(w, p->in, written);
        pc_jsonw_obj_end(w);
        pc_jsonw_newline(w);
    }
    pc_buf_free(&h.names);
    pc_buf_free(&h.heading);
}

/* ---- texts ({"text":..} objects) ------------------------------------------------------ */

/* The labels of every clause, one per category (in the taxonomy's order): the union of that
 * category's labels. */
static void classify_union_labels(const classify_out *o)
{
    const pc_classified *c = o->c;
    const pc_label **ls = malloc((c->nlabels ? c->nlabels : 1) * sizeof *ls);
    size_t *clause = malloc((c->nlabels ? c->nlabels : 1) * sizeof *clause);
    pc_jsonw_arr(o->w);
    for (size_t cat = 0; ls && clause && cat < c->tax->ncats; cat++) {
        size_t n = 0;
        for (size_t i = 0; i < c->nclauses; i++)
            for (size_t k = c->clauses[i].label_first;
                 k < c->clauses[i].label_first + c->clauses[i].nlabels; k++)
                if (c->labels[k].category == (int)cat) {
                    clause[n] = i;
                    ls[n++] = &c->labels[k];
                }
        if (n)
            classify_label(o, clause[0], ls, n);
    }
    if (!ls || !clause)
        o->w->failed = 1;
    pc_jsonw_arr_end(o->w);
    free(ls);
    free(clause);
}

/* The input object with "labels" and "attributes" set (in place when it has them already). */
static void classify_print_text(const classify_out *o, json_t *in)
{
    pc_jsonw *w = o->w;
    int labels = !(o->fields & CLASSIFY_F_LABELS), attrs = !(o->fields & CLASSIFY_F_ATTRIBUTES);
    const char *key;
    json_t *v;
    pc_jsonw_obj(w);
    json_object_foreach(in, key, v)
    {
        pc_jsonw_key(w, key);
        if (!strcmp(key, "labels") && !labels && (labels = 1))
            classify_union_labels(o);
        else if (!strcmp(key, "attributes") && !attrs && (attrs = 1))
            classify_attrs(o, 0, o->c->nattrs);
        else
            pc_jsonw_value(w, v);
    }
    if (!labels) {
        pc_jsonw_key_lit(w, "labels");
        classify_union_labels(o);
    }
    if (!attrs) {
        pc_jsonw_key_lit(w, "attributes");
        classify_attrs(o, 0, o->c->nattrs);
    }
    pc_jsonw_obj_end(w);
    pc_jsonw_newline(w);
}

/* ---- the batch work ------------------------------------------------------------------- */

/* What every worker reads: the taxonomy, the engine and the model (opts for policies,
 * whole for given texts, which the model reads whole). */
typedef struct classify_ctx {
    const pc_taxonomy *tax;
    pc_classify_opts opts, whole;
    unsigned fields; /* CLASSIFY_F_*: what --fields chose */
} classify_ctx;

static void *classify_matcher_new(void *ctx)
{
    const classify_ctx *cx = ctx;
    return pc_matcher_new(cx->tax, NULL);
}

static void classify_matcher_free(void *m, void *ctx)
{
    (void)ctx;
    pc_matcher_free(m);
}

/* Classify with the worker's matcher, or without one when it could not be made. */
static pc_classified *classify_outline(const pc_classify_opts *opts, const pc_taxonomy *tax,
                                       pc_matcher *m, const pc_outline *ol, pc_error *err)
{
    if (!m)
        return pc_classify_with(tax, ol, opts, err);
    pc_classified *c = NULL;
    return pc_matcher_classify(m, &ol, 1, opts, &c, err) == 0 ? c : NULL;
}

/* A policy past this many bytes of text is classified and written a window of clauses at a
 * time when its turn comes (classify_write_later), straight to the output: it costs its
 * outline and frames and one window's results, not every clause's results and their JSON. */
#define CLASSIFY_LATER_BYTES (1u << 20)

/* A large policy kept for the output step. Owns doc, ol, fs and a reference to in; borrows
 * cx. */
typedef struct classify_later {
    classify_policy p;
    pc_doc *doc;
    pc_outline *ol;
    pc_frames *fs;
    const classify_ctx *cx;
} classify_later;

static void classify_later_free(void *v)
{
    classify_later *l = v;
    pc_frames_free(l->fs);
    pc_outline_free(l->ol);
    pc_doc_free(l->doc);
    json_decref(l->p.in);
    free(l);
}

/* A match-limit warning of a window, unless an earlier window of the policy gave it. */
static void classify_window_warnings(const pc_classified *c, const pc_doc *doc,
                                     const pc_rule ***seen, size_t *nseen)
{
    for (size_t k = 0; k < c->nwarnings; k++) {
        size_t j = 0;
        while (j < *nseen && (*seen)[j] != c->warnings[k].rule)
            j++;
        if (j < *nseen)
            continue;
        const pc_rule **grown = realloc(*seen, (*nseen + 1) * sizeof **seen);
        if (grown) {
            *seen = grown;
            grown[(*nseen)++] = c->warnings[k].rule;
        }
        cli_warn("rule '%s' hit the match limit on %s:%u", c->warnings[k].rule->id, doc->path,
                 pc_doc_source_line(doc, c->warnings[k].offset));
    }
}

/* Classify and write windows of PC_BATCH_CLAUSES clauses. 0, or -1 (err set, or a write
 * error with err empty). */
static int classify_windows(const classify_later *l, pc_matcher *m, pc_jsonw *w, pc_error *err)
{
    pc_outline_window win;
    if (pc_outline_window_init(&win, l->ol, err) < 0)
        return -1;
    const pc_rule **seen = NULL;
    size_t nseen = 0;
    int rc = 0;
    for (size_t from = 0; rc == 0 && from < l->ol->nclauses; from += PC_BATCH_CLAUSES) {
        size_t to = l->ol->nclauses - from < PC_BATCH_CLAUSES ? l->ol->nclauses
                                                              : from + PC_BATCH_CLAUSES;
        const pc_outline *wol = &win.ol;
        pc_classified *c = NULL;
        rc = pc_outline_window_set(&win, from, to, err);
        if (rc == 0)
            rc = pc_matcher_classify(m, &wol, 1, &l->cx->opts, &c, err);
        if (rc == 0) {
            classify_window_warnings(c, l->doc, &seen, &nseen);
            classify_print_policy(&l->p, from, to, c, w);
            rc = pc_jsonw_flush(w);
        }
        pc_classified_free(c);
    }
    free(seen);
    pc_outline_window_free(&win);
    return rc;
}

static int classify_write_later(void *v, FILE *out)
{
    classify_later *l = v;
    pc_error err = {{0}};
    pc_matcher *m = pc_matcher_new(l->cx->tax, &err);
    pc_jsonw w;
    pc_jsonw_init_stream(&w, out);
    int rc = m ? classify_windows(l, m, &w, &err) : -1;
    if (pc_jsonw_done(&w) < 0)
        rc = -1;
    if (rc < 0 && err.msg[0])
        cli_error("%s: %s", l->doc->path, err.msg);
    pc_matcher_free(m);
    return rc;
}

/* Keep a large policy for the output step (which takes doc and ol; they are set to NULL).
 * 0, or -1 on out of memory (nothing taken). */
static int classify_defer(const classify_ctx *cx, const cli_item *it, cli_result *res,
                          pc_doc **doc, pc_outline **ol)
{
    pc_error err = {{0}};
    classify_later *l = malloc(sizeof *l);
    pc_frames *fs = l && (cx->fields & CLASSIFY_F_FRAMES)
                        ? pc_frames_build(cx->tax->onto, *ol, &err) : NULL;
    if (!l) {
        cli_batch_msg(res, "%s: out of memory", (*doc)->path);
        return -1;
    }
    *l = (classify_later){{*doc, *ol, fs, json_incref(it->obj), cx->fields}, *doc, *ol, fs, cx};
    res->extra = l;
    res->extra_free = classify_later_free;
    res->write = classify_write_later;
    *doc = NULL, *ol = NULL;
    return 0;
}

/* Bytes reserved a clause for a policy's lines with every field: their mean on real policies
 * is about 750. */
#define CLASSIFY_LINE_BYTES 1024

/* A policy's lines, into res->out. */
static void classify_policy_out(const classify_ctx *cx, const cli_item *it, cli_result *res,
                                const pc_doc *doc, const pc_outline *ol, const pc_classified *c)
{
    pc_error err = {{0}};
    pc_frames *fs = (cx->fields & CLASSIFY_F_FRAMES) ? pc_frames_build(cx->tax->onto, ol, &err)
                                                     : NULL;
    classify_policy p = {doc, ol, fs, it->obj, cx->fields};
    pc_jsonw w;
    pc_jsonw_init(&w, &res->out);
    /* room for the lines at once rather than growing (and copying) the buffer as they come; a
     * failure here is the writer's to report */
    (void)pc_buf_reserve(&res->out, ol->nclauses * (cx->fields == CLASSIFY_F_ALL
                                                        ? CLASSIFY_LINE_BYTES
                                                        : CLASSIFY_LINE_BYTES / 4));
    classify_print_policy(&p, 0, ol->nclauses, c, &w);
    pc_frames_free(fs);
}

/* Load and segment an input: its document, with *ol its outline (NULL with err set when
 * segmenting failed); NULL when the input is done with (not loaded, or a large policy kept for
 * the output step). */
static pc_doc *classify_prepare(const classify_ctx *cx, const cli_item *it, cli_result *res,
                                pc_outline **ol, pc_error *err)
{
    *ol = NULL;
    pc_doc *doc = cli_batch_load(it, res);
    if (!doc)
        return NULL;
    *ol = pc_segment(doc, err);
    if (*ol && it->path)
        pc_outline_check(*ol, doc);
    cli_batch_notes(doc, res);
    if (*ol && it->path && doc->len > CLASSIFY_LATER_BYTES) {
        res->failed = classify_defer(cx, it, res, &doc, ol) < 0;
        pc_outline_free(*ol);
        pc_doc_free(doc);
        *ol = NULL;
        return NULL;
    }
    return doc;
}

/* Report or write result c of doc's outline ol (err says why c is NULL); frees all three. */
static void classify_finish(const classify_ctx *cx, const cli_item *it, cli_result *res,
                            pc_doc *doc, pc_outline *ol, pc_classified *c, const pc_error *err)
{
    if (!c && it->path)
        cli_batch_msg(res, "%s", err->msg);
    else if (!c)
        cli_batch_msg(res, "%s:%zu: %s", it->source, it->line, err->msg);
    res->failed = c == NULL;
    if (c) {
        classify_warnings(c, doc, it, res);
        if (it->path) {
            classify_policy_out(cx, it, res, doc, ol, c);
        } else {
            pc_jsonw w;
            pc_jsonw_init(&w, &res->out);
            classify_print_text(&(classify_out){&w, c, doc->text, cx->fields}, it->obj);
        }
    }
    pc_classified_free(c);
    pc_outline_free(ol);
    pc_doc_free(doc);
}

/* Worker thread: load, segment and classify one input; its JSON Lines go to res->out. */
static void classify_work(const cli_item *it, cli_result *res, void *local, void *ctx)
{
    const classify_ctx *cx = ctx;
    pc_error err = {{0}};
    pc_outline *ol;
    pc_doc *doc = classify_prepare(cx, it, res, &ol, &err);
    if (!doc)
        return;
    pc_classified *c =
        ol ? classify_outline(it->path ? &cx->opts : &cx->whole, cx->tax, local, ol, &err) : NULL;
    classify_finish(cx, it, res, doc, ol, c, &err);
}

/* One input of a group: its document, outline, result and error. */
typedef struct classify_slot {
    pc_doc *doc;
    pc_outline *ol;
    pc_classified *c;
    pc_error err;
} classify_slot;

/* Worker thread: a group of files (batch_cli.h; never texts from a stream), their clauses
 * matched in one batch (pattern by pattern over all of them) when they fit in memory, else one
 * by one; each written as classify_work writes it. */
static void classify_work_group(const cli_item *const *items, cli_result *const *res, size_t n,
                                void *local, void *ctx)
{
    const classify_ctx *cx = ctx;
    classify_slot *s = local ? calloc(n, sizeof *s) : NULL;
    const pc_outline **batch = s ? calloc(n, sizeof *batch) : NULL;
    pc_classified **out = batch ? calloc(n, sizeof *out) : NULL;
    size_t k = 0;
    for (size_t i = 0; out && i < n; i++) {
        s[i].doc = classify_prepare(cx, items[i], res[i], &s[i].ol, &s[i].err);
        if (s[i].doc && s[i].ol)
            batch[k++] = s[i].ol;
    }
    pc_error err = {{0}};
    int together = k && pc_matcher_classify(local, batch, k, &cx->opts, out, &err) == 0;
    for (size_t i = 0, j = 0; out && i < n; i++) {
        if (!s[i].doc)
            continue;
        if (s[i].ol)
            s[i].c = together ? out[j++]
                              : classify_outline(&cx->opts, cx->tax, local, s[i].ol, &s[i].err);
        classify_finish(cx, items[i], res[i], s[i].doc, s[i].ol, s[i].c, &s[i].err);
    }
    for (size_t i = 0; !out && i < n; i++) /* no matcher, or out of memory */
        classify_work(items[i], res[i], local, ctx);
    free(s);
    free(batch);
    free(out);
}

int cmd_classify(const cli_args *a)
{
    const char *segments = a->val[CLI_O_SEGMENTS];
    if (!a->nargs == !segments) {
        cli_cmd_error(a, 1, "expects POLICY|DIR|-... or --segments FILE.jsonl");
        return CLI_ERROR;
    }
    classify_ctx cx = {.fields = CLASSIFY_F_ALL};
    pc_error why = {{0}};
    long fields = a->val[CLI_O_FIELDS] ? classify_fields_parse(a->val[CLI_O_FIELDS], &why) : -2;
    if (fields == -1) {
        cli_error("classify: --fields: %s", why.msg);
        return CLI_ERROR;
    }
    if (fields >= 0)
        cx.fields = (unsigned)fields;
    const char *engine = getenv("POLCMP_ENGINE");
    if (engine && *engine && pc_engine_from_name(engine) < 0) {
        cli_error("classify: POLCMP_ENGINE='%s' is not prefilter or reference", engine);
        return CLI_ERROR;
    }
    if (engine && *engine)
        cx.opts.engine = (pc_engine)pc_engine_from_name(engine);
    pc_taxonomy *tax = cli_load_taxonomy(cli_taxonomy(a));
    pc_model *model = NULL;
    if (!tax || cli_load_model(tax, a, &model) < 0) {
        pc_tax_free(tax);
        return CLI_ERROR;
    }
    cx.tax = tax;
    cx.opts.model = model;
    cx.whole = cx.opts;
    cx.whole.whole = 1;
    cli_batch b = {.args = a->args,
                   .nargs = a->nargs,
                   .segments = segments,
                   .jobs = a->jobs,
                   .out = stdout,
                   .work = classify_work,
                   .work_group = classify_work_group,
                   .local_new = classify_matcher_new,
                   .local_free = classify_matcher_free,
                   .ctx = &cx};
    int rc = cli_batch_run(&b);
    pc_model_free(model);
    pc_tax_free(tax);
    if (rc == 0 && b.write_failed)
        cli_error("classify: writing the output failed");
    return rc < 0 || b.skipped || b.write_failed ? CLI_ERROR : CLI_OK;
}

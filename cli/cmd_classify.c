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

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- JSON of results ------------------------------------------------------------------ */

static json_t *classify_span(pc_span s)
{
    return json_pack("[I, I]", (json_int_t)s.start, (json_int_t)s.end);
}

static void classify_add_rule(json_t *rules, const char *id)
{
    size_t i;
    json_t *v;
    json_array_foreach(rules, i, v) if (!strcmp(json_string_value(v), id)) return;
    json_array_append_new(rules, json_string(id));
}

/* The model's side of a label: score and threshold of its class, the n-grams that weighed. */
static json_t *classify_model(const pc_classified *c, size_t clause, const pc_label *l,
                              const char *text)
{
    const pc_model_verdict *v = pc_classified_verdict(c, clause);
    int k = pc_classified_label_class(c, clause, l);
    if (!v || k < 0)
        return json_null();
    json_t *ngrams = json_array();
    for (size_t i = l->ng_first; i < l->ng_first + l->nng; i++) {
        const pc_model_ngram *g = &c->ngrams[i];
        json_array_append_new(ngrams, json_pack("{s:s%, s:o, s:f}", "text", text + g->span.start,
                                                g->span.end - g->span.start, "span",
                                                classify_span(g->span), "weight", g->weight));
    }
    return json_pack("{s:s, s:f, s:f, s:b, s:o}", "class", pc_opp12_name(k), "score",
                     pc_classified_model_score(c, clause, k), "threshold",
                     pc_classified_model_threshold(c, clause, k), "strong",
                     (v->strong >> k) & 1, "ngrams", ngrams);
}

/* A label: category, rules' score, rule ids and evidence spans (for a label only the model
 * gave, its n-grams' spans), and with a model its "model" object. */
static json_t *classify_label(const pc_classified *c, size_t clause, const pc_label *l,
                              const char *text)
{
    const pc_category *cat = &c->tax->cats[l->category];
    json_t *rules = json_array(), *spans = json_array();
    for (size_t e = l->ev_first; e < l->ev_first + l->nev; e++) {
        classify_add_rule(rules, c->evidence[e].rule->id);
        json_array_append_new(spans, classify_span(c->evidence[e].span));
    }
    for (size_t i = l->ng_first; l->model && l->nev == 0 && i < l->ng_first + l->nng; i++)
        json_array_append_new(spans, classify_span(c->ngrams[i].span));
    json_t *o = json_pack("{s:s, s:s, s:f, s:o, s:o}", "category", cat->id, "opp115",
                          cat->opp115, "score", l->score, "rules", rules, "spans", spans);
    if (o && l->model)
        json_object_set_new(o, "model", classify_model(c, clause, l, text));
    return o;
}

static json_t *classify_attr(const pc_classified *c, const pc_attr_hit *h, const char *text)
{
    json_t *o = json_pack("{s:s, s:s%, s:s, s:s}", "attribute", c->tax->attrs[h->attribute].id,
                          "value", text + h->span.start, h->span.end - h->span.start, "normalized",
                          h->norm.text, "rule", h->rule->id);
    if (o && h->norm.amount >= 0)
        json_object_set_new(o, "amount", json_integer(h->norm.amount));
    return o;
}

static json_t *classify_stance(const pc_classified *c, const pc_stance *s)
{
    json_t *scopes = json_object();
    for (int d = 0; d < PC_DIM_COUNT; d++)
        json_object_set_new(scopes, pc_scope_dim_name((pc_scope_dim)d), json_array());
    for (size_t i = s->scope_first; i < s->scope_first + s->nscopes; i++) {
        const pc_scope_ref *r = &c->scopes[i];
        json_array_append_new(json_object_get(scopes, pc_scope_dim_name(r->dim)),
                              json_string(c->tax->scopes[r->dim][r->index].id));
    }
    return json_pack("{s:s, s:s, s:s, s:o, s:o}", "topic", c->tax->topics[s->topic].id, "polarity",
                     pc_polarity_name(s->polarity), "rule", s->rule->id, "span",
                     classify_span(s->span), "scopes", scopes);
}

static void classify_results(const pc_classified *c, size_t i, json_t *o, const char *text)
{
    const pc_clause_result *r = &c->clauses[i];
    json_t *labels = json_array(), *attrs = json_array(), *stances = json_array();
    for (size_t k = r->label_first; k < r->label_first + r->nlabels; k++)
        json_array_append_new(labels, classify_label(c, i, &c->labels[k], text));
    for (size_t k = r->attr_first; k < r->attr_first + r->nattrs; k++)
        json_array_append_new(attrs, classify_attr(c, &c->attrs[k], text));
    for (size_t k = r->stance_first; k < r->stance_first + r->nstances; k++)
        json_array_append_new(stances, classify_stance(c, &c->stances[k]));
    json_object_set_new(o, "labels", labels);
    json_object_set_new(o, "attributes", attrs);
    json_object_set_new(o, "stances", stances);
    if (c->model) { /* the rules' labels the model did not back, after the documented fields */
        json_t *over = json_array();
        for (size_t k = r->drop_first; k < r->drop_first + r->ndropped; k++)
            json_array_append_new(over, classify_label(c, i, &c->dropped[k], text));
        json_object_set_new(o, "overruled", over);
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

/* Copy the fields of a {"path":..} input object (but "path") to a clause line. */
static void classify_keep_fields(json_t *o, json_t *in)
{
    const char *key;
    json_t *v;
    json_object_foreach(in, key, v) if (strcmp(key, "path") && !json_object_get(o, key))
        json_object_set(o, key, v);
}

static void classify_print_policy(const pc_doc *doc, const pc_outline *ol, const pc_classified *c,
                                  const pc_frames *fs, json_t *in, pc_buf *out)
{
    for (size_t i = 0; i < ol->nclauses; i++) {
        const pc_clause *cl = &ol->clauses[i];
        const pc_section *s = &ol->sections[cl->section];
        json_t *o = json_pack(
            "{s:s, s:s, s:i, s:s%, s:I, s:I, s:I, s:s%}", "policy", doc->name, "file", doc->path,
            "section", cl->section, "heading", doc->text + s->title_start,
            s->title_end - s->title_start, "clause", (json_int_t)i, "start", (json_int_t)cl->start,
            "end", (json_int_t)cl->end, "text", doc->text + cl->start, cl->end - cl->start);
        if (o)
            classify_results(c, i, o, doc->text);
        if (o && fs)
            json_object_set_new(o, "frames", pc_frames_clause_json(fs, i));
        if (o && in)
            classify_keep_fields(o, in);
        cli_batch_emit_json(out, o);
    }
}

/* ---- texts ({"text":..} objects) ------------------------------------------------------ */

/* Merge one clause label into the per-category union (labels_by_cat[category]). */
static void classify_union_label(const pc_classified *c, size_t clause, const pc_label *l,
                                 const char *text, json_t **by_cat)
{
    json_t *cur = by_cat[l->category];
    if (!cur) {
        by_cat[l->category] = classify_label(c, clause, l, text);
        return;
    }
    if (l->score > json_real_value(json_object_get(cur, "score")))
        json_object_set_new(cur, "score", json_real(l->score));
    json_t *rules = json_object_get(cur, "rules"), *spans = json_object_get(cur, "spans");
    for (size_t e = l->ev_first; e < l->ev_first + l->nev; e++) {
        classify_add_rule(rules, c->evidence[e].rule->id);
        json_array_append_new(spans, classify_span(c->evidence[e].span));
    }
}

static void classify_union(const pc_classified *c, const pc_doc *doc, json_t *obj)
{
    json_t **by_cat = calloc(c->tax->ncats ? c->tax->ncats : 1, sizeof *by_cat);
    json_t *labels = json_array(), *attrs = json_array();
    for (size_t i = 0; by_cat && i < c->nclauses; i++)
        for (size_t k = c->clauses[i].label_first;
             k < c->clauses[i].label_first + c->clauses[i].nlabels; k++)
            classify_union_label(c, i, &c->labels[k], doc->text, by_cat);
    for (size_t k = 0; by_cat && k < c->tax->ncats; k++)
        if (by_cat[k])
            json_array_append_new(labels, by_cat[k]);
    for (size_t i = 0; i < c->nattrs; i++)
        json_array_append_new(attrs, classify_attr(c, &c->attrs[i], doc->text));
    json_object_set_new(obj, "labels", labels);
    json_object_set_new(obj, "attributes", attrs);
    free(by_cat);
}

/* ---- the batch work ------------------------------------------------------------------- */

/* What every worker reads: the taxonomy, the engine and the model (opts for policies,
 * whole for given texts, which the model reads whole). */
typedef struct classify_ctx {
    const pc_taxonomy *tax;
    pc_classify_opts opts, whole;
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

/* Worker thread: load, segment and classify one input; its JSON Lines go to res->out. */
static void classify_work(const cli_item *it, cli_result *res, void *local, void *ctx)
{
    const classify_ctx *cx = ctx;
    pc_doc *doc = cli_batch_load(it, res);
    if (!doc)
        return;
    pc_error err = {{0}};
    pc_outline *ol = pc_segment(doc, &err);
    if (ol && it->path)
        pc_outline_check(ol, doc);
    cli_batch_notes(doc, res);
    pc_classified *c =
        ol ? classify_outline(it->path ? &cx->opts : &cx->whole, cx->tax, local, ol, &err) : NULL;
    if (!c && it->path)
        cli_batch_msg(res, "%s", err.msg);
    else if (!c)
        cli_batch_msg(res, "%s:%zu: %s", it->source, it->line, err.msg);
    res->failed = c == NULL;
    if (c) {
        classify_warnings(c, doc, it, res);
        if (it->path) {
            pc_frames *fs = pc_frames_build(cx->tax->onto, ol, &err);
            classify_print_policy(doc, ol, c, fs, it->obj, &res->out);
            pc_frames_free(fs);
        } else {
            classify_union(c, doc, it->obj);
            cli_batch_emit_json(&res->out, json_incref(it->obj));
        }
    }
    pc_classified_free(c);
    pc_outline_free(ol);
    pc_doc_free(doc);
}

int cmd_classify(const cli_args *a)
{
    const char *segments = a->val[CLI_O_SEGMENTS];
    if (!a->nargs == !segments) {
        cli_cmd_error(a, 1, "expects POLICY|DIR|-... or --segments FILE.jsonl");
        return CLI_ERROR;
    }
    classify_ctx cx = {0};
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

/* eval_complete.c: missing-required findings against policies judged item by item
 * (eval_findings.h). */
#include "eval/eval_findings.h"

#include "classify/policy.h"
#include "compare/compare.h"
#include "text/load.h"

#include <stdlib.h>
#include <string.h>

/* ---- reading -------------------------------------------------------------------------- */

typedef struct fc_read {
    const pc_taxonomy *tax;
    pc_complete_set *set;
    pc_eval_warn_fn warn;
    void *ctx;
} fc_read;

static void fc_case_free(pc_complete_case *c)
{
    free(c->policy);
    free(c->text);
    free(c->judged);
    free(c->gold);
    free(c->pred);
}

/* Mark the ids listed under `key` judged (and missing, when `missing`). */
static void fc_ids(fc_read *r, json_t *o, const char *key, int missing, pc_complete_case *c)
{
    json_t *a = json_object_get(o, key);
    size_t i;
    json_t *v;
    json_array_foreach(a, i, v)
    {
        int k = json_is_string(v) ? pc_req_find(r->tax, json_string_value(v)) : -1;
        if (k < 0) {
            pc_feval_warn(r->warn, r->ctx, "%s:%zu: unknown requirement %s ignored", r->set->path,
                          c->line, json_is_string(v) ? json_string_value(v) : "(not a string)");
            continue;
        }
        c->judged[k] = 1;
        c->gold[k] |= (unsigned char)missing;
    }
}

static int fc_line(json_t *o, size_t lineno, void *arg, pc_error *err)
{
    fc_read *r = arg;
    pc_complete_set *set = r->set;
    json_t *text = json_object_get(o, "text"), *pol = json_object_get(o, "policy");
    if (!json_is_string(text)) {
        pc_error_set(err, "no \"text\" string");
        return -1;
    }
    pc_complete_case c = {0};
    char idbuf[32];
    snprintf(idbuf, sizeof idbuf, "line %zu", lineno);
    c.line = lineno;
    c.policy = pc_strdup(json_is_string(pol) ? json_string_value(pol) : idbuf);
    c.text = pc_strndup(json_string_value(text), json_string_length(text));
    size_t n = set->nreqs ? set->nreqs : 1;
    c.judged = calloc(n, 1);
    c.gold = calloc(n, 1);
    c.pred = calloc(n, 1);
    if (!c.policy || !c.text || !c.judged || !c.gold || !c.pred ||
        pc_grow(&set->cases, &set->cap, set->n + 1, sizeof *set->cases) < 0) {
        fc_case_free(&c);
        return -2;
    }
    fc_ids(r, o, "present", 0, &c);
    fc_ids(r, o, "absent", 1, &c);
    fc_ids(r, o, "partial", 1, &c);
    set->cases[set->n++] = c;
    return 0;
}

int pc_complete_read(const pc_taxonomy *tax, const char *path, pc_complete_set *set,
                     pc_eval_warn_fn warn, void *ctx, pc_error *err)
{
    memset(set, 0, sizeof *set);
    set->nreqs = tax->nreqs;
    if (!(set->path = pc_strdup(path))) {
        pc_error_set(err, "%s: out of memory", path);
        return -1;
    }
    fc_read r = {tax, set, warn, ctx};
    if (pc_feval_each_line(path, fc_line, &r, &set->skipped, warn, ctx, err) < 0)
        return -1;
    if (set->n == 0) {
        pc_error_set(err, "%s: no valid record", path);
        return -1;
    }
    return 0;
}

void pc_complete_set_free(pc_complete_set *set)
{
    for (size_t i = 0; i < set->n; i++)
        fc_case_free(&set->cases[i]);
    free(set->cases);
    free(set->path);
    memset(set, 0, sizeof *set);
}

/* ---- running -------------------------------------------------------------------------- */

/* The requirements the comparison reports not disclosed. */
static void fc_predict(const pc_comparison *c, unsigned char *pred)
{
    size_t n;
    const pc_req_result *res = pc_comparison_reqs(c, 0, &n);
    for (size_t i = 0; i < n; i++)
        pred[res[i].requirement] = res[i].status == PC_REQ_NOT_DISCLOSED;
}

static int fc_run_one(const pc_taxonomy *tax, const pc_classify_opts *copts,
                      const pc_complete_set *set, pc_complete_case *c, pc_eval_warn_fn warn,
                      void *ctx, pc_error *err)
{
    pc_error derr;
    pc_doc *doc = pc_doc_from_memory(c->policy, c->text, strlen(c->text), PC_FORMAT_TEXT, &derr);
    if (!doc) { /* an unusable text: everything judged counts as reported missing */
        pc_feval_warn(warn, ctx, "%s:%zu: %s", set->path, c->line, derr.msg);
        memcpy(c->pred, c->judged, set->nreqs);
        return 0;
    }
    pc_policy *p = pc_policy_from_doc_with(doc, tax, copts, err);
    pc_comparison *cmp =
        p ? pc_compare(tax, &p, 1, PC_REGIME_GDPR | PC_REGIME_CCPA | PC_REGIME_COPPA, err) : NULL;
    if (cmp)
        fc_predict(cmp, c->pred);
    pc_comparison_free(cmp);
    pc_policy_free(p);
    return cmp ? 0 : -1;
}

int pc_complete_run(const pc_taxonomy *tax, const pc_classify_opts *copts, pc_complete_set *set,
                    pc_eval_warn_fn warn, void *ctx, pc_error *err)
{
    if (set->nreqs != tax->nreqs) {
        pc_error_set(err, "%s: read with another taxonomy", set->path);
        return -1;
    }
    for (size_t i = 0; i < set->n; i++)
        if (fc_run_one(tax, copts, set, &set->cases[i], warn, ctx, err) < 0)
            return -1;
    return 0;
}

/* ---- arithmetic ----------------------------------------------------------------------- */

void pc_complete_score(const pc_complete_set *set, int r, pc_complete_counts *c)
{
    memset(c, 0, sizeof *c);
    for (size_t i = 0; i < set->n; i++) {
        const pc_complete_case *k = &set->cases[i];
        for (size_t q = 0; q < set->nreqs; q++) {
            if ((r >= 0 && (size_t)r != q) || !k->judged[q])
                continue;
            int g = k->gold[q], p = k->pred[q];
            c->judged++;
            c->gold += (size_t)g;
            c->tp += (size_t)(g && p);
            c->fp += (size_t)(!g && p);
            c->fn += (size_t)(g && !p);
        }
    }
    c->precision = c->tp + c->fp ? (double)c->tp / (double)(c->tp + c->fp) : 0.0;
    c->recall = c->gold ? (double)c->tp / (double)c->gold : 0.0;
}

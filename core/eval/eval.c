/* eval.c: reading a gold file, classifying its texts, and the precision/recall/F1 arithmetic
 * (see eval.h). */
#include "eval/eval.h"

#include "classify/classify.h"
#include "classify/model_unit.h"
#include "text/load.h"
#include "segment/segment.h"

#include <errno.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- reading -------------------------------------------------------------------------- */

static void ev_warn(pc_eval_warn_fn warn, void *ctx, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void ev_warn(pc_eval_warn_fn warn, void *ctx, const char *fmt, ...)
{
    if (!warn)
        return;
    char msg[PC_ERROR_MAX];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    warn(ctx, msg);
}

#define EV_KINDS (((1u << PC_OPP12_COUNT) - 1) & ~((1u << PC_OPP_OTHER) - 1))

/* The twelve-class gold from "labels" when it names classes; else from the ten-category gold,
 * which leaves the kind of Other unknown when Other is there. */
static void ev_labels12(json_t *obj, pc_eval_case *c)
{
    json_t *labels = json_object_get(obj, "labels"), *v;
    size_t i;
    c->known12 = (1u << PC_OPP12_COUNT) - 1;
    if (json_is_array(labels)) {
        json_array_foreach(labels, i, v)
        {
            int k = json_is_string(v) ? pc_opp12_index(json_string_value(v)) : -1;
            if (k >= 0)
                c->gold12 |= 1u << k;
            else if (json_is_string(v) && pc_opp10_index(json_string_value(v)) == PC_OPP_OTHER)
                c->known12 &= ~EV_KINDS; /* "Other" without its kind */
        }
        return;
    }
    c->gold12 = c->gold & ((1u << PC_OPP_OTHER) - 1);
    if (c->gold >> PC_OPP_OTHER & 1)
        c->known12 &= ~EV_KINDS;
}

/* The gold labels: "labels_opp10", or else the 12-class "labels" mapped to the ten. */
static int ev_labels(json_t *obj, size_t lineno, pc_eval_case *c, pc_eval_warn_fn warn,
                     void *ctx, pc_error *err)
{
    json_t *labels = json_object_get(obj, "labels_opp10");
    if (!labels)
        labels = json_object_get(obj, "labels");
    if (!json_is_array(labels)) {
        pc_error_set(err, "no \"labels_opp10\" list");
        return -1;
    }
    size_t i;
    json_t *v;
    json_array_foreach(labels, i, v)
    {
        int k = json_is_string(v) ? pc_opp10_index(json_string_value(v)) : -1;
        if (k < 0)
            ev_warn(warn, ctx, "line %zu: unknown category %s ignored", lineno,
                    json_is_string(v) ? json_string_value(v) : "(not a string)");
        else
            c->gold |= 1u << k;
    }
    ev_labels12(obj, c);
    return 0;
}

int pc_eval_parse_line(const char *line, size_t len, size_t lineno, pc_eval_case *c,
                       pc_eval_warn_fn warn, void *ctx, pc_error *err)
{
    memset(c, 0, sizeof *c);
    c->line = lineno;
    json_error_t jerr;
    json_t *obj = json_loadb(line, len, 0, &jerr);
    if (!obj) {
        pc_error_set(err, "invalid JSON: %s", jerr.text);
        return -1;
    }
    int rc = -1;
    json_t *text = json_object_get(obj, "text");
    json_t *id = json_object_get(obj, "id");
    json_t *group = json_object_get(obj, "policy");
    char idbuf[32];
    snprintf(idbuf, sizeof idbuf, "line %zu", lineno);
    if (!json_is_object(obj) || !json_is_string(text))
        pc_error_set(err, "no \"text\" string");
    else if (ev_labels(obj, lineno, c, warn, ctx, err) == 0) {
        c->text = pc_strndup(json_string_value(text), json_string_length(text));
        c->id = pc_strdup(json_is_string(id) ? json_string_value(id) : idbuf);
        c->group = json_is_string(group) ? pc_strdup(json_string_value(group)) : NULL;
        rc = c->text && c->id && (c->group || !json_is_string(group)) ? 0 : -1;
        if (rc < 0)
            pc_error_set(err, "out of memory");
    }
    json_decref(obj);
    return rc;
}

static int ev_push(pc_eval_set *set, pc_eval_case *c)
{
    if (pc_grow(&set->cases, &set->cap, set->n + 1, sizeof *set->cases) < 0)
        return -1;
    set->cases[set->n++] = *c;
    return 0;
}

static void ev_case_free(pc_eval_case *c)
{
    free(c->id);
    free(c->text);
    free(c->group);
    for (int k = 0; k < PC_OPP_COUNT; k++)
        free(c->rules[k]);
}

static int ev_blank(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r' && s[i] != '\n')
            return 0;
    return 1;
}

int pc_eval_read(const char *path, pc_eval_set *set, pc_eval_warn_fn warn, void *ctx,
                 pc_error *err)
{
    memset(set, 0, sizeof *set);
    FILE *f = fopen(path, "rb");
    if (!f) {
        pc_error_set(err, "%s: %s", path, strerror(errno));
        return -1;
    }
    set->path = pc_strdup(path);
    char *line = NULL;
    size_t cap = 0, lineno = 0;
    ssize_t n;
    int oom = !set->path;
    while (!oom && (n = getline(&line, &cap, f)) >= 0) {
        lineno++;
        if (ev_blank(line, (size_t)n))
            continue;
        pc_eval_case c;
        pc_error e = {{0}};
        if (pc_eval_parse_line(line, (size_t)n, lineno, &c, warn, ctx, &e) < 0) {
            ev_warn(warn, ctx, "%s:%zu: %s; line skipped", path, lineno, e.msg);
            set->skipped++;
            ev_case_free(&c);
        } else if (ev_push(set, &c) < 0) {
            ev_case_free(&c);
            oom = 1;
        }
    }
    free(line);
    fclose(f);
    if (oom) {
        pc_error_set(err, "%s: out of memory", path);
        return -1;
    }
    if (set->n == 0) {
        pc_error_set(err, "%s: no valid record", path);
        return -1;
    }
    return 0;
}

void pc_eval_set_free(pc_eval_set *set)
{
    for (size_t i = 0; i < set->n; i++)
        ev_case_free(&set->cases[i]);
    free(set->cases);
    free(set->path);
    memset(set, 0, sizeof *set);
}

/* ---- classifying ---------------------------------------------------------------------- */

/* Add a rule id to a comma-joined list, once. */
static int ev_add_rule(char **list, const char *id)
{
    size_t k = strlen(id);
    for (const char *p = *list; p && *p;) {
        size_t n = strcspn(p, ",");
        if (n == k && !strncmp(p, id, k))
            return 0;
        p += n + (p[n] == ',');
    }
    size_t old = *list ? strlen(*list) : 0;
    char *s = realloc(*list, old + k + 2);
    if (!s)
        return -1;
    if (old)
        s[old++] = ',';
    memcpy(s + old, id, k + 1);
    *list = s;
    return 0;
}

/* One label of the rules (kept or overruled by the model) into the rules' sets, scores and
 * rule lists. */
static int ev_rule_label(const pc_classified *cl, const pc_label *l, pc_eval_case *c, int scores)
{
    const pc_category *cat = &cl->tax->cats[l->category];
    int k = cat->opp10, k12 = pc_opp12_index(cat->opp115);
    c->pred10[PC_EVAL_RULES] |= 1u << k;
    if (k12 >= 0)
        c->pred12[PC_EVAL_RULES] |= 1u << k12;
    if (scores && l->score > c->score[k])
        c->score[k] = l->score;
    for (size_t e = l->ev_first; e < l->ev_first + l->nev; e++)
        if (ev_add_rule(&c->rules[k], cl->evidence[e].rule->id) < 0)
            return -1;
    return 0;
}

/* What the model alone and the combination gave: the classes of every verdict (a clause's, or
 * the whole text's), and the model's scores for ranking false positives. */
static void ev_verdicts(const pc_classified *cl, pc_model_unit_kind u, pc_eval_case *c)
{
    const pc_model *m = cl->model;
    for (size_t v = 0; v < cl->nverdicts; v++) {
        const pc_model_verdict *vd = &cl->verdicts[v];
        for (int k = 0; k < PC_MODEL_CLASSES; k++) {
            double s = pc_model_link(&m->set, vd->d[k]);
            int k10 = pc_opp12_to10(k);
            if (vd->d[k] >= m->cls[k].at[u].alone_cut)
                c->pred12[PC_EVAL_MODEL] |= 1u << k;
            if (s > c->score[k10])
                c->score[k10] = s;
        }
        c->pred12[PC_EVAL_COMBINED] |= vd->given;
    }
    for (int s = PC_EVAL_MODEL; s < PC_EVAL_NSYS; s++)
        c->pred10[s] = pc_opp12_mask_to10(c->pred12[s]);
}

static int ev_collect(const pc_classified *cl, pc_model_unit_kind u, pc_eval_case *c)
{
    for (size_t i = 0; i < cl->nlabels; i++)
        if (cl->labels[i].nev > 0 && ev_rule_label(cl, &cl->labels[i], c, !cl->model) < 0)
            return -1;
    for (size_t i = 0; i < cl->ndropped; i++)
        if (ev_rule_label(cl, &cl->dropped[i], c, !cl->model) < 0)
            return -1;
    if (cl->model)
        ev_verdicts(cl, u, c);
    return 0;
}

static int ev_classify_one(const pc_taxonomy *tax, pc_matcher *mt, const pc_classify_opts *opts,
                           const pc_eval_set *set, pc_eval_case *c, pc_eval_warn_fn warn, void *ctx,
                           pc_error *err)
{
    pc_model_text t;
    if (pc_model_text_open(&t, tax, mt, opts, c->id, c->text, strlen(c->text), NULL, err) < 0)
        return -1;
    if (!t.doc) /* an empty or unusable text: nothing predicted, the record still counts */
        ev_warn(warn, ctx, "%s:%zu: %s; nothing predicted", set->path, c->line, t.empty.msg);
    int rc = t.cls ? ev_collect(t.cls, opts->whole ? PC_MODEL_TEXT : PC_MODEL_CLAUSE, c) : 0;
    c->pred = c->pred10[opts->model ? PC_EVAL_COMBINED : PC_EVAL_RULES];
    if (rc < 0)
        pc_error_set(err, "%s: out of memory", set->path);
    for (size_t w = 0; t.cls && w < t.cls->nwarnings; w++)
        ev_warn(warn, ctx, "rule '%s' hit the match limit on %s:%zu (%s)",
                t.cls->warnings[w].rule->id, set->path, c->line, c->id);
    pc_model_text_free(&t);
    return rc;
}

int pc_eval_classify(const pc_taxonomy *tax, const pc_model *model, pc_model_unit_kind unit,
                     pc_eval_set *set, pc_eval_warn_fn warn, void *ctx, pc_error *err)
{
    pc_classify_opts opts = {.model = model, .whole = unit == PC_MODEL_TEXT};
    pc_matcher *mt = pc_matcher_new(tax, err);
    int rc = mt ? 0 : -1;
    for (size_t i = 0; rc == 0 && i < set->n; i++)
        rc = ev_classify_one(tax, mt, &opts, set, &set->cases[i], warn, ctx, err);
    pc_matcher_free(mt);
    return rc;
}

const char *pc_eval_system_name(pc_eval_system s)
{
    static const char *const names[PC_EVAL_NSYS] = {"rules", "model", "combined"};
    return s >= 0 && s < PC_EVAL_NSYS ? names[s] : NULL;
}

/* ---- arithmetic ----------------------------------------------------------------------- */

static int ev_nclass(int nclass)
{
    return nclass == PC_OPP12_COUNT ? PC_OPP12_COUNT : PC_OPP_COUNT;
}

void pc_eval_count(pc_eval_counts *c, unsigned gold, unsigned pred)
{
    c->cases++;
    for (int k = 0; k < ev_nclass(c->nclass); k++) {
        int g = (gold >> k) & 1, p = (pred >> k) & 1;
        c->support[k] += (size_t)g;
        c->tp[k] += (size_t)(g && p);
        c->fp[k] += (size_t)(!g && p);
        c->fn[k] += (size_t)(g && !p);
    }
}

static double ev_div(double a, double b)
{
    return b > 0 ? a / b : 0.0;
}

static double ev_f1(double p, double r)
{
    return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
}

void pc_eval_score(const pc_eval_counts *c, pc_eval_scores *s)
{
    memset(s, 0, sizeof *s);
    size_t tp = 0, fp = 0, fn = 0;
    double sum = 0;
    s->nclass = ev_nclass(c->nclass);
    s->min_f1 = 1.0;
    for (int k = 0; k < s->nclass; k++) {
        s->p[k] = ev_div((double)c->tp[k], (double)(c->tp[k] + c->fp[k]));
        s->r[k] = ev_div((double)c->tp[k], (double)(c->tp[k] + c->fn[k]));
        s->f1[k] = ev_f1(s->p[k], s->r[k]);
        tp += c->tp[k];
        fp += c->fp[k];
        fn += c->fn[k];
        s->in_macro[k] = c->support[k] > 0 || c->fp[k] > 0;
        if (!s->in_macro[k])
            continue;
        s->macro_n++;
        sum += s->f1[k];
        if (s->f1[k] < s->min_f1)
            s->min_f1 = s->f1[k];
    }
    s->micro_p = ev_div((double)tp, (double)(tp + fp));
    s->micro_r = ev_div((double)tp, (double)(tp + fn));
    s->micro_f1 = ev_f1(s->micro_p, s->micro_r);
    s->macro_f1 = ev_div(sum, (double)s->macro_n);
    if (s->macro_n == 0)
        s->min_f1 = 0;
}

int pc_eval_parse_bounds(const char *spec, pc_eval_bounds *b, pc_error *err)
{
    b->macro = b->micro = b->min = -1;
    const char *p = spec;
    while (*p) {
        size_t n = strcspn(p, "=,");
        double *dst = n == 5 && !strncmp(p, "macro", 5)   ? &b->macro
                      : n == 5 && !strncmp(p, "micro", 5) ? &b->micro
                      : n == 3 && !strncmp(p, "min", 3)   ? &b->min
                                                          : NULL;
        if (!dst || p[n] != '=') {
            pc_error_set(err, "bad --require '%s': expected macro=X,micro=X,min=X", spec);
            return -1;
        }
        char *end;
        errno = 0;
        double v = strtod(p + n + 1, &end);
        if (end == p + n + 1 || errno || v < 0 || v > 1 || (*end && *end != ',')) {
            pc_error_set(err, "bad --require '%s': bounds are numbers from 0 to 1", spec);
            return -1;
        }
        *dst = v;
        p = *end ? end + 1 : end;
    }
    return 0;
}

static int ev_bound(double got, double want, const char *what, pc_buf *msg)
{
    if (want < 0 || got >= want - 1e-12)
        return 0;
    if (msg)
        pc_buf_printf(msg, "%s %.3f < %.3f\n", what, got, want);
    return 1;
}

int pc_eval_check(const pc_eval_scores *s, const pc_eval_bounds *b, pc_buf *msg)
{
    return ev_bound(s->macro_f1, b->macro, "macro-F1", msg) +
           ev_bound(s->micro_f1, b->micro, "micro-F1", msg) +
           ev_bound(s->min_f1, b->min, "lowest category F1", msg);
}

size_t pc_eval_worst(const pc_eval_set *set, int cat, int fp, size_t *idx, size_t n)
{
    size_t got = 0;
    unsigned bit = 1u << cat;
    for (size_t i = 0; i < set->n; i++) {
        const pc_eval_case *c = &set->cases[i];
        int is = fp ? (c->pred & bit) && !(c->gold & bit) : (c->gold & bit) && !(c->pred & bit);
        if (!is)
            continue;
        /* insertion into the top n: by score for false positives, file order otherwise */
        size_t j = got < n ? got++ : n;
        while (j > 0 && fp && set->cases[idx[j - 1]].score[cat] < c->score[cat]) {
            if (j < n)
                idx[j] = idx[j - 1];
            j--;
        }
        if (j < n)
            idx[j] = i;
    }
    return got;
}

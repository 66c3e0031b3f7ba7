/* classify_model.c: the learned model deciding a clause's top-level labels beside the rules
 * (see classify.h, "With a learned model"). classify.c calls in after the rules have scored a
 * clause (or, with `whole`, a whole outline); everything here works on the result being built.
 */
#include "classify/classify_internal.h"
#include "classify/model_unit.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define CM_KINDS (((1u << PC_OPP12_COUNT) - 1) & ~((1u << PC_OPP_OTHER) - 1))

struct cl_model {
    const pc_model *model;
    pc_model_scratch *ms;
    pc_model_hitbuf hb;
    int *klass;                       /* per category: pc_category_class */
    int generic[PC_MODEL_CLASSES];    /* per class: the category it gets when only the model
                                         gives it, or -1 */
    pc_label *keep;                   /* whole outlines: the labels being rebuilt */
    size_t cap_keep;
};

const pc_model_verdict *pc_classified_verdict(const pc_classified *c, size_t clause)
{
    if (!c->model || clause >= c->nclauses || !c->nverdicts)
        return NULL;
    return &c->verdicts[c->whole ? 0 : clause];
}

int pc_category_class(const pc_category *cat)
{
    int k = pc_opp12_index(cat->opp115);
    if (k >= 0)
        return k;
    return cat->opp10 == PC_OPP_OTHER ? PC_CLASS_OTHER_ANY : -1;
}

/* How deep category c sits under ancestors of its own top-level category; -1 when an ancestor
 * belongs to another one (such a category is never the generic one). */
static int cm_depth(const pc_taxonomy *tax, int c)
{
    int depth = 0;
    for (int p = tax->cats[c].parent; p >= 0 && depth <= (int)tax->ncats; p = tax->cats[p].parent) {
        if (tax->cats[p].opp10 != tax->cats[c].opp10)
            return -1;
        depth++;
    }
    return depth;
}

/* Each class's generic category: the least deep category of that class, the first on a tie. */
static void cm_generics(cl_model *cm)
{
    const pc_taxonomy *tax = cm->model->tax;
    int best[PC_MODEL_CLASSES];
    for (int k = 0; k < PC_MODEL_CLASSES; k++)
        cm->generic[k] = -1;
    for (size_t c = 0; c < tax->ncats; c++) {
        int k = cm->klass[c], d = cm_depth(tax, (int)c);
        if (k < 0 || d < 0 || (cm->generic[k] >= 0 && d >= best[k]))
            continue;
        cm->generic[k] = (int)c;
        best[k] = d;
    }
}

cl_model *cl_model_new(const pc_model *model)
{
    cl_model *cm = calloc(1, sizeof *cm);
    if (!cm || !model->tax)
        goto fail;
    cm->model = model;
    cm->ms = pc_model_scratch_new();
    cm->klass = malloc((model->tax->ncats ? model->tax->ncats : 1) * sizeof *cm->klass);
    if (!cm->ms || !cm->klass)
        goto fail;
    for (size_t c = 0; c < model->tax->ncats; c++)
        cm->klass[c] = pc_category_class(&model->tax->cats[c]);
    cm_generics(cm);
    return cm;
fail:
    cl_model_free(cm);
    return NULL;
}

void cl_model_free(cl_model *cm)
{
    if (!cm)
        return;
    pc_model_scratch_free(cm->ms);
    pc_model_hitbuf_free(&cm->hb);
    free(cm->klass);
    free(cm->keep);
    free(cm);
}

const pc_model *cl_model_of(const cl_model *cm)
{
    return cm->model;
}

/* ---- deciding ----------------------------------------------------------------------------- */

/* Score the clauses [first, first + n) read through fields into v, mixing in best (a whole
 * text's best clauses, pc_model_mix) unless it is NULL; -1 on out of memory. */
static int cm_verdict(cl_model *cm, const pc_classified *o, size_t first, size_t n,
                      const pc_feat_field *f, size_t nf, pc_model_unit_kind u,
                      const double *best, pc_model_verdict *v)
{
    double d[PC_MODEL_CLASSES];
    if (pc_model_score_unit(cm->model, cm->ms, &cm->hb, o, first, n, f, nf, d) < 0)
        return -1;
    if (best)
        pc_model_mix(cm->model, d, best);
    for (int k = 0; k < PC_MODEL_CLASSES; k++)
        v->d[k] = (float)d[k];
    v->rules = cm->hb.classes;
    v->strong = cm->hb.strong;
    v->given = pc_model_guard(pc_model_decide(cm->model, u, d, v->rules, v->strong), v->rules,
                              v->strong, pc_feat_own_words(f, nf, PC_MODEL_MIN_WORDS));
    return 0;
}

/* Whether a label rests on a rule marked strong (it stands whatever the model says). */
static int cm_strong(const pc_classified *o, const pc_label *l)
{
    for (size_t e = l->ev_first; e < l->ev_first + l->nev; e++)
        if (o->evidence[e].rule->strong)
            return 1;
    return 0;
}

/* Whether label l stands under the classes given. */
static int cm_stands(const cl_model *cm, const pc_classified *o, const pc_label *l, unsigned given)
{
    if (cm_strong(o, l))
        return 1;
    int k = cm->klass[l->category];
    if (k == PC_CLASS_OTHER_ANY)
        return (given & CM_KINDS) != 0;
    return k >= 0 && (given >> k & 1);
}

/* The class a label of a category of class k stands for: k, or for an Other category without
 * a kind the given kind of Other with the highest decision value. */
static int cm_class_in(int k, const pc_model_verdict *v)
{
    if (k != PC_CLASS_OTHER_ANY)
        return k;
    int best = -1;
    for (int j = PC_OPP_OTHER; j < PC_OPP12_COUNT; j++)
        if ((v->given >> j & 1) && (best < 0 || v->d[j] > v->d[best]))
            best = j;
    return best;
}

static int cm_label_class(const cl_model *cm, int cat, const pc_model_verdict *v)
{
    return cm_class_in(cm->klass[cat], v);
}

int pc_classified_label_class(const pc_classified *c, size_t clause, const pc_label *l)
{
    const pc_model_verdict *v = pc_classified_verdict(c, clause);
    return v ? cm_class_in(pc_category_class(&c->tax->cats[l->category]), v) : -1;
}

double pc_classified_model_score(const pc_classified *c, size_t clause, int k)
{
    const pc_model_verdict *v = pc_classified_verdict(c, clause);
    return v && k >= 0 && k < PC_MODEL_CLASSES ? pc_model_link(&c->model->set, v->d[k]) : 0;
}

double pc_classified_model_threshold(const pc_classified *c, size_t clause, int k)
{
    const pc_model_verdict *v = pc_classified_verdict(c, clause);
    if (!v || k < 0 || k >= PC_MODEL_CLASSES)
        return 1;
    double d[PC_MODEL_CLASSES];
    for (int j = 0; j < PC_MODEL_CLASSES; j++)
        d[j] = v->d[j];
    pc_model_unit_kind u = c->whole ? PC_MODEL_TEXT : PC_MODEL_CLAUSE;
    return pc_model_link(&c->model->set, pc_model_cut_for(c->model, u, d, k, v->rules));
}

size_t pc_label_nspans(const pc_classified *c, const pc_label *l)
{
    (void)c;
    return l->nev ? l->nev : l->model ? l->nng : 0;
}

pc_span pc_label_span(const pc_classified *c, const pc_label *l, size_t i, int *heading,
                      int *ngram)
{
    *ngram = l->nev == 0;
    if (*ngram) {
        *heading = c->ngrams[l->ng_first + i].heading;
        return c->ngrams[l->ng_first + i].span;
    }
    *heading = c->evidence[l->ev_first + i].heading;
    return pc_span_wide(c->evidence[l->ev_first + i].span);
}

/* The n-grams of every given class into o->ngrams (written there by pc_model_top); range[k] =
 * {first, count}. */
static void cm_ngrams(cl_model *cm, cl_state *st, const pc_model_verdict *v, size_t range[][2])
{
    pc_classified *o = st->out;
    for (int k = 0; k < PC_MODEL_CLASSES; k++) {
        range[k][0] = o->nngrams;
        range[k][1] = 0;
        if (!(v->given >> k & 1))
            continue;
        if (o->nngrams + PC_MODEL_TOP >= UINT32_MAX || /* pc_label's ranges */
            pc_grow(&o->ngrams, &st->cap_ngrams, o->nngrams + PC_MODEL_TOP, sizeof *o->ngrams) < 0) {
            st->oom = 1;
            return;
        }
        size_t n = pc_model_top(cm->model, cm->ms, k, o->ngrams + o->nngrams, PC_MODEL_TOP);
        o->nngrams += n;
        range[k][1] = n;
    }
}

/* Mark labels[first, first + n) as decided with the model, with their class's n-grams. */
static void cm_mark(const cl_model *cm, pc_label *l, size_t n, const pc_model_verdict *v,
                    size_t range[][2])
{
    for (size_t i = 0; i < n; i++) {
        int k = cm_label_class(cm, l[i].category, v);
        l[i].model = 1;
        l[i].ng_first = k >= 0 ? range[k][0] : 0;
        l[i].nng = k >= 0 ? (uint8_t)range[k][1] : 0; /* at most PC_MODEL_TOP */
    }
}

/* The classes given that no standing label of labels[0..n) covers (a kind of Other needs a
 * label of that kind). */
static unsigned cm_uncovered(const cl_model *cm, const pc_label *l, size_t n, unsigned given)
{
    for (size_t i = 0; i < n; i++) {
        int k = cm->klass[l[i].category];
        if (k >= 0)
            given &= ~(1u << k);
    }
    return given;
}

/* ---- one clause --------------------------------------------------------------------------- */

/* Move the clause's labels the model overrules to o->dropped; the others stay, in order. */
static void cm_partition(cl_model *cm, cl_state *st, pc_clause_result *res, unsigned given)
{
    pc_classified *o = st->out;
    size_t kept = 0;
    res->drop_first = o->ndropped;
    for (size_t i = 0; i < res->nlabels; i++) {
        pc_label l = o->labels[res->label_first + i];
        if (cm_stands(cm, o, &l, given)) {
            o->labels[res->label_first + kept++] = l;
            continue;
        }
        pc_label *d = cl_push(st, &o->dropped, &o->ndropped, &st->cap_dropped, sizeof *d);
        if (d)
            *d = l;
    }
    res->ndropped = o->ndropped - res->drop_first;
    res->nlabels = kept;
    o->nlabels = res->label_first + kept;
}

void cl_model_clause(cl_model *cm, cl_state *st, pc_clause_result *res, const pc_feat_field *f,
                     size_t nf)
{
    pc_classified *o = st->out;
    size_t ci = (size_t)(res - o->clauses);
    pc_model_verdict *v = o->nverdicts ? &o->verdicts[ci] : &st->verdict;
    size_t range[PC_MODEL_CLASSES][2];
    if (cm_verdict(cm, o, ci, 1, f, nf, PC_MODEL_CLAUSE, NULL, v) < 0) {
        st->oom = 1;
        return;
    }
    cm_partition(cm, st, res, v->given);
    unsigned add = res->nlabels ? cm_uncovered(cm, o->labels + res->label_first, res->nlabels,
                                               v->given)
                                : v->given;
    for (int k = 0; k < PC_MODEL_CLASSES; k++) {
        if (!(add >> k & 1) || cm->generic[k] < 0)
            continue;
        pc_label *l = cl_push(st, &o->labels, &o->nlabels, &st->cap_labels, sizeof *l);
        if (!l)
            return;
        *l = (pc_label){.category = cm->generic[k], .ev_first = o->nevidence};
        res->nlabels++;
    }
    if (o->no_ngrams)
        memset(range, 0, sizeof range);
    else
        cm_ngrams(cm, st, v, range);
    if (res->nlabels)
        cm_mark(cm, o->labels + res->label_first, res->nlabels, v, range);
}

/* ---- a whole outline ---------------------------------------------------------------------- */

/* The clause a class's generic label goes on: the one holding its strongest n-gram. */
static size_t cm_home(const pc_classified *o, size_t range[2])
{
    if (!range[1] || !o->outline)
        return 0;
    size_t at = o->ngrams[range[0]].span.start;
    for (size_t i = 0; i < o->nclauses; i++)
        if (at < o->outline->clauses[i].end)
            return i;
    return 0;
}

/* Rebuild the labels clause by clause: those that stand, then the generic ones homed there. */
static void cm_rebuild(cl_model *cm, cl_state *st, const pc_model_verdict *v, unsigned add,
                       size_t range[][2])
{
    pc_classified *o = st->out;
    size_t n = 0, home[PC_MODEL_CLASSES];
    for (int k = 0; k < PC_MODEL_CLASSES; k++)
        home[k] = cm_home(o, range[k]);
    if (pc_grow(&cm->keep, &cm->cap_keep, o->nlabels + PC_MODEL_CLASSES + 1, sizeof *cm->keep) < 0) {
        st->oom = 1;
        return;
    }
    for (size_t ci = 0; ci < o->nclauses; ci++) {
        pc_clause_result *res = &o->clauses[ci];
        size_t first = n;
        res->drop_first = o->ndropped;
        for (size_t i = res->label_first; i < res->label_first + res->nlabels; i++) {
            pc_label *d;
            if (cm_stands(cm, o, &o->labels[i], v->given))
                cm->keep[n++] = o->labels[i];
            else if ((d = cl_push(st, &o->dropped, &o->ndropped, &st->cap_dropped, sizeof *d)))
                *d = o->labels[i];
        }
        for (int k = 0; k < PC_MODEL_CLASSES; k++)
            if ((add >> k & 1) && cm->generic[k] >= 0 && home[k] == ci)
                cm->keep[n++] = (pc_label){.category = cm->generic[k], .ev_first = o->nevidence};
        res->ndropped = o->ndropped - res->drop_first;
        res->label_first = first;
        res->nlabels = n - first;
    }
    cm_mark(cm, cm->keep, n, v, range);
    pc_label *tmp = o->labels;
    size_t cap = st->cap_labels;
    o->labels = cm->keep;
    o->nlabels = n;
    st->cap_labels = cm->cap_keep;
    cm->keep = tmp;
    cm->cap_keep = cap;
}

/* Each class's highest decision value over the outline's clauses read one by one, as a policy's
 * clauses are read (-HUGE_VAL without clauses); only when the model mixes any class. */
static int cm_best_clauses(cl_model *cm, const pc_classified *o, double best[PC_MODEL_CLASSES])
{
    for (int k = 0; k < PC_MODEL_CLASSES; k++)
        best[k] = -HUGE_VAL;
    for (size_t ci = 0; cm->model->mixed && o->outline && ci < o->nclauses; ci++) {
        pc_feat_field f[3];
        double d[PC_MODEL_CLASSES];
        size_t nf = pc_model_clause_fields(o->outline, ci, f);
        if (pc_model_score_unit(cm->model, cm->ms, &cm->hb, o, ci, 1, f, nf, d) < 0)
            return -1;
        for (int k = 0; k < PC_MODEL_CLASSES; k++)
            best[k] = d[k] > best[k] ? d[k] : best[k];
    }
    return 0;
}

void cl_model_whole(cl_model *cm, cl_state *st)
{
    pc_classified *o = st->out;
    const pc_doc *doc = o->outline ? o->outline->doc : NULL;
    pc_feat_field f = {doc ? doc->text : "", doc ? doc->len : 0, 0, 0};
    size_t range[PC_MODEL_CLASSES][2];
    pc_model_verdict *v = &o->verdicts[0];
    double best[PC_MODEL_CLASSES];
    if (cm_best_clauses(cm, o, best) < 0 ||
        cm_verdict(cm, o, 0, o->nclauses, &f, 1, PC_MODEL_TEXT, best, v) < 0) {
        st->oom = 1;
        return;
    }
    unsigned add = v->given;
    for (size_t i = 0; i < o->nlabels; i++)
        if (cm_stands(cm, o, &o->labels[i], v->given))
            add = cm_uncovered(cm, &o->labels[i], 1, add);
    cm_ngrams(cm, st, v, range);
    if (!st->oom)
        cm_rebuild(cm, st, v, add, range);
}

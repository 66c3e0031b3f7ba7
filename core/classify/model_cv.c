/* model_cv.c: cross-validation while training: folds by group, out-of-fold scores, each
 * class's thresholds and combination mode, the margin, and the classes a text read whole mixes
 * its best clause into (see model_train.h).
 *
 * Every choice is made twice: on all the units (what the model keeps), and for each fold on the
 * units outside it, applied to the fold's units. Those held-out decisions decide between modes
 * (the rule cut is kept only where it raises the class's held-out F1), choose the margin and
 * the classes it applies to and the classes that need a rule, and they are what
 * `polcmp train --cv` reports: figures no choice has seen. The mixed classes are chosen first
 * (those whose held-out F1 the mix raises), so that every later choice sees the values the
 * model will give. */
#include "classify/model_internal.h"
#include "classify/model_train_internal.h"

#include <float.h>
#include <linear.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* ---- folds -------------------------------------------------------------------------------- */

/* A unit's group for sorting: the group string (NULL: the unit alone) and its index. */
typedef struct cv_member {
    const char *group;
    size_t index;
} cv_member;

static int cv_cmp_member(const void *a, const void *b)
{
    const cv_member *x = a, *y = b;
    if (x->group && y->group) {
        int c = strcmp(x->group, y->group);
        if (c)
            return c;
    } else if (x->group || y->group)
        return x->group ? -1 : 1;
    return x->index < y->index ? -1 : x->index > y->index;
}

/* Groups take folds round-robin in the order they first appear; a unit without a group is a
 * group of its own. */
static int cv_folds(tr_state *st)
{
    size_t n = st->n;
    cv_member *mem = malloc((n ? n : 1) * sizeof *mem);
    size_t *first = malloc((n ? n : 1) * sizeof *first);
    st->fold = calloc(n ? n : 1, sizeof *st->fold);
    if (!mem || !first || !st->fold) {
        free(mem);
        free(first);
        return -1;
    }
    for (size_t i = 0; i < n; i++)
        mem[i] = (cv_member){st->set->groups ? st->ex[i].group : NULL, i};
    qsort(mem, n, sizeof *mem, cv_cmp_member);
    for (size_t j = 0; j < n; j++)
        first[mem[j].index] = j > 0 && mem[j].group && mem[j - 1].group &&
                                      !strcmp(mem[j].group, mem[j - 1].group)
                                  ? first[mem[j - 1].index]
                                  : mem[j].index;
    int next = 0;
    for (size_t i = 0; i < n; i++)
        st->fold[i] = first[i] == i ? next++ % st->set->folds : st->fold[first[i]];
    free(mem);
    free(first);
    return 0;
}

/* ---- out-of-fold scores ------------------------------------------------------------------- */

/* Unit i's out-of-fold decision values for class k: whole, each clause's, and their highest. */
static void cv_unit(tr_state *st, size_t i, int k)
{
    double best = -HUGE_VAL;
    for (size_t c = st->cfirst[i]; c < st->cfirst[i] + st->cn[i]; c++) {
        double d = tr_dot(st->w, st->cx[c]);
        st->oofx[c * PC_MODEL_CLASSES + k] = d;
        best = d > best ? d : best;
    }
    st->oof[i * PC_MODEL_CLASSES + k] = tr_dot(st->w, st->x[i]);
    st->oofc[i * PC_MODEL_CLASSES + k] = best;
}

static int cv_scores(tr_state *st)
{
    for (int f = 0; f < st->set->folds; f++)
        for (int k = 0; k < PC_MODEL_CLASSES; k++) {
            if (tr_train_class(st, k, f, st->w) < 0)
                return -1;
            for (size_t i = 0; i < st->n; i++)
                if (st->fold[i] == f)
                    cv_unit(st, i, k);
        }
    return 0;
}

/* The classes the rules gave unit i read as kind u (for clauses: any clause), and those a
 * strong rule gave. */
static unsigned cv_rules(const tr_state *st, size_t i, pc_model_unit_kind u, unsigned *strong)
{
    if (u == PC_MODEL_TEXT) {
        *strong = st->strong12[i];
        return st->rules12[i];
    }
    unsigned m = 0;
    *strong = 0;
    for (size_t c = st->cfirst[i]; c < st->cfirst[i] + st->cn[i]; c++) {
        m |= st->crules[c];
        *strong |= st->cstrong[c];
    }
    return m;
}

/* ---- thresholds and modes ----------------------------------------------------------------- */

/* One unit's view of a class: its out-of-fold decision value, gold, weight, whether the rules
 * gave the class (then the rule cut applies) and whether a strong rule did (always positive).
 * Plain value. */
typedef struct cv_point {
    double score;
    int gold, rule, strong;
    double weight;
} cv_point;

static int cv_cmp_point(const void *a, const void *b)
{
    const cv_point *x = a, *y = b;
    return x->score > y->score ? -1 : x->score < y->score;
}

static double cv_f1(double tp, double fp, double fn)
{
    return tp > 0 ? 2 * tp / (2 * tp + fp + fn) : 0;
}

#define CV_RULE_CUTS 32   /* rule cuts tried per class, besides "any" and "the same" */
#define CV_ANY (-1e300)   /* a rule cut below every decision value */
#define CV_ALL ((1u << PC_MODEL_CLASSES) - 1)

/* Whether a point is given whatever the cut: a strong rule, or a rule at the rule cut. */
static int cv_forced(const cv_point *p, double rule_cut)
{
    return p->strong || (p->rule && p->score >= rule_cut);
}

/* The best F1 over cuts on p[0..n) (sorted by decision value, highest first) with points given
 * by the rules at rule_cut. The cut lies halfway between the lowest value given and the
 * highest value not given (one above the highest when none is given, one below the lowest
 * when all are). */
static double cv_best(const cv_point *p, size_t n, double forced, double *threshold)
{
    double pos = 0, tp = 0, fp = 0;
    for (size_t i = 0; i < n; i++) {
        pos += p[i].gold ? p[i].weight : 0;
        if (cv_forced(&p[i], forced))
            *(p[i].gold ? &tp : &fp) += p[i].weight;
    }
    double best = cv_f1(tp, fp, pos - tp);
    *threshold = n ? p[0].score + 1 : 0;
    for (size_t i = 0; i < n;) {
        size_t j = i;
        for (; j < n && p[j].score == p[i].score; j++)
            if (!cv_forced(&p[j], forced))
                *(p[j].gold ? &tp : &fp) += p[j].weight;
        double f = cv_f1(tp, fp, pos - tp);
        if (f > best) {
            best = f;
            *threshold = j < n ? (p[i].score + p[j].score) / 2 : p[i].score - 1;
        }
        i = j;
    }
    return best;
}

/* The rule cuts to try: halfway between decision values of points the rules gave, at most
 * CV_RULE_CUTS of them, spread evenly; then "any". */
static size_t cv_rule_cuts(const cv_point *p, size_t n, double *cuts)
{
    size_t m = 0, k = 0, last = n;
    for (size_t i = 0; i < n; i++) /* count the midpoints between rule points */
        if (p[i].rule) {
            m += last < n && p[i].score < p[last].score;
            last = i;
        }
    size_t want = m < CV_RULE_CUTS ? m : CV_RULE_CUTS, seen = 0, next = 0;
    last = n;
    for (size_t i = 0; i < n && k < want; i++) {
        if (!p[i].rule)
            continue;
        if (last < n && p[i].score < p[last].score) {
            if (seen == next * (m - 1) / (want > 1 ? want - 1 : 1)) {
                cuts[k++] = (p[i].score + p[last].score) / 2;
                next++;
            }
            seen++;
        }
        last = i;
    }
    cuts[k++] = CV_ANY;
    return k;
}

/* The cuts chosen on one set of units, per class: the best pair of cut and rule cut, the best
 * cut without a rule cut (plain), and the model's own cut (no rule at all). Plain value. */
typedef struct cv_cuts {
    double cut[PC_MODEL_CLASSES], rule_cut[PC_MODEL_CLASSES];
    double plain[PC_MODEL_CLASSES], alone[PC_MODEL_CLASSES];
} cv_cuts;

/* The cross-validation's choices. cuts[u * (folds + 1) + f]: chosen on the units outside fold f,
 * or on every unit for f == folds. Owns cuts and p; borrows st. */
typedef struct cv_ctx {
    tr_state *st;
    cv_point *p;
    cv_cuts *cuts;
    unsigned use_rule[PC_MODEL_NUNITS]; /* bit per class: its rule cut is kept */
    double margin[PC_MODEL_NUNITS];
    unsigned margined[PC_MODEL_NUNITS]; /* bit per class: the margin applies to it */
    unsigned need_rule[PC_MODEL_NUNITS]; /* bit per class: given only where the rules give it */
} cv_ctx;

static cv_cuts *cv_cuts_of(const cv_ctx *cx, pc_model_unit_kind u, int f)
{
    return &cx->cuts[(size_t)u * (size_t)(cx->st->set->folds + 1) + (size_t)f];
}

/* Class k's points for units of kind u outside fold skip (-1: every unit), sorted. */
static size_t cv_points(const cv_ctx *cx, int k, pc_model_unit_kind u, int skip)
{
    const tr_state *st = cx->st;
    const double *v = u == PC_MODEL_CLAUSE ? st->oofc : st->oof;
    size_t n = 0;
    for (size_t i = 0; i < st->n; i++) {
        unsigned strong, rules = cv_rules(st, i, u, &strong);
        if ((st->ex[i].known >> k & 1) && st->fold[i] != skip)
            cx->p[n++] = (cv_point){v[i * PC_MODEL_CLASSES + k], (int)(st->ex[i].labels >> k & 1),
                                    (int)(rules >> k & 1), (int)(strong >> k & 1),
                                    (double)st->ex[i].weight};
    }
    qsort(cx->p, n, sizeof *cx->p, cv_cmp_point);
    return n;
}

/* Choose class k's cuts for units of kind u on the units outside fold f (every unit when f is
 * the number of folds): the pair with the best F1 (the plain cut winning ties), and the others. */
static void cv_choose(cv_ctx *cx, int k, pc_model_unit_kind u, int f)
{
    cv_point *p = cx->p;
    size_t n = cv_points(cx, k, u, f < cx->st->set->folds ? f : -1);
    cv_cuts *c = cv_cuts_of(cx, u, f);
    double cuts[CV_RULE_CUTS + 2], cut, best_rule = HUGE_VAL;
    double best = cv_best(p, n, HUGE_VAL, &c->plain[k]);
    size_t nc = cv_rule_cuts(p, n, cuts);
    c->cut[k] = c->plain[k];
    for (size_t i = 0; i < nc; i++) {
        double fi = cv_best(p, n, cuts[i], &cut);
        if (fi > best + 1e-12) {
            best = fi;
            c->cut[k] = cut;
            best_rule = cuts[i];
        }
    }
    c->rule_cut[k] = best_rule < c->cut[k] ? best_rule : c->cut[k];
    for (size_t i = 0; i < n; i++) /* the model alone: no rule gives anything */
        p[i].rule = p[i].strong = 0;
    cv_best(p, n, HUGE_VAL, &c->alone[k]);
}

/* Class k's F1 over every unit of kind u, each decided with the cuts chosen without its fold:
 * with the rule cut (use_rule) or without. */
static double cv_heldout_f1(const cv_ctx *cx, int k, pc_model_unit_kind u, int use_rule)
{
    const tr_state *st = cx->st;
    const double *v = u == PC_MODEL_CLAUSE ? st->oofc : st->oof;
    double tp = 0, fp = 0, fn = 0;
    for (size_t i = 0; i < st->n; i++) {
        if (!(st->ex[i].known >> k & 1))
            continue;
        const cv_cuts *c = cv_cuts_of(cx, u, st->fold[i]);
        unsigned strong, rules = cv_rules(st, i, u, &strong);
        double s = v[i * PC_MODEL_CLASSES + k], w = st->ex[i].weight;
        int given = (strong >> k & 1) ||
                    (use_rule ? s >= c->cut[k] || ((rules >> k & 1) && s >= c->rule_cut[k])
                              : s >= c->plain[k]);
        int gold = st->ex[i].labels >> k & 1;
        *(given && gold ? &tp : given ? &fp : gold ? &fn : &w) += w;
    }
    return cv_f1(tp, fp, fn);
}

/* ---- deciding units ----------------------------------------------------------------------- */

/* The combination's cut and rule cut of class k for units of kind u among cuts c, in the modes
 * chosen: no cut of its own where the class needs a rule, the rule cut where it is kept. */
static void cv_mode_cuts(const cv_ctx *cx, const cv_cuts *c, pc_model_unit_kind u, int k,
                         double *cut, double *rule_cut)
{
    int keep = cx->use_rule[u] >> k & 1;
    *cut = cx->need_rule[u] >> k & 1 ? DBL_MAX : keep ? c->cut[k] : c->plain[k];
    *rule_cut = keep ? c->rule_cut[k] : c->plain[k];
}

/* The classes given: the model's alone as they are, the combination's after the guard on
 * units with too few words of their own (pc_model_guard). */
static unsigned cv_guard(int alone, unsigned given, unsigned rules, unsigned strong,
                         size_t words)
{
    return alone ? given : pc_model_guard(given, rules, strong, words);
}

/* The classes given to unit i read as kind u with the cuts of fold f, the combination's (rules
 * and the chosen modes) or the model's alone, and a margin for the classes in margined. */
static unsigned cv_decide(const cv_ctx *cx, size_t i, pc_model_unit_kind u, int f, int alone,
                          double margin, unsigned margined)
{
    const tr_state *st = cx->st;
    const cv_cuts *c = cv_cuts_of(cx, u, f);
    double cut[PC_MODEL_CLASSES], rule_cut[PC_MODEL_CLASSES];
    for (int k = 0; k < PC_MODEL_CLASSES; k++) {
        if (alone)
            cut[k] = rule_cut[k] = c->alone[k];
        else
            cv_mode_cuts(cx, c, u, k, &cut[k], &rule_cut[k]);
    }
    if (u == PC_MODEL_TEXT)
        return cv_guard(alone, pc_model_given(cut, rule_cut, margin, margined,
                                              &st->oof[i * PC_MODEL_CLASSES],
                                              alone ? 0 : st->rules12[i],
                                              alone ? 0 : st->strong12[i]),
                        st->rules12[i], st->strong12[i], st->words[i]);
    unsigned mask = 0;
    for (size_t x = st->cfirst[i]; x < st->cfirst[i] + st->cn[i]; x++)
        mask |= cv_guard(alone, pc_model_given(cut, rule_cut, margin, margined,
                                               &st->oofx[x * PC_MODEL_CLASSES],
                                               alone ? 0 : st->crules[x],
                                               alone ? 0 : st->cstrong[x]),
                         st->crules[x], st->cstrong[x], st->cwords[x]);
    return mask;
}

/* Each class's weighted counts over the held-out decisions of kind u with a margin for the
 * classes in margined: the twelve classes, or with `ten` the ten top-level categories (the
 * three kinds of Other one category, counted at PC_OPP_OTHER). Plain value. */
typedef struct cv_counts {
    double tp[PC_MODEL_CLASSES], fp[PC_MODEL_CLASSES], fn[PC_MODEL_CLASSES];
} cv_counts;

static void cv_count(const cv_ctx *cx, pc_model_unit_kind u, double margin, unsigned margined,
                     int ten, cv_counts *n)
{
    const tr_state *st = cx->st;
    memset(n, 0, sizeof *n);
    for (size_t i = 0; i < st->n; i++) {
        unsigned g = st->ex[i].labels, p = cv_decide(cx, i, u, st->fold[i], 0, margin, margined);
        unsigned known = st->ex[i].known;
        if (ten) {
            g = pc_opp12_mask_to10(g);
            p = pc_opp12_mask_to10(p);
            known = pc_opp12_mask_to10(known);
        }
        for (int k = 0; k < PC_MODEL_CLASSES; k++) {
            double w = (known >> k & 1) ? st->ex[i].weight : 0;
            n->tp[k] += (g >> k & 1) && (p >> k & 1) ? w : 0;
            n->fp[k] += !(g >> k & 1) && (p >> k & 1) ? w : 0;
            n->fn[k] += (g >> k & 1) && !(p >> k & 1) ? w : 0;
        }
    }
}

/* Micro- plus macro-F1 over the ten top-level categories of the held-out decisions of kind u
 * with a margin for the classes in margined: the figures the classifier is judged by, and what
 * the matrix groups (Other's kinds count as one category, so a kind given by mistake where
 * another is right costs nothing there). */
static double cv_objective(const cv_ctx *cx, pc_model_unit_kind u, double margin,
                           unsigned margined)
{
    cv_counts n;
    cv_count(cx, u, margin, margined, 1, &n);
    double TP = 0, FP = 0, FN = 0, macro = 0;
    int classes = 0;
    for (int k = 0; k < PC_MODEL_CLASSES; k++) {
        TP += n.tp[k];
        FP += n.fp[k];
        FN += n.fn[k];
        if (n.tp[k] + n.fp[k] + n.fn[k] > 0) {
            macro += cv_f1(n.tp[k], n.fp[k], n.fn[k]);
            classes++;
        }
    }
    return cv_f1(TP, FP, FN) + (classes ? macro / classes : 0);
}

/* The margins tried, loosest first (a tighter one must do strictly better). */
static const double cv_margins[] = {HUGE_VAL, 6, 5, 4, 3.5, 3, 2.5, 2, 1.5, 1};

/* The margin of kind u: the one with the best micro- plus macro-F1 over every class; then it
 * stays on only the classes whose held-out F1 it raises (a class kept from the unit by a class
 * that leads it may well be there too). */
static void cv_choose_margin(cv_ctx *cx, pc_model_unit_kind u)
{
    double best = -1;
    for (size_t j = 0; j < sizeof cv_margins / sizeof cv_margins[0]; j++) {
        double v = cv_objective(cx, u, cv_margins[j], CV_ALL);
        if (v > best + 1e-12) {
            best = v;
            cx->margin[u] = cv_margins[j];
        }
    }
    cv_counts with, without;
    cv_count(cx, u, cx->margin[u], CV_ALL, 0, &with);
    cv_count(cx, u, cx->margin[u], 0, 0, &without);
    cx->margined[u] = 0;
    for (int k = 0; k < PC_MODEL_CLASSES; k++)
        if (cv_f1(with.tp[k], with.fp[k], with.fn[k]) >
            cv_f1(without.tp[k], without.fp[k], without.fn[k]) + 1e-12)
            cx->margined[u] |= 1u << k;
}

/* The classes the model may not give alone on units of kind u: those whose held-out labels
 * given without the rules are wrong more often than right (a reviewer cannot trust them), where
 * leaving them to the rules costs nothing in micro- plus macro-F1. */
static void cv_choose_need_rule(cv_ctx *cx, pc_model_unit_kind u)
{
    const tr_state *st = cx->st;
    double right[PC_MODEL_CLASSES] = {0}, wrong[PC_MODEL_CLASSES] = {0};
    for (size_t i = 0; i < st->n; i++) {
        unsigned strong, rules = cv_rules(st, i, u, &strong);
        unsigned p = cv_decide(cx, i, u, st->fold[i], 0, cx->margin[u], cx->margined[u]);
        for (int k = 0; k < PC_MODEL_CLASSES; k++)
            if ((p >> k & 1) && !(rules >> k & 1) && (st->ex[i].known >> k & 1))
                *(st->ex[i].labels >> k & 1 ? &right[k] : &wrong[k]) += st->ex[i].weight;
    }
    for (int k = 0; k < PC_MODEL_CLASSES; k++) {
        if (wrong[k] <= right[k])
            continue;
        double before = cv_objective(cx, u, cx->margin[u], cx->margined[u]);
        cx->need_rule[u] |= 1u << k;
        if (cv_objective(cx, u, cx->margin[u], cx->margined[u]) < before - 1e-12)
            cx->need_rule[u] &= ~(1u << k);
    }
}

/* The model keeps the cuts chosen on every unit, in the modes and with the margins chosen. */
static void cv_keep(const cv_ctx *cx)
{
    pc_model *m = cx->st->m;
    for (int u = 0; u < PC_MODEL_NUNITS; u++) {
        const cv_cuts *c = cv_cuts_of(cx, (pc_model_unit_kind)u, cx->st->set->folds);
        m->margin[u] = cx->margin[u];
        m->margined[u] = cx->margined[u];
        for (int k = 0; k < PC_MODEL_CLASSES; k++) {
            pc_model_rule *r = &m->cls[k].at[u];
            cv_mode_cuts(cx, c, (pc_model_unit_kind)u, k, &r->cut, &r->rule_cut);
            r->alone_cut = c->alone[k];
            r->threshold = pc_model_link(cx->st->set, r->cut);
            r->rule_threshold = pc_model_link(cx->st->set, r->rule_cut);
            r->alone = pc_model_link(cx->st->set, r->alone_cut);
        }
    }
}

static int cv_report(const cv_ctx *cx, pc_model_cv *cv)
{
    const tr_state *st = cx->st;
    size_t n = st->n ? st->n : 1;
    cv->n = st->n;
    cv->rules10 = calloc(n, sizeof *cv->rules10);
    cv->rules = calloc(n, sizeof *cv->rules);
    for (int u = 0; u < PC_MODEL_NUNITS; u++) {
        cv->model[u] = calloc(n, sizeof *cv->model[u]);
        cv->combined[u] = calloc(n, sizeof *cv->combined[u]);
        if (!cv->model[u] || !cv->combined[u])
            return -1;
    }
    if (!cv->rules || !cv->rules10)
        return -1;
    for (size_t i = 0; i < st->n; i++) {
        cv->rules[i] = st->rules12[i];
        cv->rules10[i] = st->texts[i].cls ? pc_classified_opp10(st->texts[i].cls) : 0;
        for (int u = 0; u < PC_MODEL_NUNITS; u++) {
            pc_model_unit_kind ku = (pc_model_unit_kind)u;
            double mg = cx->margin[u];
            cv->model[u][i] = cv_decide(cx, i, ku, st->fold[i], 1, mg, cx->margined[u]);
            cv->combined[u][i] = cv_decide(cx, i, ku, st->fold[i], 0, mg, cx->margined[u]);
        }
    }
    return 0;
}

/* Class k's held-out F1 for texts read whole, its cuts chosen fold by fold on the current
 * out-of-fold values (with the rule cut). */
static double cv_text_f1(cv_ctx *cx, int k)
{
    for (int f = 0; f <= cx->st->set->folds; f++)
        cv_choose(cx, k, PC_MODEL_TEXT, f);
    return cv_heldout_f1(cx, k, PC_MODEL_TEXT, 1);
}

/* The classes a text read whole mixes its best clause into: those whose held-out F1 the mix
 * raises. Their out-of-fold values for texts become the mixed ones, which every later choice
 * sees, as the model will. */
static int cv_choose_mixed(cv_ctx *cx)
{
    tr_state *st = cx->st;
    st->m->mixed = 0;
    if (st->set->clause_mix <= 0)
        return 0;
    double *t = malloc((st->n ? st->n : 1) * sizeof *t);
    if (!t)
        return -1;
    for (int k = 0; k < PC_MODEL_CLASSES; k++) {
        double plain = cv_text_f1(cx, k);
        for (size_t i = 0; i < st->n; i++) {
            double *v = &st->oof[i * PC_MODEL_CLASSES + k];
            t[i] = *v;
            *v = pc_model_mix_value(st->set->clause_mix, *v, st->oofc[i * PC_MODEL_CLASSES + k]);
        }
        if (cv_text_f1(cx, k) > plain + 1e-12)
            st->m->mixed |= 1u << k;
        else
            for (size_t i = 0; i < st->n; i++)
                st->oof[i * PC_MODEL_CLASSES + k] = t[i];
    }
    free(t);
    return 0;
}

static void cv_choose_all(cv_ctx *cx)
{
    int folds = cx->st->set->folds;
    for (int u = 0; u < PC_MODEL_NUNITS; u++) {
        pc_model_unit_kind ku = (pc_model_unit_kind)u;
        for (int k = 0; k < PC_MODEL_CLASSES; k++) {
            for (int f = 0; f <= folds; f++)
                cv_choose(cx, k, ku, f);
            if (cv_heldout_f1(cx, k, ku, 1) > cv_heldout_f1(cx, k, ku, 0) + 1e-12)
                cx->use_rule[u] |= 1u << k;
        }
        cv_choose_margin(cx, ku);
        cv_choose_need_rule(cx, ku);
    }
    cv_keep(cx);
}

int tr_cross_validate(tr_state *st, pc_model_cv *cv)
{
    cv_ctx cx = {.st = st};
    cx.p = malloc((st->n ? st->n : 1) * sizeof *cx.p);
    cx.cuts = calloc((size_t)PC_MODEL_NUNITS * (size_t)(st->set->folds + 1), sizeof *cx.cuts);
    int rc = cx.p && cx.cuts && cv_folds(st) == 0 && cv_scores(st) == 0 &&
                     cv_choose_mixed(&cx) == 0
                 ? 0
                 : -1;
    if (rc == 0)
        cv_choose_all(&cx);
    if (rc == 0 && cv)
        rc = cv_report(&cx, cv);
    free(cx.p);
    free(cx.cuts);
    return rc;
}

void pc_model_cv_free(pc_model_cv *cv)
{
    free(cv->rules);
    free(cv->rules10);
    for (int u = 0; u < PC_MODEL_NUNITS; u++) {
        free(cv->model[u]);
        free(cv->combined[u]);
    }
    memset(cv, 0, sizeof *cv);
}

/* model_cv.c: cross-validation while training: folds by group, out-of-fold scores, and each
 * class's threshold and combination mode (see model_train.h). */
#include "classify/model_train_internal.h"

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

/* Unit i's out-of-fold decision values for class k: whole, and its clauses' highest. */
static void cv_unit(tr_state *st, size_t i, int k)
{
    double best = -HUGE_VAL;
    for (size_t c = st->cfirst[i]; c < st->cfirst[i] + st->cn[i]; c++) {
        double d = tr_dot(st->w, st->cx[c]);
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

/* Choose class k's cut and rule cut for units of kind u from the out-of-fold values: the pair
 * with the best F1, the model alone ("the same cut") winning ties. */
static void cv_choose(tr_state *st, int k, pc_model_unit_kind u, cv_point *p)
{
    size_t n = 0;
    const double *v = u == PC_MODEL_CLAUSE ? st->oofc : st->oof;
    for (size_t i = 0; i < st->n; i++) {
        unsigned strong, rules = cv_rules(st, i, u, &strong);
        if (st->ex[i].known >> k & 1)
            p[n++] = (cv_point){v[i * PC_MODEL_CLASSES + k], (int)(st->ex[i].labels >> k & 1),
                                (int)(rules >> k & 1), (int)(strong >> k & 1),
                                (double)st->ex[i].weight};
    }
    qsort(p, n, sizeof *p, cv_cmp_point);
    double cuts[CV_RULE_CUTS + 2], cut, best_cut = 0;
    double best = cv_best(p, n, HUGE_VAL, &best_cut), best_rule = HUGE_VAL;
    size_t nc = cv_rule_cuts(p, n, cuts);
    for (size_t i = 0; i < nc; i++) {
        double f = cv_best(p, n, cuts[i], &cut);
        if (f > best + 1e-12) {
            best = f;
            best_cut = cut;
            best_rule = cuts[i];
        }
    }
    pc_model_rule *r = &st->m->cls[k].at[u];
    r->cut = best_cut;
    r->rule_cut = best_rule < best_cut ? best_rule : best_cut;
    r->threshold = pc_model_link(st->set, r->cut);
    r->rule_threshold = pc_model_link(st->set, r->rule_cut);
    for (size_t i = 0; i < n; i++) /* the model alone: no rule gives anything */
        p[i].rule = p[i].strong = 0;
    cv_best(p, n, HUGE_VAL, &r->alone_cut);
    r->alone = pc_model_link(st->set, r->alone_cut);
}

static int cv_report(tr_state *st, pc_model_cv *cv)
{
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
            const double *s = &(u == PC_MODEL_CLAUSE ? st->oofc : st->oof)[i * PC_MODEL_CLASSES];
            unsigned strong, rules = cv_rules(st, i, (pc_model_unit_kind)u, &strong);
            for (int k = 0; k < PC_MODEL_CLASSES; k++)
                cv->model[u][i] |= (unsigned)(s[k] >= st->m->cls[k].at[u].alone_cut) << k;
            cv->combined[u][i] = pc_model_decide(st->m, (pc_model_unit_kind)u, s, rules, strong);
        }
    }
    return 0;
}

int tr_cross_validate(tr_state *st, pc_model_cv *cv)
{
    cv_point *p = malloc((st->n ? st->n : 1) * sizeof *p);
    int rc = p && cv_folds(st) == 0 && cv_scores(st) == 0 ? 0 : -1;
    for (int k = 0; rc == 0 && k < PC_MODEL_CLASSES; k++)
        for (int u = 0; u < PC_MODEL_NUNITS; u++)
            cv_choose(st, k, (pc_model_unit_kind)u, p);
    free(p);
    if (rc == 0 && cv)
        rc = cv_report(st, cv);
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

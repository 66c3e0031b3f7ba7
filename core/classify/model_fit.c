/* model_fit.c: one class's liblinear problem and training, and the decision value of a unit's
 * vector, for the cross-validation (model_cv.c) and the final model (model_train.c). */
#include "classify/model_train_internal.h"

#include <linear.h>
#include <stdlib.h>
#include <string.h>

static void tr_quiet(const char *s)
{
    (void)s;
}

/* ---- liblinear ---------------------------------------------------------------------------- */

double tr_dot(const double *w, const struct feature_node *x)
{
    double d = 0;
    for (; x->index > 0; x++)
        d += w[x->index - 1] * x->value;
    return d;
}

/* The units that train class k without fold `skip` (-1: all), each repeated by its weight. */
static size_t tr_problem(tr_state *st, int k, int skip, struct feature_node **xs, double *ys,
                         size_t *npos)
{
    size_t l = 0;
    *npos = 0;
    for (size_t i = 0; i < st->n; i++) {
        const pc_model_example *e = &st->ex[i];
        if (!(e->known >> k & 1) || (skip >= 0 && st->fold[i] == skip))
            continue;
        for (int r = 0; r < e->weight; r++) {
            xs[l] = st->x[i];
            ys[l++] = (e->labels >> k & 1) ? 1.0 : -1.0;
            *npos += (e->labels >> k & 1) != 0;
        }
    }
    return l;
}

/* Train class k without fold `skip`: w[0..nfeat) and w[nfeat] the bias. A class with no
 * positive (or no negative) unit gets zero weights and a bias of -1 (or +1). */
int tr_train_class(tr_state *st, int k, int skip, double *w)
{
    size_t l = 0, npos = 0, nf = st->m->nfeat;
    l = tr_problem(st, k, skip, st->xs, st->ys, &npos);
    memset(w, 0, (nf + 1) * sizeof *w);
    if (npos == 0 || npos == l) {
        w[nf] = npos ? 1.0 : -1.0;
        return 0;
    }
    int labels[2] = {1, -1};
    double cw[2] = {1.0, 1.0};
    if (st->set->balanced) {
        cw[0] = (double)l / (2.0 * (double)npos);
        cw[1] = (double)l / (2.0 * (double)(l - npos));
    }
    struct problem prob = {(int)l, (int)nf + 1, st->ys, st->xs, 1.0};
    struct parameter par = {.solver_type = st->set->solver, .eps = st->set->eps,
                            .C = st->set->C, .nr_weight = 2, .weight_label = labels,
                            .weight = cw, .p = 0.1, .init_sol = NULL};
    if (check_parameter(&prob, &par))
        return -1;
    set_print_string_function(tr_quiet);
    srand(1);
    struct model *mdl = train(&prob, &par);
    if (!mdl)
        return -1;
    double sign = mdl->label[0] == 1 ? 1.0 : -1.0;
    for (size_t i = 0; i <= nf && (int)i < mdl->nr_feature + 1; i++)
        w[i] = sign * mdl->w[i];
    free_and_destroy_model(&mdl);
    return 0;
}


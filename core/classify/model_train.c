/* model_train.c: the training units, the vocabulary and the liblinear problems (see
 * model_train.h). Thresholds and modes from the cross-validation are in model_cv.c. */
#include "classify/model_train.h"
#include "classify/model_train_internal.h"

#include <linear.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* ---- units -------------------------------------------------------------------------------- */

/* Classify every unit with the rules and keep its text, hits and rules' classes. */
static int tr_units(tr_state *st, pc_error *err)
{
    pc_matcher *mt = pc_matcher_new(st->tax, err);
    st->texts = calloc(st->n ? st->n : 1, sizeof *st->texts);
    st->rules12 = calloc(st->n ? st->n : 1, sizeof *st->rules12);
    st->strong12 = calloc(st->n ? st->n : 1, sizeof *st->strong12);
    st->words = calloc(st->n ? st->n : 1, sizeof *st->words);
    if (!mt || !st->texts || !st->rules12 || !st->strong12 || !st->words) {
        pc_matcher_free(mt);
        pc_error_set(err, "%s: out of memory", st->tax->path);
        return -1;
    }
    int rc = 0;
    for (size_t i = 0; rc == 0 && i < st->n; i++) {
        const pc_model_example *e = &st->ex[i];
        rc = pc_model_text_open(&st->texts[i], st->tax, mt, NULL, "training unit", e->text,
                                strlen(e->text), e->heading, err);
    }
    pc_matcher_free(mt);
    return rc;
}

/* The hits of unit i into st->hb. */
static int tr_hits(tr_state *st, size_t i, pc_model_hits *h)
{
    const pc_classified *c = st->texts[i].cls;
    pc_model_hitbuf_reset(&st->hb);
    for (size_t k = 0; c && k < c->nclauses; k++)
        if (pc_model_hitbuf_add(&st->hb, c, k) < 0)
            return -1;
    st->rules12[i] = st->hb.classes;
    st->strong12[i] = st->hb.strong;
    st->words[i] = (unsigned char)pc_feat_own_words(st->texts[i].fields, st->texts[i].nfields,
                                                    PC_MODEL_MIN_WORDS);
    *h = pc_model_hitbuf_view(&st->hb);
    return 0;
}

/* ---- the vocabulary ----------------------------------------------------------------------- */

/* A feature key seen in a unit, with the unit's weight. Plain value. */
typedef struct tr_seen {
    uint32_t key;
    uint32_t weight;
} tr_seen;

static int tr_cmp_u32(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return x < y ? -1 : x > y;
}

static int tr_cmp_seen(const void *a, const void *b)
{
    return tr_cmp_u32(a, b);
}

/* Every key of unit i's features (repeats allowed) into keys. */
static int tr_unit_keys(tr_state *st, size_t i, uint32_t **keys, size_t *n, size_t *cap)
{
    const pc_model_settings *set = st->set;
    pc_model_hits h;
    pc_feat_scratch *f = &st->feat;
    uint32_t g[PC_FEAT_MAX_GRAMS];
    *n = 0;
    if (tr_hits(st, i, &h) < 0 ||
        pc_feat_tokenize(f, st->texts[i].fields, st->texts[i].nfields) < 0)
        return -1;
    size_t need = f->nwords * (1 + PC_FEAT_MAX_GRAMS) + f->nbigrams + h.nrules + h.ncats + 1;
    if (pc_grow(keys, cap, need, sizeof **keys) < 0)
        return -1;
    for (size_t w = 0; w < f->nwords; w++) {
        (*keys)[(*n)++] = f->words[w].key;
        size_t k = pc_feat_char_keys(f->lower + f->words[w].off, f->words[w].len, set->char_min,
                                     set->char_max, g);
        memcpy(*keys + *n, g, k * sizeof *g);
        *n += k;
    }
    for (size_t b = 0; set->bigrams && b < f->nbigrams; b++)
        (*keys)[(*n)++] = f->bigrams[b].key;

    for (size_t r = 0; set->rules && r < h.nrules; r++)
        (*keys)[(*n)++] = pc_feat_rule_key("r", h.rules[r]->id);
    for (size_t c = 0; set->rules && c < h.ncats; c++)
        (*keys)[(*n)++] = pc_feat_rule_key("c", st->tax->cats[h.cats[c]].id);
    return 0;
}

/* Each distinct key of every unit once, with the unit's weight, sorted by key. */
static int tr_collect(tr_state *st, tr_seen **all, size_t *nall)
{
    uint32_t *keys = NULL;
    size_t cap = 0, n = 0, cap_all = 0;
    *all = NULL;
    *nall = 0;
    int rc = 0;
    for (size_t i = 0; rc == 0 && i < st->n; i++) {
        rc = tr_unit_keys(st, i, &keys, &n, &cap);
        if (rc == 0)
            qsort(keys, n, sizeof *keys, tr_cmp_u32);
        if (rc == 0 && pc_grow(all, &cap_all, *nall + n, sizeof **all) < 0)
            rc = -1;
        for (size_t k = 0; rc == 0 && k < n; k++)
            if (k == 0 || keys[k] != keys[k - 1])
                (*all)[(*nall)++] = (tr_seen){keys[k], (uint32_t)st->ex[i].weight};
    }
    free(keys);
    if (rc == 0)
        qsort(*all, *nall, sizeof **all, tr_cmp_seen);
    return rc;
}

/* The model's features: keys in at least min_df units (weighted), with idf. */
static int tr_vocab(tr_state *st)
{
    tr_seen *all;
    size_t nall;
    if (tr_collect(st, &all, &nall) < 0) {
        free(all);
        return -1;
    }
    double units = 0;
    for (size_t i = 0; i < st->n; i++)
        units += st->ex[i].weight;
    pc_model *m = st->m;
    m->keys = malloc((nall ? nall : 1) * sizeof *m->keys);
    m->idf = malloc((nall ? nall : 1) * sizeof *m->idf);
    for (size_t i = 0; m->keys && m->idf && i < nall;) {
        size_t j = i;
        double df = 0;
        for (; j < nall && all[j].key == all[i].key; j++)
            df += all[j].weight;
        if (df >= st->set->min_df) {
            m->keys[m->nfeat] = all[i].key;
            m->idf[m->nfeat++] = (float)(log((1 + units) / (1 + df)) + 1);
        }
        i = j;
    }
    free(all);
    m->w = calloc((m->nfeat ? m->nfeat : 1) * PC_MODEL_CLASSES, sizeof *m->w);
    return m->keys && m->idf && m->w && pc_model_bind(m, st->tax) == 0 ? 0 : -1;
}

/* ---- vectors ------------------------------------------------------------------------------ */

static int tr_cmp_node(const void *a, const void *b)
{
    const struct feature_node *x = a, *y = b;
    return x->index < y->index ? -1 : x->index > y->index;
}

/* A unit read through fields with hits, as liblinear nodes: features by row (1-based), the
 * bias, the terminator. NULL on out of memory. */
static struct feature_node *tr_nodes(tr_state *st, const pc_feat_field *f, size_t nf,
                                     const pc_model_hits *h)
{
    size_t ni = 0;
    double coef[3];
    const pc_model_item *it = pc_model_features(st->m, st->scratch, f, nf, h, &ni, coef);
    struct feature_node *x = it ? malloc((ni + 2) * sizeof *x) : NULL;
    if (!x)
        return NULL;
    for (size_t k = 0; k < ni; k++)
        x[k] = (struct feature_node){(int)it[k].row + 1, it[k].value * coef[it[k].block]};
    qsort(x, ni, sizeof *x, tr_cmp_node);
    size_t n = 0;
    for (size_t k = 0; k < ni; k++) {
        if (n > 0 && x[n - 1].index == x[k].index)
            x[n - 1].value += x[k].value;
        else
            x[n++] = x[k];
    }
    x[n++] = (struct feature_node){(int)st->m->nfeat + 1, 1.0};
    x[n] = (struct feature_node){-1, 0};
    return x;
}

/* The clauses of unit i read one by one, as the classifier reads a policy's clauses. A unit
 * with a heading is one clause already; an empty text has none. */
static int tr_clause_vectors(tr_state *st, size_t i)
{
    const pc_model_text *t = &st->texts[i];
    const pc_classified *c = t->cls;
    size_t n = c ? c->nclauses : 0;
    st->cfirst[i] = st->ncx;
    if (pc_grow(&st->cx, &st->cap_cx, st->ncx + n, sizeof *st->cx) < 0 ||
        pc_grow(&st->crules, &st->cap_crules, st->ncx + n, sizeof *st->crules) < 0 ||
        pc_grow(&st->cstrong, &st->cap_cstrong, st->ncx + n, sizeof *st->cstrong) < 0 ||
        pc_grow(&st->cwords, &st->cap_cwords, st->ncx + n, sizeof *st->cwords) < 0)
        return -1;
    for (size_t ci = 0; ci < n; ci++) {
        pc_feat_field f[3];
        size_t nf = t->outline ? pc_model_clause_fields(t->outline, ci, f) : t->nfields;
        pc_model_hitbuf_reset(&st->hb);
        if (pc_model_hitbuf_add(&st->hb, c, ci) < 0)
            return -1;
        pc_model_hits h = pc_model_hitbuf_view(&st->hb);
        st->crules[st->ncx] = st->hb.classes;
        st->cstrong[st->ncx] = st->hb.strong;
        st->cwords[st->ncx] = (unsigned char)pc_feat_own_words(t->outline ? f : t->fields, nf,
                                                               PC_MODEL_MIN_WORDS);
        if (!(st->cx[st->ncx] = tr_nodes(st, t->outline ? f : t->fields, nf, &h)))
            return -1;
        st->ncx++;
    }
    st->cn[i] = n;
    return 0;
}

static int tr_vectors(tr_state *st)
{
    st->x = calloc(st->n ? st->n : 1, sizeof *st->x);
    st->cfirst = calloc(st->n ? st->n : 1, sizeof *st->cfirst);
    st->cn = calloc(st->n ? st->n : 1, sizeof *st->cn);
    if (!st->x || !st->cfirst || !st->cn)
        return -1;
    for (size_t i = 0; i < st->n; i++) {
        pc_model_hits h;
        if (tr_hits(st, i, &h) < 0 ||
            !(st->x[i] = tr_nodes(st, st->texts[i].fields, st->texts[i].nfields, &h)) ||
            tr_clause_vectors(st, i) < 0)
            return -1;
    }
    return 0;
}

/* Store class k's final weights as 16-bit integers with a scale. */
static void tr_quantize(pc_model *m, int k, const double *w)
{
    double max = 0;
    for (size_t i = 0; i < m->nfeat; i++)
        max = fabs(w[i]) > max ? fabs(w[i]) : max;
    m->cls[k].scale = max > 0 ? max / 32767.0 : 0;
    m->cls[k].bias = w[m->nfeat];
    for (size_t i = 0; i < m->nfeat; i++)
        m->w[i * PC_MODEL_CLASSES + (size_t)k] =
            max > 0 ? (int16_t)lrint(w[i] / m->cls[k].scale) : 0;
}

static int tr_final(tr_state *st)
{
    for (int k = 0; k < PC_MODEL_CLASSES; k++) {
        if (tr_train_class(st, k, -1, st->w) < 0)
            return -1;
        tr_quantize(st->m, k, st->w);
    }
    return 0;
}

/* ---- the whole ---------------------------------------------------------------------------- */

static void tr_free(tr_state *st)
{
    for (size_t i = 0; st->texts && i < st->n; i++)
        pc_model_text_free(&st->texts[i]);
    for (size_t i = 0; st->x && i < st->n; i++)
        free(st->x[i]);
    for (size_t i = 0; i < st->ncx; i++)
        free(st->cx[i]);
    free(st->cx);
    free(st->crules);
    free(st->cstrong);
    free(st->cwords);
    free(st->words);
    free(st->cfirst);
    free(st->cn);
    free(st->oofc);
    free(st->oofx);
    free(st->texts);
    free(st->x);
    free(st->xs);
    free(st->ys);
    free(st->w);
    free(st->rules12);
    free(st->strong12);
    free(st->fold);
    free(st->oof);
    pc_model_hitbuf_free(&st->hb);
    pc_feat_scratch_free(&st->feat);
    pc_model_scratch_free(st->scratch);
}

static pc_model *tr_model_new(const pc_taxonomy *tax, const pc_model_settings *set,
                              uint64_t data_sum, const pc_model_example *ex, size_t n)
{
    pc_model *m = calloc(1, sizeof *m);
    if (!m)
        return NULL;
    m->set = *set;
    m->tax_id = pc_strdup(tax->id);
    m->path = pc_strdup("(trained)");
    m->tax_fp = pc_model_tax_fingerprint(tax);
    m->data_sum = data_sum;
    for (size_t i = 0; i < n; i++) {
        m->records++;
        m->reviewed += ex[i].heading != NULL;
    }
    if (!m->tax_id || !m->path) {
        pc_model_free(m);
        return NULL;
    }
    return m;
}

static int tr_buffers(tr_state *st)
{
    size_t rows = 0;
    for (size_t i = 0; i < st->n; i++)
        rows += (size_t)st->ex[i].weight;
    st->xs = malloc((rows ? rows : 1) * sizeof *st->xs);
    st->ys = malloc((rows ? rows : 1) * sizeof *st->ys);
    st->w = malloc((st->m->nfeat + 1) * sizeof *st->w);
    st->oof = calloc((st->n ? st->n : 1) * PC_MODEL_CLASSES, sizeof *st->oof);
    st->oofc = calloc((st->n ? st->n : 1) * PC_MODEL_CLASSES, sizeof *st->oofc);
    st->oofx = calloc((st->ncx ? st->ncx : 1) * PC_MODEL_CLASSES, sizeof *st->oofx);
    return st->xs && st->ys && st->w && st->oof && st->oofc && st->oofx ? 0 : -1;
}

pc_model *pc_model_train(const pc_taxonomy *tax, const pc_model_settings *set,
                         const pc_model_example *ex, size_t n, uint64_t data_sum,
                         pc_model_cv *cv, pc_error *err)
{
    tr_state st = {.tax = tax, .set = set, .ex = ex, .n = n};
    for (size_t i = 0; i < n; i++)
        if (ex[i].weight < 1 || !ex[i].text) {
            pc_error_set(err, "training unit %zu has no text or a weight below 1", i + 1);
            return NULL;
        }
    st.scratch = pc_model_scratch_new();
    pc_feat_scratch_init(&st.feat);
    st.m = tr_model_new(tax, set, data_sum, ex, n);
    int rc = -1;
    if (!st.scratch || !st.m)
        pc_error_set(err, "%s: out of memory", tax->path);
    else if (tr_units(&st, err) == 0) { /* else tr_units said why */
        rc = tr_vocab(&st) < 0 || tr_vectors(&st) < 0 || tr_buffers(&st) < 0 ||
                     tr_cross_validate(&st, cv) < 0 || tr_final(&st) < 0 ||
                     pc_model_bind(st.m, tax) < 0
                 ? -1
                 : 0;
        if (rc < 0)
            pc_error_set(err, "%s: out of memory or a liblinear failure while training",
                         tax->path);
    }
    tr_free(&st);
    if (rc < 0) {
        pc_model_free(st.m);
        return NULL;
    }
    return st.m;
}

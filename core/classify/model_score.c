/* model_score.c: a unit's features and scores under the model, and the n-grams that weighed
 * most (see model.h).
 *
 * Two paths compute the same numbers. pc_model_features lists every feature as an item (the
 * trainer builds its vectors from them). pc_model_score is the fast path for classifying:
 * each distinct word's part (its unigram row, and its character n-grams' sum of squared idf
 * and their weighted sums per class) is computed once per scratch and cached, since policies
 * repeat their words, so a clause costs about one cache probe per word and one table probe
 * per bigram. A clause's title and lead-in, which the clauses after it share, keep their words'
 * parts and bigrams' rows from the unit before (pc_feat_scratch.kept_words), as long as the
 * cache has not moved. The unit tests check that both paths agree, and that a reused title
 * scores as a fresh scratch does. */
#include "classify/model.h"
#include "classify/model_internal.h"

#include <linear.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#if defined(__SSE2__) && PC_MODEL_CLASSES % 4 == 0
#define MS_SSE2 1
#include <emmintrin.h>
#endif

#define MS_CACHE_MIN 1024   /* words the cache starts with (64 KiB) */
#define MS_CACHE_MAX 32768  /* and grows to (2 MiB), half full; then parts are not cached */
#define MS_TF_TABLE 64      /* counts whose weight the scratch keeps (no logarithm per term) */

/* A distinct word's part of the scores. Plain value; hash 0 marks an empty cache slot. */
typedef struct ms_part {
    uint64_t hash;
    int32_t row;  /* its unigram's row, or -1 */
    float q;      /* the sum of its n-grams' squared idf */
    float acc[PC_MODEL_CLASSES]; /* the sum of its n-grams' idf x stored weight, per class */
} ms_part;

/* A bigram of the unit: its row (or -1) and value before normalisation. Plain value. */
typedef struct ms_bigram {
    int32_t row;
    float v;
} ms_bigram;

struct pc_model_scratch {
    pc_feat_scratch feat;
    pc_model_item *items; /* pc_model_features */
    size_t nitems, cap_items;
    const pc_model *cached; /* the model the cache belongs to */
    ms_part *cache;
    size_t ncache, cap_cache;
    const ms_part **parts; /* per distinct word of the unit: its part in the cache or in own */
    size_t cap_parts;
    ms_part *own; /* parts computed when the cache is full */
    size_t cap_own;
    float *uni; /* per distinct word: its unigram's value before normalisation (0: none) */
    size_t cap_uni;
    ms_bigram *bi; /* per distinct bigram of the unit */
    size_t cap_bi;
    size_t looked_words, looked_bigrams; /* leading entries of parts and bi that are those of
                                            the words and bigrams last scored (for the words of
                                            kept leading fields, pc_feat_scratch.kept_words) */
    long *rrows; /* the unit's distinct rule-hit rows */
    size_t nrrows, cap_rrows;
    double coef[3];
    double tfw[MS_TF_TABLE]; /* ms_tf of the counts 1..MS_TF_TABLE - 1 under `cached` */
};

pc_model_scratch *pc_model_scratch_new(void)
{
    pc_model_scratch *s = calloc(1, sizeof *s);
    if (s)
        pc_feat_scratch_init(&s->feat);
    return s;
}

void pc_model_scratch_free(pc_model_scratch *s)
{
    if (!s)
        return;
    pc_feat_scratch_free(&s->feat);
    free(s->items);
    free(s->cache);
    free(s->parts);
    free(s->own);
    free(s->uni);
    free(s->bi);
    free(s->rrows);
    free(s);
}

static int ms_logistic(const pc_model_settings *set)
{
    return set->solver == L2R_LR || set->solver == L1R_LR || set->solver == L2R_LR_DUAL;
}

double pc_model_link(const pc_model_settings *set, double d)
{
    return ms_logistic(set) ? 1.0 / (1.0 + exp(-d)) : d;
}

double pc_model_unlink(const pc_model_settings *set, double score)
{
    if (!ms_logistic(set))
        return score;
    if (score <= 0)
        return -HUGE_VAL;
    if (score >= 1)
        return HUGE_VAL;
    return log(score / (1 - score));
}

/* A term's weight for a count: 1 + ln tf (sublinear) or tf; counts of 1 skip the logarithm. */
static double ms_tf(const pc_model *m, uint32_t tf)
{
    if (tf == 1)
        return 1.0;
    return m->set.sublinear ? 1.0 + log((double)tf) : (double)tf;
}

/* ms_tf from the scratch's table for the model it holds (ms_cache_prepare). */
static inline double ms_tf_of(const pc_model *m, const pc_model_scratch *s, uint32_t tf)
{
    return tf < MS_TF_TABLE ? s->tfw[tf] : ms_tf(m, tf);
}

/* The distinct rule-hit rows of a unit into s->rrows. */
static int ms_rule_rows(const pc_model *m, pc_model_scratch *s, const pc_model_hits *h)
{
    s->nrrows = 0;
    if (!m->set.rules || !h || !m->rule_row)
        return 0;
    for (size_t i = 0; i < h->nrules + h->ncats; i++) {
        long row = -1;
        if (i < h->nrules && h->rules[i]->index < m->tax->nrules)
            row = m->rule_row[h->rules[i]->index];
        else if (i >= h->nrules && h->cats[i - h->nrules] >= 0 &&
                 (size_t)h->cats[i - h->nrules] < m->tax->ncats)
            row = m->cat_row[h->cats[i - h->nrules]];
        int seen = row < 0;
        for (size_t j = 0; !seen && j < s->nrrows; j++)
            seen = s->rrows[j] == row;
        if (seen)
            continue;
        if (pc_grow(&s->rrows, &s->cap_rrows, s->nrrows + 1, sizeof *s->rrows) < 0)
            return -1;
        s->rrows[s->nrrows++] = row;
    }
    return 0;
}

/* ---- every feature as an item ------------------------------------------------------------ */

/* Whether both words of bigram i are features: a bigram is in no more units than either of its
 * words, so a bigram with a word under min_df is under it too and need not be looked up. */
static int ms_bigram_known(const pc_model *m, const pc_feat_scratch *f, size_t i)
{
    size_t t = f->bigrams[i].first;
    return pc_model_row_of(m, f->words[f->tokens[t].word].key) >= 0 &&
           pc_model_row_of(m, f->words[f->tokens[t + 1].word].key) >= 0;
}

static int ms_item(pc_model_scratch *s, long row, double value, pc_model_block b, double *norm)
{
    if (row < 0)
        return 0;
    if (pc_grow(&s->items, &s->cap_items, s->nitems + 1, sizeof *s->items) < 0)
        return -1;
    s->items[s->nitems++] = (pc_model_item){(uint32_t)row, (float)value, (uint8_t)b};
    *norm += (double)(float)value * (float)value;
    return 0;
}

static int ms_items(const pc_model *m, pc_model_scratch *s, double *nw, double *nc)
{
    const pc_feat_scratch *f = &s->feat;
    uint32_t keys[PC_FEAT_MAX_GRAMS];
    for (size_t i = 0; i < f->nwords; i++) {
        long r = pc_model_row_of(m, f->words[i].key);
        if (r >= 0 && ms_item(s, r, ms_tf(m, f->words[i].tf) * m->idf[r], PC_MODEL_WORD, nw) < 0)
            return -1;
        size_t n = m->set.char_min > 0
                       ? pc_feat_char_keys(f->lower + f->words[i].off, f->words[i].len,
                                           m->set.char_min, m->set.char_max, keys)
                       : 0;
        for (size_t k = 0; k < n; k++) {
            long g = pc_model_row_of(m, keys[k]);
            if (g >= 0 && ms_item(s, g, m->idf[g], PC_MODEL_CHARS, nc) < 0)
                return -1;
        }
    }
    for (size_t i = 0; m->set.bigrams && i < f->nbigrams; i++) {
        long r = ms_bigram_known(m, f, i) ? pc_model_row_of(m, f->bigrams[i].key) : -1;
        if (r >= 0 && ms_item(s, r, ms_tf(m, f->bigrams[i].tf) * m->idf[r], PC_MODEL_WORD, nw) < 0)
            return -1;
    }
    return 0;
}

const pc_model_item *pc_model_features(const pc_model *m, pc_model_scratch *s,
                                       const pc_feat_field *fields, size_t nfields,
                                       const pc_model_hits *hits, size_t *n, double coef[3])
{
    double nw = 0, nc = 0, unused = 0;
    s->nitems = 0;
    s->looked_words = s->looked_bigrams = 0; /* the scratch's words are no longer those scored */
    if (pc_feat_tokenize(&s->feat, fields, nfields) < 0 || ms_items(m, s, &nw, &nc) < 0 ||
        ms_rule_rows(m, s, hits) < 0)
        return NULL;
    for (size_t i = 0; i < s->nrrows; i++)
        if (ms_item(s, s->rrows[i], 1.0, PC_MODEL_RULES, &unused) < 0)
            return NULL;
    coef[PC_MODEL_WORD] = nw > 0 ? m->set.w_word / sqrt(nw) : 0;
    coef[PC_MODEL_CHARS] = nc > 0 ? m->set.w_char / sqrt(nc) : 0;
    coef[PC_MODEL_RULES] = m->set.w_rule;
    *n = s->nitems;
    return s->items ? s->items : (const pc_model_item *)s;
}

/* ---- the fast path ----------------------------------------------------------------------- */

/* The per-class sums, four classes at a time with SSE2 (MS_SSE2): each lane does what the
 * scalar loop does (the weight made a float, a float product, then a float sum; nothing fused
 * or reordered), so the sums are the same bits either way. */

/* Twelve per-class sums as a value, so that a unit's running sums can stay in registers. */
typedef struct ms_vec {
#ifdef MS_SSE2
    __m128 v[PC_MODEL_CLASSES / 4];
#else
    float v[PC_MODEL_CLASSES];
#endif
} ms_vec;

static inline ms_vec ms_zero(void)
{
    ms_vec a;
#ifdef MS_SSE2
    for (int k = 0; k < PC_MODEL_CLASSES / 4; k++)
        a.v[k] = _mm_setzero_ps();
#else
    for (int k = 0; k < PC_MODEL_CLASSES; k++)
        a.v[k] = 0;
#endif
    return a;
}

/* a[k] += v x w[k] for every class. */
static inline ms_vec ms_add(ms_vec a, float v, const int16_t *w)
{
#ifdef MS_SSE2
    __m128 vv = _mm_set1_ps(v);
    for (int k = 0; k < PC_MODEL_CLASSES / 4; k++) {
        __m128i h = _mm_loadl_epi64((const __m128i *)(const void *)(w + 4 * k));
        __m128 x = _mm_cvtepi32_ps(_mm_srai_epi32(_mm_unpacklo_epi16(h, h), 16));
        a.v[k] = _mm_add_ps(a.v[k], _mm_mul_ps(vv, x));
    }
#else
    for (int k = 0; k < PC_MODEL_CLASSES; k++)
        a.v[k] += v * (float)w[k];
#endif
    return a;
}

/* a[k] += x[k] for every class. */
static inline ms_vec ms_sum(ms_vec a, const float *x)
{
#ifdef MS_SSE2
    for (int k = 0; k < PC_MODEL_CLASSES / 4; k++)
        a.v[k] = _mm_add_ps(a.v[k], _mm_loadu_ps(x + 4 * k));
#else
    for (int k = 0; k < PC_MODEL_CLASSES; k++)
        a.v[k] += x[k];
#endif
    return a;
}

/* The sums as floats. */
static inline void ms_store(float *out, ms_vec a)
{
#ifdef MS_SSE2
    for (int k = 0; k < PC_MODEL_CLASSES / 4; k++)
        _mm_storeu_ps(out + 4 * k, a.v[k]);
#else
    memcpy(out, a.v, sizeof a.v);
#endif
}

/* A word's part computed from the model. */
static void ms_part_of(const pc_model *m, const pc_feat_scratch *f, size_t i, ms_part *p)
{
    uint32_t keys[PC_FEAT_MAX_GRAMS];
    ms_vec acc = ms_zero();
    memset(p, 0, sizeof *p);
    p->hash = f->words[i].hash ? f->words[i].hash : 1;
    p->row = (int32_t)pc_model_row_of(m, f->words[i].key);
    size_t n = m->set.char_min > 0 ? pc_feat_char_keys(f->lower + f->words[i].off, f->words[i].len,
                                                       m->set.char_min, m->set.char_max, keys)
                                   : 0;
    for (size_t k = 0; k < n; k++) {
        long g = pc_model_row_of(m, keys[k]);
        if (g < 0)
            continue;
        const pc_model_row *r = &m->rows[g];
        float idf = r->idf;
        p->q += idf * idf;
        acc = ms_add(acc, idf, r->w);
    }
    ms_store(p->acc, acc);
}

/* The cache slot of a word (its part, or an empty slot), NULL when the cache is unusable. */
static size_t ms_cache_index(uint64_t hash, size_t cap)
{
    return (size_t)(hash ^ (hash >> 31)) & (cap - 1);
}

/* Before a unit: a cache for model m (emptied when the model changed), twice as large when it
 * is half full and may still grow. Pointers into it stay valid for the unit. Out of memory
 * leaves the cache as it was (or none): parts are then computed each time. Returns 0 when
 * pointers into the cache from before are no longer valid (a new or a larger cache). */
static int ms_cache_prepare(const pc_model *m, pc_model_scratch *s)
{
    if (s->cached != m) {
        for (uint32_t tf = 1; tf < MS_TF_TABLE; tf++)
            s->tfw[tf] = ms_tf(m, tf);
        free(s->cache);
        s->cache = calloc(MS_CACHE_MIN, sizeof *s->cache);
        s->cap_cache = s->cache ? MS_CACHE_MIN : 0;
        s->ncache = 0;
        s->cached = m;
        return 0;
    }
    if (!s->cache || s->ncache < s->cap_cache / 2 || s->cap_cache >= MS_CACHE_MAX)
        return 1;
    size_t cap = s->cap_cache * 2;
    ms_part *t = calloc(cap, sizeof *t);
    if (!t)
        return 1;
    for (size_t i = 0; i < s->cap_cache; i++) {
        if (!s->cache[i].hash)
            continue;
        size_t j = ms_cache_index(s->cache[i].hash, cap);
        while (t[j].hash)
            j = (j + 1) & (cap - 1);
        t[j] = s->cache[i];
    }
    free(s->cache);
    s->cache = t;
    s->cap_cache = cap;
    return 0;
}

/* The cache slot of a word (its part, or an empty slot to fill), NULL when there is no room. */
static ms_part *ms_cache_slot(pc_model_scratch *s, uint64_t hash)
{
    size_t cap = s->cap_cache;
    if (!s->cache)
        return NULL;
    hash = hash ? hash : 1;
    for (size_t i = ms_cache_index(hash, cap);; i = (i + 1) & (cap - 1))
        if (s->cache[i].hash == hash || s->cache[i].hash == 0)
            return s->cache[i].hash || s->ncache + 1 < cap * 3 / 4 ? &s->cache[i] : NULL;
}

/* The part of distinct word i: from the cache, or computed (into the cache while there is
 * room, else into s->own). */
static void ms_fill_part(const pc_model *m, pc_model_scratch *s, size_t i)
{
    const pc_feat_word *w = &s->feat.words[i];
    ms_part *c = ms_cache_slot(s, w->hash);
    if (c && c->hash) {
        s->parts[i] = c;
        return;
    }
    if (!c)
        c = &s->own[i];
    else
        s->ncache++;
    ms_part_of(m, &s->feat, i, c);
    s->parts[i] = c;
}

/* Room for the unit's words and bigrams; *moved when s->own moved (parts pointing into it are
 * then no longer valid). */
static int ms_reserve(pc_model_scratch *s, int *moved)
{
    const pc_feat_scratch *f = &s->feat;
    const ms_part *own = s->own;
    int r = pc_grow(&s->parts, &s->cap_parts, f->nwords + 1, sizeof *s->parts) < 0 ||
                    pc_grow(&s->own, &s->cap_own, f->nwords + 1, sizeof *s->own) < 0 ||
                    pc_grow(&s->uni, &s->cap_uni, f->nwords + 1, sizeof *s->uni) < 0 ||
                    pc_grow(&s->bi, &s->cap_bi, f->nbigrams + 1, sizeof *s->bi) < 0
                ? -1
                : 0;
    *moved = s->own != own;
    return r;
}

/* The unit's distinct words' parts (s->parts) and its bigrams' rows (s->bi[].row), each
 * table a unit reads first touched for all its entries at once (prefetched), so that their
 * cache misses overlap instead of following one another. The first kw words and kb bigrams
 * have theirs from the unit before (the same words and bigrams at the same places). */
static void ms_lookup(const pc_model *m, pc_model_scratch *s, size_t kw, size_t kb)
{
    const pc_feat_scratch *f = &s->feat;
    for (size_t i = kw; s->cache && i < f->nwords; i++) {
        uint64_t h = f->words[i].hash ? f->words[i].hash : 1;
        __builtin_prefetch(&s->cache[ms_cache_index(h, s->cap_cache)]);
    }
    for (size_t i = kw; i < f->nwords; i++) {
        ms_fill_part(m, s, i);
        if (s->parts[i]->row >= 0)
            __builtin_prefetch(&m->rows[s->parts[i]->row]);
    }
    for (size_t i = kb; i < f->nbigrams; i++) {
        size_t t = f->bigrams[i].first;
        int known = m->set.bigrams && s->parts[f->tokens[t].word]->row >= 0 &&
                    s->parts[f->tokens[t + 1].word]->row >= 0;
        s->bi[i] = (ms_bigram){known ? 0 : -1, 0};
        if (known)
            __builtin_prefetch(&m->slots[pc_model_slot_of(m, f->bigrams[i].key)]);
    }
    for (size_t i = kb; i < f->nbigrams; i++)
        if (s->bi[i].row >= 0) {
            s->bi[i].row = (int32_t)pc_model_row_of(m, f->bigrams[i].key);
            if (s->bi[i].row >= 0)
                __builtin_prefetch(&m->rows[s->bi[i].row]);
        }
}

/* Sums of the word block (aw, its squared norm nw) and the character block (ac, nc). */
static void ms_sums(const pc_model *m, pc_model_scratch *s, float *aw, double *nw, float *ac,
                    double *nc)
{
    const pc_feat_scratch *f = &s->feat;
    ms_vec w = ms_zero(), c = ms_zero();
    for (size_t i = 0; i < f->nwords; i++) {
        const ms_part *p = s->parts[i];
        s->uni[i] = 0;
        if (p->row >= 0) {
            float v = (float)(ms_tf_of(m, s, f->words[i].tf) * m->rows[p->row].idf);
            s->uni[i] = v;
            *nw += (double)v * v;
            w = ms_add(w, v, m->rows[p->row].w);
        }
        *nc += p->q;
        c = ms_sum(c, p->acc);
    }
    for (size_t i = 0; i < f->nbigrams; i++) {
        long r = s->bi[i].row;
        if (r < 0)
            continue;
        float v = (float)(ms_tf_of(m, s, f->bigrams[i].tf) * m->rows[r].idf);
        s->bi[i].v = v;
        *nw += (double)v * v;
        w = ms_add(w, v, m->rows[r].w);
    }
    ms_store(aw, w);
    ms_store(ac, c);
}

int pc_model_score(const pc_model *m, pc_model_scratch *s, const pc_feat_field *fields,
                   size_t nfields, const pc_model_hits *hits, double d[PC_MODEL_CLASSES])
{
    float aw[PC_MODEL_CLASSES], ac[PC_MODEL_CLASSES], ar[PC_MODEL_CLASSES];
    double nw = 0, nc = 0;
    size_t kw = s->looked_words, kb = s->looked_bigrams;
    int moved;
    s->looked_words = s->looked_bigrams = 0;
    if (pc_feat_tokenize(&s->feat, fields, nfields) < 0 || ms_reserve(s, &moved) < 0 ||
        ms_rule_rows(m, s, hits) < 0)
        return -1;
    if (!ms_cache_prepare(m, s) || moved)
        kw = kb = 0;
    kw = kw < s->feat.kept_words ? kw : s->feat.kept_words;
    kb = kb < s->feat.kept_bigrams ? kb : s->feat.kept_bigrams;
    ms_lookup(m, s, kw, kb);
    s->looked_words = s->feat.nwords;
    s->looked_bigrams = s->feat.nbigrams;
    ms_sums(m, s, aw, &nw, ac, &nc);
    ms_vec r = ms_zero();
    for (size_t i = 0; i < s->nrrows; i++)
        r = ms_add(r, 1.0f, m->rows[s->rrows[i]].w);
    ms_store(ar, r);
    s->coef[PC_MODEL_WORD] = nw > 0 ? m->set.w_word / sqrt(nw) : 0;
    s->coef[PC_MODEL_CHARS] = nc > 0 ? m->set.w_char / sqrt(nc) : 0;
    s->coef[PC_MODEL_RULES] = m->set.w_rule;
    for (int k = 0; k < PC_MODEL_CLASSES; k++)
        d[k] = m->cls[k].bias + m->cls[k].scale * (aw[k] * s->coef[PC_MODEL_WORD] +
                                                    ac[k] * s->coef[PC_MODEL_CHARS] +
                                                    ar[k] * s->coef[PC_MODEL_RULES]);
    return 0;
}

/* ---- evidence ----------------------------------------------------------------------------- */

/* The span of a word (its first token) or of a bigram (its two tokens). */
static pc_span ms_span(const pc_feat_scratch *f, size_t slot, int *heading)
{
    int bigram = slot >= f->nwords;
    size_t t = bigram ? f->bigrams[slot - f->nwords].first : f->words[slot].first;
    pc_span sp = f->tokens[t].span;
    *heading = f->tokens[t].heading;
    if (bigram && t + 1 < f->ntokens)
        sp.end = f->tokens[t + 1].span.end;
    return sp;
}

/* Insert (slot, weight) into out[0..*n), at most cap, highest first; a weight equal to one
 * already there goes after it. */
static inline void ms_top_insert(pc_model_ngram *out, size_t *slot_of, size_t *n, size_t cap,
                                 size_t slot, double weight)
{
    if (!(weight > 0) || (*n == cap && !(out[cap - 1].weight < weight)))
        return;
    size_t j = *n < cap ? (*n)++ : cap - 1;
    for (; j > 0 && out[j - 1].weight < weight; j--) {
        out[j] = out[j - 1];
        slot_of[j] = slot_of[j - 1];
    }
    out[j].weight = weight;
    slot_of[j] = slot;
}

size_t pc_model_top(const pc_model *m, pc_model_scratch *s, int k, pc_model_ngram *out, size_t n)
{
    const pc_feat_scratch *f = &s->feat;
    size_t got = 0, slot_of[4 * PC_MODEL_TOP];
    if (k < 0 || k >= PC_MODEL_CLASSES || n == 0)
        return 0;
    if (n > sizeof slot_of / sizeof slot_of[0])
        n = sizeof slot_of / sizeof slot_of[0];
    double scale = m->cls[k].scale, cw = s->coef[PC_MODEL_WORD], cc = s->coef[PC_MODEL_CHARS];
    for (size_t i = 0; i < f->nwords; i++) {
        const ms_part *p = s->parts[i];
        double c = scale * (cc * p->acc[k] + (p->row >= 0 ? cw * s->uni[i] * m->rows[p->row].w[k] : 0));
        ms_top_insert(out, slot_of, &got, n, i, c);
    }
    for (size_t i = 0; i < f->nbigrams; i++) {
        double c = s->bi[i].row >= 0 ? scale * cw * s->bi[i].v * m->rows[s->bi[i].row].w[k] : 0;
        ms_top_insert(out, slot_of, &got, n, f->nwords + i, c);
    }
    for (size_t i = 0; i < got; i++)
        out[i].span = ms_span(f, slot_of[i], &out[i].heading);
    return got;
}

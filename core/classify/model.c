/* model.c: scoring a unit with the learned model, its evidence n-grams, and what binds a model
 * to its taxonomy (see model.h). */
#include "classify/model.h"
#include "classify/model_internal.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* ---- the taxonomy ------------------------------------------------------------------------- */

static uint64_t model_fp_str(uint64_t h, const char *s)
{
    if (!s)
        return pc_fnv64(h, "\x01", 1);
    return pc_fnv64(h, s, strlen(s) + 1);
}

/* A number as its IEEE 754 bytes, least significant first (the same on every machine; -0 as
 * 0). */
static uint64_t model_fp_num(uint64_t h, double v)
{
    uint64_t bits;
    double z = v + 0.0;
    memcpy(&bits, &z, sizeof bits);
    unsigned char b[8];
    for (int i = 0; i < 8; i++)
        b[i] = (unsigned char)(bits >> (8 * i));
    return pc_fnv64(h, b, sizeof b);
}

static uint64_t model_fp_rule(uint64_t h, const pc_rule *r)
{
    h = model_fp_str(h, r->id);
    h = model_fp_str(h, r->pattern);
    h = model_fp_str(h, r->exclude_pattern);
    h = model_fp_num(h, r->weight);
    h = model_fp_num(h, r->caseless);
    h = model_fp_num(h, r->strong);
    return model_fp_num(h, r->scope);
}

uint64_t pc_model_tax_fingerprint(const pc_taxonomy *tax)
{
    uint64_t h = model_fp_str(PC_FNV_SEED, tax->id);
    h = model_fp_num(h, tax->threshold);
    h = model_fp_num(h, tax->heading_weight);
    for (size_t c = 0; c < tax->ncats; c++) {
        const pc_category *cat = &tax->cats[c];
        h = model_fp_str(h, cat->id);
        h = model_fp_str(h, cat->opp115);
        h = model_fp_num(h, cat->parent);
        h = model_fp_num(h, cat->threshold);
        for (size_t i = 0; i < cat->nrules; i++)
            h = model_fp_rule(h, &cat->rules[i]);
        for (size_t i = 0; i < cat->nexcludes; i++)
            h = model_fp_rule(h, &cat->excludes[i]);
    }
    return h;
}

char *pc_model_default_path(const char *taxonomy_path)
{
    const char *base = pc_basename(taxonomy_path), *dot = strrchr(base, '.');
    size_t stem = dot && dot != base ? (size_t)(dot - taxonomy_path) : strlen(taxonomy_path);
    char *p = malloc(stem + sizeof ".model");
    if (p) {
        memcpy(p, taxonomy_path, stem);
        memcpy(p + stem, ".model", sizeof ".model");
    }
    return p;
}

/* The rows (key, idf and weights together) and the lookup table over keys (at most half
 * full, so that looking up a key that is not there, as most bigrams of a clause are not, ends
 * after a probe or two). */
static int model_build_rows(pc_model *m)
{
    size_t cap = 16;
    while (cap < 2 * m->nfeat + 2)
        cap *= 2;
    free(m->slots);
    free(m->rows);
    m->slots = pc_calloc_big(cap, sizeof *m->slots);
    m->rows = malloc((m->nfeat ? m->nfeat : 1) * sizeof *m->rows);
    if (!m->slots || !m->rows)
        return -1;
    pc_prefault(m->rows, m->nfeat * sizeof *m->rows);
    m->slot_mask = cap - 1;
    for (size_t r = 0; r < m->nfeat; r++) {
        memcpy(m->rows[r].w, m->w + r * PC_MODEL_CLASSES, sizeof m->rows[r].w);
        m->rows[r].idf = m->idf[r];
        m->rows[r].key = m->keys[r];
        size_t i = pc_model_slot_of(m, m->keys[r]);
        while (m->slots[i].row1)
            i = (i + 1) & m->slot_mask;
        m->slots[i] = (pc_model_slot){m->keys[r], (uint32_t)r + 1};
    }
    return 0;
}

int pc_model_bind(pc_model *m, const pc_taxonomy *tax)
{
    if (model_build_rows(m) < 0)
        return -1;
    for (int k = 0; k < PC_MODEL_CLASSES; k++)
        for (int u = 0; u < PC_MODEL_NUNITS; u++) {
            pc_model_rule *r = &m->cls[k].at[u];
            r->cut = pc_model_unlink(&m->set, r->threshold);
            r->rule_cut = pc_model_unlink(&m->set, r->rule_threshold);
            r->alone_cut = pc_model_unlink(&m->set, r->alone);
        }
    free(m->rule_row);
    free(m->cat_row);
    m->tax = tax;
    m->rule_row = malloc((tax->nrules ? tax->nrules : 1) * sizeof *m->rule_row);
    m->cat_row = malloc((tax->ncats ? tax->ncats : 1) * sizeof *m->cat_row);
    if (!m->rule_row || !m->cat_row)
        return -1;
    for (size_t i = 0; i < tax->nrules; i++)
        m->rule_row[i] = -1;
    for (size_t c = 0; c < tax->ncats; c++) {
        const pc_category *cat = &tax->cats[c];
        m->cat_row[c] = pc_model_row_of(m, pc_feat_rule_key("c", cat->id));
        for (size_t i = 0; i < cat->nrules; i++)
            if (cat->rules[i].index < tax->nrules)
                m->rule_row[cat->rules[i].index] = pc_model_row_of(m, pc_feat_rule_key("r", cat->rules[i].id));
    }
    return 0;
}

void pc_model_free(pc_model *m)
{
    if (!m)
        return;
    free(m->path);
    free(m->tax_id);
    free(m->keys);
    free(m->idf);
    free(m->w);
    free(m->slots);
    free(m->rows);
    free(m->rule_row);
    free(m->cat_row);
    free(m);
}

static double model_top(const double d[PC_MODEL_CLASSES])
{
    double top = d[0];
    for (int k = 1; k < PC_MODEL_CLASSES; k++)
        top = d[k] > top ? d[k] : top;
    return top;
}

unsigned pc_model_given(const double cut[PC_MODEL_CLASSES], const double rule_cut[PC_MODEL_CLASSES],
                        double margin, unsigned margined, const double d[PC_MODEL_CLASSES],
                        unsigned rules, unsigned strong)
{
    unsigned mask = strong;
    double floor = model_top(d) - margin;
    for (int k = 0; k < PC_MODEL_CLASSES; k++)
        if ((d[k] >= cut[k] || ((rules >> k & 1) && d[k] >= rule_cut[k])) &&
            (d[k] >= floor || !(margined >> k & 1)))
            mask |= 1u << k;
    return mask;
}

double pc_model_mix_value(double clause_mix, double t, double c)
{
    return c == -HUGE_VAL ? t : (1 - clause_mix) * t + clause_mix * c;
}

void pc_model_mix(const pc_model *m, double d[PC_MODEL_CLASSES],
                  const double best[PC_MODEL_CLASSES])
{
    for (int k = 0; k < PC_MODEL_CLASSES; k++)
        if (m->mixed >> k & 1)
            d[k] = pc_model_mix_value(m->set.clause_mix, d[k], best[k]);
}

unsigned pc_model_decide(const pc_model *m, pc_model_unit_kind u, const double d[PC_MODEL_CLASSES],
                         unsigned rules, unsigned strong)
{
    double cut[PC_MODEL_CLASSES], rule_cut[PC_MODEL_CLASSES];
    for (int k = 0; k < PC_MODEL_CLASSES; k++) {
        cut[k] = m->cls[k].at[u].cut;
        rule_cut[k] = m->cls[k].at[u].rule_cut;
    }
    return pc_model_given(cut, rule_cut, m->margin[u], m->margined[u], d, rules, strong);
}

unsigned pc_model_guard(unsigned given, unsigned rules, unsigned strong, size_t own_words)
{
    return own_words < PC_MODEL_MIN_WORDS ? given & (rules | strong) : given;
}

unsigned pc_model_alone(const pc_model *m, pc_model_unit_kind u, const double d[PC_MODEL_CLASSES])
{
    double cut[PC_MODEL_CLASSES];
    for (int k = 0; k < PC_MODEL_CLASSES; k++)
        cut[k] = m->cls[k].at[u].alone_cut;
    return pc_model_given(cut, cut, m->margin[u], m->margined[u], d, 0, 0);
}

double pc_model_cut_for(const pc_model *m, pc_model_unit_kind u, const double d[PC_MODEL_CLASSES],
                        int k, unsigned rules)
{
    const pc_model_rule *r = &m->cls[k].at[u];
    double cut = rules >> k & 1 ? r->rule_cut : r->cut, floor = model_top(d) - m->margin[u];
    return (m->margined[u] >> k & 1) && floor > cut ? floor : cut;
}

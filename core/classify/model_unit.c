/* model_unit.c: rule hits and fields of a unit for the model (see model_unit.h). */
#include "classify/model_unit.h"

#include <stdlib.h>
#include <string.h>

void pc_model_hitbuf_reset(pc_model_hitbuf *hb)
{
    hb->nrules = hb->ncats = 0;
    hb->classes = hb->strong = 0;
}

void pc_model_hitbuf_free(pc_model_hitbuf *hb)
{
    free(hb->rules);
    free(hb->cats);
    memset(hb, 0, sizeof *hb);
}

int pc_model_hitbuf_add(pc_model_hitbuf *hb, const pc_classified *c, size_t clause)
{
    const pc_clause_result *r = &c->clauses[clause];
    for (size_t i = r->label_first; i < r->label_first + r->nlabels; i++) {
        const pc_label *l = &c->labels[i];
        if (pc_grow(&hb->cats, &hb->cap_cats, hb->ncats + 1, sizeof *hb->cats) < 0 ||
            pc_grow(&hb->rules, &hb->cap_rules, hb->nrules + l->nev, sizeof *hb->rules) < 0)
            return -1;
        hb->cats[hb->ncats++] = l->category;
        int k = pc_opp12_index(c->tax->cats[l->category].opp115);
        unsigned bit = k >= 0 ? 1u << k : 0;
        hb->classes |= bit;
        for (size_t e = l->ev_first; e < l->ev_first + l->nev; e++) {
            hb->rules[hb->nrules++] = c->evidence[e].rule;
            if (c->evidence[e].rule->strong)
                hb->strong |= bit;
        }
    }
    return 0;
}

pc_model_hits pc_model_hitbuf_view(const pc_model_hitbuf *hb)
{
    return (pc_model_hits){hb->rules, hb->nrules, hb->cats, hb->ncats};
}

size_t pc_model_clause_fields(const pc_outline *ol, size_t ci, pc_feat_field f[3])
{
    const char *text = ol->doc->text;
    const pc_clause *c = &ol->clauses[ci];
    size_t n = 0, steps = 0;
    for (int s = c->section; s >= 0 && (size_t)s < ol->nsections && steps++ < ol->nsections;
         s = ol->sections[s].parent) {
        const pc_section *sec = &ol->sections[s];
        if (sec->title_end > sec->title_start) {
            f[n++] = (pc_feat_field){text + sec->title_start, sec->title_end - sec->title_start,
                                     sec->title_start, 1};
            break;
        }
    }
    if (c->kind == PC_CLAUSE_ITEM && c->lead >= 0 && (size_t)c->lead < ol->nclauses) {
        const pc_clause *l = &ol->clauses[c->lead];
        f[n++] = (pc_feat_field){text + l->start, l->end - l->start, l->start, 1};
    }
    f[n++] = (pc_feat_field){text + c->start, c->end - c->start, c->start, 0};
    return n;
}

int pc_model_score_unit(const pc_model *m, pc_model_scratch *s, pc_model_hitbuf *hb,
                        const pc_classified *c, size_t first, size_t n,
                        const pc_feat_field *fields, size_t nfields, double d[PC_MODEL_CLASSES])
{
    pc_model_hitbuf_reset(hb);
    for (size_t i = first; c && i < first + n && i < c->nclauses; i++)
        if (pc_model_hitbuf_add(hb, c, i) < 0)
            return -1;
    pc_model_hits h = pc_model_hitbuf_view(hb);
    return pc_model_score(m, s, fields, nfields, &h, d);
}

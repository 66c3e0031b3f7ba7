/* classify_cats.c: which categories a clause's literal bits leave in play, and which rules run
 * in the first pass (classify_internal.h, cl_cats). */
#include "classify/classify_internal.h"

#include <stdlib.h>

static void cc_set(uint64_t *bits, size_t i)
{
    bits[i >> 6] |= 1ull << (i & 63);
}

/* Rule r (of nrules) is a clause rule or veto of category c: c is in play when r's bit is. */
static void cc_mark(cl_cats *cc, size_t r, size_t c)
{
    if (r < cc->nrules)
        cc_set(cc->rule_cats + r * cc->cwords, c);
}

int cl_cats_init(cl_cats *cc, const pc_taxonomy *t, size_t words)
{
    memset(cc, 0, sizeof *cc);
    cc->nrules = words * 64;
    cc->cwords = (t->ncats + 63) / 64 + 1;
    cc->rule_cats = calloc(cc->nrules * cc->cwords + 1, sizeof *cc->rule_cats);
    cc->titled = calloc(t->ncats + 1, 1);
    cc->live = calloc(cc->cwords, sizeof *cc->live);
    if (!cc->rule_cats || !cc->titled || !cc->live)
        return -1;
    for (size_t c = 0; c < t->ncats; c++) {
        const pc_category *cat = &t->cats[c];
        double titles = 0; /* the most the heading rules can add */
        for (size_t i = 0; i < cat->nrules; i++) {
            cc_mark(cc, cat->rules[i].index, c);
            if (cat->rules[i].scope == PC_SCOPE_HEADING && cat->rules[i].weight > 0)
                titles += cat->rules[i].weight;
        }
        cc->titled[c] = titles > 0 && titles >= cat->threshold;
        for (size_t i = 0; i < cat->nexcludes; i++)
            cc_mark(cc, cat->excludes[i].index, c);
    }
    return 0;
}

void cl_cats_free(cl_cats *cc)
{
    free(cc->rule_cats);
    free(cc->titled);
    free(cc->live);
    memset(cc, 0, sizeof *cc);
}

void cl_cats_live(cl_cats *cc, const uint64_t *bits)
{
    memset(cc->live, 0, cc->cwords * sizeof *cc->live);
    for (size_t i = 0; bits && i < cc->nrules / 64; i++)
        for (uint64_t x = bits[i]; x; x &= x - 1) {
            const uint64_t *rc = cc->rule_cats + (i * 64 + (size_t)__builtin_ctzll(x)) * cc->cwords;
            for (size_t k = 0; k < cc->cwords; k++)
                cc->live[k] |= rc[k];
        }
}

void cl_mark_first(const pc_taxonomy *t, uint64_t *first)
{
    for (size_t c = 0; c < t->ncats; c++) {
        for (size_t i = 0; i < t->cats[c].nrules; i++)
            if (t->cats[c].rules[i].scope == PC_SCOPE_CLAUSE)
                cc_set(first, t->cats[c].rules[i].index);
        for (size_t i = 0; i < t->cats[c].nexcludes; i++)
            cc_set(first, t->cats[c].excludes[i].index);
    }
    for (size_t k = 0; k < t->ntopics; k++)
        for (size_t i = 0; i < t->topics[k].nrules; i++)
            cc_set(first, t->topics[k].rules[i].index);
}

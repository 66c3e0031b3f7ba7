/* prefilter_form.c: a rule's conjunction as the scan checks it (pf_form, see
 * prefilter_internal.h), and the order its groups are checked in.
 *
 * A term holds when every one of its groups has a seen literal, so its groups may be tested
 * in any order: the test stops at the first group with none, and the answer is the same.
 * Candidates mostly fail on a rare group, so a derived form's groups are put rarest first
 * (the sum of pc_lit_rarity over a group's literals; pc_pf_form_sort, once, before the
 * literals go into the cache file). A group holding every key literal of the rule is not
 * tested at all: the form is only checked for a rule one of whose key literals the scan saw,
 * so such a group holds then. A term left with no group makes the form hold for every
 * candidate, and the rule is not checked.
 */
#include "taxonomy/prefilter_internal.h"

#include "taxonomy/literal.h"

#include <stdlib.h>
#include <string.h>

/* The place of (s, caseless) among the distinct literals: its id when it is one of them. */
static size_t pf_lower_bound(const pc_prefilter *pf, const char *s, int caseless)
{
    size_t lo = 0, hi = pf->nuniq;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = pf->ucase[mid] != caseless ? pf->ucase[mid] - caseless : strcmp(pf->ustr[mid], s);
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

unsigned pc_pf_lookup(const pc_prefilter *pf, const char *s, int caseless)
{
    size_t u = pf_lower_bound(pf, s, caseless);
    return u < pf->nuniq && pf->ucase[u] == caseless && !strcmp(pf->ustr[u], s) ? (unsigned)u
                                                                              : UINT32_MAX;
}

/* ---- the order of the groups ------------------------------------------------------------ */

/* pf_group: one group of a form while sorting: its index and how likely it is to hold. */
typedef struct pf_group {
    double p;
    size_t g;
} pf_group;

static int pf_group_cmp(const void *a, const void *b)
{
    const pf_group *x = a, *y = b;
    if (x->p != y->p)
        return x->p < y->p ? -1 : 1;
    return x->g < y->g ? -1 : x->g > y->g;
}

static double pf_group_likelihood(const pc_lit_form *lf, size_t g)
{
    double p = 0;
    for (size_t j = g ? lf->gend[g - 1] : 0; j < lf->gend[g]; j++)
        p += pc_lit_rarity(lf->lits[j]);
    return p;
}

int pc_pf_form_sort(pc_lit_form *lf)
{
    if (!lf->nterms)
        return 0;
    pf_group *gs = malloc(lf->ngroups * sizeof *gs);
    char **lits = malloc((lf->nlits + 1) * sizeof *lits);
    size_t *gend = malloc(lf->ngroups * sizeof *gend);
    int rc = gs && lits && gend ? 0 : -1;
    for (size_t t = 0, g0 = 0, ng = 0, nl = 0; t < lf->nterms && rc == 0; t++) {
        size_t n = 0;
        for (size_t g = g0; g < lf->tend[t]; g++)
            gs[n++] = (pf_group){pf_group_likelihood(lf, g), g};
        qsort(gs, n, sizeof *gs, pf_group_cmp);
        for (size_t k = 0; k < n; k++) {
            size_t g = gs[k].g;
            for (size_t j = g ? lf->gend[g - 1] : 0; j < lf->gend[g]; j++)
                lits[nl++] = lf->lits[j];
            gend[ng++] = nl;
        }
        g0 = lf->tend[t];
    }
    if (rc == 0) {
        memcpy(lf->lits, lits, lf->nlits * sizeof *lits);
        memcpy(lf->gend, gend, lf->ngroups * sizeof *gend);
    }
    free(gs);
    free(lits);
    free(gend);
    return rc;
}

/* ---- the form over the database's ids --------------------------------------------------- */

/* Do ids[0..n) hold every one of kid[0..nk) (nk > 0)? */
static int pf_has_all(const unsigned *ids, size_t n, const unsigned *kid, size_t nk)
{
    for (size_t k = 0; k < nk; k++) {
        size_t j = 0;
        while (j < n && ids[j] != kid[k])
            j++;
        if (j == n)
            return 0;
    }
    return 1;
}

/* Append the ids[0..n) of one group to f as (word, mask) pairs from pair np on; the end. */
static size_t pf_group_pairs(pf_form *f, size_t np, const unsigned *ids, size_t n)
{
    size_t first = np;
    for (size_t k = 0; k < n; k++) {
        size_t j = first;
        while (j < np && f->word[j] != ids[k] >> 6)
            j++;
        if (j == np) {
            f->word[np] = ids[k] >> 6;
            f->mask[np++] = 0;
        }
        f->mask[j] |= 1ull << (ids[k] & 63);
    }
    return np;
}

/* Rule i's groups as pairs, term by term, leaving out the groups holding every key literal
 * (ids: room for the form's and the key's ids). Whether some term is left with no group. */
static int pf_form_fill(pc_prefilter *pf, size_t i, unsigned *ids)
{
    const pc_rule_lits *l = &pf->lits[i];
    const pc_lit_form *lf = &l->form;
    pf_form *f = &pf->forms[i];
    unsigned *kid = ids + lf->nlits;
    size_t nk = 0, np = 0, ng = 0, g = 0, j = 0;
    int always = 0;
    for (size_t t = 0; t < lf->nterms; t++) {
        size_t kept = 0;
        for (; g < lf->tend[t]; g++) {
            size_t n = 0;
            for (; j < lf->gend[g]; j++) /* every literal of a form is a distinct one */
                ids[n++] = (unsigned)pf_lower_bound(pf, lf->lits[j], l->caseless);
            if (!nk && n >= l->nlits) /* the key's ids, looked up once a group may hold them */
                for (; nk < l->nlits; nk++)
                    kid[nk] = pc_pf_lookup(pf, l->lits[nk], l->caseless);
            if (nk && n >= nk && pf_has_all(ids, n, kid, nk))
                continue;
            np = pf_group_pairs(f, np, ids, n);
            f->gend[ng++] = np;
            kept++;
        }
        f->tend[t] = ng;
        always |= !kept;
    }
    for (size_t k = ng; k < lf->ngroups; k++)
        f->gend[k] = np; /* the groups left out: empty, at the end */
    return always;
}

/* The pairs of groups [g0, g1) of f (a term) as steps of f's program from step n on, their
 * `next` as pc_pf_form_holds reads it; the end. */
static size_t pf_term_ops(pf_form *f, size_t g0, size_t g1, size_t n)
{
    size_t start = n;
    for (size_t g = g0; g < g1; g++)
        for (size_t k = g ? f->gend[g - 1] : 0, e = f->gend[g]; k < e; k++)
            f->prog[n++] = (pf_op){f->mask[k], f->word[k], (uint32_t)(e - k), g + 1 == g1,
                                   k + 1 == e, 0};
    for (size_t k = start; k < n; k++)
        if (f->prog[k].glast)
            f->prog[k].next = (uint32_t)(n - k); /* a miss there: the next term */
    return n;
}

/* f's groups as one program (pf_op), a term with a group of no pair left out (it never
 * holds). -1: out of memory. */
static int pf_form_prog(pf_form *f)
{
    size_t np = f->nterms && f->tend[f->nterms - 1] ? f->gend[f->tend[f->nterms - 1] - 1] : 0;
    f->prog = malloc((np + 1) * sizeof *f->prog);
    if (!f->prog)
        return -1;
    size_t n = 0, last = 0;
    for (size_t t = 0; t < f->nterms; t++) {
        size_t g0 = t ? f->tend[t - 1] : 0, g1 = f->tend[t];
        int empty = g0 == g1;
        for (size_t g = g0; g < g1; g++)
            empty |= (g ? f->gend[g - 1] : 0) == f->gend[g];
        if (!empty) {
            last = n;
            n = pf_term_ops(f, g0, g1, n);
        }
    }
    for (size_t k = last; k < n; k++)
        f->prog[k].end = f->prog[k].glast;
    f->nops = n;
    return 0;
}

int pc_pf_form_build(pc_prefilter *pf, size_t i)
{
    const pc_rule_lits *l = &pf->lits[i];
    const pc_lit_form *lf = &l->form;
    if (!lf->nterms)
        return 0;
    pf_form *f = &pf->forms[i];
    unsigned *ids = malloc((lf->nlits + l->nlits + 1) * sizeof *ids);
    f->word = calloc(lf->nlits + 1, sizeof *f->word);
    f->mask = calloc(lf->nlits + 1, sizeof *f->mask);
    f->gend = calloc(lf->ngroups, sizeof *f->gend);
    f->tend = calloc(lf->nterms, sizeof *f->tend);
    if (!ids || !f->word || !f->mask || !f->gend || !f->tend) {
        free(ids);
        return -1;
    }
    int always = pf_form_fill(pf, i, ids);
    free(ids);
    size_t np = f->gend[lf->ngroups - 1];
    uint32_t *word = realloc(f->word, (np + 1) * sizeof *f->word); /* fewer pairs than ids */
    uint64_t *mask = realloc(f->mask, (np + 1) * sizeof *f->mask);
    f->word = word ? word : f->word;
    f->mask = mask ? mask : f->mask;
    f->nterms = lf->nterms;
    if (pf_form_prog(f) < 0)
        return -1;
    if (!always)
        pf->formed[i >> 6] |= 1ull << (i & 63);
    return 0;
}

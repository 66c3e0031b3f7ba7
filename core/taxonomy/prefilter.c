/* prefilter.c: numbering a taxonomy's rules, compiling all their required literals into one
 * Vectorscan literal database (hs_compile_lit_multi), and scanning text into rule bitsets.
 * See prefilter.h for the guarantee and the case-folding rule; prefilter_roots.c chooses which
 * literals stand in the database for the others.
 */
#include "taxonomy/prefilter_internal.h"

#include "taxonomy/prefilter_cache.h"
#include "util/hash.h"

#include <hs.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

/* pc_prefilter_scratch: owns the Vectorscan scratch and the bitset of literals seen. */
struct pc_prefilter_scratch {
    hs_scratch_t *hs;
    uint64_t *seen;
    size_t bytes;
};

/* The UTF-8 forms of the only non-ASCII characters PCRE2's caseless UCP matching folds to
 * ASCII letters: U+017F (long s, ~ 's') and U+212A (Kelvin sign, ~ 'k'). */
static const char *const pf_fold_hazards[] = {"\xC5\xBF", "\xE2\x84\xAA"};
#define PF_NHAZARDS 2

/* pc_prefilter.jit's mark for a rule JIT cannot compile (its own code is used), and
 * pc_prefilter.ascii's for a rule with no ASCII code (pc_prefilter_code's is used). */
static char pf_no_jit;
#define PF_NO_JIT ((pcre2_code *)(void *)&pf_no_jit)

static double pf_now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

/* ---- numbering -------------------------------------------------------------------------- */

static int pf_push_rules(pc_prefilter *pf, size_t *cap, pc_rule *r, size_t n)
{
    if (pc_grow(&pf->rules, cap, pf->nrules + n, sizeof *pf->rules) < 0)
        return -1;
    for (size_t i = 0; i < n; i++) {
        r[i].index = pf->nrules;
        pf->rules[pf->nrules++] = &r[i];
    }
    return 0;
}

/* Every rule in a fixed order: categories (rules, then vetoes), attributes, stances, scopes,
 * requirements (applies, exempt, then each part's). */
static int pf_number(pc_prefilter *pf, pc_taxonomy *tax)
{
    size_t cap = 0;
    for (size_t i = 0; i < tax->ncats; i++)
        if (pf_push_rules(pf, &cap, tax->cats[i].rules, tax->cats[i].nrules) < 0 ||
            pf_push_rules(pf, &cap, tax->cats[i].excludes, tax->cats[i].nexcludes) < 0)
            return -1;
    for (size_t i = 0; i < tax->nattrs; i++)
        if (pf_push_rules(pf, &cap, tax->attrs[i].rules, tax->attrs[i].nrules) < 0)
            return -1;
    for (size_t i = 0; i < tax->ntopics; i++)
        if (pf_push_rules(pf, &cap, tax->topics[i].rules, tax->topics[i].nrules) < 0)
            return -1;
    for (int d = 0; d < PC_DIM_COUNT; d++)
        if (pf_push_rules(pf, &cap, tax->scopes[d], tax->nscopes[d]) < 0)
            return -1;
    for (size_t i = 0; i < tax->nreqs; i++) {
        const pc_requirement *r = &tax->reqs[i];
        if (pf_push_rules(pf, &cap, r->applies, r->napplies) < 0 ||
            pf_push_rules(pf, &cap, r->exempt, r->nexempt) < 0)
            return -1;
        for (size_t k = 0; k < r->nparts; k++)
            if (pf_push_rules(pf, &cap, r->parts[k].rules, r->parts[k].nrules) < 0)
                return -1;
    }
    return 0;
}

/* ---- literals and the database ---------------------------------------------------------- */

static int pf_same_strings(char *const *a, size_t na, char *const *b, size_t nb)
{
    if (na != nb)
        return 0;
    for (size_t k = 0; k < na; k++)
        if (strcmp(a[k], b[k]))
            return 0;
    return 1;
}

/* A hash of rule i's pattern, options and literals: rules that differ in it never share. */
static uint64_t pf_rule_hash(const pc_prefilter *pf, size_t i)
{
    const pc_rule_lits *l = &pf->lits[i];
    uint64_t h = PC_FNV_SEED ^ (uint64_t)(pf->rules[i]->caseless * 2 + l->caseless);
    h = pc_fnv64(h, pf->rules[i]->pattern, strlen(pf->rules[i]->pattern));
    return (h ^ l->nlits ^ (l->form.nlits << 20)) * 1099511628211ull;
}

/* Whether rules i and j always give the same result: the same pattern and options (so the
 * same match), and the same literals (so the same candidate bits). */
static int pf_same_rule(const pc_prefilter *pf, size_t i, size_t j)
{
    const pc_rule *r = pf->rules[i], *q = pf->rules[j];
    const pc_rule_lits *l = &pf->lits[i], *m = &pf->lits[j];
    return q->caseless == r->caseless && !strcmp(q->pattern, r->pattern) &&
           m->caseless == l->caseless && pf_same_strings(m->lits, m->nlits, l->lits, l->nlits) &&
           pf_same_strings(m->form.lits, m->form.nlits, l->form.lits, l->form.nlits);
}

/* The first rule up to i that gives rule i's result. `first` is an open-addressing table
 * (mask + 1 slots, at least twice the rules) of the rules that are the first of theirs, each
 * as its index + 1, placed by pf_rule_hash (in hash[]); rule i goes in when it is one. */
static unsigned pf_canon(const pc_prefilter *pf, size_t i, const uint64_t *hash, unsigned *first,
                         size_t mask)
{
    size_t s = (size_t)(hash[i] ^ hash[i] >> 29) & mask;
    for (; first[s]; s = (s + 1) & mask) {
        size_t j = first[s] - 1;
        if (hash[j] == hash[i] && pf_same_rule(pf, i, j))
            return (unsigned)j;
    }
    first[s] = (unsigned)i + 1;
    return (unsigned)i;
}

/* Every rule's literals: derived (or declared), unless `cached` says pf->lits came from the
 * cache; then the masks and the shared confirmations. */
static int pf_literals(pc_prefilter *pf, int cached)
{
    pf->words = (pf->nrules + 63) / 64;
    pf->always = calloc(pf->words ? pf->words : 1, sizeof *pf->always);
    pf->caseless = calloc(pf->words ? pf->words : 1, sizeof *pf->caseless);
    pf->formed = calloc(pf->words ? pf->words : 1, sizeof *pf->formed);
    pf->forms = calloc(pf->nrules ? pf->nrules : 1, sizeof *pf->forms);
    pf->canon = calloc(pf->nrules ? pf->nrules : 1, sizeof *pf->canon);
    pf->jit = calloc(pf->nrules ? pf->nrules : 1, sizeof *pf->jit);
    pf->split = calloc(pf->nrules ? pf->nrules : 1, sizeof *pf->split);
    pf->ascii = calloc(pf->nrules ? pf->nrules : 1, sizeof *pf->ascii);
    uint64_t *hash = calloc(pf->nrules ? pf->nrules : 1, sizeof *hash);
    size_t mask = 15;
    while (mask < 2 * pf->nrules)
        mask = mask * 2 + 1;
    unsigned *first = calloc(mask + 1, sizeof *first);
    int rc = 0;
    if (!hash || !first || !pf->jit || !pf->split || !pf->ascii || !pf->always || !pf->caseless ||
        !pf->formed || !pf->forms || !pf->canon)
        rc = -1;
    for (size_t i = 0; i < pf->nrules && rc == 0; i++) {
        const pc_rule *r = pf->rules[i];
        pc_rule_lits *l = &pf->lits[i];
        if ((!cached && pc_lit_derive(r->pattern, r->caseless, l) < 0) ||
            (!cached && !l->nlits && r->literal && pc_lit_declare(r->literal, r->caseless, l) < 0) ||
            (!cached && pc_pf_form_sort(&l->form) < 0)) {
            rc = -1;
            break;
        }
        if (!l->nlits)
            pf->always[i >> 6] |= 1ull << (i & 63);
        else if (l->caseless)
            pf->caseless[i >> 6] |= 1ull << (i & 63);
        hash[i] = pf_rule_hash(pf, i);
        pf->canon[i] = pf_canon(pf, i, hash, first, mask);
    }
    free(first);
    free(hash);
    return rc;
}


/* hs_compile_lit_multi's parallel arrays; borrows the strings. */
typedef struct pf_arrays {
    const char **s;
    unsigned *flags, *ids;
    size_t *lens;
    size_t n;
} pf_arrays;

/* One literal of one rule (of its key, or of its conjunction), for sorting into distinct
 * literals. Borrows s. */
typedef struct pf_lit {
    const char *s;
    int caseless, key;
    unsigned rule, idx; /* idx: its place in the unsorted list (pf->order) */
} pf_lit;

static int pf_lit_cmp(const void *a, const void *b)
{
    const pf_lit *x = a, *y = b;
    if (x->caseless != y->caseless)
        return x->caseless - y->caseless;
    int c = strcmp(x->s, y->s);
    if (c)
        return c;
    if (x->key != y->key)
        return y->key - x->key;
    return (x->rule > y->rule) - (x->rule < y->rule);
}

/* For each of the n literals in their unsorted order, its place in the cache file's tables'
 * sorted order (a permutation), into pos[0..n): 0, or -1 when the tables do not give one. */
static int pf_cached_places(const pc_pfcache_blob *tab, size_t n, unsigned *pos)
{
    unsigned *order = pc_calloc_big(n, sizeof *order);
    int ok = order && pc_pf_tables_order(tab, n, order) == 0;
    for (size_t k = 0; ok && k < n; k++)
        pos[k] = UINT32_MAX;
    for (size_t i = 0; ok && i < n; i++) {
        ok = order[i] < n && pos[order[i]] == UINT32_MAX;
        if (ok)
            pos[order[i]] = (unsigned)i;
    }
    free(order);
    return ok ? 0 : -1;
}

/* Whether all[0..n) is sorted. */
static int pf_is_sorted(const pf_lit *all, size_t n)
{
    for (size_t i = 1; i < n; i++)
        if (pf_lit_cmp(&all[i - 1], &all[i]) > 0)
            return 0;
    return 1;
}

/* All literals of all rules (keys first within one string), sorted: placed in the order of the
 * cache file's tables `tab` when they give a sorted permutation, else sorted here; *n of them.
 * pf->order keeps the order for the cache. */
static pf_lit *pf_sorted_lits(pc_prefilter *pf, size_t *n, const pc_pfcache_blob *tab)
{
    *n = 0;
    for (size_t i = 0; i < pf->nrules; i++)
        *n += pf->lits[i].nlits + pf->lits[i].form.nlits;
    pf_lit *all = pc_calloc_big(*n, sizeof *all);
    pf->order = pc_calloc_big(*n, sizeof *pf->order);
    if (!all || !pf->order) {
        free(all);
        return NULL;
    }
    unsigned *pos = pf->order; /* the places first; the order once sorted */
    int placed = tab && pf_cached_places(tab, *n, pos) == 0;
    size_t k = 0;
    for (size_t i = 0; i < pf->nrules; i++) {
        const pc_rule_lits *l = &pf->lits[i];
        for (size_t j = 0; j < l->nlits + l->form.nlits; j++, k++) {
            int key = j < l->nlits;
            const char *s = key ? l->lits[j] : l->form.lits[j - l->nlits];
            all[placed ? pos[k] : k] = (pf_lit){s, l->caseless, key, (unsigned)i, (unsigned)k};
        }
    }
    if (!placed || !pf_is_sorted(all, *n))
        qsort(all, *n, sizeof *all, pf_lit_cmp);
    for (size_t i = 0; i < *n; i++)
        pf->order[i] = all[i].idx;
    pf->norder = *n;
    return all;
}

static int pf_arrays_alloc(pf_arrays *a, size_t total)
{
    a->s = pc_calloc_big(total, sizeof *a->s);
    a->flags = pc_calloc_big(total, sizeof *a->flags);
    a->ids = pc_calloc_big(total, sizeof *a->ids);
    a->lens = pc_calloc_big(total, sizeof *a->lens);
    return a->s && a->flags && a->ids && a->lens ? 0 : -1;
}

static void pf_arrays_push(pf_arrays *a, const char *s, unsigned flags, size_t id)
{
    a->s[a->n] = s;
    a->lens[a->n] = strlen(s);
    a->flags[a->n] = flags;
    a->ids[a->n] = (unsigned)id;
    a->n++;
}

/* The distinct literals: ustr/ulen/ucase, and the rules keyed by each (uniq_rules); u gets
 * a copy for pf_form_build. -1: out of memory. */
static int pf_uniq(pc_prefilter *pf, const pf_lit *all, size_t n, pf_lit *u)
{
    size_t nkeys = 0;
    pf->uniq_first = pc_calloc_big(n + 1, sizeof *pf->uniq_first);
    pf->uniq_rules = pc_calloc_big(n, sizeof *pf->uniq_rules);
    pf->ustr = pc_calloc_big(n, sizeof *pf->ustr);
    pf->ulen = pc_calloc_big(n, sizeof *pf->ulen);
    pf->ucase = pc_calloc_big(n, sizeof *pf->ucase);
    if (!pf->uniq_first || !pf->uniq_rules || !pf->ustr || !pf->ulen || !pf->ucase)
        return -1;
    for (size_t i = 0; i < n; i++) {
        if (i == 0 || all[i].caseless != all[i - 1].caseless || strcmp(all[i].s, all[i - 1].s)) {
            u[pf->nuniq] = all[i];
            pf->ustr[pf->nuniq] = all[i].s;
            pf->ulen[pf->nuniq] = strlen(all[i].s);
            pf->ucase[pf->nuniq] = (unsigned char)all[i].caseless;
            pf->uniq_first[pf->nuniq++] = nkeys;
        }
        if (all[i].key)
            pf->uniq_rules[nkeys++] = all[i].rule;
    }
    pf->uniq_first[pf->nuniq] = nkeys;
    return 0;
}

/* The folded copies of the literals built on a root, for pc_pf_lit_at8 (after pc_pf_roots).
 * -1: out of memory. */
static int pf_fold(pc_prefilter *pf)
{
    uint32_t total = 0;
    pf->ufold = pc_calloc_big(pf->nuniq + 1, sizeof *pf->ufold);
    for (size_t u = 0; pf->ufold && u <= pf->nuniq; u++) {
        pf->ufold[u] = total;
        total += u < pf->nuniq && pc_pf_is_dep(pf, u) ? (uint32_t)pf->ulen[u] : 0;
    }
    pf->flo = pc_calloc_big((size_t)total + 1, 1);
    pf->fmask = pc_calloc_big((size_t)total + 1, 1);
    if (!pf->ufold || !pf->flo || !pf->fmask)
        return -1;
    for (size_t u = 0; u < pf->nuniq; u++)
        for (size_t i = 0; pc_pf_is_dep(pf, u) && i < pf->ulen[u]; i++) {
            unsigned char c = (unsigned char)pf->ustr[u][i];
            int letter = pf->ucase[u] && ((c | 0x20u) - 'a' < 26u);
            pf->flo[pf->ufold[u] + i] = letter ? (unsigned char)(c | 0x20u) : c;
            pf->fmask[pf->ufold[u] + i] = letter ? 0x20 : 0;
        }
    return 0;
}

/* The database: every root literal (see pf_roots; reported once per scan unless literals are
 * built on it, then at every occurrence), then the fold hazards; then the rules' conjunctions
 * over the distinct literals' ids. */
static int pf_arrays_fill(pc_prefilter *pf, pf_arrays *a, const pc_pfcache_blob *tab)
{
    size_t n;
    pf_lit *all = pf_sorted_lits(pf, &n, tab);
    pf_lit *u = pc_calloc_big(n, sizeof *u);
    int rc = !all || !u || pf_uniq(pf, all, n, u) < 0 || pc_pf_roots(pf, tab) < 0 ||
                     pf_fold(pf) < 0 || pc_pf_dep_windows(pf) < 0 ||
                     pf_arrays_alloc(a, pf->nuniq + PF_NHAZARDS) < 0
                 ? -1
                 : 0;
    for (size_t i = 0; i < pf->nuniq && rc == 0; i++) {
        if (pc_pf_is_dep(pf, i))
            continue;
        unsigned fl = (pf->ucase[i] ? HS_FLAG_CASELESS : 0) |
                      (pf->dep_first[i] == pf->dep_first[i + 1] ? HS_FLAG_SINGLEMATCH : 0);
        pf_arrays_push(a, pf->ustr[i], fl, i);
    }
    for (size_t h = 0; h < PF_NHAZARDS && rc == 0; h++)
        pf_arrays_push(a, pf_fold_hazards[h], HS_FLAG_SINGLEMATCH, pf->nuniq + h);
    for (size_t i = 0; i < pf->nrules && rc == 0; i++)
        rc = pc_pf_form_build(pf, i);
    free(all);
    free(u);
    return rc;
}

static void pf_arrays_free(pf_arrays *a)
{
    free(a->s);
    free(a->flags);
    free(a->ids);
    free(a->lens);
}

/* The distinct literals, their roots and the conjunctions (the order and the roots from the
 * cache file's tables `tab` when not NULL and they hold); then the database, unless it came
 * from the cache. */
static int pf_compile(pc_prefilter *pf, const char *path, const pc_pfcache_blob *tab,
                      pc_error *err)
{
    pf_arrays a = {0};
    if (pf_arrays_fill(pf, &a, tab) < 0) {
        pf_arrays_free(&a);
        pc_error_set(err, "%s: out of memory", path);
        return -1;
    }
    if (pf->db) {
        pf_arrays_free(&a);
        hs_database_size(pf->db, &pf->db_bytes);
        return 0;
    }
    hs_compile_error_t *ce = NULL;
    hs_error_t rc = hs_compile_lit_multi(a.s, a.flags, a.ids, a.lens, (unsigned)a.n, HS_MODE_BLOCK,
                                         NULL, &pf->db, &ce);
    pf_arrays_free(&a);
    if (rc != HS_SUCCESS) {
        pc_error_set(err, "%s: cannot compile the rules' literals: %s", path,
                     ce && ce->message ? ce->message : "unknown error");
        hs_free_compile_error(ce);
        return -1;
    }
    hs_database_size(pf->db, &pf->db_bytes);
    return 0;
}

/* Read the literals and the database from the first cache file that holds them for `key`:
 * the one read when the load began, else a later place (then *later holds its bytes). */
static const char *pf_cache_load(pc_prefilter *pf, const pc_pfcache_ctx *cache, uint64_t key,
                                 pc_pfcache_blob *tab, pc_file_map *later)
{
    if (!key || !cache->data)
        return NULL;
    if (pc_pfcache_load(cache->data, cache->len, key, pf->nrules, pf->lits, &pf->db, tab) == 0)
        return cache->data;
    for (size_t i = cache->place + 1; cache->paths[i]; i++) {
        if (pc_pfcache_read(cache->paths[i], later) < 0)
            continue;
        if (pc_pfcache_load(later->p, later->len, key, pf->nrules, pf->lits, &pf->db, tab) == 0)
            return later->p;
        pc_file_unmap(later);
    }
    return NULL;
}

/* Write them, with the compiled patterns, to the first place that takes the file. */
static void pf_cache_store(const pc_prefilter *pf, const pc_pfcache_ctx *cache, uint64_t key)
{
    pc_pfcache_blob codes = {0}, tab = {0};
    char *c = pc_recache_encode(&cache->re, pc_recache_key(pc_pfcache_build()), &codes.len);
    char *t = pc_pf_tables_encode(pf, &tab.len);
    codes.p = c;
    tab.p = t;
    for (size_t i = 0; c && t && cache->paths[i]; i++)
        if (pc_pfcache_store(cache->paths[i], key, pf->nrules, pf->lits, &codes, &cache->doc,
                             &tab, pf->db) == 0)
            break;
    free(c);
    free(t);
}

int pc_prefilter_build(pc_taxonomy *tax, const pc_pfcache_ctx *cache, pc_error *err)
{
    double t0 = pf_now_ms();
    pc_prefilter *pf = calloc(1, sizeof *pf);
    tax->prefilter = pf;
    if (!pf || pf_number(pf, tax) < 0 ||
        !(pf->lits = calloc(pf->nrules ? pf->nrules : 1, sizeof *pf->lits))) {
        pc_error_set(err, "%s: out of memory", tax->path);
        return -1;
    }
    uint64_t key = cache && cache->paths[0] ? pc_pfcache_key(pf->rules, pf->nrules) : 0;
    pc_pfcache_blob tab = {0};
    pc_file_map later = {0};
    const char *file = cache ? pf_cache_load(pf, cache, key, &tab, &later) : NULL;
    pf->cached = file != NULL;
    int rc = pf_literals(pf, pf->cached) < 0 ? -1 : 0;
    if (rc < 0)
        pc_error_set(err, "%s: out of memory", tax->path);
    else
        rc = pf_compile(pf, tax->path, file ? &tab : NULL, err);
    pc_file_unmap(&later);
    if (rc < 0)
        return -1;
    if (key && (!pf->cached || cache->re.compiled || cache->doc_made))
        pf_cache_store(pf, cache, key);
    free(pf->order); /* kept for the cache file only */
    pf->order = NULL;
    pf->build_ms = pf_now_ms() - t0;
    return 0;
}

/* Free codes[0..n) (but the marks) and the array. */
static void pf_codes_free(_Atomic(pcre2_code *) *codes, size_t n)
{
    for (size_t i = 0; codes && i < n; i++) {
        pcre2_code *c = atomic_load(&codes[i]);
        if (c != PF_NO_JIT)
            pcre2_code_free(c);
    }
    free(codes);
}

void pc_prefilter_free(pc_prefilter *pf)
{
    if (!pf)
        return;
    for (size_t i = 0; pf->lits && i < pf->nrules; i++)
        pc_lit_free(&pf->lits[i]);
    free(pf->lits);
    free(pf->rules);
    free(pf->always);
    free(pf->caseless);
    free(pf->formed);
    for (size_t i = 0; pf->forms && i < pf->nrules; i++) {
        free(pf->forms[i].word);
        free(pf->forms[i].mask);
        free(pf->forms[i].gend);
        free(pf->forms[i].tend);
        free(pf->forms[i].prog);
    }
    free(pf->forms);
    free(pf->canon);
    pf_codes_free(pf->jit, pf->nrules);
    pf_codes_free(pf->ascii, pf->nrules);
    pc_pf_split_free(pf);
    free(pf->order);
    free(pf->uniq_first);
    free(pf->uniq_rules);
    free(pf->ustr);
    free(pf->ulen);
    free(pf->ucase);
    free(pf->ufold);
    free(pf->flo);
    free(pf->fmask);
    free(pf->uroot);
    free(pf->dep_first);
    free(pf->dep_lit);
    free(pf->dep_off);
    free(pf->dep);
    hs_free_database(pf->db);
    free(pf);
}

size_t pc_prefilter_nrules(const pc_prefilter *pf)
{
    return pf->nrules;
}

const pc_rule *pc_prefilter_rule(const pc_prefilter *pf, size_t i)
{
    return i < pf->nrules ? pf->rules[i] : NULL;
}

const pc_rule_lits *pc_prefilter_lits(const pc_prefilter *pf, size_t i)
{
    return i < pf->nrules ? &pf->lits[i] : NULL;
}

size_t pc_prefilter_words(const pc_prefilter *pf)
{
    return pf->words ? pf->words : 1;
}

size_t pc_prefilter_bytes(const pc_prefilter *pf)
{
    size_t n = sizeof *pf + pf->db_bytes +
               pf->nrules *
                   (sizeof *pf->rules + sizeof *pf->lits + sizeof *pf->forms + sizeof *pf->canon) +
               3 * pc_prefilter_words(pf) * sizeof(uint64_t) +
               (pf->nuniq + 1) * sizeof *pf->uniq_first +
               pf->uniq_first[pf->nuniq] * sizeof *pf->uniq_rules +
               pf->nuniq * (sizeof *pf->ustr + sizeof *pf->ulen + sizeof *pf->ucase +
                            sizeof *pf->uroot + sizeof *pf->dep_first) +
               pf->dep_first[pf->nuniq] *
                   (sizeof *pf->dep_lit + sizeof *pf->dep_off + sizeof *pf->dep) +
               (pf->nuniq + 1) * sizeof *pf->ufold + 2 * (pf->ufold[pf->nuniq] + 1);
    for (size_t i = 0; i < pf->nrules; i++) {
        const pc_rule_lits *l = &pf->lits[i];
        for (size_t k = 0; k < l->nlits; k++)
            n += sizeof(char *) + strlen(l->lits[k]) + 1;
        for (size_t k = 0; k < l->form.nlits; k++)
            n += sizeof(char *) + strlen(l->form.lits[k]) + 1;
        if (pf->forms[i].gend && l->form.ngroups)
            n += pf->forms[i].gend[l->form.ngroups - 1] *
                 (sizeof *pf->forms[i].word + sizeof *pf->forms[i].mask);
        n += (l->form.ngroups + l->form.nterms) * 2 * sizeof(size_t) +
             pf->forms[i].nops * sizeof *pf->forms[i].prog;
    }
    return n;
}

double pc_prefilter_build_ms(const pc_prefilter *pf)
{
    return pf->build_ms;
}

int pc_prefilter_cached(const pc_prefilter *pf)
{
    return pf->cached;
}

const pcre2_code *pc_prefilter_code(const pc_prefilter *pf, const pc_rule *r)
{
    pcre2_code *c = atomic_load_explicit(&pf->jit[r->index], memory_order_acquire);
    if (!c) {
        pcre2_code *copy = pcre2_code_copy_with_tables(r->code); /* shares no table count */
        if (!copy || pcre2_jit_compile(copy, PCRE2_JIT_COMPLETE) != 0) {
            pcre2_code_free(copy); /* no JIT for this one: the interpreter, from now on */
            copy = PF_NO_JIT;
        }
        c = pc_pf_publish(&pf->jit[r->index], copy, PF_NO_JIT);
    }
    return c == PF_NO_JIT ? r->code : c;
}

const pcre2_code *pc_prefilter_code_ascii(const pc_prefilter *pf, const pc_rule *r)
{
    pcre2_code *c = atomic_load_explicit(&pf->ascii[r->index], memory_order_acquire);
    if (!c) {
        uint32_t opts = 0;
        pcre2_code *made = pcre2_pattern_info(r->code, PCRE2_INFO_ARGOPTIONS, &opts) == 0
                               ? pc_pf_ascii_compile(r->pattern, PCRE2_ZERO_TERMINATED, opts)
                               : NULL;
        c = pc_pf_publish(&pf->ascii[r->index], made ? made : PF_NO_JIT, PF_NO_JIT);
    }
    return c == PF_NO_JIT ? pc_prefilter_code(pf, r) : c;
}

const unsigned *pc_prefilter_canon(const pc_prefilter *pf)
{
    return pf->canon;
}

/* ---- scanning --------------------------------------------------------------------------- */

pc_prefilter_scratch *pc_prefilter_scratch_new(const pc_prefilter *pf, pc_error *err)
{
    pc_prefilter_scratch *s = calloc(1, sizeof *s);
    if (!s || !(s->seen = calloc(pc_pf_seen_words(pf), sizeof *s->seen)) ||
        hs_alloc_scratch(pf->db, &s->hs) != HS_SUCCESS) {
        pc_error_set(err, "out of memory for the literal scan");
        pc_prefilter_scratch_free(s);
        return NULL;
    }
    hs_scratch_size(s->hs, &s->bytes);
    s->bytes += pc_pf_seen_words(pf) * sizeof *s->seen;
    return s;
}

void pc_prefilter_scratch_free(pc_prefilter_scratch *s)
{
    if (!s)
        return;
    hs_free_scratch(s->hs);
    free(s->seen);
    free(s);
}

size_t pc_prefilter_scratch_bytes(const pc_prefilter_scratch *s)
{
    return s->bytes;
}

/* pf_scan_ctx: one scan's output. Borrows pf, bits and seen. */
typedef struct pf_scan_ctx {
    const pc_prefilter *pf;
    uint64_t *bits, *seen;
    const char *text;
    size_t len;
    int hazard;
} pf_scan_ctx;

/* Literal id occurs: note it and make the rules keyed by it candidates. */
static void pf_seen(pf_scan_ctx *c, size_t id)
{
    if ((c->seen[id >> 6] >> (id & 63)) & 1u)
        return;
    c->seen[id >> 6] |= 1ull << (id & 63);
    for (size_t k = c->pf->uniq_first[id]; k < c->pf->uniq_first[id + 1]; k++) {
        unsigned r = c->pf->uniq_rules[k];
        c->bits[r >> 6] |= 1ull << (r & 63);
    }
}

static int pf_on_match(unsigned id, unsigned long long from, unsigned long long to, unsigned flags,
                       void *ctx)
{
    (void)from;
    (void)flags;
    pf_scan_ctx *c = ctx;
    const pc_prefilter *pf = c->pf;
    if (id >= pf->nuniq) {
        c->hazard = 1;
        return 0;
    }
    pf_seen(c, id);
    /* each literal built on it that occurs here (pf_seen does nothing for one seen before:
     * testing its window is about as cheap as testing its bit, and most are not seen) */
    const unsigned char *text = (const unsigned char *)c->text;
    size_t len = c->len;
    for (const pf_dep *e = pf->dep + pf->dep_first[id], *end = pf->dep + pf->dep_first[id + 1];
         e < end; e++) {
        if (to < e->back || to - e->back + e->len > len)
            continue;
        const unsigned char *at = text + (to - e->back);
        if ((pc_pf_load(at + e->ws, e->wn) | e->mask) == e->lo &&
            (e->len <= 8 || pc_pf_lit_at8(pf, e->lit, (const char *)at)))
            pf_seen(c, e->lit);
    }
    return 0;
}

int pc_pf_scan(const pc_prefilter *pf, pc_prefilter_scratch *s, const char *text, size_t len,
               uint64_t *bits, uint64_t *seen)
{
    size_t w = pc_prefilter_words(pf);
    memcpy(bits, pf->always, w * sizeof *bits);
    memset(seen, 0, pc_pf_seen_words(pf) * sizeof *seen);
    pf_scan_ctx c = {pf, bits, seen, text, len, 0};
    if (len > 0xFFFFFFFFu ||
        hs_scan(pf->db, text, (unsigned)len, 0, s->hs, pf_on_match, &c) != HS_SUCCESS) {
        memset(bits, 0xFF, w * sizeof *bits);
        memset(seen, 0xFF, pc_pf_seen_words(pf) * sizeof *seen);
        return -1;
    }
    for (size_t i = 0; i < w; i++)
        for (uint64_t x = bits[i] & pf->formed[i]; x; x &= x - 1) {
            size_t r = i * 64 + (size_t)__builtin_ctzll(x);
            if (!pc_pf_form_holds(&pf->forms[r], seen))
                bits[i] &= ~(1ull << (r & 63));
        }
    if (c.hazard) {
        for (size_t i = 0; i < w; i++)
            bits[i] |= pf->caseless[i];
        seen[pf->nuniq >> 6] |= 1ull << (pf->nuniq & 63);
    }
    return 0;
}

int pc_prefilter_scan(const pc_prefilter *pf, pc_prefilter_scratch *s, const char *text, size_t len,
                      uint64_t *bits)
{
    return pc_pf_scan(pf, s, text, len, bits, s->seen);
}

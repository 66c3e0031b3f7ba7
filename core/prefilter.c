/* prefilter.c: numbering a taxonomy's rules, compiling all their required literals into one
 * Vectorscan literal database (hs_compile_lit_multi), and scanning text into rule bitsets.
 * See prefilter.h for the guarantee and the case-folding rule.
 */
#include "prefilter.h"

#include <hs.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

/* pf_form: a rule's conjunction (pc_lit_form) over the database's ids. Owns its arrays. */
typedef struct pf_form {
    unsigned *ids;
    size_t *gend, *tend;
    size_t nterms;
} pf_form;

/* pc_prefilter: owns lits, the bitset masks, the literal tables, the forms and the database;
 * borrows the rules (owned by the taxonomy that owns this). */
struct pc_prefilter {
    const pc_rule **rules;
    pc_rule_lits *lits;
    size_t nrules, words;
    uint64_t *always;     /* rules with no literal */
    uint64_t *caseless;   /* rules with caseless literals */
    uint64_t *formed;     /* rules with a conjunction to check */
    pf_form *forms;       /* per rule */
    unsigned *canon;      /* per rule, the first rule with the same pattern and literals */
    size_t nuniq;         /* distinct (literal, caseless) pairs: the database's ids */
    size_t *uniq_first;   /* rules keyed by distinct literal u: uniq_rules[uniq_first[u] ..] */
    unsigned *uniq_rules; /* .. up to uniq_first[u + 1] */
    hs_database_t *db;
    size_t db_bytes;
    double build_ms;
};

/* pc_pf_scratch: owns the Vectorscan scratch and the bitset of literals seen. */
struct pc_pf_scratch {
    hs_scratch_t *hs;
    uint64_t *seen;
    size_t bytes;
};

/* The UTF-8 forms of the only non-ASCII characters PCRE2's caseless UCP matching folds to
 * ASCII letters: U+017F (long s, ~ 's') and U+212A (Kelvin sign, ~ 'k'). */
static const char *const pf_fold_hazards[] = {"\xC5\xBF", "\xE2\x84\xAA"};
#define PF_NHAZARDS 2

static double pf_now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

/* ---- literals ---------------------------------------------------------------------------- */

/* How likely a literal is to occur at a given place in English text (lower is rarer). */
static double pf_char_prob(unsigned char c)
{
    static const double letters[26] = {.066,  .012,  .022, .034,  .102, .018,  .016, .049,  .056,
                                       .0012, .0062, .032, .019,  .054, .060,  .015, .0008, .048,
                                       .051,  .073,  .022, .0078, .019, .0012, .016, .0006};
    if (c >= 'A' && c <= 'Z')
        c = (unsigned char)(c - 'A' + 'a');
    if (c >= 'a' && c <= 'z')
        return letters[c - 'a'];
    if (c == ' ')
        return .18;
    if (c >= '0' && c <= '9')
        return .004;
    return .01;
}

/* Words so common in privacy policies that a literal made of one says little. */
static int pf_common_word(const char *s)
{
    static const char *const words[] = {
        "a",   "an", "and",  "are",         "as",   "be",   "by",   "can", "data",
        "for", "if", "in",   "information", "is",   "it",   "may",  "not", "of",
        "on",  "or", "our",  "personal",    "that", "the",  "this", "to",  "us",
        "use", "we", "will", "with",        "you",  "your", NULL};
    while (*s == ' ')
        s++;
    size_t n = strlen(s);
    while (n && s[n - 1] == ' ')
        n--;
    for (size_t i = 0; words[i]; i++)
        if (strlen(words[i]) == n && !strncasecmp(words[i], s, n))
            return 1;
    return 0;
}

double pc_lit_rarity(const char *s)
{
    double p = 1;
    for (const char *c = s; *c; c++)
        p *= pf_char_prob((unsigned char)*c);
    if (strlen(s) < 3)
        p *= 1000; /* one or two bytes: found nearly everywhere */
    return pf_common_word(s) ? p * 100 : p;
}

int pc_lit_declare(const char *literal, int caseless, pc_rule_lits *out)
{
    out->lits = calloc(1, sizeof *out->lits);
    if (!out->lits || !(out->lits[0] = pc_strdup(literal))) {
        free(out->lits);
        out->lits = NULL;
        return -1;
    }
    out->nlits = 1;
    out->caseless = caseless;
    out->source = PC_LIT_DECLARED;
    for (char *c = out->lits[0]; *c; c++) {
        if (caseless && (unsigned char)*c >= 0x80) {
            pc_lit_free(out); /* non-ASCII folds beyond what the scan knows: no literal */
            out->source = PC_LIT_NONE;
            return 0;
        }
        if (caseless && *c >= 'A' && *c <= 'Z')
            *c = (char)(*c - 'A' + 'a');
    }
    return 0;
}

void pc_lit_free(pc_rule_lits *l)
{
    for (size_t i = 0; i < l->form.nlits; i++)
        free(l->form.lits[i]);
    free(l->form.lits);
    free(l->form.gend);
    free(l->form.tend);
    memset(&l->form, 0, sizeof l->form);
    for (size_t i = 0; i < l->nlits; i++)
        free(l->lits[i]);
    free(l->lits);
    l->lits = NULL;
    l->nlits = 0;
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

/* Every rule in a fixed order: categories (rules, then vetoes), attributes, stances, scopes. */
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

/* The first rule before i that always gives rule i's result: the same pattern and options
 * (so the same match), and the same literals (so the same candidate bits). */
static unsigned pf_canon(const pc_prefilter *pf, size_t i)
{
    const pc_rule *r = pf->rules[i];
    const pc_rule_lits *l = &pf->lits[i];
    for (size_t j = 0; j < i; j++) {
        const pc_rule *q = pf->rules[j];
        const pc_rule_lits *m = &pf->lits[j];
        if (q->caseless == r->caseless && !strcmp(q->pattern, r->pattern) &&
            m->caseless == l->caseless && pf_same_strings(m->lits, m->nlits, l->lits, l->nlits) &&
            pf_same_strings(m->form.lits, m->form.nlits, l->form.lits, l->form.nlits))
            return pf->canon[j];
    }
    return (unsigned)i;
}

static int pf_literals(pc_prefilter *pf)
{
    pf->words = (pf->nrules + 63) / 64;
    pf->lits = calloc(pf->nrules ? pf->nrules : 1, sizeof *pf->lits);
    pf->always = calloc(pf->words ? pf->words : 1, sizeof *pf->always);
    pf->caseless = calloc(pf->words ? pf->words : 1, sizeof *pf->caseless);
    pf->formed = calloc(pf->words ? pf->words : 1, sizeof *pf->formed);
    pf->forms = calloc(pf->nrules ? pf->nrules : 1, sizeof *pf->forms);
    pf->canon = calloc(pf->nrules ? pf->nrules : 1, sizeof *pf->canon);
    if (!pf->lits || !pf->always || !pf->caseless || !pf->formed || !pf->forms || !pf->canon)
        return -1;
    for (size_t i = 0; i < pf->nrules; i++) {
        const pc_rule *r = pf->rules[i];
        pc_rule_lits *l = &pf->lits[i];
        if (pc_lit_derive(r->pattern, r->caseless, l) < 0)
            return -1;
        if (!l->nlits && r->literal && pc_lit_declare(r->literal, r->caseless, l) < 0)
            return -1;
        if (!l->nlits)
            pf->always[i >> 6] |= 1ull << (i & 63);
        else if (l->caseless)
            pf->caseless[i >> 6] |= 1ull << (i & 63);
        pf->canon[i] = pf_canon(pf, i);
    }
    return 0;
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
    unsigned rule;
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

/* All literals of all rules (keys first within one string), sorted; *n of them. */
static pf_lit *pf_sorted_lits(const pc_prefilter *pf, size_t *n)
{
    *n = 0;
    for (size_t i = 0; i < pf->nrules; i++)
        *n += pf->lits[i].nlits + pf->lits[i].form.nlits;
    pf_lit *all = calloc(*n ? *n : 1, sizeof *all);
    if (!all)
        return NULL;
    size_t k = 0;
    for (size_t i = 0; i < pf->nrules; i++) {
        const pc_rule_lits *l = &pf->lits[i];
        for (size_t j = 0; j < l->nlits; j++)
            all[k++] = (pf_lit){l->lits[j], l->caseless, 1, (unsigned)i};
        for (size_t j = 0; j < l->form.nlits; j++)
            all[k++] = (pf_lit){l->form.lits[j], l->caseless, 0, (unsigned)i};
    }
    qsort(all, *n, sizeof *all, pf_lit_cmp);
    return all;
}

/* The database id of (s, caseless) among the n distinct literals u. */
static unsigned pf_uniq_id(const pf_lit *u, size_t n, const char *s, int caseless)
{
    size_t lo = 0, hi = n;
    pf_lit key = {s, caseless, 1, 0};
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        pf_lit probe = u[mid];
        probe.key = 1;
        probe.rule = 0;
        if (pf_lit_cmp(&probe, &key) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return (unsigned)lo;
}

/* Rule i's conjunction over the ids of the distinct literals u[0..n). -1: out of memory. */
static int pf_form_build(pc_prefilter *pf, size_t i, const pf_lit *u, size_t n)
{
    const pc_lit_form *lf = &pf->lits[i].form;
    if (!lf->nterms)
        return 0;
    pf_form *f = &pf->forms[i];
    f->ids = calloc(lf->nlits, sizeof *f->ids);
    f->gend = calloc(lf->ngroups, sizeof *f->gend);
    f->tend = calloc(lf->nterms, sizeof *f->tend);
    if (!f->ids || !f->gend || !f->tend)
        return -1;
    for (size_t k = 0; k < lf->nlits; k++)
        f->ids[k] = pf_uniq_id(u, n, lf->lits[k], pf->lits[i].caseless);
    memcpy(f->gend, lf->gend, lf->ngroups * sizeof *f->gend);
    memcpy(f->tend, lf->tend, lf->nterms * sizeof *f->tend);
    f->nterms = lf->nterms;
    pf->formed[i >> 6] |= 1ull << (i & 63);
    return 0;
}

static int pf_arrays_alloc(pf_arrays *a, size_t total)
{
    a->s = calloc(total, sizeof *a->s);
    a->flags = calloc(total, sizeof *a->flags);
    a->ids = calloc(total, sizeof *a->ids);
    a->lens = calloc(total, sizeof *a->lens);
    return a->s && a->flags && a->ids && a->lens ? 0 : -1;
}

static void pf_arrays_push(pf_arrays *a, const char *s, unsigned flags)
{
    a->s[a->n] = s;
    a->lens[a->n] = strlen(s);
    a->flags[a->n] = HS_FLAG_SINGLEMATCH | flags;
    a->ids[a->n] = (unsigned)a->n;
    a->n++;
}

/* One database entry per distinct literal (rules keyed by it are listed in uniq_rules), then
 * the fold hazards; then the rules' conjunctions over those ids. */
static int pf_arrays_fill(pc_prefilter *pf, pf_arrays *a)
{
    size_t n, nkeys = 0;
    pf_lit *all = pf_sorted_lits(pf, &n);
    pf_lit *u = calloc(n ? n : 1, sizeof *u);
    pf->uniq_first = calloc(n + 1, sizeof *pf->uniq_first);
    pf->uniq_rules = calloc(n ? n : 1, sizeof *pf->uniq_rules);
    int rc = !all || !u || !pf->uniq_first || !pf->uniq_rules ||
                     pf_arrays_alloc(a, n + PF_NHAZARDS) < 0
                 ? -1
                 : 0;
    for (size_t i = 0; i < n && rc == 0; i++) {
        if (i == 0 || all[i].caseless != all[i - 1].caseless || strcmp(all[i].s, all[i - 1].s)) {
            u[pf->nuniq] = all[i];
            pf->uniq_first[pf->nuniq++] = nkeys;
            pf_arrays_push(a, all[i].s, all[i].caseless ? HS_FLAG_CASELESS : 0);
        }
        if (all[i].key)
            pf->uniq_rules[nkeys++] = all[i].rule;
    }
    pf->uniq_first[pf->nuniq] = nkeys;
    for (size_t h = 0; h < PF_NHAZARDS && rc == 0; h++)
        pf_arrays_push(a, pf_fold_hazards[h], 0);
    for (size_t i = 0; i < pf->nrules && rc == 0; i++)
        rc = pf_form_build(pf, i, u, pf->nuniq);
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

static int pf_compile(pc_prefilter *pf, const char *path, pc_error *err)
{
    pf_arrays a = {0};
    if (pf_arrays_fill(pf, &a) < 0) {
        pf_arrays_free(&a);
        pc_error_set(err, "%s: out of memory", path);
        return -1;
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

int pc_tax_prefilter(pc_taxonomy *tax, pc_error *err)
{
    double t0 = pf_now_ms();
    pc_prefilter *pf = calloc(1, sizeof *pf);
    tax->prefilter = pf;
    if (!pf || pf_number(pf, tax) < 0 || pf_literals(pf) < 0) {
        pc_error_set(err, "%s: out of memory", tax->path);
        return -1;
    }
    if (pf_compile(pf, tax->path, err) < 0)
        return -1;
    pf->build_ms = pf_now_ms() - t0;
    return 0;
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
        free(pf->forms[i].ids);
        free(pf->forms[i].gend);
        free(pf->forms[i].tend);
    }
    free(pf->forms);
    free(pf->canon);
    free(pf->uniq_first);
    free(pf->uniq_rules);
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
               pf->nrules * (sizeof *pf->rules + sizeof *pf->lits + sizeof *pf->forms +
                             sizeof *pf->canon) +
               3 * pc_prefilter_words(pf) * sizeof(uint64_t) +
               (pf->nuniq + 1) * sizeof *pf->uniq_first +
               pf->uniq_first[pf->nuniq] * sizeof *pf->uniq_rules;
    for (size_t i = 0; i < pf->nrules; i++) {
        const pc_rule_lits *l = &pf->lits[i];
        for (size_t k = 0; k < l->nlits; k++)
            n += sizeof(char *) + strlen(l->lits[k]) + 1;
        for (size_t k = 0; k < l->form.nlits; k++)
            n += sizeof(char *) + strlen(l->form.lits[k]) + 1 + sizeof *pf->forms[i].ids;
        n += (l->form.ngroups + l->form.nterms) * 2 * sizeof(size_t);
    }
    return n;
}

double pc_prefilter_build_ms(const pc_prefilter *pf)
{
    return pf->build_ms;
}

/* ---- scanning --------------------------------------------------------------------------- */

pc_pf_scratch *pc_pf_scratch_new(const pc_prefilter *pf, pc_error *err)
{
    pc_pf_scratch *s = calloc(1, sizeof *s);
    if (!s || !(s->seen = calloc(pf->nuniq / 64 + 1, sizeof *s->seen)) ||
        hs_alloc_scratch(pf->db, &s->hs) != HS_SUCCESS) {
        pc_error_set(err, "out of memory for the literal scan");
        pc_pf_scratch_free(s);
        return NULL;
    }
    hs_scratch_size(s->hs, &s->bytes);
    s->bytes += (pf->nuniq / 64 + 1) * sizeof *s->seen;
    return s;
}

void pc_pf_scratch_free(pc_pf_scratch *s)
{
    if (!s)
        return;
    hs_free_scratch(s->hs);
    free(s->seen);
    free(s);
}

size_t pc_pf_scratch_bytes(const pc_pf_scratch *s)
{
    return s->bytes;
}

/* pf_scan_ctx: one scan's output. Borrows pf, bits and seen. */
typedef struct pf_scan_ctx {
    const pc_prefilter *pf;
    uint64_t *bits, *seen;
    int hazard;
} pf_scan_ctx;

static int pf_on_match(unsigned id, unsigned long long from, unsigned long long to, unsigned flags,
                       void *ctx)
{
    (void)from;
    (void)to;
    (void)flags;
    pf_scan_ctx *c = ctx;
    if (id >= c->pf->nuniq) {
        c->hazard = 1;
        return 0;
    }
    c->seen[id >> 6] |= 1ull << (id & 63);
    for (size_t k = c->pf->uniq_first[id]; k < c->pf->uniq_first[id + 1]; k++) {
        unsigned r = c->pf->uniq_rules[k];
        c->bits[r >> 6] |= 1ull << (r & 63);
    }
    return 0;
}

/* Does some term of f have a seen literal in each of its groups? */
static int pf_form_holds(const pf_form *f, const uint64_t *seen)
{
    size_t g = 0, k = 0;
    for (size_t t = 0; t < f->nterms; t++) {
        int all = 1;
        for (; g < f->tend[t]; g++) {
            int any = 0;
            for (; k < f->gend[g]; k++)
                any |= (int)((seen[f->ids[k] >> 6] >> (f->ids[k] & 63)) & 1u);
            all &= any;
        }
        if (all)
            return 1;
    }
    return 0;
}

int pc_pf_scan(const pc_prefilter *pf, pc_pf_scratch *s, const char *text, size_t len,
               uint64_t *bits)
{
    size_t w = pc_prefilter_words(pf);
    memcpy(bits, pf->always, w * sizeof *bits);
    memset(s->seen, 0, (pf->nuniq / 64 + 1) * sizeof *s->seen);
    pf_scan_ctx c = {pf, bits, s->seen, 0};
    if (len > 0xFFFFFFFFu ||
        hs_scan(pf->db, text, (unsigned)len, 0, s->hs, pf_on_match, &c) != HS_SUCCESS) {
        memset(bits, 0xFF, w * sizeof *bits);
        return -1;
    }
    for (size_t i = 0; i < w; i++)
        for (uint64_t x = bits[i] & pf->formed[i]; x; x &= x - 1) {
            size_t r = i * 64 + (size_t)__builtin_ctzll(x);
            if (!pf_form_holds(&pf->forms[r], s->seen))
                bits[i] &= ~(1ull << (r & 63));
        }
    if (c.hazard)
        for (size_t i = 0; i < w; i++)
            bits[i] |= pf->caseless[i];
    return 0;
}

/* ---- the first pass over a batch -------------------------------------------------------- */

int pc_pf_batch_add(pc_pf_batch *b, const char *s, size_t len, uint32_t utf)
{
    if (pc_grow(&b->texts, &b->cap_texts, b->n + 1, sizeof *b->texts) < 0)
        return -1;
    b->texts[b->n++] = (pc_pf_text){s, len, utf};
    return 0;
}

/* Per rule in `rules`, the texts whose bits say it may match (counting, then filling). */
static int pf_candidates(pc_pf_batch *b, const pc_prefilter *pf, const uint64_t *rules)
{
    if (pc_grow(&b->cand_first, &b->cap_first, pf->nrules + 1, sizeof *b->cand_first) < 0)
        return -1;
    memset(b->cand_first, 0, (pf->nrules + 1) * sizeof *b->cand_first);
    for (size_t t = 0; t < b->n; t++)
        for (size_t w = 0; w < b->words; w++) {
            uint64_t x = b->bits[t * b->words + w] & rules[w];
            for (; x; x &= x - 1)
                b->cand_first[w * 64 + (size_t)__builtin_ctzll(x) + 1]++;
        }
    for (size_t r = 0; r < pf->nrules; r++)
        b->cand_first[r + 1] += b->cand_first[r];
    if (pc_grow(&b->cand, &b->cap_cand, b->cand_first[pf->nrules] + 1, sizeof *b->cand) < 0)
        return -1;
    for (size_t t = 0; t < b->n; t++)
        for (size_t w = 0; w < b->words; w++) {
            uint64_t x = b->bits[t * b->words + w] & rules[w];
            for (; x; x &= x - 1)
                b->cand[b->cand_first[w * 64 + (size_t)__builtin_ctzll(x)]++] = (uint32_t)t;
        }
    for (size_t r = pf->nrules; r > 0; r--) /* shift the ends back into starts */
        b->cand_first[r] = b->cand_first[r - 1];
    b->cand_first[0] = 0;
    return 0;
}

static int pf_hit(pc_pf_batch *b, uint32_t text, uint32_t rule, int status, pc_span span)
{
    if (pc_grow(&b->hits, &b->cap_hits, b->nhits + 1, sizeof *b->hits) < 0)
        return -1;
    b->hits[b->nhits++] = (pc_pf_hit){text, rule, status, span};
    return 0;
}

/* Each rule over its candidate texts: the pattern stays hot in the instruction cache. */
static int pf_confirm(pc_pf_batch *b, const pc_prefilter *pf, pcre2_match_data *md,
                      pcre2_match_context *mctx)
{
    PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
    for (size_t r = 0; r < pf->nrules; r++) {
        const pcre2_code *code = pf->rules[r]->code;
        for (size_t k = b->cand_first[r]; k < b->cand_first[r + 1]; k++) {
            const pc_pf_text *t = &b->texts[b->cand[k]];
            int rc = pcre2_match(code, (PCRE2_SPTR)t->s, t->len, 0, t->utf, md, mctx);
            int status = rc >= 0 ? 1
                         : rc == PCRE2_ERROR_MATCHLIMIT || rc == PCRE2_ERROR_DEPTHLIMIT ||
                                 rc == PCRE2_ERROR_HEAPLIMIT || rc == PCRE2_ERROR_JIT_STACKLIMIT
                             ? -1
                             : 0;
            pc_span sp = {rc >= 0 ? ov[0] : 0, rc >= 0 ? ov[1] : 0};
            if (status && pf_hit(b, b->cand[k], (uint32_t)r, status, sp) < 0)
                return -1;
        }
    }
    return 0;
}

/* Group the hits by text, keeping rule order within a text (a stable counting sort). */
static int pf_sort_hits(pc_pf_batch *b)
{
    if (pc_grow(&b->sorted, &b->cap_sorted, b->nhits + 1, sizeof *b->sorted) < 0 ||
        pc_grow(&b->first, &b->cap_first_hits, b->n + 1, sizeof *b->first) < 0 ||
        pc_grow(&b->pos, &b->cap_pos, b->n + 1, sizeof *b->pos) < 0)
        return -1;
    memset(b->first, 0, (b->n + 1) * sizeof *b->first);
    for (size_t i = 0; i < b->nhits; i++)
        b->first[b->hits[i].text + 1]++;
    for (size_t t = 0; t < b->n; t++)
        b->first[t + 1] += b->first[t];
    memcpy(b->pos, b->first, b->n * sizeof *b->pos);
    for (size_t i = 0; i < b->nhits; i++)
        b->sorted[b->pos[b->hits[i].text]++] = b->hits[i];
    return 0;
}

int pc_pf_batch_run(pc_pf_batch *b, const pc_prefilter *pf, pc_pf_scratch *sc,
                    const uint64_t *rules, pcre2_match_data *md, pcre2_match_context *mctx)
{
    b->words = pc_prefilter_words(pf);
    b->nhits = 0;
    b->canon = pf->canon;
    if (pc_grow(&b->bits, &b->cap_bits, (b->n ? b->n : 1) * b->words, sizeof *b->bits) < 0 ||
        pc_grow(&b->run, &b->cap_run, b->words, sizeof *b->run) < 0)
        return -1;
    memset(b->run, 0, b->words * sizeof *b->run);
    for (size_t r = 0; r < pf->nrules; r++)
        if (pc_bit(rules, r))
            b->run[pf->canon[r] >> 6] |= 1ull << (pf->canon[r] & 63);
    for (size_t t = 0; t < b->n; t++)
        pc_pf_scan(pf, sc, b->texts[t].s, b->texts[t].len, b->bits + t * b->words);
    if (pf_candidates(b, pf, b->run) < 0 || pf_confirm(b, pf, md, mctx) < 0)
        return -1;
    return pf_sort_hits(b);
}

const uint64_t *pc_pf_batch_bits(const pc_pf_batch *b, size_t i)
{
    return b->bits + i * b->words;
}

const pc_pf_hit *pc_pf_batch_find(const pc_pf_batch *b, size_t i, size_t rule)
{
    rule = b->canon[rule];
    size_t lo = b->first[i], hi = b->first[i + 1];
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (b->sorted[mid].rule < rule)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < b->first[i + 1] && b->sorted[lo].rule == rule ? &b->sorted[lo] : NULL;
}

void pc_pf_batch_reset(pc_pf_batch *b)
{
    b->n = 0;
    b->nhits = 0;
}

void pc_pf_batch_free(pc_pf_batch *b)
{
    free(b->texts);
    free(b->first);
    free(b->pos);
    free(b->bits);
    free(b->cand);
    free(b->cand_first);
    free(b->hits);
    free(b->sorted);
    free(b->run);
}

size_t pc_pf_batch_bytes(const pc_pf_batch *b)
{
    return sizeof *b + b->cap_texts * sizeof *b->texts + b->cap_bits * sizeof *b->bits +
           b->cap_cand * sizeof *b->cand + b->cap_first * sizeof *b->cand_first +
           (b->cap_hits + b->cap_sorted) * sizeof *b->hits +
           (b->cap_first_hits + b->cap_pos) * sizeof *b->first + b->cap_run * sizeof *b->run;
}

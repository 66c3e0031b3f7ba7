/* prefilter_internal.h: the prefilter's structures, shared by prefilter.c (numbering, the
 * database, scanning) and prefilter_roots.c (which literals are built on which root). Not part
 * of the taxonomy's interface.
 */
#ifndef POLCMP_PREFILTER_INTERNAL_H
#define POLCMP_PREFILTER_INTERNAL_H

#include "taxonomy/prefilter.h"
#include "taxonomy/prefilter_cache.h"

#include <hs.h>
#include <stdatomic.h>
#include <stdint.h>
#include <string.h>

/* pf_op: one (word, mask) pair of a form's groups in the order they are tested
 * (pc_pf_form_holds): on a hit, the term holds when `term` (the pair is in the last group of
 * its term), else the next group starts at the next pair when `glast` (the group's last
 * pair), else `next` pairs on; on a miss, the next pair is tested unless `glast`, when the
 * term fails: the form fails when `end` (the last term), else the next term starts `next`
 * pairs on. */
typedef struct pf_op {
    uint64_t mask;
    uint32_t word;
    uint32_t next : 29, term : 1, glast : 1, end : 1;
} pf_op;

/* pf_form: a rule's conjunction (pc_lit_form) over the database's ids, each group's ids as
 * (word, mask) pairs of the seen-literal bitset: group g holds a seen literal when some pair
 * [gend[g - 1], gend[g]) has seen[word] & mask (so a group of many ids is a few tests);
 * the same pairs as one program of nops steps, terms with a group of no pair left out.
 * Owns its arrays. */
typedef struct pf_form {
    uint32_t *word;
    uint64_t *mask;
    size_t *gend, *tend;
    size_t nterms;
    pf_op *prog;
    size_t nops;
} pf_form;

/* Does some term of f have a seen literal in each of its groups? One test a pair, a group
 * left at its first hit and a term at its first group with none. */
static inline int pc_pf_form_holds(const pf_form *f, const uint64_t *seen)
{
    const pf_op *p = f->prog;
    if (!f->nops)
        return 0;
    for (;;) {
        if (seen[p->word] & p->mask) {
            if (p->term)
                return 1;
            p += p->glast ? 1 : p->next;
        } else if (!p->glast) {
            p++;
        } else if (p->end) {
            return 0;
        } else {
            p += p->next;
        }
    }
}

/* The id of distinct literal (s, caseless), or UINT32_MAX when the database has none. */
unsigned pc_pf_lookup(const pc_prefilter *pf, const char *s, int caseless);
/* Sort the groups of each term of a derived form rarest first (prefilter_form.c). -1 when
 * out of memory (the form is left as it was). */
int pc_pf_form_sort(pc_lit_form *lf);
/* Rule i's form over the database's ids (pf->forms[i], and its bit in pf->formed unless it
 * holds for every candidate), leaving out the groups that hold every key literal. -1 when
 * out of memory. */
int pc_pf_form_build(pc_prefilter *pf, size_t i);

/* pf_dep: a literal built on a root, as the root's occurrences test it (pf->dep, parallel to
 * dep_lit): up to 8 of its bytes outside the root, folded as in pc_pf_lit_at8, so that most
 * occurrences are turned away with one load. */
typedef struct pf_dep {
    uint64_t lo, mask; /* pc_pf_load of its folded bytes and of their masks at [ws, ws + wn) */
    uint32_t lit;      /* the literal (dep_lit) */
    uint16_t back;     /* from its start to the root's end (the root's length + dep_off) */
    uint16_t len;      /* its length */
    uint8_t ws, wn;    /* the window: its start and length (all of it when 8 bytes or less) */
} pf_dep;

/* pf_split: a rule's top-level branches and the literals that gate each (prefilter_split.c). */
typedef struct pf_split pf_split;

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
    const char **ustr;    /* distinct literal u (borrowed from lits), its length and caseless */
    size_t *ulen;
    unsigned char *ucase;
    unsigned char *flo, *fmask; /* per literal u built on a root, from ufold[u] on, ulen[u]
                                   bytes: its bytes with ASCII letters lowercased when
                                   caseless, and 0x20 where a caseless literal has an ASCII
                                   letter (else 0) */
    uint32_t *ufold;
    unsigned *uroot;     /* per distinct literal, the root it is built on (UINT32_MAX: a root) */
    unsigned *dep_first; /* literals built on root u (see pf_roots): dep_lit[dep_first[u] ..] */
    unsigned *dep_lit, *dep_off; /* .. with the offset of u inside each */
    pf_dep *dep;         /* .. and their windows (pc_pf_dep_windows) */
    unsigned *order;     /* while building: all the rules' literals in sorted order, as
                            places in their unsorted list (kept for the cache file) */
    size_t norder;
    _Atomic(pcre2_code *) *jit;  /* per rule, its JIT-compiled copy once made (owned), or
                                   PF_NO_JIT when JIT is unavailable for it */
    _Atomic(pf_split *) *split; /* per rule, its branches once made (owned; see
                                   prefilter_split.c) */
    _Atomic(pcre2_code *) *ascii; /* per rule, its code for ASCII texts once made (owned; see
                                     prefilter_ascii.c) */
    hs_database_t *db;
    size_t db_bytes;
    double build_ms;
    int cached; /* the literals and the database came from the cache file */
};

/* Is distinct literal u built on a root (so it is not in the database)? */
static inline int pc_pf_is_dep(const pc_prefilter *pf, size_t u)
{
    return pf->uroot[u] != UINT32_MAX;
}

/* Does text t (at least pf->ulen[u] bytes) hold literal u there? A caseless literal folds
 * ASCII letters only, as the scan's HS_FLAG_CASELESS does (whatever the locale). */
static inline int pc_pf_lit_at(const pc_prefilter *pf, size_t u, const char *t)
{
    const unsigned char *a = (const unsigned char *)t, *b = (const unsigned char *)pf->ustr[u];
    if (!pf->ucase[u])
        return !memcmp(a, b, pf->ulen[u]);
    for (size_t i = 0; i < pf->ulen[u]; i++) {
        unsigned x = a[i], y = b[i];
        if ((x | (unsigned)(x - 'A' < 26u) << 5) != (y | (unsigned)(y - 'A' < 26u) << 5))
            return 0;
    }
    return 1;
}

/* n bytes (1..8) of p as a number, in memory order (two overlapping loads from 4 on). */
static inline uint64_t pc_pf_load(const unsigned char *p, size_t n)
{
    uint64_t v = 0;
    uint32_t a, b;
    if (n >= 8) {
        memcpy(&v, p, 8);
        return v;
    }
    if (n >= 4) {
        memcpy(&a, p, 4);
        memcpy(&b, p + n - 4, 4);
        return (uint64_t)a << 32 | b;
    }
    for (size_t i = 0; i < n; i++)
        v = v << 8 | p[i];
    return v;
}

/* pc_pf_lit_at for a literal u built on a root, through its folded copy (flo, fmask): eight
 * bytes a comparison, the last chunk overlapping the one before it. The same answer. */
static inline int pc_pf_lit_at8(const pc_prefilter *pf, size_t u, const char *t)
{
    const unsigned char *a = (const unsigned char *)t, *lo = pf->flo + pf->ufold[u],
                        *mask = pf->fmask + pf->ufold[u];
    size_t n = pf->ulen[u], i = 0;
    for (; i + 8 < n; i += 8)
        if ((pc_pf_load(a + i, 8) | pc_pf_load(mask + i, 8)) != pc_pf_load(lo + i, 8))
            return 0;
    if (n > 8)
        i = n - 8;
    return (pc_pf_load(a + i, n - i) | pc_pf_load(mask + i, n - i)) == pc_pf_load(lo + i, n - i);
}

/* Words of a seen-literal bitset: a bit per distinct literal, then the hazard bit (a
 * character that folds to ASCII, or a failed scan), at index nuniq. */
static inline size_t pc_pf_seen_words(const pc_prefilter *pf)
{
    return pf->nuniq / 64 + 1;
}

/* Scan text into the candidate bits (as pc_prefilter_scan) and the literals seen into seen
 * (pc_pf_seen_words words; a failed scan sets them all). */
int pc_pf_scan(const pc_prefilter *pf, pc_prefilter_scratch *s, const char *text, size_t len,
               uint64_t *bits, uint64_t *seen);

/* A PCRE2 match result as a first-pass status: 1 a match, -1 a limit, 0 none. */
static inline int pc_pf_status(int rc)
{
    return rc >= 0 ? 1
           : rc == PCRE2_ERROR_MATCHLIMIT || rc == PCRE2_ERROR_DEPTHLIMIT ||
                   rc == PCRE2_ERROR_HEAPLIMIT || rc == PCRE2_ERROR_JIT_STACKLIMIT
               ? -1
               : 0;
}

/* Match code (JIT-compiled when `jit`) against text t from offset 0: pcre2_jit_match, the
 * JIT's fast path, when code is JIT-compiled and t is known to be valid UTF-8 (it checks
 * nothing of the subject: with these, pcre2_match would call it with the same arguments
 * after its own checks), else pcre2_match. */
static inline int pc_pf_match(const pcre2_code *code, int jit, const pc_prefilter_text *t,
                              pcre2_match_data *md, pcre2_match_context *mctx)
{
    if (jit && t->utf == PCRE2_NO_UTF_CHECK)
        return pcre2_jit_match(code, (PCRE2_SPTR)t->s, t->len, 0, t->utf, md, mctx);
    return pcre2_match(code, (PCRE2_SPTR)t->s, t->len, 0, t->utf, md, mctx);
}

/* pc_pf_confirm's answer when the whole pattern must be matched. */
#define PC_PF_WHOLE 2

/* Confirm candidate rule r (one that is the first of its identical rules) on text t, whose
 * seen literals are `seen`, without the whole pattern where it can: with only the branches of
 * its pattern one of whose literals is there when that is fewer than all, or by counting the
 * literals of a repeated group; the whole pattern's answer (prefilter_split.c). `make`: make
 * the rule's branches now if they are not made yet (worth it when there are many texts to
 * confirm it on). 1 with the match's span in *span, 0 for no match, -1 when PCRE2 hit a
 * limit, PC_PF_WHOLE when the whole pattern must decide. md and mctx are the caller's. */
int pc_pf_confirm(const pc_prefilter *pf, size_t r, int make, const uint64_t *seen,
                  const pc_prefilter_text *t, pcre2_match_data *md, pcre2_match_context *mctx,
                  pc_span *span);
/* Free every rule's branches and the table. */
void pc_pf_split_free(pc_prefilter *pf);

/* Publish `made` (a code, or the caller's mark `none` for none) in the empty *slot unless
 * another thread published first; what *slot holds then. A code that came second is freed. */
static inline pcre2_code *pc_pf_publish(_Atomic(pcre2_code *) *slot, pcre2_code *made,
                                        pcre2_code *none)
{
    pcre2_code *c = NULL;
    if (atomic_compare_exchange_strong_explicit(slot, &c, made, memory_order_acq_rel,
                                                memory_order_acquire))
        return made;
    if (made != none)
        pcre2_code_free(made);
    return c;
}

/* Whether pattern, compiled without PCRE2_UTF and PCRE2_UCP, matches every text of ASCII
 * bytes only as it does with them (prefilter_ascii.c). */
int pc_pf_ascii_safe(const char *pattern);
/* pattern[0..len) (PCRE2_ZERO_TERMINATED: all of it), compiled with opts less PCRE2_UTF and
 * PCRE2_UCP and JIT-compiled, when pc_pf_ascii_safe holds for pattern[0..] (to its end) and
 * JIT takes it; else NULL. Caller frees. */
pcre2_code *pc_pf_ascii_compile(const char *pattern, size_t len, uint32_t opts);

/* Choose the roots among the distinct literals (pf->uroot UINT32_MAX), every other literal's
 * root, and list per root the literals built on it with the root's offsets in them
 * (dep_first, dep_lit, dep_off). The roots are taken from the cache file's tables `tab` when
 * not NULL and they are consistent (every root inside the literals built on it, none built on
 * another). 0, or -1 when out of memory. */
int pc_pf_roots(pc_prefilter *pf, const pc_pfcache_blob *tab);

/* Every pf_dep of the literals built on roots (pf->dep), from their folded copies (flo,
 * fmask). 0, or -1 when out of memory. */
int pc_pf_dep_windows(pc_prefilter *pf);

/* The prefilter's tables as kept in the cache file: the sorted order of all the rules'
 * literals (pf->order) and every distinct literal's root (pf->uroot); each a u32 count and
 * u32 values. Caller frees; NULL when out of memory. */
char *pc_pf_tables_encode(const pc_prefilter *pf, size_t *len);
/* The order of n literals from tables `tab` into order[0..n): 0, or -1 when the count is not
 * n (the values are checked by the caller). */
int pc_pf_tables_order(const pc_pfcache_blob *tab, size_t n, unsigned *order);

#endif

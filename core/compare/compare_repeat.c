/* compare_repeat.c: duplicate findings (compare_internal.h).
 *
 * duplicate (low): a sentence of at least RP_MIN_WORDS words stated more than once, or a
 * passage of such sentences stated more than once in the same order. Texts compare ASCII
 * case-folded, whitespace collapsed, trailing punctuation dropped; a list item compares
 * together with its lead-in, so one item under "We collect:" and under "We share:" is not a
 * repetition. Repeated sentences that follow one another where they are first stated are one
 * passage ("A B C ... A B C" is one passage of three sentences, each stated twice; short
 * clauses between do not break it), and each passage gives one finding: the number of its
 * sentences, how often they are stated, and the places of its first sentence (at most
 * PC_LINT_MAX_PLACES; the message counts them all). Equal texts are found by sorting their
 * hashes, not by comparing pairs, and every place is checked against its group's first text:
 * O(n log n) in the number of clauses, however often a policy repeats itself, and no copy of
 * the texts is kept. The tables hold 32-bit clause indexes (about 30 bytes a clause at most,
 * while the hashes are sorted): a large policy has millions of clauses, and a policy's text,
 * and so its clause count, is under 2^32 (PC_TEXT_MAX).
 */
#include "compare/compare_internal.h"

#include "util/words.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define RP_MIN_WORDS 6 /* shorter clauses ("Yes.") may repeat */
#define RP_NONE      UINT32_MAX       /* a group: none (stated once); a clause: none */
#define RP_SHORT     (UINT32_MAX - 1) /* a group: the clause is too short to count */

/* rp_run: one policy's repeated sentences. Owns the arrays. Group g's places (clauses, in
 * document order) are member[gfirst[g] .. gfirst[g + 1]). */
typedef struct rp_run {
    const pc_policy *p;
    uint32_t n;       /* clauses */
    uint32_t *group;  /* per clause: its group, RP_NONE (stated once) or RP_SHORT */
    uint32_t first;   /* the first clause long enough to count, or RP_NONE */
    uint32_t *gfirst; /* ngroups + 1 entries */
    uint32_t *member;
    uint32_t ngroups;
} rp_run;

/* Append clause k normalized: folded, collapsed, trailing punctuation dropped. */
static int rp_norm_clause(pc_buf *b, const pc_policy *p, size_t k)
{
    const pc_clause *cl = &p->outline->clauses[k];
    size_t first = b->len;
    if (pc_cmp_lint_collapse(b, p->doc->text + cl->start, cl->end - cl->start, 1) < 0)
        return -1;
    while (b->len > first && strchr(".!?;:, ", b->data[b->len - 1]))
        b->data[--b->len] = '\0';
    return 0;
}

static int rp_counts(const pc_policy *p, size_t k)
{
    const pc_clause *cl = &p->outline->clauses[k];
    return pc_word_count(p->doc->text + cl->start, cl->end - cl->start) >= RP_MIN_WORDS;
}

/* Clause k's comparison key appended to b (a list item's is prefixed by its lead-in's). */
static int rp_key_add(pc_buf *b, const pc_policy *p, size_t k)
{
    const pc_clause *cl = &p->outline->clauses[k];
    if (cl->kind == PC_CLAUSE_ITEM && cl->lead >= 0 &&
        (rp_norm_clause(b, p, (size_t)cl->lead) < 0 || pc_buf_addc(b, '\x1f') < 0))
        return -1;
    return rp_norm_clause(b, p, k) < 0 || pc_buf_reserve(b, 0) < 0 ? -1 : 0;
}

/* Clause k's key alone in b; *len its length up to the first NUL, as keys are compared. */
static int rp_key_text(pc_buf *b, const pc_policy *p, size_t k, size_t *len)
{
    b->len = 0;
    if (rp_key_add(b, p, k) < 0)
        return -1;
    *len = strlen(b->data);
    return 0;
}

/* A clause long enough to count, by the 64-bit hash of its key (in two halves: 12 bytes, not
 * 16). Plain value. */
typedef struct rp_key {
    uint32_t hash_hi, hash_lo;
    uint32_t clause;
} rp_key;

static int rp_key_cmp(const void *pa, const void *pb)
{
    const rp_key *a = pa, *b = pb;
    if (a->hash_hi != b->hash_hi)
        return a->hash_hi < b->hash_hi ? -1 : 1;
    if (a->hash_lo != b->hash_lo)
        return a->hash_lo < b->hash_lo ? -1 : 1;
    return (a->clause > b->clause) - (a->clause < b->clause);
}

static int rp_key_same_hash(const rp_key *a, const rp_key *b)
{
    return a->hash_hi == b->hash_hi && a->hash_lo == b->hash_lo;
}

/* A group of the places v[0..n) (in document order). */
static void rp_group_add(rp_run *r, const rp_key *v, size_t n, uint32_t *m)
{
    r->gfirst[r->ngroups] = *m;
    for (size_t i = 0; i < n; i++) {
        r->member[(*m)++] = v[i].clause;
        r->group[v[i].clause] = r->ngroups;
    }
    r->ngroups++;
}

/* Places whose keys share a hash but not all their text: grouped by text (sorted in a bag). */
static int rp_collided(rp_run *r, const rp_key *v, size_t n, uint32_t *m)
{
    pc_cmp_bag b = {0};
    int rc = 0;
    for (size_t i = 0; rc == 0 && i < n; i++) {
        const pc_clause *cl = &r->p->outline->clauses[v[i].clause];
        rc = pc_cmp_bag_begin(&b, (pc_ref){0, v[i].clause, cl->section});
        if (rc == 0)
            rc = rp_key_add(&b.arena, r->p, v[i].clause);
        if (rc == 0)
            rc = pc_cmp_bag_end(&b);
    }
    pc_cmp_bag_sort(&b);
    rp_key *run = rc == 0 ? malloc(n * sizeof *run) : NULL;
    for (size_t lo = 0, hi; run && lo < b.n; lo = hi) {
        hi = pc_cmp_bag_run(&b, lo);
        for (size_t i = lo; i < hi; i++)
            run[i - lo] = (rp_key){0, 0, (uint32_t)b.v[i].ref.clause};
        if (hi - lo >= 2)
            rp_group_add(r, run, hi - lo, m);
    }
    rc = run ? 0 : -1;
    free(run);
    pc_cmp_bag_free(&b);
    return rc;
}

/* The places v[0..n) of one hash: one group when their keys are the same text, which is
 * checked against the first (a, b: scratch). */
static int rp_hash_run(rp_run *r, const rp_key *v, size_t n, pc_buf *a, pc_buf *b,
                       uint32_t *m)
{
    size_t alen, blen;
    if (rp_key_text(a, r->p, v[0].clause, &alen) < 0)
        return -1;
    for (size_t i = 1; i < n; i++) {
        if (rp_key_text(b, r->p, v[i].clause, &blen) < 0)
            return -1;
        if (blen != alen || memcmp(a->data, b->data, alen) != 0)
            return rp_collided(r, v, n, m);
    }
    rp_group_add(r, v, n, m);
    return 0;
}

/* The groups: places whose keys are equal, two or more, found by sorting the keys' hashes
 * (no copy of the texts is kept). */
static int rp_groups(rp_run *r, const rp_key *keys, size_t n)
{
    pc_buf a = {0}, b = {0};
    r->gfirst = malloc((n / 2 + 2) * sizeof *r->gfirst);
    r->member = malloc((n ? n : 1) * sizeof *r->member);
    int rc = r->gfirst && r->member ? 0 : -1;
    uint32_t m = 0;
    for (size_t lo = 0, hi; rc == 0 && lo < n; lo = hi) {
        for (hi = lo + 1; hi < n && rp_key_same_hash(&keys[hi], &keys[lo]);)
            hi++;
        if (hi - lo >= 2)
            rc = rp_hash_run(r, keys + lo, hi - lo, &a, &b, &m);
    }
    if (rc == 0)
        r->gfirst[r->ngroups] = m;
    pc_buf_free(&a);
    pc_buf_free(&b);
    return rc;
}

static int rp_build(rp_run *r)
{
    pc_buf text = {0};
    size_t nkeys = 0, len;
    rp_key *keys = malloc((r->n ? r->n : 1) * sizeof *keys);
    r->group = malloc((r->n ? r->n : 1) * sizeof *r->group);
    int rc = keys && r->group ? 0 : -1;
    r->first = RP_NONE;
    for (uint32_t k = r->n; rc == 0 && k-- > 0;) {
        r->group[k] = RP_SHORT;
        if (!rp_counts(r->p, k))
            continue;
        r->group[k] = RP_NONE;
        r->first = k;
        rc = rp_key_text(&text, r->p, k, &len);
        uint64_t h = rc == 0 ? pc_cmp_hash(text.data, len) : 0;
        if (rc == 0)
            keys[nkeys++] = (rp_key){(uint32_t)(h >> 32), (uint32_t)h, k};
    }
    if (rc == 0 && nkeys > 1)
        qsort(keys, nkeys, sizeof *keys, rp_key_cmp);
    if (rc == 0)
        rc = rp_groups(r, keys, nkeys);
    free(keys);
    pc_buf_free(&text);
    return rc;
}

static size_t rp_size(const rp_run *r, uint32_t g)
{
    return r->gfirst[g + 1] - r->gfirst[g];
}

/* The next clause after k long enough to count, or RP_NONE. */
static uint32_t rp_next(const rp_run *r, uint32_t k)
{
    while (++k < r->n)
        if (r->group[k] != RP_SHORT)
            return k;
    return RP_NONE;
}

/* Whether clause k is the first place of a sentence stated more than once. */
static int rp_first_place(const rp_run *r, uint32_t k)
{
    return r->group[k] < RP_SHORT && r->member[r->gfirst[r->group[k]]] == k;
}

/* One finding for the passage of `len` sentences starting at clause k: the places of its
 * first sentence; the fewest and most times its sentences are stated. */
static int rp_finding(pc_comparison *c, size_t pi, const rp_run *r, uint32_t k, size_t len,
                      size_t least, size_t most)
{
    uint32_t g = r->group[k];
    size_t nr = 0;
    pc_ref refs[PC_LINT_MAX_PLACES];
    for (uint32_t i = r->gfirst[g]; i < r->gfirst[g + 1] && nr < PC_LINT_MAX_PLACES; i++) {
        uint32_t m = r->member[i];
        refs[nr++] = (pc_ref){(int)pi, m, r->p->outline->clauses[m].section};
    }
    const pc_clause *cl = &r->p->outline->clauses[k];
    char q[PC_LINT_QUOTE_SIZE], times[48];
    pc_cmp_lint_quote(r->p->doc->text + cl->start, cl->end - cl->start, q);
    if (len == 1)
        return pc_cmp_add(c, PC_FIND_DUPLICATE, PC_SEV_LOW, -1, refs, nr,
                          "stated %zu times: \"%s\"", most, q);
    if (least == most)
        snprintf(times, sizeof times, "%zu times", most);
    else
        snprintf(times, sizeof times, "%zu to %zu times", least, most);
    return pc_cmp_add(c, PC_FIND_DUPLICATE, PC_SEV_LOW, -1, refs, nr,
                      "a passage of %zu sentences, each stated %s, from \"%s\"", len, times, q);
}

/* One finding per passage: a run of sentences, one after the other, each the first place of
 * a sentence stated more than once (short clauses between do not break it). */
static int rp_passages(pc_comparison *c, size_t pi, const rp_run *r)
{
    int rc = 0;
    for (uint32_t k = r->first; rc == 0 && k != RP_NONE;) {
        if (!rp_first_place(r, k)) {
            k = rp_next(r, k);
            continue;
        }
        uint32_t start = k;
        size_t len = 0, least = SIZE_MAX, most = 0;
        for (; k != RP_NONE && rp_first_place(r, k); k = rp_next(r, k), len++) {
            size_t n = rp_size(r, r->group[k]);
            least = n < least ? n : least;
            most = n > most ? n : most;
        }
        rc = rp_finding(c, pi, r, start, len, least, most);
    }
    return rc;
}

int pc_cmp_lint_repeats(pc_comparison *c, size_t policy)
{
    size_t n = c->policies[policy]->outline->nclauses;
    rp_run r = {.p = c->policies[policy], .n = (uint32_t)n};
    int rc = n < RP_SHORT ? rp_build(&r) : -1;
    if (rc == 0)
        rc = rp_passages(c, policy, &r);
    free(r.group);
    free(r.gfirst);
    free(r.member);
    return rc;
}

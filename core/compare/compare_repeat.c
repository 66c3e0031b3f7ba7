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
 * PC_LINT_MAX_PLACES; the message counts them all). Equal texts are found through a hash
 * table of the distinct texts, not by comparing pairs, and every place is checked against its
 * group's first text: linear in the number of clauses (expected), however often a policy
 * repeats itself, and no copy of the texts is kept. The arrays hold 32-bit clause indexes
 * (about 10 bytes a clause, and the table of distinct texts): a large policy has millions of
 * clauses, and a policy's text, and so its clause count, is under 2^32 (PC_TEXT_MAX).
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

/* The first clause whose key is clause k's, key a[0..alen) (k itself when none before it,
 * then added to t); b: scratch. */
static int rp_first_with_key(pc_cmp_table *t, const pc_policy *p, uint32_t k, const pc_buf *a,
                             size_t alen, pc_buf *b, uint32_t *first)
{
    uint32_t h = (uint32_t)pc_cmp_hash(a->data, alen);
    size_t blen;
    for (size_t i = t->cap ? h & (t->cap - 1) : 0; t->cap && t->slot[i];
         i = (i + 1) & (t->cap - 1)) {
        if (t->hash[i] != h)
            continue;
        if (rp_key_text(b, p, t->slot[i] - 1, &blen) < 0)
            return -1;
        if (blen == alen && memcmp(a->data, b->data, alen) == 0) {
            *first = t->slot[i] - 1;
            return 0;
        }
    }
    if (pc_cmp_table_add(t, k, h) < 0)
        return -1;
    *first = k;
    return 0;
}

/* group[k] := the first clause with clause k's key, or RP_SHORT; count[f] := how many
 * clauses have the key of first clause f. */
static int rp_firsts(rp_run *r, uint32_t *count)
{
    pc_cmp_table t = {0};
    pc_buf a = {0}, b = {0};
    size_t alen;
    int rc = 0;
    r->first = RP_NONE;
    for (uint32_t k = 0; rc == 0 && k < r->n; k++) {
        count[k] = 0;
        r->group[k] = RP_SHORT;
        if (!rp_counts(r->p, k))
            continue;
        r->first = r->first == RP_NONE ? k : r->first;
        rc = rp_key_text(&a, r->p, k, &alen);
        if (rc == 0)
            rc = rp_first_with_key(&t, r->p, k, &a, alen, &b, &r->group[k]);
        if (rc == 0)
            count[r->group[k]]++;
    }
    pc_cmp_table_free(&t);
    pc_buf_free(&a);
    pc_buf_free(&b);
    return rc;
}

/* The groups, numbered in the order of their first places: group[k] := its group or RP_NONE,
 * gfirst[g] := where group g starts in member (count[f] := the group of first clause f). */
static void rp_number(rp_run *r, uint32_t *count)
{
    uint32_t m = 0;
    for (uint32_t k = 0; k < r->n; k++) {
        uint32_t f = r->group[k];
        if (f == RP_SHORT)
            continue;
        if (f == k && count[k] < 2) {
            r->group[k] = RP_NONE;
        } else if (f == k) {
            r->gfirst[r->ngroups] = m;
            m += count[k];
            count[k] = r->ngroups;
            r->group[k] = r->ngroups++;
        } else {
            r->group[k] = count[f];
        }
    }
    r->gfirst[r->ngroups] = m;
}

/* member: every group's places in document order (gfirst[g] is moved along as group g is
 * filled, then put back). */
static void rp_members(rp_run *r)
{
    for (uint32_t k = 0; k < r->n; k++)
        if (r->group[k] < RP_SHORT)
            r->member[r->gfirst[r->group[k]]++] = k;
    for (uint32_t g = r->ngroups; g > 0; g--)
        r->gfirst[g] = r->gfirst[g - 1];
    r->gfirst[0] = 0;
}

/* The groups: places whose keys are equal, two or more, found through a table of the distinct
 * keys (every place is checked against its key's first text; no copy of the texts is kept).
 * About 10 bytes a clause, and the table. */
static int rp_build(rp_run *r)
{
    size_t n = r->n ? r->n : 1;
    r->group = malloc(n * sizeof *r->group);
    r->member = malloc(n * sizeof *r->member); /* the counts first, then the places */
    r->gfirst = malloc((n / 2 + 2) * sizeof *r->gfirst);
    if (!r->group || !r->member || !r->gfirst || rp_firsts(r, r->member) < 0)
        return -1;
    rp_number(r, r->member);
    rp_members(r);
    return 0;
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

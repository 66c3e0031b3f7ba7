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
 * PC_LINT_MAX_PLACES; the message counts them all). Equal texts are found by sorting, not by
 * comparing pairs: O(n log n) in the number of clauses, however often a policy repeats itself.
 */
#include "compare/compare_internal.h"

#include "util/words.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define RP_MIN_WORDS 6 /* shorter clauses ("Yes.") may repeat */
#define RP_NONE      ((size_t)-1)

/* rp_run: one policy's repeated sentences. Owns the arrays. Group g's places (clauses, in
 * document order) are member[gfirst[g] .. gfirst[g + 1]). */
typedef struct rp_run {
    const pc_policy *p;
    size_t n;       /* clauses */
    size_t *group;  /* per clause: its group, or RP_NONE (stated once, or too short) */
    size_t *next;   /* per clause: the next clause long enough to count, or RP_NONE */
    size_t first;   /* the first clause long enough to count, or RP_NONE */
    size_t *gfirst; /* ngroups + 1 entries */
    size_t *member;
    size_t ngroups;
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

/* Clause k's comparison key into b (a list item's is prefixed by its lead-in's). */
static int rp_add_key(pc_cmp_bag *b, const pc_policy *p, size_t k)
{
    const pc_clause *cl = &p->outline->clauses[k];
    if (pc_cmp_bag_begin(b, (pc_ref){0, k, cl->section}) < 0)
        return -1;
    if (cl->kind == PC_CLAUSE_ITEM && cl->lead >= 0 &&
        (rp_norm_clause(&b->arena, p, (size_t)cl->lead) < 0 || pc_buf_addc(&b->arena, '\x1f') < 0))
        return -1;
    return rp_norm_clause(&b->arena, p, k) < 0 ? -1 : pc_cmp_bag_end(b);
}

/* The groups: runs of equal keys in the sorted bag that hold two places or more. */
static int rp_groups(rp_run *r, const pc_cmp_bag *b)
{
    r->gfirst = malloc((b->n / 2 + 2) * sizeof *r->gfirst);
    r->member = malloc((b->n ? b->n : 1) * sizeof *r->member);
    if (!r->gfirst || !r->member)
        return -1;
    size_t m = 0;
    for (size_t lo = 0, hi; lo < b->n; lo = hi) {
        hi = pc_cmp_bag_run(b, lo);
        if (hi - lo < 2)
            continue;
        r->gfirst[r->ngroups] = m;
        for (size_t i = lo; i < hi; i++) {
            r->member[m++] = b->v[i].ref.clause;
            r->group[b->v[i].ref.clause] = r->ngroups;
        }
        r->ngroups++;
    }
    r->gfirst[r->ngroups] = m;
    return 0;
}

static int rp_build(rp_run *r)
{
    pc_cmp_bag b = {0};
    r->group = malloc((r->n ? r->n : 1) * sizeof *r->group);
    r->next = malloc((r->n ? r->n : 1) * sizeof *r->next);
    int rc = r->group && r->next ? 0 : -1;
    size_t after = RP_NONE;
    for (size_t k = r->n; rc == 0 && k-- > 0;) {
        r->group[k] = RP_NONE;
        r->next[k] = after;
        if (rp_counts(r->p, k)) {
            after = k;
            rc = rp_add_key(&b, r->p, k);
        }
    }
    r->first = after;
    pc_cmp_bag_sort(&b);
    if (rc == 0)
        rc = rp_groups(r, &b);
    pc_cmp_bag_free(&b);
    return rc;
}

static size_t rp_size(const rp_run *r, size_t g)
{
    return r->gfirst[g + 1] - r->gfirst[g];
}

/* Whether clause k is the first place of a sentence stated more than once. */
static int rp_first_place(const rp_run *r, size_t k)
{
    return r->group[k] != RP_NONE && r->member[r->gfirst[r->group[k]]] == k;
}

/* One finding for the passage of `len` sentences starting at clause k: the places of its
 * first sentence; the fewest and most times its sentences are stated. */
static int rp_finding(pc_comparison *c, size_t pi, const rp_run *r, size_t k, size_t len,
                      size_t least, size_t most)
{
    size_t g = r->group[k], nr = 0;
    pc_ref refs[PC_LINT_MAX_PLACES];
    for (size_t i = r->gfirst[g]; i < r->gfirst[g + 1] && nr < PC_LINT_MAX_PLACES; i++) {
        size_t m = r->member[i];
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
    for (size_t k = r->first; rc == 0 && k != RP_NONE;) {
        if (!rp_first_place(r, k)) {
            k = r->next[k];
            continue;
        }
        size_t start = k, len = 0, least = SIZE_MAX, most = 0;
        for (; k != RP_NONE && rp_first_place(r, k); k = r->next[k], len++) {
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
    rp_run r = {.p = c->policies[policy], .n = c->policies[policy]->outline->nclauses};
    int rc = rp_build(&r);
    if (rc == 0)
        rc = rp_passages(c, policy, &r);
    free(r.group);
    free(r.next);
    free(r.gfirst);
    free(r.member);
    return rc;
}

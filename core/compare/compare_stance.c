/* compare_stance.c: findings from stances.
 *
 * contradiction: a clause of one policy restricts an action (does-not, or with-consent) and
 *   other clauses of the same policy state it plainly (does), within the restriction's scope.
 *   The restriction is the narrower claim, so scope is checked from its side, dimension by
 *   dimension (data, recipient, purpose): a restriction that names no scope in a dimension
 *   covers everything there ("we never sell your personal information"); one that names scopes
 *   ("we do not use these cookies for marketing") is contradicted only by a clause that names
 *   one of them too. does vs does-not is high; does vs with-consent is medium (one clause asks
 *   for consent the other does not mention). A conditional stance conflicts with nothing: its
 *   condition may be what reconciles it. One finding per restricting clause, with every clause
 *   that contradicts it as evidence.
 * disagreement: for one topic, some policies only say they do it and others only say they
 *   do not (one finding per topic, medium).
 */
#include "compare/compare_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A stance with where it stands. Plain value; st is borrowed from a pc_classified. */
typedef struct pc_stance_at {
    int policy;
    size_t clause;
    const pc_stance *st;
    const pc_classified *cls;
} pc_stance_at;

/* Whether the plain statement `pos` falls within the restriction `neg` in one dimension. */
static int pc_scope_within(const pc_stance_at *neg, const pc_stance_at *pos, pc_scope_dim dim)
{
    int named = 0;
    for (size_t i = 0; i < neg->st->nscopes; i++) {
        const pc_scope_ref *x = &neg->cls->scopes[neg->st->scope_first + i];
        if (x->dim != dim)
            continue;
        named = 1;
        for (size_t j = 0; j < pos->st->nscopes; j++) {
            const pc_scope_ref *y = &pos->cls->scopes[pos->st->scope_first + j];
            if (y->dim == dim && y->index == x->index)
                return 1;
        }
    }
    return !named;
}

/* The severity with which `pos` contradicts the restriction `neg`, or -1 when it does not. */
static int pc_conflict(const pc_stance_at *neg, const pc_stance_at *pos)
{
    if (pos->st->polarity != PC_POL_DOES || neg->clause == pos->clause ||
        pos->st->topic != neg->st->topic)
        return -1;
    if (neg->st->polarity != PC_POL_DOES_NOT && neg->st->polarity != PC_POL_WITH_CONSENT)
        return -1;
    for (int d = 0; d < PC_DIM_COUNT; d++)
        if (!pc_scope_within(neg, pos, (pc_scope_dim)d))
            return -1;
    return neg->st->polarity == PC_POL_DOES_NOT ? PC_SEV_HIGH : PC_SEV_MEDIUM;
}

static const char *pc_polarity_phrase(pc_polarity p)
{
    switch (p) {
    case PC_POL_DOES: return "does";
    case PC_POL_DOES_NOT: return "does not";
    case PC_POL_WITH_CONSENT: return "only with consent";
    default: return "under a condition";
    }
}

/* A contradiction cites the restriction and at most this many of the clauses contradicting
 * it (its message counts them all), so a huge policy that repeats itself gives findings of
 * bounded size rather than one citation per pair. */
#define PC_MAX_CITED 8

/* One finding for the restriction all[i]: the plain statements of its policy on its topic
 * (all[lo..hi), one policy and topic) that fall within it. */
static int pc_contradiction(pc_comparison *c, const pc_stance_at *all, size_t lo, size_t hi,
                            size_t i)
{
    const pc_stance_at *neg = &all[i];
    pc_ref refs[1 + PC_MAX_CITED];
    size_t nrefs = 0, total = 0, first = 0, last = PC_NO_CLAUSE;
    refs[nrefs++] = (pc_ref){neg->policy, neg->clause, -1};
    for (size_t j = lo; j < hi; j++) {
        if (pc_conflict(neg, &all[j]) < 0 || all[j].clause == last)
            continue;
        last = all[j].clause;
        if (total++ == 0)
            first = j;
        if (nrefs < 1 + PC_MAX_CITED)
            refs[nrefs++] = (pc_ref){all[j].policy, all[j].clause, -1};
    }
    if (!total)
        return 0;
    const pc_policy *p = c->policies[neg->policy];
    const pc_topic *t = &c->tax->topics[neg->st->topic];
    char ea[200], eb[200], more[64] = "";
    pc_policy_excerpt(p, neg->clause, 150, ea, sizeof ea);
    pc_policy_excerpt(p, all[first].clause, 150, eb, sizeof eb);
    if (total > 1)
        snprintf(more, sizeof more, ", and %zu more clause%s", total - 1, total > 2 ? "s" : "");
    return pc_cmp_add(c, PC_FIND_CONTRADICTION, (pc_severity)pc_conflict(neg, &all[first]),
                      t->category, refs, nrefs, "%s: \"%s\" (%s) vs \"%s\" (does)%s", t->name,
                      ea, pc_polarity_phrase(neg->st->polarity), eb, more);
}

static int pc_collect_stances(const pc_comparison *c, pc_stance_at **out, size_t *n)
{
    size_t cap = 0;
    *out = NULL;
    *n = 0;
    for (size_t pi = 0; pi < c->npolicies; pi++) {
        const pc_classified *cls = c->policies[pi]->cls;
        for (size_t k = 0; k < cls->nclauses; k++) {
            const pc_clause_result *r = &cls->clauses[k];
            for (size_t s = 0; s < r->nstances; s++) {
                if (pc_grow(out, &cap, *n + 1, sizeof **out) < 0)
                    return -1;
                (*out)[(*n)++] = (pc_stance_at){(int)pi, k, &cls->stances[r->stance_first + s],
                                                cls};
            }
        }
    }
    return 0;
}

/* Contradictions stay inside one policy and one topic: all is sorted by (policy, topic,
 * clause), so each restriction is compared with its own group only. */
static int pc_contradictions(pc_comparison *c, const pc_stance_at *all, size_t n)
{
    for (size_t lo = 0, hi; lo < n; lo = hi) {
        for (hi = lo + 1; hi < n && all[hi].policy == all[lo].policy &&
                          all[hi].st->topic == all[lo].st->topic;
             hi++)
            ;
        for (size_t i = lo; i < hi; i++) {
            pc_polarity p = all[i].st->polarity;
            if ((p == PC_POL_DOES_NOT || p == PC_POL_WITH_CONSENT) &&
                pc_contradiction(c, all, lo, hi, i) < 0)
                return -1;
        }
    }
    return 0;
}

/* Polarities policy pi takes on topic t, as a bit set (bit = pc_polarity). */
static unsigned pc_policy_polarities(const pc_stance_at *all, size_t n, int pi, int t)
{
    unsigned bits = 0;
    for (size_t i = 0; i < n; i++)
        if (all[i].policy == pi && all[i].st->topic == t)
            bits |= 1u << all[i].st->polarity;
    return bits;
}

static int pc_topic_disagreement(pc_comparison *c, const pc_stance_at *all, size_t n, int t)
{
    unsigned long does = 0, doesnt = 0;
    for (size_t pi = 0; pi < c->npolicies; pi++) {
        unsigned bits = pc_policy_polarities(all, n, (int)pi, t);
        if (bits == 1u << PC_POL_DOES)
            does |= 1ul << pi;
        else if (bits == 1u << PC_POL_DOES_NOT)
            doesnt |= 1ul << pi;
    }
    if (!does || !doesnt)
        return 0;
    pc_ref *refs = malloc(n * sizeof *refs);
    if (!refs)
        return -1;
    size_t nrefs = 0;
    pc_buf yes = {0}, no = {0};
    for (size_t i = 0; i < n; i++) {
        unsigned long bit = 1ul << all[i].policy;
        if (all[i].st->topic != t || !((does | doesnt) & bit))
            continue;
        refs[nrefs++] = (pc_ref){all[i].policy, all[i].clause, -1};
    }
    for (size_t pi = 0; pi < c->npolicies; pi++) {
        pc_buf *b = (does >> pi) & 1 ? &yes : (doesnt >> pi) & 1 ? &no : NULL;
        if (b)
            pc_buf_printf(b, "%s%s", b->len ? ", " : "", c->policies[pi]->id);
    }
    const pc_topic *topic = &c->tax->topics[t];
    int rc = pc_cmp_add(c, PC_FIND_DISAGREEMENT, PC_SEV_MEDIUM, topic->category, refs, nrefs,
                        "%s: %s say%s it does; %s say%s it does not", topic->name, yes.data,
                        __builtin_popcountl(does) == 1 ? "s" : "", no.data,
                        __builtin_popcountl(doesnt) == 1 ? "s" : "");
    pc_buf_free(&yes);
    pc_buf_free(&no);
    free(refs);
    return rc;
}

/* Order by policy, topic, then document order (the stance's position for ties). */
static int pc_stance_cmp(const void *a, const void *b)
{
    const pc_stance_at *x = a, *y = b;
    if (x->policy != y->policy)
        return x->policy < y->policy ? -1 : 1;
    if (x->st->topic != y->st->topic)
        return x->st->topic < y->st->topic ? -1 : 1;
    if (x->clause != y->clause)
        return x->clause < y->clause ? -1 : 1;
    return x->st < y->st ? -1 : x->st > y->st;
}

int pc_cmp_stances(pc_comparison *c)
{
    pc_stance_at *all;
    size_t n;
    int rc = pc_collect_stances(c, &all, &n);
    if (rc == 0 && n > 1)
        qsort(all, n, sizeof *all, pc_stance_cmp);
    if (rc == 0)
        rc = pc_contradictions(c, all, n);
    for (size_t t = 0; rc == 0 && c->npolicies > 1 && t < c->tax->ntopics; t++)
        rc = pc_topic_disagreement(c, all, n, (int)t);
    free(all);
    return rc;
}

/* compare_stance.c: findings from stances.
 *
 * contradiction: two clauses of one policy take conflicting stances on one topic, and their
 *   scopes overlap in every dimension (data, recipient, purpose): a dimension overlaps when
 *   either clause names no scope in it (it is general) or both name a common one. Conflicts:
 *   does vs does-not (high); does vs with-consent (medium: one clause asks for consent that
 *   the other does not mention). A conditional stance conflicts with nothing: its condition
 *   may be what reconciles it.
 * disagreement: for one topic, some policies only say they do it and others only say they
 *   do not (one finding per topic, medium).
 */
#include "compare_internal.h"

#include <stdlib.h>
#include <string.h>

/* A stance with where it stands. Plain value; st is borrowed from a pc_classified. */
typedef struct pc_stance_at {
    int policy;
    size_t clause;
    const pc_stance *st;
    const pc_classified *cls;
} pc_stance_at;

static int pc_scope_overlap(const pc_stance_at *a, const pc_stance_at *b, pc_scope_dim dim)
{
    int na = 0, nb = 0;
    for (size_t i = 0; i < a->st->nscopes; i++)
        na += a->cls->scopes[a->st->scope_first + i].dim == dim;
    for (size_t j = 0; j < b->st->nscopes; j++)
        nb += b->cls->scopes[b->st->scope_first + j].dim == dim;
    if (na == 0 || nb == 0)
        return 1;
    for (size_t i = 0; i < a->st->nscopes; i++) {
        const pc_scope_ref *x = &a->cls->scopes[a->st->scope_first + i];
        for (size_t j = 0; x->dim == dim && j < b->st->nscopes; j++) {
            const pc_scope_ref *y = &b->cls->scopes[b->st->scope_first + j];
            if (y->dim == dim && y->index == x->index)
                return 1;
        }
    }
    return 0;
}

/* The severity of a conflict between two polarities, or -1 when they do not conflict. */
static int pc_conflict(pc_polarity a, pc_polarity b)
{
    if ((a == PC_POL_DOES && b == PC_POL_DOES_NOT) || (a == PC_POL_DOES_NOT && b == PC_POL_DOES))
        return PC_SEV_HIGH;
    if ((a == PC_POL_DOES && b == PC_POL_WITH_CONSENT) ||
        (a == PC_POL_WITH_CONSENT && b == PC_POL_DOES))
        return PC_SEV_MEDIUM;
    return -1;
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

static int pc_contradiction(pc_comparison *c, const pc_stance_at *a, const pc_stance_at *b)
{
    int sev = pc_conflict(a->st->polarity, b->st->polarity);
    if (sev < 0 || a->clause == b->clause)
        return 0;
    for (int d = 0; d < PC_DIM_COUNT; d++)
        if (!pc_scope_overlap(a, b, (pc_scope_dim)d))
            return 0;
    const pc_policy *p = c->policies[a->policy];
    const pc_topic *t = &c->tax->topics[a->st->topic];
    char ea[200], eb[200];
    pc_cmp_excerpt(p, a->clause, 150, ea, sizeof ea);
    pc_cmp_excerpt(p, b->clause, 150, eb, sizeof eb);
    pc_ref refs[2] = {{a->policy, a->clause, -1}, {b->policy, b->clause, -1}};
    return pc_cmp_add(c, PC_FIND_CONTRADICTION, (pc_severity)sev, t->category, refs, 2,
                      "%s: \"%s\" (%s) vs \"%s\" (%s)", t->name, ea,
                      pc_polarity_phrase(a->st->polarity), eb,
                      pc_polarity_phrase(b->st->polarity));
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

static int pc_contradictions(pc_comparison *c, const pc_stance_at *all, size_t n)
{
    for (size_t i = 0; i < n; i++)
        for (size_t j = i + 1; j < n && all[j].policy == all[i].policy; j++)
            if (all[j].st->topic == all[i].st->topic && pc_contradiction(c, &all[i], &all[j]) < 0)
                return -1;
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

int pc_cmp_stances(pc_comparison *c)
{
    pc_stance_at *all;
    size_t n;
    int rc = pc_collect_stances(c, &all, &n);
    if (rc == 0)
        rc = pc_contradictions(c, all, n);
    for (size_t t = 0; rc == 0 && c->npolicies > 1 && t < c->tax->ntopics; t++)
        rc = pc_topic_disagreement(c, all, n, (int)t);
    free(all);
    return rc;
}

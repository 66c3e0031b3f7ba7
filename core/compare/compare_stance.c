/* compare_stance.c: disagreements from stances: for one topic, some policies only say they do
 * it and others only say they do not (one finding per topic, medium). Contradictions inside a
 * policy rest on statement frames instead (compare_contra.c).
 */
#include "compare/compare_internal.h"

#include <stdlib.h>
#include <string.h>

/* A stance with where it stands. Plain value; st is borrowed from a pc_classified. */
typedef struct pc_stance_at {
    int policy;
    size_t clause;
    const pc_stance *st;
    const pc_classified *cls;
} pc_stance_at;

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
                (*out)[(*n)++] =
                    (pc_stance_at){(int)pi, k, &cls->stances[r->stance_first + s], cls};
            }
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
    for (size_t t = 0; rc == 0 && c->npolicies > 1 && t < c->tax->ntopics; t++)
        rc = pc_topic_disagreement(c, all, n, (int)t);
    free(all);
    return rc;
}

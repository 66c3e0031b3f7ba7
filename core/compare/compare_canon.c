/* compare_canon.c: telling repeated texts apart from distinct ones, for the detectors that read
 * each distinct clause once (compare_internal.h). */
#include "compare/compare_internal.h"
#include "util/hash.h"

#include <stdlib.h>
#include <string.h>

uint64_t pc_cmp_hash(const char *s, size_t n)
{
    return pc_fnv64(PC_FNV_SEED, s, n);
}

/* An open-addressing table of distinct texts, at most three quarters full: slot[i] holds
 * clause slot[i] - 1 (0: empty) and hash[i] the low 32 bits of its hash. Plain value; owns
 * the arrays. It grows with the distinct texts, not the clauses: a policy that repeats itself
 * keeps a small table. */
typedef struct cn_table {
    uint32_t *slot, *hash;
    size_t cap, n;
} cn_table;

static int cn_alloc(cn_table *t, size_t cap)
{
    t->slot = calloc(cap, sizeof *t->slot);
    t->hash = calloc(cap, sizeof *t->hash);
    t->cap = cap;
    return t->slot && t->hash ? 0 : -1;
}

static void cn_put(cn_table *t, uint32_t slot, uint32_t hash)
{
    size_t i = hash & (t->cap - 1);
    while (t->slot[i])
        i = (i + 1) & (t->cap - 1);
    t->slot[i] = slot;
    t->hash[i] = hash;
}

/* Room for one more text: the table doubled when it would pass three quarters full. */
static int cn_room(cn_table *t)
{
    if ((t->n + 1) * 4 <= t->cap * 3)
        return 0;
    cn_table g = {0};
    if (cn_alloc(&g, t->cap * 2) < 0) {
        free(g.slot);
        free(g.hash);
        return -1;
    }
    for (size_t i = 0; i < t->cap; i++)
        if (t->slot[i])
            cn_put(&g, t->slot[i], t->hash[i]);
    g.n = t->n;
    free(t->slot);
    free(t->hash);
    *t = g;
    return 0;
}

/* Clause k's canon: the first clause before it with its text, else k (then added to t). */
static int cn_find(cn_table *t, const pc_policy *p, uint32_t k, uint32_t *canon)
{
    size_t len, olen;
    const char *s = pc_policy_clause_text(p, k, &len);
    uint32_t h = (uint32_t)pc_cmp_hash(s, len);
    for (size_t i = h & (t->cap - 1); t->slot[i]; i = (i + 1) & (t->cap - 1)) {
        const char *o = pc_policy_clause_text(p, t->slot[i] - 1, &olen);
        if (t->hash[i] == h && olen == len && !memcmp(o, s, len)) {
            *canon = t->slot[i] - 1;
            return 0;
        }
    }
    if (cn_room(t) < 0)
        return -1;
    cn_put(t, k + 1, h);
    t->n++;
    *canon = k;
    return 0;
}

/* Clause indexes fit 32 bits (a policy of 2^32 - 1 clauses or more is refused as out of
 * memory; its text could not be loaded, util.h's PC_TEXT_MAX). */
uint32_t *pc_cmp_canon(const pc_policy *p)
{
    size_t n = p->outline->nclauses;
    if (n >= UINT32_MAX)
        return NULL;
    cn_table t = {0};
    uint32_t *canon = malloc((n ? n : 1) * sizeof *canon);
    int rc = canon && cn_alloc(&t, 16) == 0 ? 0 : -1;
    for (uint32_t k = 0; rc == 0 && k < n; k++)
        rc = cn_find(&t, p, k, &canon[k]);
    free(t.slot);
    free(t.hash);
    if (rc < 0) {
        free(canon);
        return NULL;
    }
    return canon;
}

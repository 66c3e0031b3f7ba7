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

void pc_cmp_table_free(pc_cmp_table *t)
{
    free(t->slot);
    free(t->hash);
}

static void ct_put(pc_cmp_table *t, uint32_t slot, uint32_t hash)
{
    size_t i = hash & (t->cap - 1);
    while (t->slot[i])
        i = (i + 1) & (t->cap - 1);
    t->slot[i] = slot;
    t->hash[i] = hash;
}

/* Room for one more entry: the table doubled when it would pass three quarters full. */
static int ct_room(pc_cmp_table *t)
{
    if (t->cap && (t->n + 1) * 4 <= t->cap * 3)
        return 0;
    pc_cmp_table g = {.cap = t->cap ? t->cap * 2 : 64, .n = t->n};
    g.slot = calloc(g.cap, sizeof *g.slot);
    g.hash = calloc(g.cap, sizeof *g.hash);
    if (!g.slot || !g.hash) {
        pc_cmp_table_free(&g);
        return -1;
    }
    for (size_t i = 0; i < t->cap; i++)
        if (t->slot[i])
            ct_put(&g, t->slot[i], t->hash[i]);
    pc_cmp_table_free(t);
    *t = g;
    return 0;
}

int pc_cmp_table_add(pc_cmp_table *t, uint32_t k, uint32_t h)
{
    if (ct_room(t) < 0)
        return -1;
    ct_put(t, k + 1, h);
    t->n++;
    return 0;
}

/* Clause k's canon: the first clause before it with its text, else k (then added to t). */
static int cn_find(pc_cmp_table *t, const pc_policy *p, uint32_t k, uint32_t *canon)
{
    size_t len, olen;
    const char *s = pc_policy_clause_text(p, k, &len);
    uint32_t h = (uint32_t)pc_cmp_hash(s, len);
    for (size_t i = t->cap ? h & (t->cap - 1) : 0; t->cap && t->slot[i];
         i = (i + 1) & (t->cap - 1)) {
        const char *o = pc_policy_clause_text(p, t->slot[i] - 1, &olen);
        if (t->hash[i] == h && olen == len && !memcmp(o, s, len)) {
            *canon = t->slot[i] - 1;
            return 0;
        }
    }
    if (pc_cmp_table_add(t, k, h) < 0)
        return -1;
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
    pc_cmp_table t = {0};
    uint32_t *canon = malloc((n ? n : 1) * sizeof *canon);
    int rc = canon ? 0 : -1;
    for (uint32_t k = 0; rc == 0 && k < n; k++)
        rc = cn_find(&t, p, k, &canon[k]);
    pc_cmp_table_free(&t);
    if (rc < 0) {
        free(canon);
        return NULL;
    }
    return canon;
}

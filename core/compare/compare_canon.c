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

/* An open-addressing table of distinct texts, at most three quarters full: slot i holds
 * clause slot[i] - 1 (0: empty) and the low 32 bits of its hash. Clause indexes fit 32 bits
 * (a policy of 2^32 clauses is refused as out of memory). */
size_t *pc_cmp_canon(const pc_policy *p)
{
    size_t n = p->outline->nclauses, cap = 16;
    if (n >= UINT32_MAX)
        return NULL;
    while (cap < n + n / 3 + 2)
        cap *= 2;
    uint32_t *slot = calloc(cap, sizeof *slot);
    uint32_t *hash = calloc(cap, sizeof *hash);
    size_t *canon = malloc((n ? n : 1) * sizeof *canon);
    if (!slot || !hash || !canon) {
        free(canon);
        canon = NULL;
    }
    for (size_t k = 0; canon && k < n; k++) {
        size_t len, olen;
        const char *s = pc_policy_clause_text(p, k, &len);
        uint64_t h = pc_cmp_hash(s, len);
        for (size_t i = (size_t)h & (cap - 1);; i = (i + 1) & (cap - 1)) {
            if (!slot[i]) {
                slot[i] = (uint32_t)k + 1;
                hash[i] = (uint32_t)h;
                canon[k] = k;
                break;
            }
            const char *o = pc_policy_clause_text(p, slot[i] - 1, &olen);
            if (hash[i] == (uint32_t)h && olen == len && !memcmp(o, s, len)) {
                canon[k] = slot[i] - 1;
                break;
            }
        }
    }
    free(slot);
    free(hash);
    return canon;
}

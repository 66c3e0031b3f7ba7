/* prefilter_roots.c: the literals inside literals of a prefilter's database, and the tables
 * the cache file keeps of them (see prefilter_internal.h).
 */
#include "taxonomy/prefilter_internal.h"

#include "taxonomy/literal.h"

#include "util/util.h"

#include <stdlib.h>
#include <string.h>

/* ---- literals inside literals -----------------------------------------------------------
 * A distinct literal that contains another of at least PF_MIN_ROOT bytes can stay out of the
 * database: it is built on a root (the longest literal inside it that contains no other and
 * is rare enough, PF_HOST_RARITY), the root is reported at every occurrence, and each
 * occurrence checks in place whether one of the literals built on it surrounds it. The scan
 * sees exactly the literals it saw before, and the database (706 literals instead of 1,724
 * for the default taxonomy) compiles about twice as fast. A case-sensitive literal can be
 * built on a caseless root, not the reverse. A literal with no such root is its own entry. */
#define PF_MIN_ROOT 3
#define PF_MAX_SUB  128 /* literals this long or longer are always roots */
/* Only a root rarer than this (pc_lit_rarity) carries others: a common one ("use") would be
 * reported at every occurrence, which cost more scan time than the smaller database saved. */
#define PF_HOST_RARITY 1e-4

/* pf_hash: the distinct literals by (bytes, caseless); slots hold u + 1, 0 is empty. heads:
 * a bit per hash of the lowercased first PF_MIN_ROOT bytes of the literals, so most places in
 * a literal are passed over without a lookup. Owns slots; borrows pf. */
#define PF_HEAD_BITS 16
typedef struct pf_hash {
    const pc_prefilter *pf;
    unsigned *slots;
    size_t mask;
    uint64_t heads[(1u << PF_HEAD_BITS) / 64];
} pf_hash;

static uint64_t pf_hash_seed(int caseless)
{
    return caseless ? 0x9e3779b97f4a7c15ull : 14695981039346656037ull;
}

static uint64_t pf_hash_step(uint64_t h, char c)
{
    return (h ^ (unsigned char)c) * 1099511628211ull;
}

static size_t pf_hash_of(const char *s, size_t n, int caseless)
{
    uint64_t h = pf_hash_seed(caseless);
    for (size_t i = 0; i < n; i++)
        h = pf_hash_step(h, s[i]);
    return (size_t)(h ^ (h >> 29));
}

static char pf_lower(char c)
{
    return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

/* The heads bit of the PF_MIN_ROOT bytes at s, lowercased. */
static size_t pf_head(const char *s)
{
    size_t v = 0;
    for (size_t i = 0; i < PF_MIN_ROOT; i++)
        v = v * 131 + (unsigned char)pf_lower(s[i]);
    return v & ((1u << PF_HEAD_BITS) - 1);
}

static int pf_hash_init(pf_hash *h, const pc_prefilter *pf)
{
    size_t cap = 16;
    while (cap < 2 * pf->nuniq)
        cap *= 2;
    memset(h, 0, sizeof *h);
    h->pf = pf;
    h->mask = cap - 1;
    if (!(h->slots = calloc(cap, sizeof *h->slots)))
        return -1;
    for (size_t u = 0; u < pf->nuniq; u++) {
        if (pf->ulen[u] >= PF_MIN_ROOT) {
            size_t b = pf_head(pf->ustr[u]);
            h->heads[b / 64] |= 1ull << (b % 64);
        }
        size_t k = pf_hash_of(pf->ustr[u], pf->ulen[u], pf->ucase[u]) & h->mask;
        while (h->slots[k])
            k = (k + 1) & h->mask;
        h->slots[k] = (unsigned)u + 1;
    }
    return 0;
}

/* The distinct literal s[0..n) with that caseless flag and hash (pf_hash_step over s from
 * pf_hash_seed), or -1. */
static long pf_hash_find(const pf_hash *h, uint64_t hv, const char *s, size_t n, int caseless)
{
    const pc_prefilter *pf = h->pf;
    for (size_t k = (size_t)(hv ^ (hv >> 29)) & h->mask; h->slots[k]; k = (k + 1) & h->mask) {
        size_t u = h->slots[k] - 1;
        if (pf->ulen[u] == n && pf->ucase[u] == caseless && !memcmp(pf->ustr[u], s, n))
            return (long)u;
    }
    return -1;
}

/* The longest distinct literal inside u (not u itself, at least PF_MIN_ROOT bytes; the first
 * of equal length) that is a root able to carry it (root[v] == 2; root NULL: any literal), or
 * -1. A case-sensitive u
 * looks for its pieces as they are and lowercased (caseless literals). */
static long pf_inner(const pf_hash *h, size_t u, const unsigned char *root)
{
    const pc_prefilter *pf = h->pf;
    const char *s = pf->ustr[u];
    size_t n = pf->ulen[u], best_len = 0;
    int cl = pf->ucase[u];
    long best = -1;
    char low[PF_MAX_SUB];
    if (n >= PF_MAX_SUB)
        return -1;
    for (size_t i = 0; i < n; i++)
        low[i] = pf_lower(s[i]);
    for (size_t at = 0; at + PF_MIN_ROOT <= n; at++) {
        size_t b = pf_head(s + at);
        if (!(h->heads[b / 64] >> (b % 64) & 1))
            continue; /* no literal starts like this */
        uint64_t hs = pf_hash_seed(cl), hl = pf_hash_seed(1);
        for (size_t len = 1; at + len <= n; len++) {
            hs = pf_hash_step(hs, s[at + len - 1]);
            hl = pf_hash_step(hl, low[at + len - 1]);
            if (len < PF_MIN_ROOT || len <= best_len)
                continue;
            long v = pf_hash_find(h, hs, s + at, len, cl);
            if (v < 0 && !cl)
                v = pf_hash_find(h, hl, low + at, len, 1);
            if (v >= 0 && (size_t)v != u && (!root || root[v] == 2)) {
                if (!root)
                    return v;
                best = v;
                best_len = len;
            }
        }
    }
    return best;
}

/* Each offset of root r inside literal d: counted into *k, and stored at dep_*[*k] when fill. */
static void pf_dep_offsets(pc_prefilter *pf, size_t r, size_t d, size_t *k, int fill)
{
    for (size_t at = 0; at + pf->ulen[r] <= pf->ulen[d]; at++)
        if (pc_pf_lit_at(pf, r, pf->ustr[d] + at)) {
            if (fill) {
                pf->dep_lit[*k] = (unsigned)d;
                pf->dep_off[*k] = (unsigned)at;
            }
            (*k)++;
        }
}

/* Every distinct literal's root chosen here (see above) into pf->uroot. -1: out of memory. */
static int pf_choose_roots(pc_prefilter *pf)
{
    size_t nu = pf->nuniq;
    pf_hash h;
    unsigned char *root = calloc(nu ? nu : 1, 1);
    if (!root || pf_hash_init(&h, pf) < 0) {
        free(root);
        return -1;
    }
    for (size_t u = 0; u < nu; u++) /* 2: a root that may carry others */
        root[u] =
            pf_inner(&h, u, NULL) < 0 ? (pc_lit_rarity(pf->ustr[u]) < PF_HOST_RARITY ? 2 : 1) : 0;
    for (size_t u = 0; u < nu; u++) {
        long p = root[u] ? -1 : pf_inner(&h, u, root);
        pf->uroot[u] = p < 0 ? UINT32_MAX : (unsigned)p;
    }
    free(h.slots);
    free(root);
    return 0;
}

/* ---- the tables in the cache file --------------------------------------------------------- */

static uint32_t pf_get32(const char *p)
{
    uint32_t v;
    memcpy(&v, p, 4);
    return v;
}

/* Where the roots start in tables `tab` holding n literals in order (NULL: not well-formed). */
static const char *pf_tables_roots_at(const pc_pfcache_blob *tab, size_t n)
{
    if (tab->len < 8 || pf_get32(tab->p) != n || (tab->len - 8) / 4 < n)
        return NULL;
    return tab->p + 4 + 4 * n;
}

int pc_pf_tables_order(const pc_pfcache_blob *tab, size_t n, unsigned *order)
{
    if (!pf_tables_roots_at(tab, n))
        return -1;
    for (size_t i = 0; i < n; i++)
        order[i] = pf_get32(tab->p + 4 + 4 * i);
    return 0;
}

/* The roots from tables `tab` into pf->uroot when they are consistent: every literal a root
 * or built on a root of no stricter case that occurs inside it. 0, or -1 (uroot unchanged). */
static int pf_cached_roots(pc_prefilter *pf, const pc_pfcache_blob *tab)
{
    const char *at = pf_tables_roots_at(tab, pf->norder);
    size_t nu = pf->nuniq;
    if (!at || pf_get32(at) != nu || (size_t)(tab->p + tab->len - at - 4) != 4 * nu)
        return -1;
    for (size_t u = 0; u < nu; u++) {
        uint32_t r = pf_get32(at + 4 + 4 * u);
        if (r == UINT32_MAX)
            continue;
        size_t k = 0;
        if (r >= nu || r == u || pf_get32(at + 4 + 4 * r) != UINT32_MAX ||
            (pf->ucase[u] && !pf->ucase[r]))
            return -1;
        pf_dep_offsets(pf, r, u, &k, 0);
        if (!k)
            return -1;
    }
    for (size_t u = 0; u < nu; u++)
        pf->uroot[u] = pf_get32(at + 4 + 4 * u);
    return 0;
}

static int pf_put32(pc_buf *b, size_t v)
{
    uint32_t w = (uint32_t)v;
    return pc_buf_add(b, &w, 4);
}

char *pc_pf_tables_encode(const pc_prefilter *pf, size_t *len)
{
    pc_buf b = {0};
    int rc = pf_put32(&b, pf->norder);
    for (size_t i = 0; i < pf->norder && rc == 0; i++)
        rc = pf_put32(&b, pf->order[i]);
    rc = rc < 0 ? -1 : pf_put32(&b, pf->nuniq);
    for (size_t u = 0; u < pf->nuniq && rc == 0; u++)
        rc = pf_put32(&b, pf->uroot[u]);
    if (rc < 0) {
        pc_buf_free(&b);
        return NULL;
    }
    *len = b.len;
    return pc_buf_steal(&b);
}

/* ---- the roots ---------------------------------------------------------------------------- */

/* Choose the roots (uroot UINT32_MAX), every other literal's root (uroot), and list per root
 * the literals built on it with the root's offsets in them (see above). */
int pc_pf_roots(pc_prefilter *pf, const pc_pfcache_blob *tab)
{
    size_t nu = pf->nuniq, ndeps = 0;
    pf->uroot = calloc(nu ? nu : 1, sizeof *pf->uroot);
    pf->dep_first = calloc(nu + 1, sizeof *pf->dep_first);
    if (!pf->uroot || !pf->dep_first ||
        ((!tab || pf_cached_roots(pf, tab) < 0) && pf_choose_roots(pf) < 0))
        return -1;
    for (size_t u = 0; u < nu; u++) {
        size_t c = 0, p = pf->uroot[u];
        if (p != UINT32_MAX)
            pf_dep_offsets(pf, p, u, &c, 0);
        pf->dep_first[(p != UINT32_MAX ? p : u) + 1] += (unsigned)c;
        ndeps += c;
    }
    for (size_t u = 0; u < nu; u++)
        pf->dep_first[u + 1] += pf->dep_first[u];
    pf->dep_lit = calloc(ndeps ? ndeps : 1, sizeof *pf->dep_lit);
    pf->dep_off = calloc(ndeps ? ndeps : 1, sizeof *pf->dep_off);
    size_t *pos = calloc(nu ? nu : 1, sizeof *pos);
    int rc = pf->dep_lit && pf->dep_off && pos ? 0 : -1;
    for (size_t u = 0; rc == 0 && u < nu; u++)
        pos[u] = pf->dep_first[u];
    for (size_t u = 0; rc == 0 && u < nu; u++)
        if (pf->uroot[u] != UINT32_MAX)
            pf_dep_offsets(pf, pf->uroot[u], u, &pos[pf->uroot[u]], 1);
    free(pos);
    return rc;
}

/* ---- the windows the scan tests first ------------------------------------------------- */

int pc_pf_dep_windows(pc_prefilter *pf)
{
    size_t n = pf->dep_first[pf->nuniq];
    pf->dep = pc_calloc_big(n ? n : 1, sizeof *pf->dep);
    if (!pf->dep)
        return -1;
    for (size_t r = 0; r < pf->nuniq; r++)
        for (size_t k = pf->dep_first[r]; k < pf->dep_first[r + 1]; k++) {
            size_t d = pf->dep_lit[k], len = pf->ulen[d], off = pf->dep_off[k];
            size_t wn = len < 8 ? len : 8;
            /* the bytes before the root when there are some, else the last ones */
            size_t ws = off ? (off > 8 ? off - 8 : 0) : len - wn;
            const unsigned char *lo = pf->flo + pf->ufold[d], *mask = pf->fmask + pf->ufold[d];
            pf->dep[k] = (pf_dep){pc_pf_load(lo + ws, wn), pc_pf_load(mask + ws, wn),
                                  (uint32_t)d, (uint16_t)(pf->ulen[r] + off), (uint16_t)len,
                                  (uint8_t)ws, (uint8_t)wn};
        }
    return 0;
}

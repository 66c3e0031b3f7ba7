/* word_index.c: see word_index.h. */
#include "util/word_index.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>

#define PC_WIX_TABLES 512 /* tables remembered (open addressing, a power of two) */

/* One table's index: chains of entries by first-word hash, each chain in table order. One
 * allocation with its arrays; owned by the registry. */
struct pc_word_index {
    const char *const *first;
    size_t n, stride;
    uint32_t mask;  /* buckets - 1 */
    int32_t *head;  /* bucket -> its first entry, -1: none */
    int32_t *next;  /* entry -> the next entry of its bucket, -1: none */
    uint32_t *hash; /* entry -> its first word's hash */
    uint32_t *hash2; /* entry -> its second word's hash, when two[entry] */
    unsigned char *two; /* entry -> 1 when it has a second word that is not "*" */
};

static _Atomic(pc_word_index *) pc_wix_slots[PC_WIX_TABLES];
static pthread_mutex_t pc_wix_lock = PTHREAD_MUTEX_INITIALIZER;

uint32_t pc_word_hash(const char *w, size_t n)
{
    uint32_t h = PC_WORD_HASH_SEED;
    for (size_t i = 0; i < n; i++)
        h = pc_word_hash_add(h, (unsigned char)w[i]);
    return h;
}

uint32_t pc_word_hash_str(const char *w)
{
    uint32_t h = PC_WORD_HASH_SEED;
    for (; *w; w++)
        h = pc_word_hash_add(h, (unsigned char)*w);
    return h;
}

/* The hash of an entry's first word: its bytes up to a space or its end. */
static uint32_t pc_wix_first_hash(const char *p)
{
    size_t n = 0;
    while (p[n] && p[n] != ' ')
        n++;
    return pc_word_hash(p, n);
}

/* Whether phrase p has a second word other than "*" (words.h: a gap), its hash in *h. */
static int pc_wix_second(const char *p, uint32_t *h)
{
    while (*p && *p != ' ')
        p++;
    while (*p == ' ')
        p++;
    if (!*p || (*p == '*' && (p[1] == ' ' || !p[1])))
        return 0;
    *h = pc_wix_first_hash(p);
    return 1;
}

static pc_word_index *pc_wix_build(const char *const *first, size_t n, size_t stride)
{
    uint32_t buckets = 8;
    while (buckets < 2 * n)
        buckets *= 2;
    if (n > INT32_MAX / 4)
        return NULL;
    pc_word_index *ix = malloc(sizeof *ix + buckets * sizeof(int32_t) +
                               n * (sizeof(int32_t) + 2 * sizeof(uint32_t) + 1));
    if (!ix)
        return NULL;
    *ix = (pc_word_index){first, n, stride, buckets - 1, NULL, NULL, NULL, NULL, NULL};
    ix->head = (int32_t *)(void *)(ix + 1);
    ix->next = ix->head + buckets;
    ix->hash = (uint32_t *)(void *)(ix->next + n);
    ix->hash2 = ix->hash + n;
    ix->two = (unsigned char *)(ix->hash2 + n);
    for (uint32_t b = 0; b < buckets; b++)
        ix->head[b] = -1;
    for (size_t k = n; k-- > 0;) { /* prepending from the end keeps each chain in order */
        const char *p = pc_word_index_entry(first, stride, k);
        uint32_t h = pc_wix_first_hash(p);
        ix->hash[k] = h;
        ix->hash2[k] = 0;
        ix->two[k] = (unsigned char)pc_wix_second(p, &ix->hash2[k]);
        ix->next[k] = ix->head[h & ix->mask];
        ix->head[h & ix->mask] = (int32_t)k;
    }
    return ix;
}

static size_t pc_wix_slot(const char *const *first)
{
    return (size_t)(((uint64_t)(uintptr_t)first * 0x9E3779B97F4A7C15ull) >> 40) &
           (PC_WIX_TABLES - 1);
}

/* The slot holding the index of (first, n, stride), or the empty slot where it would go; -1
 * when the registry is full without it. */
static long pc_wix_find(const char *const *first, size_t n, size_t stride, pc_word_index **out)
{
    size_t s = pc_wix_slot(first);
    for (size_t probe = 0; probe < PC_WIX_TABLES; probe++, s = (s + 1) & (PC_WIX_TABLES - 1)) {
        pc_word_index *ix = atomic_load_explicit(&pc_wix_slots[s], memory_order_acquire);
        *out = ix;
        if (!ix || (ix->first == first && ix->n == n && ix->stride == stride))
            return (long)s;
    }
    *out = NULL;
    return -1;
}

/* pc_word_index_of when the index is not in its home slot: found further on, or built. Kept
 * out of line so that the common lookup saves no registers. */
__attribute__((noinline, cold)) static const pc_word_index *pc_wix_lookup(const char *const *first,
                                                                          size_t n, size_t stride)
{
    pc_word_index *ix;
    long s = pc_wix_find(first, n, stride, &ix);
    if (ix || s < 0)
        return ix;
    pthread_mutex_lock(&pc_wix_lock);
    s = pc_wix_find(first, n, stride, &ix); /* another thread may have built it meanwhile */
    if (!ix && s >= 0) {
        ix = pc_wix_build(first, n, stride);
        if (ix)
            atomic_store_explicit(&pc_wix_slots[s], ix, memory_order_release);
    }
    pthread_mutex_unlock(&pc_wix_lock);
    return ix;
}

const pc_word_index *pc_word_index_of(const char *const *first, size_t n, size_t stride)
{
    const pc_word_index *ix =
        atomic_load_explicit(&pc_wix_slots[pc_wix_slot(first)], memory_order_acquire);
    if (ix && ix->first == first && ix->n == n && ix->stride == stride)
        return ix; /* most lookups: the table in its home slot */
    return pc_wix_lookup(first, n, stride);
}

long pc_word_index_next(const pc_word_index *ix, uint32_t h, long after)
{
    int32_t k = after < 0 ? ix->head[h & ix->mask] : ix->next[after];
    while (k >= 0 && ix->hash[k] != h)
        k = ix->next[k];
    return k;
}

long pc_word_index_next2(const pc_word_index *ix, uint32_t h, const uint32_t *h2, long after)
{
    int32_t k = after < 0 ? ix->head[h & ix->mask] : ix->next[after];
    while (k >= 0 && (ix->hash[k] != h || (ix->two[k] && (!h2 || ix->hash2[k] != *h2))))
        k = ix->next[k];
    return k;
}

/* hash.c: see hash.h. */
#include "util/hash.h"

#include <xxhash.h>

#define FNV_PRIME 0x100000001b3ull

uint64_t pc_fnv64(uint64_t h, const void *data, size_t n)
{
    const unsigned char *p = data;
    for (size_t i = 0; i < n; i++) {
        h ^= p[i];
        h *= FNV_PRIME;
    }
    return h;
}

uint64_t pc_sum64(const void *data, size_t n)
{
    return XXH3_64bits(data, n);
}

int pc_keyed_cmp(const void *a, const void *b)
{
    const pc_keyed *x = a, *y = b;
    if (x->key != y->key)
        return x->key < y->key ? -1 : 1;
    return (x->at > y->at) - (x->at < y->at);
}

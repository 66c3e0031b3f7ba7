/* hash.h: the hashes of core. FNV-1a, 64 bits, for short keys (rule keys, feature keys,
 * repeated texts, names); XXH3 (xxHash), 64 bits, for checksums over megabytes (cache files).
 */
#ifndef POLCMP_HASH_H
#define POLCMP_HASH_H

#include <stddef.h>
#include <stdint.h>

/* The FNV-1a offset basis: start a hash with it. */
#define PC_FNV_SEED 0xcbf29ce484222325ull

/* FNV-1a over n bytes, continuing from h (PC_FNV_SEED for a new hash). */
uint64_t pc_fnv64(uint64_t h, const void *data, size_t n);

/* XXH3-64 of n bytes: a checksum that reads about 10 bytes a cycle (FNV-1a reads one in
 * several), detecting corruption as well. */
uint64_t pc_sum64(const void *data, size_t n);

/* A hash and a place, for sorting equal keys together in their first order (pc_keyed_cmp, a
 * qsort comparator: by key, then by place). Plain value. */
typedef struct pc_keyed {
    uint64_t key;
    size_t at;
} pc_keyed;

int pc_keyed_cmp(const void *a, const void *b);

#endif

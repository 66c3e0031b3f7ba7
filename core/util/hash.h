/* hash.h: FNV-1a, 64 bits, the one byte hash of core (rule keys, feature keys, file checksums,
 * repeated texts, names).
 */
#ifndef POLCMP_HASH_H
#define POLCMP_HASH_H

#include <stddef.h>
#include <stdint.h>

/* The FNV-1a offset basis: start a hash with it. */
#define PC_FNV_SEED 0xcbf29ce484222325ull

/* FNV-1a over n bytes, continuing from h (PC_FNV_SEED for a new hash). */
uint64_t pc_fnv64(uint64_t h, const void *data, size_t n);

#endif

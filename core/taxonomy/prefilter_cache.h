/* prefilter_cache.h: the compiled literal database of a taxonomy, kept in a file beside it.
 *
 * Deriving every rule's literals and compiling the Vectorscan database is most of a
 * taxonomy's load time. pc_tax_load() keeps the result in DIR/.NAME.cache beside the taxonomy
 * file, or in the user's cache directory when that directory takes no files (an installed
 * taxonomy in /usr/share/polcmp): every rule's literals (pc_rule_lits) and the serialized database. The file is keyed
 * by what it was made from: this program's build (its GNU build id, or without one the program
 * file's inode, size and time, so a rebuilt polcmp never trusts another build's derivation),
 * Vectorscan's version and every rule's pattern, options
 * and declared literal, in rule order. A cache is used only when its key matches, its
 * checksum holds and every field is well-formed; anything else (missing, stale, truncated,
 * corrupt, written by another build) is ignored and the cache is rebuilt and replaced
 * atomically (util/atomic.h). Failing to write one anywhere is not an error.
 * POLCMP_NO_CACHE=1 in the environment neither reads nor writes caches.
 *
 * Layout (native byte order; the build id pins the machine): "PCLITDB1", key (u64), payload
 * length (u64), payload checksum (u64, FNV-1a), then the payload: the number of rules (u32);
 * per rule: caseless (u8), source (u8), flags (u32), its key literals, its conjunction's
 * literals (each a u32 count of u32-length strings), the group ends and the term ends (each a
 * u32 count of u32 values); then the database (u64 length and its bytes).
 */
#ifndef POLCMP_PREFILTER_CACHE_H
#define POLCMP_PREFILTER_CACHE_H

#include "taxonomy/literal.h"
#include "taxonomy/taxonomy.h"

#include <hs.h>
#include <stddef.h>
#include <stdint.h>

/* The key of rules[0..n) for this program; 0 when caching is off (POLCMP_NO_CACHE, or the
 * program is not known). */
uint64_t pc_pfcache_key(const pc_rule *const *rules, size_t n);
/* The places a cache of taxonomy file `path` may be, in the order they are tried: out[0]
 * DIR/.NAME.cache beside it; out[1] NAME-HASH.cache in the user's cache directory
 * ($XDG_CACHE_HOME/polcmp, else ~/.cache/polcmp; HASH names the taxonomy's absolute path), or
 * NULL without one; out[2] NULL. 0, or -1 when out of memory (all NULL). Caller frees each. */
#define PC_PFCACHE_PLACES 3
int pc_pfcache_paths(const char *path, char *out[PC_PFCACHE_PLACES]);

/* Decode a cache file's bytes for `key` and `nrules` rules: lits[0..nrules) (zeroed by the
 * caller) are filled and *db, *dblen point at the serialized database inside data. Returns 0,
 * or -1 when the bytes are not a valid cache for that key (lits are then freed and zeroed).
 * check_sum 0 skips the checksum (for fuzzing the field checks). */
int pc_pfcache_decode(const char *data, size_t len, uint64_t key, size_t nrules,
                      pc_rule_lits *lits, const char **db, size_t *dblen, int check_sum);
/* The bytes of a cache file for `key`: lits[0..nrules) and the serialized database
 * db[0..dblen). Caller frees; NULL when out of memory. */
char *pc_pfcache_encode(uint64_t key, size_t nrules, const pc_rule_lits *lits, const char *db,
                        size_t dblen, size_t *len);

/* Read the cache at `path`: 0 with lits[0..nrules) (zeroed by the caller) filled and *db
 * deserialized (the caller owns both), or -1 when there is no usable cache (nothing to free). */
int pc_pfcache_load(const char *path, uint64_t key, size_t nrules, pc_rule_lits *lits,
                    hs_database_t **db);
/* Write the cache at `path` atomically (making the user's cache directory when missing): 0, or
 * -1 when it could not be written (no file is left; nothing is reported). */
int pc_pfcache_store(const char *path, uint64_t key, size_t nrules, const pc_rule_lits *lits,
                     const hs_database_t *db);

#endif

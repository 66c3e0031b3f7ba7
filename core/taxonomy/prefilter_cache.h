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
 * The file also holds the taxonomy's compiled PCRE2 patterns (recache.h) and its parsed YAML
 * document (doccache.h), read before the taxonomy is parsed (so before this key is known):
 * the patterns are checked one by one, the document against the YAML bytes' hash.
 *
 * Layout (native byte order; the build id pins the machine): "PCLITDB3", key (u64), payload
 * length (u64), payload checksum (u64, XXH3), then the payload: the compiled patterns' section
 * (recache.h), the document's section (doccache.h; empty when none was kept) and the
 * prefilter's tables (prefilter_roots.c), each a u64 length and its bytes;
 * the number of rules (u32);
 * per rule: caseless (u8), source (u8), flags (u32), its key literals, its conjunction's
 * literals (each a u32 count of u32-length strings), the group ends and the term ends (each a
 * u32 count of u32 values); then the serialized database (u64 length and its bytes).
 */
#ifndef POLCMP_PREFILTER_CACHE_H
#define POLCMP_PREFILTER_CACHE_H

#include "taxonomy/literal.h"
#include "taxonomy/recache.h"
#include "taxonomy/taxonomy.h"
#include "util/file.h"

#include <hs.h>
#include <stddef.h>
#include <stdint.h>

/* This program's build (its GNU build id, else its file's identity); 0 when caching is off
 * (POLCMP_NO_CACHE) or the build is not known. */
uint64_t pc_pfcache_build(void);
/* The key of rules[0..n) for this program; 0 when caching is off (POLCMP_NO_CACHE, or the
 * program is not known). */
uint64_t pc_pfcache_key(const pc_rule *const *rules, size_t n);
/* The places a cache of taxonomy file `path` may be, in the order they are tried: out[0]
 * DIR/.NAME.cache beside it; out[1] NAME-HASH.cache in the user's cache directory
 * ($XDG_CACHE_HOME/polcmp, else ~/.cache/polcmp; HASH names the taxonomy's absolute path), or
 * NULL without one; out[2] NULL. 0, or -1 when out of memory (all NULL). Caller frees each. */
#define PC_PFCACHE_PLACES 3
int pc_pfcache_paths(const char *path, char *out[PC_PFCACHE_PLACES]);

/* pc_pfcache_blob: bytes borrowed from a cache file (or to be written into one). */
typedef struct pc_pfcache_blob {
    const char *p;
    size_t len;
} pc_pfcache_blob;

/* pc_pfcache_parts: a cache file's parts besides the rules' literals, borrowed: the compiled
 * patterns (recache.h), the prefilter's tables, the serialized database and the parsed
 * document (doccache.h). */
typedef struct pc_pfcache_parts {
    pc_pfcache_blob codes, tables, db, doc;
} pc_pfcache_parts;

/* The compiled patterns' and the document's sections of a cache file's bytes, whatever its
 * key: 0 with *codes and *doc pointing into data, or -1 when the bytes are not a whole cache
 * file (check_sum 0 skips the checksum). */
int pc_pfcache_codes(const char *data, size_t len, pc_pfcache_blob *codes, pc_pfcache_blob *doc,
                     int check_sum);
/* pc_pfcache_ctx: one load's caches. Owns the places (NULL-terminated), the bytes of the
 * first of them holding a whole cache file (NULL when none; `place` says which), the
 * compiled patterns (taken from that file or compiled while the taxonomy is read) and
 * doc_made. `doc` is the document section to write: borrowed from data as read (the
 * taxonomy's reader takes it when its key holds), or doc_made when the reader parsed the YAML
 * and encoded its document (then the file is rewritten). */
typedef struct pc_pfcache_ctx {
    char *paths[PC_PFCACHE_PLACES];
    const char *data; /* file.p */
    size_t len, place;
    pc_file_map file;
    pc_recache re;
    pc_pfcache_blob doc;
    char *doc_made;
} pc_pfcache_ctx;

/* Open the caches of taxonomy file `path`: the places, and unless caching is off the first
 * whole cache file, whose compiled patterns are decoded for the load. 0, or -1 when out of
 * memory (close it anyway). */
int pc_pfcache_open(pc_pfcache_ctx *c, const char *path);
void pc_pfcache_close(pc_pfcache_ctx *c);

/* Decode a cache file's bytes for `key` and `nrules` rules: lits[0..nrules) (zeroed by the
 * caller) are filled and *parts point inside data. Returns 0, or -1 when the bytes are not a
 * valid cache for that key (lits are then freed and zeroed). check_sum 0 skips the checksum
 * (for fuzzing the field checks). */
int pc_pfcache_decode(const char *data, size_t len, uint64_t key, size_t nrules,
                      pc_rule_lits *lits, pc_pfcache_parts *parts, int check_sum);
/* The bytes of a cache file for `key`: lits[0..nrules) and the parts. Caller frees; NULL when
 * out of memory. */
char *pc_pfcache_encode(uint64_t key, size_t nrules, const pc_rule_lits *lits,
                        const pc_pfcache_parts *parts, size_t *len);

/* The bytes of the cache file at `path` in *f (mapped: the program replaces its cache files
 * whole) when it is a whole cache file whose checksum holds, whatever its key: 0, and the
 * caller releases *f with pc_file_unmap; else -1 (nothing to release). */
int pc_pfcache_read(const char *path, pc_file_map *f);
/* From a file's bytes read by pc_pfcache_read: 0 with lits[0..nrules) (zeroed by the caller)
 * filled, *db deserialized (the caller owns both) and *tables pointing into data, or -1 when
 * they do not hold the literals for `key` (nothing to free). */
int pc_pfcache_load(const char *data, size_t len, uint64_t key, size_t nrules,
                    pc_rule_lits *lits, hs_database_t **db, pc_pfcache_blob *tables);
/* Write the cache at `path` atomically (making the user's cache directory when missing): 0, or
 * -1 when it could not be written (no file is left; nothing is reported). */
int pc_pfcache_store(const char *path, uint64_t key, size_t nrules, const pc_rule_lits *lits,
                     const pc_pfcache_blob *codes, const pc_pfcache_blob *doc,
                     const pc_pfcache_blob *tables, const hs_database_t *db);

#endif

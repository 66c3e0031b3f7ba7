/* recache.h: a taxonomy's compiled PCRE2 patterns, kept in its cache file (prefilter_cache.h)
 * so that a load does not compile them again (compiling about 1,700 patterns is a third of a
 * load).
 *
 * A taxonomy compiles every pattern through pc_recache_compile, in file order. Given the codes
 * of an earlier load (pc_recache_decode), the next of them is taken instead of compiling when
 * its pattern and options are the same (the pattern's length and XXH3 hash, the options); from
 * the first that differs on, patterns are compiled. Every code is recorded (borrowed) so that
 * the set can be written for the next load (pc_recache_encode).
 *
 * Section layout (native byte order): key (u64: PCRE2's version and this program's build, see
 * pc_recache_key), count (u32), per code: options (u32), pattern length (u32), pattern hash
 * (u64); then the serialized codes (u64 length and pcre2_serialize_encode's bytes, holding
 * `count` codes). pcre2serialize(3) takes only trusted data: the cache file's checksum guards
 * it, and nothing here is decoded unless that checksum holds.
 */
#ifndef POLCMP_RECACHE_H
#define POLCMP_RECACHE_H

#ifndef PCRE2_CODE_UNIT_WIDTH
#define PCRE2_CODE_UNIT_WIDTH 8
#endif
#include <pcre2.h>
#include <stddef.h>
#include <stdint.h>

/* pc_recache_ent: one pattern: its options, length and hash, and its code. */
typedef struct pc_recache_ent {
    uint32_t opts, len;
    uint64_t hash;
    pcre2_code *code;
} pc_recache_ent;

/* pc_recache: owns `pre` and the codes in it from `next` on (decoded, not taken yet); owns the
 * array `made`, whose codes are borrowed (owned by the taxonomy's rules). Zero-initialize. */
typedef struct pc_recache {
    pc_recache_ent *pre;
    size_t npre, next;
    pc_recache_ent *made;
    size_t nmade, cap;
    const char *section; /* the section read, borrowed; rewritten as is when nothing changed */
    size_t section_len;
    int compiled; /* some pattern was compiled here */
} pc_recache;

/* The key of a section for this program: PCRE2's version and `build` (pc_pfcache_build); 0
 * when build is 0 (caching off, or the build not known). */
uint64_t pc_recache_key(uint64_t build);

/* Take the codes of section data[0..len) when its key is `key` and it is well-formed. The
 * bytes must stay alive while rc is used. 0, or -1 (rc unchanged: everything compiles). */
int pc_recache_decode(pc_recache *rc, const char *data, size_t len, uint64_t key);

/* The code of `pattern` under options `opts`: taken from the decoded codes when the next one is
 * the same, else compiled (pcre2_compile; *errcode and *erroff as it sets them when NULL is
 * returned). Either way recorded for pc_recache_encode. NULL on a bad pattern or no memory. */
pcre2_code *pc_recache_compile(pc_recache *rc, const char *pattern, uint32_t opts, int *errcode,
                               PCRE2_SIZE *erroff);

/* The section to write for every code recorded, under `key`: the section read when every code
 * came from it, else a new one (an empty one, count 0, when the codes cannot be serialized
 * together: some were taken and some compiled, so their character tables differ). Caller frees;
 * NULL when out of memory. */
char *pc_recache_encode(const pc_recache *rc, uint64_t key, size_t *len);

/* Free the codes never taken and the arrays (not the codes taken or compiled). */
void pc_recache_free(pc_recache *rc);

#endif

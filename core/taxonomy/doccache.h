/* doccache.h: a taxonomy's parsed YAML document, kept in its cache file (prefilter_cache.h) so
 * that a load does not parse the YAML again (libyaml's scanner was about a third of a warm
 * load's instructions).
 *
 * The section holds every node of the document as libyaml's loader made it: its kind, style,
 * line and column, and its scalar text, items or key/value pairs (node ids). The taxonomy's
 * reader (tax_yaml.h) walks the decoded document exactly as it walks a parsed one, checking
 * everything again; only the YAML syntax is not parsed. The section is keyed by the YAML
 * bytes' XXH3 hash and this program's build (pc_doccache_key), so any change to the file (a
 * comment included) or to the program parses afresh.
 *
 * Section layout (native byte order): key (u64), node count (u32); per node: type (u8), style
 * (u8), line (u32), column (u32), then for a scalar its length (u32), bytes and a NUL; for a
 * sequence its item count (u32) and node ids (u32 each); for a mapping its pair count (u32)
 * and key and value node ids (u32 each). Node ids count from 1, as libyaml's do.
 */
#ifndef POLCMP_DOCCACHE_H
#define POLCMP_DOCCACHE_H

#include <stddef.h>
#include <stdint.h>
#include <yaml.h>

/* pc_doccache: a decoded document. Owns the node, item and pair arrays; the scalars' text is
 * borrowed from the section's bytes, which must outlive it. Zero-initialize. */
typedef struct pc_doccache {
    yaml_document_t doc;
    yaml_node_t *nodes;
    yaml_node_item_t *items;
    yaml_node_pair_t *pairs;
} pc_doccache;

/* The key of a section for the YAML bytes data[0..len) under `build` (pc_pfcache_build); 0
 * when build is 0 (caching off). */
uint64_t pc_doccache_key(const char *data, size_t len, uint64_t build);

/* Decode section bytes[0..len) when its key is `key` and every field is well-formed (types
 * known, ids in range, the scalars' lengths, NULs and the section's end where they belong):
 * 0, with dc->doc usable through yaml_document_get_node (never pass it to
 * yaml_document_delete); -1, with nothing to free. */
int pc_doccache_decode(pc_doccache *dc, const char *bytes, size_t len, uint64_t key);
void pc_doccache_free(pc_doccache *dc);

/* The section for document `doc` under `key`. Caller frees; NULL when out of memory or when
 * the document does not fit the layout. */
char *pc_doccache_encode(const yaml_document_t *doc, uint64_t key, size_t *len);

#endif

/* word_index.h: static word tables found by a word's hash instead of entry by entry.
 *
 * The code that reads sentences word by word keeps its cue words and phrases in plain static
 * tables (util/words.h: pc_word_in, pc_words_match_any). The index of a table maps the hash of
 * each entry's first word to the entries that start with it, so that a word is compared with
 * the one or two entries that can match instead of with all of them. A table's index is built
 * on its first lookup (once, under a lock) and kept for the life of the process, found again by
 * the table's address: only static tables that never change may be indexed. Lookups are safe
 * from any thread and never fail: a table the index cannot hold (out of memory, too many
 * tables) gets NULL, and its caller searches it entry by entry.
 */
#ifndef POLCMP_WORD_INDEX_H
#define POLCMP_WORD_INDEX_H

#include <stddef.h>
#include <stdint.h>

/* pc_word_index: owned by the process-wide registry; never freed, never copied. */
typedef struct pc_word_index pc_word_index;

/* The hash of the word w[0..n) (FNV-1a, 32 bits), as pc_words_split stores it. */
uint32_t pc_word_hash(const char *w, size_t n);
/* The hash of no bytes, and one more byte c into hash h. */
#define PC_WORD_HASH_SEED 2166136261u
static inline uint32_t pc_word_hash_add(uint32_t h, unsigned char c)
{
    return (h ^ c) * 16777619u; /* FNV-1a, 32 bits */
}
/* The same hash of the NUL-terminated word w. */
uint32_t pc_word_hash_str(const char *w);

/* The index of the n entries at first, first + stride bytes, ... (each a `const char *`, a word
 * or a phrase of words separated by spaces, keyed by its first word), or NULL when it cannot be
 * had. The table must be static and unchanging. */
const pc_word_index *pc_word_index_of(const char *const *first, size_t n, size_t stride);

/* Entry k of the table at first, stride bytes apart. */
static inline const char *pc_word_index_entry(const char *const *first, size_t stride, size_t k)
{
    return *(const char *const *)(const void *)((const char *)first + k * stride);
}

/* The first entry (after = -1) or the entry after `after` (an entry this returned for the
 * same h), in table order, whose first word hashes to h; -1 when none is left. Entries are
 * told apart by hash only: the caller compares the words. */
long pc_word_index_next(const pc_word_index *ix, uint32_t h, long after);
/* The same for a phrase starting at a word of hash h followed by a word of hash *h2 (h2 NULL:
 * by none): entries whose second word (not "*") hashes otherwise are passed over too, as no
 * match can start there. */
long pc_word_index_next2(const pc_word_index *ix, uint32_t h, const uint32_t *h2, long after);

#endif

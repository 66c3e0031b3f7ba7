/* wordset.h: a fixed set of words, looked up by hash.
 *
 * For the short static word lists of the layout heuristics (chrome lines, language names,
 * abbreviations, sentence openers): a lookup hashes the candidate's length, first and last
 * byte once, tests that bit of a filter and compares it with at most a few entries, instead of
 * measuring and comparing every word of the list. A set is
 * declared with PC_WORDSET over a static array of strings and built on its first lookup (once,
 * under a lock; safe from any thread); it never allocates and never fails.
 */
#ifndef POLCMP_WORDSET_H
#define POLCMP_WORDSET_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define PC_WORDSET_MAX   128 /* words in one set */
#define PC_WORDSET_SLOTS 256 /* open addressing, a power of two, at most half full */
#define PC_WORDSET_KEYS  1024 /* bits of the filter over length, first and last byte */

/* pc_wordset: borrows `words` (static strings, each shorter than 256 bytes); owns its table.
 * Declare with PC_WORDSET; never copy one. */
typedef struct pc_wordset {
    const char *const *words;
    size_t n;
    bool fold;                            /* ASCII letters compared without case */
    atomic_int ready;                     /* the table below is built */
    unsigned char len[PC_WORDSET_MAX];    /* strlen of each word */
    unsigned long long keys[PC_WORDSET_KEYS / 64]; /* bit pc_wordset_key(): a word has it */
    unsigned char slot[PC_WORDSET_SLOTS]; /* word index + 1; 0 = empty */
} pc_wordset;

/* A set over the static array `table` (at most PC_WORDSET_MAX words: checked when compiling);
 * fold: whether "Top" and "top" are the same word. */
#define PC_WORDSET(table, fold_case)                                                       \
    {.words = (table),                                                                     \
     .n = sizeof(table) / sizeof((table)[0]) +                                             \
          0 * sizeof(char[sizeof(table) / sizeof((table)[0]) <= PC_WORDSET_MAX ? 1 : -1]), \
     .fold = (fold_case)}

/* The table built and s[0..len) looked up in it (pc_wordset_has past its filter). */
bool pc_wordset_probe(pc_wordset *set, const char *s, size_t len);

/* A word's filter bit, from its length and its first and last bytes with 0x20 set (which folds
 * ASCII letters; other bytes merged so only cost a probe): no word of a set can be missing from
 * its filter, and most other strings (prose tokens, class names) are turned away by it without
 * a call, before the table is even built. */
static inline unsigned pc_wordset_key(const char *s, size_t len)
{
    uint32_t first = len ? (unsigned char)s[0] | 0x20u : 0;
    uint32_t last = len ? (unsigned char)s[len - 1] | 0x20u : 0;
    return (unsigned)(((uint32_t)len * 0x9E3779B1u ^ first * 0x85EBCA77u ^ last * 0xC2B2AE3Du) >> 22);
}

/* Whether s[0..len) is one of the set's words. */
static inline bool pc_wordset_has(pc_wordset *set, const char *s, size_t len)
{
    if (atomic_load_explicit(&set->ready, memory_order_acquire)) {
        unsigned k = pc_wordset_key(s, len);
        if (len >= 255 || !((set->keys[k >> 6] >> (k & 63)) & 1))
            return false;
    }
    return pc_wordset_probe(set, s, len);
}

#endif

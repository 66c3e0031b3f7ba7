/* wordset.h: a fixed set of words, looked up by hash.
 *
 * For the short static word lists of the layout heuristics (chrome lines, language names,
 * abbreviations, sentence openers): a lookup hashes the candidate once and compares it with at
 * most a few entries, instead of measuring and comparing every word of the list. A set is
 * declared with PC_WORDSET over a static array of strings and built on its first lookup (once,
 * under a lock; safe from any thread); it never allocates and never fails.
 */
#ifndef POLCMP_WORDSET_H
#define POLCMP_WORDSET_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>

#define PC_WORDSET_MAX   128 /* words in one set */
#define PC_WORDSET_SLOTS 256 /* open addressing, a power of two, at most half full */

/* pc_wordset: borrows `words` (static strings, each shorter than 256 bytes); owns its table.
 * Declare with PC_WORDSET; never copy one. */
typedef struct pc_wordset {
    const char *const *words;
    size_t n;
    bool fold;                            /* ASCII letters compared without case */
    atomic_int ready;                     /* the table below is built */
    unsigned char len[PC_WORDSET_MAX];    /* strlen of each word */
    unsigned long long lens;              /* bit k: a word of k bytes (63: 63 or more) */
    unsigned long long firsts[4];         /* bit b: a word whose (folded) first byte is b */
    unsigned char slot[PC_WORDSET_SLOTS]; /* word index + 1; 0 = empty */
} pc_wordset;

/* A set over the static array `table` (at most PC_WORDSET_MAX words: checked when compiling);
 * fold: whether "Top" and "top" are the same word. */
#define PC_WORDSET(table, fold_case)                                                       \
    {.words = (table),                                                                     \
     .n = sizeof(table) / sizeof((table)[0]) +                                             \
          0 * sizeof(char[sizeof(table) / sizeof((table)[0]) <= PC_WORDSET_MAX ? 1 : -1]), \
     .fold = (fold_case)}

/* Whether s[0..len) is one of the set's words. */
bool pc_wordset_has(pc_wordset *set, const char *s, size_t len);

#endif

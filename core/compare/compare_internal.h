/* compare_internal.h: how the comparison's finding detectors plug in. Not a public API.
 *
 * pc_compare() fills the matrix and the attribute values, then calls each detector; a detector
 * adds findings with pc_cmp_add() and returns 0, or -1 on out of memory. Sorting, de-duplicating
 * and counting happen after all detectors ran, so detectors need not care about order.
 */
#ifndef POLCMP_COMPARE_INTERNAL_H
#define POLCMP_COMPARE_INTERNAL_H

#include "compare/compare.h"

#include <stdint.h>

/* findings.c: add a finding; the policies bit set is derived from refs. The message is
 * formatted. */
int pc_cmp_add(pc_comparison *c, pc_finding_kind kind, pc_severity sev, int category,
               const pc_ref *refs, size_t nrefs, const char *fmt, ...)
    __attribute__((format(printf, 7, 8)));

/* compare_lint.c: findings inside one policy that need no taxonomy: placeholder, vague, and
 * through the two files below, duplicate, empty-section and incomplete. */
int pc_cmp_lint(pc_comparison *c, size_t policy);
/* compare_repeat.c: duplicate (sentences and passages stated more than once). */
int pc_cmp_lint_repeats(pc_comparison *c, size_t policy);
/* compare_outline.c: empty-section and incomplete (the document's structure). */
int pc_cmp_lint_outline(pc_comparison *c, size_t policy);

/* ---- compare_texts.c: shared by the lint files ---- */

/* At most this many bytes of quoted text in a message; a quote needs PC_LINT_QUOTE_SIZE. */
#define PC_LINT_QUOTE_MAX  80
#define PC_LINT_QUOTE_SIZE (PC_LINT_QUOTE_MAX + 5)
/* A finding on a text that recurs cites at most this many of its places (its message counts
 * them all), so a policy that repeats itself gives findings of bounded size. */
#define PC_LINT_MAX_PLACES 32

/* Append s[0..n) to b with whitespace runs made one space and both ends trimmed; with fold,
 * ASCII letters lowercased. -1 on out of memory. */
int pc_cmp_lint_collapse(pc_buf *b, const char *s, size_t n, int fold);
/* s[0..n) with whitespace collapsed, cut to at most PC_LINT_QUOTE_MAX bytes at a word and a
 * UTF-8 boundary ("..." when cut), into out (PC_LINT_QUOTE_SIZE bytes). */
void pc_cmp_lint_quote(const char *s, size_t n, char *out);

/* A text found in a clause or a heading and where. The text lives NUL-terminated in the
 * bag's arena. Plain value. */
typedef struct pc_cmp_item {
    size_t off;       /* into pc_cmp_bag.arena */
    const char *text; /* set by pc_cmp_bag_sort, once the arena stops growing */
    pc_ref ref;
} pc_cmp_item;

/* pc_cmp_bag: texts of one policy, sorted by text then place so equal texts form runs. Owns
 * arena and v. Zero-initialize. */
typedef struct pc_cmp_bag {
    pc_buf arena;
    pc_cmp_item *v;
    size_t n, cap;
} pc_cmp_bag;

/* Start an item at ref; its text is what is appended to the arena until pc_cmp_bag_end. */
int pc_cmp_bag_begin(pc_cmp_bag *b, pc_ref ref);
int pc_cmp_bag_end(pc_cmp_bag *b);
void pc_cmp_bag_sort(pc_cmp_bag *b);
/* The end of the run of items equal in text to v[lo]. */
size_t pc_cmp_bag_run(const pc_cmp_bag *b, size_t lo);
void pc_cmp_bag_free(pc_cmp_bag *b);
/* The distinct places of items v[0..n), in order, at most `max`, into a new array (caller
 * frees; NULL on out of memory); *nr of them. */
pc_ref *pc_cmp_bag_refs(const pc_cmp_item *v, size_t n, size_t max, size_t *nr);

/* compare_canon.c: a 64-bit hash of a text (FNV-1a), and canon[k] = the first clause of
 * policy p whose text is byte for byte clause k's (a new array of nclauses 32-bit entries,
 * caller frees; NULL on out of memory). Linear in the policy's size. */
uint64_t pc_cmp_hash(const char *s, size_t n);
uint32_t *pc_cmp_canon(const pc_policy *p);

/* pc_cmp_table: an open-addressing table of distinct texts or keys, at most three quarters
 * full: slot[i] holds a clause plus one (0: empty), hash[i] the low 32 bits of its hash. Plain
 * value; owns the arrays; {0} is an empty table (cap 0: probe nothing). It grows by doubling
 * with what is added, not with the clauses, so a policy that repeats itself keeps a small one.
 * Callers probe from hash & (cap - 1) while slot[i] is non-zero. */
typedef struct pc_cmp_table {
    uint32_t *slot, *hash;
    size_t cap, n;
} pc_cmp_table;

/* Add clause k (stored as k + 1) with hash h; 0, or -1 on out of memory (t unchanged). */
int pc_cmp_table_add(pc_cmp_table *t, uint32_t k, uint32_t h);
void pc_cmp_table_free(pc_cmp_table *t);

/* compare_stance.c: opposite stances between policies (disagreements). */
int pc_cmp_stances(pc_comparison *c);

/* compare_contra.c: contradictions inside a policy, from statement frames. */
int pc_cmp_contradictions(pc_comparison *c);

/* compare_require.c: the selected regimes the taxonomy has requirements for, and their check
 * on every policy (requirement results and missing-required findings). Runs after the
 * contradiction detector (a requirement may ask for a policy free of contradictions). */
unsigned pc_cmp_requirement_regimes(const pc_comparison *c);
int pc_cmp_requirements(pc_comparison *c);

/* findings.c: order the findings (severity, kind, policy, category, position), drop
 * duplicates, count them by kind; and free one finding's contents. */
void pc_cmp_sort(pc_comparison *c);
void pc_cmp_finding_free(pc_finding *f);

#endif

/* prefilter.h: required literals of taxonomy rules and the one-pass multi-literal scan that
 * tells, for a piece of text, which rules could possibly match it.
 *
 * Every rule gets a set of required literals (literal.h): strings such that any match of the
 * rule's pattern contains at least one of them, and a derived rule also the conjunction of
 * every literal its pattern requires (pc_lit_form). A rule with no literal is always a
 * candidate. The scan (Vectorscan's
 * literal mode over all literals of all rules at once) sets one bit per rule in a bitset when
 * one of its key literals occurs and its conjunction holds; a clear bit proves the rule does
 * not match the text. A set bit proves nothing: PCRE2 confirms, with only those top-level
 * branches of the pattern whose literals occur when that is fewer than all, and a pattern
 * repeating a group only when its literals occur as often (the same answer;
 * prefilter_split.c). Rules with the same pattern,
 * options and literals share one confirmation.
 *
 * Case folding: literals of caseless rules are lowercase ASCII and scanned caselessly. PCRE2's
 * caseless UCP matching also lets 's' match U+017F (long s) and 'k' match U+212A (Kelvin sign),
 * the only non-ASCII characters that fold to ASCII; text containing either makes every
 * caseless rule a candidate. Literals never contain non-ASCII characters.
 *
 * The prefilter is built when the taxonomy loads (pc_prefilter_build) and owned by it; it is
 * read-only afterwards. A pc_prefilter_scratch is one thread's scan state.
 */
#ifndef POLCMP_PREFILTER_H
#define POLCMP_PREFILTER_H

#include "taxonomy/literal.h"
#include "taxonomy/taxonomy.h"
#include "util/util.h"

#include <stddef.h>
#include <stdint.h>

/* pc_prefilter: the literals of every rule of a taxonomy and the compiled literal database.
 * Owned by the taxonomy (tax->prefilter). */
typedef struct pc_prefilter pc_prefilter;

/* Number every rule of tax (rule->index), derive its literals and compile the scan database
 * into tax->prefilter. With `cache` (prefilter_cache.h) the literals and the database are read
 * from the first cache file that holds them for these rules, and written (with the compiled
 * patterns) to the first place that takes the file when none does or when a pattern had to be
 * compiled; NULL builds without a cache. 0, or -1 with err set. */
struct pc_pfcache_ctx;
int pc_prefilter_build(pc_taxonomy *tax, const struct pc_pfcache_ctx *cache, pc_error *err);
void pc_prefilter_free(pc_prefilter *pf);

/* The rules in index order (rule i has index i) and their literals. */
size_t pc_prefilter_nrules(const pc_prefilter *pf);
const pc_rule *pc_prefilter_rule(const pc_prefilter *pf, size_t i);
const pc_rule_lits *pc_prefilter_lits(const pc_prefilter *pf, size_t i);
/* 64-bit words in one rule bitset. */
size_t pc_prefilter_words(const pc_prefilter *pf);
/* Bytes held by the compiled database and the per-rule tables (not the PCRE2 codes). */
size_t pc_prefilter_bytes(const pc_prefilter *pf);
/* Milliseconds spent deriving literals and compiling the database. */
double pc_prefilter_build_ms(const pc_prefilter *pf);
/* Whether the literals and the database were read from the cache file. */
int pc_prefilter_cached(const pc_prefilter *pf);
/* Rule r's pattern, JIT-compiled: the taxonomy loads its rules' patterns without JIT and the
 * first call for a rule compiles a JIT copy, owned by pf (the rule's own code when JIT is not
 * available for it). Safe from several threads: they may each compile one, the first
 * published is kept and the others freed, and the rule's own code is never modified. */
const pcre2_code *pc_prefilter_code(const pc_prefilter *pf, const pc_rule *r);
/* Rule r's pattern for a text whose bytes are all ASCII (pc_utf8_check): compiled without
 * PCRE2_UTF and PCRE2_UCP, which on such a text gives the same matches for less work
 * (prefilter_ascii.c), and JIT-compiled; made on the first call, as pc_prefilter_code's copy
 * is, and owned by pf. pc_prefilter_code(pf, r) when the pattern has no such form. Never for
 * a text with a byte of 0x80 or more. */
const pcre2_code *pc_prefilter_code_ascii(const pc_prefilter *pf, const pc_rule *r);
/* Per rule, the first rule with the same pattern, options and literals (whose results it
 * shares); pc_prefilter_nrules entries, owned by pf. */
const unsigned *pc_prefilter_canon(const pc_prefilter *pf);

/* The number of top-level branches rule i is confirmed with one by one, only those whose
 * literals occur in the text (prefilter_split.c); 0 when its pattern is matched whole. With
 * `repeat`, also the number of occurrences of its literals a text needs before it is
 * confirmed (0: one; for a pattern repeating a group). Made on the first confirmation of the
 * rule, or here. Safe from several threads. */
size_t pc_prefilter_branches(const pc_prefilter *pf, size_t i, unsigned *repeat);

/* pc_prefilter_scratch: one thread's scan scratch. Owns it; borrows pf. */
typedef struct pc_prefilter_scratch pc_prefilter_scratch;

pc_prefilter_scratch *pc_prefilter_scratch_new(const pc_prefilter *pf, pc_error *err);
void pc_prefilter_scratch_free(pc_prefilter_scratch *s);
/* Bytes of scan scratch. */
size_t pc_prefilter_scratch_bytes(const pc_prefilter_scratch *s);

/* Fill bits (pc_prefilter_words words) with the candidate rules for text s[0..len): rules
 * with no literal, rules one of whose literals occurs, and (see above) every caseless rule
 * when the text holds a character that folds to ASCII. 0, or -1 when the scan fails (bits are
 * then all set, so callers stay correct). */
int pc_prefilter_scan(const pc_prefilter *pf, pc_prefilter_scratch *s, const char *text, size_t len,
                      uint64_t *bits);

/* ---- the first pass over a batch ------------------------------------------------------ */

/* pc_prefilter_hit: rule `rule` on text `text` of a batch either matched at `span` (status 1) or
 * hit a PCRE2 limit (status -1). Rules that did not match have no hit. */
typedef struct pc_prefilter_hit {
    uint32_t text, rule;
    int status;
    pc_span span;
} pc_prefilter_hit;

/* pc_prefilter_batch: texts and their first-pass results. Owns its arrays (grown as needed, kept
 * between runs); borrows the texts. Zero-initialize, fill with pc_prefilter_batch_add, run, read,
 * pc_prefilter_batch_reset. */
typedef struct pc_prefilter_text {
    const char *s;
    size_t len;
    uint32_t utf; /* PCRE2 match options (PCRE2_NO_UTF_CHECK or 0) */
    int ascii;    /* every byte of the text is below 0x80 (pc_prefilter_code_ascii) */
} pc_prefilter_text;

typedef struct pc_prefilter_batch {
    size_t n, words;
    pc_prefilter_text *texts;
    size_t cap_texts;
    uint64_t *bits; /* n * words candidate bits */
    size_t cap_bits;
    uint32_t *cand, *cand_first; /* per rule, the texts to confirm it on */
    size_t cap_cand, cap_first;
    pc_prefilter_hit *hits, *sorted; /* in rule order; then by text (each text's hits by rule) */
    size_t nhits, cap_hits, cap_sorted;
    size_t *first, *pos; /* text i's hits: sorted[first[i] .. first[i + 1]) */
    size_t cap_first_hits, cap_pos;
    uint64_t *run; /* the rules run: one of each set of identical rules */
    size_t cap_run;
    uint64_t *seen; /* per text, the literals it holds (the scan's, for confirming) */
    size_t cap_seen;
    uint32_t *same; /* per text, the first text with the same bytes and options (itself when
                       none), whose bits and hits it shares: it is neither scanned nor confirmed */
    uint64_t *hash; /* per text, a hash of its bytes */
    uint32_t *slot; /* the first texts by hash (text + 1; 0: empty) */
    size_t cap_same, cap_hash, cap_slot;
    const unsigned *canon; /* borrowed from the prefilter of the last run */
} pc_prefilter_batch;

/* Add a text; utf is the PCRE2 option for matching it, ascii whether all its bytes are below
 * 0x80. -1 when memory runs out. */
int pc_prefilter_batch_add(pc_prefilter_batch *b, const char *s, size_t len, uint32_t utf,
                           int ascii);
/* Scan every text, then run each rule in `rules` (a bitset, e.g. the rules every clause is
 * tried on from offset 0) over the texts it is a candidate for, pattern by pattern; a text
 * repeating an earlier one of the batch (the same bytes and options) takes its results. md and
 * mctx are the caller's match data and context. 0, or -1 when memory runs out. */
int pc_prefilter_batch_run(pc_prefilter_batch *b, const pc_prefilter *pf, pc_prefilter_scratch *sc,
                           const uint64_t *rules, pcre2_match_data *md, pcre2_match_context *mctx);
/* Text i's candidate bits. */
const uint64_t *pc_prefilter_batch_bits(const pc_prefilter_batch *b, size_t i);
/* The hit of rule `rule` on text i, NULL when it did not match (or was not run). */
const pc_prefilter_hit *pc_prefilter_batch_find(const pc_prefilter_batch *b, size_t i, size_t rule);
void pc_prefilter_batch_reset(pc_prefilter_batch *b);
void pc_prefilter_batch_free(pc_prefilter_batch *b);
/* Bytes held by the batch's arrays. */
size_t pc_prefilter_batch_bytes(const pc_prefilter_batch *b);

static inline int pc_prefilter_bit(const uint64_t *bits, size_t i)
{
    return (int)((bits[i >> 6] >> (i & 63)) & 1u);
}

#endif

/* features.h: what the learned model reads in a text (model.h), shared by training and
 * prediction so that both see exactly the same features.
 *
 * A unit of text is one or more fields: a clause with its section title and a list item's
 * lead-in, or a whole text (an OPP-115 segment, a --segments record). Tokens are maximal runs of
 * ASCII letters and digits or of non-ASCII bytes (UTF-8 sequences stay whole), ASCII
 * lowercased, at least two bytes long. The features, each named by a 32-bit key (a hash of its
 * kind and its bytes):
 *  - word unigrams: each distinct token, with its count (pc_feat_word);
 *  - word bigrams: each distinct pair of adjacent tokens within one field, with its count;
 *  - character n-grams inside words: the n-grams of "<token>" of char_min..char_max bytes, for
 *    each distinct token (the first PC_FEAT_MAX_WORD bytes of a longer token);
 *  - rule hits: each taxonomy rule that fired on the unit ("r:" and its id) and each category
 *    the rules gave ("c:" and its id), pc_feat_rule_key.
 * How they are weighted (TF-IDF, normalisation, block weights) is the model's business
 * (model.h). This module finds them, with the span of each token.
 */
#ifndef POLCMP_FEATURES_H
#define POLCMP_FEATURES_H

#include "util/hash.h"
#include "util/util.h"

#include <stddef.h>
#include <stdint.h>

#define PC_FEAT_MAX_WORD 40 /* bytes of a token that its character n-grams come from */
#define PC_FEAT_MAX_CHAR 8  /* the longest character n-gram */

typedef enum pc_feat_kind {
    PC_FEAT_UNIGRAM = 0,
    PC_FEAT_BIGRAM,
    PC_FEAT_CHAR,
    PC_FEAT_RULE,
} pc_feat_kind;

/* One field of a unit. Borrows s. Spans of its tokens are base + offset into s. */
typedef struct pc_feat_field {
    const char *s;
    size_t len, base;
    int heading; /* 1: a title or lead-in rather than the clause itself */
} pc_feat_field;

/* One token. Plain value. */
typedef struct pc_feat_token {
    pc_span span;
    int heading;
    uint32_t word; /* index into pc_feat_scratch.words */
} pc_feat_token;

/* One distinct token. Plain value; its lowercased bytes are lower[off .. off + len). */
typedef struct pc_feat_word {
    uint64_t hash; /* of the lowercased bytes */
    uint32_t key;  /* its unigram feature */
    uint32_t tf;
    uint32_t first; /* its first token */
    uint32_t off, len;
} pc_feat_word;

/* One distinct bigram. Plain value. */
typedef struct pc_feat_bigram {
    uint64_t hash;
    uint32_t key;
    uint32_t tf;
    uint32_t first; /* the token that starts its first occurrence */
} pc_feat_bigram;

#define PC_FEAT_MAX_PRE 2 /* leading fields a scratch keeps tokenized */

/* pc_feat_scratch: the tokens, words and bigrams of the last unit tokenized, and the tables
 * that find them. Owns all its arrays; reuse one per thread, never share one. */
typedef struct pc_feat_scratch {
    pc_feat_token *tokens;
    size_t ntokens, cap_tokens;
    pc_feat_word *words;
    size_t nwords, cap_words;
    pc_feat_bigram *bigrams;
    size_t nbigrams, cap_bigrams;
    char *lower;
    size_t nlower, cap_lower;
    struct pc_feat_slot *slots; /* open addressing over words and bigrams, stamped by gen */
    size_t cap_slots;
    uint32_t gen;
    uint64_t seed_unigram, seed_bigram;
    /* The leading fields of the last unit (all but its last field: a clause's title and
     * lead-in) kept tokenized, so that the next unit starting with the same fields (bytes,
     * base, heading) starts from them: tokens[0..pre_tokens), words[0..pre_words) and
     * bigrams[0..pre_bigrams) as they were, their counts in pre_tf (words', then bigrams'),
     * their slots stamped pgen (live beside gen's). pgen == gen when none are kept. */
    int pre_ok;
    uint32_t pgen;
    size_t npre, pre_len[PC_FEAT_MAX_PRE], pre_base[PC_FEAT_MAX_PRE];
    int pre_heading[PC_FEAT_MAX_PRE];
    char *pre_text; /* the fields' bytes, one after another */
    size_t cap_pre_text;
    size_t pre_tokens, pre_words, pre_bigrams, pre_lower;
    uint32_t *pre_tf;
    size_t cap_pre_tf;
    /* Of this unit, the leading words and bigrams that are those of the unit before at the
     * same places (the kept leading fields, reused): 0 0 when it was read afresh. */
    size_t kept_words, kept_bigrams;
} pc_feat_scratch;

void pc_feat_scratch_init(pc_feat_scratch *s);
void pc_feat_scratch_free(pc_feat_scratch *s);

/* Tokenize the fields into s (replacing what it held): tokens, distinct words with counts and
 * distinct bigrams with counts (pairs within one field). 0, or -1 when out of memory. When
 * fields[0..nfields - 1) are the leading fields of the unit before (the same bytes, bases and
 * headings), they are not read again: s holds exactly what reading them would give, and
 * kept_words and kept_bigrams say how many of its words and bigrams they gave. */
int pc_feat_tokenize(pc_feat_scratch *s, const pc_feat_field *fields, size_t nfields);

/* How many tokens of the fields that are not headings hold a letter (an ASCII letter or a
 * non-ASCII byte), counting up to most: the words of a clause itself, without its title. */
size_t pc_feat_own_words(const pc_feat_field *fields, size_t nfields, size_t most);

/* The keys of the character n-grams of "<word>" with n in [nmin, nmax] (nmax at most
 * PC_FEAT_MAX_CHAR), every occurrence, written to out (room for PC_FEAT_MAX_GRAMS); returns
 * how many. word is lowercased already; only its first PC_FEAT_MAX_WORD bytes count. */
#define PC_FEAT_MAX_GRAMS ((PC_FEAT_MAX_WORD + 2) * PC_FEAT_MAX_CHAR)
size_t pc_feat_char_keys(const char *word, size_t len, int nmin, int nmax, uint32_t *out);

/* The key of a rule-hit feature: prefix "r" (a rule id) or "c" (a category id). */
uint32_t pc_feat_rule_key(const char *prefix, const char *id);

#endif

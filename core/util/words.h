/* words.h: the one word tokenizer every stage uses.
 *
 * A word is a run of letters and digits: ASCII letters and digits, and every character beyond
 * ASCII that is not a space, a punctuation mark or a symbol (é, ß, Cyrillic, Greek...). An
 * apostrophe (' or U+2019) between two such characters belongs to the word ("don't",
 * "company’s"). Each CJK character (ideographs, kana, Hangul, fullwidth forms: scripts written
 * without spaces) is a word of its own. Everything else separates words: spaces, punctuation
 * (hyphens and dashes too: "opt-out" is two words), symbols, invalid UTF-8 bytes.
 */
#ifndef POLCMP_WORDS_H
#define POLCMP_WORDS_H

#include "util/util.h"

#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* The next word of s[0..len) starting at or after *pos: its span in *w (byte offsets into s)
 * and *pos moved past it. Returns 0 when no word is left. */
int pc_word_next(const char *s, size_t len, size_t *pos, pc_span *w);
/* How many words s[0..len) holds. */
size_t pc_word_count(const char *s, size_t len);

/* Layout tokens: the runs of bytes between ASCII white space (and the bytes of `seps`, which
 * may be NULL), what the eye sees as separate on a line, for the layout heuristics (is a line
 * short enough to be a title? is it a row of language names?): "opt-out" is one token and a
 * CJK title written without spaces is one. pc_token_next: the next token of s[0..len) at or
 * after *pos, its span in *tok, *pos moved past it; 0 when none is left. */
int pc_token_next(const char *s, size_t len, size_t *pos, pc_span *tok, const char *seps);
/* How many layout tokens s[0..len) holds. */
size_t pc_token_count(const char *s, size_t len);
/* Whether c is ASCII white space (space, tab, line feed, carriage return, form feed, vertical
 * tab). */
int pc_is_space(unsigned char c);
/* The word s[w.start, w.end) with ASCII letters lower-cased and U+2019 written as "'", into
 * out (at most cap - 1 bytes and a NUL; cap > 0). Folding never makes a word longer, so
 * w.end - w.start + 1 bytes always hold it. Returns the bytes written. */
size_t pc_word_fold(char *out, size_t cap, const char *s, pc_span w);

/* A clause split into folded words with the punctuation between them, for the code that reads
 * sentences word by word (stance polarity, statement frames). The words are pc_word_next's,
 * folded by pc_word_fold; each remembers its byte span and what stood between it and the
 * previous word: a stop (";", or ".", ":", "?", "!" followed by a space, a quote, a bracket or
 * the end: "example.com" and "https://" are no stops) or a comma (",", "(", ")"). Words longer
 * than PC_WORD_MAX - 1 bytes are cut (the span stays whole); a text of more than PC_WORDS_MAX
 * words is cut there. */
#define PC_WORD_MAX  24
#define PC_WORDS_MAX 1024

/* One word. Plain value. */
typedef struct pc_word {
    char w[PC_WORD_MAX]; /* folded, NUL-terminated */
    size_t start, end;   /* its bytes in the text */
    int stop_before;     /* a ".", ";", ":", "?" or "!" lies between the previous word and this */
    int comma_before;    /* a ",", "(" or ")" does */
    uint32_t hash;       /* pc_word_hash of w (util/word_index.h) */
    uint32_t len;        /* strlen(w) */
    uint64_t tag;        /* the caller's (what it learned of the word), 0 after the split */
} pc_word;

/* pc_words: the words of one text. Fixed-size storage, a plain value (about 64 KB: keep one
 * per thread or on the heap, not many on the stack). */
typedef struct pc_words {
    pc_word v[PC_WORDS_MAX];
    size_t n;
} pc_words;

void pc_words_split(const char *s, size_t len, pc_words *ws);

/* Whether word w is one of table[0..n). A table of more than a few words must be static and
 * unchanging: it is looked up through its index (util/word_index.h). */
int pc_word_in(const char *w, const char *const *table, size_t n);
#define PC_WORD_IN(w, table) pc_word_in((w), (table), sizeof(table) / sizeof((table)[0]))
/* The same for a word of a split, found by the hash and length it carries (no hashing, no
 * strlen): what the code reading pc_words uses. */
int pc_word_is(const pc_word *w, const char *const *table, size_t n);
#define PC_WORD_IS(w, table) pc_word_is((w), (table), sizeof(table) / sizeof((table)[0]))
/* Whether word w is the string literal `lit`: lengths first, then bytes (no strcmp). */
#define PC_WORD_EQ(wd, lit) ((wd)->len == sizeof(lit) - 1 && !memcmp((wd)->w, (lit), sizeof(lit) - 1))
/* Whether word w ends with `suffix` (of n bytes, n <= w->len). */
int pc_word_ends(const pc_word *w, const char *suffix, size_t n);
#define PC_WORD_ENDS(w, lit) pc_word_ends((w), (lit), sizeof(lit) - 1)

/* Whether `phrase` (folded words separated by spaces; "*" stands for up to PC_PHRASE_GAP
 * words; it starts with a word) matches the words from index i. */
#define PC_PHRASE_GAP 5
int pc_words_match_at(const pc_words *ws, size_t i, const char *phrase);
/* The index of the first word, at or after `from`, where one of table[0..n) matches; -1. */
long pc_words_find(const pc_words *ws, const char *const *table, size_t n, size_t from);
/* Whether one of the phrases table[0..n) matches the words from index i. */
int pc_words_match_any(const pc_words *ws, size_t i, const char *const *table, size_t n);
/* The same over a table of n structs `stride` bytes apart whose phrase is the `const char *`
 * at first (the first struct's field): the index of the next entry after `after` (-1: from
 * the start), in table order, whose phrase matches the words from index i; -1 when none.
 * PC_WORDS_MATCH_NEXT takes the table and the field's name. */
long pc_words_match_next(const pc_words *ws, size_t i, const char *const *first, size_t n,
                         size_t stride, long after);
#define PC_WORDS_MATCH_NEXT(ws, i, table, field, after)                                   \
    pc_words_match_next((ws), (i), &(table)[0].field, sizeof(table) / sizeof((table)[0]), \
                        sizeof((table)[0]), (after))

/* The tables given to pc_words_find, pc_words_match_any and pc_words_match_next must be static
 * and unchanging: they are looked up through their index by first word (util/word_index.h),
 * so a phrase must start with a word (not "*" or a space). */

#endif

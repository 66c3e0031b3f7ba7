/* words.h: a clause split into lower-case words with the punctuation between them, for the
 * code that reads sentences word by word (stance polarity, statement frames).
 *
 * A word is a run of ASCII letters, digits and apostrophes (a typographic apostrophe U+2019
 * counts as "'") and of non-ASCII bytes, lower-cased; anything else separates words, so
 * "opt-in" is "opt in" and "e-mail" is "e mail". Each word remembers its byte span and what
 * stood between it and the previous word: a stop (";", or ".", ":", "?", "!" followed by a
 * space, a quote, a bracket or the end: "example.com" and "https://" are no stops) or a comma
 * (",", "(", ")"). Words longer than PC_WORD_MAX - 1 bytes are cut (the span stays whole); a text of
 * more than PC_WORDS_MAX words is cut there.
 */
#ifndef POLCMP_WORDS_H
#define POLCMP_WORDS_H

#include <stddef.h>

#define PC_WORD_MAX 24
#define PC_WORDS_MAX 1024

/* One word. Plain value. */
typedef struct pc_word {
    char w[PC_WORD_MAX]; /* lower-cased, NUL-terminated */
    size_t start, end;   /* its bytes in the text */
    int stop_before;     /* a ".", ";", ":", "?" or "!" lies between the previous word and this */
    int comma_before;    /* a ",", "(" or ")" does */
} pc_word;

/* pc_words: the words of one text. Fixed-size storage, a plain value (about 40 KB: keep one
 * per thread or on the heap, not many on the stack). */
typedef struct pc_words {
    pc_word v[PC_WORDS_MAX];
    size_t n;
} pc_words;

void pc_words_split(const char *s, size_t len, pc_words *ws);

/* Whether word w is one of table[0..n). */
int pc_word_in(const char *w, const char *const *table, size_t n);
#define PC_WORD_IN(w, table) pc_word_in((w), (table), sizeof(table) / sizeof((table)[0]))

/* Whether `phrase` (lower-case words separated by spaces; "*" stands for up to
 * PC_PHRASE_GAP words; it starts with a word) matches the words from index i. */
#define PC_PHRASE_GAP 5
int pc_words_match_at(const pc_words *ws, size_t i, const char *phrase);
/* The index of the first word, at or after `from`, where one of table[0..n) matches; -1. */
long pc_words_find(const pc_words *ws, const char *const *table, size_t n, size_t from);

#endif

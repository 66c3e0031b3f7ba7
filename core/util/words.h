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

/* The next word of s[0..len) starting at or after *pos: its span in *w (byte offsets into s)
 * and *pos moved past it. Returns 0 when no word is left. */
int pc_word_next(const char *s, size_t len, size_t *pos, pc_span *w);
/* How many words s[0..len) holds. */
size_t pc_word_count(const char *s, size_t len);
/* The word s[w.start, w.end) with ASCII letters lower-cased and U+2019 written as "'", into
 * out (at most cap - 1 bytes and a NUL; cap > 0). Folding never makes a word longer, so
 * w.end - w.start + 1 bytes always hold it. Returns the bytes written. */
size_t pc_word_fold(char *out, size_t cap, const char *s, pc_span w);

#endif

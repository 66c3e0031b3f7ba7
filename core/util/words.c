/* words.c: see words.h. */
#include "util/words.h"

/* What a code point is to the tokenizer. */
enum { PC_W_SEP = 0, PC_W_LETTER, PC_W_CJK, PC_W_APOS };

/* Scripts written without spaces: one character is one word. */
static int pc_w_cjk(uint32_t cp)
{
    return (cp >= 0x3040 && cp <= 0x30FF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
           (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0xAC00 && cp <= 0xD7A3) ||
           (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFF10 && cp <= 0xFF19) ||
           (cp >= 0xFF21 && cp <= 0xFF3A) || (cp >= 0xFF41 && cp <= 0xFF5A) ||
           (cp >= 0xFF66 && cp <= 0xFFDC) || (cp >= 0x20000 && cp <= 0x3FFFD);
}

/* Spaces, punctuation and symbols beyond ASCII that separate words: Latin-1's (NBSP, ©, «, ·,
 * ¿, ×, ÷), general punctuation (dashes, quotes, bullets), currency, arrows, mathematical and
 * technical symbols, box drawing and shapes, dingbats, CJK punctuation, fullwidth punctuation,
 * the replacement character. */
static int pc_w_mark(uint32_t cp)
{
    return (cp >= 0x80 && cp <= 0xBF) || cp == 0xD7 || cp == 0xF7 ||
           (cp >= 0x2000 && cp <= 0x2BFF) || (cp >= 0x2E00 && cp <= 0x2E7F) ||
           (cp >= 0x3000 && cp <= 0x303F) || (cp >= 0xFE30 && cp <= 0xFE4F) ||
           (cp >= 0xFF00 && cp <= 0xFF0F) || (cp >= 0xFF1A && cp <= 0xFF20) ||
           (cp >= 0xFF3B && cp <= 0xFF40) || (cp >= 0xFF5B && cp <= 0xFF65) || cp == 0xFFFD ||
           (cp >= 0x1F000 && cp <= 0x1FAFF);
}

/* The class of the character at s[i] and its length in bytes (*n). */
static int pc_w_class(const char *s, size_t len, size_t i, size_t *n)
{
    unsigned char c = (unsigned char)s[i];
    *n = 1;
    if (c < 0x80) {
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
            return PC_W_LETTER;
        return c == '\'' ? PC_W_APOS : PC_W_SEP;
    }
    uint32_t cp;
    size_t k = pc_utf8_decode(s + i, len - i, &cp);
    if (!k)
        return PC_W_SEP;
    *n = k;
    if (cp == 0x2019)
        return PC_W_APOS;
    if (pc_w_cjk(cp))
        return PC_W_CJK;
    return pc_w_mark(cp) ? PC_W_SEP : PC_W_LETTER;
}

int pc_word_next(const char *s, size_t len, size_t *pos, pc_span *w)
{
    size_t i = *pos, n;
    int cls = PC_W_SEP;
    while (i < len && ((cls = pc_w_class(s, len, i, &n)) == PC_W_SEP || cls == PC_W_APOS))
        i += n;
    if (i >= len)
        return 0;
    w->start = i;
    i += n;
    if (cls == PC_W_LETTER) {
        while (i < len) {
            int c = pc_w_class(s, len, i, &n);
            size_t m = 0;
            if (c == PC_W_APOS && i + n < len && pc_w_class(s, len, i + n, &m) == PC_W_LETTER)
                n += m; /* an apostrophe inside the word, and the letter after it */
            else if (c != PC_W_LETTER)
                break;
            i += n;
        }
    }
    w->end = i;
    *pos = i;
    return 1;
}

size_t pc_word_count(const char *s, size_t len)
{
    size_t pos = 0, k = 0;
    pc_span w;
    while (pc_word_next(s, len, &pos, &w))
        k++;
    return k;
}

size_t pc_word_fold(char *out, size_t cap, const char *s, pc_span w)
{
    size_t n = 0;
    for (size_t i = w.start; i < w.end && n + 1 < cap; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == 0xE2 && i + 2 < w.end && (unsigned char)s[i + 1] == 0x80 &&
            (unsigned char)s[i + 2] == 0x99) {
            out[n++] = '\'';
            i += 2;
        } else {
            out[n++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
        }
    }
    out[n] = '\0';
    return n;
}

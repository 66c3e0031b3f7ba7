/* words.c: see words.h. */
#include "util/words.h"
#include "util/ascii16.h"
#include "util/word_index.h"

#include <stdint.h>
#include <string.h>

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

/* An ASCII letter or digit: two compares ('A'..'Z' | 0x20 is 'a'..'z'). */
static int pc_w_ascii_alnum(unsigned char c)
{
    return (unsigned)((c | 0x20) - 'a') < 26u || (unsigned)(c - '0') < 10u;
}

/* The class of the character at s[i] and its length in bytes (*n). */
static int pc_w_class(const char *s, size_t len, size_t i, size_t *n)
{
    unsigned char c = (unsigned char)s[i];
    *n = 1;
    if (c < 0x80) {
        if (pc_w_ascii_alnum(c))
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
    while (i < len) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80 && !pc_w_ascii_alnum(c)) { /* ASCII space or punctuation, at once */
            i++;
            continue;
        }
        if ((cls = pc_w_class(s, len, i, &n)) != PC_W_SEP && cls != PC_W_APOS)
            break;
        i += n;
    }
    if (i >= len)
        return 0;
    w->start = i;
    i += n;
    if (cls == PC_W_LETTER) {
        while (i < len) {
            unsigned char c = (unsigned char)s[i];
            if (pc_w_ascii_alnum(c)) { /* the common case, at once */
                i++;
                continue;
            }
            if (c < 0x80 && c != '\'')
                break; /* ASCII space or punctuation ends the word */
            int k = pc_w_class(s, len, i, &n);
            size_t m = 0;
            if (k == PC_W_APOS && i + n < len && pc_w_class(s, len, i + n, &m) == PC_W_LETTER)
                n += m; /* an apostrophe inside the word, and the letter after it */
            else if (k != PC_W_LETTER)
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

int pc_is_space(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/* The bytes that separate layout tokens, one bit each: white space, and with seps the bytes
 * of seps and NUL (as for strchr). Plain value. */
typedef struct pc_token_seps {
    uint64_t bits[4];
} pc_token_seps;

static pc_token_seps pc_token_seps_of(const char *seps)
{
    pc_token_seps m = {{(1ull << ' ') | (1ull << '\t') | (1ull << '\n') | (1ull << '\r') |
                            (1ull << '\f') | (1ull << '\v'),
                        0, 0, 0}};
    if (seps) {
        m.bits[0] |= 1; /* NUL */
        for (; *seps; seps++)
            m.bits[(unsigned char)*seps >> 6] |= 1ull << ((unsigned char)*seps & 63);
    }
    return m;
}

static int pc_token_is_sep(const pc_token_seps *m, unsigned char c)
{
    return (int)((m->bits[c >> 6] >> (c & 63)) & 1);
}

int pc_token_next(const char *s, size_t len, size_t *pos, pc_span *tok, const char *seps)
{
    pc_token_seps m = pc_token_seps_of(seps);
    size_t i = *pos;
    while (i < len && pc_token_is_sep(&m, (unsigned char)s[i]))
        i++;
    if (i >= len)
        return 0;
    tok->start = i;
    while (i < len && !pc_token_is_sep(&m, (unsigned char)s[i]))
        i++;
    tok->end = i;
    *pos = i;
    return 1;
}

size_t pc_token_count(const char *s, size_t len)
{
    size_t n = 0;
    int in = 0;
    for (size_t i = 0; i < len; i++) {
        int sp = pc_is_space((unsigned char)s[i]);
        n += !sp && !in;
        in = !sp;
    }
    return n;
}

/* pc_word_fold, with the pc_word_hash of what it writes in *hash. */
static size_t pc_word_fold_hash(char *out, size_t cap, const char *s, pc_span w, uint32_t *hash)
{
    uint32_t h = PC_WORD_HASH_SEED;
    size_t n = 0;
    for (size_t i = w.start; i < w.end && n + 1 < cap; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == 0xE2 && i + 2 < w.end && (unsigned char)s[i + 1] == 0x80 &&
            (unsigned char)s[i + 2] == 0x99) {
            c = '\'';
            i += 2;
        } else if (c >= 'A' && c <= 'Z') {
            c = (unsigned char)(c + 32);
        }
        out[n++] = (char)c;
        h = pc_word_hash_add(h, c);
    }
    out[n] = '\0';
    *hash = h;
    return n;
}

size_t pc_word_fold(char *out, size_t cap, const char *s, pc_span w)
{
    uint32_t h;
    return pc_word_fold_hash(out, cap, s, w, &h);
}

/* What the gap s[a, b) between two words (b == len: after the last) holds: a stop, a comma.
 * A ".", ":", "?" or "!" ends something only when a space, a quote, a bracket or the end
 * follows it: in "example.com", "https://" and "3.5" the next word follows at once. */
static void pc_words_gap(const char *s, size_t len, size_t a, size_t b, int *stop, int *comma)
{
    for (size_t i = a; i < b; i++) {
        char ch = s[i];
        int open;
        if (i + 1 < b) {
            unsigned char nx = (unsigned char)s[i + 1];
            open = nx >= 0x80 || nx == ' ' || nx == '\t' || nx == '\n' || nx == '\r' || nx == '"' ||
                   nx == '\'' || nx == ')' || nx == ']' || nx == '\0';
        } else {
            open = b >= len;
        }
        if (ch == ';' || ((ch == ':' || ch == '.' || ch == '?' || ch == '!') && open))
            *stop = 1;
        if (ch == ',' || ch == '(' || ch == ')')
            *comma = 1;
    }
}

_Static_assert(PC_WORD_MAX > 16, "a word's first sixteen bytes are stored at once");

/* The word starting at s[i] (an ASCII letter or digit) into w when it is all ASCII letters and
 * digits up to an ASCII byte other than an apostrophe, or the end (most words): found, folded
 * and hashed in one pass, as pc_word_next and pc_word_fold would. Returns its end, or 0 when
 * the word goes on past an apostrophe or a byte beyond ASCII (pc_word_next reads it then). */
static size_t pc_words_ascii(const char *s, size_t len, size_t i, pc_word *w)
{
    uint32_t h = PC_WORD_HASH_SEED;
    size_t j = i, n = 0;
    if (len - i >= 16) { /* sixteen bytes at once: most words end in them */
        unsigned char *out = (unsigned char *)w->w;
        n = pc_ascii16_run(pc_ascii16_fold((const unsigned char *)s + i, out, 0));
        for (size_t k = 0; k < n; k++)
            h = pc_word_hash_add(h, out[k]);
        j = i + n;
    }
    for (; j < len; j++) {
        unsigned char c = (unsigned char)s[j];
        if (!pc_w_ascii_alnum(c))
            break;
        if (n + 1 < sizeof w->w) {
            c = c >= 'A' && c <= 'Z' ? (unsigned char)(c + 32) : c;
            w->w[n++] = (char)c;
            h = pc_word_hash_add(h, c);
        }
    }
    if (j < len && ((unsigned char)s[j] >= 0x80 || s[j] == '\''))
        return 0;
    w->w[n] = '\0';
    w->hash = h;
    w->len = (uint32_t)n;
    return j;
}

/* The next word of s at or after *pos into w (its span, folded bytes, hash and length), *pos
 * moved past it; 0 when none is left. */
static int pc_words_next(const char *s, size_t len, size_t *pos, pc_word *w)
{
    size_t i = *pos, end;
    while (i < len && (unsigned char)s[i] < 0x80 && !pc_w_ascii_alnum((unsigned char)s[i]))
        i++;
    if (i < len && (unsigned char)s[i] < 0x80 && (end = pc_words_ascii(s, len, i, w)) != 0) {
        w->start = i;
        w->end = *pos = end;
        return 1;
    }
    pc_span sp;
    *pos = i;
    if (!pc_word_next(s, len, pos, &sp))
        return 0;
    w->start = sp.start;
    w->end = sp.end;
    w->len = (uint32_t)pc_word_fold_hash(w->w, sizeof w->w, s, sp, &w->hash);
    return 1;
}

void pc_words_split(const char *s, size_t len, pc_words *ws)
{
    size_t pos = 0, prev = 0;
    ws->n = 0;
    while (ws->n < PC_WORDS_MAX && pc_words_next(s, len, &pos, &ws->v[ws->n])) {
        pc_word *w = &ws->v[ws->n++];
        w->stop_before = w->comma_before = 0;
        w->tag = 0;
        if (w->start != prev + 1 || s[prev] != ' ') /* most gaps: one space, nothing in it */
            pc_words_gap(s, len, prev, w->start, &w->stop_before, &w->comma_before);
        prev = w->end;
    }
}

/* Whether the NUL-terminated word w equals p up to p's next space or end; *end is set past
 * that word of p. Written out so that a first byte differing (most words) costs one compare. */
static int pc_word_eq_at(const char *w, const char *p, const char **end)
{
    while (*p && *p != ' ' && *p == *w) {
        p++;
        w++;
    }
    *end = p;
    return !*w && (!*p || *p == ' ');
}

/* Tables this short are searched entry by entry: faster than hashing the word. */
#define PC_WORD_SCAN_MAX 8

/* Whether w is one of the short table[0..n) (n <= PC_WORD_SCAN_MAX), entry by entry: a leaf
 * function, so the many lookups of short tables save no registers. */
static int pc_word_scan(const char *w, const char *const *table, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (w[0] == table[i][0] && !strcmp(w, table[i]))
            return 1;
    return 0;
}

/* Whether w, of pc_word_hash h, is one of table[0..n) (n > PC_WORD_SCAN_MAX). Out of line, so
 * that its callers stay leaves on the way to pc_word_scan. */
__attribute__((noinline)) static int pc_word_find(const char *w, uint32_t h,
                                                  const char *const *table, size_t n)
{
    const pc_word_index *ix = pc_word_index_of(table, n, sizeof *table);
    if (!ix)
        return pc_word_scan(w, table, n);
    for (long t = pc_word_index_next(ix, h, -1); t >= 0; t = pc_word_index_next(ix, h, t))
        if (!strcmp(w, table[t]))
            return 1;
    return 0;
}

int pc_word_in(const char *w, const char *const *table, size_t n)
{
    return n <= PC_WORD_SCAN_MAX ? pc_word_scan(w, table, n)
                                 : pc_word_find(w, pc_word_hash_str(w), table, n);
}

int pc_word_is(const pc_word *w, const char *const *table, size_t n)
{
    return n <= PC_WORD_SCAN_MAX ? pc_word_scan(w->w, table, n)
                                 : pc_word_find(w->w, w->hash, table, n);
}

int pc_word_ends(const pc_word *w, const char *suffix, size_t n)
{
    return w->len >= n && !memcmp(w->w + w->len - n, suffix, n);
}

int pc_words_match_at(const pc_words *ws, size_t i, const char *p)
{
    while (*p == ' ')
        p++;
    if (!*p)
        return 1;
    if (*p == '*' && (p[1] == ' ' || !p[1])) {
        for (size_t gap = 0; gap <= PC_PHRASE_GAP && i + gap <= ws->n; gap++)
            if (pc_words_match_at(ws, i + gap, p + 1))
                return 1;
        return 0;
    }
    const char *end;
    if (i >= ws->n || !pc_word_eq_at(ws->v[i].w, p, &end))
        return 0;
    return pc_words_match_at(ws, i + 1, end);
}

long pc_words_match_next(const pc_words *ws, size_t i, const char *const *first, size_t n,
                         size_t stride, long after)
{
    if (i >= ws->n)
        return -1;
    const pc_word *w = &ws->v[i];
    const pc_word_index *ix = n > PC_WORD_SCAN_MAX ? pc_word_index_of(first, n, stride) : NULL;
    if (!ix) {
        for (size_t t = (size_t)(after + 1); t < n; t++) {
            const char *p = pc_word_index_entry(first, stride, t);
            if (w->w[0] == p[0] && pc_words_match_at(ws, i, p))
                return (long)t;
        }
        return -1;
    }
    const uint32_t *h2 = i + 1 < ws->n ? &ws->v[i + 1].hash : NULL; /* the next word's */
    for (long t = pc_word_index_next2(ix, w->hash, h2, after); t >= 0;
         t = pc_word_index_next2(ix, w->hash, h2, t)) {
        const char *p = pc_word_index_entry(first, stride, (size_t)t);
        if (w->w[0] == p[0] && pc_words_match_at(ws, i, p))
            return t;
    }
    return -1;
}

int pc_words_match_any(const pc_words *ws, size_t i, const char *const *table, size_t n)
{
    return pc_words_match_next(ws, i, table, n, sizeof *table, -1) >= 0;
}

long pc_words_find(const pc_words *ws, const char *const *table, size_t n, size_t from)
{
    for (size_t i = from; i < ws->n; i++)
        if (pc_words_match_any(ws, i, table, n))
            return (long)i;
    return -1;
}

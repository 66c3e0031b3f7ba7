/* sentence.c: the sentence splitter (pc_sentence_end) and the small text predicates the
 * segmenter shares (word counts, case tests, title-like lines).
 *
 * A sentence ends at ".", "!" or "?" (plus closing quotes and brackets) followed by white
 * space and an uppercase letter, a digit, an opening quote or bracket, or CJK text; and right
 * after a CJK full stop (。！？), where no space follows. It does not end after abbreviations
 * (e.g., i.e., Mr., No. 5, Art. 6), initials, company and country abbreviations (Inc., U.S.)
 * unless a typical sentence opener follows, or inside numbers, addresses and e-mails (no space
 * follows the dot there).
 */
#include "segment/seg_internal.h"

#include <ctype.h>
#include <string.h>

static uint32_t seg_cp_at(const char *t, size_t i, size_t e, size_t *len)
{
    uint32_t cp = 0;
    size_t n = pc_utf8_decode(t + i, e - i, &cp);
    if (!n) {
        cp = (unsigned char)t[i];
        n = 1;
    }
    if (len)
        *len = n;
    return cp;
}

static bool seg_cp_upper(uint32_t cp)
{
    return (cp >= 'A' && cp <= 'Z') || (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) ||
           (cp >= 0x391 && cp <= 0x3A9) || (cp >= 0x400 && cp <= 0x42F);
}

static bool seg_cp_lower(uint32_t cp)
{
    return (cp >= 'a' && cp <= 'z') || (cp >= 0xDF && cp <= 0xFF && cp != 0xF7) ||
           (cp >= 0x3B1 && cp <= 0x3C9) || (cp >= 0x430 && cp <= 0x45F);
}

bool pc_seg_is_upper_at(const char *t, size_t i, size_t e)
{
    return i < e && seg_cp_upper(seg_cp_at(t, i, e, NULL));
}

bool pc_seg_is_lower_at(const char *t, size_t i, size_t e)
{
    return i < e && seg_cp_lower(seg_cp_at(t, i, e, NULL));
}

bool pc_seg_has_lower(const char *t, size_t s, size_t e)
{
    for (size_t i = s, n; i < e; i += n)
        if (seg_cp_lower(seg_cp_at(t, i, e, &n)))
            return true;
    return false;
}

bool pc_seg_ieq(const char *t, size_t s, size_t e, const char *word)
{
    return pc_seg_ieqn(t, s, e, word, strlen(word));
}

bool pc_seg_ieqn(const char *t, size_t s, size_t e, const char *word, size_t n)
{
    if (e - s != n)
        return false;
    for (size_t i = 0; i < n; i++)
        if (tolower((unsigned char)t[s + i]) != tolower((unsigned char)word[i]))
            return false;
    return true;
}

bool pc_seg_ends_with(const char *t, size_t s, size_t e, const char *chars)
{
    return e > s && strchr(chars, t[e - 1]) != NULL;
}

static const char *const seg_starters[] = {
    "We", "Our", "Us", "You", "Your", "If", "This", "These", "Those", "The", "They", "It",
    "In", "For", "To", "All", "Any", "When", "Where", "Please", "Such", "Each", "Some",
    "Cookies", "Personal", "Information", "By", "As", "Unless", "However", "For", "Its",
};
static pc_wordset seg_starter_set = PC_WORDSET(seg_starters, false);

bool pc_seg_starter_word(const char *t, size_t s, size_t e)
{
    size_t w = s;
    while (w < e && isalpha((unsigned char)t[w]))
        w++;
    if (w == s || (w < e && !pc_seg_is_space((unsigned char)t[w]) && !strchr(",;:", t[w])))
        return false;
    return SEG_IN(t, s, w, seg_starter_set);
}

/* A short line that reads as a title: a few words, starting with a capital or a digit, no
 * final sentence punctuation (a question is fine), no ":" and no address. */
bool pc_seg_title_like(const char *t, size_t s, size_t e)
{
    if (e <= s || e - s > 90)
        return false;
    size_t words = pc_seg_count_tokens(t, s, e);
    bool question = t[e - 1] == '?';
    if (words == 0 || words > (question ? 14u : 10u))
        return false;
    if (!pc_seg_is_upper_at(t, s, e) && !isdigit((unsigned char)t[s]) && (unsigned char)t[s] < 0xE0)
        return false;
    if (pc_seg_ends_with(t, s, e, ".,;:!-(") || memchr(t + s, ':', e - s) ||
        memchr(t + s, '@', e - s))
        return false;
    for (size_t i = s; i + 1 < e; i++)
        if (t[i] == '/' && t[i + 1] == '/')
            return false;
    return true;
}

/* An ALL-CAPS line: letters, none lowercase, a dozen words at most. */
bool pc_seg_caps_like(const char *t, size_t s, size_t e)
{
    /* an ASCII lowercase letter is a lowercase code point wherever it stands (no byte of a
     * longer UTF-8 sequence is ASCII): most lines are turned away at their first word */
    for (size_t i = s; i < e; i++)
        if ((unsigned char)(t[i] - 'a') < 26)
            return false;
    size_t letters = 0;
    for (size_t i = s; i < e; i++)
        if (isupper((unsigned char)t[i]))
            letters++;
    if (letters < 3 || pc_seg_has_lower(t, s, e))
        return false;
    return pc_seg_count_tokens(t, s, e) <= 12 && !pc_seg_ends_with(t, s, e, ",;:");
}

/* ---- sentence ends ------------------------------------------------------------------------ */

/* Never a sentence end: followed by names or examples. */
static const char *const seg_abbr_never[] = {
    "e.g", "i.e", "cf", "viz", "vs", "mr", "mrs", "ms", "dr", "st", "prof", "jr", "sr",
    "incl", "approx", "resp", "al", "eg", "ie", "ca", "nr",
};
/* Not an end when a number or "(" follows: No. 5, Art. 6(1), Sec. 3. */
static const char *const seg_abbr_numeric[] = {
    "no", "nos", "art", "arts", "sec", "secs", "para", "paras", "fig", "vol", "pp", "p",
    "ch", "chap", "ref", "reg", "annex", "app", "tel", "ph", "fax",
};
/* Company and country abbreviations: an end only when a sentence opener follows. */
static const char *const seg_abbr_name[] = {
    "inc", "ltd", "co", "corp", "llc", "plc", "u.s", "u.k", "e.u", "u.s.a", "s.a", "b.v",
    "pty", "pte", "n.a",
};
static pc_wordset seg_abbr_never_set = PC_WORDSET(seg_abbr_never, true);
static pc_wordset seg_abbr_numeric_set = PC_WORDSET(seg_abbr_numeric, true);
static pc_wordset seg_abbr_name_set = PC_WORDSET(seg_abbr_name, true);

/* Bytes of a closing quote or bracket at i, or 0. */
static size_t seg_closer(const char *t, size_t i, size_t e)
{
    static const char *const closers[] = {"\"", "'", ")", "]", "\xE2\x80\x9D", "\xE2\x80\x99",
                                          "\xC2\xBB", "\xE3\x80\x8D", "\xE3\x80\x8F",
                                          "\xEF\xBC\x89"};
    if (i >= e)
        return 0;
    for (size_t k = 0; k < sizeof closers / sizeof closers[0]; k++) {
        if (closers[k][0] != t[i]) /* most stops are followed by a space */
            continue;
        size_t n = strlen(closers[k]);
        if (i + n <= e && !memcmp(t + i, closers[k], n))
            return n;
    }
    return 0;
}

/* Can a new sentence start at i (after white space)? */
static bool seg_opens_sentence(const char *t, size_t i, size_t e)
{
    size_t n;
    uint32_t cp = seg_cp_at(t, i, e, &n);
    if (seg_cp_upper(cp) || (cp >= '0' && cp <= '9'))
        return true;
    if (cp == '"' || cp == '\'' || cp == '(' || cp == '[' || cp == 0x201C || cp == 0x2018 ||
        cp == 0xAB || cp == 0x300C)
        return true;
    return cp >= 0x2E80 && !seg_cp_lower(cp);
}

/* The period at i ends a sentence unless the word before it is an abbreviation or an
 * initial; `next` is where the following sentence would start. */
static bool seg_period_breaks(const char *t, size_t start, size_t i, size_t next, size_t e)
{
    size_t w = i;
    while (w > start && (isalpha((unsigned char)t[w - 1]) || t[w - 1] == '.'))
        w--;
    if (w == i)
        return true;
    if (i - w == 1 && isupper((unsigned char)t[w]))
        return false; /* an initial: "J. Smith" */
    if (SEG_IN(t, w, i, seg_abbr_never_set))
        return false;
    if (SEG_IN(t, w, i, seg_abbr_numeric_set))
        return !(isdigit((unsigned char)t[next]) || t[next] == '(');
    if (SEG_IN(t, w, i, seg_abbr_name_set))
        return pc_seg_starter_word(t, next, e);
    return true;
}

/* If the ASCII punctuation at i ends a sentence, the offset after it, else 0. */
static size_t seg_ascii_end(const char *t, size_t start, size_t i, size_t e)
{
    size_t j = i;
    while (j < e && (t[j] == '.' || t[j] == '!' || t[j] == '?'))
        j++;
    bool single_period = t[i] == '.' && j == i + 1;
    for (size_t n; j < e && (n = seg_closer(t, j, e)) > 0;)
        j += n;
    if (j >= e)
        return e;
    if (!pc_seg_is_space((unsigned char)t[j]))
        return 0;
    size_t q = j;
    while (q < e && pc_seg_is_space((unsigned char)t[q]))
        q++;
    if (q >= e)
        return j;
    if (!seg_opens_sentence(t, q, e))
        return 0;
    if (single_period && !seg_period_breaks(t, start, i, q, e))
        return 0;
    return j;
}

/* Whether none of the 8 bytes at p is '.', '!', '?' or beyond ASCII: (v - 1) & ~v has a high
 * bit set iff a byte of v is zero, and the xor makes the byte sought zero. */
static bool seg_plain8(const char *p)
{
    const uint64_t ones = 0x0101010101010101ull, high = 0x8080808080808080ull;
    uint64_t x, d, b, q;
    memcpy(&x, p, sizeof x);
    d = x ^ (ones * '.');
    b = x ^ (ones * '!');
    q = x ^ (ones * '?');
    return ((((d - ones) & ~d) | ((b - ones) & ~b) | ((q - ones) & ~q) | x) & high) == 0;
}

size_t pc_sentence_end(const char *text, size_t start, size_t end)
{
    size_t i = start;
    while (i < end) {
        while (i + 8 <= end && seg_plain8(text + i)) /* no byte that stops the scan */
            i += 8;
        if (i >= end)
            break;
        unsigned char c = (unsigned char)text[i];
        if (c == '.' || c == '!' || c == '?') {
            size_t k = seg_ascii_end(text, start, i, end);
            if (k)
                return k;
            while (i < end && (text[i] == '.' || text[i] == '!' || text[i] == '?'))
                i++;
            continue;
        }
        size_t n = 1;
        if (c >= 0x80) {
            uint32_t cp = seg_cp_at(text, i, end, &n);
            if (cp == 0x3002 || cp == 0xFF01 || cp == 0xFF1F || cp == 0xFF0E) {
                size_t j = i + n;
                for (size_t m; j < end && (m = seg_closer(text, j, end)) > 0;)
                    j += m;
                return j;
            }
            if (cp == 0x2026) { /* "…" behaves like "..." */
                size_t q = i + n;
                while (q < end && pc_seg_is_space((unsigned char)text[q]))
                    q++;
                if (q > i + n && (q >= end || pc_seg_is_upper_at(text, q, end)))
                    return i + n;
            }
        }
        i += n;
    }
    return end;
}

/* unwrap.c: joining the lines of a hard-wrapped paragraph (pc_unwrap_lines, normalize.h).
 *
 * A plain-text policy saved at a fixed width breaks its sentences across lines ("we collect
 * personal" / "information such as your name"). A line break is read as a space when the line
 * before it runs on: it holds at least UW_MIN_TOKENS tokens, does not end a sentence or
 * introduce something (. ! ? : ;), and is no Markdown heading or table row; and the line after
 * it continues the sentence: it starts with a lowercase letter that is no list marker ("a." or
 * "iv)"), or, after a line too long to be a heading (UW_LONG_LINE bytes, more than
 * UW_HEADING_TOKENS tokens) with no marker and no address at its end, with a capital or a
 * digit on a line that is no heading either (it ends with punctuation or is longer than one)
 * and starts with no marker ("1." "A."). Blank lines, lists and headings stay as they are.
 */
#include "text/normalize.h"

#include <string.h>

#define UW_MIN_TOKENS 5      /* a heading or a title is shorter than a wrapped line of prose */
#define UW_LONG_LINE 50      /* bytes: a line this long, cut short, was wrapped */
#define UW_HEADING_TOKENS 10 /* a heading is no longer */

static int uw_blank(char c)
{
    return c == ' ' || c == '\t';
}

/* Does t[p..e) start with a lowercase letter (ASCII, or Latin-1 as UTF-8)? */
static int uw_lower_start(const char *t, size_t p, size_t e)
{
    unsigned char c = (unsigned char)t[p];
    if (c >= 'a' && c <= 'z')
        return 1;
    unsigned char d = p + 1 < e ? (unsigned char)t[p + 1] : 0;
    return c == 0xC3 && d >= 0x9F && d <= 0xBF && d != 0xB7;
}

/* "a. " "iv) " at p (the text ending at e or at a line end): a lowercase list marker. */
static int uw_letter_marker(const char *t, size_t p, size_t e)
{
    size_t i = p;
    while (i < e && i - p < 5 && t[i] >= 'a' && t[i] <= 'z')
        i++;
    return i > p && i < e && (t[i] == '.' || t[i] == ')') &&
           (i + 1 == e || uw_blank(t[i + 1]) || t[i + 1] == '\n');
}

/* Does t[s..e) hold at least k tokens (runs of bytes between blanks)? Stops counting at k. */
static int uw_tokens_at_least(const char *t, size_t s, size_t e, size_t k)
{
    size_t n = 0;
    for (size_t i = s; i < e && n < k; i++)
        n += !uw_blank(t[i]) && (i == s || uw_blank(t[i - 1]));
    return n >= k;
}

/* "1. " "2) " "1.2 " "A. " "IV) " at p: a list marker or a numbered heading. */
static int uw_number_marker(const char *t, size_t p, size_t e)
{
    size_t i = p;
    while (i < e && i - p < 8 && ((t[i] >= '0' && t[i] <= '9') || (t[i] >= 'A' && t[i] <= 'Z') ||
                                  (t[i] == '.' && i > p)))
        i++;
    if (i > p && i < e && t[i] == ')')
        i++;
    return i > p && (i == e || uw_blank(t[i])) && (t[i - 1] == '.' || t[i - 1] == ')' ||
                                                   memchr(t + p, '.', i - p));
}

/* Does the line t[s..e) (its blanks at both ends removed) run on into the next one? */
static int uw_runs_on(const char *t, size_t s, size_t e)
{
    while (s < e && uw_blank(t[s]))
        s++;
    if (s >= e || t[s] == '#' || t[s] == '|')
        return 0;
    size_t k = e;
    while (k > s && strchr("\"')]\xE2\x80\x9D\x99", t[k - 1])) /* closing quotes, brackets */
        k--;
    if (k == s || strchr(".!?:;", t[k - 1]))
        return 0;
    return uw_tokens_at_least(t, s, e, UW_MIN_TOKENS);
}

/* Does the line t[s..e) end with an address (an e-mail, a web address), after which a
 * capital starts a new sentence rather than continuing one? */
static int uw_ends_with_address(const char *t, size_t s, size_t e)
{
    size_t w = e;
    while (w > s && !uw_blank(t[w - 1]))
        w--;
    for (size_t k = w; k < e; k++)
        if (t[k] == '@' || t[k] == '/' || (k + 4 <= e && !memcmp(t + k, "www.", 4)))
            return 1;
    return 0;
}

/* Can the line t[s..e) not be a heading: it ends with punctuation or is too long for one? */
static int uw_not_heading(const char *t, size_t s, size_t e)
{
    return strchr(".,;:!?", t[e - 1]) || uw_tokens_at_least(t, s, e, UW_HEADING_TOKENS + 1);
}

/* Does the line starting at p (up to n) continue the sentence of the line t[s..e) before it?
 * Sets *text to its first non-blank byte. */
static int uw_continues(const char *t, size_t s, size_t e, size_t p, size_t n, size_t *text)
{
    while (p < n && uw_blank(t[p]))
        p++;
    *text = p;
    if (p >= n || t[p] == '\n' || uw_letter_marker(t, p, n))
        return 0;
    if (uw_lower_start(t, p, n))
        return 1;
    const char *nl = memchr(t + p, '\n', n - p);
    size_t ne = nl ? (size_t)(nl - t) : n;
    /* a capital or a digit continues a long line ("...the Do" / "Not Track signals") when
     * neither line could be a heading or starts with a marker and the long line ends with no
     * address */
    unsigned char c = (unsigned char)t[p];
    while (s < e && uw_blank(t[s]))
        s++;
    return ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) && e - s >= UW_LONG_LINE &&
           uw_tokens_at_least(t, s, e, UW_HEADING_TOKENS + 1) && !uw_number_marker(t, s, e) &&
           !uw_ends_with_address(t, s, e) && uw_not_heading(t, p, ne) &&
           !uw_number_marker(t, p, ne);
}

void pc_unwrap_lines(pc_norm *nm)
{
    char *t = nm->out.data;
    size_t n = nm->out.len, r = 0, w = 0, li = 0;
    if (!t)
        return;
    for (;;) {
        while (li < nm->nlines && nm->lines[li].offset <= r)
            nm->lines[li++].offset = w;
        if (r >= n)
            break;
        const char *nl = memchr(t + r, '\n', n - r);
        size_t eol = nl ? (size_t)(nl - t) : n, next = eol;
        int join = eol < n && uw_runs_on(t, r, eol) && uw_continues(t, r, eol, eol + 1, n, &next);
        if (w != r)
            memmove(t + w, t + r, eol - r);
        w += eol - r;
        if (eol >= n) {
            r = eol;
            continue;
        }
        /* a joined line's indentation goes; its linemap entry moves to its first byte */
        t[w++] = join ? ' ' : '\n';
        r = join ? next : eol + 1;
    }
    nm->out.len = w;
    t[w] = '\0';
}

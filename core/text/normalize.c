/* normalize.c: the text normalizer (rules in normalize.h). One pass over the input; printable
 * ASCII is copied in runs, everything else goes through norm_special(). */
#include "text/normalize.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static int norm_add_line(pc_norm *nm)
{
    if (pc_grow(&nm->lines, &nm->lines_cap, nm->nlines + 1, sizeof *nm->lines) < 0)
        return -1;
    nm->lines[nm->nlines].offset = nm->out.len;
    nm->lines[nm->nlines].line = nm->line;
    nm->nlines++;
    return 0;
}

/* Append bytes that are not blank (not space or tab): the line's content now ends here. */
static int norm_put(pc_norm *nm, const void *p, size_t n)
{
    if (pc_buf_add(&nm->out, p, n) < 0)
        return -1;
    nm->content_end = nm->out.len;
    return 0;
}

static int norm_put_blank(pc_norm *nm, char c)
{
    return pc_buf_addc(&nm->out, c);
}

/* End the output line: drop its trailing blanks, add "\n". `source` says the input had a line
 * break here (the source line advances and the linemap gets an entry). */
static int norm_newline(pc_norm *nm, int source)
{
    nm->out.len = nm->content_end;
    if (pc_buf_addc(&nm->out, '\n') < 0)
        return -1;
    nm->content_end = nm->out.len;
    if (!source)
        return 0;
    nm->line++;
    return (nm->flags & PC_NORM_LINEMAP) ? norm_add_line(nm) : 0;
}

/* A line break that is not one in the source (FF, VT, U+2028, U+2029). */
static int norm_soft_break(pc_norm *nm)
{
    if (nm->flags & PC_NORM_SAME_LINES)
        return norm_put_blank(nm, ' ');
    return norm_newline(nm, 0);
}

/* End of a CSI body starting at s[i] (parameters, intermediates, one final byte). A byte that
 * cannot belong to the sequence ends it and is not consumed. */
static size_t csi_end(const unsigned char *s, size_t n, size_t i)
{
    while (i < n && s[i] >= 0x30 && s[i] <= 0x3F)
        i++;
    while (i < n && s[i] >= 0x20 && s[i] <= 0x2F)
        i++;
    if (i < n && s[i] >= 0x40 && s[i] <= 0x7E)
        i++;
    return i;
}

/* End of a control string (OSC, DCS, APC, PM, SOS) body starting at s[i]: after BEL, ESC \ or
 * the 8-bit ST; a line break ends it too (not consumed) so a stray ESC ] cannot eat a file. */
static size_t string_end(const unsigned char *s, size_t n, size_t i)
{
    for (; i < n; i++) {
        if (s[i] == 0x07)
            return i + 1;
        if (s[i] == '\n' || s[i] == '\r')
            return i;
        if (i + 1 < n && ((s[i] == 0x1B && s[i + 1] == '\\') || (s[i] == 0xC2 && s[i + 1] == 0x9C)))
            return i + 2;
    }
    return n;
}

/* End of the ESC sequence at s[i] (s[i] == ESC). */
static size_t esc_end(const unsigned char *s, size_t n, size_t i)
{
    if (i + 1 >= n)
        return i + 1;
    unsigned char c = s[i + 1];
    if (c == '[')
        return csi_end(s, n, i + 2);
    if (c == ']' || c == 'P' || c == '_' || c == '^' || c == 'X')
        return string_end(s, n, i + 2);
    if (c >= 0x20 && c <= 0x2F) {
        size_t j = i + 1;
        while (j < n && s[j] >= 0x20 && s[j] <= 0x2F)
            j++;
        return (j < n && s[j] >= 0x30 && s[j] <= 0x7E) ? j + 1 : j;
    }
    if (c >= 0x30 && c <= 0x7E)
        return i + 2;
    return i + 1;
}

static int is_unicode_space(uint32_t cp)
{
    return cp == 0x00A0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x202F ||
           cp == 0x205F || cp == 0x3000;
}

static int is_bidi_control(uint32_t cp)
{
    return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}

static int is_invisible(uint32_t cp)
{
    return cp == 0x200B || cp == 0x2060 || cp == 0xFEFF || cp == 0x00AD;
}

/* One C1 control (U+0080-U+009F) of k bytes at s[i]; its 8-bit CSI and string introducers take
 * their whole sequence along. Returns the index after it. */
static size_t c1_end(const unsigned char *s, size_t n, size_t i, uint32_t cp, size_t k)
{
    if (cp == 0x9B)
        return csi_end(s, n, i + k);
    if (cp == 0x90 || cp == 0x98 || cp == 0x9D || cp == 0x9E || cp == 0x9F)
        return string_end(s, n, i + k);
    return i + k;
}

/* A non-ASCII character at s[i]; sets *next. Returns 0, or -1 when memory runs out. */
static int norm_nonascii(pc_norm *nm, const unsigned char *s, size_t n, size_t i, size_t *next)
{
    static const char replacement[] = "\xEF\xBF\xBD";
    uint32_t cp;
    size_t k = pc_utf8_decode((const char *)s + i, n - i, &cp);
    if (k == 0) {
        nm->invalid_bytes++;
        *next = i + 1;
        return norm_put(nm, replacement, 3);
    }
    *next = i + k;
    if (cp <= 0x9F) {
        nm->controls_removed++;
        *next = c1_end(s, n, i, cp, k);
        return 0;
    }
    if (is_bidi_control(cp)) {
        nm->controls_removed++;
        return 0;
    }
    if (is_invisible(cp))
        return 0;
    if (is_unicode_space(cp))
        return norm_put_blank(nm, ' ');
    if (cp == 0x2028 || cp == 0x2029)
        return norm_soft_break(nm);
    return norm_put(nm, s + i, k);
}

/* Anything but printable ASCII at s[i]; sets *next. Returns 0, or -1 when memory runs out. */
static int norm_special(pc_norm *nm, const unsigned char *s, size_t n, size_t i, size_t *next)
{
    unsigned char c = s[i];
    *next = i + 1;
    if (c >= 0x80)
        return norm_nonascii(nm, s, n, i, next);
    switch (c) {
    case '\n':
        return norm_newline(nm, 1);
    case '\r':
        if (i + 1 < n && s[i + 1] == '\n')
            *next = i + 2;
        return norm_newline(nm, 1);
    case '\t':
        return norm_put_blank(nm, '\t');
    case '\f':
    case '\v':
        nm->controls_removed++;
        return norm_soft_break(nm);
    case 0x1B:
        nm->controls_removed++;
        *next = esc_end(s, n, i);
        return 0;
    default: /* other C0 controls and DEL */
        nm->controls_removed++;
        return 0;
    }
}

/* Whether the 8 bytes at s are all printable ASCII (0x20-0x7E). */
static int norm_printable8(const unsigned char *s)
{
    uint64_t x;
    memcpy(&x, s, sizeof x);
    const uint64_t ones = 0x0101010101010101ull, high = 0x8080808080808080ull;
    /* with no high bit set, x + ones carries into a byte's high bit only from 0x7F; x - 0x20
     * borrows into one only below a byte under 0x20 (and first at that byte) */
    return ((x | (x + ones) | (x - ones * 0x20)) & high) == 0;
}

/* Copy the run of printable ASCII at s[i..); returns its end, or 0 when memory runs out. */
static size_t norm_ascii_run(pc_norm *nm, const unsigned char *s, size_t n, size_t i)
{
    size_t j = i;
    while (j + 8 <= n && norm_printable8(s + j))
        j += 8;
    while (j < n && s[j] >= 0x20 && s[j] < 0x7F)
        j++;
    size_t base = nm->out.len;
    if (pc_buf_add(&nm->out, s + i, j - i) < 0)
        return 0;
    size_t last = j;
    while (last > i && s[last - 1] == ' ')
        last--;
    if (last > i)
        nm->content_end = base + (last - i);
    return j;
}

int pc_normalize(pc_norm *nm, const char *src, size_t n)
{
    const unsigned char *s = (const unsigned char *)src;
    if (nm->line == 0)
        nm->line = 1;
    if (nm->out.len == 0)
        nm->content_end = 0;
    if (pc_buf_reserve(&nm->out, n) < 0)
        return -1;
    if ((nm->flags & PC_NORM_LINEMAP) && nm->nlines == 0 && norm_add_line(nm) < 0)
        return -1;
    size_t i = 0;
    while (i < n) {
        if (s[i] >= 0x20 && s[i] < 0x7F) {
            i = norm_ascii_run(nm, s, n, i);
            if (i == 0)
                return -1;
            continue;
        }
        if (norm_special(nm, s, n, i, &i) < 0)
            return -1;
    }
    nm->out.len = nm->content_end; /* s ends a line: drop its trailing blanks */
    nm->out.data[nm->out.len] = '\0';
    return 0;
}

void pc_norm_free(pc_norm *nm)
{
    pc_buf_free(&nm->out);
    free(nm->lines);
    nm->lines = NULL;
    nm->nlines = nm->lines_cap = 0;
}

unsigned pc_linemap_find(const pc_linemap *lines, size_t nlines, size_t offset)
{
    if (nlines == 0)
        return 1;
    size_t lo = 0, hi = nlines;
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (lines[mid].offset <= offset)
            lo = mid;
        else
            hi = mid;
    }
    return lines[lo].line;
}

/* ---- Markdown ----------------------------------------------------------------------------
 * Stripping only deletes bytes, so it works in place: a write index w trails the read index.
 * Markup found ahead of the read index on the same line (a closing "**", a link's "](url)")
 * is overwritten with MD_GONE, which the normalized text cannot contain, and skipped when
 * reached. */

#define MD_GONE '\x01'
#define MD_SCAN_MAX 1000 /* how far a closing emphasis marker is looked for */

/* Markdown state carried from line to line. Plain value. */
typedef struct md_state {
    int in_fence, in_comment;
} md_state;

static int md_is_space(char c)
{
    return c == ' ' || c == '\t';
}

static int md_is_alnum(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
           (unsigned char)c >= 0x80;
}

static int md_is_punct(char c)
{
    return c > 0x20 && c < 0x7F && !md_is_alnum(c);
}

/* End of the bracketed run opening at t[i] (t[i] is open): index of its matching close. */
static size_t md_match(const char *t, size_t i, size_t eol, char open, char close)
{
    int depth = 0;
    for (size_t j = i; j < eol; j++) {
        if (t[j] == '\\') {
            j++;
            continue;
        }
        if (t[j] == open)
            depth++;
        else if (t[j] == close && --depth == 0)
            return j;
    }
    return 0;
}

/* A link whose "[" is at t[i]: mark its "](url)" (or "][n]" / "][]") gone. Returns 1 if so. */
static int md_link(char *t, size_t i, size_t eol)
{
    size_t close = md_match(t, i, eol, '[', ']');
    if (close == 0 || close + 1 >= eol)
        return 0;
    size_t end = 0;
    if (t[close + 1] == '(') {
        end = md_match(t, close + 1, eol, '(', ')');
    } else if (t[close + 1] == '[') {
        end = md_match(t, close + 1, eol, '[', ']');
        for (size_t j = close + 2; end && j < end; j++)
            if (t[j] < '0' || t[j] > '9')
                end = 0; /* only [text][] and [text][12]: "[A][B]" may be two placeholders */
    }
    if (end == 0)
        return 0;
    memset(t + close, MD_GONE, end + 1 - close);
    return 1;
}

/* An emphasis run of `len` c's at t[i] (prev is the character before it): when it opens
 * emphasis closed later on the line, mark the closer gone and return 1. */
static int md_emphasis(char *t, size_t i, size_t len, size_t eol, char prev)
{
    char c = t[i];
    size_t after = i + len;
    if (len > 3 || after >= eol || md_is_space(t[after]) || md_is_alnum(prev))
        return 0;
    size_t lim = eol - after > MD_SCAN_MAX ? after + MD_SCAN_MAX : eol;
    for (size_t j = after + 1; j + len <= lim; j++) {
        if (t[j] != c || t[j - 1] == c)
            continue;
        size_t k = j;
        while (k < eol && t[k] == c)
            k++;
        if (k - j != len || md_is_space(t[j - 1]) || (k < eol && md_is_alnum(t[k]))) {
            j = k;
            continue;
        }
        memset(t + j, MD_GONE, len);
        return 1;
    }
    return 0;
}

/* An HTML tag at t[i] ("<" letter ... ">" on the line): its end, or 0. */
static size_t md_tag_end(const char *t, size_t i, size_t eol)
{
    size_t j = i + 1;
    if (j < eol && t[j] == '/')
        j++;
    if (j >= eol || !((t[j] >= 'A' && t[j] <= 'Z') || (t[j] >= 'a' && t[j] <= 'z')))
        return 0;
    while (j < eol && (md_is_alnum(t[j]) || t[j] == '-'))
        j++;
    if (j < eol && t[j] == '/' && j + 1 < eol && t[j + 1] == '>')
        return j + 2;
    if (j < eol && t[j] == '>')
        return j + 1;
    if (j >= eol || !md_is_space(t[j]))
        return 0;
    for (; j < eol && t[j] != '<'; j++)
        if (t[j] == '>')
            return j + 1;
    return 0;
}

/* An autolink "<scheme:...>" or "<a@b>" at t[i]: index of its ">", or 0. */
static size_t md_autolink_end(const char *t, size_t i, size_t eol)
{
    int colon = 0, at = 0;
    for (size_t j = i + 1; j < eol; j++) {
        if (t[j] == '>')
            return (colon || at) && j > i + 1 ? j : 0;
        if (md_is_space(t[j]) || t[j] == '<')
            return 0;
        colon |= t[j] == ':';
        at |= t[j] == '@';
    }
    return 0;
}

/* "<" at t[i]: a comment, tag or autolink is consumed (returns the next read index, > i);
 * 0 when the "<" is plain text. */
static size_t md_angle(char *t, size_t i, size_t eol, md_state *st)
{
    if (eol - i >= 4 && memcmp(t + i, "<!--", 4) == 0) {
        for (size_t j = i + 4; j + 3 <= eol; j++)
            if (memcmp(t + j, "-->", 3) == 0)
                return j + 3;
        st->in_comment = 1;
        return eol;
    }
    size_t e = md_tag_end(t, i, eol);
    if (e)
        return e;
    e = md_autolink_end(t, i, eol);
    if (e == 0)
        return 0;
    t[e] = MD_GONE;
    return i + 1;
}

/* A "[label]: url" reference definition line? */
static int md_is_refdef(const char *t, size_t r, size_t eol)
{
    while (r < eol && md_is_space(t[r]))
        r++;
    if (r >= eol || t[r] != '[')
        return 0;
    size_t close = md_match(t, r, eol, '[', ']');
    if (close == 0 || close + 1 >= eol || t[close + 1] != ':')
        return 0;
    size_t u = close + 2;
    while (u < eol && md_is_space(t[u]))
        u++;
    static const char *const starts[] = {"http://", "https://", "www.", "mailto:", "/", "#",
                                         "<", NULL};
    for (const char *const *s = starts; *s; s++)
        if (eol - u >= strlen(*s) && strncmp(t + u, *s, strlen(*s)) == 0)
            return 1;
    return 0;
}

static int md_is_fence(const char *t, size_t r, size_t eol)
{
    for (int k = 0; k < 3 && r < eol && t[r] == ' '; k++)
        r++;
    return eol - r >= 3 && (memcmp(t + r, "```", 3) == 0 || memcmp(t + r, "~~~", 3) == 0);
}

/* Inline markup of t[r..eol), written at t[w..]; returns the new w. */
static size_t md_inline(char *t, size_t r, size_t eol, size_t w, md_state *st)
{
    char prev = ' ';
    size_t i = r;
    while (i < eol) {
        char c = t[i];
        size_t next;
        if (c == MD_GONE || c == '`') {
            i++;
            continue;
        }
        if (c == '\\' && i + 1 < eol && md_is_punct(t[i + 1])) {
            t[w++] = prev = t[i + 1];
            i += 2;
            continue;
        }
        if (c == '<' && (next = md_angle(t, i, eol, st)) != 0) {
            i = next;
            continue;
        }
        if ((c == '[' && md_link(t, i, eol)) ||
            (c == '!' && i + 1 < eol && t[i + 1] == '[' && md_link(t, i + 1, eol))) {
            i += c == '!' ? 2 : 1;
            prev = '[';
            continue;
        }
        if (c == '*' || c == '_') {
            size_t len = 1;
            while (i + len < eol && t[i + len] == c)
                len++;
            if (!md_emphasis(t, i, len, eol, prev))
                memmove(t + w, t + i, len), w += len;
            i += len;
            prev = c;
            continue;
        }
        t[w++] = prev = c;
        i++;
    }
    return w;
}

/* One line t[r..eol) written at t[w..]; returns the new w. */
static size_t md_line(char *t, size_t r, size_t eol, size_t w, md_state *st)
{
    if (st->in_comment) {
        size_t j = r;
        while (j + 3 <= eol && memcmp(t + j, "-->", 3) != 0)
            j++;
        if (j + 3 > eol)
            return w;
        st->in_comment = 0;
        r = j + 3;
    }
    if (md_is_fence(t, r, eol)) {
        st->in_fence = !st->in_fence;
        return w;
    }
    if (st->in_fence) {
        memmove(t + w, t + r, eol - r);
        return w + (eol - r);
    }
    if (md_is_refdef(t, r, eol))
        return w;
    return md_inline(t, r, eol, w, st);
}

void pc_markdown_strip(pc_norm *nm)
{
    char *t = nm->out.data;
    size_t n = nm->out.len, r = 0, w = 0, li = 0;
    md_state st = {0, 0};
    if (!t)
        return;
    for (;;) {
        while (li < nm->nlines && nm->lines[li].offset <= r)
            nm->lines[li++].offset = w;
        if (r >= n)
            break;
        const char *nl = memchr(t + r, '\n', n - r);
        size_t eol = nl ? (size_t)(nl - t) : n;
        size_t w0 = w;
        w = md_line(t, r, eol, w, &st);
        while (w > w0 && md_is_space(t[w - 1]))
            w--;
        r = eol;
        if (r < n) {
            t[w++] = '\n';
            r++;
        }
    }
    nm->out.len = w;
    t[w] = '\0';
}

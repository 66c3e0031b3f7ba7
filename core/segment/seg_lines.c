/* seg_lines.c: cutting a document into lines, parsing list and heading markers, and deciding
 * for each line whether it is a heading, a list item or paragraph text.
 *
 * The decision uses the marker (1. / 1.1 / (A) / iv) / # / Q: / bullets), the line's shape
 * (length, final punctuation, ALL CAPS, title-like), its indentation and its context: a line
 * ending with ":" introduces a list, and a run of (A), (B), (C) lines is a list.
 */
#include "segment/seg_internal.h"

#include <ctype.h>
#include <string.h>

/* ---- markers ------------------------------------------------------------------------------ */

static const char *const seg_bullets[] = {
    "-", "*", "+", "\xE2\x80\xA2", "\xC2\xB7", "\xE2\x80\x93", "\xE2\x96\xAA", "\xE2\x97\x8B",
    "\xE2\x97\x8F", "\xE2\x96\xBA", "\xE2\x97\xA6", "\xE2\x96\xA0", "\xE2\x9E\xA2",
};

static size_t seg_bullet_len(const char *t, size_t p, size_t e)
{
    if (p >= e)
        return 0;
    for (size_t k = 0; k < sizeof seg_bullets / sizeof seg_bullets[0]; k++) {
        if (seg_bullets[k][0] != t[p]) /* most lines start with no bullet's first byte */
            continue;
        size_t n = strlen(seg_bullets[k]);
        if (p + n < e && !memcmp(t + p, seg_bullets[k], n) &&
            pc_seg_is_space((unsigned char)t[p + n]))
            return n;
    }
    return 0;
}

/* Value of a canonical roman numeral made of I, V, X (1..39), else 0. */
static long seg_roman(const char *t, size_t s, size_t e)
{
    static const char *const canon[] = {"", "i", "ii", "iii", "iv", "v", "vi", "vii", "viii",
                                        "ix"};
    if (e <= s || e - s > 6)
        return 0;
    size_t i = s;
    long tens = 0;
    while (i < e && tolower((unsigned char)t[i]) == 'x' && tens < 3) {
        tens++;
        i++;
    }
    for (long u = 9; u >= 0; u--) {
        size_t n = strlen(canon[u]);
        if (i + n == e && (u > 0 || tens > 0) && pc_seg_ieqn(t, i, e, canon[u], n))
            return tens * 10 + u;
    }
    return 0;
}

static bool seg_marker_end_ok(const char *t, size_t p, size_t e)
{
    return p >= e || pc_seg_is_space((unsigned char)t[p]);
}

/* "1." "1)" "1.2" "1.2.3." at p: sets depth, num, first; returns the offset after it or 0. */
static size_t seg_parse_decimal(const char *t, size_t p, size_t e, seg_line *l)
{
    size_t i = p;
    int depth = 0;
    long num = 0, first = 0;
    for (;;) {
        size_t d = i;
        long v = 0;
        while (i < e && isdigit((unsigned char)t[i]) && i - d < 3)
            v = v * 10 + (t[i++] - '0');
        if (i == d || (i < e && isdigit((unsigned char)t[i])))
            return 0;
        if (++depth == 1)
            first = v;
        num = v;
        if (i + 1 < e && t[i] == '.' && isdigit((unsigned char)t[i + 1]) && depth < 6) {
            i++;
            continue;
        }
        break;
    }
    if (i < e && (t[i] == '.' || t[i] == ')') && seg_marker_end_ok(t, i + 1, e))
        i++;
    else if (depth < 2 || !seg_marker_end_ok(t, i, e))
        return 0;
    l->depth = depth;
    l->num = num;
    l->first = first;
    return i;
}

/* "(A)" "(iv)" "A)" "a." "IV." at p: sets marker and num; returns the offset after it or 0. */
static size_t seg_parse_letter(const char *t, size_t p, size_t e, seg_line *l)
{
    bool paren = t[p] == '(';
    size_t s = p + paren, i = s;
    while (i < e && isalpha((unsigned char)t[i]) && i - s < 6)
        i++;
    if (i == s || i >= e || !(t[i] == ')' || (!paren && t[i] == '.')))
        return 0;
    if (!seg_marker_end_ok(t, i + 1, e) || i + 1 >= e)
        return 0;
    bool upper = isupper((unsigned char)t[s]);
    long r = seg_roman(t, s, i);
    if (i - s == 1 && !(r && tolower((unsigned char)t[s]) == 'i')) {
        l->num = tolower((unsigned char)t[s]) - 'a' + 1;
        l->marker = paren || t[i] == ')' ? (upper ? MK_PAREN_UPPER : MK_PAREN_LOWER)
                                         : (upper ? MK_ALPHA_UPPER : MK_ALPHA_LOWER);
    } else if (r) {
        l->num = r;
        l->marker = upper ? MK_ROMAN_UPPER : MK_ROMAN_LOWER;
    } else {
        return 0;
    }
    return i + 1;
}

static size_t seg_skip_space(const char *t, size_t p, size_t e)
{
    while (p < e && pc_seg_is_space((unsigned char)t[p]))
        p++;
    return p;
}

/* Markdown "## Title ##": level and the title's bounds. */
static bool seg_parse_md(const char *t, size_t p, size_t e, seg_line *l)
{
    size_t i = p;
    while (i < e && t[i] == '#' && i - p < 7)
        i++;
    if (i - p > 6 || !seg_marker_end_ok(t, i, e))
        return false;
    l->marker = MK_MD_HEADING;
    l->depth = (int)(i - p);
    l->text = seg_skip_space(t, i, e);
    size_t te = e;
    while (te > l->text && t[te - 1] == '#')
        te--;
    if (te < e && te > l->text && t[te - 1] == ' ') {
        while (te > l->text && t[te - 1] == ' ')
            te--;
        l->text_end = te;
    }
    return true;
}

static void seg_parse_marker(const char *t, seg_line *l)
{
    size_t p = l->text, e = l->end, q, n;
    if (p >= e)
        return;
    if (t[p] == '#' && seg_parse_md(t, p, e, l))
        return;
    if (p + 2 <= e && (t[p] == 'Q' || t[p] == 'A') && t[p + 1] == ':') {
        l->marker = t[p] == 'Q' ? MK_QUESTION : MK_ANSWER;
        l->text = seg_skip_space(t, p + 2, e);
        return;
    }
    if ((n = seg_bullet_len(t, p, e)) > 0) {
        l->marker = MK_BULLET;
        l->text = seg_skip_space(t, p + n, e);
        return;
    }
    if (isdigit((unsigned char)t[p]) && (q = seg_parse_decimal(t, p, e, l)) > 0) {
        l->marker = MK_DECIMAL;
        l->text = seg_skip_space(t, q, e);
        return;
    }
    if ((t[p] == '(' || isalpha((unsigned char)t[p])) && (q = seg_parse_letter(t, p, e, l)) > 0)
        l->text = seg_skip_space(t, q, e);
}

/* Strip "**" around a whole bold line. */
static void seg_unbold(const char *t, seg_line *l)
{
    size_t s = l->text, e = l->text_end;
    if (e - s > 4 && !memcmp(t + s, "**", 2) && !memcmp(t + e - 2, "**", 2) &&
        !memchr(t + s + 2, '*', e - s - 4)) {
        l->text = s + 2;
        l->text_end = e - 2;
    }
}

/* ---- scanning ----------------------------------------------------------------------------- */

static void seg_attach_block(const pc_doc *doc, size_t *bi, seg_line *l, size_t nl)
{
    l->block = -1;
    while (*bi < doc->nblocks && doc->blocks[*bi].end < l->start)
        (*bi)++;
    if (*bi < doc->nblocks && doc->blocks[*bi].start <= nl && doc->blocks[*bi].end >= l->start) {
        /* a table row is one item of its table's list */
        pc_block_kind k = doc->blocks[*bi].kind;
        l->block = (int)(k == PC_BLOCK_ROW ? PC_BLOCK_ITEM : k);
        l->block_level = doc->blocks[*bi].level;
    }
}

int pc_seg_scan_lines(const pc_doc *doc, seg_lines *out)
{
    const char *t = doc->text;
    size_t bi = 0;
    for (size_t s = 0; s < doc->len;) {
        const char *nlp = memchr(t + s, '\n', doc->len - s);
        size_t nl = nlp ? (size_t)(nlp - t) : doc->len;
        if (pc_grow(&out->v, &out->cap, out->n + 1, sizeof *out->v) < 0)
            return -1;
        seg_line *l = &out->v[out->n++];
        memset(l, 0, sizeof *l);
        l->start = s;
        l->end = nl;
        while (l->end > s && pc_seg_is_space((unsigned char)t[l->end - 1]))
            l->end--;
        size_t p = s;
        for (; p < l->end && (t[p] == ' ' || t[p] == '\t'); p++)
            l->indent += t[p] == '\t' ? 4 : 1;
        l->text = p;
        l->text_end = l->end;
        seg_attach_block(doc, &bi, l, nl);
        l->kind = p >= l->end ? SEG_BLANK : SEG_PARA;
        if (l->kind != SEG_BLANK) {
            seg_parse_marker(t, l);
            if (!l->text_end || l->text_end > l->end || l->text_end < l->text)
                l->text_end = l->end;
            seg_unbold(t, l);
        }
        s = nl + 1;
    }
    return 0;
}

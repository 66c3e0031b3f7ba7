/* html_tag.c: a start tag's unread attributes taken out before libxml2 parses it (see
 * html_tag_compact in html_internal.h). The tokens follow libxml2 2.9's htmlParseStartTag:
 * the tag name, then attributes (htmlParseAttribute: a name, blanks, '=', blanks and a
 * quoted or bare value) or bogus tokens (up to a blank or the tag's end) between blanks,
 * until '>' or "/>". Whatever does not tokenize plainly leaves the tag untouched. */
#include "text/html_internal.h"
#include "util/ascii16.h"

#include <string.h>
#include <strings.h>


#define TAG_NAME_MAX 100 /* libxml2's HTML_PARSER_BUFFER_SIZE: longer names are cut */
#define TAG_SEGS_MAX 64

/* A run of the tag's bytes kept as it is, or dropped (an attribute nobody reads). */
typedef struct tag_seg {
    const unsigned char *s, *e;
    int drop;
} tag_seg;

/* The tag's runs; the tag ends at gt ('>'). */
typedef struct tag_scan {
    tag_seg seg[TAG_SEGS_MAX];
    size_t nseg, ndrop;
    const unsigned char *gt;
} tag_scan;

static int tag_blank(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static int tag_letter(unsigned char c)
{
    return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
}

static int tag_name_char(unsigned char c)
{
    return tag_letter(c) || (c >= '0' && c <= '9') || c == ':' || c == '-' || c == '_' ||
           c == '.';
}

static int tag_add(tag_scan *t, const unsigned char *s, const unsigned char *e, int drop)
{
    if (t->nseg == TAG_SEGS_MAX)
        return -1;
    t->seg[t->nseg++] = (tag_seg){s, e, drop};
    t->ndrop += (size_t)drop;
    return 0;
}

/* The end of an attribute value starting at p (after '=' and blanks), or NULL when it runs
 * to the end of the input or holds a NUL byte. */
static const unsigned char *tag_value_end(const unsigned char *p, const unsigned char *end)
{
    if (p < end && (*p == '"' || *p == '\'')) {
        const unsigned char *q = memchr(p + 1, *p, (size_t)(end - p - 1));
        return q && !memchr(p + 1, '\0', (size_t)(q - p - 1)) ? q + 1 : NULL;
    }
    while (p < end && *p && !tag_blank(*p) && *p != '>')
        p++;
    return p < end && *p ? p : NULL;
}

/* One attribute at p: its end, or NULL (give up). *drop when the reader never reads it. */
static const unsigned char *tag_attribute(const unsigned char *p, const unsigned char *end,
                                          int *drop)
{
    char name[TAG_NAME_MAX];
    size_t n = 0;
    const unsigned char *q = p;
    for (; q < end && tag_name_char(*q); q++) {
        if (n + 1 == sizeof name)
            return NULL;
        name[n++] = (char)(*q | (tag_letter(*q) ? 0x20 : 0));
    }
    name[n] = '\0';
    *drop = !html_attr_read(name);
    const unsigned char *r = q;
    while (r < end && tag_blank(*r))
        r++;
    if (r >= end || *r != '=')
        return q; /* no value: the blanks after it separate as any others */
    for (r++; r < end && tag_blank(*r); r++)
        ;
    return tag_value_end(r, end);
}

/* A bogus token (not starting an attribute name): up to a blank, '>' or "/>". */
static const unsigned char *tag_bogus(const unsigned char *p, const unsigned char *end)
{
    while (p < end && *p && !tag_blank(*p) && *p != '>' &&
           !(*p == '/' && p + 1 < end && p[1] == '>'))
        p++;
    return p < end && *p ? p : NULL;
}

/* Split the tag at p (after its name) into runs up to its '>'. 0, or -1: leave it. */
static int tag_split(tag_scan *t, const unsigned char *p, const unsigned char *end)
{
    for (;;) {
        const unsigned char *q = p;
        while (q < end && tag_blank(*q))
            q++;
        if (q > p && tag_add(t, p, q, 0) < 0)
            return -1;
        p = q;
        if (p >= end || !*p)
            return -1;
        if (*p == '>') {
            t->gt = p;
            return 0;
        }
        int drop = 0;
        if (*p == '/' && p + 1 < end && p[1] == '>')
            q = p + 1;
        else if (tag_letter(*p) || *p == '_' || *p == ':' || *p == '.')
            q = tag_attribute(p, end, &drop);
        else
            q = tag_bogus(p, end);
        if (!q || tag_add(t, p, q, drop) < 0)
            return -1;
        p = q;
    }
}

/* Write the runs back right-aligned on the tag's '>': a dropped run becomes its line breaks
 * (one blank when it has none), so the tag still spans as many lines. Returns the new start.
 * Each run lands at or right of where it was, and runs are written from the last. */
static unsigned char *tag_write(const tag_scan *t)
{
    unsigned char *dst = (unsigned char *)t->gt; /* the '>' stays */
    for (size_t i = t->nseg; i-- > 0;) {
        const tag_seg *g = &t->seg[i];
        size_t len = (size_t)(g->e - g->s);
        if (!g->drop) {
            dst -= len;
            memmove(dst, g->s, len);
            continue;
        }
        size_t nl = 0;
        for (const unsigned char *c = g->s; (c = memchr(c, '\n', (size_t)(g->e - c))); c++)
            nl++;
        dst -= nl ? nl : 1;
        memset(dst, nl ? '\n' : ' ', nl ? nl : 1);
    }
    return dst;
}

size_t html_tag_compact(unsigned char *lt, const unsigned char *end)
{
    if (end - lt < 3 || lt[0] != '<' || !tag_letter(lt[1]))
        return 0;
    const unsigned char *p = lt + 1;
    while (p < end && tag_name_char(*p))
        p++;
    size_t n = (size_t)(p - lt - 1);
    if (n >= TAG_NAME_MAX || (n == 4 && strncasecmp((const char *)lt + 1, "meta", 4) == 0))
        return 0; /* cut names; <meta>, whose attributes the parser itself reads */
    tag_scan t; /* not zeroed: only nseg runs are read */
    t.nseg = t.ndrop = 0;
    if (tag_add(&t, lt, p, 0) < 0 || tag_split(&t, p, end) < 0 || t.ndrop == 0)
        return 0;
    return (size_t)(tag_write(&t) - lt);
}

/* The length of the UTF-8 character at p (before end) when libxml2 2.9's htmlCurrentChar
 * reads it as itself and htmlParseCharData keeps it (IS_CHAR: no C0 control but tab and line
 * feed here, no surrogate, U+FFFE or U+FFFF, nothing overlong); 0 otherwise. */
static size_t run_char(const unsigned char *p, const unsigned char *end)
{
    unsigned char c = p[0];
    if (c < 0x80)
        return c >= 0x20 || c == '\t' || c == '\n' ? 1 : 0;
    size_t n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 ? 2 : 0;
    if (!n || c > 0xF4 || (size_t)(end - p) < n)
        return 0;
    for (size_t i = 1; i < n; i++)
        if ((p[i] & 0xC0) != 0x80)
            return 0;
    if ((c == 0xE0 && p[1] < 0xA0) || (c == 0xED && p[1] >= 0xA0) ||
        (c == 0xEF && p[1] == 0xBF && p[2] >= 0xBE) || (c == 0xF0 && p[1] < 0x90) ||
        (c == 0xF4 && p[1] >= 0x90))
        return 0;
    return n;
}

/* Line breaks in [s, e). */
static size_t run_lines(const unsigned char *s, const unsigned char *e)
{
    size_t k = 0;
    for (const unsigned char *q = s; (q = memchr(q, '\n', (size_t)(e - q))) != NULL; q++)
        k++;
    return k;
}

const unsigned char *html_text_run(const unsigned char *s, const unsigned char *end,
                                   html_run *r)
{
    const unsigned char *p = s;
    *r = (html_run){0, 0, 0};
    while (p < end) {
        size_t k = pc_ascii16_plain(p, (size_t)(end - p), '<', '&');
        r->cols += k;
        p += k;
        if (p >= end)
            break;
        unsigned char c = *p;
        if (c >= 0x20 && c < 0x80 && c != '<' && c != '&') { /* most bytes */
            r->cols++;
            p++;
            continue;
        }
        if (c == '<' || c == '&')
            break;
        size_t n = run_char(p, end);
        if (!n)
            return NULL;
        if (c == '\n') {
            r->lines++;
            r->cols = 0;
        } else {
            r->cols++;
        }
        p += n;
    }
    if (p >= end)
        return NULL;
    r->first_lines = r->lines;
    if ((size_t)(p - s) >= HTML_TEXT_CHUNK) { /* handed over first at the character holding
                                                 the chunk's last byte, before reading it */
        const unsigned char *q = s + HTML_TEXT_CHUNK - 1;
        while ((*q & 0xC0) == 0x80)
            q--;
        r->first_lines = run_lines(s, q);
    }
    return p;
}

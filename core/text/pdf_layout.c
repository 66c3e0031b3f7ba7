/* pdf_layout.c: a PDF's lines into blocks (see pdf.h): running headers, footers and page
 * numbers dropped; headings from font size and weight; list items from their markers;
 * paragraphs rebuilt from lines with hyphenation at line ends joined. */
#include "text/pdf_internal.h"

#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define PDF_EDGE_LINES 2 /* lines at each end of a page that may be a running header/footer */

/* ---- running headers and footers --------------------------------------------------------- */

/* The line as a key: lower case, digits folded (page numbers differ), blanks dropped. */
static void line_key(const pdf_lines *L, const pdf_line *l, char *key, size_t cap)
{
    size_t k = 0;
    for (size_t i = 0; i < l->len && k + 1 < cap; i++) {
        unsigned char c = (unsigned char)L->buf.data[l->text + i];
        if (isdigit(c))
            c = '#';
        if (c != ' ' && c != '\t')
            key[k++] = (char)tolower(c);
    }
    key[k] = '\0';
}

/* A lone page number: "7", "- 7 -", "Page 7", "page 7 of 12", "7/12". */
static int page_number_line(const char *s, size_t n)
{
    size_t i = 0, digits = 0;
    while (i < n && (s[i] == ' ' || s[i] == '-' || s[i] == '\xe2')) /* also an en dash's 1st byte */
        i++;
    if (n - i >= 4 && strncasecmp(s + i, "page", 4) == 0)
        i += 4;
    for (; i < n; i++) {
        if (isdigit((unsigned char)s[i]))
            digits++;
        else if (!strchr(" -/of\x80\x93", s[i]))
            return 0;
    }
    return digits > 0 && digits <= 8;
}

/* Whether line j is within PDF_EDGE_LINES of its page's top or bottom. */
static int at_edge(const pdf_lines *L, size_t j)
{
    for (size_t k = 0; k < PDF_EDGE_LINES; k++) {
        if (j >= k && L->lines[j - k].first)
            return 1;
        if (j + k < L->n && L->lines[j + k].last)
            return 1;
    }
    return 0;
}

/* How many pages have a line at their edge with this key. */
static unsigned key_pages(const pdf_lines *L, const char *key)
{
    unsigned pages = 0, last = 0;
    char other[256];
    for (size_t j = 0; j < L->n; j++) {
        if (!at_edge(L, j) || L->lines[j].page == last)
            continue;
        line_key(L, &L->lines[j], other, sizeof other);
        if (strcmp(key, other) == 0) {
            pages++;
            last = L->lines[j].page;
        }
    }
    return pages;
}

void pdf_mark_furniture(pdf_lines *L)
{
    char key[256];
    unsigned need = L->npages >= 3 ? (L->npages + 1) / 2 : 2;
    for (size_t j = 0; j < L->n; j++) {
        pdf_line *l = &L->lines[j];
        if (!at_edge(L, j))
            continue;
        if (page_number_line(L->buf.data + l->text, l->len)) {
            l->drop = 1;
            continue;
        }
        line_key(L, l, key, sizeof key);
        if (L->npages >= 2 && key[0] && key_pages(L, key) >= need)
            l->drop = 1;
    }
}

/* ---- fonts ------------------------------------------------------------------------------- */

/* The body text's size: the size (to half a point) that holds the most characters. */
static double body_size(const pdf_lines *L)
{
    double best = 0;
    size_t best_n = 0;
    for (size_t i = 0; i < L->n; i++) {
        double s = round(L->lines[i].size * 2) / 2;
        size_t n = 0;
        for (size_t j = 0; j < L->n; j++)
            if (!L->lines[j].drop && fabs(round(L->lines[j].size * 2) / 2 - s) < 0.01)
                n += L->lines[j].len;
        if (n > best_n) {
            best_n = n;
            best = s;
        }
        if (best_n * 2 > L->buf.len)
            break; /* a majority: no other size can beat it */
    }
    return best;
}

/* Heading sizes larger than the body, biggest first (at most 5 kept). */
static size_t heading_sizes(const pdf_lines *L, double body, double *sizes, size_t cap)
{
    size_t n = 0;
    for (size_t i = 0; i < L->n; i++) {
        double s = round(L->lines[i].size * 2) / 2;
        if (L->lines[i].drop || s < body * 1.15)
            continue;
        size_t k = 0;
        while (k < n && fabs(sizes[k] - s) >= 0.01)
            k++;
        if (k < n || n == cap)
            continue;
        sizes[n++] = s;
        for (size_t m = n - 1; m > 0 && sizes[m] > sizes[m - 1]; m--) {
            double t = sizes[m];
            sizes[m] = sizes[m - 1];
            sizes[m - 1] = t;
        }
    }
    return n;
}

/* ---- blocks ------------------------------------------------------------------------------ */

/* What the builder has open. Owns para. */
typedef struct pdf_build {
    const pdf_lines *L;
    pc_blocks *out;
    pc_buf para;
    pc_block_kind kind;
    int level;
    const pdf_line *prev; /* the last line added to para */
    double body;
    double sizes[5];
    size_t nsizes;
    unsigned count, page;
    int bullet; /* the last line was a bullet alone: this one is an item */
} pdf_build;

static const char *line_text(const pdf_build *b, const pdf_line *l)
{
    return b->L->buf.data + l->text;
}

/* 0 for body text, else the heading level of a line. */
static int heading_level(const pdf_build *b, const pdf_line *l)
{
    double s = round(l->size * 2) / 2;
    for (size_t k = 0; k < b->nsizes; k++)
        if (fabs(b->sizes[k] - s) < 0.01)
            return l->len < 200 ? (int)k + 1 : 0;
    if (l->bold && l->len < 100 && s >= b->body * 0.95)
        return (int)b->nsizes + 1;
    return 0;
}

/* Length of a list marker at the start of s ("• ", "- ", "1. ", "(a) ", "iv) "), or 0. */
static size_t item_marker(const char *s, size_t n)
{
    static const char *const bullets[] = {"\xe2\x80\xa2", "\xe2\x97\xa6", "\xe2\x96\xaa",
                                          "\xe2\x80\x93", "-", "*", "\xc2\xb7", NULL};
    while (n && *s == ' ') {
        s++;
        n--;
    }
    for (const char *const *bl = bullets; *bl; bl++) {
        size_t k = strlen(*bl);
        if (n > k && strncmp(s, *bl, k) == 0 && s[k] == ' ')
            return k + 1;
    }
    size_t i = s[0] == '(' ? 1 : 0, d = 0;
    while (i < n && d < 3 && (isdigit((unsigned char)s[i]) || islower((unsigned char)s[i]))) {
        i++;
        d++;
    }
    if (d && i + 1 < n && (s[i] == ')' || (s[i] == '.' && isdigit((unsigned char)s[i - 1]))) &&
        s[i + 1] == ' ')
        return i + 2;
    return 0;
}

/* A bullet glyph with nothing after it on its line. */
static int lone_bullet(const char *s, size_t n)
{
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
        n--;
    return n && n <= 3 &&
           (strncmp(s, "\xe2\x80\xa2", n) == 0 || strncmp(s, "\xe2\x97\xa6", n) == 0 ||
            strncmp(s, "\xe2\x96\xaa", n) == 0 || strncmp(s, "\xc2\xb7", n) == 0 ||
            (n == 1 && (*s == '-' || *s == '*')));
}

static void flush(pdf_build *b)
{
    if (b->para.len)
        pc_blocks_add(b->out, b->kind, b->level, b->para.data, b->para.len, ++b->count);
    b->para.len = 0;
    b->prev = NULL;
}

/* Append a line's text, joining a word hyphenated at the previous line's end. */
static void append(pdf_build *b, const pdf_line *l)
{
    const char *s = line_text(b, l);
    size_t n = l->len;
    while (n && s[0] == ' ') {
        s++;
        n--;
    }
    if (b->para.len) {
        size_t m = b->para.len;
        while (m && b->para.data[m - 1] == ' ')
            m--;
        b->para.len = m;
        int hyphen = m >= 2 && b->para.data[m - 1] == '-' &&
                     isalpha((unsigned char)b->para.data[m - 2]) && n &&
                     islower((unsigned char)s[0]);
        if (hyphen)
            b->para.len--;
        else if (pc_buf_addc(&b->para, ' ') < 0)
            b->out->oom = 1;
    }
    if (pc_buf_add(&b->para, s, n) < 0)
        b->out->oom = 1;
    b->prev = l;
}

/* Whether line l goes on the paragraph that prev ended: same size, no gap, not a new
 * heading or item, across a page break only mid-sentence. */
static int continues(const pdf_build *b, const pdf_line *l, int level)
{
    const pdf_line *p = b->prev;
    if (!p || b->kind == PC_BLOCK_ROW)
        return 0;
    if (fabs(p->size - l->size) > 0.6)
        return 0;
    if (b->kind == PC_BLOCK_HEADING)
        return level == b->level && l->page == p->page && l->top - p->bottom < p->size * 0.6;
    if (level)
        return 0;
    if (l->page != p->page) {
        char end = b->para.len ? b->para.data[b->para.len - 1] : '.';
        return !strchr(".:;!?", end) && islower((unsigned char)line_text(b, l)[0]);
    }
    double gap = l->top - p->bottom;
    return gap < p->size * 0.6 && gap > -p->size;
}

static void add_line(pdf_build *b, const pdf_line *l)
{
    if (l->page != b->page) {
        b->page = l->page;
        if (!b->prev || !continues(b, l, heading_level(b, l))) {
            flush(b);
            pc_blocks_page(b->out, l->page);
        }
    }
    if (lone_bullet(line_text(b, l), l->len)) { /* its text comes as the next line */
        flush(b);
        b->bullet = 1;
        return;
    }
    int level = heading_level(b, l);
    size_t mark = level ? 0 : item_marker(line_text(b, l), l->len);
    if (b->bullet) {
        b->bullet = 0;
        level = 0;
        mark = 1;
    }
    if (!mark && continues(b, l, level)) {
        append(b, l);
        return;
    }
    flush(b);
    b->kind = level ? PC_BLOCK_HEADING : mark ? PC_BLOCK_ITEM : PC_BLOCK_PARA;
    b->level = level ? level : mark ? 1 : 0;
    append(b, l);
}

void pdf_build_blocks(const pdf_lines *L, pc_blocks *out)
{
    pdf_build b = {.L = L, .out = out};
    b.body = body_size(L);
    b.nsizes = heading_sizes(L, b.body, b.sizes, sizeof b.sizes / sizeof b.sizes[0]);
    for (size_t i = 0; i < L->n && !out->oom; i++)
        if (!L->lines[i].drop)
            add_line(&b, &L->lines[i]);
    flush(&b);
    pc_buf_free(&b.para);
}

/* html_walk.c: the walk over a parsed page (see html_internal.h). It follows children, next and
 * parent pointers (no recursion, so deep nesting costs no stack) and keeps a heap stack of
 * open block kinds. Only what is never text is skipped here; chrome is recorded, not dropped. */
#include "text/html_internal.h"

#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

static html_frame html_top(const html_walk *w)
{
    html_frame f = {PC_BLOCK_PARA, 0, -1};
    return w->depth ? w->stack[w->depth - 1] : f;
}

/* ---- output --------------------------------------------------------------------------- */

static size_t nonblank(const char *s, size_t n)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        k += s[i] != ' ' && s[i] != '\t' && s[i] != '\n';
    return k;
}

static int is_blank(char c)
{
    return (unsigned char)c <= ' ' && (c == ' ' || c == '\t' || c == '\n'); /* most are not */
}

/* The bytes at s (at least 16 of them) before the first blank among their first 16, copied
 * to d as 16 bytes (d has room for them): how many, 16 for none. */
static size_t copy_word16(char *d, const char *s)
{
#ifdef __SSE2__
    __m128i x = _mm_loadu_si128((const __m128i *)(const void *)s);
    __m128i b = _mm_or_si128(_mm_cmpeq_epi8(x, _mm_set1_epi8(' ')),
                             _mm_or_si128(_mm_cmpeq_epi8(x, _mm_set1_epi8('\t')),
                                          _mm_cmpeq_epi8(x, _mm_set1_epi8('\n'))));
    unsigned m = (unsigned)_mm_movemask_epi8(b);
    _mm_storeu_si128((__m128i *)(void *)d, x);
    return m ? (size_t)__builtin_ctz(m) : 16;
#else
    size_t k = 0;
    for (; k < 16 && !is_blank(s[k]); k++)
        d[k] = s[k];
    return k;
#endif
}

/* Append s[0..n) to out with each run of blanks made one space and none at either end (out
 * has room for n bytes). A word is copied sixteen bytes at a time while that many are left to
 * read: the output is never ahead of the input, so such a store stays in the room. Returns the
 * non-blank bytes copied. */
static size_t collapse_blanks(pc_buf *out, const char *s, size_t n)
{
    size_t i = 0, chars = 0;
    char *d = out->data + out->len;
    for (;;) {
        while (i < n && is_blank(s[i]))
            i++;
        if (i == n)
            break;
        if (chars)
            *d++ = ' ';
        size_t k = 16;
        while (k == 16 && n - i >= 16) {
            k = copy_word16(d, s + i);
            d += k;
            i += k;
            chars += k;
        }
        for (char c; i < n && !is_blank(c = s[i]); i++) { /* the last bytes */
            *d++ = c;
            chars++;
        }
    }
    out->len = (size_t)(d - out->data);
    out->data[out->len] = '\0';
    return chars;
}

/* Append the current block's normalized text, blanks collapsed, as one line. */
static int html_emit(html_walk *w, const char *s, size_t n)
{
    size_t i = 0;
    while (i < n && is_blank(s[i]))
        i++;
    if (i == n)
        return 0;
    if (w->text.len && pc_buf_addc(&w->text, '\n') < 0)
        return -1;
    size_t start = w->text.len;
    if (pc_buf_reserve(&w->text, n - i) < 0)
        return -1;
    size_t chars = collapse_blanks(&w->text, s + i, n - i);
    html_frame f = html_top(w);
    if (pc_grow(&w->blocks, &w->blocks_cap, w->nblocks + 1, sizeof *w->blocks) < 0 ||
        pc_grow(&w->bstats, &w->bstats_cap, w->nblocks + 1, sizeof *w->bstats) < 0 ||
        pc_grow(&w->lines, &w->lines_cap, w->nlines + 1, sizeof *w->lines) < 0)
        return -1;
    w->bstats[w->nblocks] = (html_bstat){chars, w->raw_link < chars ? w->raw_link : chars};
    w->blocks[w->nblocks++] = (pc_block){start, w->text.len, f.kind, f.level};
    w->lines[w->nlines++] = (pc_linemap){start, w->raw_line ? w->raw_line : w->last_line};
    return 0;
}

/* End the current line (a block boundary or <br>). */
static void html_flush(html_walk *w)
{
    if (w->oom || w->raw.len == 0)
        return;
    w->blk.out.len = 0;
    if (pc_normalize(&w->blk, w->raw.data, w->raw.len) < 0 ||
        html_emit(w, w->blk.out.data, w->blk.out.len) < 0)
        w->oom = 1;
    if (w->raw_line)
        w->last_line = w->raw_line;
    w->raw.len = 0;
    w->raw_link = 0;
    w->raw_line = 0;
}

/* Line where the first non-blank byte of a text node sits. libxml2 gives a text node the
 * line where the parser's first chunk of it ended (chunks end at entities and every hundred
 * bytes), and an element the line of its start tag. Both estimates below can only be low:
 * the node's line less the line breaks after the first non-blank byte, and the line of what
 * precedes the node plus the line breaks before that byte. Take the larger. */
static unsigned text_first_line(const html_tree *t, unsigned node, const char *s, size_t len)
{
    const html_node *n = &t->nodes[node];
    unsigned before = n->prev ? n->prev : n->parent;
    long from_end = html_tree_line(t, node), from_start = before ? html_tree_line(t, before) : 1;
    size_t i = 0;
    for (; i < len && isspace((unsigned char)s[i]); i++)
        from_start += s[i] == '\n';
    const char *nl;
    for (; i < len && (nl = memchr(s + i, '\n', len - i)) != NULL; i = (size_t)(nl - s) + 1)
        from_end--;
    long line = from_end > from_start ? from_end : from_start;
    return line > 0 ? (unsigned)line : 1;
}

static void html_add_text(html_walk *w, const char *s, size_t len, unsigned line)
{
    size_t i = 0;
    while (i < len && isspace((unsigned char)s[i]))
        i++;
    if (i < len && w->raw_line == 0)
        w->raw_line = line;
    if (w->link_depth > 0)
        w->raw_link += nonblank(s, len);
    if (pc_buf_add(&w->raw, s, len) < 0)
        w->oom = 1;
}

static void html_text(html_walk *w, const html_tree *t, unsigned i)
{
    const html_node *n = &t->nodes[i];
    const char *s = t->pool.data + n->text;
    size_t len = n->len;
    if (!len)
        return;
    if (w->pre_depth == 0) {
        html_add_text(w, s, len, text_first_line(t, i, s, len));
        return;
    }
    /* inside <pre> every line break ends a line */
    unsigned before = n->prev ? n->prev : n->parent;
    long start = before ? html_tree_line(t, before) : 1;
    unsigned line = start > 0 ? (unsigned)start : 1;
    const char *nl;
    while ((nl = memchr(s, '\n', len)) != NULL) {
        html_add_text(w, s, (size_t)(nl - s), line++);
        html_flush(w);
        len -= (size_t)(nl - s) + 1;
        s = nl + 1;
    }
    html_add_text(w, s, len, line);
}

/* ---- tables: a row of plain cells is one line ----------------------------------------- */

/* Whether every cell of the row holds only inline content (no block, no <br>), so the row
 * reads as one line "cell | cell | cell". Stops at the first block element. */
static int html_plain_row(const html_tree *t, unsigned tr)
{
    unsigned i = t->nodes[tr].first;
    while (i && i != tr) {
        const html_node *n = &t->nodes[i];
        if (n->type == HTML_N_ELEM) {
            const char *name = n->name;
            int cell = strcmp(name, "td") == 0 || strcmp(name, "th") == 0;
            if ((!cell && html_is_block(name)) || strcmp(name, "br") == 0)
                return 0;
            if (n->first && !html_never_text(name)) {
                i = n->first;
                continue;
            }
        }
        while (i != tr && !t->nodes[i].next)
            i = t->nodes[i].parent;
        if (i == tr)
            break;
        i = t->nodes[i].next;
    }
    return 1;
}

/* ---- the walk ------------------------------------------------------------------------- */

static void html_push(html_walk *w, pc_block_kind kind, int level, int elem)
{
    if (pc_grow(&w->stack, &w->stack_cap, w->depth + 1, sizeof *w->stack) < 0) {
        w->oom = 1;
        return;
    }
    w->stack[w->depth++] = (html_frame){kind, level, elem};
}

/* Record an element's range (its end is set when it is left). Returns its index or -1. */
static int html_record(html_walk *w, unsigned flags)
{
    if (pc_grow(&w->elems, &w->elems_cap, w->nelems + 1, sizeof *w->elems) < 0) {
        w->oom = 1;
        return -1;
    }
    w->elems[w->nelems] = (html_elem){w->nblocks, w->nblocks, w->open_elem, flags};
    w->open_elem = (int)w->nelems;
    return (int)w->nelems++;
}

static int html_in_plain_row(const html_walk *w)
{
    return w->depth && w->stack[w->depth - 1].kind == PC_BLOCK_ROW;
}

static void html_enter_block(html_walk *w, const html_tree *t, unsigned i, unsigned flags)
{
    const char *name = t->nodes[i].name;
    int cell = strcmp(name, "td") == 0 || strcmp(name, "th") == 0;
    if (cell && html_in_plain_row(w)) {
        if (nonblank(w->raw.data, w->raw.len) && pc_buf_adds(&w->raw, " | ") < 0)
            w->oom = 1;
        return; /* a cell of a plain row: no line of its own */
    }
    html_frame top = html_top(w);
    html_flush(w);
    int elem = html_record(w, flags);
    if (name[0] == 'h' && name[1] >= '1' && name[1] <= '6' && name[2] == '\0') {
        html_push(w, PC_BLOCK_HEADING, name[1] - '0', elem);
    } else if (strcmp(name, "li") == 0) {
        html_push(w, PC_BLOCK_ITEM, w->list_depth > 0 ? w->list_depth : 1, elem);
    } else if (strcmp(name, "tr") == 0 && html_plain_row(t, i)) {
        html_push(w, PC_BLOCK_ROW, 1, elem);
    } else {
        /* a paragraph inside a list item or heading stays part of it */
        if (top.kind == PC_BLOCK_PARA || top.kind == PC_BLOCK_ROW)
            top = (html_frame){PC_BLOCK_PARA, 0, -1};
        html_push(w, top.kind, top.level, elem);
    }
    if (strcmp(name, "ul") == 0 || strcmp(name, "ol") == 0)
        w->list_depth++;
    else if (strcmp(name, "pre") == 0)
        w->pre_depth++;
    else if (strcmp(name, "article") == 0 || strcmp(name, "main") == 0)
        w->article_depth++;
}

/* Returns 1 when the walk must descend into n (and call html_leave after its children). */
static int html_enter(html_walk *w, html_tree *t, unsigned i)
{
    html_node *n = &t->nodes[i];
    if (n->type == HTML_N_TEXT || n->type == HTML_N_CDATA) {
        html_text(w, t, i);
        return 0;
    }
    if (n->type == HTML_N_DOC)
        return 1;
    if (n->type != HTML_N_ELEM || html_never_text(n->name))
        return 0;
    const char *name = n->name;
    if (strcmp(name, "br") == 0 || strcmp(name, "hr") == 0) {
        html_flush(w);
        return 0;
    }
    unsigned flags = html_elem_flags(name, n->flags, w->article_depth);
    n->flags = flags; /* for html_leave */
    if (flags & HTML_BLOCK) {
        html_enter_block(w, t, i, flags);
    } else if (flags) { /* chrome-looking inline element: give it exact bounds */
        html_flush(w);
        html_record(w, flags);
    }
    if (strcmp(name, "a") == 0)
        w->link_depth++;
    return 1;
}

/* Close the innermost recorded element. */
static void html_close_elem(html_walk *w)
{
    if (w->open_elem < 0)
        return;
    html_elem *e = &w->elems[w->open_elem];
    e->end = w->nblocks;
    w->open_elem = e->parent;
}

static void html_leave(html_walk *w, const html_node *n)
{
    if (n->type != HTML_N_ELEM)
        return;
    const char *name = n->name;
    if (strcmp(name, "a") == 0)
        w->link_depth--;
    if (w->depth && (strcmp(name, "td") == 0 || strcmp(name, "th") == 0) &&
        html_in_plain_row(w))
        return;
    unsigned flags = n->flags;
    if (!flags)
        return;
    html_flush(w);
    html_close_elem(w);
    if (!(flags & HTML_BLOCK))
        return;
    if (w->depth)
        w->depth--;
    if (strcmp(name, "ul") == 0 || strcmp(name, "ol") == 0)
        w->list_depth--;
    else if (strcmp(name, "pre") == 0)
        w->pre_depth--;
    else if (strcmp(name, "article") == 0 || strcmp(name, "main") == 0)
        w->article_depth--;
}

int html_walk_tree(html_walk *w, html_tree *t)
{
    w->blk.flags = PC_NORM_SAME_LINES;
    w->open_elem = -1;
    unsigned i = 0; /* the document */
    while (!w->oom) {
        if (html_enter(w, t, i)) {
            if (t->nodes[i].first) {
                i = t->nodes[i].first;
                continue;
            }
            html_leave(w, &t->nodes[i]);
        }
        while (i != 0 && !t->nodes[i].next) {
            i = t->nodes[i].parent;
            html_leave(w, &t->nodes[i]);
        }
        if (i == 0)
            break;
        i = t->nodes[i].next;
    }
    html_flush(w);
    while (w->open_elem >= 0)
        html_close_elem(w);
    return w->oom ? -1 : 0;
}

void html_walk_free(html_walk *w)
{
    pc_buf_free(&w->text);
    free(w->blocks);
    free(w->lines);
    free(w->bstats);
    free(w->elems);
    pc_buf_free(&w->raw);
    pc_norm_free(&w->blk);
    free(w->stack);
    memset(w, 0, sizeof *w);
}

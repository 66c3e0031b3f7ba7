/* html_tree.c: the page's nodes as libxml2's SAX events give them (see html_tree in
 * html_internal.h). The shape, text and line numbers are those xmlSAX2StartElement,
 * xmlSAX2EndElement, xmlSAX2Characters, xmlSAX2CDataBlock, xmlSAX2Comment and
 * xmlSAX2ProcessingInstruction (libxml2 2.9) would give the tree they build, in one array and
 * one text pool instead of a malloc'd node, name and string each. */
#include "text/html_internal.h"

#include <stdlib.h>
#include <string.h>

/* libxml2 keeps a node's line in an unsigned short: from here on, every node says this. */
#define HTML_LINE_CAP 65535u

int html_tree_init(html_tree *t)
{
    memset(t, 0, sizeof *t);
    if (pc_grow(&t->nodes, &t->cap, 16, sizeof *t->nodes) < 0)
        return -1;
    t->nodes[0] = (html_node){.type = HTML_N_DOC};
    t->n = 1;
    return 0;
}

void html_tree_free(html_tree *t)
{
    if (t->dict)
        xmlDictFree(t->dict);
    free(t->nodes);
    pc_buf_free(&t->pool);
    memset(t, 0, sizeof *t);
}

static unsigned cap_line(int line)
{
    return line < (int)HTML_LINE_CAP ? (unsigned)line : HTML_LINE_CAP;
}

/* A new last child of the open element (or of the document). Its index, or 0 out of memory. */
static unsigned tree_add(html_tree *t, unsigned char type, int line)
{
    if (t->oom || t->n >= UINT32_MAX ||
        pc_grow(&t->nodes, &t->cap, t->n + 1, sizeof *t->nodes) < 0) {
        t->oom = 1;
        return 0;
    }
    unsigned i = (unsigned)t->n++, p = t->cur;
    html_node *parent = &t->nodes[p];
    t->nodes[i] = (html_node){.type = type, .parent = p, .prev = parent->last,
                              .line = cap_line(line)};
    if (parent->last)
        t->nodes[parent->last].next = i;
    else
        parent->first = i;
    parent->last = i;
    return i;
}

void html_tree_start(html_tree *t, const char *name, unsigned attr_flags, int line)
{
    unsigned i = tree_add(t, HTML_N_ELEM, line);
    if (!i)
        return;
    t->nodes[i].name = name;
    t->nodes[i].flags = attr_flags;
    t->cur = i;
}

void html_tree_end(html_tree *t)
{
    if (t->cur)
        t->cur = t->nodes[t->cur].parent;
}

void html_tree_leaf(html_tree *t, unsigned char type, int line)
{
    tree_add(t, type, line);
}

/* Text or CDATA: appended to the open element's last child when that is of the same type,
 * as one node's content (up to a NUL byte, where libxml2's string ends), else a new node
 * with the line it has now. Dropped outside every element, as libxml2 drops it. */
void html_tree_text(html_tree *t, unsigned char type, const char *ch, size_t len, int line)
{
    if (!t->cur || t->oom)
        return;
    unsigned last = t->nodes[t->cur].last;
    if (!last || t->nodes[last].type != type) {
        last = tree_add(t, type, line);
        if (!last)
            return;
        t->nodes[last].text = t->pool.len;
    }
    html_node *n = &t->nodes[last];
    if (n->cut)
        return;
    const char *nul = memchr(ch, '\0', len);
    if (nul) {
        len = (size_t)(nul - ch);
        n->cut = 1;
    }
    if (pc_buf_add(&t->pool, ch, len) < 0) {
        t->oom = 1;
        return;
    }
    n->len += len;
}

static int counts_line(const html_node *n)
{
    return n->type == HTML_N_ELEM || n->type == HTML_N_TEXT || n->type == HTML_N_COMMENT ||
           n->type == HTML_N_PI;
}

/* xmlGetLineNo (xmlGetLineNoInternal of libxml2 2.9): a capped line looks at the first
 * child, the next or the previous node, five levels at most; a node without a line of its
 * own (CDATA) takes its previous node's or its parent's. -1 when none. */
static long tree_line_at(const html_tree *t, unsigned i, int depth)
{
    if (depth >= 5 || !i)
        return -1;
    const html_node *n = &t->nodes[i];
    long r = -1;
    if (counts_line(n)) {
        if (n->line == HTML_LINE_CAP) {
            if (n->type == HTML_N_ELEM && n->first)
                r = tree_line_at(t, n->first, depth + 1);
            else if (n->next)
                r = tree_line_at(t, n->next, depth + 1);
            else if (n->prev)
                r = tree_line_at(t, n->prev, depth + 1);
        }
        if (r == -1 || r == (long)HTML_LINE_CAP)
            r = (long)n->line;
    } else if (n->prev && counts_line(&t->nodes[n->prev])) {
        r = tree_line_at(t, n->prev, depth + 1);
    } else if (n->parent && t->nodes[n->parent].type == HTML_N_ELEM) {
        r = tree_line_at(t, n->parent, depth + 1);
    }
    return r;
}

long html_tree_line(const html_tree *t, unsigned i)
{
    return tree_line_at(t, i, 0);
}

/* The first element child of i named name, or 0. */
static unsigned child_named(const html_tree *t, unsigned i, const char *name)
{
    for (unsigned c = i ? t->nodes[i].first : 0; c; c = t->nodes[c].next)
        if (t->nodes[c].type == HTML_N_ELEM && strcmp(t->nodes[c].name, name) == 0)
            return c;
    return 0;
}

unsigned html_tree_root(const html_tree *t)
{
    for (unsigned c = t->nodes[0].first; c; c = t->nodes[c].next)
        if (t->nodes[c].type == HTML_N_ELEM)
            return c;
    return 0;
}

/* The text and CDATA under element i, in document order (xmlNodeGetContent). */
static int tree_content(const html_tree *t, unsigned i, pc_buf *out)
{
    unsigned n = t->nodes[i].first;
    while (n) {
        const html_node *d = &t->nodes[n];
        if ((d->type == HTML_N_TEXT || d->type == HTML_N_CDATA) &&
            pc_buf_add(out, t->pool.data + d->text, d->len) < 0)
            return -1;
        if (d->type == HTML_N_ELEM && d->first) {
            n = d->first;
            continue;
        }
        while (n != i && !t->nodes[n].next)
            n = t->nodes[n].parent;
        if (n == i)
            break;
        n = t->nodes[n].next;
    }
    return 0;
}

int html_tree_title(const html_tree *t, pc_buf *out)
{
    unsigned title = child_named(t, child_named(t, html_tree_root(t), "head"), "title");
    return title ? tree_content(t, title, out) : 0;
}

int html_tree_in(const html_tree *t, const char *name)
{
    for (unsigned i = t->cur; i; i = t->nodes[i].parent)
        if (strcmp(t->nodes[i].name, name) == 0)
            return 1;
    return 0;
}

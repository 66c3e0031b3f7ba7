/* test_html_tree.c: the reader's tree from libxml2's SAX events (html_tree.c) against the tree
 * libxml2 itself builds from the same page (htmlReadMemory, the same options): the same
 * elements, text, comments and processing instructions in the same order, with the same
 * xmlGetLineNo, and the same title text. Script and style text (CDATA), which the reader
 * passes over, is left out of the comparison. Also run over the HTML pages of the shared
 * evaluation set when present. */
#include "text/html_internal.h"
#include "testutil.h"

#include <dirent.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define READ_OPTIONS                                                                        \
    (HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_COMPACT | HTML_PARSE_NOWARNING |     \
     HTML_PARSE_NONET | HTML_PARSE_IGNORE_ENC | XML_PARSE_HUGE)

/* The next node in document order after n under root, children first; CDATA, DTD and
 * attribute-less kinds the reader does not keep are passed over. */
static const xmlNode *lx_next(const xmlNode *n, const xmlNode *root, int descend)
{
    for (;;) {
        if (descend && n->children && n->type != XML_DTD_NODE)
            n = n->children;
        else {
            while (n != root && !n->next)
                n = n->parent;
            if (n == root)
                return NULL;
            n = n->next;
        }
        descend = 1;
        if (n->type == XML_ELEMENT_NODE || n->type == XML_TEXT_NODE ||
            n->type == XML_COMMENT_NODE || n->type == XML_PI_NODE)
            return n;
        descend = 0; /* CDATA, DTD: not kept, nothing under them compared */
    }
}

static unsigned tr_next(const html_tree *t, unsigned i, int descend)
{
    for (;;) {
        if (descend && t->nodes[i].first)
            i = t->nodes[i].first;
        else {
            while (i != 0 && !t->nodes[i].next)
                i = t->nodes[i].parent;
            if (i == 0)
                return 0;
            i = t->nodes[i].next;
        }
        descend = 1;
        if (t->nodes[i].type != HTML_N_CDATA)
            return i;
        descend = 0;
    }
}

static int same_type(const xmlNode *x, const html_node *n)
{
    switch (x->type) {
    case XML_ELEMENT_NODE:
        return n->type == HTML_N_ELEM && strcmp((const char *)x->name, n->name) == 0;
    case XML_TEXT_NODE:
        return n->type == HTML_N_TEXT;
    case XML_COMMENT_NODE:
        return n->type == HTML_N_COMMENT;
    default:
        return n->type == HTML_N_PI;
    }
}

/* Parse page both ways and compare; returns the number of nodes compared. */
static size_t compare_trees(const char *page, size_t n, const char *what)
{
    htmlDocPtr doc = htmlReadMemory(page, (int)n, what, "UTF-8", READ_OPTIONS);
    html_tree t;
    assert_int_equal(html_tree_init(&t), 0);
    int r = html_tree_read(page, n, what, &t);
    if (!doc) {
        assert_int_equal(html_tree_root(&t), 0);
        html_tree_free(&t);
        return 0;
    }
    assert_int_equal(r, 0);
    const xmlNode *x = lx_next((const xmlNode *)doc, (const xmlNode *)doc, 1);
    unsigned i = tr_next(&t, 0, 1);
    size_t count = 0;
    for (; x && i; x = lx_next(x, (const xmlNode *)doc, 1), i = tr_next(&t, i, 1), count++) {
        const html_node *nd = &t.nodes[i];
        if (!same_type(x, nd) || xmlGetLineNo(x) != html_tree_line(&t, i))
            fail_msg("%s: node %zu (%s %d, line %ld) differs (%s %d, line %ld)", what, count,
                     x->name ? (const char *)x->name : "?", (int)x->type, xmlGetLineNo(x),
                     nd->name ? nd->name : "?", nd->type, html_tree_line(&t, i));
        if (x->type == XML_TEXT_NODE) {
            const char *c = x->content ? (const char *)x->content : "";
            if (strlen(c) != nd->len || memcmp(c, t.pool.data + nd->text, nd->len) != 0)
                fail_msg("%s: text of node %zu differs", what, count);
        }
    }
    if (x || i)
        fail_msg("%s: one tree ends before the other, after %zu nodes", what, count);
    pc_buf title = {0};
    assert_int_equal(html_tree_title(&t, &title), 0);
    const xmlNode *root = xmlDocGetRootElement(doc), *head = NULL, *tt = NULL;
    for (const xmlNode *c = root ? root->children : NULL; c && !head; c = c->next)
        head = c->type == XML_ELEMENT_NODE && strcmp((const char *)c->name, "head") == 0 ? c : 0;
    for (const xmlNode *c = head ? head->children : NULL; c && !tt; c = c->next)
        tt = c->type == XML_ELEMENT_NODE && strcmp((const char *)c->name, "title") == 0 ? c : 0;
    xmlChar *want = tt ? xmlNodeGetContent(tt) : NULL;
    assert_string_equal(title.data ? title.data : "", want ? (const char *)want : "");
    xmlFree(want);
    pc_buf_free(&title);
    html_tree_free(&t);
    xmlFreeDoc(doc);
    return count;
}

static size_t compare_string(const char *page)
{
    return compare_trees(page, strlen(page), "page.html");
}

static void test_text_comments_and_entities(void **state)
{
    (void)state;
    assert_true(compare_string("<p>one <!-- a note --> two &amp; three<?pi here?> four</p>\n"
                               "<p>\n  <b>bold</b>\n  after &#32;<!--x-->\n</p>") > 8);
}

static void test_implied_and_stray_elements(void **state)
{
    (void)state;
    assert_true(compare_string("text before anything\n<li>item<td>cell</td>\n</html>\n"
                               "<p>after the end</p> tail\n<body class=x><p>again") > 4);
    assert_true(compare_string("<table><tr><td>a<td>b<tr><td><p>c</table><br>d") > 6);
    /* elements closed on the way by an outer end tag; an empty element; "/>"; a tag left
     * open at the end */
    assert_true(compare_string("<div><span><b>x</div>tail<img src=a>after<br/>more<p >in "
                               "p</P >out<div x>y</div\n>z <i>w</i \n> &amp; v<p") > 12);
}

/* xmlSAX2StartElement names a node after its prefix ("o:p" is a "p"); the parser itself
 * goes by the whole name ("x:script" is no script). */
static void test_prefixed_names(void **state)
{
    (void)state;
    assert_true(compare_string("<p>a<o:p>b</o:p><x:script>c < d</x:script><:q>e</:q><f:>g</f:>"
                               "<h:i:j>k</h:i:j></p>") > 12);
}

static void test_title_with_children(void **state)
{
    (void)state;
    assert_true(compare_string("<html><head><title>A <b>bold</b> <script>s()</script>"
                               "title</title><title>second</title></head><body>x</body>") > 3);
}

/* libxml2 keeps a node's line in 16 bits: from line 65535 on, xmlGetLineNo looks at the
 * node's first child, its next or its previous node. */
static void test_lines_past_the_cap(void **state)
{
    (void)state;
    size_t gap = 65600;
    const char *head = "<html><body><div><!-- before -->\n<p>early</p>";
    const char *tail = "<p>late <i>words</i></p><div><span></span></div>\n"
                       "<!-- after --><p>x</p></div>\n<p>last</p></body></html>";
    size_t hn = strlen(head), tn = strlen(tail);
    char *page = malloc(hn + gap + tn + 1);
    assert_non_null(page);
    memcpy(page, head, hn);
    memset(page + hn, '\n', gap);
    memcpy(page + hn + gap, tail, tn + 1);
    assert_true(compare_trees(page, hn + gap + tn, "long.html") > 10);
    free(page);
}

/* Text longer than the parser's chunk, with a NUL byte: libxml2's string ends there. */
static void test_long_text_and_nul(void **state)
{
    (void)state;
    char page[4096];
    size_t n = (size_t)snprintf(page, sizeof page, "<p>");
    for (int i = 0; i < 300; i++)
        n += (size_t)snprintf(page + n, sizeof page - n, "w%d\n", i);
    n += (size_t)snprintf(page + n, sizeof page - n, "</p><p>cut");
    page[n++] = '\0';
    n += (size_t)snprintf(page + n, sizeof page - n, "hidden</p>");
    assert_true(compare_trees(page, n, "nul.html") >= 4);
}

/* The parser hands text over first when its 1000-byte buffer fills: the node's line is the
 * line there, before the character holding the last byte is read (a line break, or a
 * character of two bytes). */
static void test_text_at_the_chunk_boundary(void **state)
{
    (void)state;
    char page[2200];
    for (int k = 0; k < 3; k++) {
        size_t n = (size_t)snprintf(page, sizeof page, "<div>\n<p>");
        if (k == 2)
            page[n++] = '\n';
        size_t fill = k == 0 ? 999 : k == 1 ? 998 : 997;
        memset(page + n, 'a', fill);
        n += fill;
        n += (size_t)snprintf(page + n, sizeof page - n, "%s\n\nb</p>\ntail\n<p>x</p></div>",
                              k == 0 ? "" : "\xc3\xa9");
        assert_true(compare_trees(page, n, "chunk.html") >= 5);
    }
}

static void test_shared_pages(void **state)
{
    (void)state;
    char dir[1024];
    snprintf(dir, sizeof dir, "%s/html/pages", test_shared_dir() ? test_shared_dir() : "");
    DIR *d = test_shared_dir() ? opendir(dir) : NULL;
    if (!d)
        skip(); /* the shared pages are absent: the other cases still run */
    size_t pages = 0;
    for (struct dirent *e; (e = readdir(d)) != NULL;) {
        if (e->d_name[0] == '.')
            continue;
        char path[1536];
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        size_t n = 0;
        char *s = test_read_file(path, &n);
        assert_non_null(s);
        compare_trees(s, n, path);
        free(s);
        pages++;
    }
    closedir(d);
    assert_true(pages > 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_text_comments_and_entities),
        cmocka_unit_test(test_implied_and_stray_elements),
        cmocka_unit_test(test_prefixed_names),
        cmocka_unit_test(test_title_with_children),
        cmocka_unit_test(test_lines_past_the_cap),
        cmocka_unit_test(test_long_text_and_nul),
        cmocka_unit_test(test_text_at_the_chunk_boundary),
        cmocka_unit_test(test_shared_pages),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

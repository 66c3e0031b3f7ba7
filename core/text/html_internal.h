/* html_internal.h: what the HTML reader's parts share (html.c, html_walk.c, html_chrome.c,
 * html_select.c, html_tag.c, html_tree.c). Not for other modules.
 *
 * libxml2's SAX events build the page's nodes (html_tree.c). The reader walks them once
 * (html_walk.c), dropping only what is never text (script, style, form controls...). Every
 * block becomes one line with its kind, and every
 * block-level or chrome-looking element becomes an html_elem: the range of blocks it holds and
 * what its tag and attributes say (html_chrome.c). html_select.c then decides, from those
 * ranges and each block's text and link bytes, which blocks are the policy: chrome is left out
 * where its text reads as chrome, the content is the smallest element holding nearly all the
 * page's prose (Readability-style: text, link density, sentences), with the prose blocks beside
 * it, and the whole page is read when chrome would leave far less than the page.
 */
#ifndef POLCMP_HTML_INTERNAL_H
#define POLCMP_HTML_INTERNAL_H

#include "text/load.h"
#include "text/normalize.h"
#include "util/util.h"

#include <libxml/xmlstring.h>
#include <libxml/dict.h>
#include <stddef.h>

/* What an element's tag or attributes say about it (bit set). */
enum {
    HTML_CHROME_TAG = 1,    /* nav, footer, aside, menu, dialog, a site's <header> */
    HTML_CHROME_ROLE = 2,   /* role=navigation, banner, contentinfo, complementary... */
    HTML_CHROME_NAMED = 4,  /* id/class/aria-label names a cookie banner, breadcrumb, menu,
                               sidebar...; or hidden */
    HTML_MAIN = 8,          /* <main>, role=main or <article>: never chrome */
    HTML_BLOCK = 16,        /* a block-level element (its range of blocks is exact) */
    HTML_DEAD = 32,         /* in the tree: never text, or inside such an element */
};

/* One element's range of blocks [first, end). Plain value. */
typedef struct html_elem {
    size_t first, end;
    int parent; /* index of the nearest recorded ancestor, -1 at the top */
    unsigned flags;
} html_elem;

/* Per block: non-blank bytes of text, of them inside links. Plain value. */
typedef struct html_bstat {
    size_t text, link;
} html_bstat;

/* One open block element. Plain value. */
typedef struct html_frame {
    pc_block_kind kind;
    int level;
    int elem; /* its html_elem, or -1 */
} html_frame;

/* html_walk: the output under construction. Owns every buffer and array in it. */
typedef struct html_walk {
    pc_buf text;              /* the document text so far */
    pc_block *blocks;
    size_t nblocks, blocks_cap;
    pc_linemap *lines;
    size_t nlines, lines_cap;
    html_bstat *bstats;       /* one per block */
    size_t bstats_cap;
    html_elem *elems;
    size_t nelems, elems_cap;
    pc_buf raw;               /* the current block's text as the parser gave it */
    size_t raw_link;          /* non-blank bytes of raw inside links */
    unsigned raw_line;        /* source line of its first non-blank text, 0 = none yet */
    unsigned last_line;
    pc_norm blk;              /* the current block normalized (counters accumulate here) */
    html_frame *stack;
    size_t depth, stack_cap;
    int list_depth, pre_depth, article_depth, link_depth, row_depth;
    int open_elem;            /* the innermost recorded element, -1 at the top */
    int oom;
} html_walk;

/* html_tree: the parsed page as libxml2's SAX events built it (html_tree.c), the shape, text
 * and lines libxml2's own tree would have, in one array: node 0 is the document, links are
 * indices (0: none). Owns nodes and pool; names are the parser's (its dictionary's or static
 * strings), valid while the parser context lives. */
enum { HTML_N_DOC, HTML_N_ELEM, HTML_N_TEXT, HTML_N_CDATA, HTML_N_COMMENT, HTML_N_PI };

/* One node. Plain value. */
typedef struct html_node {
    const char *name;    /* element: its tag name; NULL otherwise */
    unsigned parent, first, last, next, prev;
    unsigned line;       /* libxml2's line, capped as it caps it */
    unsigned flags;      /* element: html_attr_flags, then the walk's flags */
    size_t text, len;    /* text, CDATA: its bytes in the pool */
    unsigned char type;  /* HTML_N_* */
    unsigned char cut;   /* text: a NUL byte came, the rest is not appended */
} html_node;

typedef struct html_tree {
    html_node *nodes;
    size_t n, cap;
    pc_buf pool;         /* text and CDATA bytes */
    unsigned cur;        /* the open element, 0: the document */
    xmlDictPtr dict;     /* one reference to the parser's names, or NULL */
    int oom;
} html_tree;

/* 0, or -1 out of memory. */
int html_tree_init(html_tree *t);
/* Parse the UTF-8 page s[0..n) into t (initialized) as the reader does (html.c): libxml2's
 * options and passes, the tree's names held. 0, or -1 when libxml2 could not start or memory
 * ran out (t->oom). */
int html_tree_read(const char *s, size_t n, const char *path, html_tree *t);
void html_tree_free(html_tree *t);
/* The SAX events: an element opened (its attributes' html_attr_flags) or closed, text or
 * CDATA (type HTML_N_TEXT or HTML_N_CDATA), a comment or processing instruction (type), each
 * with the parser's line at the event. Out of memory sets t->oom. */
void html_tree_start(html_tree *t, const char *name, unsigned attr_flags, int line);
void html_tree_end(html_tree *t);
void html_tree_text(html_tree *t, unsigned char type, const char *ch, size_t len, int line);
void html_tree_leaf(html_tree *t, unsigned char type, int line);
/* xmlGetLineNo of node i, -1 when none. */
long html_tree_line(const html_tree *t, unsigned i);
/* The first top-level element, 0 when none. */
unsigned html_tree_root(const html_tree *t);
/* Append the text of the root's head's title (xmlNodeGetContent) to out. 0, or -1. */
int html_tree_title(const html_tree *t, pc_buf *out);
/* Whether the open element or one around it is named name. */
int html_tree_in(const html_tree *t, const char *name);

/* Walk the whole tree, filling w (the tree's element flags are rewritten). 0, or -1 out of
 * memory. */
int html_walk_tree(html_walk *w, html_tree *t);
void html_walk_free(html_walk *w);

/* Flags of an element by its tag (HTML_BLOCK, HTML_CHROME_TAG, HTML_MAIN) and by its
 * attributes (attr: html_attr_flags), and whether its subtree is never text at all (script,
 * style, inputs...). article_depth: inside <article> or <main>. */
unsigned html_elem_flags(const char *name, unsigned attr, int article_depth);
/* The flags the attributes say (HTML_CHROME_NAMED, HTML_CHROME_ROLE, HTML_MAIN), from the
 * parser's name, value pairs (NULL-terminated; a value may be NULL). */
unsigned html_attr_flags(const xmlChar **atts);
int html_never_text(const char *name);
/* Whether the reader reads an attribute of this name (lower case, as the parser gives it);
 * the parser keeps no others in the tree. */
int html_attr_read(const char *name);
int html_is_block(const char *name);

/* The start tag at lt ("<name ...>", within [lt, end)) with the attributes html_attr_read
 * does not name taken out, rewritten in place so that it ends where it ended, each dropped
 * attribute left as its line breaks (or one blank), so libxml2 parses the same element with
 * the same kept attributes on the same line. Returns by how many bytes its start moved
 * right; 0 when nothing was dropped or the tag does not tokenize plainly (left as it is). */
size_t html_tag_compact(unsigned char *lt, const unsigned char *end);

/* The text run html_text_run read. Plain value. */
typedef struct html_run {
    size_t lines;       /* line breaks in it */
    size_t cols;        /* characters after the last line break (all of them without one) */
    size_t first_lines; /* line breaks the parser reads before its first hand-over */
} html_run;

/* libxml2 2.9's htmlParseCharData hands text over in pieces of this many bytes (its
 * HTML_PARSER_BIG_BUFFER_SIZE), the first when the character that fills it is read. */
#define HTML_TEXT_CHUNK 1000

/* The end of the text at s as htmlParseCharData reads it: up to the next '<' or '&' before
 * end, the bytes being the characters it passes on. NULL when it would read it otherwise
 * (a control, CR, NUL, a byte that is not plain UTF-8 or a character it drops) or when no
 * '<' or '&' comes. */
const unsigned char *html_text_run(const unsigned char *s, const unsigned char *end,
                                   html_run *r);

/* What html_select decided, for the warnings. Plain value. */
typedef struct html_choice {
    size_t page_prose;  /* prose bytes in the whole page (chrome included) */
    size_t kept_prose;  /* prose bytes in the blocks kept */
    int chrome_ignored; /* chrome held most of the page: read it all */
} html_choice;

/* Keep the blocks that are the policy and drop the rest from w (text, blocks, lines
 * rebuilt). 0, or -1 out of memory. */
int html_select(html_walk *w, html_choice *choice);

#endif

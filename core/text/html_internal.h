/* html_internal.h: what the HTML reader's parts share (html.c, html_walk.c, html_chrome.c,
 * html_select.c). Not for other modules.
 *
 * The reader walks the whole parsed page once (html_walk.c), dropping only what is never
 * text (script, style, form controls...). Every block becomes one line with its kind, and every
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

#include <libxml/tree.h>
#include <stddef.h>

/* What an element's tag or attributes say about it (bit set). */
enum {
    HTML_CHROME_TAG = 1,    /* nav, footer, aside, menu, dialog, a site's <header> */
    HTML_CHROME_ROLE = 2,   /* role=navigation, banner, contentinfo, complementary... */
    HTML_CHROME_NAMED = 4,  /* id/class/aria-label names a cookie banner, breadcrumb, menu,
                               sidebar...; or hidden */
    HTML_MAIN = 8,          /* <main>, role=main or <article>: never chrome */
    HTML_BLOCK = 16,        /* a block-level element (its range of blocks is exact) */
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

/* Walk the tree under root (a document or an element), filling w. 0, or -1 out of memory. */
int html_walk_tree(html_walk *w, const xmlNode *root);
void html_walk_free(html_walk *w);

/* Tag or attribute flags of an element (HTML_CHROME_*, HTML_MAIN), and whether its subtree is
 * never text at all (script, style, inputs...). article_depth: inside <article> or <main>. */
unsigned html_elem_flags(const xmlNode *n, int article_depth);
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

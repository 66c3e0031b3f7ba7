/* html_select.c: which of the walked blocks are the policy (see html_internal.h).
 *
 * A block's prose is its text outside links, and nothing when links are half of it (a menu).
 * On a page that is mostly links (a table of contents), a block's whole text counts instead.
 * 1. Chrome: an element that is chrome by its tag or role (nav, footer, aside, a site header,
 *    role=navigation...) is left out; one whose id, class or aria-label names chrome (cookie
 *    banner, breadcrumb, menu, sidebar) or that is hidden is left out when it reads as chrome:
 *    links are over 30% of its text or it has under 200 bytes of prose. A long cookie
 *    preference text or a policy section in a "nav-item" box is kept. When chrome would leave
 *    under a quarter of the page's prose (a page whose text sits in a dialog), or on a page of
 *    links where no block reads as running text (a sitemap, a table of contents), none is.
 * 2. Content (Readability-style scoring by text, link density and sentences): the deepest
 *    element holding 98% of the prose left, plus the paragraphs beside it under the same
 *    parent that read as running text (80 bytes, few links, a sentence end) and the headings
 *    that lead into kept text. No element: the whole page.
 */
#include "text/html_internal.h"

#include <stdlib.h>
#include <string.h>

#define HTML_NAMED_MIN_PROSE 200 /* a chrome-named element with more prose may be content */

/* The selection's state. Owns the arrays. */
typedef struct html_sel {
    const html_walk *w;
    size_t *mass;        /* prefix sums of each kept block's mass: mass[i] = blocks < i */
    size_t *text, *link; /* prefix sums of text and link bytes over all blocks */
    unsigned char *drop; /* per block: chrome left out */
    unsigned char *keep; /* per block: part of the policy */
    int links_count;     /* a page of links: mass is all text, not prose only */
} html_sel;

static size_t block_prose(const html_bstat *b)
{
    return b->link * 2 >= b->text ? 0 : b->text - b->link;
}

static size_t block_mass(const html_sel *s, size_t i)
{
    if (s->drop[i])
        return 0;
    return s->links_count ? s->w->bstats[i].text : block_prose(&s->w->bstats[i]);
}

static size_t range_sum(const size_t *prefix, const html_elem *e)
{
    return prefix[e->end] - prefix[e->first];
}

static void sums(html_sel *s)
{
    const html_walk *w = s->w;
    s->text[0] = s->link[0] = s->mass[0] = 0;
    for (size_t i = 0; i < w->nblocks; i++) {
        s->text[i + 1] = s->text[i] + w->bstats[i].text;
        s->link[i + 1] = s->link[i] + w->bstats[i].link;
        s->mass[i + 1] = s->mass[i] + block_mass(s, i);
    }
}

/* Whether a chrome-looking element is left out. */
static int chrome_dropped(const html_sel *s, const html_elem *e)
{
    if (e->flags & HTML_MAIN)
        return 0;
    if (e->flags & (HTML_CHROME_TAG | HTML_CHROME_ROLE))
        return 1;
    if (!(e->flags & HTML_CHROME_NAMED))
        return 0;
    size_t t = range_sum(s->text, e), l = range_sum(s->link, e);
    return l * 10 > t * 3 || t - l < HTML_NAMED_MIN_PROSE;
}

/* Mark chrome (s->drop) and redo the sums. 0, or -1 out of memory. */
static int mark_chrome(html_sel *s)
{
    const html_walk *w = s->w;
    long *delta = calloc(w->nblocks + 1, sizeof *delta);
    if (!delta)
        return -1;
    for (size_t i = 0; i < w->nelems; i++)
        if (w->elems[i].first < w->elems[i].end && chrome_dropped(s, &w->elems[i])) {
            delta[w->elems[i].first]++;
            delta[w->elems[i].end]--;
        }
    long open = 0;
    for (size_t i = 0; i < w->nblocks; i++) {
        open += delta[i];
        s->drop[i] = open > 0;
    }
    free(delta);
    sums(s);
    return 0;
}

/* The deepest block-level element holding 98% of the mass, or -1 (the whole page). Two
 * disjoint elements cannot both hold it, so the last one in document order is the deepest. */
static int content_elem(const html_sel *s)
{
    size_t total = s->mass[s->w->nblocks];
    int best = -1;
    for (size_t i = 0; total && i < s->w->nelems; i++) {
        const html_elem *e = &s->w->elems[i];
        if ((e->flags & HTML_BLOCK) && range_sum(s->mass, e) * 50 >= total * 49)
            best = (int)i;
    }
    return best;
}

/* A paragraph that reads as running text: long enough, few links, a sentence end. */
static int prose_paragraph(const html_walk *w, size_t b)
{
    const html_bstat *st = &w->bstats[b];
    if (st->text < 80 || st->link * 4 >= st->text)
        return 0;
    const pc_block *bl = &w->blocks[b];
    for (size_t i = bl->start; i < bl->end; i++) {
        char c = w->text.data[i];
        if ((c == '.' || c == '!' || c == '?' || c == ';' || c == ':') &&
            (i + 1 == bl->end || w->text.data[i + 1] == ' '))
            return 1;
    }
    return 0;
}

/* Whether any block of the page reads as running text. A page of links without any (a sitemap,
 * a table of contents) gives nothing to tell its policy from its chrome by. */
static int any_prose(const html_walk *w)
{
    for (size_t i = 0; i < w->nblocks; i++)
        if (prose_paragraph(w, i))
            return 1;
    return 0;
}

/* Keep the content element's blocks, and beside it (under its parent) the prose paragraphs
 * and the headings that lead into kept text. */
static void keep_content(html_sel *s, int el)
{
    const html_walk *w = s->w;
    size_t lo = 0, hi = w->nblocks, plo = 0, phi = w->nblocks;
    if (el >= 0) {
        int p = w->elems[el].parent;
        lo = w->elems[el].first;
        hi = w->elems[el].end;
        plo = p < 0 ? lo : w->elems[p].first;
        phi = p < 0 ? hi : w->elems[p].end;
    }
    for (size_t i = plo; i < phi; i++)
        s->keep[i] = !s->drop[i] && ((i >= lo && i < hi) || prose_paragraph(w, i));
    int next_kept = 0;
    for (size_t i = phi; i-- > plo;) {
        if (s->drop[i])
            continue;
        if (!s->keep[i] && next_kept && w->blocks[i].kind == PC_BLOCK_HEADING)
            s->keep[i] = 1;
        next_kept = s->keep[i];
    }
}

/* Rebuild w's text, blocks and lines from the kept blocks. */
static int rebuild(html_walk *w, const unsigned char *keep)
{
    pc_buf text = {0};
    size_t n = 0;
    for (size_t i = 0; i < w->nblocks; i++) {
        if (!keep[i])
            continue;
        pc_block b = w->blocks[i];
        if ((text.len && pc_buf_addc(&text, '\n') < 0) ||
            pc_buf_add(&text, w->text.data + b.start, b.end - b.start) < 0) {
            pc_buf_free(&text);
            return -1;
        }
        size_t start = text.len - (b.end - b.start);
        w->blocks[n] = (pc_block){start, text.len, b.kind, b.level};
        w->lines[n] = (pc_linemap){start, w->lines[i].line};
        w->bstats[n] = w->bstats[i];
        n++;
    }
    pc_buf_free(&w->text);
    w->text = text;
    w->nblocks = w->nlines = n;
    w->nelems = 0; /* the ranges no longer apply */
    return 0;
}

/* Decide s->keep; fill choice. 0, or -1 out of memory. */
static int choose(html_sel *s, html_choice *choice)
{
    size_t n = s->w->nblocks;
    sums(s);
    if (s->mass[n] * 4 < s->text[n]) { /* mostly links: a table of contents, a sitemap */
        s->links_count = 1;
        sums(s);
    }
    size_t page = s->mass[n];
    if (mark_chrome(s) < 0)
        return -1;
    choice->page_prose = page;
    if (s->mass[n] * 4 < page || s->mass[n] == 0 || (s->links_count && !any_prose(s->w))) {
        memset(s->drop, 0, n);
        sums(s);
        choice->chrome_ignored = 1;
    }
    keep_content(s, content_elem(s));
    for (size_t i = 0; i < n; i++)
        if (s->keep[i])
            choice->kept_prose += s->links_count ? s->w->bstats[i].text
                                                 : block_prose(&s->w->bstats[i]);
    return 0;
}

int html_select(html_walk *w, html_choice *choice)
{
    size_t n = w->nblocks;
    html_sel s = {w, malloc((n + 1) * sizeof(size_t)), malloc((n + 1) * sizeof(size_t)),
                  malloc((n + 1) * sizeof(size_t)), calloc(n + 1, 1), calloc(n + 1, 1), 0};
    int rc = -1;
    memset(choice, 0, sizeof *choice);
    if (s.mass && s.text && s.link && s.drop && s.keep && choose(&s, choice) == 0)
        rc = rebuild(w, s.keep);
    free(s.mass);
    free(s.text);
    free(s.link);
    free(s.drop);
    free(s.keep);
    return rc;
}

/* compare_outline.c: findings about a policy's structure (compare_internal.h).
 *
 * - empty-section (low): a titled heading with no text and no subsections. Not the untitled
 *   preamble, not the document's own title, not a heading whose title another heading with
 *   content repeats (a table of contents, a menu of the page's sections), not two or more
 *   such headings in a row (a list of titles, a table's header row), and not one followed by
 *   a "heading" that is a wrapped paragraph's first line (its text starts in lower case).
 * - incomplete (medium): a lead-in that promises what follows ("please contact us through the
 *   following means:") and is followed by nothing: a clause ending with ":" that is the last of
 *   its section, in a section with no subsections, and no list item follows it.
 * One finding per title (a title left bare in several places is one finding citing them).
 * Titles compare by their letters only (case-folded: numbering, spaces and punctuation
 * dropped); equal titles are found by sorting, so the work is O(n log n) in the number of sections.
 */
#include "compare/compare_internal.h"

#include "util/words.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define OL_LEAD_MIN_WORDS 3 /* "Email:" alone is a label, not a lead-in */

enum { OL_BARE = 1, OL_UNREPORTED = 2 };

/* ol_run: one policy's sections. Owns the arrays. */
typedef struct ol_run {
    const pc_policy *p;
    unsigned char *children; /* per section: it has subsections */
    pc_cmp_bag titles;       /* the titled sections' titles (ol_titles), sorted */
    unsigned char *bare;     /* per section: OL_BARE (titled, no clause, no subsection),
                                OL_UNREPORTED (bare, but a list of titles), or 0 */
} ol_run;

static int ol_doc_title(const pc_outline *o, const pc_section *sec)
{
    return o->title.end > o->title.start && sec->title_start < o->title.end &&
           o->title.start < sec->title_end;
}

static int ol_init(ol_run *r)
{
    const pc_outline *o = r->p->outline;
    r->children = calloc(o->nsections + 1, 1);
    r->bare = calloc(o->nsections + 1, 1);
    if (!r->children || !r->bare)
        return -1;
    for (size_t s = 0; s < o->nsections; s++)
        if (o->sections[s].parent >= 0)
            r->children[o->sections[s].parent] = 1;
    for (size_t s = 0; s < o->nsections; s++) {
        const pc_section *sec = &o->sections[s];
        r->bare[s] =
            sec->title_end > sec->title_start && !sec->nclauses && !r->children[s] ? OL_BARE : 0;
    }
    return 0;
}

/* Whether section s's first clause starts with a lower-case letter: its title is the first
 * line of a wrapped paragraph, taken for a heading, and the text belongs to the heading above. */
static int ol_run_on(const pc_outline *o, size_t s)
{
    const pc_section *sec = &o->sections[s];
    if (!sec->nclauses)
        return 0;
    char ch = o->doc->text[o->clauses[sec->first_clause].start];
    return ch >= 'a' && ch <= 'z';
}

/* Headings that only look bare: two or more in a row with nothing between are a list of
 * titles (a menu, a table's header row), and one followed by a wrapped paragraph's first line
 * has that paragraph as its text. */
static void ol_lists_of_titles(ol_run *r)
{
    const pc_outline *o = r->p->outline;
    for (size_t s = 0; s + 1 < o->nsections; s++) {
        if (!r->bare[s])
            continue;
        if (r->bare[s + 1] || ol_run_on(o, s + 1)) {
            r->bare[s] = OL_UNREPORTED;
            if (r->bare[s + 1])
                r->bare[s + 1] = 2;
        }
    }
}

/* The titles of the policy's titled sections into b, as their words' letters only ("1.
 * Introduction" and "Introduction" read "introduction"). */
static int ol_titles(ol_run *r)
{
    pc_cmp_bag *b = &r->titles;
    const pc_outline *o = r->p->outline;
    const char *text = r->p->doc->text;
    for (size_t s = 0; s < o->nsections; s++) {
        const pc_section *sec = &o->sections[s];
        if (sec->title_end <= sec->title_start)
            continue;
        if (pc_cmp_bag_begin(b, (pc_ref){0, PC_NO_CLAUSE, (int)s}) < 0)
            return -1;
        for (size_t i = sec->title_start; i < sec->title_end; i++) {
            unsigned char ch = (unsigned char)text[i];
            if ((ch >= 'a' && ch <= 'z') || ch >= 0x80 ||
                (ch >= 'A' && ch <= 'Z' && (ch = (unsigned char)(ch + 32))))
                if (pc_buf_addc(&b->arena, (char)ch) < 0)
                    return -1;
        }
        if (pc_cmp_bag_end(b) < 0)
            return -1;
    }
    return 0;
}

/* Bare headings whose title a heading with content repeats stop being bare. */
static void ol_tables_of_contents(ol_run *r)
{
    for (size_t lo = 0, hi; lo < r->titles.n; lo = hi) {
        hi = pc_cmp_bag_run(&r->titles, lo);
        int content = 0;
        for (size_t i = lo; i < hi; i++)
            content |= !r->bare[r->titles.v[i].ref.section];
        for (size_t i = lo; content && i < hi; i++)
            r->bare[r->titles.v[i].ref.section] = 0;
    }
}

/* One finding per title among v[lo..hi) (one title): every bare heading with it. */
static int ol_empty_title(pc_comparison *c, size_t pi, const ol_run *r, size_t lo, size_t hi)
{
    const pc_outline *o = r->p->outline;
    pc_ref refs[PC_LINT_MAX_PLACES];
    size_t nr = 0, total = 0;
    for (size_t i = lo; i < hi; i++) {
        int s = r->titles.v[i].ref.section;
        if (r->bare[s] != OL_BARE || ol_doc_title(o, &o->sections[s]))
            continue;
        if (nr < PC_LINT_MAX_PLACES)
            refs[nr++] = (pc_ref){(int)pi, PC_NO_CLAUSE, s};
        total++;
    }
    if (!total)
        return 0;
    const pc_section *sec = &o->sections[refs[0].section];
    char q[PC_LINT_QUOTE_SIZE], times[48] = "";
    pc_cmp_lint_quote(r->p->doc->text + sec->title_start, sec->title_end - sec->title_start, q);
    if (total > 1)
        snprintf(times, sizeof times, " (%zu times in this policy)", total);
    return pc_cmp_add(c, PC_FIND_EMPTY_SECTION, PC_SEV_LOW, -1, refs, nr,
                      "section \"%s\" has no text under its heading and no subsections%s", q,
                      times);
}

static int ol_empty_sections(pc_comparison *c, size_t pi, const ol_run *r)
{
    int rc = 0;
    for (size_t lo = 0, hi; rc == 0 && lo < r->titles.n; lo = hi) {
        hi = pc_cmp_bag_run(&r->titles, lo);
        rc = ol_empty_title(c, pi, r, lo, hi);
    }
    return rc;
}

/* Whether clause k ends with ":" and is long enough to be a lead-in. */
static int ol_lead_in(const pc_policy *p, size_t k)
{
    const pc_clause *cl = &p->outline->clauses[k];
    const char *s = p->doc->text;
    size_t e = cl->end;
    while (e > cl->start && strchr(" \t\r\n", s[e - 1]))
        e--;
    return e > cl->start && s[e - 1] == ':' &&
           pc_word_count(s + cl->start, e - cl->start) >= OL_LEAD_MIN_WORDS;
}

static int ol_incomplete(pc_comparison *c, size_t pi, const ol_run *r)
{
    const pc_outline *o = r->p->outline;
    int rc = 0;
    for (size_t s = 0; rc == 0 && s < o->nsections; s++) {
        const pc_section *sec = &o->sections[s];
        if (!sec->nclauses || r->children[s])
            continue;
        size_t k = sec->first_clause + sec->nclauses - 1;
        if (!ol_lead_in(r->p, k))
            continue;
        const pc_clause *cl = &o->clauses[k];
        char q[PC_LINT_QUOTE_SIZE];
        pc_cmp_lint_quote(r->p->doc->text + cl->start, cl->end - cl->start, q);
        pc_ref ref = {(int)pi, k, cl->section};
        rc = pc_cmp_add(c, PC_FIND_INCOMPLETE, PC_SEV_MEDIUM, -1, &ref, 1,
                        "\"%s\" promises what follows, and nothing follows it", q);
    }
    return rc;
}

int pc_cmp_lint_outline(pc_comparison *c, size_t policy)
{
    ol_run r = {.p = c->policies[policy]};
    int rc = ol_init(&r);
    if (rc == 0)
        rc = ol_titles(&r);
    pc_cmp_bag_sort(&r.titles);
    if (rc == 0) {
        ol_tables_of_contents(&r);
        ol_lists_of_titles(&r);
    }
    if (rc == 0)
        rc = ol_empty_sections(c, policy, &r);
    if (rc == 0)
        rc = ol_incomplete(c, policy, &r);
    free(r.children);
    free(r.bare);
    pc_cmp_bag_free(&r.titles);
    return rc;
}

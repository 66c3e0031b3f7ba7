/* pc_seg_classify.c: deciding for each line whether it is a heading, a list item or paragraph
 * text, from its marker, its shape and its context.
 *
 * - "1." at the left margin with a short title is a heading; "  1. Management of ...;" is a
 *   list item (indented, ends with ";", long, or continues a list introduced by ":").
 * - a run of (A), (B), (C) lines is a list; a lone "(A) Short title" before a paragraph is a
 *   heading.
 * - ALL-CAPS and short title-like lines are headings unless they sit inside a list.
 * - the first line of the document, when it looks like a title, is the document's title.
 */
#include "segment/seg_internal.h"
#include "text/title.h"

#include <string.h>

/* What the previous lines leave behind. Plain value. */
typedef struct seg_ctx {
    bool lead;        /* the previous content line ends with ":" */
    bool have_item;   /* the previous content line is a list item */
    seg_marker item_mk;
    long item_num;
    int item_indent;
    int head_indent;  /* indentation of the numbered headings seen so far */
    int last_depth;   /* the last numbered heading: depth, first and last component */
    long last_first, last_num;
    size_t prev;      /* previous content line, or SIZE_MAX */
    bool prev_adjacent; /* no blank line between it and this one */
} seg_ctx;

static bool seg_content(const seg_line *l)
{
    return l->kind != SEG_BLANK && l->kind != SEG_CHROME && l->kind != SEG_SKIP;
}

static size_t seg_next_content(const seg_lines *L, size_t i)
{
    for (size_t j = i + 1; j < L->n; j++)
        if (seg_content(&L->v[j]))
            return j;
    return SIZE_MAX;
}

static int seg_marker_family(seg_marker m)
{
    switch (m) {
    case MK_PAREN_UPPER: return STY_PAREN_UPPER;
    case MK_PAREN_LOWER: return STY_PAREN_LOWER;
    case MK_ALPHA_UPPER: return STY_ALPHA_UPPER;
    case MK_ALPHA_LOWER: return STY_ALPHA_LOWER;
    case MK_ROMAN_UPPER: return STY_ROMAN_UPPER;
    case MK_ROMAN_LOWER: return STY_ROMAN_LOWER;
    default: return STY_DEC;
    }
}

/* Does the text run past its first sentence (a heading never does)? */
static bool seg_several_sentences(const char *t, size_t s, size_t e)
{
    size_t k = pc_sentence_end(t, s, e);
    while (k < e && pc_seg_is_space((unsigned char)t[k]))
        k++;
    return k < e;
}

/* Is the line a substantial paragraph or a list, i.e. something a heading can sit over? */
static bool seg_body_follows(const char *t, const seg_lines *L, size_t i)
{
    size_t j = seg_next_content(L, i);
    if (j == SIZE_MAX)
        return false;
    const seg_line *n = &L->v[j];
    if (n->block == PC_BLOCK_ITEM || n->marker == MK_BULLET || n->marker == MK_ANSWER ||
        (pc_seg_enumerated(n->marker) && n->marker != MK_DECIMAL))
        return true;
    if (n->marker != MK_NONE || n->block == PC_BLOCK_HEADING)
        return false;
    return pc_seg_count_tokens(t, n->text, n->text_end) >= 6 ||
           pc_seg_ends_with(t, n->text, n->text_end, ".!?:");
}

static bool seg_same_list(const seg_ctx *c, const seg_line *l)
{
    return c->item_mk == l->marker && l->num == c->item_num + 1 && l->indent == c->item_indent;
}

/* Does a decimal line continue the numbering of the headings (6.6 after 6.5, 7. after 6.6)? */
static bool seg_next_number(const seg_ctx *c, const seg_line *l)
{
    if (l->marker != MK_DECIMAL || !c->last_depth)
        return false;
    if (l->depth == 1)
        return l->first == c->last_first + 1;
    if (l->first != c->last_first)
        return false;
    return (l->depth == c->last_depth && l->num == c->last_num + 1) ||
           (l->depth == c->last_depth + 1 && l->num == 1);
}

/* An enumerated line (1. / (A) / iv.): a list item rather than a heading? */
static bool seg_enum_is_item(const char *t, const seg_lines *L, size_t i, const seg_ctx *c)
{
    const seg_line *l = &L->v[i];
    size_t s = l->text, e = l->text_end, words = pc_seg_count_tokens(t, s, e);
    if (e <= s || pc_seg_ends_with(t, s, e, ";,"))
        return true;
    if (l->indent >= 2 && l->indent > c->head_indent)
        return true;
    bool numbered = seg_next_number(c, l);
    if (words > (numbered ? 30u : 14u) || e - s > (numbered ? 250u : 120u) ||
        seg_several_sentences(t, s, e))
        return true;
    if (c->have_item && seg_same_list(c, l))
        return true;
    if (c->lead && l->num == 1 && l->depth <= 1)
        return true;
    if (pc_seg_ends_with(t, s, e, ".") && words > 6)
        return true;
    if (l->marker == MK_DECIMAL)
        return false;
    size_t j = seg_next_content(L, i);
    if (j != SIZE_MAX && L->v[j].marker == l->marker && L->v[j].num == l->num + 1)
        return true;
    if (c->lead)
        return true;
    return !(pc_seg_title_like(t, s, e) || pc_seg_caps_like(t, s, e)) || !seg_body_follows(t, L, i);
}

/* Does an unmarked line continue the previous paragraph or item (a wrapped line)? */
static bool seg_continues(const char *t, const seg_lines *L, size_t i, const seg_ctx *c)
{
    const seg_line *l = &L->v[i];
    if (c->prev == SIZE_MAX || !c->prev_adjacent || l->block >= 0 || l->marker != MK_NONE)
        return false;
    const seg_line *p = &L->v[c->prev];
    if (p->kind == SEG_ITEM)
        return p->block < 0 && (l->indent > p->indent || pc_seg_is_lower_at(t, l->text, l->end));
    if (p->kind != SEG_PARA || pc_seg_ends_with(t, p->text, p->text_end, ".!?:;\"'") ||
        pc_seg_ends_with(t, p->text, p->text_end, "\x82\x81\x9F\x9D\x99"))
        return false;
    if (pc_seg_is_lower_at(t, l->text, l->end))
        return true;
    /* a wrapped line: the previous one is long and does not end with an address */
    size_t w = p->text_end;
    while (w > p->text && !pc_seg_is_space((unsigned char)t[w - 1]))
        w--;
    for (size_t k = w; k < p->text_end; k++)
        if (t[k] == '@' || t[k] == '/' || (k + 4 <= p->text_end && !memcmp(t + k, "www.", 4)))
            return false;
    return p->text_end - p->text >= 50 && !pc_seg_title_like(t, l->text, l->text_end);
}

/* Is plain line i the first of a paragraph wrapped onto the next line: the next line follows
 * with no blank line between, carries no marker and starts in lowercase ("...we collect
 * personal" / "information such as...")? Such a line is running text, however short. */
static bool seg_wraps_on(const char *t, const seg_lines *L, size_t i)
{
    const seg_line *l = &L->v[i];
    if (i + 1 >= L->n || l->block >= 0 || l->marker != MK_NONE)
        return false;
    const seg_line *n = &L->v[i + 1];
    return n->kind == SEG_PARA && n->block < 0 && n->marker == MK_NONE &&
           pc_seg_is_lower_at(t, n->text, n->end);
}

/* A Markdown rule or setext underline: ---, ===, ***. */
static bool seg_rule_line(const char *t, const seg_line *l)
{
    size_t n = 0;
    char c = t[l->text];
    if (c != '-' && c != '=' && c != '*' && c != '_')
        return false;
    for (size_t k = l->text; k < l->end; k++) {
        if (t[k] == c)
            n++;
        else if (t[k] != ' ')
            return false;
    }
    return n >= 3;
}

static void seg_set_heading(seg_line *l, int family, int rank)
{
    l->kind = SEG_HEADING;
    l->style = SEG_STYLE(family, rank > 15 ? 15 : rank < 0 ? 0 : rank);
}

static void seg_decide_plain(const char *t, seg_lines *L, size_t i, seg_ctx *c)
{
    seg_line *l = &L->v[i];
    if (seg_continues(t, L, i, c)) {
        l->kind = L->v[c->prev].kind;
        l->cont = true;
        return;
    }
    l->kind = l->marker == MK_BULLET || l->block == PC_BLOCK_ITEM ? SEG_ITEM : SEG_PARA;
    if (l->kind == SEG_ITEM || l->marker == MK_ANSWER)
        return;
    size_t j = seg_next_content(L, i);
    bool in_list = c->lead || (c->have_item && j != SIZE_MAX &&
                               (L->v[j].marker == c->item_mk || L->v[j].marker == MK_BULLET));
    if (in_list || seg_wraps_on(t, L, i))
        return;
    if (pc_seg_caps_like(t, l->text, l->text_end) && seg_body_follows(t, L, i))
        seg_set_heading(l, STY_CAPS, 0);
    else if (pc_seg_title_like(t, l->text, l->text_end) && seg_body_follows(t, L, i))
        seg_set_heading(l, STY_TITLE, 0);
}

static void seg_decide(const char *t, seg_lines *L, size_t i, seg_ctx *c)
{
    seg_line *l = &L->v[i];
    if (l->block == PC_BLOCK_HEADING) {
        seg_set_heading(l, STY_HTML, l->block_level);
    } else if (l->marker == MK_MD_HEADING) {
        seg_set_heading(l, STY_MD, l->depth);
    } else if (l->marker == MK_QUESTION) {
        seg_set_heading(l, STY_QA, 0);
    } else if (pc_seg_enumerated(l->marker) && l->block != PC_BLOCK_ITEM) {
        if (seg_enum_is_item(t, L, i, c)) {
            l->kind = SEG_ITEM;
        } else {
            seg_set_heading(l, seg_marker_family(l->marker),
                            l->marker == MK_DECIMAL ? l->depth : 0);
            if (l->marker == MK_DECIMAL && c->head_indent < l->indent)
                c->head_indent = l->indent;
            if (l->marker == MK_DECIMAL) {
                c->last_depth = l->depth;
                c->last_first = l->first;
                c->last_num = l->num;
            }
        }
    } else {
        seg_decide_plain(t, L, i, c);
    }
}

static void seg_update_ctx(const char *t, const seg_lines *L, size_t i, seg_ctx *c)
{
    const seg_line *l = &L->v[i];
    c->lead = l->kind != SEG_HEADING && pc_seg_ends_with(t, l->text, l->text_end, ":");
    if (l->kind == SEG_ITEM && !l->cont) {
        c->have_item = true;
        c->item_mk = l->marker;
        c->item_num = l->num;
        c->item_indent = l->indent;
    } else if (l->kind != SEG_ITEM) {
        c->have_item = false;
    }
    c->prev = i;
}

/* A date line ("Last updated June 12, 2024", "Effective Date: 9 February 2015"): a date word
 * first (pc_title_is_date), a year, and short. Set as a heading (an HTML <h2>, a short line
 * over a paragraph), it would take the date from the clauses the date rules read and give its
 * section a date for a title; it stays text of the section it sits in. */
static bool seg_date_line(const char *t, const seg_line *l)
{
    size_t n = l->text_end - l->text, run = 0;
    if (n > 100 || !pc_title_is_date(t + l->text, n))
        return false;
    for (size_t i = l->text; i < l->text_end; i++) {
        run = t[i] >= '0' && t[i] <= '9' ? run + 1 : 0;
        if (run == 4 && (t[i - 3] == '1' || t[i - 3] == '2') &&
            (i + 1 == l->text_end || t[i + 1] < '0' || t[i + 1] > '9'))
            return true;
    }
    return false;
}

/* The first content line is the document's title when it reads like one; a date line
 * ("Last updated: May 22, 2024") before it is passed over. */
static void seg_find_title(const char *t, seg_lines *L)
{
    size_t j = seg_next_content(L, SIZE_MAX);
    for (int k = 0; k < 2 && j != SIZE_MAX && pc_title_is_date(t + L->v[j].text,
                                                               L->v[j].text_end - L->v[j].text);
         k++)
        j = seg_next_content(L, j);
    if (j == SIZE_MAX)
        return;
    seg_line *l = &L->v[j];
    bool shaped =
        pc_seg_title_like(t, l->text, l->text_end) || pc_seg_caps_like(t, l->text, l->text_end);
    bool titled = l->block == PC_BLOCK_HEADING || l->marker == MK_MD_HEADING ||
                  (l->marker == MK_NONE && l->block != PC_BLOCK_ITEM && shaped &&
                   !seg_wraps_on(t, L, j));
    if (!titled || seg_next_content(L, j) == SIZE_MAX)
        return;
    l->kind = SEG_TITLE;
    /* a subtitle right under it (a translation, a company name) belongs to the title */
    size_t k = seg_next_content(L, j);
    seg_line *sub = &L->v[k];
    if (k == j + 1 && sub->marker == MK_NONE && sub->block < 0 &&
        (pc_seg_title_like(t, sub->text, sub->text_end) ||
         pc_seg_caps_like(t, sub->text, sub->text_end)) &&
        k + 1 < L->n && L->v[k + 1].kind == SEG_BLANK)
        sub->kind = SEG_TITLE;
}

void pc_seg_classify(const pc_doc *doc, seg_lines *L)
{
    const char *t = doc->text;
    seg_ctx c = {.prev = SIZE_MAX};
    for (size_t i = 0; i < L->n; i++) {
        seg_line *l = &L->v[i];
        if (l->kind == SEG_PARA && l->block < 0 && seg_rule_line(t, l)) {
            l->kind = SEG_SKIP;
            seg_line *p = i > 0 ? &L->v[i - 1] : NULL;
            if (p && p->kind == SEG_PARA && p->marker == MK_NONE && t[l->text] != '*' &&
                t[l->text] != '_')
                seg_set_heading(p, STY_MD, t[l->text] == '=' ? 1 : 2);
        }
    }
    seg_find_title(t, L);
    bool adjacent = false;
    for (size_t i = 0; i < L->n; i++) {
        seg_line *l = &L->v[i];
        if (!seg_content(l)) {
            adjacent = adjacent && l->kind == SEG_CHROME;
            if (l->kind == SEG_BLANK)
                adjacent = false;
            continue;
        }
        c.prev_adjacent = adjacent;
        if (l->kind == SEG_PARA)
            seg_decide(t, L, i, &c);
        if (l->kind == SEG_HEADING && seg_date_line(t, l))
            l->kind = SEG_PARA;
        seg_update_ctx(t, L, i, &c);
        adjacent = true;
    }
}

/* seg_internal.h: what the segmenter's files (segment.c, seg_lines.c, seg_chrome.c,
 * sentence.c) share. Not a public API: only core/seg*.c and core/sentence.c include it.
 *
 * The segmenter works on lines: pc_seg_scan_lines() cuts doc->text into seg_line records and
 * parses list/heading markers; pc_seg_mark_chrome() flags web chrome; pc_seg_classify() decides
 * which lines are headings, list items or paragraph text; segment.c builds the outline.
 */
#ifndef POLCMP_SEG_INTERNAL_H
#define POLCMP_SEG_INTERNAL_H

#include "segment/segment.h"
#include "util/wordset.h"
#include "util/words.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef enum seg_kind {
    SEG_BLANK = 0,
    SEG_PARA,    /* running text (may continue the previous line's paragraph) */
    SEG_ITEM,    /* a list item */
    SEG_HEADING, /* a section heading */
    SEG_TITLE,   /* the document's own title ("Privacy Policy") */
    SEG_CHROME,  /* web-page chrome, left out */
    SEG_SKIP,    /* Markdown rules and setext underlines */
} seg_kind;

typedef enum seg_marker {
    MK_NONE = 0,
    MK_BULLET,       /* - * + • and friends */
    MK_DECIMAL,      /* 1. 1) 1.2 1.2.3 */
    MK_PAREN_UPPER,  /* (A) A) */
    MK_PAREN_LOWER,  /* (a) a) */
    MK_ALPHA_UPPER,  /* A. */
    MK_ALPHA_LOWER,  /* a. */
    MK_ROMAN_UPPER,  /* I. IV) (IV) */
    MK_ROMAN_LOWER,  /* i. iv) (iv) */
    MK_MD_HEADING,   /* # ... ###### */
    MK_QUESTION,     /* Q: */
    MK_ANSWER,       /* A: */
} seg_marker;

/* A marker that numbers or letters its line (1. / (a) / iv.), as opposed to a bullet, a Markdown
 * "#" or a Q:/A: label. Headings keep it in their title, and so do markup list items. */
static inline bool pc_seg_enumerated(seg_marker m)
{
    return m == MK_DECIMAL || (m >= MK_PAREN_UPPER && m <= MK_ROMAN_LOWER);
}

/* Heading styles: family * 16 + rank. Families with ranks nest by rank (1.1 under 1.). */
enum {
    STY_DEC = 1, STY_MD, STY_HTML, STY_PAREN_UPPER, STY_PAREN_LOWER, STY_ALPHA_UPPER,
    STY_ALPHA_LOWER, STY_ROMAN_UPPER, STY_ROMAN_LOWER, STY_CAPS, STY_TITLE, STY_QA,
};
#define SEG_STYLE(fam, rank) ((fam) * 16 + (rank))
#define SEG_FAMILY(style) ((style) / 16)
#define SEG_RANK(style) ((style) % 16)

/* One line of doc->text. Plain value, owns nothing. */
typedef struct seg_line {
    size_t start, end;  /* the line without "\n" and without trailing space */
    size_t text;        /* first byte after indentation and marker */
    size_t text_end;    /* end of the text proper (a heading's closing "#"s or "**" removed) */
    int indent;         /* leading columns (tab = 4) */
    seg_marker marker;
    int depth;          /* decimal components (1.2 -> 2) or Markdown "#" count */
    long num;           /* the marker's value: last decimal component, letter or roman value */
    long first;         /* first decimal component */
    int block;          /* kind of the HTML block on this line, or -1 */
    int block_level;
    seg_kind kind;
    int style;          /* SEG_STYLE of a heading */
    bool cont;          /* continues the previous paragraph or item */
} seg_line;

/* A growable array of lines. Owns `v`. */
typedef struct seg_lines {
    seg_line *v;
    size_t n, cap;
} seg_lines;

int pc_seg_scan_lines(const pc_doc *doc, seg_lines *out);
void pc_seg_classify(const pc_doc *doc, seg_lines *L);

/* Flags chrome lines at the start and end (and isolated chrome lines elsewhere), moves a line's
 * start past a banner glued to the title, and appends every chrome span to *spans. Returns -1
 * when memory runs out. */
int pc_seg_mark_chrome(const pc_doc *doc, seg_lines *L, pc_span **spans, size_t *nspans,
                       size_t *cap);

/* Text helpers shared by the segmenter's files. pc_seg_count_tokens counts the runs of
 * t[s..e) between spaces: the layout heuristics (is a line short enough to be a title?) count
 * what the eye sees as separate, so a CJK title written without spaces is one token. Words in
 * the language's sense are util/words.h's. */
static inline size_t pc_seg_count_tokens(const char *t, size_t s, size_t e)
{
    return pc_token_count(t + s, e - s);
}
static inline bool pc_seg_is_space(unsigned char c)
{
    return pc_is_space(c);
}
/* The bytes of t[s, e) that are not ' ', '\t' or '\n'. */
size_t pc_seg_nonblank(const char *t, size_t s, size_t e);
bool pc_seg_is_upper_at(const char *t, size_t i, size_t e);
bool pc_seg_is_lower_at(const char *t, size_t i, size_t e);
/* Whether t[s..e) is `word` (of n bytes for pc_seg_ieqn), ignoring ASCII case. Word lists are
 * pc_wordsets (util/wordset.h), looked up with SEG_IN. */
bool pc_seg_ieq(const char *t, size_t s, size_t e, const char *word);
bool pc_seg_ieqn(const char *t, size_t s, size_t e, const char *word, size_t n);
#define SEG_IN(t, s, e, set) pc_wordset_has(&(set), (t) + (s), (e) - (s))
bool pc_seg_has_lower(const char *t, size_t s, size_t e);
bool pc_seg_title_like(const char *t, size_t s, size_t e);
bool pc_seg_caps_like(const char *t, size_t s, size_t e);
bool pc_seg_ends_with(const char *t, size_t s, size_t e, const char *chars);
/* Is text[s..e) starting at s a word that commonly opens a sentence ("We", "Our", "This")? */
bool pc_seg_starter_word(const char *t, size_t s, size_t e);

#endif

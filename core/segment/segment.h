/* segment.h: a pc_doc's outline of sections and clauses.
 *
 * The segmenter reads the normalized text (and HTML blocks when the loader gave them) and
 * recognises: numbered headings (1. / 1.1 / (A) / (a) / roman numerals), Q:/A: blocks (the
 * question is the heading), Markdown "#" headings, HTML headings, ALL-CAPS or short title-like
 * lines, headings glued to the paragraph that follows, bullets and numbered list items, and
 * long walls of text (split into sentences). Web-page chrome (navigation words, "Top",
 * language pickers, banners glued to the title) is recognised and kept out of clauses.
 *
 * A clause is a sentence or a list item; a list item's `lead` names the clause that introduces
 * the list ("We collect the following:"). Sentence splitting does not break on abbreviations
 * (e.g., i.e., Inc., U.S.), decimals, e-mail or web addresses.
 */
#ifndef POLCMP_SEGMENT_H
#define POLCMP_SEGMENT_H

#include "text/load.h"
#include "util/util.h"

#include <stddef.h>

typedef enum pc_clause_kind {
    PC_CLAUSE_SENTENCE = 0,
    PC_CLAUSE_ITEM, /* a list item */
} pc_clause_kind;

/* One clause. Plain value, owns nothing. */
typedef struct pc_clause {
    uint32_t start, end; /* its bytes in doc->text, trimmed of space and list markers (32 bits:
                            a text is under PC_TEXT_MAX, util.h; a policy has millions) */
    int section;         /* index into pc_outline.sections */
    int lead;            /* a list item's lead-in clause (index into clauses), else -1 */
    pc_clause_kind kind;
} pc_clause;

/* One section. Plain value, owns nothing. Sections are stored in document order; a parent
 * always comes before its children. Section 0 may be an untitled preamble (title empty). */
typedef struct pc_section {
    size_t title_start, title_end; /* heading text without "#", "Q:" or HTML; may be empty */
    size_t start, end;             /* from the heading to the end of its last content */
    int level;                     /* 1 for top-level sections */
    int parent;                    /* index of the parent section, -1 at top level */
    size_t first_clause;           /* its own clauses: clauses[first_clause .. +nclauses) */
    size_t nclauses;
} pc_section;

/* pc_outline: the segmentation of one document. Owns the two arrays; borrows doc, which must
 * outlive it. Free with pc_outline_free(). */
typedef struct pc_outline {
    const pc_doc *doc;
    pc_section *sections;
    size_t nsections;
    pc_clause *clauses;
    size_t nclauses;
    pc_span *chrome; /* spans recognised as web chrome and left out */
    size_t nchrome;
    pc_span title;   /* the document's own title ("Privacy Policy"); empty when none. When text
                        comes before the first heading it is also section 0's title. */
} pc_outline;

pc_outline *pc_segment(const pc_doc *doc, pc_error *err);
void pc_outline_free(pc_outline *o);

/* Warn on doc (o's document) when the extraction is empty or thin: PC_WARN_EMPTY when the
 * outline has no clause, PC_WARN_LITTLE_TEXT when its clauses and headings hold under half
 * of the document's text. Returns 0, or -1 out of memory (the warning is lost). */
int pc_outline_check(const pc_outline *o, pc_doc *doc);

/* pc_outline_window: clauses [from, to) of an outline as an outline of their own, so that a
 * large document can be worked through a piece at a time: ol.clauses[0..n) are the window's
 * clauses in order; a lead-in clause from before the window follows them (their `lead` points
 * to it); ol.sections are the sections those clauses are in, each after its parents (their
 * first_clause and nclauses are 0), and ol's doc and title are the source's. Offsets stay
 * those of the document. Owns its arrays; borrows the source outline. */
typedef struct pc_outline_window {
    pc_outline ol;
    const pc_outline *src;
    size_t from, n;
    int *secmap;     /* source section -> window section, or -1 */
    size_t *sec_src; /* window section -> source section */
    size_t *lead_src; /* the lead-ins after the window's clauses -> source clauses */
    size_t cap_sections, cap_sec_src, cap_clauses, cap_leads;
} pc_outline_window;

/* Start windows over ol (empty until set). 0, or -1 with err on out of memory. */
int pc_outline_window_init(pc_outline_window *w, const pc_outline *ol, pc_error *err);
/* Make w the window of clauses [from, to) (from <= to <= ol->nclauses). 0, or -1 with err. */
int pc_outline_window_set(pc_outline_window *w, size_t from, size_t to, pc_error *err);
void pc_outline_window_free(pc_outline_window *w);

/* End of the sentence that starts at `start` within text[start..end): the offset just after
 * its final punctuation (and closing quotes or brackets), or `end`. Exposed for tests. */
size_t pc_sentence_end(const char *text, size_t start, size_t end);

#endif

/* doc_text.h: a policy's text as the document view shows it, and its wrapped layout.
 *
 * dv_doc_build() computes once per policy the display text (each title and clause with its
 * whitespace runs made single spaces, so hard-wrapped sources read as paragraphs) and the
 * reading order of headings and clauses ("items"). dv_doc_layout() wraps them for a pane of a
 * given width, each clause followed by its labels; the view calls it again only when the width
 * or the labels change. Nothing here draws. */
#ifndef POLCMP_TUI_DOC_TEXT_H
#define POLCMP_TUI_DOC_TEXT_H

#include "app.h"

/* One heading or clause in reading order. Plain value. */
typedef struct dv_item {
    int section;
    size_t clause; /* PC_NO_CLAUSE for the section's heading */
} dv_item;

enum { DV_BLANK = 0, DV_HEADING, DV_TEXT, DV_LABELS };

/* One row of the wrapped text pane. Plain value. */
typedef struct dv_row {
    unsigned char kind;   /* DV_* */
    unsigned char first;  /* DV_TEXT: the first row of its clause */
    unsigned char labels; /* DV_TEXT: the clause's labels follow on this row */
    unsigned char bullet; /* DV_TEXT: a list item's first row */
    int section;
    size_t clause;        /* PC_NO_CLAUSE for headings and blanks */
    size_t start, end;    /* the bytes shown, in the view's disp */
    int indent;           /* columns after the two marker columns and a space */
} dv_row;

/* One policy's text as the view shows it. Owns every array. */
typedef struct dv_doc {
    pc_buf disp;             /* titles and clauses with their whitespace made single spaces */
    pc_span *clause_span;    /* each clause's text in disp */
    pc_span *section_span;   /* each section's title in disp */
    dv_item *items;          /* headings and clauses in reading order */
    size_t nitems;
    size_t *clause_item;     /* the item of each clause */
    size_t *section_item;    /* the item of each section's heading */
    dv_row *rows;            /* the layout for `width` (0: to rebuild) */
    size_t nrows, rows_cap;
    size_t *clause_row;      /* the first row of each clause */
    size_t *section_row;     /* the first row of each section */
    int width;
} dv_doc;

/* Build the display text and items of policy p (doc must be zeroed or freed). 0 or -1. */
int dv_doc_build(dv_doc *doc, const pc_policy *p);
void dv_doc_free(dv_doc *doc);
/* Lay the text out for a pane tw columns wide, each clause with its labels. 0 or -1. */
int dv_doc_layout(dv_doc *doc, const pc_policy *p, int tw);
/* Clause c's labels as category ids, "sale, third-party" ("" when none; "✎ ..." when the
 * reviewer set them: tui_model_labels). */
void dv_labels(const pc_policy *p, size_t c, char *buf, size_t n);
/* The first clause at or after item i (dir 1), or at or before it (dir -1); PC_NO_CLAUSE. */
size_t dv_doc_clause_from(const dv_doc *doc, size_t i, int dir);

#endif

/* pdf_internal.h: what pdf.c (poppler: pages into lines) and pdf_layout.c (lines into blocks)
 * share. Not for other modules. */
#ifndef POLCMP_PDF_INTERNAL_H
#define POLCMP_PDF_INTERNAL_H

#include "text/blocks.h"

#include <stddef.h>

/* One line of a page's text in reading order. Plain value; text is an offset into the
 * pdf_lines buffer. */
typedef struct pdf_line {
    size_t text, len;   /* its UTF-8 text in pdf_lines.buf */
    unsigned page;      /* 1-based */
    double size;        /* font size of its first glyph, points */
    double top, bottom; /* its first glyph's box, points from the top of the page */
    double left;
    int bold;           /* every glyph in a bold or black face */
    int first, last;    /* the first / last line of its page */
    int drop;           /* a running header or footer, or a page number */
} pdf_line;

/* pdf_lines: every line of the document. Owns buf and lines. */
typedef struct pdf_lines {
    pc_buf buf;
    pdf_line *lines;
    size_t n, cap;
    unsigned npages, empty_pages;
} pdf_lines;

/* Mark running headers, footers and page numbers (pdf_layout.c). */
void pdf_mark_furniture(pdf_lines *L);
/* Turn the lines not dropped into blocks, with page marks (pdf_layout.c). */
void pdf_build_blocks(const pdf_lines *L, pc_blocks *out);

#endif

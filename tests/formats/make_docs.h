/* make_docs.h: build a PDF (cairo) and a DOCX (XML written here, zipped with libzip) from a
 * policy's outline, as a vendor's or a legal team's tools would lay it out: headings in
 * larger bold type, paragraphs wrapped to the page with some words hyphenated at line ends,
 * bulleted list items, a running header and a page number on every page. For the tests. */
#ifndef POLCMP_TEST_MAKE_DOCS_H
#define POLCMP_TEST_MAKE_DOCS_H

#include "segment/segment.h"

/* Write o (and its doc's text) as a PDF at path. 0, or -1 with a message on stderr. */
int make_pdf(const pc_outline *o, const char *header, const char *path);
/* Free cairo's and fontconfig's caches (for leak checkers), once, at the end. */
void make_docs_cleanup(void);
/* Write o as a DOCX at path: Heading N styles, numbered items (w:numPr), one table row per
 * list item when as_table. 0, or -1. */
int make_docx(const pc_outline *o, const char *path);

#endif

/* pdf.h: the PDF reader behind pc_doc_load (poppler-glib).
 *
 * Each page's text comes in reading order (poppler's text layout) with its font sizes and
 * names. Lines are rebuilt into blocks: a line set in a font clearly larger than the body
 * text, or a short bold line, is a heading (levels by size); a line starting with a bullet or
 * a number is a list item; other lines join the paragraph above them unless a vertical gap
 * separates them, and a word hyphenated at a line end is joined. Lines that repeat at the top
 * or bottom of most pages (running headers and footers, with their numbers ignored) and lone
 * page numbers are dropped. doc->pages maps each page's first byte to its number, so
 * messages and the UI can cite "p. 4"; the document's metadata title goes to doc->title.
 * A PDF that does not open (corrupt, encrypted) is an error; pages without text are a
 * warning, and a PDF without any text an error (a scan: run OCR first).
 */
#ifndef POLCMP_PDF_H
#define POLCMP_PDF_H

#include "text/load.h"
#include "util/util.h"

#include <stddef.h>

/* Fill doc's text, blocks, lines, pages, title and warnings from the PDF in data[0..n).
 * 0, or -1 with err naming doc->path. */
int pc_pdf_read(pc_doc *doc, const char *data, size_t n, pc_error *err);

#endif

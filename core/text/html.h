/* html.h: the HTML reader behind pc_doc_load (libxml2's HTML parser, its SAX events kept in
 * one node array with the shape and lines libxml2's own tree would have (html_tree.c), an
 * iterative walk over it, then a choice of the blocks that are the policy).
 *
 * The page's bytes (UTF-8 by now: encoding.h decided) first go through the normalizer on the
 * same lines (so ESC sequences and bidi controls are removed whole before the parser sees
 * them), then libxml2 parses them with recovery on, no network and no nesting limit
 * (XML_PARSE_HUGE: a page nested deeper than 256 levels keeps its text; entities are never
 * expanded). Everything the parser produced is walked, including content it put after a
 * stray </html> (pages saved with broken attribute quoting). Script, style, form controls and
 * other elements that are never text are skipped; <form> and tables are ordinary containers.
 * Each block (heading, list item, paragraph, a table row of plain cells...) becomes one line
 * of doc->text with an entry in doc->blocks; whitespace inside a block collapses to one space
 * and the block's text is normalized again (entities may encode controls).
 *
 * Which blocks are kept (html_select.c): page chrome (nav, footer, aside, a site header,
 * cookie banners, breadcrumbs, language pickers, and elements whose id or class says menu or
 * sidebar when their text reads as chrome) is left out; then the smallest element holding
 * nearly all the remaining prose (text outside links, in paragraphs that are not link lists)
 * is the content, with the prose paragraphs and headings beside it. A <main> or <article>
 * holding half the prose is taken as the content. When chrome would hold most of the page, or
 * the page has no prose at all, all of it is read, with a warning.
 */
#ifndef POLCMP_HTML_H
#define POLCMP_HTML_H

#include "text/load.h"
#include "util/util.h"

#include <stddef.h>

/* Fill doc->text, len, blocks, lines, title, invalid_bytes, controls_removed and warnings from
 * the UTF-8 page in data[0..n). Messages name doc->path. Returns 0, or -1 (a page without text
 * is an error). */
int pc_html_read(pc_doc *doc, const char *data, size_t n, pc_error *err);

#endif

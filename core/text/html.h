/* html.h: the HTML reader behind pc_doc_load (libxml2's HTML parser, an iterative tree walk).
 *
 * The page's bytes first go through the normalizer on the same lines (so ESC sequences and
 * bidi controls are removed whole before the parser sees them), then libxml2 parses them with
 * recovery on, no network and no nesting limit (XML_PARSE_HUGE: a page nested deeper than 256
 * levels keeps its text; entities are never expanded). The walk keeps the main text only:
 * script, style, forms, nav, header, footer, aside and elements whose id, class, role or
 * aria-label names a cookie banner, navigation, menu, breadcrumb, footer or language switcher
 * are dropped; if the page has a <main> (or role=main), or a single <article>, only that is
 * read. Each block (heading, list item, paragraph, table cell...) becomes one line of
 * doc->text with an entry in doc->blocks; whitespace inside a block collapses to one space and
 * the block's text is normalized again (entities may encode controls).
 */
#ifndef POLCMP_HTML_H
#define POLCMP_HTML_H

#include "text/load.h"
#include "util/util.h"

#include <stddef.h>

/* Fill doc->text, len, blocks, lines, invalid_bytes and controls_removed from the page in
 * data[0..n). `utf8` says the bytes are known to be UTF-8 (converted from UTF-16), so a
 * <meta charset> in the page is ignored. Messages name doc->path. Returns 0, or -1 (a page
 * without text is an error). */
int pc_html_read(pc_doc *doc, const char *data, size_t n, int utf8, pc_error *err);

#endif

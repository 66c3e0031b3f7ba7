/* office.h: Word (.docx) and OpenDocument (.odt) text, read with libzip and libxml2.
 *
 * A .docx's word/document.xml and an .odt's content.xml are parsed (no network, no entity
 * expansion, nesting unlimited but walked without recursion). Paragraphs become blocks:
 * heading styles (Word's "Heading N" and "Title", by style id or by the name given in
 * word/styles.xml; ODF's text:h with its outline level) are headings, numbered and bulleted
 * paragraphs (w:numPr, text:list) list items with their level, and each table row one line
 * of cells joined by " | ". Zip bombs and huge parts are refused: a part whose declared or
 * actual size is over the loader's limit, or that expands more than 200 times, is an error.
 */
#ifndef POLCMP_OFFICE_H
#define POLCMP_OFFICE_H

#include "text/load.h"
#include "util/util.h"

#include <stddef.h>

/* PC_FORMAT_DOCX or PC_FORMAT_ODT when the ZIP archive in data[0..n) holds a Word or
 * OpenDocument text, else PC_FORMAT_AUTO. */
pc_format pc_office_sniff(const char *data, size_t n);

/* Fill doc's text, blocks, lines and title from the document in data[0..n) (doc->format says
 * which kind). 0, or -1 with err naming doc->path. */
int pc_office_read(pc_doc *doc, const char *data, size_t n, pc_error *err);

#endif

/* export.h: writing a pc_report (report.h) as CSV, TSV, Markdown, HTML or XLSX.
 *
 * Safety for whoever opens the file:
 * - CSV, TSV and XLSX: a cell whose text begins with '=', '+', '-', '@', tab or carriage
 *   return is prefixed with an apostrophe, so no spreadsheet evaluates policy text as a formula
 *   (a lone "-", the empty placeholder, is left alone). XLSX cells are string cells, so the
 *   apostrophe there is belt and braces and stays visible (libxlsxwriter 1.1 has no quotePrefix).
 * - HTML: all text is escaped; the page is self-contained (inline CSS, no scripts, no links out).
 * - Markdown: '|' is escaped in cells, '<' and '>' become entities, line breaks become spaces,
 *   and columns are padded by display width (CJK counts two columns).
 * CSV follows RFC 4180 (CRLF records, quotes doubled); tables are separated by an empty record.
 * CSV starts with a UTF-8 byte order mark: without it Excel decodes the file as the system's
 * ANSI code page and mangles CJK text and the glyphs; LibreOffice and Python's utf-8-sig skip
 * it. TSV (for Unix tools) has none.
 * TSV cannot quote, so tabs and line breaks inside cells become spaces.
 */
#ifndef POLCMP_EXPORT_H
#define POLCMP_EXPORT_H

#include "present/report.h"
#include "util/util.h"

#include <stdio.h>

/* The formats a table can be written to a stream in. Which one a user asked for is decided by
 * the table of writers (writer.h), never here. */
typedef enum pc_export_format {
    PC_EXPORT_CSV = 0,
    PC_EXPORT_TSV,
    PC_EXPORT_MD,
    PC_EXPORT_HTML,
} pc_export_format;

/* Writes a text format to f. Returns 0, or -1 with err set (a message that names no file). */
int pc_export_stream(const pc_report *r, pc_export_format fmt, FILE *f, pc_error *err);
/* Writes an XLSX workbook to the file `path` (not atomically: writer.h's pc_writer_file is);
 * the error message names no file. */
int pc_export_xlsx(const pc_report *r, const char *path, pc_error *err);

/* Appends text to b, neutralised against formula injection (see above). Returns 0 or -1. */
int pc_export_safe_cell(pc_buf *b, const char *text);

#endif

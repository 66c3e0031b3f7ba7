/* load.h: reading a policy file into a pc_doc of normalized UTF-8 text.
 *
 * Data flow: file -> (format detection) -> encoding (encoding.h) -> text / Markdown / HTML
 * reader -> normalize -> pc_doc; PDF (pdf.h) and Word/OpenDocument (office.h) files go to their
 * own readers, which give blocks as HTML does.
 * The normalized text is what every later stage points into with byte spans:
 * - valid UTF-8 only (invalid bytes became U+FFFD and are counted in invalid_bytes);
 * - "\n" line ends only (CRLF and lone CR converted); a UTF-8 BOM dropped; UTF-16 with a BOM
 *   converted;
 * - no control characters except "\n" and "\t": C0, DEL, C1, and Unicode bidi overrides and
 *   isolates (U+202A-U+202E, U+2066-U+2069) removed and counted in controls_removed; ESC
 *   sequences (CSI, OSC) removed whole, so nothing in a policy can drive a terminal;
 * - non-breaking and other Unicode spaces become " "; CJK text is kept as it is.
 * For HTML the reader keeps only the main text (no script, style, nav, header, footer, cookie
 * banners), one block per line, and records each block's kind in `blocks` so the segmenter
 * knows headings and list items without guessing. PDF, DOCX and ODT give blocks the same way.
 *
 * What loading decided or changed that a reviewer should know (an encoding guessed, bytes
 * replaced, page chrome left out, little text found) is kept in `warnings`, one entry per
 * kind, for the CLI to print and the UI to show.
 */
#ifndef POLCMP_LOAD_H
#define POLCMP_LOAD_H

#include "util/util.h"

#include <stddef.h>

typedef enum pc_format {
    PC_FORMAT_AUTO = 0, /* decide from the extension, then from the content */
    PC_FORMAT_TEXT,
    PC_FORMAT_MARKDOWN,
    PC_FORMAT_HTML,
    PC_FORMAT_PDF,
    PC_FORMAT_DOCX,
    PC_FORMAT_ODT,
} pc_format;

const char *pc_format_name(pc_format f);

/* The format a file name's extension says (.txt, .md/.markdown, .html/.htm/.xhtml..., .pdf,
 * .docx, .odt), or PC_FORMAT_AUTO when the extension says nothing. */
pc_format pc_format_from_path(const char *path);

/* The format the content suggests: HTML when it starts with a doctype or <html> or has many
 * tags, Markdown when it has "#" headings, "**" or links, else text. Never PC_FORMAT_AUTO. */
pc_format pc_format_sniff(const char *data, size_t n);

typedef enum pc_block_kind {
    PC_BLOCK_PARA = 0, /* a paragraph (or other running text) */
    PC_BLOCK_HEADING,  /* h1-h6: level is 1-6 */
    PC_BLOCK_ITEM,     /* li: level is the list nesting depth, 1 for the outermost */
    PC_BLOCK_ROW,      /* a table row, its cells joined by " | "; level 1 */
} pc_block_kind;

/* A block of structured input (HTML, PDF, DOCX, ODT): one line of the normalized text, [start, end) without
 * its "\n". */
typedef struct pc_block {
    size_t start, end;
    pc_block_kind kind;
    int level;
} pc_block;

/* Where a normalized line came from: the normalized text from `offset` up to the next entry's
 * offset started on source line `line` (1-based). Sorted by offset. */
typedef struct pc_linemap {
    size_t offset;
    unsigned line;
} pc_linemap;

/* Where a PDF page starts: the normalized text from `offset` up to the next entry's offset
 * is on page `page` (1-based). Sorted by offset. */
typedef struct pc_pagemap {
    size_t offset;
    unsigned page;
} pc_pagemap;

/* What a warning is about; a doc has at most one warning of each kind. */
typedef enum pc_warn_kind {
    PC_WARN_ENCODING = 0, /* the encoding was guessed: "read as windows-1252 (detected)" */
    PC_WARN_REPLACED,     /* invalid bytes replaced with U+FFFD */
    PC_WARN_CONTROLS,     /* control or bidi characters removed */
    PC_WARN_CHROME,       /* a large share of a page left out as navigation, banners... */
    PC_WARN_WHOLE_PAGE,   /* the page's main content could not be told apart: all of it read */
    PC_WARN_PAGES,        /* PDF pages without text (scanned images?) */
    PC_WARN_LITTLE_TEXT,  /* the outline holds far less text than the file */
    PC_WARN_EMPTY,        /* no clause at all */
    PC_WARN_COUNT
} pc_warn_kind;

/* One warning. Owns msg: a sentence without the file name ("read as windows-1252"). */
typedef struct pc_warning {
    pc_warn_kind kind;
    char *msg;
} pc_warning;

/* A short name for the kind: "encoding", "replaced", "controls", "chrome", "whole-page",
 * "pages", "little-text", "empty". */
const char *pc_warn_kind_name(pc_warn_kind k);

#define PC_LOAD_MAX_BYTES_DEFAULT ((size_t)64 << 20)

/* Options for loading. Zero-initialised means defaults. */
typedef struct pc_load_opts {
    size_t max_bytes; /* larger files are refused; 0 = PC_LOAD_MAX_BYTES_DEFAULT (and any text
                         of PC_TEXT_MAX bytes or more once decoded, util.h) */
    pc_format format; /* PC_FORMAT_AUTO to detect */
    const char *encoding; /* force this encoding (iconv name), or NULL to decide (encoding.h) */
} pc_load_opts;

/* pc_doc: one loaded policy. Owns every pointer member; free with pc_doc_free(). */
typedef struct pc_doc {
    char *path;  /* as given */
    char *name;  /* short display name: the file's base name without extension */
    pc_format format;
    char *text;  /* normalized UTF-8, NUL-terminated */
    size_t len;  /* bytes in text, without the NUL */
    pc_block *blocks; /* structure from HTML, PDF, DOCX, ODT; NULL (nblocks 0) for text */
    size_t nblocks;
    pc_linemap *lines; /* at least one entry when len > 0 */
    size_t nlines;
    pc_pagemap *pages; /* PDF only: where each page starts; NULL (npages 0) otherwise */
    size_t npages;
    char *title;       /* a title the file itself names (HTML <title>, PDF metadata), or NULL */
    char encoding[48]; /* what the bytes were read as: "UTF-8", "windows-1252", "PDF"... */
    size_t invalid_bytes;    /* bytes replaced by U+FFFD */
    size_t controls_removed; /* control and bidi characters removed */
    pc_warning *warnings;    /* in the order they were found, one per kind */
    size_t nwarnings;
} pc_doc;

/* Load a file. Errors (one line naming the file, NULL returned): missing, a directory,
 * unreadable, empty, binary (NUL bytes or mostly non-text), over the size limit, UTF-16
 * without a BOM, HTML with no text, a PDF or office file that does not open or holds no
 * text. The format comes from the file's leading bytes for PDF and ZIP containers, else from
 * opts->format, the extension and the content. */
pc_doc *pc_doc_load(const char *path, const pc_load_opts *opts, pc_error *err);

/* Load from memory; `name` stands for the file in messages and pc_doc.path. The format must
 * be given or PC_FORMAT_AUTO (content sniffing only). */
pc_doc *pc_doc_from_memory(const char *name, const char *data, size_t n, pc_format format,
                           pc_error *err);
/* The same with options (encoding, format; max_bytes is not checked here). */
pc_doc *pc_doc_from_memory_opts(const char *name, const char *data, size_t n,
                                const pc_load_opts *opts, pc_error *err);

/* Source line (1-based) of the byte at offset in doc->text. */
unsigned pc_doc_source_line(const pc_doc *doc, size_t offset);

/* PDF page (1-based) of the byte at offset in doc->text, or 0 when the doc has no pages. */
unsigned pc_doc_source_page(const pc_doc *doc, size_t offset);

/* Add (or, for a kind already there, replace) a warning. 0, or -1 out of memory (the warning
 * is then lost; nothing else changes). */
int pc_doc_warn(pc_doc *doc, pc_warn_kind kind, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* The warning of a kind, or NULL. */
const pc_warning *pc_doc_warning(const pc_doc *doc, pc_warn_kind kind);

void pc_doc_free(pc_doc *doc);

#endif

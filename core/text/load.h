/* load.h: reading a policy file into a pc_doc of normalized UTF-8 text.
 *
 * Data flow: file -> (format detection) -> text / Markdown / HTML reader -> normalize -> pc_doc.
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
 * knows headings and list items without guessing.
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
} pc_format;

const char *pc_format_name(pc_format f);

/* The format a file name's extension says (.txt, .md/.markdown, .html/.htm/.xhtml...), or
 * PC_FORMAT_AUTO when the extension says nothing. */
pc_format pc_format_from_path(const char *path);

/* The format the content suggests: HTML when it starts with a doctype or <html> or has many
 * tags, Markdown when it has "#" headings, "**" or links, else text. Never PC_FORMAT_AUTO. */
pc_format pc_format_sniff(const char *data, size_t n);

typedef enum pc_block_kind {
    PC_BLOCK_PARA = 0, /* a paragraph (or other running text) */
    PC_BLOCK_HEADING,  /* h1-h6: level is 1-6 */
    PC_BLOCK_ITEM,     /* li: level is the list nesting depth, 1 for the outermost */
} pc_block_kind;

/* A block of structured input (HTML): one line of the normalized text, [start, end) without
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

#define PC_LOAD_MAX_BYTES_DEFAULT ((size_t)64 << 20)

/* Options for loading. Zero-initialised means defaults. */
typedef struct pc_load_opts {
    size_t max_bytes; /* larger files are refused; 0 = PC_LOAD_MAX_BYTES_DEFAULT */
    pc_format format; /* PC_FORMAT_AUTO to detect */
} pc_load_opts;

/* pc_doc: one loaded policy. Owns every pointer member; free with pc_doc_free(). */
typedef struct pc_doc {
    char *path;  /* as given */
    char *name;  /* short display name: the file's base name without extension */
    pc_format format;
    char *text;  /* normalized UTF-8, NUL-terminated */
    size_t len;  /* bytes in text, without the NUL */
    pc_block *blocks; /* structure from HTML; NULL (nblocks 0) for text and Markdown */
    size_t nblocks;
    pc_linemap *lines; /* at least one entry when len > 0 */
    size_t nlines;
    size_t invalid_bytes;    /* bytes replaced by U+FFFD */
    size_t controls_removed; /* control and bidi characters removed */
} pc_doc;

/* Load a file. Errors (one line naming the file, NULL returned): missing, a directory,
 * unreadable, empty, binary (NUL bytes or mostly non-text), over the size limit, UTF-16
 * without a BOM, HTML with no text. */
pc_doc *pc_doc_load(const char *path, const pc_load_opts *opts, pc_error *err);

/* Load from memory; `name` stands for the file in messages and pc_doc.path. The format must
 * be given or PC_FORMAT_AUTO (content sniffing only). */
pc_doc *pc_doc_from_memory(const char *name, const char *data, size_t n, pc_format format,
                           pc_error *err);

/* Source line (1-based) of the byte at offset in doc->text. */
unsigned pc_doc_source_line(const pc_doc *doc, size_t offset);

void pc_doc_free(pc_doc *doc);

#endif

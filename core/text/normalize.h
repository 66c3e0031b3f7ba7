/* normalize.h: the text normalizer behind pc_doc (see the rules atop load.h).
 *
 * pc_normalize() appends the normalized form of a byte string to a pc_norm and, when asked,
 * records the linemap (normalized offset -> 1-based source line) as it goes:
 * - invalid UTF-8: each invalid byte becomes U+FFFD and counts one in invalid_bytes;
 * - CRLF and lone CR become LF; FF, VT, U+2028 and U+2029 become LF too (or a space with
 *   PC_NORM_SAME_LINES) and count as controls removed when they are C0;
 * - removed and counted one each in controls_removed: C0 controls other than LF and TAB, DEL,
 *   C1 (U+0080-U+009F), bidi overrides and isolates (U+202A-U+202E, U+2066-U+2069); an ESC
 *   sequence (CSI "ESC [ ... final", OSC/DCS/APC/PM/SOS strings ended by BEL or "ESC \",
 *   or a two-byte "ESC X") and its 8-bit C1 form (U+009B, U+009D...) are removed whole and
 *   count once;
 * - U+00A0, U+1680, U+2000-U+200A, U+202F, U+205F, U+3000 become " "; U+200B, U+2060, U+FEFF
 *   and the soft hyphen U+00AD are removed (not counted); tabs are kept;
 * - spaces and tabs at the end of a line are dropped.
 */
#ifndef POLCMP_NORMALIZE_H
#define POLCMP_NORMALIZE_H

#include "text/load.h"
#include "util/util.h"

#include <stddef.h>

enum {
    PC_NORM_LINEMAP = 1,    /* record a linemap entry at each output line start */
    PC_NORM_SAME_LINES = 2, /* never add a line: FF, VT, U+2028/9 become a space */
};

/* pc_norm: an output under construction. Owns out.data and lines; zero-initialise, set
 * flags (and line, the source line of the first byte; 0 means 1), then call pc_normalize()
 * one or more times; free with pc_norm_free() or take the members over. */
typedef struct pc_norm {
    pc_buf out;
    pc_linemap *lines;
    size_t nlines, lines_cap;
    size_t invalid_bytes, controls_removed;
    unsigned line; /* current source line */
    int flags;
    size_t content_end; /* out.len after the last non-blank byte of the current line */
} pc_norm;

/* Append the normalized form of s[0..n), which ends a line (its trailing blanks are dropped
 * too). Returns 0, or -1 when memory runs out. */
int pc_normalize(pc_norm *nm, const char *s, size_t n);

void pc_norm_free(pc_norm *nm);

/* Strip Markdown inline markup from nm->out in place, keeping every line (and the linemap
 * offsets in step): emphasis markers (**x**, __x__, *x*, _x_ when clearly emphasis),
 * backticks and code fence lines, links [text](url) and images ![alt](url) become their text,
 * reference definitions "[1]: http://..." and <autolink> brackets go, HTML comments and raw
 * tags are dropped. Brackets that are not links ("[Company Name]"), "#" headings and list
 * bullets are kept. A backslash escape keeps the character it escapes. */
void pc_markdown_strip(pc_norm *nm);

/* Join the lines of hard-wrapped paragraphs in nm->out in place (unwrap.c): a line break
 * between a line that runs on (five tokens or more, no final . ! ? : ;, no "#" or "|" at its
 * start) and a line that continues the sentence (a lowercase start that is no "a." or "iv)"
 * marker; or a capital or digit after a line too long to be a heading, on a line that is no
 * heading or marker either) becomes one space and the continuing line's indentation goes; the
 * linemap offsets move in step, so every byte keeps its source line. Blank lines, lists and
 * headings stay lines. */
void pc_unwrap_lines(pc_norm *nm);

/* Source line of `offset` by binary search in a linemap sorted by offset; 1 when empty. */
unsigned pc_linemap_find(const pc_linemap *lines, size_t nlines, size_t offset);

#endif

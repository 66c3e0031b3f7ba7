/* lines.h: styled lines of text wrapped to a width, the one drawer of the views that show text a
 * line at a time (explain, help, the findings' detail pane, the side-by-side columns).
 *
 * A line is a byte range of a text: the lines' own buffer (what the view formats: headings,
 * messages) or an outside text it borrows (a policy's, `ext`), with a style, an indent and a
 * tag the view gives it (what the line belongs to: an item, a reference). Each line also knows
 * the paragraph it was wrapped from, so a search match that runs over a line break is still
 * highlighted on both lines. The view fills the lines for one width (tui_lines_reset, then the
 * adders) and draws them with tui_lines_draw; nothing here knows the comparison.
 */
#ifndef POLCMP_TUI_LINES_H
#define POLCMP_TUI_LINES_H

#include "screen.h"

#include <stddef.h>

/* One line. Plain value: bytes [start, end) of its paragraph [pstart, pend), in the lines'
 * own text or (ext) in the borrowed one. */
typedef struct tui_line {
    size_t start, end, pstart, pend;
    long tag;            /* the view's: what the line belongs to; -1 when nothing */
    int indent;          /* columns before the text */
    unsigned char style; /* tui_style */
    unsigned char ext;   /* the bytes are ext's */
    unsigned char first; /* the first line of its paragraph */
} tui_line;

/* tui_lines: owns v, text and wrap; borrows ext. Zeroed is empty. */
typedef struct tui_lines {
    tui_line *v;
    size_t n, cap;
    pc_buf text;     /* the bytes of the lines that are not ext's */
    const char *ext; /* the borrowed text (a policy's), or NULL */
    int width;       /* the width lines wrap to (0 when they must be rebuilt) */
    int hang;        /* extra indent of a paragraph's continuation lines */
    int exact;       /* paragraphs wrap with tui_wrap_exact (every space kept) */
    int oom;         /* out of memory on the way: some lines are missing */
    pc_span *wrap;   /* scratch for tui_wrap */
    size_t wrapcap;
} tui_lines;

/* Start again for `width` columns, borrowing ext (may be NULL). */
void tui_lines_reset(tui_lines *l, int width, const char *ext);
void tui_lines_free(tui_lines *l);
/* A paragraph of ext[start, end), wrapped (its line breaks wrap like spaces). */
void tui_lines_ext(tui_lines *l, tui_style st, int indent, long tag, size_t start, size_t end);
/* A paragraph of the given text (copied), wrapped; or formatted. */
void tui_lines_add(tui_lines *l, tui_style st, int indent, long tag, const char *text, size_t len);
void tui_lines_printf(tui_lines *l, tui_style st, int indent, long tag, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));
/* An empty line. */
void tui_lines_blank(tui_lines *l, long tag);

/* Line i's text and its paragraph's. */
const char *tui_line_text(const tui_lines *l, size_t i, size_t *len);
const char *tui_line_para(const tui_lines *l, size_t i, pc_span *para, pc_span *line);
/* Draw line i at row y from column x (its indent added), at most w columns. */
void tui_lines_draw(const tui_lines *l, size_t i, tui_screen *s, int y, int x, int w);

#endif

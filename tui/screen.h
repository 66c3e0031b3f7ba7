/* screen.h: the off-screen cell grid every view draws into.
 *
 * Views never talk to curses: they write text with a semantic style into a tui_screen, and
 * term.c (the one module that calls curses) copies the grid to the terminal. The same grid is
 * dumped as text for the golden screen tests, so what the tests see is what the user sees.
 *
 * Text written here is made safe once, in tui_put(): control characters (C0, DEL, C1), escape
 * sequences and bidi controls never reach a cell (they become U+FFFD or are dropped), invalid
 * UTF-8 becomes U+FFFD, tabs and line breaks become a space (a clause copied from a
 * hard-wrapped page is one paragraph on screen), and widths come from pc_cp_width() (CJK is two
 * columns). A wide character that does not fit at the right edge becomes a space.
 */
#ifndef POLCMP_TUI_SCREEN_H
#define POLCMP_TUI_SCREEN_H

#include "util/util.h"

#include <stddef.h>

/* Semantic styles: what a cell means, not how it looks. term.c maps each to colours and
 * attributes for colour, 8-colour and monochrome terminals; the meaning of a state never
 * rests on colour alone (views also draw a glyph or a word). */
typedef enum tui_style {
    TUI_S_NORMAL = 0,
    TUI_S_TITLE,         /* the header line */
    TUI_S_STATUS,        /* the status bar */
    TUI_S_HEADING,       /* column headings, section titles */
    TUI_S_GROUP,         /* an OPP-115 group row */
    TUI_S_DIM,           /* secondary text */
    TUI_S_COVERED,       /* a covered cell */
    TUI_S_GAP,           /* a gap */
    TUI_S_MISSING,       /* a missing required disclosure */
    TUI_S_CONTRADICTION, /* a contradiction */
    TUI_S_DISAGREEMENT,  /* a disagreement between policies */
    TUI_S_WARNING,       /* placeholder, vague, duplicate, empty section */
    TUI_S_MATCH,         /* a span a rule matched */
    TUI_S_SEARCH,        /* a search hit */
    TUI_S_REVIEWED,      /* a reviewer's mark */
    TUI_S_STALE,         /* a decision that needs review again */
    TUI_S_ERROR,         /* an error in the status bar */
    TUI_S_COUNT
} tui_style;

/* Attribute flags laid over a style. */
enum { TUI_F_REVERSE = 1, TUI_F_BOLD = 2, TUI_F_UNDERLINE = 4 };

/* One cell. Plain value. A wide character occupies its cell (width 2) and the next one
 * (width 0, ch empty). */
typedef struct tui_cell {
    char ch[5];          /* one character as UTF-8, NUL-terminated; "" for a wide char's tail */
    unsigned char width; /* 0, 1 or 2 */
    unsigned char style; /* tui_style */
    unsigned char flags; /* TUI_F_* */
} tui_cell;

/* tui_screen: owns cells. w x h, row-major. */
typedef struct tui_screen {
    int w, h;
    tui_cell *cells;
} tui_screen;

tui_screen *tui_screen_new(int w, int h);
/* Resize (contents are cleared). Returns 0 or -1 on out of memory (screen unchanged). */
int tui_screen_resize(tui_screen *s, int w, int h);
void tui_screen_free(tui_screen *s);
void tui_screen_clear(tui_screen *s);
const tui_cell *tui_screen_cell(const tui_screen *s, int y, int x);

/* Write text[0..len) at (y, x), at most maxw columns, in style st.
 * Returns the columns written. Out-of-range rows or columns are clipped silently. */
int tui_put(tui_screen *s, int y, int x, int maxw, tui_style st, const char *text, size_t len);
/* The same for a NUL-terminated string. */
int tui_puts(tui_screen *s, int y, int x, int maxw, tui_style st, const char *text);
/* Like tui_puts, but when the text is wider than maxw it ends in "…". */
int tui_puts_trunc(tui_screen *s, int y, int x, int maxw, tui_style st, const char *text);
/* printf into the screen (truncated with "…"). */
int tui_printf(tui_screen *s, int y, int x, int maxw, tui_style st, const char *fmt, ...)
    __attribute__((format(printf, 6, 7)));
/* Fill w columns of row y from x with spaces in style st. */
void tui_fill(tui_screen *s, int y, int x, int w, tui_style st);
/* Set flags (TUI_F_*) on w cells of row y from x; with st >= 0 also set their style. */
void tui_mark(tui_screen *s, int y, int x, int w, int st, unsigned flags);

/* Display width of text[0..len) as tui_put would draw it (controls dropped, tabs and line
 * breaks one column). */
int tui_width(const char *text, size_t len);

/* Word-wrap text[0..len) to `width` columns. Each line is a byte range of text; lines break at
 * spaces and line breaks (which wrap like spaces), or anywhere in a word wider than the line (CJK text breaks between characters).
 * Returns the number of lines; stores at most max of them in lines (may be NULL to count). */
size_t tui_wrap(const char *text, size_t len, int width, pc_span *lines, size_t max);
/* The same, breaking only where the width runs out and keeping every byte, spaces at the
 * break too: for text whose spaces matter (a rule's pattern). */
size_t tui_wrap_exact(const char *text, size_t len, int width, pc_span *lines, size_t max);

/* Draw in ASCII, for a terminal whose locale is not UTF-8: each character that is not ASCII
 * becomes one that is, the same for the same glyph ("✓" "+", "○" "o", "✗" "x", "≠" "#", "·"
 * ".", "⊘" "-", "▾" "v", "│" "|", "…" "."; letters with accents lose them), "?" when nothing
 * fits; a wide character becomes two. */
void tui_screen_ascii(tui_screen *s);
/* The ASCII of one character (UTF-8): itself when ASCII. */
const char *tui_ascii_of(const char *ch);

/* The screen as text for golden tests: one line per row, trailing spaces trimmed. With
 * styles, each row is followed by a line of style letters (tui_style_letter), '.' for normal,
 * upper case when the cell is reversed. Returns 0 or -1 on out of memory. */
int tui_screen_dump(const tui_screen *s, int styles, pc_buf *out);
/* One letter per style for dumps and for the test of colours: stable, documented there. */
char tui_style_letter(tui_style st);

#endif

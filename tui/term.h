/* term.h: the terminal. term.c is the only file of polcmp that calls curses.
 *
 * Colours: one semantic palette (screen.h's tui_style) with 256-colour, 8-colour and
 * monochrome variants; --color=never, NO_COLOR (non-empty, unless --color=always) or a
 * terminal without colours gives monochrome, where attributes (bold, underline, reverse) and
 * the views' glyphs carry the meaning, and no colour escape sequence is ever sent.
 */
#ifndef POLCMP_TUI_TERM_H
#define POLCMP_TUI_TERM_H

#include "screen.h"

/* Start curses on the controlling terminal, as opts say (tui.h: colours, the mouse). Returns 0,
 * or -1 with err (not a terminal, an unknown one, or one that cannot place the cursor). */
typedef struct tui_opts tui_opts;
int tui_term_start(const tui_opts *opts, pc_error *err);
/* Whether the locale is not UTF-8, so the screen must be drawn in ASCII (tui_screen_ascii). */
int tui_term_ascii(void);
/* Restore the terminal; safe to call more than once and from atexit. */
void tui_term_end(void);
void tui_term_size(int *w, int *h);
/* Copy the grid to the terminal (only what changed is sent). */
void tui_term_draw(const tui_screen *s);
/* Repaint everything on the next draw (Ctrl-L). */
void tui_term_redraw(void);
/* The next key (keys.h); a click stores its cell in *my, *mx. TUI_KEY_NONE on a signal. */
int tui_term_key(int *my, int *mx);
/* Nonzero once SIGINT, SIGTERM or SIGHUP arrived. */
int tui_term_interrupted(void);
/* The colour mode in use: 0 monochrome, 8 or 256. */
int tui_term_colors(void);

#endif

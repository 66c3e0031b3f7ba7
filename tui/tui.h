/* tui.h: the entry point of the review UI, for the command line. */
#ifndef POLCMP_TUI_H
#define POLCMP_TUI_H

#include "app.h"

/* How the terminal is used. Plain value; zeroed is the default. */
typedef struct tui_opts {
    int color;    /* 0 auto (colours when the terminal has them and NO_COLOR is unset or empty),
                     1 always (colours even with NO_COLOR, when the terminal has them),
                     2 never (no colour escape sequence at all: attributes and glyphs only) */
    int no_mouse; /* leave the mouse to the terminal (selecting text), no clicks or wheel */
} tui_opts;

/* Run the UI on an initialised app in the terminal until the reviewer quits (opts may be NULL:
 * the defaults). Restores the terminal on every way out (quit, Ctrl-C, SIGTERM, a fatal
 * signal). A locale that is not UTF-8 gets ASCII glyphs ("+ covered", "o gap", ...). Returns
 * 0, or -1 with err when the terminal cannot be used (not a terminal, an unknown TERM, or one
 * that cannot place the cursor such as TERM=dumb: the message points to `polcmp compare`). */
int tui_run(tui_app *app, const tui_opts *opts, pc_error *err);

#endif

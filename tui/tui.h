/* tui.h: the entry point of the review UI, for the command line. */
#ifndef POLCMP_TUI_H
#define POLCMP_TUI_H

#include "app.h"

/* Run the UI on an initialised app in the terminal until the reviewer quits. Restores the
 * terminal on every way out (quit, Ctrl-C, SIGTERM, a fatal signal). Returns 0, or -1 with err
 * when the terminal cannot be used (not a terminal, unknown TERM). */
int tui_run(tui_app *app, pc_error *err);

#endif

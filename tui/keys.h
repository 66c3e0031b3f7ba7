/* keys.h: key codes as the UI sees them, independent of curses.
 *
 * A key is a Unicode code point (printable keys, Ctrl-letters as C0 codes) or one of the
 * TUI_KEY_* values above the Unicode range. term.c translates curses' KEY_* codes into these;
 * tests feed them directly.
 */
#ifndef POLCMP_TUI_KEYS_H
#define POLCMP_TUI_KEYS_H

#define TUI_CTRL(c) ((c) & 0x1f)

enum {
    TUI_KEY_NONE = -1,
    TUI_KEY_ENTER = '\n',
    TUI_KEY_TAB = '\t',
    TUI_KEY_ESC = 27,
    TUI_KEY_BACKSPACE = 127,
    TUI_KEY_BASE = 0x110000,
    TUI_KEY_UP,
    TUI_KEY_DOWN,
    TUI_KEY_LEFT,
    TUI_KEY_RIGHT,
    TUI_KEY_PGUP,
    TUI_KEY_PGDN,
    TUI_KEY_HOME,
    TUI_KEY_END,
    TUI_KEY_BTAB, /* Shift-Tab */
    TUI_KEY_DELETE,
    TUI_KEY_F1,
    TUI_KEY_RESIZE,
    TUI_KEY_MOUSE, /* a click: where is in tui_app.mouse_y/x */
    TUI_KEY_WHEEL_UP,
    TUI_KEY_WHEEL_DOWN,
};

/* A key's name for the help screen and the man page: "j", "Down", "C-l", "S-Tab", "Space". */
const char *tui_key_name(int key, char buf[16]);
/* Parse a key name (the inverse); TUI_KEY_NONE when unknown. For scripted tests. */
int tui_key_parse(const char *name);

#endif

/* term.c: the only file that talks to curses (see term.h). */
#include "term.h"
#include "keys.h"
#include "tui.h"

#define NCURSES_WIDECHAR 1
#include <curses.h>
#include <langinfo.h>
#include <locale.h>
#include <ncursesw/term.h> /* terminfo (not tui/term.h) */
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static SCREEN *tui_term_screen;
static int tui_term_active;
static int tui_term_ncolors;
static int tui_term_is_ascii;
static volatile sig_atomic_t tui_term_signal;

/* One palette entry: foreground and background for 8 and 256 colours, and attributes. */
typedef struct tui_palette {
    short fg8, bg8, fg256, bg256;
    attr_t color_attr; /* added in colour modes */
    attr_t mono_attr;  /* used alone in monochrome */
} tui_palette;

static const tui_palette tui_palettes[TUI_S_COUNT] = {
    [TUI_S_NORMAL] = {-1, -1, -1, -1, 0, 0},
    [TUI_S_TITLE] = {COLOR_WHITE, COLOR_BLUE, 255, 24, A_BOLD, A_REVERSE},
    [TUI_S_STATUS] = {COLOR_BLACK, COLOR_CYAN, 16, 110, 0, A_REVERSE},
    [TUI_S_HEADING] = {COLOR_YELLOW, -1, 179, -1, A_BOLD, A_BOLD},
    [TUI_S_GROUP] = {COLOR_CYAN, -1, 75, -1, A_BOLD, A_BOLD | A_UNDERLINE},
    [TUI_S_DIM] = {COLOR_WHITE, -1, 244, -1, 0, A_DIM},
    [TUI_S_COVERED] = {COLOR_GREEN, -1, 71, -1, 0, 0},
    [TUI_S_GAP] = {COLOR_YELLOW, -1, 214, -1, A_BOLD, A_BOLD},
    [TUI_S_MISSING] = {COLOR_RED, -1, 196, -1, A_BOLD, A_BOLD | A_UNDERLINE},
    [TUI_S_CONTRADICTION] = {COLOR_WHITE, COLOR_RED, 231, 160, A_BOLD, A_BOLD | A_UNDERLINE},
    [TUI_S_DISAGREEMENT] = {COLOR_MAGENTA, -1, 171, -1, A_BOLD, A_UNDERLINE},
    [TUI_S_WARNING] = {COLOR_YELLOW, -1, 180, -1, 0, 0},
    [TUI_S_MATCH] = {COLOR_CYAN, -1, 117, -1, A_UNDERLINE, A_UNDERLINE},
    [TUI_S_SEARCH] = {COLOR_BLACK, COLOR_YELLOW, 16, 220, 0, A_REVERSE},
    [TUI_S_REVIEWED] = {COLOR_GREEN, -1, 114, -1, A_BOLD, A_BOLD},
    [TUI_S_STALE] = {COLOR_MAGENTA, -1, 213, -1, A_BOLD, A_BOLD},
    [TUI_S_ERROR] = {COLOR_WHITE, COLOR_RED, 231, 124, A_BOLD, A_REVERSE | A_BOLD},
};

static void tui_term_on_signal(int sig)
{
    tui_term_signal = sig;
}

/* A fatal signal: give the terminal back before dying, so the shell is usable. */
static void tui_term_on_fatal(int sig)
{
    if (tui_term_active) {
        endwin();
        tui_term_active = 0;
    }
    signal(sig, SIG_DFL);
    raise(sig);
}

static void tui_term_signals(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = tui_term_on_signal;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGHUP, &sa, NULL);
    signal(SIGSEGV, tui_term_on_fatal);
    signal(SIGBUS, tui_term_on_fatal);
    signal(SIGFPE, tui_term_on_fatal);
    signal(SIGABRT, tui_term_on_fatal);
}

/* Colours as opts say: never (start_color is not even called, so no colour sequence is ever
 * sent), always, or auto (NO_COLOR set and not empty means none). */
static void tui_term_palette(const tui_opts *opts)
{
    const char *no_color = getenv("NO_COLOR");
    int off = opts->color == 2 || (opts->color == 0 && no_color && *no_color);
    tui_term_ncolors = 0;
    if (off || !has_colors() || start_color() == ERR)
        return;
    use_default_colors();
    tui_term_ncolors = COLORS >= 256 ? 256 : 8;
    for (int i = 1; i < TUI_S_COUNT; i++) {
        const tui_palette *p = &tui_palettes[i];
        if (tui_term_ncolors == 256)
            init_pair((short)i, p->fg256, p->bg256);
        else
            init_pair((short)i, p->fg8, p->bg8);
    }
}

/* Whether the terminal can place the cursor (TERM=dumb cannot), asked of terminfo before
 * curses starts, so nothing is drawn on a terminal that cannot show it. */
static int tui_term_addressable(pc_error *err)
{
    const char *term = getenv("TERM");
    int errret = 0;
    if (setupterm(NULL, STDOUT_FILENO, &errret) != OK) {
        pc_error_set(err, "cannot use the terminal (TERM=%s): 'polcmp compare POLICY...' writes "
                          "the comparison as tables instead", term ? term : "unset");
        return 0;
    }
    const char *cup = tigetstr("cup");
    int ok = cup && cup != (char *)-1;
    del_curterm(cur_term);
    if (!ok)
        pc_error_set(err, "the terminal (TERM=%s) cannot place the cursor, which the review UI "
                          "needs: 'polcmp compare POLICY...' writes the comparison as tables "
                          "instead", term ? term : "unset");
    return ok;
}

int tui_term_start(const tui_opts *opts, pc_error *err)
{
    if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
        pc_error_set(err, "the review UI needs a terminal; 'polcmp compare' writes tables");
        return -1;
    }
    setlocale(LC_ALL, "");
    const char *codeset = nl_langinfo(CODESET);
    tui_term_is_ascii = !codeset || strcmp(codeset, "UTF-8") != 0;
    if (!tui_term_addressable(err))
        return -1;
    tui_term_screen = newterm(NULL, stdout, stdin);
    if (!tui_term_screen) {
        const char *term = getenv("TERM");
        pc_error_set(err, "cannot use the terminal (TERM=%s)", term ? term : "unset");
        return -1;
    }
    tui_term_active = 1;
    atexit(tui_term_end);
    tui_term_signals();
    cbreak();
    noecho();
    nonl();
    keypad(stdscr, TRUE);
    set_escdelay(25);
    curs_set(0);
    if (!opts->no_mouse)
        mousemask(BUTTON1_CLICKED | BUTTON1_PRESSED | BUTTON4_PRESSED | BUTTON5_PRESSED, NULL);
    mouseinterval(0);
    tui_term_palette(opts);
    return 0;
}

int tui_term_ascii(void)
{
    return tui_term_is_ascii;
}

void tui_term_end(void)
{
    if (!tui_term_active)
        return;
    tui_term_active = 0;
    curs_set(1);
    endwin();
    if (tui_term_screen) {
        delscreen(tui_term_screen);
        tui_term_screen = NULL;
    }
}

void tui_term_size(int *w, int *h)
{
    getmaxyx(stdscr, *h, *w);
}

static attr_t tui_term_attr(const tui_cell *c)
{
    const tui_palette *p = &tui_palettes[c->style < TUI_S_COUNT ? c->style : 0];
    attr_t a = tui_term_ncolors ? COLOR_PAIR(c->style) | p->color_attr : p->mono_attr;
    if (c->flags & TUI_F_REVERSE)
        a ^= A_REVERSE;
    if (c->flags & TUI_F_BOLD)
        a |= A_BOLD;
    if (c->flags & TUI_F_UNDERLINE)
        a |= A_UNDERLINE;
    return a;
}

void tui_term_draw(const tui_screen *s)
{
    for (int y = 0; y < s->h; y++) {
        for (int x = 0; x < s->w; x++) {
            const tui_cell *c = tui_screen_cell(s, y, x);
            if (!c->width)
                continue;
            attrset(tui_term_attr(c));
            mvaddstr(y, x, c->ch);
        }
    }
    attrset(A_NORMAL);
    wnoutrefresh(stdscr);
    doupdate();
}

void tui_term_redraw(void)
{
    clearok(curscr, TRUE);
}

static const struct {
    int curses, key;
} tui_term_keys[] = {
    {KEY_UP, TUI_KEY_UP},       {KEY_DOWN, TUI_KEY_DOWN},   {KEY_LEFT, TUI_KEY_LEFT},
    {KEY_RIGHT, TUI_KEY_RIGHT}, {KEY_PPAGE, TUI_KEY_PGUP},  {KEY_NPAGE, TUI_KEY_PGDN},
    {KEY_HOME, TUI_KEY_HOME},   {KEY_END, TUI_KEY_END},     {KEY_BTAB, TUI_KEY_BTAB},
    {KEY_DC, TUI_KEY_DELETE},   {KEY_F(1), TUI_KEY_F1},     {KEY_RESIZE, TUI_KEY_RESIZE},
    {KEY_ENTER, TUI_KEY_ENTER}, {KEY_BACKSPACE, TUI_KEY_BACKSPACE},
};

static int tui_term_special(int code, int *my, int *mx)
{
    if (code == KEY_MOUSE) {
        MEVENT ev;
        if (getmouse(&ev) != OK)
            return TUI_KEY_NONE;
        *my = ev.y;
        *mx = ev.x;
        if (ev.bstate & BUTTON4_PRESSED)
            return TUI_KEY_WHEEL_UP;
        if (ev.bstate & BUTTON5_PRESSED)
            return TUI_KEY_WHEEL_DOWN;
        return TUI_KEY_MOUSE;
    }
    for (size_t i = 0; i < sizeof tui_term_keys / sizeof tui_term_keys[0]; i++)
        if (tui_term_keys[i].curses == code)
            return tui_term_keys[i].key;
    return TUI_KEY_NONE;
}

int tui_term_key(int *my, int *mx)
{
    wint_t ch;
    int rc = get_wch(&ch);
    if (rc == ERR)
        return TUI_KEY_NONE;
    if (rc == KEY_CODE_YES)
        return tui_term_special((int)ch, my, mx);
    if (ch == '\r')
        return TUI_KEY_ENTER;
    if (ch == 8)
        return TUI_KEY_BACKSPACE;
    return (int)ch;
}

int tui_term_interrupted(void)
{
    return tui_term_signal != 0;
}

int tui_term_colors(void)
{
    return tui_term_ncolors;
}

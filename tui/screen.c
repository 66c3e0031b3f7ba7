/* screen.c: the off-screen cell grid (see screen.h). No curses here. */
#include "screen.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char tui_letters[TUI_S_COUNT] = {
    [TUI_S_NORMAL] = '.',        [TUI_S_TITLE] = 't',   [TUI_S_STATUS] = 's',
    [TUI_S_HEADING] = 'h',       [TUI_S_GROUP] = 'o',   [TUI_S_DIM] = 'd',
    [TUI_S_COVERED] = 'c',       [TUI_S_GAP] = 'g',     [TUI_S_MISSING] = 'm',
    [TUI_S_CONTRADICTION] = 'x', [TUI_S_DISAGREEMENT] = 'a', [TUI_S_WARNING] = 'w',
    [TUI_S_MATCH] = 'e',         [TUI_S_SEARCH] = 'f',  [TUI_S_REVIEWED] = 'r',
    [TUI_S_STALE] = 'n',         [TUI_S_ERROR] = 'z',
};

char tui_style_letter(tui_style st)
{
    return st < TUI_S_COUNT ? tui_letters[st] : '?';
}

tui_screen *tui_screen_new(int w, int h)
{
    tui_screen *s = calloc(1, sizeof *s);
    if (!s || tui_screen_resize(s, w, h) < 0) {
        free(s);
        return NULL;
    }
    return s;
}

int tui_screen_resize(tui_screen *s, int w, int h)
{
    if (w < 1)
        w = 1;
    if (h < 1)
        h = 1;
    tui_cell *cells = calloc((size_t)w * (size_t)h, sizeof *cells);
    if (!cells)
        return -1;
    free(s->cells);
    s->cells = cells;
    s->w = w;
    s->h = h;
    tui_screen_clear(s);
    return 0;
}

void tui_screen_free(tui_screen *s)
{
    if (s) {
        free(s->cells);
        free(s);
    }
}

void tui_screen_clear(tui_screen *s)
{
    for (int i = 0; i < s->w * s->h; i++) {
        s->cells[i] = (tui_cell){.ch = " ", .width = 1, .style = TUI_S_NORMAL};
    }
}

const tui_cell *tui_screen_cell(const tui_screen *s, int y, int x)
{
    if (y < 0 || y >= s->h || x < 0 || x >= s->w)
        return NULL;
    return &s->cells[y * s->w + x];
}

static tui_cell *tui_cell_at(tui_screen *s, int y, int x)
{
    return (tui_cell *)tui_screen_cell(s, y, x);
}

/* Characters that never reach a cell: bidi embeddings, overrides, isolates and marks. */
static int tui_is_bidi(uint32_t cp)
{
    return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0x200E ||
           cp == 0x200F || cp == 0x061C;
}

/* Decode the next character of text for display: *cp is what to draw (0 to skip), returns
 * the bytes consumed (at least 1). */
static size_t tui_next(const char *text, size_t len, uint32_t *cp)
{
    size_t n = pc_utf8_decode(text, len, cp);
    if (n == 0) {
        *cp = 0xFFFD;
        return 1;
    }
    if (*cp == '\t' || *cp == '\n')
        *cp = ' ';
    else if (*cp < 0x20 || (*cp >= 0x7F && *cp < 0xA0))
        *cp = 0xFFFD;
    else if (tui_is_bidi(*cp) || pc_cp_width(*cp) == 0)
        *cp = 0;
    return n;
}

int tui_width(const char *text, size_t len)
{
    int w = 0;
    for (size_t i = 0; i < len;) {
        uint32_t cp;
        i += tui_next(text + i, len - i, &cp);
        if (cp)
            w += pc_cp_width(cp);
    }
    return w;
}

/* Place one character at (y, x); returns its width, or -1 when it does not fit in maxw. */
static int tui_place(tui_screen *s, int y, int x, int maxw, tui_style st, uint32_t cp)
{
    int cw = pc_cp_width(cp);
    if (cw > maxw)
        return -1;
    tui_cell *c = tui_cell_at(s, y, x);
    if (!c)
        return cw;
    if (cw == 2 && x + 1 >= s->w) {
        *c = (tui_cell){.ch = " ", .width = 1, .style = (unsigned char)st};
        return cw;
    }
    memset(c->ch, 0, sizeof c->ch);
    pc_utf8_encode(cp, c->ch);
    c->width = (unsigned char)cw;
    c->style = (unsigned char)st;
    c->flags = 0;
    if (cw == 2) {
        tui_cell *tail = tui_cell_at(s, y, x + 1);
        *tail = (tui_cell){.ch = "", .width = 0, .style = (unsigned char)st};
    }
    return cw;
}

int tui_put(tui_screen *s, int y, int x, int maxw, tui_style st, const char *text, size_t len)
{
    if (y < 0 || y >= s->h || maxw <= 0)
        return 0;
    if (x + maxw > s->w)
        maxw = s->w - x;
    int used = 0;
    for (size_t i = 0; i < len && used < maxw;) {
        uint32_t cp;
        i += tui_next(text + i, len - i, &cp);
        if (!cp)
            continue;
        int cw = tui_place(s, y, x + used, maxw - used, st, cp);
        if (cw < 0)
            break;
        used += cw;
    }
    return used;
}

int tui_puts(tui_screen *s, int y, int x, int maxw, tui_style st, const char *text)
{
    return tui_put(s, y, x, maxw, st, text, strlen(text));
}

int tui_puts_trunc(tui_screen *s, int y, int x, int maxw, tui_style st, const char *text)
{
    size_t len = strlen(text);
    if (maxw <= 0)
        return 0;
    if (tui_width(text, len) <= maxw)
        return tui_put(s, y, x, maxw, st, text, len);
    int used = tui_put(s, y, x, maxw - 1, st, text, len);
    return used + tui_put(s, y, x + used, 1, st, "…", strlen("…"));
}

int tui_printf(tui_screen *s, int y, int x, int maxw, tui_style st, const char *fmt, ...)
{
    char buf[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    return tui_puts_trunc(s, y, x, maxw, st, buf);
}

void tui_fill(tui_screen *s, int y, int x, int w, tui_style st)
{
    for (int i = 0; i < w; i++) {
        tui_cell *c = tui_cell_at(s, y, x + i);
        if (c)
            *c = (tui_cell){.ch = " ", .width = 1, .style = (unsigned char)st};
    }
}

void tui_mark(tui_screen *s, int y, int x, int w, int st, unsigned flags)
{
    for (int i = 0; i < w; i++) {
        tui_cell *c = tui_cell_at(s, y, x + i);
        if (!c)
            continue;
        c->flags |= (unsigned char)flags;
        if (st >= 0)
            c->style = (unsigned char)st;
    }
}

/* Where the line that starts at `start` must end to fit `width` columns: the end of the text,
 * after the last space that fits, or the last character that fits. *next is where the next
 * line starts (spaces at the break are skipped). With `exact`, the last character that fits,
 * and nothing skipped. */
static size_t tui_wrap_line(const char *text, size_t len, size_t start, int width, int exact,
                            size_t *next)
{
    int used = 0;
    size_t i = start, last_space = 0;
    while (i < len) {
        uint32_t cp;
        size_t n = tui_next(text + i, len - i, &cp);
        int cw = cp ? pc_cp_width(cp) : 0;
        if (used + cw > width && used > 0)
            break;
        if (text[i] == ' ' || text[i] == '\n')
            last_space = i;
        used += cw;
        i += n;
    }
    size_t end = i;
    *next = end;
    if (exact)
        return end;
    if (i < len && last_space > start)
        end = last_space;
    *next = end;
    while (*next < len && (text[*next] == ' ' || text[*next] == '\n'))
        (*next)++;
    while (end > start && (text[end - 1] == ' ' || text[end - 1] == '\n'))
        end--;
    return end;
}

static size_t tui_wrap_as(const char *text, size_t len, int width, int exact, pc_span *lines,
                          size_t max)
{
    size_t n = 0, i = 0;
    if (width < 1)
        width = 1;
    while (i < len || n == 0) {
        size_t next;
        size_t end = tui_wrap_line(text, len, i, width, exact, &next);
        if (lines && n < max)
            lines[n] = (pc_span){i, end};
        n++;
        if (next <= i)
            break;
        i = next;
    }
    return n;
}

size_t tui_wrap(const char *text, size_t len, int width, pc_span *lines, size_t max)
{
    return tui_wrap_as(text, len, width, 0, lines, max);
}

size_t tui_wrap_exact(const char *text, size_t len, int width, pc_span *lines, size_t max)
{
    return tui_wrap_as(text, len, width, 1, lines, max);
}

/* The UI's own glyphs and common punctuation, in ASCII. */
static const struct {
    uint32_t cp;
    const char *ascii;
} tui_ascii_table[] = {
    {0x2713, "+"}, {0x25CB, "o"}, {0x2717, "x"}, {0x2260, "#"}, {0x00B7, "."}, {0x2298, "-"},
    {0x270E, "*"}, {0x26A0, "!"}, {0x25BE, "v"}, {0x25B8, ">"}, {0x00AB, "<"}, {0x00BB, ">"},
    {0x2502, "|"}, {0x2500, "-"}, {0x2026, "."}, {0x2192, ">"}, {0x2022, "*"}, {0x00D7, "x"},
    {0x2013, "-"}, {0x2014, "-"}, {0x2018, "'"}, {0x2019, "'"}, {0x201C, "\""}, {0x201D, "\""},
    {0x00A0, " "}, {0x00A9, "c"}, {0x00AE, "r"}, {0x20AC, "E"}, {0xFFFD, "?"},
};

const char *tui_ascii_of(const char *ch)
{
    /* Latin-1 letters without their accents: U+00C0 to U+00FF. */
    static const char latin1[] = "AAAAAAACEEEEIIIIDNOOOOOxOUUUUYPsaaaaaaaceeeeiiiidnooooo/ouuuuypy";
    static char one[2];
    uint32_t cp;
    size_t n = pc_utf8_decode(ch, strlen(ch), &cp);
    if (n == 0 || cp >= 0x80) {
        for (size_t i = 0; n && i < sizeof tui_ascii_table / sizeof tui_ascii_table[0]; i++)
            if (tui_ascii_table[i].cp == cp)
                return tui_ascii_table[i].ascii;
        one[0] = n && cp >= 0xC0 && cp <= 0xFF ? latin1[cp - 0xC0] : '?';
        return one;
    }
    return ch;
}

void tui_screen_ascii(tui_screen *s)
{
    for (int i = 0; i < s->w * s->h; i++) {
        tui_cell *c = &s->cells[i];
        if (!c->width && i > 0 && s->cells[i - 1].width == 2) {
            s->cells[i - 1].width = 1; /* a wide character: two of its ASCII */
            memcpy(c->ch, s->cells[i - 1].ch, sizeof c->ch);
            c->width = 1;
            continue;
        }
        if ((unsigned char)c->ch[0] >= 0x80) {
            const char *a = tui_ascii_of(c->ch);
            memset(c->ch, 0, sizeof c->ch);
            memcpy(c->ch, a, strlen(a) < sizeof c->ch ? strlen(a) : sizeof c->ch - 1);
        }
    }
}

int tui_screen_dump(const tui_screen *s, int styles, pc_buf *out)
{
    for (int y = 0; y < s->h; y++) {
        size_t keep = out->len;
        for (int x = 0; x < s->w; x++) {
            const tui_cell *c = tui_screen_cell(s, y, x);
            if (pc_buf_adds(out, c->ch) < 0)
                return -1;
            if (strcmp(c->ch, " ") != 0 && c->width)
                keep = out->len;
        }
        out->len = keep;
        out->data[keep] = '\0';
        if (pc_buf_addc(out, '\n') < 0)
            return -1;
        if (!styles)
            continue;
        for (int x = 0; x < s->w; x++) {
            const tui_cell *c = tui_screen_cell(s, y, x);
            char l = tui_style_letter((tui_style)c->style);
            if ((c->flags & TUI_F_REVERSE) && l >= 'a' && l <= 'z')
                l = (char)(l - 'a' + 'A');
            else if ((c->flags & TUI_F_REVERSE) && l == '.')
                l = '#';
            if (pc_buf_addc(out, l) < 0)
                return -1;
        }
        if (pc_buf_addc(out, '\n') < 0)
            return -1;
    }
    return 0;
}

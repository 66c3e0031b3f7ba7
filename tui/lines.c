/* lines.c: styled, wrapped lines of text (see lines.h). */
#include "lines.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

void tui_lines_reset(tui_lines *l, int width, const char *ext)
{
    l->n = 0;
    l->text.len = 0;
    l->ext = ext;
    l->width = width > 0 ? width : 1;
    l->hang = 0;
    l->exact = 0;
    l->oom = pc_buf_adds(&l->text, "") < 0;
}

void tui_lines_free(tui_lines *l)
{
    free(l->v);
    pc_buf_free(&l->text);
    free(l->wrap);
    *l = (tui_lines){0};
}

static void tui_lines_push(tui_lines *l, tui_line ln)
{
    if (pc_grow(&l->v, &l->cap, l->n + 1, sizeof *l->v) < 0) {
        l->oom = 1;
        return;
    }
    l->v[l->n++] = ln;
}

/* Wrap bytes [start, end) of the text (ext or the lines' own) at the width left after the
 * indent; continuation lines are `hang` further in, so they wrap narrower. */
static void tui_lines_wrap(tui_lines *l, tui_style st, int indent, long tag, int ext,
                           size_t start, size_t end)
{
    const char *base = ext ? l->ext : l->text.data;
    int w = l->width - indent > 8 ? l->width - indent : 8;
    int rest = w - l->hang > 8 ? w - l->hang : 8;
    tui_line ln = {.pstart = start, .pend = end, .tag = tag, .indent = indent,
                   .style = (unsigned char)st, .ext = (unsigned char)ext, .first = 1};
    size_t (*wrap)(const char *, size_t, int, pc_span *, size_t) =
        l->exact ? tui_wrap_exact : tui_wrap;
    pc_span first;
    wrap(base + start, end - start, w, &first, 1);
    ln.start = start + first.start;
    ln.end = start + first.end;
    tui_lines_push(l, ln);
    size_t from = ln.end;
    while (!l->exact && from < end && (base[from] == ' ' || base[from] == '\n'))
        from++;
    if (from >= end)
        return;
    size_t n = wrap(base + from, end - from, rest, NULL, 0);
    if (pc_grow(&l->wrap, &l->wrapcap, n, sizeof *l->wrap) < 0) {
        l->oom = 1;
        return;
    }
    wrap(base + from, end - from, rest, l->wrap, n);
    ln.indent = indent + l->hang;
    ln.first = 0;
    for (size_t i = 0; i < n; i++) {
        ln.start = from + l->wrap[i].start;
        ln.end = from + l->wrap[i].end;
        tui_lines_push(l, ln);
    }
}

void tui_lines_ext(tui_lines *l, tui_style st, int indent, long tag, size_t start, size_t end)
{
    if (l->ext)
        tui_lines_wrap(l, st, indent, tag, 1, start, end);
}

void tui_lines_add(tui_lines *l, tui_style st, int indent, long tag, const char *text, size_t len)
{
    size_t off = l->text.len;
    if (pc_buf_add(&l->text, text, len) < 0) {
        l->oom = 1;
        return;
    }
    tui_lines_wrap(l, st, indent, tag, 0, off, l->text.len);
}

void tui_lines_printf(tui_lines *l, tui_style st, int indent, long tag, const char *fmt, ...)
{
    char buf[1024];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    if (n < 0) {
        l->oom = 1;
        return;
    }
    tui_lines_add(l, st, indent, tag, buf, (size_t)n < sizeof buf ? (size_t)n : sizeof buf - 1);
}

void tui_lines_blank(tui_lines *l, long tag)
{
    size_t at = l->text.len;
    tui_lines_push(l, (tui_line){.start = at, .end = at, .pstart = at, .pend = at, .tag = tag,
                                 .first = 1});
}

const char *tui_line_para(const tui_lines *l, size_t i, pc_span *para, pc_span *line)
{
    const tui_line *ln = &l->v[i];
    *para = (pc_span){ln->pstart, ln->pend};
    *line = (pc_span){ln->start, ln->end};
    return ln->ext ? l->ext : l->text.data;
}

const char *tui_line_text(const tui_lines *l, size_t i, size_t *len)
{
    pc_span para, line;
    const char *base = tui_line_para(l, i, &para, &line);
    *len = line.end - line.start;
    return base + line.start;
}

void tui_lines_draw(const tui_lines *l, size_t i, tui_screen *s, int y, int x, int w)
{
    size_t len;
    const char *t = tui_line_text(l, i, &len);
    int in = l->v[i].indent;
    tui_put(s, y, x + in, w - in, (tui_style)l->v[i].style, t, len);
}

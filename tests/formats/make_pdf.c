/* make_pdf.c: see make_docs.h. */
#include "make_docs.h"

#include <cairo-pdf.h>
#include <cairo.h>
#include <fontconfig/fontconfig.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PAGE_W 595.0
#define PAGE_H 842.0
#define MARGIN 64.0
#define BODY 10.5

/* The PDF under construction. Borrows cr. */
typedef struct pdf_pen {
    cairo_t *cr;
    const char *header;
    double y;
    int page, lines;
} pdf_pen;

static int has_cjk(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if ((unsigned char)s[i] >= 0xE3)
            return 1;
    return 0;
}

static void font(pdf_pen *p, double size, int bold, int cjk)
{
    cairo_select_font_face(p->cr, cjk ? "IPAGothic" : "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL,
                           bold && !cjk ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
    cairo_set_font_size(p->cr, size);
}

static void furniture(pdf_pen *p)
{
    char num[32];
    cairo_save(p->cr); /* the text being drawn keeps its font */
    font(p, 8, 0, 0);
    cairo_move_to(p->cr, MARGIN, 36);
    cairo_show_text(p->cr, p->header);
    snprintf(num, sizeof num, "Page %d", p->page);
    cairo_move_to(p->cr, PAGE_W / 2 - 12, PAGE_H - 30);
    cairo_show_text(p->cr, num);
    cairo_restore(p->cr);
}

static void new_page_if(pdf_pen *p, double need)
{
    if (p->y + need < PAGE_H - MARGIN)
        return;
    cairo_show_page(p->cr);
    p->page++;
    p->y = MARGIN + 10;
    furniture(p);
}

static double width(pdf_pen *p, const char *s)
{
    cairo_text_extents_t e;
    cairo_text_extents(p->cr, s, &e);
    return e.x_advance;
}

static void show_line(pdf_pen *p, double x, const char *s, double size, double lead)
{
    new_page_if(p, lead);
    cairo_move_to(p->cr, x, p->y + size);
    cairo_show_text(p->cr, s);
    p->y += lead;
    p->lines++;
}

/* Split a long lowercase word at a line end now and then, with a hyphen, as typesetters do. */
static size_t hyphen_point(const char *w, size_t n, int lines)
{
    if (lines % 5 != 0 || n < 9)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (w[i] < 'a' || w[i] > 'z')
            return 0;
    return n / 2;
}

/* Draw s[0..n) wrapped to the text width at x, in the current font. */
static void paragraph(pdf_pen *p, const char *s, size_t n, double x, double size)
{
    double lead = size * 1.35, room = PAGE_W - MARGIN - x;
    char line[2048] = "", word[512];
    size_t i = 0;
    while (i < n) {
        while (i < n && s[i] == ' ')
            i++;
        size_t k = 0;
        while (i < n && s[i] != ' ' && k + 1 < sizeof word)
            word[k++] = s[i++];
        word[k] = '\0';
        if (!k)
            break;
        char tryl[2048 + 520];
        snprintf(tryl, sizeof tryl, "%s%s%s", line, *line ? " " : "", word);
        if (!*line || width(p, tryl) <= room) {
            snprintf(line, sizeof line, "%.2000s", tryl);
            continue;
        }
        size_t h = hyphen_point(word, k, p->lines);
        if (h) {
            snprintf(tryl, sizeof tryl, "%s %.*s-", line, (int)h, word);
            if (width(p, tryl) <= room) {
                show_line(p, x, tryl, size, lead);
                snprintf(line, sizeof line, "%s", word + h);
                continue;
            }
        }
        show_line(p, x, line, size, lead);
        snprintf(line, sizeof line, "%s", word);
    }
    if (*line)
        show_line(p, x, line, size, lead);
    p->y += size * 0.8; /* the gap between paragraphs */
}

static void heading(pdf_pen *p, const char *s, size_t n, int level)
{
    static const double sizes[] = {17, 14, 12};
    double size = sizes[level > 3 ? 2 : level - 1];
    new_page_if(p, size * 4); /* keep a heading with what follows */
    p->y += size * 0.5;
    font(p, size, 1, has_cjk(s, n));
    paragraph(p, s, n, MARGIN, size);
}

static void clause(pdf_pen *p, const pc_outline *o, const pc_clause *c)
{
    const char *s = o->doc->text + c->start;
    size_t n = c->end - c->start;
    font(p, BODY, 0, has_cjk(s, n));
    if (c->kind != PC_CLAUSE_ITEM) {
        paragraph(p, s, n, MARGIN, BODY);
        return;
    }
    new_page_if(p, BODY * 1.4);
    cairo_move_to(p->cr, MARGIN + 8, p->y + BODY);
    cairo_show_text(p->cr, "\xe2\x80\xa2");
    paragraph(p, s, n, MARGIN + 22, BODY);
}

void make_docs_cleanup(void)
{
    cairo_debug_reset_static_data();
    FcFini();
}

int make_pdf(const pc_outline *o, const char *header, const char *path)
{
    cairo_surface_t *sf = cairo_pdf_surface_create(path, PAGE_W, PAGE_H);
    pdf_pen p = {cairo_create(sf), header, MARGIN + 10, 1, 0};
    cairo_set_source_rgb(p.cr, 0, 0, 0);
    furniture(&p);
    for (size_t i = 0; i < o->nsections; i++) {
        const pc_section *s = &o->sections[i];
        if (s->title_end > s->title_start)
            heading(&p, o->doc->text + s->title_start, s->title_end - s->title_start, s->level);
        for (size_t k = 0; k < s->nclauses; k++)
            clause(&p, o, &o->clauses[s->first_clause + k]);
    }
    cairo_destroy(p.cr);
    cairo_surface_finish(sf);
    int rc = cairo_surface_status(sf) == CAIRO_STATUS_SUCCESS ? 0 : -1;
    cairo_surface_destroy(sf);
    if (rc < 0)
        fprintf(stderr, "%s: cairo could not write the PDF\n", path);
    return rc;
}

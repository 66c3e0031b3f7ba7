/* pdf.c: the PDF reader (see pdf.h): poppler-glib gives each page's text in reading order,
 * a box per character and the font of each run; this file turns them into pdf_lines, and
 * pdf_layout.c turns the lines into blocks. */
#include "text/pdf.h"

#include "text/pdf_internal.h"

#include <poppler.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static int font_is_bold(const char *name)
{
    static const char *const marks[] = {"bold", "black", "heavy", "semibold", "demi", NULL};
    char low[128];
    size_t k = 0;
    for (; name && name[k] && k + 1 < sizeof low; k++)
        low[k] = (char)(name[k] >= 'A' && name[k] <= 'Z' ? name[k] + 32 : name[k]);
    low[k] = '\0';
    for (const char *const *m = marks; *m; m++)
        if (strstr(low, *m))
            return 1;
    return 0;
}

/* The attributes run holding character index i, or NULL. */
static const PopplerTextAttributes *attrs_at(GList *attrs, int i)
{
    for (GList *l = attrs; l; l = l->next) {
        const PopplerTextAttributes *a = l->data;
        if (i >= a->start_index && i <= a->end_index)
            return a;
    }
    return NULL;
}

/* Whether every non-blank character in [a, b) is in a bold face. */
static int line_bold(GList *attrs, const char *s, int a, int b)
{
    const char *p = s;
    for (int i = a; i < b; i++, p = g_utf8_next_char(p)) {
        if (*p == ' ' || *p == '\t')
            continue;
        const PopplerTextAttributes *at = attrs_at(attrs, i);
        if (!at || !font_is_bold(at->font_name))
            return 0;
    }
    return 1;
}

/* Add the line s[0..bytes) (characters [a, b) of the page) to L. */
static int add_line(pdf_lines *L, unsigned page, const char *s, size_t bytes, int a, int b,
                    PopplerRectangle *rects, guint nrects, GList *attrs)
{
    int first = a; /* its first non-blank glyph */
    const char *p = s;
    while (first < b && (*p == ' ' || *p == '\t')) {
        first++;
        p++;
    }
    if (first == b)
        return 0;
    if (pc_grow(&L->lines, &L->cap, L->n + 1, sizeof *L->lines) < 0)
        return -1;
    size_t at = L->buf.len;
    if (pc_buf_add(&L->buf, s, bytes) < 0)
        return -1;
    const PopplerTextAttributes *fa = attrs_at(attrs, first);
    PopplerRectangle r = (guint)first < nrects ? rects[first] : (PopplerRectangle){0, 0, 0, 0};
    L->lines[L->n++] = (pdf_line){at, bytes, page, fa ? fa->font_size : 0, r.y1, r.y2, r.x1,
                                  line_bold(attrs, s, a, b), 0, 0, 0};
    return 0;
}

/* Split one page's text into lines. Returns the lines added, or -1 out of memory. */
static long page_lines(pdf_lines *L, PopplerPage *pg, unsigned page)
{
    char *text = poppler_page_get_text(pg);
    PopplerRectangle *rects = NULL;
    guint nrects = 0;
    GList *attrs = text ? poppler_page_get_text_attributes(pg) : NULL;
    if (text && !poppler_page_get_text_layout(pg, &rects, &nrects))
        rects = NULL;
    size_t before = L->n;
    int rc = 0, idx = 0;
    for (const char *s = text; s && *s && rc == 0;) {
        const char *nl = strchr(s, '\n');
        size_t bytes = nl ? (size_t)(nl - s) : strlen(s);
        int chars = (int)g_utf8_strlen(s, (gssize)bytes);
        rc = add_line(L, page, s, bytes, idx, idx + chars, rects, nrects, attrs);
        idx += chars + (nl ? 1 : 0);
        s = nl ? nl + 1 : s + bytes;
    }
    if (L->n > before) {
        L->lines[before].first = 1;
        L->lines[L->n - 1].last = 1;
    }
    poppler_page_free_text_attributes(attrs);
    g_free(rects);
    g_free(text);
    return rc < 0 ? -1 : (long)(L->n - before);
}

static PopplerDocument *pdf_open(const pc_doc *doc, const char *data, size_t n, pc_error *err)
{
    GBytes *bytes = g_bytes_new_static(data, n);
    GError *ge = NULL;
    PopplerDocument *pd = poppler_document_new_from_bytes(bytes, NULL, &ge);
    g_bytes_unref(bytes);
    if (!pd) {
        int locked = ge && ge->domain == POPPLER_ERROR && ge->code == POPPLER_ERROR_ENCRYPTED;
        pc_error_set(err, "%s: the PDF cannot be opened: %s", doc->path,
                     locked ? "it is protected by a password"
                            : ge && ge->message ? ge->message : "damaged");
    }
    if (ge)
        g_error_free(ge);
    return pd;
}

static int pdf_lines_read(pdf_lines *L, PopplerDocument *pd)
{
    int pages = poppler_document_get_n_pages(pd);
    for (int i = 0; i < pages; i++) {
        PopplerPage *pg = poppler_document_get_page(pd, i);
        long got = pg ? page_lines(L, pg, (unsigned)i + 1) : 0;
        if (pg)
            g_object_unref(pg);
        if (got < 0)
            return -1;
        L->empty_pages += got == 0;
    }
    L->npages = pages > 0 ? (unsigned)pages : 0;
    return 0;
}

static void pdf_lines_free(pdf_lines *L)
{
    pc_buf_free(&L->buf);
    free(L->lines);
}

int pc_pdf_read(pc_doc *doc, const char *data, size_t n, pc_error *err)
{
    PopplerDocument *pd = pdf_open(doc, data, n, err);
    if (!pd)
        return -1;
    pdf_lines L = {0};
    int rc = pdf_lines_read(&L, pd);
    char *title = poppler_document_get_title(pd);
    if (title && *title)
        doc->title = pc_strdup(title);
    g_free(title);
    g_object_unref(pd);
    pc_blocks out = {0};
    if (rc == 0) {
        pdf_mark_furniture(&L);
        pdf_build_blocks(&L, &out);
    }
    snprintf(doc->encoding, sizeof doc->encoding, "PDF");
    if (rc < 0 || pc_blocks_take(&out, doc) < 0) {
        pdf_lines_free(&L);
        pc_error_set(err, "%s: out of memory", doc->path);
        return -1;
    }
    if (doc->len == 0)
        pc_error_set(err, "%s: no text in the PDF (a scan? run OCR on it first)", doc->path);
    else if (L.empty_pages)
        pc_doc_warn(doc, PC_WARN_PAGES, "%u of %u pages have no text (scanned images?)",
                    L.empty_pages, L.npages);
    pdf_lines_free(&L);
    return doc->len ? 0 : -1;
}

/* doc.c: the pc_doc value itself (load.h): where an offset came from (source line and page),
 * the warnings loading left on it, and freeing it. Every reader (text, HTML, PDF, office) uses
 * these, and load.c calls the readers, so they live apart from load.c. */
#include "text/load.h"

#include "text/normalize.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

unsigned pc_doc_source_line(const pc_doc *doc, size_t offset)
{
    return doc ? pc_linemap_find(doc->lines, doc->nlines, offset) : 1;
}

unsigned pc_doc_source_page(const pc_doc *doc, size_t offset)
{
    if (!doc || !doc->npages)
        return 0;
    size_t lo = 0, hi = doc->npages;
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (doc->pages[mid].offset <= offset)
            lo = mid;
        else
            hi = mid;
    }
    return doc->pages[lo].page;
}

/* ---- warnings ------------------------------------------------------------------------- */

const char *pc_warn_kind_name(pc_warn_kind k)
{
    static const char *const names[PC_WARN_COUNT] = {
        "encoding", "replaced", "controls", "chrome", "whole-page", "pages", "little-text",
        "empty"};
    return k < PC_WARN_COUNT ? names[k] : "?";
}

const pc_warning *pc_doc_warning(const pc_doc *doc, pc_warn_kind kind)
{
    for (size_t i = 0; doc && i < doc->nwarnings; i++)
        if (doc->warnings[i].kind == kind)
            return &doc->warnings[i];
    return NULL;
}

int pc_doc_warn(pc_doc *doc, pc_warn_kind kind, const char *fmt, ...)
{
    pc_buf b = {0};
    va_list ap;
    va_start(ap, fmt);
    char line[PC_ERROR_MAX];
    vsnprintf(line, sizeof line, fmt, ap);
    va_end(ap);
    if (pc_buf_adds(&b, line) < 0)
        return -1;
    pc_warning *w = (pc_warning *)pc_doc_warning(doc, kind);
    if (w) {
        free(w->msg);
        w->msg = pc_buf_steal(&b);
        return 0;
    }
    pc_warning *grown = realloc(doc->warnings, (doc->nwarnings + 1) * sizeof *grown);
    if (!grown) {
        pc_buf_free(&b);
        return -1;
    }
    doc->warnings = grown;
    doc->warnings[doc->nwarnings++] = (pc_warning){kind, pc_buf_steal(&b)};
    return 0;
}

void pc_doc_free(pc_doc *d)
{
    if (!d)
        return;
    for (size_t i = 0; i < d->nwarnings; i++)
        free(d->warnings[i].msg);
    free(d->warnings);
    free(d->pages);
    free(d->title);
    free(d->path);
    free(d->name);
    free(d->text);
    free(d->blocks);
    free(d->lines);
    free(d);
}

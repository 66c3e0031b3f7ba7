/* doc_text.c: the document view's text and layout (see doc_text.h). */
#include "doc_text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void dv_doc_free(dv_doc *doc)
{
    pc_buf_free(&doc->disp);
    free(doc->clause_span);
    free(doc->section_span);
    free(doc->items);
    free(doc->clause_item);
    free(doc->section_item);
    free(doc->rows);
    free(doc->clause_row);
    free(doc->section_row);
    memset(doc, 0, sizeof *doc);
}

/* Append text[0..len) to b with each run of whitespace (line breaks of hard-wrapped text,
 * indentation) made one space, and a NUL; its span in b goes to *sp. */
static int dv_add_text(pc_buf *b, const char *text, size_t len, pc_span *sp)
{
    sp->start = b->len;
    int space = 0;
    for (size_t i = 0; i < len; i++) {
        char c = text[i];
        int ws = c == ' ' || c == '\n' || c == '\r' || c == '\t';
        if (ws) {
            space = b->len > sp->start;
            continue;
        }
        if ((space && pc_buf_addc(b, ' ') < 0) || pc_buf_addc(b, c) < 0)
            return -1;
        space = 0;
    }
    sp->end = b->len;
    return pc_buf_addc(b, '\0'); /* so that each span is also a C string */
}

/* The display text of every title and clause. */
static int dv_build_text(dv_doc *doc, const pc_policy *p)
{
    const pc_outline *o = p->outline;
    doc->clause_span = calloc(o->nclauses + 1, sizeof *doc->clause_span);
    doc->section_span = calloc(o->nsections + 1, sizeof *doc->section_span);
    if (!doc->clause_span || !doc->section_span || pc_buf_reserve(&doc->disp, p->doc->len + 1) < 0)
        return -1;
    for (size_t s = 0; s < o->nsections; s++) {
        const pc_section *sec = &o->sections[s];
        if (dv_add_text(&doc->disp, p->doc->text + sec->title_start,
                        sec->title_end - sec->title_start, &doc->section_span[s]) < 0)
            return -1;
    }
    for (size_t c = 0; c < o->nclauses; c++) {
        size_t len;
        const char *t = pc_policy_clause_text(p, c, &len);
        if (dv_add_text(&doc->disp, t, len, &doc->clause_span[c]) < 0)
            return -1;
    }
    return pc_buf_adds(&doc->disp, "");
}

/* The reading order: each section's heading, then its own clauses. */
static int dv_build_items(dv_doc *doc, const pc_outline *o)
{
    doc->items = calloc(o->nsections + o->nclauses + 1, sizeof *doc->items);
    doc->clause_item = calloc(o->nclauses + 1, sizeof *doc->clause_item);
    doc->section_item = calloc(o->nsections + 1, sizeof *doc->section_item);
    doc->clause_row = calloc(o->nclauses + 1, sizeof *doc->clause_row);
    doc->section_row = calloc(o->nsections + 1, sizeof *doc->section_row);
    if (!doc->items || !doc->clause_item || !doc->section_item || !doc->clause_row || !doc->section_row)
        return -1;
    for (size_t s = 0; s < o->nsections; s++) {
        doc->section_item[s] = doc->nitems;
        doc->items[doc->nitems++] = (dv_item){(int)s, PC_NO_CLAUSE};
        const pc_section *sec = &o->sections[s];
        size_t end = sec->first_clause + sec->nclauses;
        for (size_t c = sec->first_clause; c < end && c < o->nclauses; c++) {
            doc->clause_item[c] = doc->nitems;
            doc->items[doc->nitems++] = (dv_item){(int)s, c};
        }
    }
    return 0;
}

int dv_doc_build(dv_doc *doc, const pc_policy *p)
{
    return dv_build_items(doc, p->outline) < 0 || dv_build_text(doc, p) < 0 ? -1 : 0;
}

size_t dv_doc_clause_from(const dv_doc *doc, size_t i, int dir)
{
    while (i < doc->nitems) {
        if (doc->items[i].clause != PC_NO_CLAUSE)
            return doc->items[i].clause;
        if (dir < 0 && i == 0)
            break;
        i = dir > 0 ? i + 1 : i - 1;
    }
    return PC_NO_CLAUSE;
}

void dv_labels(const pc_policy *p, size_t c, char *buf, size_t n)
{
    pc_buf b = {0};
    tui_model_labels(p, c, ", ", 1, &b);
    snprintf(buf, n, "%s", b.data ? b.data : "");
    pc_buf_free(&b);
}

static dv_row *dv_add_row(dv_doc *doc, int kind, int section, size_t clause, int indent)
{
    if (pc_grow(&doc->rows, &doc->rows_cap, doc->nrows + 1, sizeof *doc->rows) < 0)
        return NULL;
    dv_row *r = &doc->rows[doc->nrows++];
    *r = (dv_row){.kind = (unsigned char)kind, .section = section, .clause = clause,
                  .indent = indent};
    return r;
}

/* Add rows for text[start, end) wrapped to `width` columns; returns the last row or NULL. */
static dv_row *dv_add_wrapped(dv_doc *doc, const char *text, size_t start, size_t end, int width,
                              int kind, int section, size_t clause, int indent)
{
    size_t n = tui_wrap(text + start, end - start, width, NULL, 0);
    pc_span *lines = calloc(n ? n : 1, sizeof *lines);
    dv_row *r = NULL;
    if (!lines)
        return NULL;
    tui_wrap(text + start, end - start, width, lines, n);
    for (size_t i = 0; i < n; i++) {
        if (!(r = dv_add_row(doc, kind, section, clause, indent)))
            break;
        r->start = start + lines[i].start;
        r->end = start + lines[i].end;
        r->first = i == 0;
    }
    free(lines);
    return r;
}

/* How deep a list item sits: 1 under a sentence lead-in, 2 under an item, ... (at most 3). */
static int dv_item_depth(const pc_outline *o, size_t c)
{
    int depth = 0;
    while (c < o->nclauses && o->clauses[c].kind == PC_CLAUSE_ITEM && depth < 3) {
        depth++;
        int lead = o->clauses[c].lead;
        if (lead < 0)
            break;
        c = (size_t)lead;
    }
    return depth;
}

static int dv_layout_clause(dv_doc *doc, const pc_policy *p, size_t c, int tw)
{
    const pc_clause *cl = &p->outline->clauses[c];
    int indent = 2 * dv_item_depth(p->outline, c);
    int width = tw - 3 - indent > 8 ? tw - 3 - indent : 8;
    doc->clause_row[c] = doc->nrows;
    pc_span t = doc->clause_span[c];
    dv_row *last = dv_add_wrapped(doc, doc->disp.data, t.start, t.end, width, DV_TEXT,
                                  cl->section, c, indent);
    if (!last)
        return -1;
    doc->rows[doc->clause_row[c]].bullet = cl->kind == PC_CLAUSE_ITEM;
    char labels[512];
    dv_labels(p, c, labels, sizeof labels);
    if (!labels[0])
        return 0;
    int used = tui_width(doc->disp.data + last->start, last->end - last->start);
    int lw = tui_width(labels, strlen(labels)) + 2;
    if (used + 2 + lw <= width) {
        last->labels = 1;
        return 0;
    }
    return dv_add_row(doc, DV_LABELS, cl->section, c, indent) ? 0 : -1;
}

/* Whether section s's heading repeats the document title shown above the panes. */
static int dv_title_repeats(const pc_policy *p, int s)
{
    const pc_section *sec = &p->outline->sections[s];
    pc_span t = p->outline->title;
    return t.end - t.start == sec->title_end - sec->title_start &&
           memcmp(p->doc->text + t.start, p->doc->text + sec->title_start, t.end - t.start) == 0;
}

static int dv_layout_heading(dv_doc *doc, const pc_policy *p, int s, int tw)
{
    const pc_section *sec = &p->outline->sections[s];
    doc->section_row[s] = doc->nrows;
    if (sec->title_end == sec->title_start || dv_title_repeats(p, s))
        return 0;
    if (doc->nrows && !dv_add_row(doc, DV_BLANK, s, PC_NO_CLAUSE, 0))
        return -1;
    doc->section_row[s] = doc->nrows;
    int indent = 2 * (sec->level > 1 ? sec->level - 1 : 0);
    int width = tw - indent > 8 ? tw - indent : 8;
    pc_span t = doc->section_span[s];
    return dv_add_wrapped(doc, doc->disp.data, t.start, t.end, width, DV_HEADING, s, PC_NO_CLAUSE,
                          indent)
               ? 0
               : -1;
}

int dv_doc_layout(dv_doc *doc, const pc_policy *p, int tw)
{
    doc->nrows = 0;
    doc->width = 0;
    for (size_t i = 0; i < doc->nitems; i++) {
        const dv_item *it = &doc->items[i];
        int rc = it->clause == PC_NO_CLAUSE ? dv_layout_heading(doc, p, it->section, tw)
                                            : dv_layout_clause(doc, p, it->clause, tw);
        if (rc < 0)
            return -1;
    }
    doc->width = tw;
    return 0;
}

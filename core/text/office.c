/* office.c: Word (.docx) and OpenDocument (.odt) text (see office.h).
 *
 * zip (libzip, read from memory, each part's size checked before and while it is read) ->
 * the main XML part (libxml2, no network, no DTD, entities never expanded) -> an iterative
 * walk that collects each paragraph's runs of text and emits it as a block when it ends.
 * Word paragraphs inside a table cell are gathered into the row, which is emitted as one
 * line "cell | cell" when the row ends. */
#include "text/office.h"

#include "text/blocks.h"

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <zip.h>

#define OFFICE_MAX_PART ((zip_uint64_t)256 << 20) /* an XML part larger than this is refused */
#define OFFICE_MAX_RATIO 200                       /* nor one expanding more than this */

/* ---- the archive ------------------------------------------------------------------------- */

static zip_t *office_open(const char *data, size_t n)
{
    zip_error_t ze;
    zip_error_init(&ze);
    zip_source_t *src = zip_source_buffer_create(data, n, 0, &ze);
    zip_t *z = src ? zip_open_from_source(src, ZIP_RDONLY, &ze) : NULL;
    if (!z && src)
        zip_source_free(src);
    zip_error_fini(&ze);
    return z;
}

static int office_has(zip_t *z, const char *name)
{
    return zip_name_locate(z, name, 0) >= 0;
}

/* The part's bytes (NUL-terminated), or NULL with err: missing, too large, a zip bomb,
 * corrupt. *len gets its size. */
static char *office_part(zip_t *z, const char *path, const char *name, size_t *len,
                         pc_error *err)
{
    zip_stat_t st;
    if (zip_stat(z, name, 0, &st) != 0) {
        pc_error_set(err, "%s: not a complete document (no %s)", path, name);
        return NULL;
    }
    if (st.size > OFFICE_MAX_PART ||
        (st.size > (1u << 20) && st.comp_size * OFFICE_MAX_RATIO < st.size)) {
        pc_error_set(err, "%s: %s expands to %llu bytes from %llu (a zip bomb?); refused", path,
                     name, (unsigned long long)st.size, (unsigned long long)st.comp_size);
        return NULL;
    }
    zip_file_t *f = zip_fopen(z, name, 0);
    char *buf = f ? malloc((size_t)st.size + 1) : NULL;
    zip_int64_t got = buf ? zip_fread(f, buf, st.size) : -1;
    char extra;
    int more = f && got >= 0 && zip_fread(f, &extra, 1) > 0; /* longer than it said */
    if (f)
        zip_fclose(f);
    if (!buf || got < 0 || (zip_uint64_t)got != st.size || more) {
        free(buf);
        pc_error_set(err, "%s: %s cannot be read (the archive is damaged)", path, name);
        return NULL;
    }
    buf[got] = '\0';
    *len = (size_t)got;
    return buf;
}

pc_format pc_office_sniff(const char *data, size_t n)
{
    zip_t *z = office_open(data, n);
    pc_format f = PC_FORMAT_AUTO;
    if (!z)
        return f;
    if (office_has(z, "word/document.xml"))
        f = PC_FORMAT_DOCX;
    else if (office_has(z, "content.xml") && office_has(z, "mimetype"))
        f = PC_FORMAT_ODT;
    zip_discard(z);
    return f;
}

/* ---- XML --------------------------------------------------------------------------------- */

static xmlDocPtr office_xml(const char *path, const char *name, const char *s, size_t n,
                            pc_error *err)
{
    if (n > INT_MAX || strstr(s, "<!DOCTYPE") || strstr(s, "<!ENTITY")) {
        pc_error_set(err, "%s: %s is not what an office program writes (a DTD or entities, or "
                          "too large); refused", path, name);
        return NULL;
    }
    xmlDocPtr d = xmlReadMemory(s, (int)n, name, NULL,
                                XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
                                    XML_PARSE_HUGE | XML_PARSE_NOCDATA);
    if (!d) {
        const xmlError *xe = xmlGetLastError();
        char why[200] = "";
        if (xe && xe->message)
            snprintf(why, sizeof why, ": line %d: %s", xe->line, xe->message);
        size_t k = strlen(why);
        while (k && (why[k - 1] == '\n' || why[k - 1] == ' '))
            why[--k] = '\0';
        pc_error_set(err, "%s: %s is not well-formed XML (the document is damaged)%s", path,
                     name, why);
    }
    return d;
}

static int is_el(const xmlNode *n, const char *name)
{
    return n->type == XML_ELEMENT_NODE && strcmp((const char *)n->name, name) == 0;
}

/* An attribute by local name (w:val, text:outline-level...), or NULL. */
static const char *attr(const xmlNode *n, const char *name)
{
    for (const xmlAttr *a = n->properties; a; a = a->next)
        if (strcmp((const char *)a->name, name) == 0 && a->children && a->children->content)
            return (const char *)a->children->content;
    return NULL;
}

static const xmlNode *child(const xmlNode *n, const char *name)
{
    for (const xmlNode *c = n ? n->children : NULL; c; c = c->next)
        if (is_el(c, name))
            return c;
    return NULL;
}

/* ---- the walk ---------------------------------------------------------------------------- */

/* What the walk has open. Owns para and row. */
typedef struct office_walk {
    pc_blocks out;
    pc_buf para;          /* the paragraph's text so far */
    pc_block_kind kind;   /* its kind and level, from its properties */
    int level;
    pc_buf row;           /* the table row's cells so far */
    int row_depth;        /* inside a table row */
    int cell_used;        /* the current cell has text */
    unsigned count;       /* paragraphs seen: the "line" of a block */
    const struct office_styles *styles;
} office_walk;

/* Word styles: heading level by style id (0: not a heading), list styles. Owns ids. */
typedef struct office_styles {
    char **ids;
    int *level;
    size_t n;
} office_styles;

static void office_text(office_walk *w, const char *s)
{
    if (s && pc_buf_adds(&w->para, s) < 0)
        w->out.oom = 1;
}

static void office_end_para(office_walk *w)
{
    w->count++;
    if (w->row_depth) { /* a cell's paragraph: part of the row's line */
        if (w->para.len && w->cell_used && pc_buf_adds(&w->row, " ") < 0)
            w->out.oom = 1;
        if (w->para.len && pc_buf_add(&w->row, w->para.data, w->para.len) < 0)
            w->out.oom = 1;
        w->cell_used |= w->para.len > 0;
    } else if (w->para.len) {
        pc_blocks_add(&w->out, w->kind, w->level, w->para.data, w->para.len, w->count);
    }
    w->para.len = 0;
    w->kind = PC_BLOCK_PARA;
    w->level = 0;
}

static void office_end_cell(office_walk *w)
{
    if (w->cell_used && pc_buf_adds(&w->row, " | ") < 0)
        w->out.oom = 1;
    w->cell_used = 0;
}

static void office_end_row(office_walk *w)
{
    size_t n = w->row.len;
    while (n >= 3 && memcmp(w->row.data + n - 3, " | ", 3) == 0)
        n -= 3;
    if (n)
        pc_blocks_add(&w->out, PC_BLOCK_ROW, 1, w->row.data, n, w->count);
    w->row.len = 0;
    w->row_depth--;
}

/* ---- Word -------------------------------------------------------------------------------- */

/* "Heading 2", "heading2", "Title" -> 2, 2, 1; else 0. */
static int heading_name_level(const char *name)
{
    if (!name)
        return 0;
    if (strcasecmp(name, "title") == 0)
        return 1;
    if (strncasecmp(name, "heading", 7) != 0)
        return 0;
    const char *p = name + 7;
    while (*p == ' ')
        p++;
    int lv = atoi(p);
    return lv >= 1 && lv <= 9 ? lv : 0;
}

static int word_style_level(const office_styles *st, const char *id)
{
    for (size_t i = 0; id && st && i < st->n; i++)
        if (strcmp(st->ids[i], id) == 0)
            return st->level[i];
    return heading_name_level(id);
}

/* A paragraph's kind from its w:pPr: a heading style or outline level, or numbering. */
static void word_para_props(office_walk *w, const xmlNode *ppr)
{
    const xmlNode *style = child(ppr, "pStyle"), *num = child(ppr, "numPr");
    const xmlNode *outline = child(ppr, "outlineLvl");
    int lv = style ? word_style_level(w->styles, attr(style, "val")) : 0;
    if (!lv && outline && attr(outline, "val"))
        lv = atoi(attr(outline, "val")) + 1;
    if (lv > 0 && lv <= 9) {
        w->kind = PC_BLOCK_HEADING;
        w->level = lv;
    } else if (num) {
        const xmlNode *ilvl = child(num, "ilvl");
        w->kind = PC_BLOCK_ITEM;
        w->level = ilvl && attr(ilvl, "val") ? atoi(attr(ilvl, "val")) + 1 : 1;
    }
}

/* Enter a Word element; 1 to descend into it. */
static int word_enter(office_walk *w, const xmlNode *n)
{
    if (n->type != XML_ELEMENT_NODE)
        return 0;
    const char *name = (const char *)n->name;
    if (strcmp(name, "t") == 0) {
        xmlChar *t = xmlNodeGetContent(n);
        office_text(w, (const char *)t);
        xmlFree(t);
        return 0;
    }
    if (strcmp(name, "tab") == 0 || strcmp(name, "br") == 0 || strcmp(name, "cr") == 0) {
        office_text(w, " ");
        return 0;
    }
    if (strcmp(name, "pPr") == 0) {
        word_para_props(w, n);
        return 0;
    }
    if (strcmp(name, "tr") == 0)
        w->row_depth++;
    /* deleted text, field codes and drawings are not read */
    return strcmp(name, "delText") && strcmp(name, "instrText") && strcmp(name, "drawing") &&
           strcmp(name, "pict") && strcmp(name, "rPr");
}

static void word_leave(office_walk *w, const xmlNode *n)
{
    if (is_el(n, "p"))
        office_end_para(w);
    else if (is_el(n, "tc"))
        office_end_cell(w);
    else if (is_el(n, "tr"))
        office_end_row(w);
}

/* ---- OpenDocument ------------------------------------------------------------------------ */

static int odt_list_depth(const xmlNode *n)
{
    int d = 0;
    for (; n; n = n->parent)
        d += is_el(n, "list");
    return d;
}

static int odt_enter(office_walk *w, const xmlNode *n)
{
    if (n->type == XML_TEXT_NODE) {
        office_text(w, (const char *)n->content);
        return 0;
    }
    if (n->type != XML_ELEMENT_NODE)
        return 0;
    const char *name = (const char *)n->name;
    if (strcmp(name, "s") == 0 || strcmp(name, "tab") == 0 || strcmp(name, "line-break") == 0) {
        office_text(w, " ");
        return 0;
    }
    if (strcmp(name, "h") == 0) {
        const char *lv = attr(n, "outline-level");
        w->kind = PC_BLOCK_HEADING;
        w->level = lv && atoi(lv) >= 1 ? atoi(lv) : 1;
    } else if (strcmp(name, "p") == 0 && n->parent && is_el(n->parent, "list-item")) {
        w->kind = PC_BLOCK_ITEM;
        w->level = odt_list_depth(n);
    } else if (strcmp(name, "table-row") == 0) {
        w->row_depth++;
    }
    return strcmp(name, "note") && strcmp(name, "tracked-changes") &&
           strcmp(name, "annotation") && strcmp(name, "sequence-decls");
}

static void odt_leave(office_walk *w, const xmlNode *n)
{
    if (is_el(n, "p") || is_el(n, "h"))
        office_end_para(w);
    else if (is_el(n, "table-cell"))
        office_end_cell(w);
    else if (is_el(n, "table-row"))
        office_end_row(w);
}

/* Walk under root without recursion, calling enter (descend when it returns 1) and leave. */
static void office_walk_tree(office_walk *w, const xmlNode *root, int odt)
{
    const xmlNode *n = root;
    while (n && !w->out.oom) {
        if (odt ? odt_enter(w, n) : word_enter(w, n)) {
            if (n->children) {
                n = n->children;
                continue;
            }
            odt ? odt_leave(w, n) : word_leave(w, n);
        }
        while (n != root && !n->next) {
            n = n->parent;
            odt ? odt_leave(w, n) : word_leave(w, n);
        }
        if (n == root)
            break;
        n = n->next;
    }
}

/* ---- Word styles ------------------------------------------------------------------------- */

static void styles_free(office_styles *st)
{
    for (size_t i = 0; i < st->n; i++)
        free(st->ids[i]);
    free(st->ids);
    free(st->level);
    memset(st, 0, sizeof *st);
}

/* The heading styles of word/styles.xml (a document without it has none: ids decide). */
static void word_styles(zip_t *z, const char *path, office_styles *st)
{
    size_t len, cap = 0;
    pc_error ignored = {{0}};
    char *s = office_has(z, "word/styles.xml")
                  ? office_part(z, path, "word/styles.xml", &len, &ignored)
                  : NULL;
    xmlDocPtr d = s ? office_xml(path, "word/styles.xml", s, len, &ignored) : NULL;
    free(s);
    const xmlNode *root = d ? xmlDocGetRootElement(d) : NULL;
    for (const xmlNode *c = root ? root->children : NULL; c; c = c->next) {
        const char *id = is_el(c, "style") ? attr(c, "styleId") : NULL;
        const xmlNode *nm = child(c, "name");
        const xmlNode *ol = child(child(c, "pPr"), "outlineLvl");
        int lv = heading_name_level(nm ? attr(nm, "val") : NULL);
        if (!lv && ol && attr(ol, "val"))
            lv = atoi(attr(ol, "val")) + 1;
        if (!id || !lv || pc_grow(&st->ids, &cap, st->n + 1, sizeof *st->ids) < 0)
            continue;
        int *levels = realloc(st->level, cap * sizeof *levels);
        char *copy = pc_strdup(id);
        if (!levels || !copy) {
            free(copy);
            if (levels)
                st->level = levels;
            continue;
        }
        st->level = levels;
        st->ids[st->n] = copy;
        st->level[st->n++] = lv;
    }
    xmlFreeDoc(d);
}

/* The document's title from docProps/core.xml (dc:title) or meta.xml, or NULL. */
static char *office_title(zip_t *z, const char *path, int odt)
{
    const char *name = odt ? "meta.xml" : "docProps/core.xml";
    size_t len;
    pc_error ignored = {{0}};
    char *s = office_has(z, name) ? office_part(z, path, name, &len, &ignored) : NULL;
    xmlDocPtr d = s ? office_xml(path, name, s, len, &ignored) : NULL;
    free(s);
    /* docProps/core.xml: cp:coreProperties > dc:title; meta.xml: office:meta > dc:title */
    const xmlNode *root = d ? xmlDocGetRootElement(d) : NULL;
    const xmlNode *t = odt ? child(child(root, "meta"), "title") : child(root, "title");
    xmlChar *s_t = t ? xmlNodeGetContent(t) : NULL;
    char *title = s_t && *s_t ? pc_strdup((const char *)s_t) : NULL;
    xmlFree(s_t);
    xmlFreeDoc(d);
    return title;
}

int pc_office_read(pc_doc *doc, const char *data, size_t n, pc_error *err)
{
    int odt = doc->format == PC_FORMAT_ODT;
    const char *main_part = odt ? "content.xml" : "word/document.xml";
    zip_t *z = office_open(data, n);
    if (!z) {
        pc_error_set(err, "%s: the archive cannot be opened (damaged)", doc->path);
        return -1;
    }
    size_t len;
    char *xml = office_part(z, doc->path, main_part, &len, err);
    xmlDocPtr d = xml ? office_xml(doc->path, main_part, xml, len, err) : NULL;
    free(xml);
    office_styles st = {0};
    if (d && !odt)
        word_styles(z, doc->path, &st);
    if (d)
        doc->title = office_title(z, doc->path, odt);
    zip_discard(z);
    if (!d) {
        styles_free(&st);
        return -1;
    }
    office_walk w = {.styles = &st};
    office_walk_tree(&w, xmlDocGetRootElement(d), odt);
    xmlFreeDoc(d);
    styles_free(&st);
    pc_buf_free(&w.para);
    pc_buf_free(&w.row);
    snprintf(doc->encoding, sizeof doc->encoding, "%s", odt ? "ODT" : "DOCX");
    if (pc_blocks_take(&w.out, doc) < 0) {
        pc_error_set(err, "%s: out of memory", doc->path);
        return -1;
    }
    if (doc->len == 0) {
        pc_error_set(err, "%s: no text in the document", doc->path);
        return -1;
    }
    return 0;
}

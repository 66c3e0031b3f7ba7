/* html.c: see html.h. Parsing and the page's title here; the walk in html_walk.c, chrome in
 * html_chrome.c, the choice of the policy's blocks in html_select.c. */
#include "text/html.h"

#include "text/html_internal.h"
#include "text/normalize.h"

#include <libxml/HTMLparser.h>
#include <libxml/SAX2.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <limits.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static pthread_once_t html_once = PTHREAD_ONCE_INIT;

/* libxml2 stops reading at nesting depth 256 unless XML_PARSE_HUGE is given, losing the text
 * below. The HTML parser expands no declared entities (see blank_internal_subset) and the
 * input is bounded by the loader's size limit, so lifting the depth limit costs memory
 * proportional to the file only; the tree walk is iterative. */
#define HTML_PARSE_DEPTH_UNLIMITED XML_PARSE_HUGE
#define HTML_READ_OPTIONS                                                                   \
    (HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_COMPACT | HTML_PARSE_NOWARNING |     \
     HTML_PARSE_NONET | HTML_PARSE_IGNORE_ENC | HTML_PARSE_DEPTH_UNLIMITED)

/* Whether the passes over unread bytes below may run: they move libxml2's input between its
 * reads, which is checked against 2.9's parser (htmlParseScript, htmlParseStartTag and where
 * they call back). Another version parses everything itself. */
static int html_passes;

static void html_init_parser(void)
{
    xmlInitParser();
    html_passes = atoi(xmlParserVersion) / 100 == 209;
}

/* The offset after leading white space, XML declarations ("<?xml ...?>") and comments. */
static size_t skip_prolog(const char *s, size_t n)
{
    size_t i = 0;
    for (;;) {
        while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n'))
            i++;
        const char *close = NULL;
        if (n - i >= 2 && s[i] == '<' && s[i + 1] == '?')
            close = "?>";
        else if (n - i >= 4 && strncmp(s + i, "<!--", 4) == 0)
            close = "-->";
        if (!close)
            return i;
        size_t k = strlen(close), j = i + 2;
        while (j + k <= n && strncmp(s + j, close, k) != 0)
            j++;
        if (j + k > n)
            return i;
        i = j + k;
    }
}

/* libxml2's HTML parser does not read a DOCTYPE's internal subset ("[ <!ENTITY ...> ]") and
 * would show it as text: blank it out, keeping line breaks so line numbers hold. Entity
 * declarations are never expanded, so an entity bomb stays a few bytes of ignored markup. */
static void blank_internal_subset(char *s, size_t n)
{
    size_t i = skip_prolog(s, n);
    if (n - i < 9 || strncasecmp(s + i, "<!doctype", 9) != 0)
        return;
    while (i < n && s[i] != '[' && s[i] != '>')
        i++;
    if (i >= n || s[i] != '[')
        return;
    size_t end = i;
    while (end + 1 < n && !(s[end] == ']' && s[end + 1] == '>'))
        end++;
    for (size_t j = i; j <= end && j < n; j++)
        if (s[j] != '\n')
            s[j] = ' ';
}

static void no_text_error(const pc_doc *doc, pc_error *err)
{
    pc_error_set(err, "%s: no policy text in the page (all script or markup)", doc->path);
}

/* The reader's state during the parse, reached from the parser context's _private. Owns
 * nothing (the tree is the caller's). */
typedef struct html_sax {
    html_tree *tree;
} html_sax;

static html_tree *sax_tree(void *ctx)
{
    return ((html_sax *)((xmlParserCtxtPtr)ctx)->_private)->tree;
}

static int sax_line(void *ctx)
{
    xmlParserCtxtPtr ctxt = ctx;
    return ctxt->input ? ctxt->input->line : 0;
}

/* Where libxml2's htmlParseScript, in recovery mode, stops reading the text of a script or
 * style element that starts at s: at the first "</" followed by the element's name in any
 * case. NULL when there is none before end, or when a NUL byte comes first. */
static const xmlChar *html_raw_text_end(const xmlChar *s, const xmlChar *end, const char *name,
                                        size_t nlen)
{
    const xmlChar *p = s;
    while ((p = memchr(p, '<', (size_t)(end - p))) != NULL) {
        if ((size_t)(end - p) >= nlen + 2 && p[1] == '/' &&
            strncasecmp((const char *)p + 2, name, nlen) == 0)
            return memchr(s, '\0', (size_t)(p - s)) ? NULL : p;
        p++;
    }
    return NULL;
}

/* The text of a script or style element is never read (html_never_text), but libxml2 reads
 * it a character at a time into a CDATA node: pass over it here instead. At the start
 * element's callback the input stands at the tag's '>'; the parser would step over it, find
 * neither an end tag nor a start tag at the next byte (those cases are left to it), and read
 * the text up to html_raw_text_end. The '>' is moved to the text's last byte and the input
 * put there, its line and column what reading the text would have left (libxml2 counts a
 * column per character), so every later node gets the same line; the element is left
 * without its CDATA child. Not under <title>, whose text is read with its children's. */
static void html_skip_raw_text(xmlParserCtxtPtr ctxt, const char *name)
{
    size_t nlen = strcmp(name, "script") == 0 ? 6 : strcmp(name, "style") == 0 ? 5 : 0;
    xmlParserInputPtr in = ctxt->input;
    if (!nlen || !ctxt->recovery || !in || !in->cur || in->end - in->cur < 3 ||
        in->cur[0] != '>')
        return;
    const xmlChar *s = in->cur + 1;
    if (s[0] == '<' && (s[1] == '/' || s[1] == '_' || s[1] == ':' ||
                        ((s[1] | 0x20) >= 'a' && (s[1] | 0x20) <= 'z')))
        return;
    const xmlChar *stop = html_raw_text_end(s, in->end, name, nlen);
    if (!stop || html_tree_in(sax_tree(ctxt), "title"))
        return;
    int line = in->line, col = in->col + 1; /* after the '>' */
    const xmlChar *from = s, *nl;
    while ((nl = memchr(from, '\n', (size_t)(stop - from))) != NULL) {
        line++;
        col = 1;
        from = nl + 1;
    }
    for (; from < stop; from++)
        col += (*from & 0xC0) != 0x80;
    xmlChar *gt = (xmlChar *)stop - 1; /* the parser's own copy of the input */
    *gt = '>';
    in->cur = gt;
    in->line = line;
    in->col = col - 1; /* the parser's step over '>' adds it back */
}

/* Whether the parser reads the text of the element named so raw (htmlParseScript). */
static int html_raw_text(const xmlChar *name)
{
    return name && (strcmp((const char *)name, "script") == 0 ||
                    strcmp((const char *)name, "style") == 0);
}

/* Whether the input stands right after "<script" or "<style": an element implied (html,
 * head, body) before that tag's attributes are read calls back there, and what follows the
 * tag is raw text, never a tag. */
static int html_after_raw_name(xmlParserInputPtr in)
{
    size_t back = (size_t)(in->cur - in->base);
    return (back >= 7 && strncasecmp((const char *)in->cur - 7, "<script", 7) == 0) ||
           (back >= 6 && strncasecmp((const char *)in->cur - 6, "<style", 6) == 0);
}

/* When the next thing the parser reads, after blanks from `from`, is a start tag, take out
 * the attributes nobody reads (html_tag_compact) before libxml2 parses them a character at a
 * time (most of a tag's bytes: href, style, src, data-*...). The bytes from the input to the
 * tag (a '>' the parser has yet to step over, blanks) move right with it, unchanged, so the
 * parser reads the same text and tag, on the same lines. Called only where the parser
 * stands between two of its reads and goes on reading content at its input. */
static void html_compact_ahead(xmlParserCtxtPtr ctxt, const xmlChar *from)
{
    xmlParserInputPtr in = ctxt->input;
    const xmlChar *p = from;
    while (p < in->end && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r'))
        p++;
    if (in->end - p < 3 || p[0] != '<' || !(((p[1] | 0x20) >= 'a' && (p[1] | 0x20) <= 'z')))
        return;
    size_t moved = html_tag_compact((unsigned char *)p, in->end);
    if (!moved)
        return;
    memmove((xmlChar *)in->cur + moved, in->cur, (size_t)(p - in->cur));
    in->cur += moved;
}

/* Whether text read in element `name` (the parser's) goes to the characters callback as it
 * is: htmlCheckParagraph opens a <p> for text outside every element and in html or head,
 * and script and style text is read raw. */
static int html_plain_text_in(const xmlChar *name)
{
    return name && !html_raw_text(name) && strcmp((const char *)name, "html") != 0 &&
           strcmp((const char *)name, "head") != 0;
}

/* Whether the bytes before `at` are "<name" (after blanks and a '/' when end_tag: "</name"),
 * in any case: the tag the parser has just read is this element's, not a later one's that
 * an implied html, head, body or p is opened for. */
static int html_tag_before(xmlParserInputPtr in, const xmlChar *at, const xmlChar *name,
                           int end_tag)
{
    const xmlChar *p = at;
    while (p > in->base && (p[-1] == ' ' || p[-1] == '\t' || p[-1] == '\n' || p[-1] == '\r'))
        p--;
    size_t n = strlen((const char *)name), head = n + 1 + (end_tag ? 1 : 0);
    if ((size_t)(p - in->base) < head)
        return 0;
    p -= head;
    return p[0] == '<' && (!end_tag || p[1] == '/') &&
           strncasecmp((const char *)p + head - n, (const char *)name, n) == 0;
}

/* Read the text at the input, from `from` (at the given line and column), into the tree as
 * htmlParseCharData would hand it over (html_text_run), and move the input to where the
 * parser would stop. Returns the new input, with *line and *col there; NULL when the parser
 * is left to read it (nothing there, or not plain text). */
static const xmlChar *html_take_text(xmlParserCtxtPtr ctxt, const xmlChar *from, int *line,
                                     int *col)
{
    xmlParserInputPtr in = ctxt->input;
    html_run r;
    const xmlChar *stop = html_text_run(from, in->end, &r);
    if (!stop || stop == from)
        return NULL;
    html_tree_text(sax_tree(ctxt), HTML_N_TEXT, (const char *)from, (size_t)(stop - from),
                   *line + (int)r.first_lines);
    *col = r.lines ? 1 + (int)r.cols : *col + (int)r.cols;
    *line += (int)r.lines;
    return stop;
}

/* At an element's start tag's '>': the element's text up to its next tag, read here. The
 * '>' is moved to the text's last byte, as for script text (html_skip_raw_text). Not for
 * empty elements (the parser closes them at once) nor for an element implied before the
 * tag (an attribute-less element whose name is not the tag's). */
static int html_start_text(xmlParserCtxtPtr ctxt, const xmlChar *name, const xmlChar **atts)
{
    xmlParserInputPtr in = ctxt->input;
    const htmlElemDesc *info = htmlTagLookup(name);
    if (!html_plain_text_in(name) || (info && info->empty) ||
        (!atts && !html_tag_before(in, in->cur, name, 0)))
        return 0;
    int line = in->line, col = in->col + 1; /* after the '>' */
    const xmlChar *stop = html_take_text(ctxt, in->cur + 1, &line, &col);
    if (!stop)
        return 0;
    xmlChar *gt = (xmlChar *)stop - 1;
    *gt = '>';
    in->cur = gt;
    in->line = line;
    in->col = col - 1; /* the parser's step over '>' adds it back */
    return 1;
}

/* After an element's own end tag ("</name>", the parser then in its parent): the text up to
 * the next tag, read here. Not after the end tags of elements closed on the way. */
static void html_end_text(xmlParserCtxtPtr ctxt, const xmlChar *name)
{
    xmlParserInputPtr in = ctxt->input;
    const xmlChar *parent = ctxt->nameNr >= 2 ? ctxt->nameTab[ctxt->nameNr - 2] : NULL;
    if (!html_plain_text_in(parent) || !html_tag_before(in, in->cur - 1, name, 1))
        return;
    int line = in->line, col = in->col;
    const xmlChar *stop = html_take_text(ctxt, in->cur, &line, &col);
    if (!stop)
        return;
    in->cur = stop;
    in->line = line;
    in->col = col;
}

/* The element's name as xmlSAX2StartElement names its node (xmlSplitQName): after the first
 * ':' when one is there, neither first nor last ("o:p" is a "p"). NULL out of memory. */
static const xmlChar *html_local_name(xmlParserCtxtPtr ctxt, const xmlChar *name)
{
    const xmlChar *colon = name[0] == ':' ? NULL : xmlStrchr(name, ':');
    if (!colon || colon[1] == '\0')
        return name;
    return xmlDictLookup(ctxt->dict, colon + 1, -1);
}

/* The parser's start of an element: a node of the tree (html_tree), with what its attributes
 * say when it may be read (not inside an element that is never text). */
static void html_start_element(void *ctx, const xmlChar *qname, const xmlChar **atts)
{
    html_tree *t = sax_tree(ctx);
    const xmlChar *name = html_local_name(ctx, qname);
    if (!name) {
        t->oom = 1;
        return;
    }
    unsigned flags = HTML_DEAD;
    if (!(t->nodes[t->cur].flags & HTML_DEAD) && !html_never_text((const char *)name))
        flags = html_attr_flags(atts);
    html_tree_start(t, (const char *)name, flags, sax_line(ctx));
    if (!html_passes)
        return;
    xmlParserCtxtPtr ctxt = ctx;
    xmlParserInputPtr in = ctxt->input;
    if (html_raw_text(qname)) /* the parser's name: "x:script" is no script to it */
        html_skip_raw_text(ctxt, (const char *)qname);
    else if (in && in->cur < in->end && in->cur[0] == '>' && !html_after_raw_name(in)) {
        html_start_text(ctxt, qname, atts);
        html_compact_ahead(ctxt, in->cur + 1);
    }
}

/* After an end tag's '>' the parser reads what follows as content. */
static void html_end_element(void *ctx, const xmlChar *name)
{
    html_tree_end(sax_tree(ctx));
    xmlParserCtxtPtr ctxt = ctx;
    xmlParserInputPtr in = ctxt->input;
    if (html_passes && in && in->cur > in->base && in->cur[-1] == '>' &&
        !html_raw_text(ctxt->name)) {
        html_end_text(ctxt, name);
        html_compact_ahead(ctxt, in->cur);
    }
}

/* Text is handed over when it ends, at the '<' of what follows (or at a full buffer, the
 * input then at the text's last character, never '<'). */
static void html_characters(void *ctx, const xmlChar *ch, int len)
{
    html_tree_text(sax_tree(ctx), HTML_N_TEXT, (const char *)ch, (size_t)len, sax_line(ctx));
    xmlParserCtxtPtr ctxt = ctx;
    xmlParserInputPtr in = ctxt->input;
    if (html_passes && in && in->cur < in->end && in->cur[0] == '<' &&
        !html_raw_text(ctxt->name))
        html_compact_ahead(ctxt, in->cur);
}

static void html_cdata(void *ctx, const xmlChar *ch, int len)
{
    html_tree_text(sax_tree(ctx), HTML_N_CDATA, (const char *)ch, (size_t)len, 0);
}

static void html_comment(void *ctx, const xmlChar *value)
{
    (void)value;
    html_tree_leaf(sax_tree(ctx), HTML_N_COMMENT, sax_line(ctx));
}

static void html_pi(void *ctx, const xmlChar *target, const xmlChar *data)
{
    (void)target;
    (void)data;
    html_tree_leaf(sax_tree(ctx), HTML_N_PI, sax_line(ctx));
}

/* The SAX handler: libxml2's HTML one (the document and its DTD), with the tree's events. */
static void html_sax_init(xmlSAXHandler *sax)
{
    memcpy(sax, &htmlDefaultSAXHandler, sizeof(xmlSAXHandlerV1));
    sax->startElement = html_start_element;
    sax->endElement = html_end_element;
    sax->characters = html_characters;
    sax->cdataBlock = html_cdata;
    sax->comment = html_comment;
    sax->processingInstruction = html_pi;
}

/* What htmlReadMemory(s, n, path, "UTF-8", options) does, with the SAX events building t
 * instead of libxml2's tree. -1 when out of memory. */
static int html_read(const char *s, size_t n, const char *path, int options, html_tree *t)
{
    xmlParserCtxtPtr ctxt = xmlCreateMemoryParserCtxt(s, (int)n);
    if (!ctxt)
        return -1;
    html_sax sax = {t};
    if (ctxt->sax)
        html_sax_init(ctxt->sax);
    ctxt->_private = &sax;
    htmlCtxtUseOptions(ctxt, options);
    ctxt->html = 1;
    xmlCharEncodingHandlerPtr utf8 = xmlFindCharEncodingHandler("UTF-8");
    if (utf8 && ctxt->input) {
        xmlSwitchToEncoding(ctxt, utf8);
        xmlFree((xmlChar *)ctxt->input->encoding);
        ctxt->input->encoding = xmlStrdup((const xmlChar *)"UTF-8");
    }
    if (ctxt->input && !ctxt->input->filename)
        ctxt->input->filename = (char *)xmlStrdup((const xmlChar *)path);
    htmlParseDocument(ctxt);
    if (ctxt->dict && xmlDictReference(ctxt->dict) == 0)
        t->dict = ctxt->dict; /* the tree's names */
    else
        t->oom = 1;
    htmlDocPtr hd = ctxt->myDoc;
    ctxt->myDoc = NULL;
    if (ctxt->dictNames && hd && hd->dict == ctxt->dict)
        ctxt->dict = NULL; /* the document holds it */
    xmlFreeParserCtxt(ctxt);
    xmlFreeDoc(hd);
    return t->oom ? -1 : 0;
}

int html_tree_read(const char *s, size_t n, const char *path, html_tree *t)
{
    pthread_once(&html_once, html_init_parser);
    return html_read(s, n, path, HTML_READ_OPTIONS, t);
}

/* Parse the page into t. 0, or -1 with err set (t is then freed). */
static int html_parse(pc_doc *doc, const char *data, size_t n, html_tree *t, pc_error *err)
{
    pc_norm pre = {.flags = PC_NORM_SAME_LINES};
    if (pc_normalize(&pre, data, n) < 0 || html_tree_init(t) < 0) {
        pc_norm_free(&pre);
        pc_error_set(err, "%s: out of memory", doc->path);
        return -1;
    }
    doc->invalid_bytes += pre.invalid_bytes;
    doc->controls_removed += pre.controls_removed;
    if (pre.out.len > INT_MAX) {
        pc_norm_free(&pre);
        html_tree_free(t);
        pc_error_set(err, "%s: too large for the HTML parser", doc->path);
        return -1;
    }
    blank_internal_subset(pre.out.data, pre.out.len);
    int r = html_tree_read(pre.out.data, pre.out.len, doc->path, t);
    pc_norm_free(&pre);
    if (r < 0 && t->oom) {
        html_tree_free(t);
        pc_error_set(err, "%s: out of memory", doc->path);
        return -1;
    }
    if (r < 0 || !html_tree_root(t)) {
        html_tree_free(t);
        no_text_error(doc, err);
        return -1;
    }
    return 0;
}

/* The text of the page's <title>, blanks collapsed and normalized; NULL when none. */
static char *html_title(const html_tree *t)
{
    pc_buf s = {0};
    if (html_tree_title(t, &s) < 0 || !s.data) {
        pc_buf_free(&s);
        return NULL;
    }
    pc_norm nm = {.flags = PC_NORM_SAME_LINES};
    char *out = NULL;
    if (pc_normalize(&nm, s.data, s.len) == 0 && nm.out.data) {
        size_t k = 0;
        for (size_t i = 0; i < nm.out.len; i++) {
            char c = nm.out.data[i] == '\t' || nm.out.data[i] == '\n' ? ' ' : nm.out.data[i];
            if (c != ' ' || (k && nm.out.data[k - 1] != ' '))
                nm.out.data[k++] = c;
        }
        while (k && nm.out.data[k - 1] == ' ')
            k--;
        out = k ? pc_strndup(nm.out.data, k) : NULL;
    }
    pc_norm_free(&nm);
    pc_buf_free(&s);
    return out;
}

/* What the choice left out, said once. */
static void html_notes(pc_doc *doc, const html_choice *c)
{
    if (c->chrome_ignored && c->page_prose > 0)
        pc_doc_warn(doc, PC_WARN_WHOLE_PAGE,
                    "most of the page's text is marked as navigation, banners or pop-ups; "
                    "all of it was read");
    else if (c->page_prose > 0 && c->kept_prose * 10 < c->page_prose * 8)
        pc_doc_warn(doc, PC_WARN_CHROME,
                    "%zu%% of the page's text was left out as navigation, banners, sidebars "
                    "or other page furniture",
                    (c->page_prose - c->kept_prose) * 100 / c->page_prose);
}

static void html_take(pc_doc *doc, html_walk *w)
{
    doc->invalid_bytes += w->blk.invalid_bytes;
    doc->controls_removed += w->blk.controls_removed;
    doc->len = w->text.len;
    doc->text = pc_buf_steal(&w->text);
    doc->blocks = w->blocks;
    doc->nblocks = w->nblocks;
    doc->lines = w->lines;
    doc->nlines = w->nlines;
    w->blocks = NULL;
    w->lines = NULL;
}

int pc_html_read(pc_doc *doc, const char *data, size_t n, pc_error *err)
{
    html_tree t;
    if (html_parse(doc, data, n, &t, err) < 0)
        return -1;
    html_walk w = {0};
    html_choice choice;
    doc->title = html_title(&t);
    /* from the document: every top-level element, also those after a stray </html> */
    int r = html_walk_tree(&w, &t);
    html_tree_free(&t);
    if (r == 0 && w.nblocks)
        r = html_select(&w, &choice);
    if (r < 0 || w.text.len == 0) {
        html_walk_free(&w);
        if (r < 0)
            pc_error_set(err, "%s: out of memory", doc->path);
        else
            no_text_error(doc, err);
        return -1;
    }
    html_take(doc, &w);
    html_walk_free(&w);
    html_notes(doc, &choice);
    return 0;
}

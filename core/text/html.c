/* html.c: see html.h. The tree walk follows children/next/parent pointers (no recursion, so
 * deep nesting costs no stack) and keeps a heap stack of block kinds for nested blocks. */
#include "text/html.h"

#include "text/normalize.h"
#include "util/words.h"

#include <ctype.h>
#include <strings.h>
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <limits.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

/* One open block element. Plain value. */
typedef struct html_frame {
    pc_block_kind kind;
    int level;
} html_frame;

/* html_walk: the output under construction. Owns every buffer and array in it. */
typedef struct html_walk {
    pc_buf text;              /* the document text so far */
    pc_block *blocks;
    size_t nblocks, blocks_cap;
    pc_linemap *lines;
    size_t nlines, lines_cap;
    pc_buf raw;               /* the current block's text as the parser gave it */
    unsigned raw_line;        /* source line of its first non-blank text, 0 = none yet */
    unsigned last_line;
    pc_norm blk;              /* the current block normalized (counters accumulate here) */
    html_frame *stack;
    size_t depth, stack_cap;
    int list_depth, pre_depth, article_depth;
    int lenient;              /* keep forms and ignore class/id/role hints */
    int oom;
} html_walk;

static pthread_once_t html_once = PTHREAD_ONCE_INIT;

/* libxml2 stops reading at nesting depth 256 unless XML_PARSE_HUGE is given, losing the text
 * below. The HTML parser expands no declared entities (see blank_internal_subset) and the
 * input is bounded by the loader's size limit, so lifting the depth limit costs memory
 * proportional to the file only; the tree walk below is iterative. */
#define HTML_PARSE_DEPTH_UNLIMITED XML_PARSE_HUGE

static void html_init_parser(void)
{
    xmlInitParser();
}

static int name_in(const char *name, const char *const *list)
{
    for (; *list; list++)
        if (strcmp(name, *list) == 0)
            return 1;
    return 0;
}

static const char *const html_dropped_tags[] = {
    "script", "style", "noscript", "template", "svg", "iframe", "button", "select", "nav",
    "footer", "aside", "head", "title", "object", "embed", "canvas", "math", "textarea",
    "input", "option", "datalist", "audio", "video", "map", "dialog", "menu", NULL};

static const char *const html_block_tags[] = {
    "address", "article", "blockquote", "body", "caption", "center", "dd", "details", "div",
    "dl", "dt", "fieldset", "figcaption", "figure", "form", "header", "hgroup", "html",
    "legend", "li", "main", "ol", "p", "pre", "section", "summary", "table", "tbody", "td",
    "tfoot", "th", "thead", "tr", "ul", "h1", "h2", "h3", "h4", "h5", "h6", NULL};

static const char *node_name(const xmlNode *n)
{
    return (const char *)n->name;
}

static const char *attr_value(const xmlAttr *a)
{
    if (a->children && a->children->content)
        return (const char *)a->children->content;
    return "";
}

/* ---- chrome recognition from id, class, role, aria-label ------------------------------- */

static const char *const chrome_strong[] = {
    "cookie-banner", "cookiebanner", "cookie-notice", "cookienotice", "cookie-consent",
    "cookieconsent", "cookie-bar", "cookiebar", "cookie-popup", "cookie-modal", "cookie-law",
    "cookielaw", "cookie-message", "cookie-wall", "cookies-banner", "cookies-notice",
    "consent-banner", "consentbanner", "consent-manager", "consent-modal", "consent-popup",
    "gdpr-banner", "gdpr-consent", "gdpr-cookie", "onetrust", "cookiebot", "didomi",
    "usercentrics", "cc-window", "cc-banner", "cmp-container", "truste-consent",
    "langswitch", "lang-switch", "language-switch", "languageswitch", "language-select",
    "languageselect", "lang-select", "language-picker", "languagepicker", "language-chooser",
    "breadcrumb", "skip-link", "skiplink", "site-header", "page-header", "global-header",
    "site-footer", "global-footer", "page-footer", "masthead", NULL};

static const char *const chrome_words[] = {
    "nav", "navbar", "navigation", "navmenu", "sidenav", "topnav", "subnav", "menu",
    "menubar", "mainmenu", "megamenu", "footer", "sidebar", "toolbar", "topbar", NULL};

static const char *const cookie_words[] = {"cookie", "cookies", "gdpr", NULL};
static const char *const banner_words[] = {"banner", "notice", "bar", "popup", "modal",
                                           "dialog", "overlay", "consent", "law", "message",
                                           "alert", "wall", NULL};
static const char *const lang_words[] = {"lang", "language", "languages", "locale", NULL};
static const char *const picker_words[] = {"switch", "switcher", "selector", "select",
                                           "picker", "chooser", "menu", "dropdown", "list",
                                           "links", "nav", NULL};

/* Does the lowercased value have a word (util/words.h: "cookie-banner" is two) from list? */
static int has_word(const char *v, const char *const *list)
{
    char word[64];
    size_t pos = 0, len = strlen(v);
    pc_span w;
    while (pc_word_next(v, len, &pos, &w))
        if (w.end - w.start < sizeof word && pc_word_fold(word, sizeof word, v, w) &&
            name_in(word, list))
            return 1;
    return 0;
}

static int value_says_chrome(const char *value)
{
    char v[256];
    size_t k = 0;
    for (; value[k] && k + 1 < sizeof v; k++)
        v[k] = (char)(value[k] == '_' ? '-' : tolower((unsigned char)value[k]));
    v[k] = '\0';
    for (const char *const *s = chrome_strong; *s; s++)
        if (strstr(v, *s))
            return 1;
    if (has_word(v, chrome_words))
        return 1;
    if (has_word(v, cookie_words) && has_word(v, banner_words))
        return 1;
    return has_word(v, lang_words) && has_word(v, picker_words);
}

static int role_says_chrome(const char *role)
{
    static const char *const roles[] = {"navigation", "banner", "contentinfo", "menu",
                                        "menubar", "complementary", "search", NULL};
    return name_in(role, roles);
}

/* Hidden or named as page chrome by its attributes. html, body, main and article are never
 * dropped this way (sites put state classes such as "nav-open" on body). */
static int attrs_say_chrome(const xmlNode *n)
{
    static const char *const kept[] = {"html", "body", "main", "article", NULL};
    if (name_in(node_name(n), kept))
        return 0;
    for (const xmlAttr *a = n->properties; a; a = a->next) {
        const char *an = (const char *)a->name, *v = attr_value(a);
        if (strcmp(an, "hidden") == 0)
            return 1;
        if (strcmp(an, "aria-hidden") == 0 && strcmp(v, "true") == 0)
            return 1;
        if (strcmp(an, "role") == 0 && role_says_chrome(v))
            return 1;
        if ((strcmp(an, "id") == 0 || strcmp(an, "class") == 0 ||
             strcmp(an, "aria-label") == 0) && value_says_chrome(v))
            return 1;
    }
    return 0;
}

static int is_dropped(const html_walk *w, const xmlNode *n)
{
    const char *name = node_name(n);
    if (name_in(name, html_dropped_tags))
        return 1;
    if (strcmp(name, "header") == 0 && w->article_depth == 0)
        return 1; /* the site's header; an article's own header holds its title */
    if (w->lenient)
        return 0;
    return strcmp(name, "form") == 0 || attrs_say_chrome(n);
}

/* ---- output --------------------------------------------------------------------------- */

static html_frame html_top(const html_walk *w)
{
    html_frame f = {PC_BLOCK_PARA, 0};
    return w->depth ? w->stack[w->depth - 1] : f;
}

/* Append the current block's normalized text, blanks collapsed, as one line. */
static int html_emit(html_walk *w, const char *s, size_t n)
{
    size_t i = 0;
    while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n'))
        i++;
    if (i == n)
        return 0;
    if (w->text.len && pc_buf_addc(&w->text, '\n') < 0)
        return -1;
    size_t start = w->text.len;
    if (pc_buf_reserve(&w->text, n - i) < 0)
        return -1;
    int blank = 0;
    for (; i < n; i++) {
        char c = s[i];
        if (c == ' ' || c == '\t' || c == '\n') {
            blank = 1;
            continue;
        }
        if (blank)
            w->text.data[w->text.len++] = ' ';
        blank = 0;
        w->text.data[w->text.len++] = c;
    }
    w->text.data[w->text.len] = '\0';
    html_frame f = html_top(w);
    if (pc_grow(&w->blocks, &w->blocks_cap, w->nblocks + 1, sizeof *w->blocks) < 0 ||
        pc_grow(&w->lines, &w->lines_cap, w->nlines + 1, sizeof *w->lines) < 0)
        return -1;
    w->blocks[w->nblocks++] = (pc_block){start, w->text.len, f.kind, f.level};
    w->lines[w->nlines++] = (pc_linemap){start, w->raw_line ? w->raw_line : w->last_line};
    return 0;
}

/* End the current line (a block boundary or <br>). */
static void html_flush(html_walk *w)
{
    if (w->oom || w->raw.len == 0)
        return;
    w->blk.out.len = 0;
    if (pc_normalize(&w->blk, w->raw.data, w->raw.len) < 0 ||
        html_emit(w, w->blk.out.data, w->blk.out.len) < 0)
        w->oom = 1;
    if (w->raw_line)
        w->last_line = w->raw_line;
    w->raw.len = 0;
    w->raw_line = 0;
}

/* Line where the first non-blank byte of a text node sits. libxml2 gives a text node the
 * line where the parser's first chunk of it ended (chunks end at entities and every hundred
 * bytes), and an element the line of its start tag. Both estimates below can only be low:
 * the node's line less the line breaks after the first non-blank byte, and the line of what
 * precedes the node plus the line breaks before that byte. Take the larger. */
static unsigned text_first_line(const xmlNode *n, const char *s, size_t len)
{
    const xmlNode *before = n->prev ? n->prev : n->parent;
    long from_end = xmlGetLineNo(n), from_start = before ? xmlGetLineNo(before) : 1;
    size_t i = 0;
    for (; i < len && isspace((unsigned char)s[i]); i++)
        from_start += s[i] == '\n';
    for (; i < len; i++)
        from_end -= s[i] == '\n';
    long line = from_end > from_start ? from_end : from_start;
    return line > 0 ? (unsigned)line : 1;
}

static void html_add_text(html_walk *w, const char *s, size_t len, unsigned line)
{
    size_t i = 0;
    while (i < len && isspace((unsigned char)s[i]))
        i++;
    if (i < len && w->raw_line == 0)
        w->raw_line = line;
    if (pc_buf_add(&w->raw, s, len) < 0)
        w->oom = 1;
}

static void html_text(html_walk *w, const xmlNode *n)
{
    const char *s = (const char *)n->content;
    if (!s)
        return;
    size_t len = strlen(s);
    if (w->pre_depth == 0) {
        html_add_text(w, s, len, text_first_line(n, s, len));
        return;
    }
    /* inside <pre> every line break ends a line */
    const xmlNode *before = n->prev ? n->prev : n->parent;
    long start = before ? xmlGetLineNo(before) : 1;
    unsigned line = start > 0 ? (unsigned)start : 1;
    const char *nl;
    while ((nl = memchr(s, '\n', len)) != NULL) {
        html_add_text(w, s, (size_t)(nl - s), line++);
        html_flush(w);
        len -= (size_t)(nl - s) + 1;
        s = nl + 1;
    }
    html_add_text(w, s, len, line);
}

/* ---- the walk ------------------------------------------------------------------------- */

static void html_push(html_walk *w, pc_block_kind kind, int level)
{
    if (pc_grow(&w->stack, &w->stack_cap, w->depth + 1, sizeof *w->stack) < 0) {
        w->oom = 1;
        return;
    }
    w->stack[w->depth++] = (html_frame){kind, level};
}

static void html_enter_block(html_walk *w, const char *name)
{
    html_frame top = html_top(w);
    html_flush(w);
    if (name[0] == 'h' && name[1] >= '1' && name[1] <= '6' && name[2] == '\0') {
        html_push(w, PC_BLOCK_HEADING, name[1] - '0');
    } else if (strcmp(name, "li") == 0) {
        html_push(w, PC_BLOCK_ITEM, w->list_depth > 0 ? w->list_depth : 1);
    } else {
        /* a paragraph inside a list item or heading stays part of it */
        if (top.kind == PC_BLOCK_PARA)
            top.level = 0;
        html_push(w, top.kind, top.level);
    }
    if (strcmp(name, "ul") == 0 || strcmp(name, "ol") == 0)
        w->list_depth++;
    else if (strcmp(name, "pre") == 0)
        w->pre_depth++;
    else if (strcmp(name, "article") == 0 || strcmp(name, "main") == 0)
        w->article_depth++;
}

/* Returns 1 when the walk must descend into n (and call html_leave after its children). */
static int html_enter(html_walk *w, const xmlNode *n)
{
    if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
        html_text(w, n);
        return 0;
    }
    if (n->type != XML_ELEMENT_NODE || is_dropped(w, n))
        return 0;
    const char *name = node_name(n);
    if (strcmp(name, "br") == 0 || strcmp(name, "hr") == 0) {
        html_flush(w);
        return 0;
    }
    if (name_in(name, html_block_tags))
        html_enter_block(w, name);
    return 1;
}

static void html_leave(html_walk *w, const xmlNode *n)
{
    const char *name = node_name(n);
    if (!name_in(name, html_block_tags))
        return;
    html_flush(w);
    if (w->depth)
        w->depth--;
    if (strcmp(name, "ul") == 0 || strcmp(name, "ol") == 0)
        w->list_depth--;
    else if (strcmp(name, "pre") == 0)
        w->pre_depth--;
    else if (strcmp(name, "article") == 0 || strcmp(name, "main") == 0)
        w->article_depth--;
}

static void html_walk_tree(html_walk *w, const xmlNode *root)
{
    const xmlNode *n = root;
    while (n && !w->oom) {
        if (html_enter(w, n)) {
            if (n->children) {
                n = n->children;
                continue;
            }
            html_leave(w, n);
        }
        while (n != root && !n->next) {
            n = n->parent;
            html_leave(w, n);
        }
        if (n == root)
            break;
        n = n->next;
    }
    html_flush(w);
}

/* ---- choosing what to read -------------------------------------------------------------- */

static int is_main_element(const xmlNode *n)
{
    if (strcmp(node_name(n), "main") == 0)
        return 1;
    for (const xmlAttr *a = n->properties; a; a = a->next)
        if (strcmp((const char *)a->name, "role") == 0 && strcmp(attr_value(a), "main") == 0)
            return 1;
    return 0;
}

/* Next element in document order (children first), iteratively; NULL at the end. */
static const xmlNode *next_element(const xmlNode *n, const xmlNode *root)
{
    do {
        if (n->children) {
            n = n->children;
        } else {
            while (n != root && !n->next)
                n = n->parent;
            if (n == root)
                return NULL;
            n = n->next;
        }
    } while (n->type != XML_ELEMENT_NODE);
    return n;
}

/* The <main> (or role=main) element, else the only <article>, else NULL. */
static const xmlNode *find_main(const xmlNode *root)
{
    const xmlNode *article = NULL;
    int narticles = 0;
    for (const xmlNode *n = root; n; n = next_element(n, root)) {
        if (is_main_element(n))
            return n;
        if (strcmp(node_name(n), "article") == 0 && narticles++ == 0)
            article = n;
    }
    return narticles == 1 ? article : NULL;
}

static void html_walk_free(html_walk *w)
{
    pc_buf_free(&w->text);
    free(w->blocks);
    free(w->lines);
    pc_buf_free(&w->raw);
    pc_norm_free(&w->blk);
    free(w->stack);
    memset(w, 0, sizeof *w);
}

/* Walk from root; returns 1 when it gave text, 0 when not, -1 when memory ran out. On 0 the
 * walk is reset for another try. */
static int html_try(html_walk *w, const xmlNode *root, int lenient)
{
    html_walk_free(w);
    w->blk.flags = PC_NORM_SAME_LINES;
    w->lenient = lenient;
    w->last_line = (unsigned)(xmlGetLineNo(root) > 0 ? xmlGetLineNo(root) : 1);
    if (is_main_element(root) && strcmp(node_name(root), "main") != 0)
        w->article_depth = 1; /* role=main: its header is the content's own */
    html_walk_tree(w, root);
    if (w->oom)
        return -1;
    return w->text.len > 0;
}

/* ---- parsing -------------------------------------------------------------------------- */

/* Does the page declare a charset other than UTF-8 near its start? */
static int declares_legacy_charset(const char *data, size_t n)
{
    size_t lim = n < 4096 ? n : 4096;
    for (size_t i = 0; i + 8 < lim; i++) {
        if (strncasecmp(data + i, "charset=", 8) != 0)
            continue;
        const char *v = data + i + 8;
        size_t left = lim - i - 8;
        while (left && (*v == '"' || *v == '\'' || *v == ' ')) {
            v++;
            left--;
        }
        if (left >= 5 && strncasecmp(v, "utf-8", 5) == 0)
            return 0;
        if (left >= 4 && strncasecmp(v, "utf8", 4) == 0)
            return 0;
        return 1;
    }
    return 0;
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

static htmlDocPtr html_parse(pc_doc *doc, const char *data, size_t n, int utf8,
                             pc_error *err)
{
    int legacy = !utf8 && declares_legacy_charset(data, n);
    pc_norm pre = {.flags = PC_NORM_SAME_LINES | (legacy ? PC_NORM_RAW8 : 0)};
    if (pc_normalize(&pre, data, n) < 0) {
        pc_norm_free(&pre);
        pc_error_set(err, "%s: out of memory", doc->path);
        return NULL;
    }
    doc->invalid_bytes += pre.invalid_bytes;
    doc->controls_removed += pre.controls_removed;
    if (pre.out.len > INT_MAX) {
        pc_norm_free(&pre);
        pc_error_set(err, "%s: too large for the HTML parser", doc->path);
        return NULL;
    }
    blank_internal_subset(pre.out.data, pre.out.len);
    pthread_once(&html_once, html_init_parser);
    htmlDocPtr hd = htmlReadMemory(pre.out.data, (int)pre.out.len, doc->path,
                                   legacy ? NULL : "UTF-8",
                                   HTML_PARSE_RECOVER | HTML_PARSE_NOERROR |
                                       HTML_PARSE_NOWARNING | HTML_PARSE_NONET |
                                       HTML_PARSE_DEPTH_UNLIMITED);
    pc_norm_free(&pre);
    if (!hd || !xmlDocGetRootElement(hd)) {
        xmlFreeDoc(hd);
        pc_error_set(err, "%s: no policy text in the page (all script or markup)", doc->path);
        return NULL;
    }
    return hd;
}

/* Try main/article, then the whole page, then the whole page keeping forms and ignoring
 * class hints. Returns 1 (text found), 0 or -1. */
static int html_read_tree(html_walk *w, const xmlNode *root)
{
    const xmlNode *main_el = find_main(root);
    int r = 0;
    if (main_el)
        r = html_try(w, main_el, 0);
    if (r == 0)
        r = html_try(w, root, 0);
    if (r == 0)
        r = html_try(w, root, 1);
    return r;
}

int pc_html_read(pc_doc *doc, const char *data, size_t n, int utf8, pc_error *err)
{
    htmlDocPtr hd = html_parse(doc, data, n, utf8, err);
    if (!hd)
        return -1;
    html_walk w = {0};
    int r = html_read_tree(&w, xmlDocGetRootElement(hd));
    xmlFreeDoc(hd);
    if (r <= 0) {
        html_walk_free(&w);
        if (r < 0)
            pc_error_set(err, "%s: out of memory", doc->path);
        else
            pc_error_set(err, "%s: no policy text in the page (all script or markup)",
                         doc->path);
        return -1;
    }
    doc->invalid_bytes += w.blk.invalid_bytes;
    doc->controls_removed += w.blk.controls_removed;
    doc->len = w.text.len;
    doc->text = pc_buf_steal(&w.text);
    doc->blocks = w.blocks;
    doc->nblocks = w.nblocks;
    doc->lines = w.lines;
    doc->nlines = w.nlines;
    w.blocks = NULL;
    w.lines = NULL;
    html_walk_free(&w);
    return 0;
}

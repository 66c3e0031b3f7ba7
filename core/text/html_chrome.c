/* html_chrome.c: what an element's tag and attributes say: never text, block-level, page
 * chrome (by tag, role, or the words of its id, class and aria-label) or the main content.
 * Whether chrome is left out is decided later from its text (html_select.c). */
#include "text/html_internal.h"
#include "util/words.h"
#include "util/wordset.h"

#include <ctype.h>
#include <pthread.h>
#include <stdbool.h>
#include <string.h>

static int name_in(const char *name, const char *const *list)
{
    for (; *list; list++)
        if (name[0] == (*list)[0] && strcmp(name, *list) == 0)
            return 1;
    return 0;
}

/* Tag names (as libxml2 gives them: lower case) looked up by hash (util/wordset.h). */
static const char *const never_text_tags[] = {
    "script", "style", "noscript", "template", "svg", "iframe", "button", "select",
    "head", "title", "object", "embed", "canvas", "math", "textarea", "input", "option",
    "datalist", "audio", "video", "map"};
static const char *const block_tags[] = {
    "address", "article", "aside", "blockquote", "body", "caption", "center", "dd",
    "details", "dialog", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer",
    "form", "header", "hgroup", "html", "legend", "li", "main", "menu", "nav", "ol", "p",
    "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
    "h1", "h2", "h3", "h4", "h5", "h6"};
static const char *const chrome_tags[] = {"nav", "footer", "aside", "menu", "dialog"};
static const char *const never_chrome_tags[] = {"html", "body", "main", "article"};
static pc_wordset never_text_set = PC_WORDSET(never_text_tags, false);
static pc_wordset block_set = PC_WORDSET(block_tags, false);
static pc_wordset chrome_tag_set = PC_WORDSET(chrome_tags, false);
static pc_wordset never_chrome_set = PC_WORDSET(never_chrome_tags, false);

int html_never_text(const char *name)
{
    return pc_wordset_has(&never_text_set, name, strlen(name));
}

int html_is_block(const char *name)
{
    return pc_wordset_has(&block_set, name, strlen(name));
}

/* Substrings of an id, class or aria-label value that name chrome. */
static const char *const chrome_names[] = {
    "cookie-banner", "cookiebanner", "cookie-notice", "cookienotice", "cookie-consent",
    "cookieconsent", "cookie-bar", "cookiebar", "cookie-popup", "cookie-modal", "cookie-law",
    "cookielaw", "cookie-message", "cookie-wall", "cookies-banner", "cookies-notice",
    "consent-banner", "consentbanner", "consent-manager", "consent-modal", "consent-popup",
    "gdpr-banner", "gdpr-consent", "gdpr-cookie", "onetrust", "cookiebot", "didomi",
    "usercentrics", "cc-window", "cc-banner", "cmp-container", "truste-consent",
    "langswitch", "lang-switch", "language-switch", "languageswitch", "language-select",
    "languageselect", "lang-select", "language-picker", "languagepicker", "language-chooser",
    "breadcrumb", "skip-link", "skiplink", "site-header", "page-header", "global-header",
    "site-footer", "global-footer", "page-footer", "masthead"};

/* Every chrome name is at least this long; the index hashes this many leading bytes. */
#define CHROME_NAME_MIN 6
#define CHROME_NAME_SLOTS 256

/* chrome_names by the hash of their first CHROME_NAME_MIN bytes: the first name of a slot
 * and the next of the same slot, as index + 1 (0 ends a chain). Built once. */
static struct {
    unsigned char head[CHROME_NAME_SLOTS], next[sizeof chrome_names / sizeof chrome_names[0]];
    unsigned char len[sizeof chrome_names / sizeof chrome_names[0]];
} chrome_index;
static pthread_once_t chrome_index_once = PTHREAD_ONCE_INIT;

static unsigned chrome_hash(const char *s)
{
    unsigned h = 0;
    for (int i = 0; i < CHROME_NAME_MIN; i++)
        h = h * 31 + (unsigned char)s[i];
    return h & (CHROME_NAME_SLOTS - 1);
}

static void chrome_index_build(void)
{
    for (size_t i = sizeof chrome_names / sizeof chrome_names[0]; i-- > 0;) {
        unsigned h = chrome_hash(chrome_names[i]);
        chrome_index.len[i] = (unsigned char)strlen(chrome_names[i]);
        chrome_index.next[i] = chrome_index.head[h];
        chrome_index.head[h] = (unsigned char)(i + 1);
    }
}

/* Whether v[0..n) holds one of chrome_names: one hash lookup at each offset, the hash rolled
 * along (chrome_hash's sum taken modulo 2^32 and then 256, so dropping the byte that leaves
 * and adding the one that comes gives the same value). */
static int has_chrome_name(const char *v, size_t n)
{
    if (n < CHROME_NAME_MIN)
        return 0;
    pthread_once(&chrome_index_once, chrome_index_build);
    unsigned h = 0, top = 1; /* top: 31^(CHROME_NAME_MIN - 1), the weight of the first byte */
    for (int i = 0; i < CHROME_NAME_MIN; i++) {
        h = h * 31 + (unsigned char)v[i];
        top *= i ? 31 : 1;
    }
    for (size_t i = 0;; i++) {
        for (unsigned k = chrome_index.head[h & (CHROME_NAME_SLOTS - 1)]; k;
             k = chrome_index.next[k - 1])
            if (chrome_index.len[k - 1] <= n - i &&
                memcmp(v + i, chrome_names[k - 1], chrome_index.len[k - 1]) == 0)
                return 1;
        if (i + CHROME_NAME_MIN >= n)
            return 0;
        h = (h - (unsigned char)v[i] * top) * 31 + (unsigned char)v[i + CHROME_NAME_MIN];
    }
}

/* The words (util/words.h: "cookie-banner" is two) that name chrome alone, or together with a
 * word of the paired list: a cookie banner, a language picker. */
#define CHROME_WORDS                                                                          \
    "nav", "navbar", "navigation", "navmenu", "sidenav", "topnav", "subnav", "menu", "menubar", \
        "mainmenu", "megamenu", "footer", "sidebar", "toolbar", "topbar", "share", "social",    \
        "related", "comments", "promo", "advert", "ad", "ads"
#define COOKIE_WORDS "cookie", "cookies", "gdpr"
#define BANNER_WORDS                                                                          \
    "banner", "notice", "bar", "popup", "modal", "dialog", "overlay", "consent", "law",         \
        "message", "alert", "wall"
#define LANG_WORDS "lang", "language", "languages", "locale"
#define PICKER_WORDS                                                                          \
    "switch", "switcher", "selector", "select", "picker", "chooser", "menu", "dropdown", "list", \
        "links", "nav"
static const char *const chrome_word_list[] = {CHROME_WORDS};
static const char *const cookie_word_list[] = {COOKIE_WORDS};
static const char *const banner_word_list[] = {BANNER_WORDS};
static const char *const lang_word_list[] = {LANG_WORDS};
static const char *const picker_word_list[] = {PICKER_WORDS};
/* The five lists in one: most words of a value are in none of them, told by one lookup. */
static const char *const any_word_list[] = {CHROME_WORDS, COOKIE_WORDS, BANNER_WORDS,
                                            LANG_WORDS, PICKER_WORDS};
static pc_wordset chrome_words = PC_WORDSET(chrome_word_list, true);
static pc_wordset cookie_words = PC_WORDSET(cookie_word_list, true);
static pc_wordset banner_words = PC_WORDSET(banner_word_list, true);
static pc_wordset lang_words = PC_WORDSET(lang_word_list, true);
static pc_wordset picker_words = PC_WORDSET(picker_word_list, true);
static pc_wordset any_words = PC_WORDSET(any_word_list, true);

enum { W_CHROME = 1, W_COOKIE = 2, W_BANNER = 4, W_LANG = 8, W_PICKER = 16 };

/* Which of the word lists the words of v[0..n) come from (W_* bits). */
static unsigned word_kinds(const char *v, size_t n)
{
    pc_wordset *const sets[] = {&chrome_words, &cookie_words, &banner_words, &lang_words,
                                &picker_words};
    unsigned kinds = 0;
    size_t pos = 0;
    pc_span w;
    while (pc_word_next(v, n, &pos, &w))
        if (pc_wordset_has(&any_words, v + w.start, w.end - w.start))
            for (unsigned k = 0; k < sizeof sets / sizeof sets[0]; k++)
                if (pc_wordset_has(sets[k], v + w.start, w.end - w.start))
                    kinds |= 1u << k;
    return kinds;
}

/* Whether an id, class or aria-label value names page chrome. */
static int value_chrome(const char *value)
{
    char v[256];
    size_t k = 0;
    for (; value[k] && k + 1 < sizeof v; k++)
        v[k] = (char)(value[k] == '_' ? '-' : tolower((unsigned char)value[k]));
    v[k] = '\0';
    if (has_chrome_name(v, k))
        return 1;
    unsigned kinds = word_kinds(v, k);
    return (kinds & W_CHROME) || ((kinds & W_COOKIE) && (kinds & W_BANNER)) ||
           ((kinds & W_LANG) && (kinds & W_PICKER));
}

static unsigned role_flags(const char *role)
{
    static const char *const roles[] = {"navigation", "banner", "contentinfo", "menu",
                                        "menubar", "complementary", "search", NULL};
    if (strcmp(role, "main") == 0)
        return HTML_MAIN;
    return name_in(role, roles) ? HTML_CHROME_ROLE : 0;
}

int html_attr_read(const char *name)
{
    static const char *const names[] = {"hidden", "aria-hidden", "role", "id", "class",
                                        "aria-label", NULL};
    return name_in(name, names);
}

/* Reads only the attributes html_attr_read names; a value-less one reads as "". */
unsigned html_attr_flags(const xmlChar **atts)
{
    unsigned f = 0;
    for (size_t i = 0; atts && atts[i]; i += 2) {
        const char *an = (const char *)atts[i];
        const char *v = atts[i + 1] ? (const char *)atts[i + 1] : "";
        if (strcmp(an, "hidden") == 0 ||
            (strcmp(an, "aria-hidden") == 0 && strcmp(v, "true") == 0))
            f |= HTML_CHROME_NAMED;
        else if (strcmp(an, "role") == 0)
            f |= role_flags(v);
        else if ((strcmp(an, "id") == 0 || strcmp(an, "class") == 0 ||
                  strcmp(an, "aria-label") == 0) && value_chrome(v))
            f |= HTML_CHROME_NAMED;
    }
    return f;
}

unsigned html_elem_flags(const char *name, unsigned attr, int article_depth)
{
    size_t n = strlen(name);
    unsigned f = pc_wordset_has(&block_set, name, n) ? HTML_BLOCK : 0;
    if (strcmp(name, "main") == 0 || strcmp(name, "article") == 0)
        f |= HTML_MAIN;
    else if (pc_wordset_has(&chrome_tag_set, name, n) ||
             (strcmp(name, "header") == 0 && article_depth == 0))
        f |= HTML_CHROME_TAG; /* an article's own header holds its title */
    f |= attr;
    if (pc_wordset_has(&never_chrome_set, name, n)) /* sites put "nav-open" on body */
        f &= ~(unsigned)(HTML_CHROME_ROLE | HTML_CHROME_NAMED);
    return f;
}

/* html_chrome.c: what an element's tag and attributes say: never text, block-level, page
 * chrome (by tag, role, or the words of its id, class and aria-label) or the main content.
 * Whether chrome is left out is decided later from its text (html_select.c). */
#include "text/html_internal.h"
#include "util/words.h"

#include <ctype.h>
#include <string.h>

static int name_in(const char *name, const char *const *list)
{
    for (; *list; list++)
        if (name[0] == (*list)[0] && strcmp(name, *list) == 0)
            return 1;
    return 0;
}

int html_never_text(const char *name)
{
    static const char *const tags[] = {
        "script", "style", "noscript", "template", "svg", "iframe", "button", "select",
        "head", "title", "object", "embed", "canvas", "math", "textarea", "input", "option",
        "datalist", "audio", "video", "map", NULL};
    return name_in(name, tags);
}

int html_is_block(const char *name)
{
    static const char *const tags[] = {
        "address", "article", "aside", "blockquote", "body", "caption", "center", "dd",
        "details", "dialog", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer",
        "form", "header", "hgroup", "html", "legend", "li", "main", "menu", "nav", "ol", "p",
        "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
        "h1", "h2", "h3", "h4", "h5", "h6", NULL};
    return name_in(name, tags);
}

static const char *attr_value(const xmlAttr *a)
{
    if (a->children && a->children->content)
        return (const char *)a->children->content;
    return "";
}

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
    "site-footer", "global-footer", "page-footer", "masthead", NULL};

static const char *const chrome_words[] = {
    "nav", "navbar", "navigation", "navmenu", "sidenav", "topnav", "subnav", "menu",
    "menubar", "mainmenu", "megamenu", "footer", "sidebar", "toolbar", "topbar", "share",
    "social", "related", "comments", "promo", "advert", "ad", "ads", NULL};

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

/* Whether an id, class or aria-label value names page chrome. */
static int value_chrome(const char *value)
{
    char v[256];
    size_t k = 0;
    for (; value[k] && k + 1 < sizeof v; k++)
        v[k] = (char)(value[k] == '_' ? '-' : tolower((unsigned char)value[k]));
    v[k] = '\0';
    for (const char *const *s = chrome_names; *s; s++)
        if (strstr(v, *s))
            return 1;
    return has_word(v, chrome_words) || (has_word(v, cookie_words) && has_word(v, banner_words)) ||
           (has_word(v, lang_words) && has_word(v, picker_words));
}

static unsigned role_flags(const char *role)
{
    static const char *const roles[] = {"navigation", "banner", "contentinfo", "menu",
                                        "menubar", "complementary", "search", NULL};
    if (strcmp(role, "main") == 0)
        return HTML_MAIN;
    return name_in(role, roles) ? HTML_CHROME_ROLE : 0;
}

static unsigned attr_flags(const xmlNode *n)
{
    unsigned f = 0;
    for (const xmlAttr *a = n->properties; a; a = a->next) {
        const char *an = (const char *)a->name, *v = attr_value(a);
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

unsigned html_elem_flags(const xmlNode *n, int article_depth)
{
    static const char *const chrome_tags[] = {"nav", "footer", "aside", "menu", "dialog", NULL};
    static const char *const never_chrome[] = {"html", "body", "main", "article", NULL};
    const char *name = (const char *)n->name;
    unsigned f = html_is_block(name) ? HTML_BLOCK : 0;
    if (strcmp(name, "main") == 0 || strcmp(name, "article") == 0)
        f |= HTML_MAIN;
    else if (name_in(name, chrome_tags) ||
             (strcmp(name, "header") == 0 && article_depth == 0))
        f |= HTML_CHROME_TAG; /* an article's own header holds its title */
    f |= attr_flags(n);
    if (name_in(name, never_chrome)) /* sites put "nav-open" on body */
        f &= ~(unsigned)(HTML_CHROME_ROLE | HTML_CHROME_NAMED);
    return f;
}

/* seg_chrome.c: recognising web-page chrome around (and inside) a policy's text.
 *
 * Pages saved as text keep navigation words ("Skip to content", "Home", "Menu", "Top",
 * "Account"), language pickers ("English Deutsch Français 日本語"), cookie banners ("We use
 * cookies ... Accept all"), copyright footers and a site name glued to the title ("ACME
 * ShopPrivacy Policy"). Lines like these at the start and end of the document, short lines
 * before the document's title, and a few unmistakable ones anywhere are flagged SEG_CHROME and
 * their spans recorded, so they never become clauses or titles.
 */
#include "segment/seg_internal.h"

#include <ctype.h>
#include <string.h>

/* At the start or end of the document. */
static const char *const seg_chrome_edge[] = {
    "premium", "top", "back to top", "account", "my account", "trending now", "trending",
    "skip to content", "skip to main content", "skip to navigation", "home", "menu",
    "main menu", "log in", "login", "log out", "sign in", "sign up", "register", "search",
    "cart", "shopping cart", "bag", "close", "share", "print", "subscribe", "follow us",
    "cookie settings", "cookie preferences", "manage cookies", "accept", "accept all",
    "accept all cookies", "reject all", "decline", "got it", "ok", "allow all", "previous",
    "next", "related articles", "related posts", "advertisement", "language",
    "select language", "all rights reserved", "back", "toggle navigation", "open menu",
    "close menu", "sitemap", "wishlist", "new arrivals", "sale", "shop", "more",
};
static pc_wordset seg_chrome_edge_set = PC_WORDSET(seg_chrome_edge, true);
/* Anywhere: never policy text on a line of its own. */
static const char *const seg_chrome_any[] = {
    "top", "back to top", "skip to content", "skip to main content", "advertisement",
    "accept all", "reject all", "cookie settings", "toggle navigation",
};
static pc_wordset seg_chrome_any_set = PC_WORDSET(seg_chrome_any, true);
/* Language names as a picker shows them, and the country codes beside them. */
static const char *const seg_languages[] = {
    "english", "deutsch", "fran\303\247ais", "espa\xC3\xB1ol", "italiano",
    "portugu\xC3\xAAs", "nederlands", "svenska", "dansk", "norsk", "suomi", "polski",
    "t\303\274rk\303\247e", "\304\215e\305\241tina", "magyar", "rom\xC3\xA2n\xC4\x83",
    "bahasa", "indonesia", "melayu", "ti\xE1\xBA\xBFng", "vi\xE1\xBB\x87t",
    "\xE7\xAE\x80\xE4\xBD\x93\xE4\xB8\xAD\xE6\x96\x87", /* 简体中文 */
    "\xE7\xB9\x81\xE9\xAB\x94\xE4\xB8\xAD\xE6\x96\x87", /* 繁體中文 */
    "\xE7\xB9\x81\xE4\xBD\x93\xE4\xB8\xAD\xE6\x96\x87", /* 繁体中文 */
    "\xE4\xB8\xAD\xE6\x96\x87",                         /* 中文 */
    "\xE7\xAE\x80\xE4\xBD\x93", "\xE7\xB9\x81\xE4\xBD\x93", "\xE7\xB9\x81\xE9\xAB\x94", /* 简体 繁体 繁體 */
    "\xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E",             /* 日本語 */
    "\xED\x95\x9C\xEA\xB5\xAD\xEC\x96\xB4",             /* 한국어 */
    "\xD1\x80\xD1\x83\xD1\x81\xD1\x81\xD0\xBA\xD0\xB8\xD0\xB9", /* русский */
    "\xD0\xA0\xD1\x83\xD1\x81\xD1\x81\xD0\xBA\xD0\xB8\xD0\xB9", /* Русский */
    "\xCE\x95\xCE\xBB\xCE\xBB\xCE\xB7\xCE\xBD\xCE\xB9\xCE\xBA\xCE\xAC", /* Ελληνικά */
    "\xD8\xA7\xD9\x84\xD8\xB9\xD8\xB1\xD8\xA8\xD9\x8A\xD8\xA9", /* العربية */
    "\xE0\xB9\x84\xE0\xB8\x97\xE0\xB8\xA2",             /* ไทย */
    "\xD7\xA2\xD7\x91\xD7\xA8\xD7\x99\xD7\xAA",         /* עברית */
    "\xE0\xA4\xB9\xE0\xA4\xBF\xE0\xA4\xA8\xE0\xA5\x8D\xE0\xA4\xA6\xE0\xA5\x80", /* हिन्दी */
    "us", "uk",
};
static pc_wordset seg_language_set = PC_WORDSET(seg_languages, true);
/* With their lengths, and the set of their last letters (seg_ends_with_button). */
#define SEG_BUTTON(s) {s, sizeof(s) - 1}
static const struct {
    const char *s;
    size_t n;
} seg_buttons[] = {
    SEG_BUTTON("accept"), SEG_BUTTON("accept all"), SEG_BUTTON("accept all cookies"),
    SEG_BUTTON("accept cookies"), SEG_BUTTON("got it"), SEG_BUTTON("ok"), SEG_BUTTON("i agree"),
    SEG_BUTTON("agree"), SEG_BUTTON("allow all"), SEG_BUTTON("allow cookies"),
    SEG_BUTTON("reject all"), SEG_BUTTON("decline"), SEG_BUTTON("cookie settings"),
    SEG_BUTTON("manage preferences"), SEG_BUTTON("customize"), SEG_BUTTON("reject"),
};
#define SEG_BUTTON_LAST "eklst"
static const char *const seg_title_phrases[] = {
    "privacy policy", "privacy notice", "privacy statement", "cookie policy", "cookie notice",
    "data protection notice", "data protection policy", "privacy and cookie policy",
};

static bool seg_icontains(const char *t, size_t s, size_t e, const char *needle)
{
    size_t n = strlen(needle);
    int first = tolower((unsigned char)needle[0]);
    for (size_t i = s; i + n <= e; i++) /* the first byte tried at once: most differ */
        if (tolower((unsigned char)t[i]) == first && pc_seg_ieqn(t, i, i + n, needle, n))
            return true;
    return false;
}

/* A line made of language names ("简体中文 繁體中文 日本語 English"): seven tokens in ten are
 * names. A name takes two bytes at least ("us"), three with the separator before it, so at
 * most one in three of the bytes left (and one more) starts one: a line of prose is given up
 * on once its other tokens outnumber what those could make up. */
static bool seg_language_picker(const char *t, size_t s, size_t e, size_t min)
{
    /* pc_token_next(..., "|/,()") with its separators in a table: white space, NUL, |/,() */
    static const unsigned char sep[256] = {
        [0] = 1, [' '] = 1, ['\t'] = 1, ['\n'] = 1, ['\r'] = 1, ['\f'] = 1, ['\v'] = 1,
        ['|'] = 1, ['/'] = 1, [','] = 1, ['('] = 1, [')'] = 1};
    size_t tokens = 0, langs = 0, i = s;
    for (;;) {
        while (i < e && sep[(unsigned char)t[i]])
            i++;
        if (i >= e)
            break;
        size_t start = i;
        while (i < e && !sep[(unsigned char)t[i]])
            i++;
        tokens++;
        langs += SEG_IN(t, start, i, seg_language_set);
        if (3 * (langs + (e - i) / 3 + 1) < 7 * (tokens - langs))
            return false;
    }
    return langs >= min && langs * 10 >= tokens * 7;
}

/* Whether t[s..e) ends with a button's label ("... Accept all"). */
static bool seg_ends_with_button(const char *t, size_t s, size_t e)
{
    /* a line that ends with no button's last letter (most end with '.') is passed over */
    if (e - s < 3 || !memchr(SEG_BUTTON_LAST, tolower((unsigned char)t[e - 1]),
                             sizeof SEG_BUTTON_LAST - 1))
        return false;
    for (size_t i = 0; i < sizeof seg_buttons / sizeof seg_buttons[0]; i++) {
        size_t n = seg_buttons[i].n;
        if (e - s > n + 1 && pc_seg_ieqn(t, e - n, e, seg_buttons[i].s, n) &&
            !isalpha((unsigned char)t[e - n - 1]) && t[e - n - 1] != '"')
            return true;
    }
    return false;
}

/* "We use cookies to ... Accept all": mentions cookies and ends with a button (the end is
 * looked at first: it is a few bytes, the mention needs the whole line). */
static bool seg_cookie_banner(const char *t, size_t s, size_t e)
{
    return seg_ends_with_button(t, s, e) && seg_icontains(t, s, e, "cookie") &&
           pc_seg_count_tokens(t, s, e) <= 80;
}

static bool seg_footer_line(const char *t, size_t s, size_t e)
{
    bool copy = (e - s >= 2 && !memcmp(t + s, "\xC2\xA9", 2)) || seg_icontains(t, s, e, "copyright") ||
                seg_icontains(t, s, e, "all rights reserved");
    if (copy && pc_seg_count_tokens(t, s, e) <= 20)
        return true;
    /* a breadcrumb: Home > Legal > Privacy */
    return e - s > 6 && pc_seg_ieq(t, s, s + 4, "home") &&
           (strstr(t + s, " > ") == t + s + 4 || strstr(t + s, " / ") == t + s + 4 ||
            !memcmp(t + s + 4, " \xC2\xBB", 3) || !memcmp(t + s + 4, " \xE2\x80\xBA", 4));
}

static size_t seg_trim_start(const char *t, const seg_line *l)
{
    size_t s = l->start;
    while (s < l->end && pc_seg_is_space((unsigned char)t[s]))
        s++;
    return s;
}

static bool seg_edge_chrome(const char *t, const seg_line *l)
{
    size_t s = seg_trim_start(t, l), e = l->end;
    return SEG_IN(t, s, e, seg_chrome_edge_set) || SEG_IN(t, l->text, e, seg_chrome_edge_set) ||
           seg_language_picker(t, s, e, 2) || seg_cookie_banner(t, s, e) ||
           seg_footer_line(t, s, e);
}

static bool seg_any_chrome(const char *t, const seg_line *l)
{
    size_t s = seg_trim_start(t, l), e = l->end;
    return SEG_IN(t, s, e, seg_chrome_any_set) || seg_language_picker(t, s, e, 3) ||
           seg_cookie_banner(t, s, e);
}

static int seg_add_span(pc_span **spans, size_t *n, size_t *cap, size_t s, size_t e)
{
    if (pc_grow(spans, cap, *n + 1, sizeof **spans) < 0)
        return -1;
    (*spans)[(*n)++] = (pc_span){s, e};
    return 0;
}

static bool seg_policy_title(const char *t, const seg_line *l)
{
    if (!pc_seg_title_like(t, l->text, l->text_end) && !pc_seg_caps_like(t, l->text, l->text_end))
        return false;
    return seg_icontains(t, l->text, l->text_end, "privacy") ||
           seg_icontains(t, l->text, l->text_end, "policy") ||
           seg_icontains(t, l->text, l->text_end, "notice") ||
           seg_icontains(t, l->text, l->text_end, "statement");
}

/* Short lines before the title ("Premium", a site name) are chrome. Returns the title line. */
static size_t seg_before_title(const char *t, seg_lines *L, size_t first)
{
    size_t seen = 0;
    for (size_t i = first; i < L->n && seen < 6; i++) {
        seg_line *l = &L->v[i];
        if (l->kind == SEG_BLANK)
            continue;
        seen++;
        if (seg_policy_title(t, l)) {
            for (size_t k = first; k < i; k++)
                if (L->v[k].kind != SEG_BLANK)
                    L->v[k].kind = SEG_CHROME;
            return i;
        }
        size_t s = seg_trim_start(t, l);
        if (pc_seg_count_tokens(t, s, l->end) > 5 || pc_seg_ends_with(t, s, l->end, ".:;,") ||
            l->marker != MK_NONE)
            return first;
    }
    return first;
}

/* "ACME ShopPrivacy Policy": the site name glued to the title. Returns the title's start. */
static size_t seg_glued_banner(const char *t, const seg_line *l)
{
    for (size_t i = 0; i < sizeof seg_title_phrases / sizeof seg_title_phrases[0]; i++) {
        size_t n = strlen(seg_title_phrases[i]);
        if (l->text_end - l->text <= n)
            continue;
        size_t p = l->text_end - n;
        if (pc_seg_ieqn(t, p, l->text_end, seg_title_phrases[i], n) &&
            isalnum((unsigned char)t[p - 1]) && isupper((unsigned char)t[p]))
            return p;
    }
    return l->text;
}

int pc_seg_mark_chrome(const pc_doc *doc, seg_lines *L, pc_span **spans, size_t *nspans,
                       size_t *cap)
{
    const char *t = doc->text;
    size_t first = L->n, last = 0;
    for (size_t i = 0; i < L->n; i++) {
        if (L->v[i].kind == SEG_BLANK)
            continue;
        if (!seg_edge_chrome(t, &L->v[i])) {
            first = i;
            break;
        }
        L->v[i].kind = SEG_CHROME;
    }
    for (size_t i = L->n; i-- > first;) {
        if (L->v[i].kind == SEG_BLANK)
            continue;
        if (!seg_edge_chrome(t, &L->v[i])) {
            last = i;
            break;
        }
        L->v[i].kind = SEG_CHROME;
    }
    for (size_t i = first; i < last; i++)
        if (L->v[i].kind != SEG_BLANK && seg_any_chrome(t, &L->v[i]))
            L->v[i].kind = SEG_CHROME;
    if (first < L->n) {
        seg_line *tl = &L->v[seg_before_title(t, L, first)];
        size_t p = seg_glued_banner(t, tl);
        if (p != tl->text) {
            if (seg_add_span(spans, nspans, cap, seg_trim_start(t, tl), p) < 0)
                return -1;
            tl->text = p;
        }
    }
    for (size_t i = 0; i < L->n; i++)
        if (L->v[i].kind == SEG_CHROME &&
            seg_add_span(spans, nspans, cap, seg_trim_start(t, &L->v[i]), L->v[i].end) < 0)
            return -1;
    return 0;
}

/* test_html_tag.c: start tags without the attributes the HTML reader never reads
 * (html_tag_compact), and pages read through it: the attributes kept, the lines. */
#include "text/html_internal.h"
#include "text/load.h"
#include "testutil.h"

#include <stdio.h>
#include <string.h>

/* Compact tag (NUL-terminated) and check the tag that results and how far it moved. */
static void check_compact(const char *tag, const char *want, size_t want_moved)
{
    char buf[256];
    size_t n = strlen(tag);
    assert_true(n < sizeof buf);
    memcpy(buf, tag, n + 1);
    size_t moved = html_tag_compact((unsigned char *)buf, (unsigned char *)buf + n);
    assert_int_equal(moved, want_moved);
    assert_string_equal(buf + moved, want);
}

static void test_dropped_attributes(void **state)
{
    (void)state;
    check_compact("<div id=\"a\" style=\"x: y\" class=\"b\">", "<div id=\"a\"   class=\"b\">", 11);
    check_compact("<img alt=\"a>b\" src='c' hidden>", "<img     hidden>", 14);
    check_compact("<a href=/x/>", "<a  >", 7);
    check_compact("<br data-x=\"1\"/>", "<br  />", 9);
    check_compact("<p class=\"a\"style=\"b\"class=\"c\">", "<p class=\"a\" class=\"c\">", 8);
    check_compact("<DIV Role = main ONCLICK = go()>", "<DIV Role = main  >", 13);
}

/* A dropped attribute leaves its line breaks: the tag spans as many lines. */
static void test_line_breaks_kept(void **state)
{
    (void)state;
    check_compact("<a\nhref=\"x\ny\"\nclass=c>", "<a\n\n\nclass=c>", 9);
    check_compact("<p title\n=\n'q'>", "<p \n\n>", 9);
}

/* What does not tokenize plainly is left as it is. */
static void test_left_alone(void **state)
{
    (void)state;
    check_compact("<a href=\"no end>text", "<a href=\"no end>text", 0);
    check_compact("<a href=x", "<a href=x", 0);
    check_compact("<meta charset=\"utf-8\" content=x>", "<meta charset=\"utf-8\" content=x>", 0);
    check_compact("<p class=c id=i>", "<p class=c id=i>", 0);
    check_compact("</p>", "</p>", 0);
    /* a bogus token stays; the attribute after it is still read */
    check_compact("<p \"q\" title=t class=c>", "<p \"q\"   class=c>", 6);
}

/* Through the whole reader: a class after a quoted '>' still marks a cookie banner, and
 * blocks keep their source lines across attributes spanning lines. */
static void test_page_read_through(void **state)
{
    (void)state;
    const char *html = "<body>\n<div data-note='a > b' class=\"cookie-consent\">Cookie text</div>\n"
                       "<p style=\"color:\nred\"\nclass=x>Kept text.</p>\n"
                       "<p>Text <a href=\"/a\" target=_blank>link</a> more.</p>\n"
                       "<div onclick=\"x\"\n\n><p lang=en>Last one.</p></div></body>";
    pc_error err = {{0}};
    pc_doc *d = pc_doc_from_memory("page.html", html, strlen(html), PC_FORMAT_HTML, &err);
    if (!d)
        fail_msg("%s", err.msg);
    assert_string_equal(d->text, "Kept text.\nText link more.\nLast one.");
    assert_int_equal(pc_doc_source_line(d, d->blocks[0].start), 5);
    assert_int_equal(pc_doc_source_line(d, d->blocks[1].start), 6);
    assert_int_equal(pc_doc_source_line(d, d->blocks[2].start), 9);
    pc_doc_free(d);
}

/* html_text_run over texts of plain runs of every length, line breaks, tabs and 2-4 byte
 * characters, up to a '<' or '&' (or none, or a control byte): the stop, the lines and the
 * columns counted one character at a time here. */
static void test_text_runs(void **state)
{
    (void)state;
    static const char *const pieces[] = {"a", "Bc d", "0123456789abcdefghij", "\n", "\t",
                                         "\xC3\xA9", "\xE4\xB8\xAD", "\xF0\x9F\x98\x80"};
    static unsigned char t[3000];
    unsigned r = 7;
    for (int round = 0; round < 400; round++) {
        size_t n = 0, want_lines = 0, want_cols = 0, first = 0, limit = (size_t)(round * 7 % 2600);
        while (n < limit) {
            r = r * 1103515245u + 12345u;
            const char *pc = pieces[(r >> 16) % (sizeof pieces / sizeof pieces[0])];
            size_t k = strlen(pc);
            if (n + k > HTML_TEXT_CHUNK - 1 && n <= HTML_TEXT_CHUNK - 1)
                first = want_lines; /* the character holding the chunk's last byte */
            memcpy(t + n, pc, k);
            n += k;
            want_lines += pc[0] == '\n';
            want_cols = pc[0] == '\n' ? 0 : want_cols + (pc[0] == '0' || pc[0] == 'B' ? k : 1);
        }
        for (int k = 0; k < round % 37; k++, want_cols++) { /* plain runs of every length */
            if (n == HTML_TEXT_CHUNK - 1)
                first = want_lines;
            t[n++] = 'p';
        }
        int ending = round % 4; /* '<', '&', nothing, a control byte */
        t[n] = (unsigned char)("<&x\x01"[ending]);
        html_run run;
        const unsigned char *stop = html_text_run(t, t + n + (ending != 2), &run);
        if (ending >= 2) {
            assert_null(stop);
            continue;
        }
        assert_ptr_equal(stop, t + n);
        assert_int_equal(run.lines, want_lines);
        assert_int_equal(run.cols, want_cols);
        assert_int_equal(run.first_lines, n >= HTML_TEXT_CHUNK ? first : want_lines);
    }
}

/* The tag names each flag is given for (looked up by hash: any name left out of a table, or
 * a near miss let in, shows here). */
static void test_tag_tables(void **state)
{
    (void)state;
    static const char *const never[] = {
        "script", "style", "noscript", "template", "svg", "iframe", "button", "select", "head",
        "title", "object", "embed", "canvas", "math", "textarea", "input", "option",
        "datalist", "audio", "video", "map"};
    static const char *const blocks[] = {
        "address", "article", "aside", "blockquote", "body", "caption", "center", "dd",
        "details", "dialog", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer",
        "form", "header", "hgroup", "html", "legend", "li", "main", "menu", "nav", "ol", "p",
        "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
        "h1", "h2", "h3", "h4", "h5", "h6"};
    static const char *const neither[] = {"span", "a", "b", "", "h7", "navs", "na", "Nav",
                                          "DIV", "scripts", "mapx", "tablex", "q", "x-nav"};
    for (size_t i = 0; i < sizeof never / sizeof never[0]; i++) {
        assert_true(html_never_text(never[i]));
        assert_false(html_is_block(never[i]));
    }
    for (size_t i = 0; i < sizeof blocks / sizeof blocks[0]; i++) {
        assert_true(html_is_block(blocks[i]));
        assert_false(html_never_text(blocks[i]));
        assert_true(html_elem_flags(blocks[i], 0, 0) & HTML_BLOCK);
    }
    for (size_t i = 0; i < sizeof neither / sizeof neither[0]; i++) {
        assert_false(html_never_text(neither[i]));
        assert_false(html_is_block(neither[i]));
        assert_int_equal(html_elem_flags(neither[i], HTML_CHROME_NAMED, 0), HTML_CHROME_NAMED);
    }
    static const char *const chrome[] = {"nav", "footer", "aside", "menu", "dialog"};
    for (size_t i = 0; i < sizeof chrome / sizeof chrome[0]; i++)
        assert_true(html_elem_flags(chrome[i], 0, 0) & HTML_CHROME_TAG);
    assert_int_equal(html_elem_flags("header", 0, 1), HTML_BLOCK);
    static const char *const kept[] = {"html", "body", "main", "article"};
    for (size_t i = 0; i < sizeof kept / sizeof kept[0]; i++)
        assert_false(html_elem_flags(kept[i], HTML_CHROME_NAMED | HTML_CHROME_ROLE, 0) &
                     (HTML_CHROME_NAMED | HTML_CHROME_ROLE));
    assert_true(html_elem_flags("section", HTML_CHROME_ROLE, 0) & HTML_CHROME_ROLE);
}

static unsigned class_flags(const char *value)
{
    const xmlChar *atts[] = {(const xmlChar *)"class", (const xmlChar *)value, NULL};
    return html_attr_flags(atts);
}

/* Every word that names chrome alone or with a partner does so in a class value (the words
 * are looked up in their union first: a word missing from it would be lost), in any case. */
static void test_class_words(void **state)
{
    (void)state;
    static const char *const alone[] = {
        "nav", "navbar", "navigation", "navmenu", "sidenav", "topnav", "subnav", "menu",
        "menubar", "mainmenu", "megamenu", "footer", "sidebar", "toolbar", "topbar", "share",
        "social", "related", "comments", "promo", "advert", "ad", "ads"};
    static const char *const pairs[][2] = {
        {"cookie", "banner"}, {"cookies", "notice"}, {"gdpr", "bar"}, {"cookie", "popup"},
        {"cookie", "modal"}, {"cookie", "dialog"}, {"cookie", "overlay"}, {"cookie", "consent"},
        {"cookie", "law"}, {"cookie", "message"}, {"cookie", "alert"}, {"cookie", "wall"},
        {"lang", "switch"}, {"language", "switcher"}, {"languages", "selector"},
        {"locale", "select"}, {"lang", "picker"}, {"lang", "chooser"}, {"lang", "menu"},
        {"lang", "dropdown"}, {"lang", "list"}, {"lang", "links"}, {"lang", "nav"}};
    char v[64];
    for (size_t i = 0; i < sizeof alone / sizeof alone[0]; i++) {
        snprintf(v, sizeof v, "col-2 %s x", alone[i]);
        assert_int_equal(class_flags(v), HTML_CHROME_NAMED);
        snprintf(v, sizeof v, "col-2 %sx", alone[i]);
        assert_int_equal(class_flags(v), 0);
    }
    for (size_t i = 0; i < sizeof pairs / sizeof pairs[0]; i++) {
        snprintf(v, sizeof v, "wide %s %s", pairs[i][0], pairs[i][1]);
        for (char *c = v; *c; c++)
            *c = (char)(i % 2 ? *c - (*c >= 'a' && *c <= 'z' ? 32 : 0) : *c);
        assert_int_equal(class_flags(v), HTML_CHROME_NAMED);
        if (strcmp(pairs[i][1], "menu") && strcmp(pairs[i][1], "nav")) {
            snprintf(v, sizeof v, "wide %s", pairs[i][1]);
            assert_int_equal(class_flags(v), 0);
            snprintf(v, sizeof v, "%s wide", pairs[i][0]);
            assert_int_equal(class_flags(v), 0);
        }
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_dropped_attributes),
        cmocka_unit_test(test_line_breaks_kept),
        cmocka_unit_test(test_left_alone),
        cmocka_unit_test(test_page_read_through),
        cmocka_unit_test(test_text_runs),
        cmocka_unit_test(test_tag_tables),
        cmocka_unit_test(test_class_words),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

/* test_html_tag.c: start tags without the attributes the HTML reader never reads
 * (html_tag_compact), and pages read through it: the attributes kept, the lines. */
#include "text/html_internal.h"
#include "text/load.h"
#include "testutil.h"

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

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_dropped_attributes),
        cmocka_unit_test(test_line_breaks_kept),
        cmocka_unit_test(test_left_alone),
        cmocka_unit_test(test_page_read_through),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

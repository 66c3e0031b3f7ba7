/* test_html.c: the HTML reader: what is kept and dropped, blocks and their levels, the
 * linemap, controls, and hostile pages (deep nesting, an entity bomb, script only). */
#include "text/load.h"
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static pc_doc *html_doc(const char *html)
{
    pc_error err = {{0}};
    pc_doc *d = pc_doc_from_memory("page.html", html, strlen(html), PC_FORMAT_HTML, &err);
    if (!d)
        fail_msg("%s", err.msg);
    return d;
}

/* Block i's text equals want, with the given kind and level. */
static void check_block(const pc_doc *d, size_t i, pc_block_kind kind, int level,
                        const char *want)
{
    assert_true(i < d->nblocks);
    const pc_block *b = &d->blocks[i];
    size_t n = b->end - b->start;
    char got[512];
    snprintf(got, sizeof got, "%.*s", (int)n, d->text + b->start);
    assert_string_equal(got, want);
    assert_int_equal(b->kind, kind);
    assert_int_equal(b->level, level);
}

static double seconds_since(const struct timespec *t0)
{
    struct timespec t1;
    clock_gettime(CLOCK_MONOTONIC, &t1);
    return (double)(t1.tv_sec - t0->tv_sec) + (double)(t1.tv_nsec - t0->tv_nsec) / 1e9;
}

static void test_fixture_page_blocks(void **state)
{
    (void)state;
    pc_error err = {{0}};
    pc_doc *d = pc_doc_load(POLCMP_TEST_DATA "/load/page.html", NULL, &err);
    if (!d)
        fail_msg("%s", err.msg);
    assert_int_equal(d->format, PC_FORMAT_HTML);
    assert_string_equal(d->name, "page");
    check_block(d, 0, PC_BLOCK_HEADING, 1, "Privacy Policy");
    check_block(d, 1, PC_BLOCK_PARA, 0, "Effective date: 1 March 2024.");
    check_block(d, 2, PC_BLOCK_HEADING, 2, "1. Information we collect");
    check_block(d, 3, PC_BLOCK_PARA, 0,
                "We collect the following information when you place an order:");
    check_block(d, 4, PC_BLOCK_ITEM, 1, "Your name and delivery address;");
    check_block(d, 5, PC_BLOCK_ITEM, 1, "Payment details, handled by our payment provider:");
    check_block(d, 6, PC_BLOCK_ITEM, 2, "card number");
    check_block(d, 7, PC_BLOCK_ITEM, 2, "billing address");
    check_block(d, 8, PC_BLOCK_HEADING, 3, "1.1 Cookies");
    check_block(d, 9, PC_BLOCK_PARA, 0, "We set a session cookie.");
    check_block(d, 10, PC_BLOCK_PARA, 0, "It expires when you close the browser.");
    check_block(d, 11, PC_BLOCK_HEADING, 2, "2. Contact");
    check_block(d, 12, PC_BLOCK_PARA, 0, "Write to privacy@example.com.");
    assert_int_equal(d->nblocks, 13);
    /* one line per block */
    for (size_t i = 0; i + 1 < d->nblocks; i++)
        assert_int_equal(d->blocks[i].end + 1, d->blocks[i + 1].start);
    /* lines of the source file */
    assert_int_equal(pc_doc_source_line(d, d->blocks[3].start), 17);
    assert_int_equal(pc_doc_source_line(d, d->blocks[8].start), 25);
    assert_int_equal(pc_doc_source_line(d, d->blocks[10].start), 26);
    pc_doc_free(d);
}

static void test_chrome_dropped(void **state)
{
    (void)state;
    pc_error err = {{0}};
    pc_doc *d = pc_doc_load(POLCMP_TEST_DATA "/load/page.html", NULL, &err);
    assert_non_null(d);
    static const char *const gone[] = {"Example Co. |", "font-family", "dataLayer", "Skip to",
                                       "Shop", "Deutsch", "improve your visit", "Accept all",
                                       "Legal", "Related", "Terms of sale", "2024 Example",
                                       "Imprint"};
    for (size_t i = 0; i < sizeof gone / sizeof gone[0]; i++)
        if (strstr(d->text, gone[i]))
            fail_msg("'%s' should have been dropped", gone[i]);
    pc_doc_free(d);
}

static void test_chrome_dropped_without_main(void **state)
{
    (void)state;
    pc_doc *d = html_doc("<body><nav>Menu words</nav>\n"
                         "<div class=\"cookie-consent\">Cookie text</div>\n"
                         "<div role=\"navigation\">Role nav</div>\n"
                         "<div class=\"site-footer\">Foot</div>\n"
                         "<noscript>Enable JS</noscript><template>Tpl</template>\n"
                         "<form role=\"search\"><input value=\"x\">Search box</form>\n"
                         "<div id=\"consent\"><h2>Your consent</h2><p>You may withdraw it.</p></div>\n"
                         "<script>var secret = 1;</script></body>");
    assert_string_equal(d->text, "Your consent\nYou may withdraw it.");
    assert_int_equal(d->nblocks, 2);
    check_block(d, 0, PC_BLOCK_HEADING, 2, "Your consent");
    pc_doc_free(d);
}

/* A chrome name is found at any offset of a long id or class value, up to its very end; the
 * same words out of order or cut short name nothing. Blanks collapse to one space. */
static void test_chrome_names_anywhere_in_values(void **state)
{
    (void)state;
    pc_doc *d = html_doc("<body><div class=\"grid col-12 wide site-footer\">A</div>\n"
                         "<div id=\"x1-onetrust\">B</div>\n"
                         "<div class=\"theme-dark-v2 BreadCrumb\">C</div>\n"
                         "<div class=\"col-12 site-foot\">Kept one</div>\n"
                         "<div class=\"x-breadcrum\">Kept two</div>\n"
                         "<p>\n  Kept \t three \n\n and   four  </p></body>");
    assert_string_equal(d->text, "Kept one\nKept two\nKept three and four");
    pc_doc_free(d);
}

/* A paragraph of running text, about 150 bytes. */
#define HTML_PROSE "We collect the name, e-mail address and delivery address you give us when you " \
                   "order, and we keep them for as long as your account stays open."

static void test_main_and_article(void **state)
{
    (void)state;
    pc_doc *d = html_doc("<body><p><a href=\"/\">Home</a></p><div role=\"main\"><p>" HTML_PROSE "</p>"
                         "<p>" HTML_PROSE "</p></div></body>");
    assert_string_equal(d->text, HTML_PROSE "\n" HTML_PROSE);
    pc_doc_free(d);
    d = html_doc("<body><p><a href=\"/sale\">Sale</a></p><article><header><h1>Policy title</h1></header>"
                 "<p>" HTML_PROSE "</p><footer>Share this</footer></article></body>");
    assert_string_equal(d->text, "Policy title\n" HTML_PROSE);
    check_block(d, 0, PC_BLOCK_HEADING, 1, "Policy title");
    pc_doc_free(d);
}

/* A <main> that holds only part of the policy does not hide the rest. */
static void test_main_with_little_text_is_not_exclusive(void **state)
{
    (void)state;
    pc_doc *d = html_doc("<body><main><p>Skip to content</p></main>"
                         "<div class=\"region\"><h1>Privacy</h1><p>" HTML_PROSE "</p></div>"
                         "</body>");
    assert_non_null(strstr(d->text, HTML_PROSE));
    assert_non_null(strstr(d->text, "Privacy"));
    pc_doc_free(d);
}

/* The content block is the element holding nearly all the prose; a link list beside it and
 * a short teaser are left out, a paragraph of running text beside it is kept. */
static void test_content_block_and_its_prose_siblings(void **state)
{
    (void)state;
    pc_buf b = {0};
    pc_buf_adds(&b, "<body><div id=\"top\"><a href=\"/a\">Home</a> <a href=\"/b\">Shop</a> "
                    "<a href=\"/c\">Blog</a></div><div id=\"wrap\"><div id=\"policy\">"
                    "<h2>Privacy</h2>");
    for (int i = 0; i < 40; i++)
        pc_buf_adds(&b, "<p>" HTML_PROSE "</p>");
    pc_buf_adds(&b, "</div><p>Questions about this policy can be sent by post to our data "
                    "protection officer at the address below.</p><p>New!</p></div></body>");
    assert_non_null(b.data);
    pc_doc *d = html_doc(b.data);
    pc_buf_free(&b);
    assert_null(strstr(d->text, "Home"));
    assert_null(strstr(d->text, "New!"));
    assert_non_null(strstr(d->text, "data protection officer"));
    check_block(d, 0, PC_BLOCK_HEADING, 2, "Privacy");
    pc_doc_free(d);
}

/* Chrome by name is left out only when it reads as chrome: a policy section in a box whose
 * class says "nav-item" stays, a link list named "menu" goes. */
static void test_named_chrome_judged_by_its_text(void **state)
{
    (void)state;
    pc_doc *d = html_doc("<body><div class=\"privacy-block nav-item\"><h2>What we collect</h2>"
                         "<p>" HTML_PROSE "</p><p>" HTML_PROSE "</p></div>"
                         "<div id=\"menu-main\"><a href=\"/1\">Products</a> "
                         "<a href=\"/2\">Stores</a></div></body>");
    assert_non_null(strstr(d->text, "What we collect"));
    assert_null(strstr(d->text, "Products"));
    pc_doc_free(d);
}

/* Content the parser puts after a stray </html> (a saved page whose attribute quoting
 * broke) is read. */
static void test_content_after_stray_html_end(void **state)
{
    (void)state;
    pc_doc *d = html_doc("<html><body><div><iframe src=\"javascript:\"<html><body x=y>"
                         "</body></html>\"\"></iframe></div>"
                         "<h1>Privacy Policy</h1><p>" HTML_PROSE "</p></body></html>");
    assert_non_null(strstr(d->text, HTML_PROSE));
    pc_doc_free(d);
}

/* A page whose text all sits in a dialog is read whole, with a warning. */
static void test_all_text_in_a_dialog(void **state)
{
    (void)state;
    pc_doc *d = html_doc("<body><p>Sorry.</p><dialog open><p>" HTML_PROSE "</p>"
                         "</dialog></body>");
    assert_non_null(strstr(d->text, HTML_PROSE));
    assert_non_null(pc_doc_warning(d, PC_WARN_WHOLE_PAGE));
    pc_doc_free(d);
}

/* A page of links with no running text anywhere (a sitemap): nothing tells its policy from
 * its menus, so the menus are read too; beside running text they are left out. */
static void test_links_page_without_prose_keeps_menus(void **state)
{
    (void)state;
    static const char *const body =
        "<ul><li><a href=\"/a\">Harbour charts</a></li><li><a href=\"/b\">Tide tables</a></li>"
        "<li><a href=\"/c\">Wind atlas</a></li><li><a href=\"/d\">Swell records</a></li></ul>"
        "<footer><a href=\"/t\">Terms and privacy</a></footer>";
    char page[1024];
    snprintf(page, sizeof page, "<body><nav><a href=\"/\">Home page</a> <a href=\"/s\">Sign in"
             "</a></nav>%s</body>", body);
    pc_doc *d = html_doc(page);
    assert_non_null(strstr(d->text, "Sign in"));
    assert_non_null(strstr(d->text, "Terms and privacy"));
    assert_non_null(strstr(d->text, "Swell records"));
    pc_doc_free(d);
    snprintf(page, sizeof page, "<body><nav><a href=\"/\">Home page</a> <a href=\"/s\">Sign in"
             "</a></nav>%s<p>" HTML_PROSE "</p></body>", body);
    d = html_doc(page);
    assert_null(strstr(d->text, "Sign in"));
    assert_null(strstr(d->text, "Terms and privacy"));
    pc_doc_free(d);
}

/* A data table's row of plain cells is one line; a layout table's cells with paragraphs
 * keep their paragraphs. */
static void test_table_rows(void **state)
{
    (void)state;
    pc_doc *d = html_doc("<table><tr><th>Data</th><th>Kept for</th></tr>"
                         "<tr><td>Orders</td><td><b>6</b> years</td></tr></table>"
                         "<table><tr><td><p>First paragraph.</p><p>Second one.</p></td></tr>"
                         "</table>");
    check_block(d, 0, PC_BLOCK_ROW, 1, "Data | Kept for");
    check_block(d, 1, PC_BLOCK_ROW, 1, "Orders | 6 years");
    check_block(d, 2, PC_BLOCK_PARA, 0, "First paragraph.");
    check_block(d, 3, PC_BLOCK_PARA, 0, "Second one.");
    pc_doc_free(d);
}

/* The page's <title> is kept for the document's title. */
static void test_page_title(void **state)
{
    (void)state;
    pc_doc *d = html_doc("<html><head><title> Privacy \n Policy | Example </title></head>"
                         "<body><p>Text.</p></body></html>");
    assert_string_equal(d->title, "Privacy Policy | Example");
    pc_doc_free(d);
}

static void test_whitespace_entities_and_lines(void **state)
{
    (void)state;
    pc_doc *d = html_doc("<html>\n<body>\n<p>Line &amp;\n   three\tand <i>more</i></p>\n"
                         "<pre>code one\ncode two</pre>\n</body></html>");
    check_block(d, 0, PC_BLOCK_PARA, 0, "Line & three and more");
    check_block(d, 1, PC_BLOCK_PARA, 0, "code one");
    check_block(d, 2, PC_BLOCK_PARA, 0, "code two");
    assert_int_equal(pc_doc_source_line(d, d->blocks[0].start), 3);
    assert_int_equal(pc_doc_source_line(d, d->blocks[1].start), 5);
    assert_int_equal(pc_doc_source_line(d, d->blocks[2].start), 6);
    pc_doc_free(d);
}

/* The text of script and style elements is passed over without libxml2 reading it (html.c):
 * what follows keeps its lines, an end tag of another element inside a script does not end
 * it, and a script inside <title> still counts as the title's text. */
static void test_script_and_style_text_passed_over(void **state)
{
    (void)state;
    pc_doc *d = html_doc("<html><head><title>Terms <script>var t;</script> of Use</title>"
                         "</head>\n<body>\n<script type=\"text/javascript\">\n"
                         "  if (a < b && c </d) { x = \"<p>not text</p>\"; }\n"
                         "  // caf\xc3\xa9 </div>\n</SCRIPT>\n<p>First para.</p>\n"
                         "<style>\np { color: red; }\n\n</style><p>Second para.</p>\n"
                         "<script>\n\n</script\n>\n\n<p>Third para.</p></body></html>\n");
    assert_int_equal(d->nblocks, 3);
    check_block(d, 0, PC_BLOCK_PARA, 0, "First para.");
    check_block(d, 1, PC_BLOCK_PARA, 0, "Second para.");
    check_block(d, 2, PC_BLOCK_PARA, 0, "Third para.");
    assert_int_equal(pc_doc_source_line(d, d->blocks[0].start), 7);
    assert_int_equal(pc_doc_source_line(d, d->blocks[1].start), 11);
    assert_int_equal(pc_doc_source_line(d, d->blocks[2].start), 17);
    assert_string_equal(d->title, "Terms var t; of Use");
    pc_doc_free(d);
}

static void test_controls_in_html(void **state)
{
    (void)state;
    /* a raw CSI sequence, a bidi override as a character reference and raw, NBSP */
    pc_doc *d = html_doc("<p>red\x1b[31m text&#x202E; and\xe2\x80\xae more&#160;here</p>");
    assert_string_equal(d->text, "red text and more here");
    assert_int_equal(d->controls_removed, 3);
    pc_doc_free(d);
}

static void test_form_wrapping_everything_is_kept(void **state)
{
    (void)state;
    pc_doc *d = html_doc("<body><form id=\"aspnetForm\"><h1>Privacy</h1>"
                         "<p>We collect data.</p></form></body>");
    assert_string_equal(d->text, "Privacy\nWe collect data.");
    pc_doc_free(d);
}

static void test_legacy_charset(void **state)
{
    (void)state;
    pc_doc *d = html_doc("<html><head><meta charset=\"iso-8859-1\"></head>"
                         "<body><p>Donn\xe9" "es</p></body></html>");
    assert_string_equal(d->text, "Donn\xc3\xa9" "es");
    assert_int_equal(d->invalid_bytes, 0);
    pc_doc_free(d);
}

static void test_deep_nesting(void **state)
{
    (void)state;
    const size_t depth = 100000;
    pc_buf b = {0};
    assert_int_equal(pc_buf_adds(&b, "<html><body><p>Start text.</p>"), 0);
    for (size_t i = 0; i < depth; i++)
        assert_int_equal(pc_buf_adds(&b, "<div>"), 0);
    assert_int_equal(pc_buf_adds(&b, "deep"), 0);
    for (size_t i = 0; i < depth; i++)
        assert_int_equal(pc_buf_adds(&b, "</div>"), 0);
    assert_int_equal(pc_buf_adds(&b, "</body></html>"), 0);
    struct timespec t0;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    pc_error err = {{0}};
    pc_doc *d = pc_doc_from_memory("deep.html", b.data, b.len, PC_FORMAT_HTML, &err);
    double secs = seconds_since(&t0);
    pc_buf_free(&b);
    /* a parser that stalls on depth runs into ctest's TIMEOUT */
    print_message("100,000 nested divs: %.3f s\n", secs);
    /* libxml2 stops descending at its depth limit; what came before must be there */
    assert_non_null(d);
    assert_non_null(strstr(d->text, "Start text."));
    pc_doc_free(d);
}

static void test_entity_bomb(void **state)
{
    (void)state;
    pc_buf b = {0};
    assert_int_equal(pc_buf_adds(&b, "<!DOCTYPE html [\n<!ENTITY lol \"lol\">\n"), 0);
    for (int i = 1; i <= 9; i++) {
        assert_int_equal(pc_buf_printf(&b, "<!ENTITY lol%d \"", i), 0);
        for (int k = 0; k < 10; k++)
            assert_int_equal(i == 1 ? pc_buf_adds(&b, "&lol;")
                                    : pc_buf_printf(&b, "&lol%d;", i - 1),
                             0);
        assert_int_equal(pc_buf_adds(&b, "\">\n"), 0);
    }
    assert_int_equal(
        pc_buf_adds(&b, "]>\n<html><body><p>Real text &lol9; end.</p></body></html>"), 0);
    struct timespec t0;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    pc_error err = {{0}};
    pc_doc *d = pc_doc_from_memory("bomb.html", b.data, b.len, PC_FORMAT_HTML, &err);
    double secs = seconds_since(&t0);
    pc_buf_free(&b);
    /* an expanding parser runs into ctest's TIMEOUT (and d->len below) */
    print_message("entity bomb: %.3f s\n", secs);
    assert_non_null(d);
    assert_non_null(strstr(d->text, "Real text"));
    assert_null(strstr(d->text, "ENTITY"));
    assert_true(d->len < 1000); /* nothing expanded */
    assert_int_equal(pc_doc_source_line(d, 0), 13);
    pc_doc_free(d);
}

static void test_script_only_page_is_an_error(void **state)
{
    (void)state;
    const char *html = "<html><head><title>T</title><script>var a = 'text';</script></head>"
                       "<body><script>document.write('x')</script><style>p{}</style></body></html>";
    pc_error err = {{0}};
    pc_doc *d = pc_doc_from_memory("x.html", html, strlen(html), PC_FORMAT_HTML, &err);
    assert_null(d);
    assert_string_equal(err.msg, "x.html: no policy text in the page (all script or markup)");
}

/* Words of every length from 1 to 40 bytes between runs of blanks of every kind: each run
 * one space in the text, the words whole (long ones are copied sixteen bytes at a time). */
static void test_blanks_collapsed(void **state)
{
    (void)state;
    static const char *const gaps[] = {" ", "\t", "\n", "  \n\t ", "\n\n", " \t"};
    static char html[4096], want[2048];
    size_t h = (size_t)snprintf(html, sizeof html, "<body><p>\n "), n = 0;
    for (size_t len = 1; len <= 40; len++) {
        for (size_t k = 0; k < len; k++) {
            char c = (char)('a' + (len + k) % 26);
            html[h++] = c;
            want[n++] = c;
        }
        want[n++] = ' ';
        h += (size_t)snprintf(html + h, sizeof html - h, "%s", gaps[len % 6]);
    }
    want[n - 1] = '\0';
    snprintf(html + h, sizeof html - h, "</p></body>");
    pc_doc *d = html_doc(html);
    assert_string_equal(d->text, want);
    pc_doc_free(d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_fixture_page_blocks),
        cmocka_unit_test(test_chrome_dropped),
        cmocka_unit_test(test_chrome_dropped_without_main),
        cmocka_unit_test(test_chrome_names_anywhere_in_values),
        cmocka_unit_test(test_main_and_article),
        cmocka_unit_test(test_main_with_little_text_is_not_exclusive),
        cmocka_unit_test(test_content_block_and_its_prose_siblings),
        cmocka_unit_test(test_named_chrome_judged_by_its_text),
        cmocka_unit_test(test_content_after_stray_html_end),
        cmocka_unit_test(test_all_text_in_a_dialog),
        cmocka_unit_test(test_links_page_without_prose_keeps_menus),
        cmocka_unit_test(test_table_rows),
        cmocka_unit_test(test_page_title),
        cmocka_unit_test(test_whitespace_entities_and_lines),
        cmocka_unit_test(test_script_and_style_text_passed_over),
        cmocka_unit_test(test_controls_in_html),
        cmocka_unit_test(test_form_wrapping_everything_is_kept),
        cmocka_unit_test(test_legacy_charset),
        cmocka_unit_test(test_deep_nesting),
        cmocka_unit_test(test_entity_bomb),
        cmocka_unit_test(test_blanks_collapsed),
        cmocka_unit_test(test_script_only_page_is_an_error),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

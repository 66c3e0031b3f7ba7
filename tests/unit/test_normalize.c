/* test_normalize.c: the normalizer's rules (normalize.h), one kind of input per test, and the
 * Markdown stripper. */
#include "text/normalize.h"
#include "testutil.h"

#include <stdlib.h>
#include <string.h>

/* Normalize s[0..n) with a linemap; the caller frees with pc_norm_free. */
static pc_norm norm_of(const char *s, size_t n)
{
    pc_norm nm = {.flags = PC_NORM_LINEMAP};
    assert_int_equal(pc_normalize(&nm, s, n), 0);
    return nm;
}

#define NORM(lit) norm_of(lit, sizeof(lit) - 1)

static void test_crlf_and_cr(void **state)
{
    (void)state;
    pc_norm nm = NORM("a\r\nb\rc\nd");
    assert_string_equal(nm.out.data, "a\nb\nc\nd");
    assert_int_equal(nm.nlines, 4);
    assert_int_equal(pc_linemap_find(nm.lines, nm.nlines, 2), 2); /* "b" */
    assert_int_equal(pc_linemap_find(nm.lines, nm.nlines, 6), 4); /* "d" */
    assert_int_equal(nm.controls_removed, 0);
    pc_norm_free(&nm);
}

static void test_invalid_bytes_counted(void **state)
{
    (void)state;
    /* a stray continuation byte, 0xFF, an overlong "/" and a truncated 3-byte sequence */
    pc_norm nm = NORM("a\x80" "b\xff" "c\xc0\xaf" "d\xe2\x82");
    assert_string_equal(nm.out.data, "a\xEF\xBF\xBD" "b\xEF\xBF\xBD" "c\xEF\xBF\xBD\xEF\xBF\xBD"
                                     "d\xEF\xBF\xBD\xEF\xBF\xBD");
    assert_int_equal(nm.invalid_bytes, 6);
    pc_norm_free(&nm);
}

static void test_c0_del_c1_removed(void **state)
{
    (void)state;
    pc_norm nm = NORM("a\x01" "b\x7f" "c\x00" "d\x08" "e\xc2\x85" "f\xc2\x84" "g");
    assert_string_equal(nm.out.data, "abcdefg");
    assert_int_equal(nm.out.len, 7);
    assert_int_equal(nm.controls_removed, 6);
    pc_norm_free(&nm);
}

static void test_esc_sequences_removed_whole(void **state)
{
    (void)state;
    static const struct {
        const char *in, *out;
    } cases[] = {
        {"x\x1b[1;31mY", "xY"},                      /* CSI */
        {"x\x1b[?25lY", "xY"},                       /* CSI with private parameter */
        {"x\x1b]0;evil title\x07Y", "xY"},           /* OSC ended by BEL */
        {"x\x1b]8;;http://e.example\x1b\\Y", "xY"}, /* OSC ended by ESC \ */
        {"x\x1bPq#0;2;0;0;0\x1b\\Y", "xY"},          /* DCS */
        {"x\x1b" "cY", "xY"},                        /* two-byte ESC c (reset) */
        {"x\x1b(BY", "xY"},                          /* ESC with an intermediate byte */
        {"x\xc2\x9b" "2JY", "xY"},                   /* 8-bit CSI as UTF-8 */
        {"x\xc2\x9d" "0;t\x07Y", "xY"},              /* 8-bit OSC as UTF-8 */
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        pc_norm nm = norm_of(cases[i].in, strlen(cases[i].in));
        assert_string_equal(nm.out.data, cases[i].out);
        assert_int_equal(nm.controls_removed, 1);
        pc_norm_free(&nm);
    }
}

static void test_unterminated_osc_stops_at_line_end(void **state)
{
    (void)state;
    pc_norm nm = NORM("a\x1b]0;no end\nkept line\n");
    assert_string_equal(nm.out.data, "a\nkept line\n");
    assert_int_equal(nm.controls_removed, 1);
    pc_norm_free(&nm);
}

static void test_bidi_removed(void **state)
{
    (void)state;
    /* U+202A..U+202E and U+2066..U+2069, each between two letters */
    pc_norm nm = NORM("a\xe2\x80\xaa" "b\xe2\x80\xab" "c\xe2\x80\xac" "d\xe2\x80\xad"
                      "e\xe2\x80\xae" "f\xe2\x81\xa6" "g\xe2\x81\xa7" "h\xe2\x81\xa8"
                      "i\xe2\x81\xa9" "j");
    assert_string_equal(nm.out.data, "abcdefghij");
    assert_int_equal(nm.controls_removed, 9);
    pc_norm_free(&nm);
}

static void test_unicode_spaces(void **state)
{
    (void)state;
    /* NBSP, EM SPACE, NNBSP, MMSP, IDEOGRAPHIC SPACE -> " "; ZWSP and soft hyphen removed */
    pc_norm nm = NORM("a\xc2\xa0" "b\xe2\x80\x83" "c\xe2\x80\xaf" "d\xe2\x81\x9f"
                      "e\xe3\x80\x80" "f\xe2\x80\x8b" "g\xc2\xad" "h");
    assert_string_equal(nm.out.data, "a b c d e fgh");
    assert_int_equal(nm.controls_removed, 0);
    pc_norm_free(&nm);
}

static void test_cjk_kept_byte_exact(void **state)
{
    (void)state;
    const char *cjk = "隐私政策：我们收集您的姓名。個人情報保護方針。개인정보 처리방침";
    pc_norm nm = norm_of(cjk, strlen(cjk));
    assert_int_equal(nm.out.len, strlen(cjk));
    assert_memory_equal(nm.out.data, cjk, strlen(cjk));
    pc_norm_free(&nm);
}

static void test_tabs_kept_trailing_blanks_dropped(void **state)
{
    (void)state;
    pc_norm nm = NORM("a\tb \t \nc  ");
    assert_string_equal(nm.out.data, "a\tb\nc");
    pc_norm_free(&nm);
}

static void test_form_feed_breaks_line(void **state)
{
    (void)state;
    pc_norm nm = NORM("page one\fpage two\nnext");
    assert_string_equal(nm.out.data, "page one\npage two\nnext");
    assert_int_equal(nm.controls_removed, 1);
    /* "next" is on source line 2: the form feed is not a source line break */
    assert_int_equal(pc_linemap_find(nm.lines, nm.nlines, strlen("page one\npage two\n")), 2);
    pc_norm_free(&nm);
}

static void test_linemap_line_three(void **state)
{
    (void)state;
    const char *s = "first\nsecond\nthird line\nfourth";
    pc_norm nm = norm_of(s, strlen(s));
    size_t at = (size_t)(strstr(nm.out.data, "line") - nm.out.data);
    assert_int_equal(pc_linemap_find(nm.lines, nm.nlines, at), 3);
    assert_int_equal(pc_linemap_find(nm.lines, nm.nlines, 0), 1);
    assert_int_equal(pc_linemap_find(nm.lines, nm.nlines, nm.out.len - 1), 4);
    pc_norm_free(&nm);
}

/* Markdown: normalize then strip; compare the text. */
static void check_md(const char *in, const char *want)
{
    pc_norm nm = norm_of(in, strlen(in));
    pc_markdown_strip(&nm);
    assert_string_equal(nm.out.data, want);
    pc_norm_free(&nm);
}

static void test_markdown_emphasis(void **state)
{
    (void)state;
    check_md("We **collect** __your__ *name* and _email_.", "We collect your name and email.");
    check_md("***Both*** here", "Both here");
    check_md("* a bullet\n- another", "* a bullet\n- another");
    check_md("2*3*4 and snake_case_word stay", "2*3*4 and snake_case_word stay");
    check_md("Terms* apply", "Terms* apply");
    check_md("Use `code` here", "Use code here");
    check_md("\\*literal\\* star", "*literal* star");
}

static void test_markdown_links_and_placeholders(void **state)
{
    (void)state;
    check_md("See [our site](https://x.example/a_(b) \"T\") now.", "See our site now.");
    check_md("![logo](img.png) [Company Name] and [Address]",
             "logo [Company Name] and [Address]");
    check_md("Ref [text][1] here\n[1]: https://r.example\nend", "Ref text here\n\nend");
    check_md("Mail <privacy@acme.example> or <https://acme.example>.",
             "Mail privacy@acme.example or https://acme.example.");
    check_md("[Effective Date]: January 1", "[Effective Date]: January 1");
}

static void test_markdown_html_and_fences(void **state)
{
    (void)state;
    check_md("a <!-- one --> b <span class=\"x\">c</span> d<br/>", "a  b c d");
    check_md("x <!-- multi\nline\ncomment --> y", "x\n\n y");
    check_md("```\nkeep *this* as is\n```\nafter", "\nkeep *this* as is\n\nafter");
    check_md("1 < 2 and a<b> x", "1 < 2 and a x");
}

static void test_markdown_keeps_linemap(void **state)
{
    (void)state;
    const char *in = "# Head\n**bold** line\n[link](http://u.example) third";
    pc_norm nm = norm_of(in, strlen(in));
    pc_markdown_strip(&nm);
    assert_string_equal(nm.out.data, "# Head\nbold line\nlink third");
    size_t at = (size_t)(strstr(nm.out.data, "third") - nm.out.data);
    assert_int_equal(pc_linemap_find(nm.lines, nm.nlines, at), 3);
    at = (size_t)(strstr(nm.out.data, "bold") - nm.out.data);
    assert_int_equal(pc_linemap_find(nm.lines, nm.nlines, at), 2);
    pc_norm_free(&nm);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_crlf_and_cr),
        cmocka_unit_test(test_invalid_bytes_counted),
        cmocka_unit_test(test_c0_del_c1_removed),
        cmocka_unit_test(test_esc_sequences_removed_whole),
        cmocka_unit_test(test_unterminated_osc_stops_at_line_end),
        cmocka_unit_test(test_bidi_removed),
        cmocka_unit_test(test_unicode_spaces),
        cmocka_unit_test(test_cjk_kept_byte_exact),
        cmocka_unit_test(test_tabs_kept_trailing_blanks_dropped),
        cmocka_unit_test(test_form_feed_breaks_line),
        cmocka_unit_test(test_linemap_line_three),
        cmocka_unit_test(test_markdown_emphasis),
        cmocka_unit_test(test_markdown_links_and_placeholders),
        cmocka_unit_test(test_markdown_html_and_fences),
        cmocka_unit_test(test_markdown_keeps_linemap),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

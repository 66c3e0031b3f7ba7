/* test_encoding.c: deciding a file's encoding (encoding.h) and what the loader reports. */
#include "text/encoding.h"
#include "text/load.h"
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static pc_doc *mem_doc(const char *name, const char *data, pc_format f, const char *enc)
{
    pc_error err = {{0}};
    pc_load_opts o = {.format = f, .encoding = enc};
    pc_doc *d = pc_doc_from_memory_opts(name, data, strlen(data), &o, &err);
    if (!d)
        fail_msg("%s", err.msg);
    return d;
}

/* A Windows-1252 policy shows its curly quotes and dashes; no U+FFFD; one warning says so. */
static void test_windows_1252_text(void **state)
{
    (void)state;
    pc_doc *d = mem_doc("old.txt",
                        "If you select \x93Remember Me\x94 we keep a cookie \x96 for a year.\n"
                        "We don\x92t sell your data.\n",
                        PC_FORMAT_AUTO, NULL);
    assert_non_null(strstr(d->text, "select \xe2\x80\x9cRemember Me\xe2\x80\x9d"));
    assert_non_null(strstr(d->text, "cookie \xe2\x80\x93 for"));
    assert_non_null(strstr(d->text, "don\xe2\x80\x99t"));
    assert_null(strstr(d->text, "\xef\xbf\xbd"));
    assert_int_equal(d->invalid_bytes, 0);
    assert_string_equal(d->encoding, "windows-1252");
    const pc_warning *w = pc_doc_warning(d, PC_WARN_ENCODING);
    assert_non_null(w);
    assert_non_null(strstr(w->msg, "read as windows-1252"));
    assert_int_equal(d->nwarnings, 1);
    pc_doc_free(d);
}

/* Valid UTF-8 is never re-decoded, and says nothing. */
static void test_utf8_never_redecoded(void **state)
{
    (void)state;
    const char *s = "Caf\xc3\xa9 \xe2\x80\x9cquoted\xe2\x80\x9d \xe6\x97\xa5\xe6\x9c\xac.";
    pc_doc *d = mem_doc("u.txt", s, PC_FORMAT_TEXT, NULL);
    assert_string_equal(d->text, s);
    assert_string_equal(d->encoding, "UTF-8");
    assert_int_equal(d->nwarnings, 0);
    pc_doc_free(d);
    /* a page declaring Latin-1 whose bytes are UTF-8 (a browser re-encoded it on saving) */
    d = mem_doc("p.html", "<meta charset=\"iso-8859-1\"><p>Caf\xc3\xa9.</p>", PC_FORMAT_HTML,
                NULL);
    assert_string_equal(d->text, "Caf\xc3\xa9.");
    pc_doc_free(d);
}

/* A page's declaration decides for bytes that are not UTF-8, and is not a guess. */
static void test_declared_charset(void **state)
{
    (void)state;
    pc_doc *d = mem_doc("p.html",
                        "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; "
                        "charset=ISO-8859-15\"></head><body><p>Prix: 5 \xa4.</p></body></html>",
                        PC_FORMAT_HTML, NULL);
    assert_string_equal(d->text, "Prix: 5 \xe2\x82\xac."); /* 0xA4 is the euro in Latin-9 */
    assert_string_equal(d->encoding, "ISO-8859-15");
    assert_null(pc_doc_warning(d, PC_WARN_ENCODING));
    pc_doc_free(d);
    char name[PC_ENC_NAME_MAX];
    const char *xml = "<?xml version=\"1.0\" encoding=\"windows-1251\"?><html/>";
    pc_html_declared_charset(xml, strlen(xml), name, sizeof name);
    assert_string_equal(name, "windows-1251");
    pc_html_declared_charset("<p>no</p>", 9, name, sizeof name);
    assert_string_equal(name, "");
}

/* --encoding forces an encoding, even over valid UTF-8. */
static void test_forced_encoding(void **state)
{
    (void)state;
    pc_doc *d = mem_doc("f.txt", "Caf\xc3\xa9.", PC_FORMAT_TEXT, "windows-1252");
    assert_string_equal(d->text, "Caf\xc3\x83\xc2\xa9.");
    assert_null(pc_doc_warning(d, PC_WARN_ENCODING));
    pc_doc_free(d);
    pc_error err = {{0}};
    assert_int_equal(pc_encoding_check("no-such-encoding", &err), -1);
    assert_string_equal(err.msg, "unknown encoding 'no-such-encoding'");
    assert_int_equal(pc_encoding_check("latin1", &err), 0);
    assert_int_equal(pc_encoding_check("UTF-8", &err), 0);
}

/* Detection: a Cyrillic text in windows-1251 is not read as Latin. */
static void test_detected_cyrillic(void **state)
{
    (void)state;
    /* "Политика конфиденциальности. Мы собираем ваши данные только с согласия." */
    const char *cp1251 = "\xcf\xee\xeb\xe8\xf2\xe8\xea\xe0 \xea\xee\xed\xf4\xe8\xe4\xe5\xed"
                         "\xf6\xe8\xe0\xeb\xfc\xed\xee\xf1\xf2\xe8. \xcc\xfb \xf1\xee\xe1\xe8"
                         "\xf0\xe0\xe5\xec \xe2\xe0\xf8\xe8 \xe4\xe0\xed\xed\xfb\xe5 \xf2\xee"
                         "\xeb\xfc\xea\xee \xf1 \xf1\xee\xe3\xeb\xe0\xf1\xe8\xff.\n";
    pc_doc *d = mem_doc("ru.txt", cp1251, PC_FORMAT_TEXT, NULL);
    assert_non_null(strstr(d->text, "\xd0\x9f\xd0\xbe\xd0\xbb\xd0\xb8\xd1\x82")); /* Полит */
    assert_non_null(pc_doc_warning(d, PC_WARN_ENCODING));
    pc_doc_free(d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_windows_1252_text),
        cmocka_unit_test(test_utf8_never_redecoded),
        cmocka_unit_test(test_declared_charset),
        cmocka_unit_test(test_forced_encoding),
        cmocka_unit_test(test_detected_cyrillic),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

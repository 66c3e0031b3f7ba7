/* test_export.c: the table formats and their defences (formula injection, escaping, width
 * padding). Choosing a format and writing files atomically is test_session.c (the writers);
 * full read-back through real readers (Python's csv and zipfile) is in the compare acceptance
 * tests. */
#include "testutil.h"

#include "present/export.h"

#include <libxml/HTMLparser.h>
#include <libxml/xpath.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static pc_report *make_report(void)
{
    pc_report *r = pc_report_new("Comparison <test>");
    pc_table *t = pc_report_add_table(r, "Matrix", 3);
    assert_non_null(t);
    assert_int_equal(pc_table_add_row(t), 0);
    pc_table_set(t, 0, 0, "Category", PC_MARK_HEADER);
    pc_table_set(t, 0, 1, "alpha", PC_MARK_HEADER);
    pc_table_set(t, 0, 2, "\xE6\x97\xA5\xE6\x9C\xAC", PC_MARK_HEADER); /* two CJK: width 4 */
    assert_int_equal(pc_table_add_row(t), 1);
    pc_table_set(t, 1, 0, "Retention", PC_MARK_NONE);
    pc_table_set(t, 1, 1, "=HYPERLINK(\"http://x\",\"y\")", PC_MARK_COVERED);
    pc_table_set(t, 1, 2, "gap", PC_MARK_GAP);
    assert_int_equal(pc_table_add_row(t), 2);
    pc_table_set(t, 2, 0, "a|b", PC_MARK_NONE);
    pc_table_set(t, 2, 1, "say \"hi\", then\nleave", PC_MARK_NONE);
    pc_table_set(t, 2, 2, "<script>alert(1)</script>", PC_MARK_CONTRADICTION);
    return r;
}

static char *export_to_string(const pc_report *r, pc_export_format fmt)
{
    char *out = NULL;
    size_t n = 0;
    FILE *f = open_memstream(&out, &n);
    assert_non_null(f);
    pc_error err = {{0}};
    assert_int_equal(pc_export_stream(r, fmt, f, &err), 0);
    fclose(f);
    return out;
}

static void test_safe_cell(void **state)
{
    (void)state;
    static const char *const in[] = {"=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx", "ok", "",
                                     "-", "--"};
    static const char *const want[] = {"'=1+1", "'+1", "'-1", "'@SUM(A1)", "'\tx", "'\rx", "ok",
                                       "", "-", "'--"};
    for (size_t i = 0; i < sizeof in / sizeof in[0]; i++) {
        pc_buf b = {0};
        assert_int_equal(pc_export_safe_cell(&b, in[i]), 0);
        assert_string_equal(b.data, want[i]);
        pc_buf_free(&b);
    }
}

static void test_csv_quoting_and_injection(void **state)
{
    (void)state;
    pc_report *r = make_report();
    char *csv = export_to_string(r, PC_EXPORT_CSV);
    assert_memory_equal(csv, "\xEF\xBB\xBF" "Category,", 12); /* UTF-8 BOM, then the header */
    /* Row 2 by hand from RFC 4180: the injected formula gets an apostrophe and, holding
     * quotes and a comma, is quoted with its quotes doubled. */
    assert_non_null(strstr(csv, "Retention,\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",gap\r\n"));
    assert_non_null(strstr(csv, "a|b,\"say \"\"hi\"\", then\nleave\",<script>"));
    free(csv);
    pc_report_free(r);
}

static void test_tsv_flattens(void **state)
{
    (void)state;
    pc_report *r = make_report();
    char *tsv = export_to_string(r, PC_EXPORT_TSV);
    assert_non_null(strstr(tsv, "a|b\tsay \"hi\", then leave\t<script>alert(1)</script>\n"));
    assert_non_null(strstr(tsv, "\t'=HYPERLINK("));
    free(tsv);
    pc_report_free(r);
}

static void test_markdown_escapes_and_pads(void **state)
{
    (void)state;
    pc_report *r = make_report();
    char *md = export_to_string(r, PC_EXPORT_MD);
    assert_non_null(strstr(md, "a\\|b"));
    assert_non_null(strstr(md, "&lt;script&gt;"));
    assert_null(strstr(md, "<script>"));
    /* Every table line has the same display width, CJK counted as two columns. */
    size_t want = 0, lines = 0;
    for (char *line = strtok(md, "\n"); line; line = strtok(NULL, "\n")) {
        if (line[0] != '|')
            continue;
        size_t w = pc_utf8_width(line, strlen(line));
        if (!want)
            want = w;
        assert_int_equal(w, want);
        lines++;
    }
    assert_int_equal(lines, 4); /* header, rule, two rows */
    free(md);
    pc_report_free(r);
}

static void test_html_escapes(void **state)
{
    (void)state;
    pc_report *r = make_report();
    char *html = export_to_string(r, PC_EXPORT_HTML);
    htmlDocPtr doc = htmlReadMemory(html, (int)strlen(html), NULL, "UTF-8",
                                    HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET);
    assert_non_null(doc);
    xmlXPathContextPtr ctx = xmlXPathNewContext(doc);
    xmlXPathObjectPtr scripts = xmlXPathEvalExpression(BAD_CAST "//script", ctx);
    assert_true(!scripts->nodesetval || scripts->nodesetval->nodeNr == 0);
    xmlXPathObjectPtr cell = xmlXPathEvalExpression(BAD_CAST "//td[@class='contradiction']", ctx);
    assert_int_equal(cell->nodesetval->nodeNr, 1);
    xmlChar *text = xmlNodeGetContent(cell->nodesetval->nodeTab[0]);
    assert_non_null(strstr((char *)text, "<script>alert(1)</script>"));
    /* The same glyph as the UI's matrix: "!" for a contradiction, "○" for a gap. */
    assert_int_equal(strncmp((char *)text, "! ", 2), 0);
    xmlFree(text);
    assert_non_null(strstr(html, "<td class=\"gap\">\xE2\x97\x8B gap</td>"));
    xmlXPathObjectPtr links = xmlXPathEvalExpression(BAD_CAST "//link|//img|//*[@src]", ctx);
    assert_true(!links->nodesetval || links->nodesetval->nodeNr == 0);
    xmlXPathFreeObject(scripts);
    xmlXPathFreeObject(cell);
    xmlXPathFreeObject(links);
    xmlXPathFreeContext(ctx);
    xmlFreeDoc(doc);
    free(html);
    pc_report_free(r);
}

static void test_xlsx_is_a_zip(void **state)
{
    (void)state;
    pc_report *r = make_report();
    char path[600];
    snprintf(path, sizeof path, "%s/out.xlsx", test_temp_dir());
    pc_error err = {{0}};
    assert_int_equal(pc_export_xlsx(r, path, &err), 0);
    size_t n = 0;
    char *data = test_read_file(path, &n);
    assert_non_null(data);
    assert_true(n > 1000);
    assert_memory_equal(data, "PK\x03\x04", 4);
    free(data);
    pc_report_free(r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_safe_cell),          cmocka_unit_test(test_csv_quoting_and_injection),
        cmocka_unit_test(test_tsv_flattens),       cmocka_unit_test(test_markdown_escapes_and_pads),
        cmocka_unit_test(test_html_escapes),       cmocka_unit_test(test_xlsx_is_a_zip),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

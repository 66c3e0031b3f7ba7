/* test_formats.c: a PDF and a DOCX built from each example policy (tests/formats/: drawn with
 * cairo, zipped with libzip) give the same outline and classification as the policy itself:
 * the same section titles in order, a clause count within 5%, every category the source covers
 * (and PDF and DOCX cover the same ones). A built document may cover a category more: its
 * lines are joined with spaces, where a hard-wrapped .txt keeps a line break inside a clause
 * that a rule's literal space does not match (06-metricly: "We share\npersonal information").
 * The PDF also keeps its page numbers, drops its running header and page numbers, and
 * joins words hyphenated at line ends. */
#include "classify/policy.h"
#include "make_docs.h"
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const examples[] = {"01-freshbox.txt", "02-kidquest.md", "03-stridely.txt",
                                       "04-buchhaus.html", "05-kamiya.txt", "06-metricly.txt"};

static pc_taxonomy *tax;

static int setup(void **state)
{
    (void)state;
    pc_error err = {{0}};
    tax = pc_tax_load(POLCMP_TAXONOMY, &err);
    if (!tax)
        fprintf(stderr, "%s\n", err.msg);
    return tax ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    pc_tax_free(tax);
    make_docs_cleanup();
    return 0;
}

static pc_policy *open_policy(const char *path)
{
    pc_error err = {{0}};
    pc_policy *p = pc_policy_open(path, NULL, tax, &err);
    if (!p)
        fail_msg("%s", err.msg);
    return p;
}

/* The titled sections' titles, "|"-joined. */
static void titles(const pc_policy *p, pc_buf *b)
{
    const pc_outline *o = p->outline;
    for (size_t i = 0; i < o->nsections; i++)
        if (o->sections[i].title_end > o->sections[i].title_start) {
            pc_buf_add(b, p->doc->text + o->sections[i].title_start,
                       o->sections[i].title_end - o->sections[i].title_start);
            pc_buf_addc(b, '|');
        }
}

/* Clauses carrying each category, into counts[ncats]. */
static void coverage(const pc_policy *p, size_t *counts)
{
    for (size_t c = 0; c < tax->ncats; c++) {
        counts[c] = 0;
        for (size_t k = 0; k < p->outline->nclauses; k++)
            counts[c] += (size_t)pc_policy_clause_has(p, k, (int)c);
    }
}

static void same_as_source(const pc_policy *src, const pc_policy *made, const char *what,
                           size_t *covered)
{
    pc_buf a = {0}, b = {0};
    titles(src, &a);
    titles(made, &b);
    if (strcmp(a.data ? a.data : "", b.data ? b.data : "") != 0)
        fail_msg("%s: section titles differ:\n  source: %s\n  %s: %s", what, a.data, what,
                 b.data);
    pc_buf_free(&a);
    pc_buf_free(&b);
    size_t n0 = src->outline->nclauses, n1 = made->outline->nclauses;
    if ((n0 > n1 ? n0 - n1 : n1 - n0) * 20 > n0)
        fail_msg("%s: %zu clauses, the source %zu (more than 5%% apart)", what, n1, n0);
    size_t *c0 = calloc(tax->ncats, sizeof *c0), *c1 = calloc(tax->ncats, sizeof *c1);
    assert_non_null(c0);
    assert_non_null(c1);
    coverage(src, c0);
    coverage(made, c1);
    for (size_t c = 0; c < tax->ncats; c++) {
        if (c0[c] > 0 && c1[c] == 0)
            fail_msg("%s: category %s not covered, in the source by %zu clauses", what,
                     tax->cats[c].id, c0[c]);
        covered[c] = c1[c];
    }
    free(c0);
    free(c1);
}

static void test_pdf_and_docx_match_each_example(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof examples / sizeof examples[0]; i++) {
        char src[512], pdf[512], docx[512];
        snprintf(src, sizeof src, "%s/%s", POLCMP_EXAMPLES, examples[i]);
        pc_policy *p = open_policy(src);
        snprintf(pdf, sizeof pdf, "%s/%.2s.pdf", test_temp_dir(), examples[i]);
        snprintf(docx, sizeof docx, "%s/%.2s.docx", test_temp_dir(), examples[i]);
        assert_int_equal(make_pdf(p->outline, "Example Co. - Privacy Policy", pdf), 0);
        assert_int_equal(make_docx(p->outline, docx), 0);
        pc_policy *fp = open_policy(pdf), *fd = open_policy(docx);
        print_message("%s: %zu clauses; PDF %zu on %u pages; DOCX %zu\n", examples[i],
                      p->outline->nclauses, fp->outline->nclauses,
                      fp->doc->npages ? fp->doc->pages[fp->doc->npages - 1].page : 0,
                      fd->outline->nclauses);
        assert_int_equal(fp->doc->format, PC_FORMAT_PDF);
        assert_int_equal(fd->doc->format, PC_FORMAT_DOCX);
        size_t *cp = calloc(tax->ncats, sizeof *cp), *cd = calloc(tax->ncats, sizeof *cd);
        assert_non_null(cp);
        assert_non_null(cd);
        same_as_source(p, fp, "PDF", cp);
        same_as_source(p, fd, "DOCX", cd);
        for (size_t c = 0; c < tax->ncats; c++)
            if ((cp[c] > 0) != (cd[c] > 0))
                fail_msg("%s: category %s: PDF %zu clauses, DOCX %zu", examples[i],
                         tax->cats[c].id, cp[c], cd[c]);
        free(cp);
        free(cd);
        assert_null(strstr(fp->doc->text, "Example Co. - Privacy Policy"));
        assert_null(strstr(fp->doc->text, "Page 2"));
        pc_policy_free(p);
        pc_policy_free(fp);
        pc_policy_free(fd);
    }
}

/* The last clause of a long PDF is cited on its page; the first on page 1. */
static void test_pdf_pages_in_source_map(void **state)
{
    (void)state;
    pc_policy *p = open_policy(POLCMP_EXAMPLES "/01-freshbox.txt");
    char pdf[512];
    snprintf(pdf, sizeof pdf, "%s/pages.pdf", test_temp_dir());
    assert_int_equal(make_pdf(p->outline, "FreshBox", pdf), 0);
    pc_policy *fp = open_policy(pdf);
    const pc_outline *o = fp->outline;
    assert_true(fp->doc->npages >= 2);
    assert_int_equal(pc_doc_source_page(fp->doc, o->clauses[0].start), 1);
    unsigned last = pc_doc_source_page(fp->doc, o->clauses[o->nclauses - 1].start);
    assert_int_equal(last, fp->doc->pages[fp->doc->npages - 1].page);
    assert_true(last >= 2);
    assert_int_equal(pc_doc_source_page(p->doc, 0), 0); /* a text file has no pages */
    pc_policy_free(p);
    pc_policy_free(fp);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_pdf_and_docx_match_each_example),
        cmocka_unit_test(test_pdf_pages_in_source_map),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}

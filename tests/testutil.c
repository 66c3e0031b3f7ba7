/* testutil.c: see testutil.h. */
#include "testutil.h"

#include "util/file.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

const char *test_shared_dir(void)
{
    const char *env = getenv("POLCMP_SHARED");
    const char *dir = env && *env ? env : POLCMP_SHARED;
    struct stat st;
    char probe[4096];
    snprintf(probe, sizeof probe, "%s/DESIGN.md", dir);
    if (stat(probe, &st) != 0)
        return NULL;
    return dir;
}

char *test_read_file(const char *path, size_t *len)
{
    size_t n = 0;
    char *data = pc_file_read(path, 0, NULL, &n, NULL);
    if (data && len)
        *len = n;
    return data;
}

static char test_tmpdir[256];

static void test_cleanup(void)
{
    if (test_tmpdir[0]) {
        char cmd[300];
        snprintf(cmd, sizeof cmd, "rm -rf '%s'", test_tmpdir);
        if (system(cmd) != 0)
            fprintf(stderr, "could not remove %s\n", test_tmpdir);
    }
}

const char *test_temp_dir(void)
{
    if (!test_tmpdir[0]) {
        const char *base = getenv("TMPDIR");
        snprintf(test_tmpdir, sizeof test_tmpdir, "%s/polcmp-test-XXXXXX",
                 base && *base ? base : "/tmp");
        if (!mkdtemp(test_tmpdir)) {
            perror("mkdtemp");
            exit(1);
        }
        atexit(test_cleanup);
    }
    return test_tmpdir;
}

const char *test_write_temp(const char *name, const void *data, size_t len)
{
    static char path[512];
    snprintf(path, sizeof path, "%s/%s", test_temp_dir(), name);
    FILE *f = fopen(path, "wb");
    if (!f || fwrite(data, 1, len, f) != len) {
        perror(path);
        exit(1);
    }
    fclose(f);
    return path;
}

pc_taxonomy *test_load_onto_taxonomy(const char *taxfile)
{
    pc_error err = {{0}};
    pc_taxonomy *tax = pc_tax_load(taxfile, &err);
    if (!tax || !tax->onto)
        fail_msg("%s: %s", taxfile, tax ? "no ontology" : err.msg);
    return tax;
}

pc_policy *test_open_text(const pc_taxonomy *tax, const char *name, const char *text)
{
    pc_error err = {{0}};
    pc_doc *doc = pc_doc_from_memory(name, text, strlen(text), PC_FORMAT_TEXT, &err);
    assert_non_null(doc);
    pc_policy *p = pc_policy_from_doc(doc, tax, &err);
    if (!p)
        fail_msg("%s", err.msg);
    return p;
}

size_t test_findings_of(const char *taxfile, const char *text, unsigned regimes,
                        pc_finding_kind kind, const char *tag)
{
    pc_error err = {{0}};
    pc_taxonomy *tax = pc_tax_load(taxfile, &err);
    assert_non_null(tax);
    pc_policy *p = test_open_text(tax, "one", text);
    pc_comparison *c = pc_compare(tax, &p, 1, regimes, &err);
    assert_non_null(c);
    size_t n = 0;
    for (size_t i = 0; i < c->nfindings; i++)
        n += c->findings[i].kind == kind && (!tag || strstr(c->findings[i].message, tag));
    pc_comparison_free(c);
    pc_policy_free(p);
    pc_tax_free(tax);
    return n;
}

void test_check_contra_cases(const char *taxfile, const test_contra_case *cases, size_t n)
{
    char text[400];
    size_t failed = 0;
    for (size_t i = 0; i < n; i++) {
        snprintf(text, sizeof text, "%s\n%s\n", cases[i].restriction, cases[i].practice);
        if (test_findings_of(taxfile, text, 0, PC_FIND_CONTRADICTION, NULL) != cases[i].found) {
            print_error("case %zu: expected %zu finding(s) in: %s", i, cases[i].found, text);
            failed++;
        }
    }
    if (failed)
        fail_msg("%zu of %zu cases failed", failed, n);
}

size_t test_word_at(char *buf, size_t cap, size_t pad, size_t n, const char *alphabet,
                    const char *end, const char *tail)
{
    size_t len = 0, na = strlen(alphabet);
    for (size_t i = 0; i < pad && len + 1 < cap; i++)
        buf[len++] = i % 4 ? 'q' : ' ';
    for (size_t i = 0; i < n && len + 1 < cap; i++)
        buf[len++] = alphabet[(i + pad) % na];
    int k = snprintf(buf + len, cap - len, "%s%s", end, tail);
    return k < 0 || len + (size_t)k >= cap ? cap - 1 : len + (size_t)k;
}

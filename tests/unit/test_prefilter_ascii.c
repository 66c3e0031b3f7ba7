/* test_prefilter_ascii.c: rules' patterns compiled without UTF and UCP for texts of ASCII
 * bytes only (prefilter_ascii.c): which patterns get such a code, and the proof that on ASCII
 * texts it finds the same matches, spans included, as the taxonomy's UTF code, for every rule
 * of the default taxonomy and for patterns written to tell the two apart. */
#include "prefilter_equal.h"
#include "taxonomy/prefilter_internal.h"
#include "testutil.h"
#include "util/util.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void test_ascii_safe(void **state)
{
    (void)state;
    assert_true(pc_pf_ascii_safe("\\b(?:we|us)\\b[^.;]{0,40}\\buse\\w*\\s+\\d"));
    assert_true(pc_pf_ascii_safe("(?<!internet )providers?(?=\\W)|\\\\x"));
    assert_true(pc_pf_ascii_safe(""));
    assert_false(pc_pf_ascii_safe("don\\x{2019}t")); /* does not compile without UTF */
    assert_false(pc_pf_ascii_safe("caf\xc3\xa9"));   /* a non-ASCII byte */
    assert_false(pc_pf_ascii_safe("(*UCP)\\w+"));    /* a start verb */
    assert_false(pc_pf_ascii_safe("[[:lower:]]+"));  /* \p{Ll} under UCP */
    assert_false(pc_pf_ascii_safe("\\p{L}+|\\P{N}"));
    assert_false(pc_pf_ascii_safe("\\X|\\R|\\N|\\C"));
    assert_false(pc_pf_ascii_safe("a\\hb"));
    assert_false(pc_pf_ascii_safe("a\\vb"));
    assert_false(pc_pf_ascii_safe("\\o{101}"));
}

/* Patterns whose UTF and ASCII codes could part ways on some ASCII text if the rules of
 * pc_pf_ascii_safe were wrong: word boundaries next to every kind of byte, classes and their
 * negations, caseless letters, look-behinds, counted '.', and one that must get no ASCII code. */
static const char ascii_yaml[] =
    "taxonomy: {id: ascii}\n"
    "categories:\n"
    "  - id: a\n    name: A\n    opp115: Other\n    description: ascii codes\n"
    "    rules:\n"
    "      - id: a.words\n        pattern: '\\b\\w+\\b'\n"
    "      - id: a.space\n        pattern: '\\S\\s+\\S'\n"
    "      - id: a.nonword\n        pattern: '\\W{2,}'\n"
    "      - id: a.digits\n        pattern: '\\d+\\D'\n"
    "      - id: a.kelvin\n        pattern: '\\bks?\\b|sk'\n"
    "      - id: a.behind\n        pattern: '(?<![a-z])[A-Z]{2}(?!\\w)'\n"
    "      - id: a.dots\n        pattern: '\\bq.{3}z'\n"
    "      - id: a.negated\n        pattern: '[^a-z .]+'\n"
    "      - id: a.curly\n        pattern: 'don\\x{2019}t|don.t'\n"
    "      - id: a.cased\n        caseless: false\n        pattern: 'Use[^.]{0,5}\\bUS\\b'\n";

/* rule's two codes on text[0..len): the same answer and span from every start offset. */
static void same_codes(const pc_prefilter *pf, const pc_rule *r, const char *text, size_t len,
                       pcre2_match_data *md)
{
    const pcre2_code *u = pc_prefilter_code(pf, r), *a = pc_prefilter_code_ascii(pf, r);
    for (size_t from = 0; from <= len; from += len / 3 + 1) {
        int ru = pcre2_match(u, (PCRE2_SPTR)text, len, from, 0, md, NULL);
        PCRE2_SIZE su = pcre2_get_ovector_pointer(md)[0], eu = pcre2_get_ovector_pointer(md)[1];
        int ra = pcre2_match(a, (PCRE2_SPTR)text, len, from, 0, md, NULL);
        PCRE2_SIZE sa = pcre2_get_ovector_pointer(md)[0], ea = pcre2_get_ovector_pointer(md)[1];
        if ((ru >= 0) != (ra >= 0) || (ru >= 0 && (su != sa || eu != ea)))
            fail_msg("rule %s on '%.*s' from %zu: %d [%zu, %zu) against %d [%zu, %zu)", r->id,
                     (int)len, text, from, ru, (size_t)su, (size_t)eu, ra, (size_t)sa, (size_t)ea);
    }
}

static void same_on_texts(const pc_taxonomy *tax, const char *const *texts, size_t n)
{
    const pc_prefilter *pf = tax->prefilter;
    pcre2_match_data *md = pcre2_match_data_create(16, NULL);
    assert_non_null(md);
    for (size_t r = 0; r < pc_prefilter_nrules(pf); r++)
        for (size_t i = 0; i < n; i++)
            same_codes(pf, pc_prefilter_rule(pf, r), texts[i], strlen(texts[i]), md);
    pcre2_match_data_free(md);
}

/* Every ASCII byte but NUL, each between letters, and sentences with the words rules look for. */
static size_t ascii_texts(char **texts, size_t max)
{
    static const char *const sentences[] = {
        "We use your information to provide the service; we may share it with partners.",
        "WHEN YOU REGISTER, we collect your name, e-mail address and IP ADDRESS.",
        "Contact us at privacy@example.com or call (555) 123-4567, Suite 100.",
        "You can access, update or delete your personal data at any time.",
        "K k sk SK ks q12z qa\tbz don't don`t US Use US Use, US",
        "Children under 13 (or 16 in the EU) may not use the Service.\r\n\f\v",
        "We retain data for 30 days, as long as necessary, until you opt-out.",
    };
    size_t n = 0;
    for (size_t i = 0; i < sizeof sentences / sizeof sentences[0] && n < max; i++)
        texts[n++] = pc_strdup(sentences[i]);
    for (int c = 1; c < 0x80 && n < max; c++) {
        char buf[16];
        snprintf(buf, sizeof buf, "ab%cCD %c9", c, c);
        texts[n++] = pc_strdup(buf);
    }
    return n;
}

static void test_ascii_same(void **state)
{
    (void)state;
    pc_error err = {{0}};
    pc_taxonomy *tax = pc_tax_load_mem("ascii.yaml", ascii_yaml, sizeof ascii_yaml - 1, &err);
    if (!tax)
        fail_msg("%s", err.msg);
    char *texts[160];
    size_t n = ascii_texts(texts, 160);
    same_on_texts(tax, (const char *const *)texts, n);
    const pc_rule *curly = NULL;
    for (size_t r = 0; r < pc_prefilter_nrules(tax->prefilter); r++)
        if (!strcmp(pc_prefilter_rule(tax->prefilter, r)->id, "a.curly"))
            curly = pc_prefilter_rule(tax->prefilter, r);
    assert_non_null(curly);
    assert_ptr_equal(pc_prefilter_code_ascii(tax->prefilter, curly),
                     pc_prefilter_code(tax->prefilter, curly));
    pc_tax_free(tax);
    tax = load_default();
    same_on_texts(tax, (const char *const *)texts, n);
    for (size_t i = 0; i < n; i++)
        free(texts[i]);
    pc_tax_free(tax);
}

/* Every line of the examples that is ASCII, through every rule of the default taxonomy. */
static void test_ascii_examples(void **state)
{
    (void)state;
    pc_taxonomy *tax = load_default();
    DIR *d = opendir(POLCMP_EXAMPLES);
    assert_non_null(d);
    size_t lines = 0;
    for (struct dirent *e; (e = readdir(d));) {
        if (e->d_name[0] == '.')
            continue;
        char path[4096], line[8192];
        snprintf(path, sizeof path, "%s/%s", POLCMP_EXAMPLES, e->d_name);
        FILE *f = fopen(path, "r");
        assert_non_null(f);
        while (fgets(line, sizeof line, f)) {
            line[strcspn(line, "\n")] = '\0';
            if (pc_utf8_check(line, strlen(line)) != PC_UTF8_ASCII)
                continue;
            const char *one[1] = {line};
            same_on_texts(tax, one, 1);
            lines++;
        }
        fclose(f);
    }
    closedir(d);
    assert_true(lines > 100);
    pc_tax_free(tax);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_ascii_safe),
        cmocka_unit_test(test_ascii_same),
        cmocka_unit_test(test_ascii_examples),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

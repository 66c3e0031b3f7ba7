/* test_prefilter_split.c: confirming a candidate rule with only the top-level branches of its
 * pattern whose literals occur (prefilter_split.c): where a pattern splits, which branches
 * each rule gets, and the proof that the results are the reference engine's, spans included,
 * where branches tie, overlap, share literals or hit a limit. */
#include "classify/classify.h"
#include "taxonomy/prefilter.h"
#include "taxonomy/prefilter_internal.h"
#include "prefilter_equal.h"
#include "testutil.h"

#include <string.h>

/* Does `pattern` split into the branches listed in `want`, separated by spaces ("" = it does
 * not split)? */
static void check_branches(const char *pattern, const char *want)
{
    size_t start[8];
    size_t n = pc_lit_branches(pattern, start, 8);
    char got[256] = "";
    for (size_t b = 0; b < n; b++) {
        size_t end = b + 1 < n ? start[b + 1] - 1 : strlen(pattern);
        if (b)
            strcat(got, " ");
        strncat(got, pattern + start[b], end - start[b]);
    }
    if (strcmp(got, want))
        fail_msg("pattern %s: branches '%s', expected '%s'", pattern, got, want);
}

static void test_branches(void **state)
{
    (void)state;
    check_branches("a|b(c|d)|e", "a b(c|d) e");
    check_branches("ab", "");
    check_branches("(?:a|b)", "");                   /* one branch at the top */
    check_branches("a\\|b|c", "a\\|b c");            /* an escaped bar */
    check_branches("[|(]x|y", "[|(]x y");            /* a class holds bars and parentheses */
    check_branches("[]|]x|y", "[]|]x y");
    check_branches("a(?=x|y)|(?<!n)c|(?<w>d)", "a(?=x|y) (?<!n)c (?<w>d)");
    check_branches("(?i)a|b", "");                   /* options carry into later branches */
    check_branches("a|(?i:b)", "");
    check_branches("(a)|\\1", "");                   /* a back-reference */
    check_branches("a\\Kb|c", "");                   /* \K moves the start of the match */
    check_branches("(?(1)a|b)|c", "");               /* a conditional */
    check_branches("(*UCP)a|b", "");                 /* a verb */
    check_branches("a|(?1)", "");                    /* a subroutine call */
    check_branches("a)|b", "");                      /* unbalanced */
    check_branches("a|b|c|d|e|f|g|h|i", "");         /* more than the caller takes */
    assert_int_equal(pc_lit_repeat("(?:\\bab\\b.{0,9}?){4}"), 4);
    assert_int_equal(pc_lit_repeat("(ab|[)]c){2,}"), 2);
    assert_int_equal(pc_lit_repeat("(?>ab){3,5}+"), 3);
    assert_int_equal(pc_lit_repeat("(?:ab){1,4}"), 0);
    assert_int_equal(pc_lit_repeat("(?:ab){3}c"), 0);
    assert_int_equal(pc_lit_repeat("(?:ab)(?:c){3}"), 0);
    assert_int_equal(pc_lit_repeat("(?=ab){3}"), 0);
    assert_int_equal(pc_lit_repeat("ab{3}"), 0);
}

/* Rules whose branches need their own literals: the rules' results on each text must be the
 * reference engine's. */
static const char split_yaml[] =
    "taxonomy: {id: split}\n"
    "categories:\n"
    "  - id: s\n    name: S\n    opp115: Other\n    description: branches\n"
    "    rules:\n"
    "      - id: s.contact\n"
    "        pattern: '[\\w.+-]+@[\\w-]+\\.[\\w.]+|\\b(?:suite|street)\\b|\\(\\d{3}\\)\\s?\\d{3}'\n"
    "      - id: s.prefix\n        pattern: '\\bcat|\\bcatalog\\w*|\\bokapi'\n" /* ties */
    "      - id: s.longer\n        pattern: '\\bcatalogue|\\bcat\\w?|\\bokapi'\n"
    "      - id: s.overlap\n        pattern: 'zebra \\w+|\\w+ giraffe|okapi'\n"
    "      - id: s.slow\n"
    "        pattern: '(?:zz|z)+(?:a|b)*(?:zz|z)+y|\\bkoala\\b'\n"
    "      - id: s.same\n        pattern: 'lion\\w*|\\w+lion'\n"
    "      - id: s.thrice\n        pattern: '(?:\\b(?:tapir|yak)s?\\b.{0,20}?){3}'\n"
    "      - id: s.nest\n        pattern: '(?:anan){2}'\n";

static void test_split_equal(void **state)
{
    (void)state;
    pc_error err = {{0}};
    pc_taxonomy *tax = pc_tax_load_mem("split.yaml", split_yaml, sizeof split_yaml - 1, &err);
    if (!tax)
        fail_msg("%s", err.msg);
    const pc_prefilter *pf = tax->prefilter;
    static const size_t want[] = {3, 3, 3, 3, 2, 0, 0, 0}; /* s.same: both need "lion" */
    static const unsigned repeat[] = {0, 0, 0, 0, 0, 0, 3, 2};
    for (size_t r = 0; r < 8; r++) {
        unsigned rep;
        assert_int_equal(pc_prefilter_branches(pf, r, &rep), want[r]);
        assert_int_equal(rep, repeat[r]);
    }
    static const char *const texts[] = {
        "Write to Suite 100, 1 Main Street.",            /* the address branch alone */
        "Mail jo.doe@example.org or call (555) 123 4567.", /* two of three, the dear one too */
        "(555) 1234 only a phone", "see the catalog", "see the catalogue", "cat food",
        "a zebra runs with a giraffe", "with a giraffe and a zebra ran", "an okapi",
        "lionel and the sealion", "a koala",
        "a tapir, a yak and", "a tapir, a yak and a Yak", "TAPIRS tapirs tapirs",
        "tapir tapir\ntapir", /* three, but '.' does not cross the line */
        "yak yaks yak", "yak, then twenty-one characters: yak yak", "ananan", "anananan",
    };
    size_t labels = 0;
    for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++)
        labels += check_text(tax, texts[i], strlen(texts[i]), NULL);
    assert_true(labels >= 10);
    check_limit_warning(tax, "s.slow"); /* in the live branch: the whole pattern decides */
    pc_tax_free(tax);
}

/* pc_pf_match as pcre2_match: code, the answer, the match's span. */
static void check_match(const pcre2_code *code, int jit, const char *s, uint32_t utf)
{
    pcre2_match_data *md = pcre2_match_data_create(4, NULL);
    pcre2_match_context *mctx = pcre2_match_context_create(NULL);
    assert_non_null(md);
    const pc_prefilter_text t = {s, strlen(s), utf, 0};
    int rc = pc_pf_match(code, jit, &t, md, mctx);
    PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md), start = ov[0], end = ov[1];
    int want = pcre2_match(code, (PCRE2_SPTR)s, t.len, 0, utf, md, mctx);
    if (rc != want || (rc > 0 && (start != ov[0] || end != ov[1])))
        fail_msg("'%s' (jit %d): %d at %zu, expected %d at %zu", s, jit, rc, (size_t)start, want,
                 (size_t)ov[0]);
    pcre2_match_context_free(mctx);
    pcre2_match_data_free(md);
}

/* The JIT's fast path is taken only where pcre2_match would take it with the same answer: a
 * JIT-compiled code on a text known to be valid UTF-8; a text not known to be (checked
 * by pcre2_match: an error for bad UTF-8) and a code left to the interpreter go the long way. */
static void test_jit_fast_path(void **state)
{
    (void)state;
    int errcode;
    PCRE2_SIZE erroff;
    static const char pattern[] = "\\b(?:caf\xc3\xa9|tea)s?\\b";
    pcre2_code *jit = pcre2_compile((PCRE2_SPTR)pattern, PCRE2_ZERO_TERMINATED,
                                    PCRE2_UTF | PCRE2_UCP | PCRE2_CASELESS, &errcode, &erroff, NULL);
    pcre2_code *interp = pcre2_code_copy(jit);
    assert_non_null(jit);
    assert_non_null(interp);
    assert_int_equal(pcre2_jit_compile(jit, PCRE2_JIT_COMPLETE), 0);
    static const char *texts[] = {"two CAF\xc3\x89S", "no coffee", "tea\xc3\xa9 or teas", ""};
    for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
        check_match(jit, 1, texts[i], PCRE2_NO_UTF_CHECK);
        check_match(jit, 1, texts[i], 0);
        check_match(interp, 0, texts[i], PCRE2_NO_UTF_CHECK);
    }
    check_match(jit, 1, "tea \xff\xfe cafe", 0); /* pcre2_match: bad UTF-8 */
    check_match(interp, 0, "tea \xff cafe", 0);
    pcre2_code_free(jit);
    pcre2_code_free(interp);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_branches),
        cmocka_unit_test(test_split_equal),
        cmocka_unit_test(test_jit_fast_path),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

/* test_prefilter_split.c: confirming a candidate rule with only the top-level branches of its
 * pattern whose literals occur (prefilter_split.c): where a pattern splits, which branches
 * each rule gets, and the proof that the results are the reference engine's, spans included,
 * where branches tie, overlap, share literals or hit a limit. */
#include "classify/classify.h"
#include "taxonomy/prefilter.h"
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

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_branches),
        cmocka_unit_test(test_split_equal),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

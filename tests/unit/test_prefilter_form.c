/* test_prefilter_form.c: the order a rule's conjunction is checked in and the groups left out
 * of it (prefilter_form.c), and the windows that literals built on a root are tested with
 * first (prefilter_roots.c, pf_on_match): the scan's candidates must be those of the full
 * conjunction and of the full comparison. */
#include "prefilter_equal.h"
#include "taxonomy/prefilter_internal.h"
#include "testutil.h"

#include <stdlib.h>
#include <string.h>

/* A form of two terms, (of)(zygote)(the) and (and, or)(mitosis): each term's groups rarest
 * first (a two-byte word is found nearly everywhere, a long rare one nearly nowhere). */
static void test_form_sort(void **state)
{
    (void)state;
    char *lits[] = {"of", "zygote", "the", "and", "or", "mitosis"};
    size_t gend[] = {1, 2, 3, 5, 6}, tend[] = {3, 5};
    pc_lit_form lf = {lits, 6, gend, 5, tend, 2};
    assert_int_equal(pc_pf_form_sort(&lf), 0);
    static const char *want[] = {"zygote", "the", "of", "mitosis", "and", "or"};
    static const size_t want_end[] = {1, 2, 3, 4, 6};
    for (size_t i = 0; i < 6; i++)
        if (strcmp(lits[i], want[i]))
            fail_msg("literal %zu: %s, expected %s", i, lits[i], want[i]);
    for (size_t g = 0; g < 5; g++)
        assert_int_equal(gend[g], want_end[g]);
    assert_int_equal(tend[0], 3); /* the groups stay in their terms */
    assert_int_equal(tend[1], 5);
}

static const char form_yaml[] =
    "taxonomy: {id: form}\n"
    "categories:\n"
    "  - id: f\n    name: F\n    opp115: Other\n    description: forms\n"
    "    rules:\n"
    "      - id: f.cell\n        pattern: 'zygote(?:mitosis|meiosis.*spindle)'\n"
    "      - id: f.pair\n        pattern: '(?:zygote|embryo).*(?:mitosis|meiosis)'\n"
    "      - id: f.either\n        pattern: 'zygote.*mitosis|zygote'\n"
    "      - id: f.root\n        pattern: 'blastula'\n"
    "      - id: f.far\n        pattern: 'the very large blastula'\n"
    "      - id: f.near\n        pattern: 'a blastula'\n";

/* The groups checked: f.cell's key "zygote" is left out of both its terms, f.pair's key
 * group of its one term, and f.either is no longer checked (its second term is the key). */
static void test_form_groups(void **state)
{
    (void)state;
    pc_taxonomy *tax = load_yaml("form.yaml", form_yaml, sizeof form_yaml - 1);
    const pc_prefilter *pf = tax->prefilter;
    assert_string_equal(pc_prefilter_rule(pf, 0)->id, "f.cell");
    assert_int_equal(pf->lits[0].nlits, 1);
    assert_string_equal(pf->lits[0].lits[0], "zygote");
    assert_int_equal(pf->lits[0].form.ngroups, 5);
    assert_int_equal(pf->forms[0].nterms, 2);
    assert_int_equal(pf->forms[0].tend[0], 1); /* (mitosis) */
    assert_int_equal(pf->forms[0].tend[1], 3); /* two of (zygote)(meiosis)(spindle) */
    assert_int_equal(pf->forms[1].tend[0], 1);
    assert_true(pc_prefilter_bit(pf->formed, 0));
    assert_true(pc_prefilter_bit(pf->formed, 1));
    assert_false(pc_prefilter_bit(pf->formed, 2));
    pc_tax_free(tax);
}

/* Candidates with the groups reordered and left out, and literals built on the root
 * "blastula" 15 and 2 bytes before it (windows before the root, one of them shorter than 8
 * bytes). */
static void test_form_scan(void **state)
{
    (void)state;
    pc_error err = {{0}};
    pc_taxonomy *tax = load_yaml("form.yaml", form_yaml, sizeof form_yaml - 1);
    const pc_prefilter *pf = tax->prefilter;
    assert_string_equal(pc_prefilter_rule(pf, 4)->id, "f.far");
    pc_prefilter_scratch *sc = pc_prefilter_scratch_new(pf, &err);
    assert_non_null(sc);
    static const struct {
        const char *text;
        int want[6];
    } cases[] = {
        {"zygote", {0, 0, 1, 0, 0, 0}},
        {"a zygote in mitosis", {1, 1, 1, 0, 0, 0}},
        {"spindle, meiosis, zygote", {1, 1, 1, 0, 0, 0}},
        {"spindle and zygote", {0, 0, 1, 0, 0, 0}},
        {"meiosis and zygote", {0, 1, 1, 0, 0, 0}},
        {"embryo in meiosis", {0, 1, 0, 0, 0, 0}},
        {"mitosis, spindle, meiosis", {0, 0, 0, 0, 0, 0}},
        {"see The Very Large Blastula", {0, 0, 0, 1, 1, 0}},
        {"he very large blastula", {0, 0, 0, 1, 0, 0}},  /* would start before the text */
        {"the very largE blastula", {0, 0, 0, 1, 1, 0}},
        {"the very lance blastula", {0, 0, 0, 1, 0, 0}}, /* its window differs */
        {"the vary large blastula", {0, 0, 0, 1, 0, 0}}, /* outside its window */
        {"A Blastula", {0, 0, 0, 1, 0, 1}},
        {"e blastula", {0, 0, 0, 1, 0, 0}},
        {"a blastul", {0, 0, 0, 0, 0, 0}},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        check_scan(pf, sc, cases[i].text, cases[i].want, 6);
    pc_prefilter_scratch_free(sc);
    pc_tax_free(tax);
}

/* Rule i's conjunction read from its literals (pc_lit_form, groups left out or not): some
 * term with a seen literal in each group. Meant for a text holding one of its key literals. */
static int ref_form_holds(const pc_prefilter *pf, size_t i, const uint64_t *seen)
{
    const pc_rule_lits *l = &pf->lits[i];
    const pc_lit_form *lf = &l->form;
    size_t g = 0, j = 0;
    for (size_t t = 0; t < lf->nterms; t++) {
        int all = 1;
        for (; g < lf->tend[t]; g++) {
            int any = 0;
            for (; j < lf->gend[g]; j++) {
                unsigned u = pc_pf_lookup(pf, lf->lits[j], l->caseless);
                any |= u != UINT32_MAX && pc_prefilter_bit(seen, u);
            }
            all &= any;
        }
        if (all)
            return 1;
    }
    return 0;
}

static void seen_set(uint64_t *seen, unsigned u)
{
    if (u != UINT32_MAX)
        seen[u >> 6] |= 1ull << (u & 63);
}

/* Every conjunction the scan checks (pc_pf_form_holds, its program) against the one read from
 * the literals, on seen sets holding one key literal, each literal of the form with chance
 * 1 in `odds` and some others anywhere. */
static void check_forms(const pc_prefilter *pf, unsigned odds)
{
    size_t words = pc_pf_seen_words(pf), checked = 0, held = 0;
    uint64_t *seen = calloc(words, sizeof *seen);
    assert_non_null(seen);
    unsigned x = 12345;
    for (size_t i = 0; i < pf->nrules; i++) {
        const pc_rule_lits *l = &pf->lits[i];
        for (int trial = 0; pc_prefilter_bit(pf->formed, i) && trial < 400; trial++) {
            memset(seen, 0, words * sizeof *seen);
            x = x * 1103515245u + 12345u;
            seen_set(seen, pc_pf_lookup(pf, l->lits[(x >> 16) % l->nlits], l->caseless));
            for (size_t j = 0; j < l->form.nlits; j++)
                if (((x = x * 1103515245u + 12345u) >> 16) % odds == 0)
                    seen_set(seen, pc_pf_lookup(pf, l->form.lits[j], l->caseless));
            for (int k = 0; k < 8; k++)
                seen_set(seen, (unsigned)((x = x * 1103515245u + 12345u) >> 8) % pf->nuniq);
            int want = ref_form_holds(pf, i, seen);
            if (pc_pf_form_holds(&pf->forms[i], seen) != want)
                fail_msg("rule %s, trial %d: the program says %d", pf->rules[i]->id, trial, !want);
            checked++;
            held += (size_t)want;
        }
    }
    assert_true(held > checked / 20 && held < checked - checked / 20); /* both answers seen */
    free(seen);
}

/* The conjunctions of the shipped taxonomy and of form.yaml, checked step by step. */
static void test_form_program(void **state)
{
    (void)state;
    pc_error err = {{0}};
    pc_taxonomy *tax = pc_tax_load(POLCMP_TAXONOMY, &err);
    assert_non_null(tax);
    check_forms(tax->prefilter, 3);
    check_forms(tax->prefilter, 10);
    pc_tax_free(tax);
    tax = load_yaml("form.yaml", form_yaml, sizeof form_yaml - 1);
    check_forms(tax->prefilter, 3);
    pc_tax_free(tax);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_form_sort),
        cmocka_unit_test(test_form_groups),
        cmocka_unit_test(test_form_scan),
        cmocka_unit_test(test_form_program),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

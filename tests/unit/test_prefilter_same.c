/* test_prefilter_same.c: a text repeating an earlier one of its batch takes that one's results
 * (prefilter_batch.c, b->same): every text's candidate bits and first-pass hits must be those
 * it gets alone, whether it repeats another, nearly repeats one, or is repeated; and a policy
 * repeating its clauses classifies as the reference engine does. */
#include "prefilter_equal.h"
#include "taxonomy/prefilter.h"

#include <stdlib.h>
#include <string.h>

static const char *const texts[] = {
    "We collect your e-mail address when you sign up for the newsletter.",
    "Advertisers may place cookies on your browser to track your visits.",
    "We collect your e-mail address when you sign up for the newsletter.",
    "We collect your e-mail address when you sign up for the newsletter",
    "we collect your e-mail address when you sign up for the newsletter.",
    "Advertisers may place cookies on your browser to track your visits.",
    "Contact us at the address below with any questions about this policy.",
    "We collect your e-mail address when you sign up for the newsletter.",
    "We sell your e-mail address when you sign up for the newsletter....",
};
#define NTEXTS (sizeof texts / sizeof texts[0])

/* Whether text j of b and text i of a (both run) have the same bits and hits. */
static void same_pass(const pc_prefilter *pf, const pc_prefilter_batch *a, size_t i,
                      const pc_prefilter_batch *b, size_t j, const char *what)
{
    if (memcmp(pc_prefilter_batch_bits(a, i), pc_prefilter_batch_bits(b, j),
               pc_prefilter_words(pf) * sizeof(uint64_t)))
        fail_msg("%s: the bits differ", what);
    for (size_t r = 0; r < pc_prefilter_nrules(pf); r++) {
        const pc_prefilter_hit *x = pc_prefilter_batch_find(a, i, r),
                               *y = pc_prefilter_batch_find(b, j, r);
        if (!x != !y || (x && (x->status != y->status || x->span.start != y->span.start ||
                               x->span.end != y->span.end)))
            fail_msg("%s: rule %s differs", what, pc_prefilter_rule(pf, r)->id);
    }
}

/* The texts as one batch (with one added again as not known to be UTF-8), then each alone. */
static void test_batch_repeats(void **state)
{
    (void)state;
    pc_error err = {{0}};
    pc_taxonomy *tax = load_default();
    const pc_prefilter *pf = tax->prefilter;
    pc_prefilter_scratch *sc = pc_prefilter_scratch_new(pf, &err);
    pcre2_match_data *md = pcre2_match_data_create(8, NULL);
    pcre2_match_context *mctx = pcre2_match_context_create(NULL);
    uint64_t *all = calloc(pc_prefilter_words(pf), sizeof *all);
    assert_true(sc && md && mctx && all);
    memset(all, 0xFF, pc_prefilter_words(pf) * sizeof *all);
    pc_prefilter_batch b = {0}, one = {0};
    for (size_t i = 0; i < NTEXTS; i++)
        assert_int_equal(pc_prefilter_batch_add(&b, texts[i], strlen(texts[i]),
                                                PCRE2_NO_UTF_CHECK, 1), 0);
    assert_int_equal(pc_prefilter_batch_add(&b, texts[0], strlen(texts[0]), 0, 1), 0);
    assert_int_equal(pc_prefilter_batch_run(&b, pf, sc, all, md, mctx), 0);
    assert_int_equal(b.same[2], 0); /* repeats share */
    assert_int_equal(b.same[5], 1);
    assert_int_equal(b.same[7], 0);
    assert_int_equal(b.same[3], 3); /* near repeats and other options do not */
    assert_int_equal(b.same[4], 4);
    assert_int_equal(b.same[8], 8); /* as long as the first, and as many of its bytes */
    assert_int_equal(b.same[NTEXTS], NTEXTS);
    size_t hits = 0;
    for (size_t i = 0; i <= NTEXTS; i++) {
        const char *s = texts[i < NTEXTS ? i : 0];
        assert_int_equal(pc_prefilter_batch_add(&one, s, strlen(s),
                                                i < NTEXTS ? PCRE2_NO_UTF_CHECK : 0, 1), 0);
        assert_int_equal(pc_prefilter_batch_run(&one, pf, sc, all, md, mctx), 0);
        same_pass(pf, &b, i, &one, 0, s);
        hits += one.nhits;
        pc_prefilter_batch_reset(&one);
    }
    assert_true(hits >= 2 * NTEXTS); /* the texts fire rules */
    pc_prefilter_batch_free(&b);
    pc_prefilter_batch_free(&one);
    free(all);
    pcre2_match_context_free(mctx);
    pcre2_match_data_free(md);
    pc_prefilter_scratch_free(sc);
    pc_tax_free(tax);
}

/* A policy repeating its clauses among others, both engines. */
static void test_policy_repeats(void **state)
{
    (void)state;
    pc_taxonomy *tax = load_default();
    char doc[4096] = "";
    for (int round = 0; round < 3; round++)
        for (size_t i = 0; i < NTEXTS; i++) {
            strcat(doc, texts[(i + (size_t)round) % NTEXTS]);
            strcat(doc, "\n\n");
        }
    assert_true(check_text(tax, doc, strlen(doc), "Privacy") >= 3);
    pc_tax_free(tax);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_batch_repeats),
        cmocka_unit_test(test_policy_repeats),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

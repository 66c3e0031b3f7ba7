/* test_contra_consent.c: conflicts of condition, under the shipped taxonomy
 * (taxonomy/privacy.yaml): a practice that waits for the person's consent ("only with your
 * consent", "only with your permission") against the same practice stated plainly, by default
 * ("unless you opt out") or automatically, and one stated as done with consent against the same
 * practice done automatically. A consent named as one more basis ("we may also share it with
 * your consent", "with your consent, we share it") restricts nothing: it does not conflict with
 * the practice stated plainly, nor does a practice done with consent conflict with a restriction
 * stated without one; a restriction that holds only in a circumstance ("if a user is under
 * 13") is none. Each case a restriction and a practice, written for this test. */
#include "testutil.h"

#include "compare/compare.h"

static const char only_consent[] = "We share your email address with advertisers only with your "
                                   "consent.";
static const char with_consent[] = "With your permission, we send you promotional emails.";

/* Found: the practice happens without the consent the other statement waits for. */
static void test_consent_conflicts(void **state)
{
    (void)state;
    static const test_contra_case cases[] = {
        {only_consent, "We share your email address with advertisers.", 1},
        {only_consent, "We share your email address with advertisers unless you opt out.", 1},
        {"We collect your precise location only with your permission.",
         "We automatically collect your precise location when you open the app.", 1},
        {with_consent, "We automatically send you promotional emails.", 1},
    };
    test_check_contra_cases(POLCMP_TAXONOMY, cases, sizeof cases / sizeof cases[0]);
}

/* Not found: consent as one more basis, a practice that itself waits for consent, a
 * restriction scoped to a circumstance, and a statement of the person's right to withdraw. */
static void test_consent_near_misses(void **state)
{
    (void)state;
    static const test_contra_case cases[] = {
        {with_consent, "We send you promotional emails.", 0},
        {"We may also share your email address with your consent.",
         "We share your email address with advertisers.", 0},
        {"With your consent, we share your email address with advertisers.",
         "We share your email address with advertisers.", 0},
        {only_consent, "With your consent, we share your email address with advertisers.", 0},
        {"We do not sell your email address.",
         "With your consent, we sell your email address to partners.", 0},
        {"If a user is under 13, we will not use their email address without parental consent.",
         "We use your email address to send you offers.", 0},
        {"If you gave us your consent to send you promotional emails, you can withdraw it at any "
         "time.",
         "We send you promotional emails.", 0},
    };
    test_check_contra_cases(POLCMP_TAXONOMY, cases, sizeof cases / sizeof cases[0]);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_consent_conflicts),
        cmocka_unit_test(test_consent_near_misses),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

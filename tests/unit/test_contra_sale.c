/* test_contra_sale.c: what counts as selling against a restriction on selling, under the
 * shipped taxonomy (taxonomy/privacy.yaml): the company letting unnamed third parties or
 * partners take data through its service makes the data available to them, a sale in the
 * CCPA's sense, unless the policy says they act for it; a kind of third party the ontology
 * knows, a share that is not through the service, or a restriction on something else is not
 * met. Each case a restriction and a practice, written for this test. */
#include "testutil.h"

#include "compare/compare.h"

#include <stdio.h>

static const char no_sale[] = "We do not sell your personal information.";

/* Unnamed third parties or partners taking data through the service, or with the company's
 * leave, is a sale; so it is when service providers are named beside them. */
static void test_sale_unnamed_third_parties_through_us(void **state)
{
    (void)state;
    static const test_contra_case cases[] = {
        {no_sale, "Third parties may collect your device identifiers through our app.", 1},
        {no_sale, "Our partners may collect your location data when you use our app.", 1},
        {no_sale, "We allow third parties to collect your device identifiers.", 1},
        {no_sale,
         "Our service providers and other third parties may collect your device identifiers "
         "through our app.",
         1},
    };
    test_check_contra_cases(POLCMP_TAXONOMY, cases, sizeof cases / sizeof cases[0]);
}

/* Near misses: recipients that act for the company, a kind of third party the ontology knows
 * (analytics providers may be a service provider), a plain share or one elsewhere, data the
 * restriction does not name, and a restriction on sharing with other recipients. */
static void test_sale_near_misses(void **state)
{
    (void)state;
    static const test_contra_case cases[] = {
        {no_sale,
         "Third parties may collect your device identifiers through our app on our behalf.", 0},
        {no_sale, "Our service providers may collect your device identifiers through our app.", 0},
        {no_sale, "Analytics providers may collect your device identifiers through our app.", 0},
        {no_sale, "We share your device identifiers with third parties.", 0},
        {no_sale, "Third parties may collect your device identifiers on their own websites.", 0},
        {"We do not sell your email address.",
         "Third parties may collect your device identifiers through our app.", 0},
        {"We do not share your personal information with advertisers.",
         "Third parties may collect your device identifiers through our app.", 0},
    };
    test_check_contra_cases(POLCMP_TAXONOMY, cases, sizeof cases / sizeof cases[0]);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_sale_unnamed_third_parties_through_us),
        cmocka_unit_test(test_sale_near_misses),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

/* test_contradictions.c: contradictions read from statement frames, on one- and two-sentence
 * policies written for it, under the fixture taxonomy (tests/data/compare/taxonomy.yaml) or
 * the shipped one: each case a restriction and a practice, and whether they conflict. */
#include "testutil.h"

#include "compare/compare.h"

#include <stdio.h>
#include <string.h>

/* The contradiction findings of one policy text under the fixture taxonomy. */
static size_t contradictions_of(const char *text)
{
    return test_findings_of(POLCMP_TEST_DATA "/compare/taxonomy.yaml", text, 0,
                            PC_FIND_CONTRADICTION, NULL);
}

/* A relative clause about a thing that is not data states what that thing does: the data it
 * names are not the outer action's ("we sell to partners that sell your address" says what
 * the partners sell). Data named before the relative clause stay the outer action's. */
static void test_contradiction_relative_clause(void **state)
{
    (void)state;
    assert_int_equal(contradictions_of("We do not sell your delivery address.\n"
                                       "We may sell to partners that sell your delivery "
                                       "address.\n"),
                     0);
    assert_int_equal(contradictions_of("We do not sell your delivery address.\n"
                                       "We may sell your delivery address to partners that "
                                       "sell it.\n"),
                     1);
}

/* A restriction that holds only while the person does something, only in one process, or
 * that states an intention is no restriction; one that waits for the person's consent is. */
static void test_contradiction_scoped_restrictions(void **state)
{
    (void)state;
    static const char practice[] = "We sell your delivery address to partners.\n";
    static const char *const scoped[] = {
        "We do not sell your delivery address unless you fill out a form.\n",
        "Your delivery address is not sold as part of this process.\n",
        "We are not attempting to sell your delivery address.\n",
    };
    char text[300];
    for (size_t i = 0; i < sizeof scoped / sizeof scoped[0]; i++) {
        snprintf(text, sizeof text, "%s%s", scoped[i], practice);
        assert_int_equal(contradictions_of(text), 0);
    }
    snprintf(text, sizeof text, "%s%s",
             "We do not sell your delivery address unless you give your consent.\n", practice);
    assert_int_equal(contradictions_of(text), 1);
}

/* Data "from" the people the policy is about, wherever they live, are everyone's data, and
 * "profit from your data" names the data, not where they come from; data from another source
 * or from a narrower group are a restriction of their own. */
static void test_contradiction_sources(void **state)
{
    (void)state;
    static const char practice[] = "We sell your purchase history to partners.\n";
    static const struct {
        const char *restriction;
        size_t found;
    } cases[] = {
        {"We have not sold personal information from Ohio residents.\n", 1},
        {"We do not sell personal information from our users.\n", 1},
        {"We do not sell or otherwise profit from your personal information.\n", 1},
        {"We do not sell personal information from our partners.\n", 0},
        {"We do not sell personal information from children.\n", 0},
        {"We do not sell personal information from Ohio schools.\n", 0},
    };
    char text[300];
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        snprintf(text, sizeof text, "%s%s", cases[i].restriction, practice);
        assert_int_equal(contradictions_of(text), cases[i].found);
    }
}

/* An action named as a noun with its object ("sharing of your address with partners") states
 * the practice; one said not to happen does not. */
static void test_contradiction_nominal_action(void **state)
{
    (void)state;
    assert_int_equal(contradictions_of("We do not share your delivery address with advertisers.\n"
                                       "Sharing of your delivery address with advertisers "
                                       "may count as a sale under some laws.\n"),
                     1);
    assert_int_equal(contradictions_of("We do not share your delivery address with advertisers.\n"
                                       "Sharing of your delivery address with advertisers "
                                       "is never allowed.\n"),
                     0);
}

static void check_contra_cases(const test_contra_case *cases, size_t n)
{
    test_check_contra_cases(POLCMP_TEST_DATA "/compare/taxonomy.yaml", cases, n);
}

/* Under the shipped ontology, tracking people is a kind of collecting: a company that says it
 * collects no personal information and that cookies help it track how people use its service
 * says both; "we do not track" does not restrict collecting, nor does a restriction on other
 * data ("payment details") restrict tracking. */
static void test_contradiction_tracking_is_collecting(void **state)
{
    (void)state;
    static const test_contra_case cases[] = {
        {"We have not collected personal information from Ohio residents.",
         "Cookies help us track how you interact with our app.", 1},
        {"We do not collect personal information.",
         "We track your use of our website with web beacons.", 1},
        {"We do not track you across other websites.",
         "We collect your usage data when you open the app.", 0},
        {"We do not collect your payment details.",
         "Cookies help us track how you interact with our app.", 0},
    };
    test_check_contra_cases(POLCMP_TAXONOMY, cases, sizeof cases / sizeof cases[0]);
}

/* What a thing lets the company do is the company's practice ("cookies help us collect");
 * what the person allows is their grant, not a practice. */
static void test_contradiction_enabled_by_a_thing(void **state)
{
    (void)state;
    static const test_contra_case cases[] = {
        {"We do not collect your purchase history.",
         "Cookies help us collect your purchase history.", 1},
        {"We do not collect your purchase history.",
         "These tools allow us to collect your purchase history.", 1},
        {"We do not collect your purchase history.",
         "Cookies help us and our partners collect your purchase history.", 1},
        {"We do not collect your purchase history.",
         "You allow us to collect your purchase history.", 0},
    };
    check_contra_cases(cases, sizeof cases / sizeof cases[0]);
}

/* Another party collecting through the company's service ("our app", "the app", "use of our
 * app", "when you use our app"), or with its leave, is the company sharing with it; what that
 * party does elsewhere is not. */
static void test_contradiction_through_our_service(void **state)
{
    (void)state;
    static const test_contra_case cases[] = {
        {"We do not share your purchase history with advertisers.",
         "Advertisers may collect your purchase history through our app.", 1},
        {"We do not share your purchase history with advertisers.",
         "We permit advertisers to collect your purchase history.", 1},
        {"We do not share your purchase history with advertisers.",
         "Advertisers may collect your purchase history on their own websites.", 0},
        {"We do not share your purchase history with couriers.",
         "Advertisers may collect your purchase history through our app.", 0},
        /* the service named as "the app", through the person's use of it, or while they use
         * it; another's service is not the company's */
        {"We do not share your purchase history with advertisers.",
         "Advertisers may collect your purchase history through the app.", 1},
        {"We do not share your purchase history with advertisers.",
         "Advertisers may collect your purchase history through use of our app.", 1},
        {"We do not share your purchase history with advertisers.",
         "Advertisers may collect your purchase history when you use our app.", 1},
        {"We do not share your purchase history with advertisers.",
         "Advertisers may collect your purchase history when you use their app.", 0},
        {"We do not share your purchase history with advertisers.",
         "Advertisers may collect your purchase history when you visit their site.", 0},
        /* the other party named in a passive ("by our advertisers"), or beside the company in
         * the subject, is the one collecting */
        {"We do not share your purchase history with advertisers.",
         "Your purchase history may be collected by our advertisers through our app.", 1},
        {"We do not share your purchase history with advertisers.",
         "We and our advertisers may collect your purchase history through our app.", 1},
        {"We do not share your purchase history with advertisers.",
         "We and our couriers may collect your purchase history through our app.", 0},
        {"We do not share your purchase history with advertisers.",
         "Your purchase history may be collected by our app.", 0},
        {"Your purchase history is never shared by our advertisers.",
         "We share your purchase history with advertisers.", 0},
    };
    check_contra_cases(cases, sizeof cases / sizeof cases[0]);
}

/* A sale "as the law defines it" to named recipients is any making available to them, unless
 * they act for the company; the plain word and a law's sense of an action the ontology does not
 * define are read as before; a sale in Nevada's sense (for money only) is met by selling alone,
 * not by what implies the word. */
static void test_contradiction_legal_sense(void **state)
{
    (void)state;
    static const test_contra_case cases[] = {
        {"We do not sell personal information to partners as that term is defined in the CCPA.",
         "We share your purchase history with partners.", 1},
        {"We do not sell personal information to partners for purposes of the CCPA.",
         "We share your purchase history with partners.", 1},
        {"We do not sell personal information to partners.",
         "We share your purchase history with partners.", 0},
        {"We do not sell personal information to couriers as defined in the CCPA.",
         "We share your purchase history with couriers.", 0},
        {"We do not share personal information with partners as defined in the CCPA.",
         "We share your purchase history with partners.", 0},
        {"As per the definitions in the CCPA, we do not sell or share personal information.",
         "We share your purchase history with partners.", 0},
        /* Nevada's sale is an exchange for money (NRS 603A.333), narrower than the word */
        {"We do not sell personal information to partners as defined under Nevada law.",
         "We share your purchase history with partners.", 0},
        {"We do not sell personal information to partners as that term is defined in NRS 603A.",
         "We share your purchase history with partners.", 0},
        {"We do not sell your personal information.",
         "We share your purchase history with advertisers for advertising.", 1},
        {"We do not sell your personal information as defined under Nevada law.",
         "We share your purchase history with advertisers for advertising.", 0},
    };
    check_contra_cases(cases, sizeof cases / sizeof cases[0]);
}

/* "only" right before the person's consent or request limits when the action is done: the
 * statement is a restriction, met by the same action done automatically. An "only" or "any
 * other" that narrows what is done ("for any other purpose with your consent", "only with
 * partners") is not one, nor is a consent that "if" makes a circumstance. */
static void test_contradiction_only_with_consent(void **state)
{
    (void)state;
    static const char practice[] = "We automatically share your delivery address with advertisers.";
    static const test_contra_case cases[] = {
        {"We share your delivery address only with your consent.", practice, 1},
        {"We share your delivery address solely upon your request.", practice, 1},
        {"We may share your delivery address for any other purpose with your consent.", practice,
         0},
        {"We share your delivery address only with partners.", practice, 0},
        {"We share your delivery address only if you consent.", practice, 0},
        {"We share your delivery address only with your consent.",
         "We share your delivery address with advertisers when you ask us to.", 0},
    };
    check_contra_cases(cases, sizeof cases / sizeof cases[0]);
}

/* A subject that coordinates the company with others states the company's own practice or
 * restriction ("we and our partners may sell", "neither we nor our partners sell"), also when a
 * relative clause inside it has a verb of its own ("partners with whom we work"); others
 * alone, or others named in a relative clause after the company, do not. */
static void test_contradiction_coordinated_subject(void **state)
{
    (void)state;
    static const char restriction[] = "We do not sell your delivery address.";
    static const test_contra_case cases[] = {
        {restriction, "We and our partners may sell your delivery address.", 1},
        {restriction, "We, our couriers, or our partners may sell your delivery address.", 1},
        {"Neither we nor our partners sell your delivery address.",
         "We sell your delivery address to advertisers.", 1},
        {restriction, "Our partners may sell your delivery address.", 0},
        {restriction, "We and partners who sell your delivery address meet once a year.", 0},
        /* a relative clause inside the subject: its verb is not the main verb */
        {restriction,
         "We, our couriers, or partners with whom we work may sell your delivery address.", 1},
        {restriction, "We and partners that we trust may sell your delivery address.", 1},
        {restriction, "Partners with whom we work may sell your delivery address.", 0},
        {restriction, "We and partners who may sell your delivery address meet once a year.", 0},
        /* the heads of such a subject act with the company: none of them is a recipient */
        {"We never sell your delivery address to couriers.",
         "We, our couriers, or partners with whom we work may sell your delivery address.", 0},
        {"We never sell your delivery address to couriers.",
         "We, our advertisers, or partners may sell your delivery address to couriers.", 1},
    };
    check_contra_cases(cases, sizeof cases / sizeof cases[0]);
}

/* A negation governs the verbs coordinated with its own in one clause ("we do not sell, rent
 * or otherwise disclose it", "we will not (a) sell it and (b) disclose it"), and the subject of
 * the first verb does them all; a verb with a subject or an auxiliary of its own ("and we
 * disclose it", "and will disclose it") is not governed by it. */
static void test_contradiction_coordinated_verbs(void **state)
{
    (void)state;
    static const char practice[] = "We share your delivery address with partners.";
    static const char restriction[] = "We do not sell your delivery address.";
    static const test_contra_case cases[] = {
        {"We will not (a) sell your delivery address to couriers and (b) share your delivery "
         "address with partners.",
         practice, 1},
        {"We do not sell or rent, or otherwise share your delivery address.", practice, 1},
        {"We do not sell, rent or share your delivery address.", practice, 1},
        {"Under no circumstances will we sell or share your delivery address.", practice, 1},
        {restriction, "We collect and sell your delivery address to partners.", 1},
        {"We do not sell your delivery address and we share your delivery address with "
         "partners.",
         practice, 0},
        {"We do not sell your delivery address and will share your delivery address with "
         "partners.",
         practice, 0},
        {restriction, "Our partners collect and sell your delivery address.", 0},
    };
    check_contra_cases(cases, sizeof cases / sizeof cases[0]);
}

/* "where", "when" or "how" with a subject right after the verb opens its object ("we do not
 * track where you go"), not a condition that would keep the sentence's restrictions from being
 * firm; after the object, or without a subject ("where required by law"), it is a condition. */
static void test_contradiction_wh_object(void **state)
{
    (void)state;
    static const char practice[] = "We collect your location data.";
    static const test_contra_case cases[] = {
        {"We do not collect your location or track where you go.", practice, 1},
        {"We do not collect your location or record when you open the app.", practice, 1},
        {"We do not collect your location when you visit our website.", practice, 0},
        {"We do not collect your location or disclose it where required by law.", practice, 0},
        {"We do not track where you go.", practice, 0},
        {"We do not track where you go.", "We track your location with web beacons.", 0},
    };
    test_check_contra_cases(POLCMP_TAXONOMY, cases, sizeof cases / sizeof cases[0]);
}

/* A restriction's data written narrower than a kind ("precise location", "such geolocation",
 * "this category of data") covers that narrower data, not the whole kind; a restriction on the
 * kind covers the narrower data. */
static void test_contradiction_narrow_data(void **state)
{
    (void)state;
    static const char general[] = "We share your location data with advertisers.";
    static const test_contra_case cases[] = {
        {"We do not share precise location with advertisers.",
         "We share your precise geolocation with advertisers.", 1},
        {"We do not share your location with advertisers.",
         "We share your precise location with advertisers.", 1},
        {"We do not share more precise location with advertisers.", general, 0},
        {"We do not share such geolocation with advertisers.", general, 0},
        {"We do not share this category of data with advertisers.", general, 0},
    };
    test_check_contra_cases(POLCMP_TAXONOMY, cases, sizeof cases / sizeof cases[0]);
}

/* A practice stated for the sale of the business ("if our business is sold") is one a
 * restriction on selling data does not reach; the same practice unconditioned is. */
static void test_contradiction_business_sold(void **state)
{
    (void)state;
    static const test_contra_case cases[] = {
        {"We do not sell your personal information.",
         "If our business is sold, we may sell our customer list as part of that transaction.", 0},
        {"We do not sell your personal information.",
         "If the company was sold, we may sell our customer list to the buyer.", 0},
        {"We do not sell your personal information.", "We may sell our customer list.", 1},
    };
    test_check_contra_cases(POLCMP_TAXONOMY, cases, sizeof cases / sizeof cases[0]);
}

/* A disclosure to named recipients of nothing but data that is not personal ("only in
 * aggregated form") says that no personal data goes to them: sharing an email address with
 * them conflicts. A practice that names such data itself, other recipients, a statement
 * without "only", without recipients, or one that holds in a circumstance do not. */
static void test_contradiction_only_not_personal(void **state)
{
    (void)state;
    static const char practice[] = "We may share your email address with advertisers.";
    static const char only[] = "We share only anonymized information with our advertisers.";
    static const test_contra_case cases[] = {
        {only, practice, 1},
        {"We disclose information to advertisers only in aggregated form.", practice, 1},
        {only, "We share anonymized usage data with advertisers.", 0},
        {only, "We may share your email address with our payment processors.", 0},
        {"We share anonymized information with our advertisers.", practice, 0},
        {"We only use aggregated information.", "We use your email address to send receipts.", 0},
        {"When you join a survey, we share only anonymized information with advertisers.",
         practice, 0},
    };
    test_check_contra_cases(POLCMP_TAXONOMY, cases, sizeof cases / sizeof cases[0]);
}

/* "only" right before "for" or "to" opening a purpose limits the action to that purpose: the
 * same action on the same data for a purpose that is neither a kind of it nor one it is a kind
 * of conflicts. A duration ("only for as long as"), an unknown purpose, a recipient ("only to
 * our couriers"), another action or another data type, or a practice with consent do not. */
static void test_contradiction_only_purpose(void **state)
{
    (void)state;
    static const char only[] = "We use your email address solely for security purposes.";
    static const char marketing[] = "We use your email address for marketing.";
    static const test_contra_case cases[] = {
        {only, marketing, 1},
        {"We use your personal information only for the purpose of fraud prevention.",
         "We use your phone number for targeted advertising.", 1},
        {only, "We use your email address to prevent fraud.", 0},
        {"We use your email address only for marketing.",
         "We use your email address for targeted advertising.", 0},
        {"We keep your email address only for as long as needed for security.",
         "We keep your email address for marketing.", 0},
        {"We use your email address only to confirm your booking.", marketing, 0},
        {"We share your email address only to our couriers for security.",
         "We share your email address with our couriers for marketing.", 0},
        {only, "We collect your email address for marketing.", 0},
        {only, "We use your phone number for marketing.", 0},
        {only, "With your consent, we use your email address for marketing.", 0},
    };
    test_check_contra_cases(POLCMP_TAXONOMY, cases, sizeof cases / sizeof cases[0]);
}

/* What is named rather than stated is no practice: the items of a list of the person's rights,
 * an activity named without a subject, a quoted word being defined. The same words stated by
 * the company are. */
static void test_contradiction_named_not_stated(void **state)
{
    (void)state;
    static const char restriction[] = "We do not share your purchase history.";
    static const test_contra_case cases[] = {
        {restriction,
         "You have the right to tell us not to:\n\n"
         "- share your purchase history with partners;\n- profile you.",
         0},
        {restriction,
         "We may do the following:\n\n- share your purchase history with partners;\n- profiling.",
         1},
        {restriction, "Sharing your purchase history with partners.", 0},
        {restriction, "\"Share,\" or \"shared,\" means giving your purchase history to partners.",
         0},
        {restriction, "We \"share\" your purchase history with partners.", 1},
    };
    check_contra_cases(cases, sizeof cases / sizeof cases[0]);
}

/* A relative clause without a pronoun after a noun that is not data ("the goods we sell")
 * states a sale of that noun, not of personal information; with an object of its own ("the
 * day we sell your address") it is about that object. */
static void test_contradiction_zero_relative(void **state)
{
    (void)state;
    static const char restriction[] = "We do not sell personal information.";
    static const test_contra_case cases[] = {
        {restriction, "You can return the goods we sell within a month.", 0},
        {restriction, "Any bicycles we may sell carry a warranty.", 0},
        {restriction, "On the day we sell your delivery address, we tell you.", 1},
        {restriction, "We sell your delivery address to partners.", 1},
    };
    check_contra_cases(cases, sizeof cases / sizeof cases[0]);
}

/* "unless you" followed by the person's consent makes the restriction one that waits for it
 * ("unless you have given us consent, we will not share"), reported as such; followed by
 * something else the person does it is a circumstance, and no restriction. */
static void test_contradiction_unless_you_consent(void **state)
{
    (void)state;
    static const char practice[] = "We share your delivery address with advertisers.\n";
    static const char *const waits[] = {
        "Unless you have given us consent, we will not share your delivery address.\n",
        "We will not share your delivery address unless you have consented.\n",
    };
    char text[300];
    for (size_t i = 0; i < sizeof waits / sizeof waits[0]; i++) {
        snprintf(text, sizeof text, "%s%s", waits[i], practice);
        assert_int_equal(test_findings_of(POLCMP_TEST_DATA "/compare/taxonomy.yaml", text, 0,
                                          PC_FIND_CONTRADICTION, "(only with consent)"),
                         1);
    }
    assert_int_equal(contradictions_of("We will not share your delivery address unless you "
                                       "place an order.\n"
                                       "We share your delivery address with advertisers.\n"),
                     0);
    assert_int_equal(contradictions_of("Unless you have given us consent, we will not share "
                                       "your delivery address.\n"
                                       "With your consent, we share your delivery address with "
                                       "advertisers.\n"),
                     0);
}

/* Restrictions that clash with the same practices are one finding citing them all, the
 * restrictions first and the strongest leading; restrictions that clash with different
 * practices stay apart. */
static void test_contradiction_one_finding_per_clash(void **state)
{
    (void)state;
    pc_error err = {{0}};
    pc_taxonomy *tax = pc_tax_load(POLCMP_TEST_DATA "/compare/taxonomy.yaml", &err);
    assert_non_null(tax);
    pc_policy *p = test_open_text(tax, "one",
                                  "We sell your delivery address only with your consent.\n"
                                  "We do not sell your delivery address.\n"
                                  "We automatically sell your delivery address to partners.\n");
    pc_comparison *c = pc_compare(tax, &p, 1, 0, &err);
    assert_non_null(c);
    const pc_finding *f = NULL;
    size_t n = 0;
    for (size_t i = 0; i < c->nfindings; i++)
        if (c->findings[i].kind == PC_FIND_CONTRADICTION) {
            f = &c->findings[i];
            n++;
        }
    assert_int_equal(n, 1);
    assert_int_equal(f->nrestrictions, 2);
    assert_int_equal(f->nrefs, 3);
    assert_int_equal(f->refs[0].clause, 1); /* "does not" leads "only with consent" */
    assert_int_equal(f->refs[1].clause, 0);
    assert_int_equal(f->refs[2].clause, 2);
    assert_non_null(strstr(f->message, "the same restriction in 1 more clause"));
    pc_comparison_free(c);
    pc_policy_free(p);
    pc_tax_free(tax);
    assert_int_equal(contradictions_of("We do not sell your delivery address.\n"
                                       "We do not share your purchase history.\n"
                                       "We sell your delivery address to partners.\n"
                                       "We share your purchase history with partners.\n"),
                     2);
}

/* Restrictions whose reach the surrounding text settles are not read as covering everything:
 * data named only as "this information", what a thing or another product does not do, and an
 * exception for whatever the policy states elsewhere. Each is beside the same practice against
 * a firm restriction, which is a clash. (Reading any of them as firm was measured on the judged
 * development pairs: at most one more judged contradiction for each, and findings outside the
 * judged pairs that were mostly wrong.) */
static void test_contradiction_scope_left_to_context(void **state)
{
    (void)state;
    static const char shared[] = "We share your browsing history with advertising networks.";
    static const char stored[] = "We store cookies on your device to remember your settings.";
    static const char disclosed[] =
        "We disclose your personal information to outside companies to run the app.";
    static const char located[] = "We collect your location to show nearby stores.";
    static const test_contra_case cases[] = {
        {"We do not share your browsing history with anyone.", shared, 1},
        {"This information stays on your phone and is not shared with anyone.", shared, 0},
        {"We do not store any personal information.", stored, 1},
        {"These cookies do not store any personal information.", stored, 0},
        {"We do not share your personal information with outside companies.", disclosed, 1},
        {"Apart from this, we do not share your personal information unless you agree or as "
         "otherwise described in this notice.",
         disclosed, 0},
        {"We do not collect your location.", located, 1},
        {"The Acme Lens add-on does not collect your location.", located, 0},
    };
    test_check_contra_cases(POLCMP_TAXONOMY, cases, sizeof cases / sizeof cases[0]);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_contradiction_relative_clause),
        cmocka_unit_test(test_contradiction_zero_relative),
        cmocka_unit_test(test_contradiction_unless_you_consent),
        cmocka_unit_test(test_contradiction_one_finding_per_clash),
        cmocka_unit_test(test_contradiction_scoped_restrictions),
        cmocka_unit_test(test_contradiction_sources),
        cmocka_unit_test(test_contradiction_nominal_action),
        cmocka_unit_test(test_contradiction_tracking_is_collecting),
        cmocka_unit_test(test_contradiction_enabled_by_a_thing),
        cmocka_unit_test(test_contradiction_through_our_service),
        cmocka_unit_test(test_contradiction_legal_sense),
        cmocka_unit_test(test_contradiction_only_with_consent),
        cmocka_unit_test(test_contradiction_coordinated_subject),
        cmocka_unit_test(test_contradiction_coordinated_verbs),
        cmocka_unit_test(test_contradiction_wh_object),
        cmocka_unit_test(test_contradiction_narrow_data),
        cmocka_unit_test(test_contradiction_business_sold),
        cmocka_unit_test(test_contradiction_named_not_stated),
        cmocka_unit_test(test_contradiction_only_not_personal),
        cmocka_unit_test(test_contradiction_only_purpose),
        cmocka_unit_test(test_contradiction_scope_left_to_context),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

/* test_compare.c: the comparison on small policies written for it, with a small taxonomy of
 * its own (tests/data/compare/taxonomy.yaml), so expectations follow from the texts here. */
#include "testutil.h"

#include "compare/compare.h"
#include "present/present.h"
#include "text/title.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Policy A sells and says it never sells (a contradiction), shares with a courier but not with
 * advertisers (a near miss), keeps data 90 days, has no security clause. */
static const char policy_a[] =
    "1. Sharing\n"
    "We never sell your personal information.\n"
    "We do not share your data with advertisers.\n"
    "We share your delivery address with our courier to deliver your order.\n"
    "2. Keeping data\n"
    "We keep order records for 90 days.\n"
    "3. Changes\n"
    "We may sell customer lists to selected partners.\n";

/* Policy B keeps data two years, encrypts, says it does not sell. */
static const char policy_b[] =
    "1. Sharing\n"
    "We do not sell personal information.\n"
    "2. Keeping data\n"
    "We keep order records for two years.\n"
    "3. Security\n"
    "We encrypt data in transit with TLS.\n";

/* Policy C sells, keeps data 90 days, encrypts. */
static const char policy_c[] =
    "1. Sharing\n"
    "We sell your purchase history to data brokers.\n"
    "2. Keeping data\n"
    "We keep order records for 90 days.\n"
    "3. Security\n"
    "We encrypt stored data.\n";

typedef struct fixture {
    pc_taxonomy *tax;
    pc_policy *pol[3];
    pc_comparison *cmp;
} fixture;

static int setup(void **state, unsigned regimes)
{
    fixture *f = calloc(1, sizeof *f);
    pc_error err = {{0}};
    f->tax = pc_tax_load(POLCMP_TEST_DATA "/compare/taxonomy.yaml", &err);
    if (!f->tax)
        fail_msg("%s", err.msg);
    f->pol[0] = test_open_text(f->tax, "a.txt", policy_a);
    f->pol[1] = test_open_text(f->tax, "b.txt", policy_b);
    f->pol[2] = test_open_text(f->tax, "c.txt", policy_c);
    f->cmp = pc_compare(f->tax, f->pol, 3, regimes, &err);
    assert_non_null(f->cmp);
    *state = f;
    return 0;
}

static int setup_plain(void **state)
{
    return setup(state, 0);
}

static int setup_gdpr(void **state)
{
    return setup(state, PC_REGIME_GDPR);
}

static int teardown(void **state)
{
    fixture *f = *state;
    pc_comparison_free(f->cmp);
    for (int i = 0; i < 3; i++)
        pc_policy_free(f->pol[i]);
    pc_tax_free(f->tax);
    free(f);
    return 0;
}

/* The findings of one kind that involve policy pi (or any policy when pi < 0). */
static size_t count_kind(const pc_comparison *c, pc_finding_kind k, int pi)
{
    size_t n = 0;
    for (size_t i = 0; i < c->nfindings; i++)
        n += c->findings[i].kind == k && (pi < 0 || ((c->findings[i].policies >> pi) & 1));
    return n;
}

static const pc_finding *find_kind(const pc_comparison *c, pc_finding_kind k, int pi)
{
    for (size_t i = 0; i < c->nfindings; i++)
        if (c->findings[i].kind == k && (pi < 0 || ((c->findings[i].policies >> pi) & 1)))
            return &c->findings[i];
    return NULL;
}

static const char *clause_of(const fixture *f, const pc_ref *r, char *buf, size_t n)
{
    size_t len;
    const char *s = pc_policy_clause_text(f->pol[r->policy], r->clause, &len);
    snprintf(buf, n, "%.*s", (int)len, s);
    return buf;
}

static pc_policy *open_page(const pc_taxonomy *tax, const char *page)
{
    pc_error err = {{0}};
    pc_doc *doc = pc_doc_from_memory("page.html", page, strlen(page), PC_FORMAT_HTML, &err);
    assert_non_null(doc);
    pc_policy *p = pc_policy_from_doc(doc, tax, &err);
    if (!p)
        fail_msg("%s", err.msg);
    return p;
}

/* The title names the policy: a site's menu line opening the page gives way to the page's
 * <title> or to a heading shaped as the policy's title; the label is the company in it, or in
 * the opening line when nothing else names one. */
static void test_policy_title_and_label(void **state)
{
    fixture *f = *state;
    static const char prose[] = "<p>We collect your name and e-mail address when you sign up for "
                                "an account, and we keep them while the account is open.</p>";
    char page[1024];
    snprintf(page, sizeof page, "<title>Harbourline Legal Center</title><body><p>All Contracts</p>"
             "<h1>Harbourline Terms of Service</h1>%s<h1>Harbourline Privacy Policy</h1>%s</body>",
             prose, prose);
    pc_policy *p = open_page(f->tax, page);
    assert_string_equal(p->name, "page: Harbourline Privacy Policy");
    assert_string_equal(p->label, "Harbourline");
    pc_policy_free(p);
    snprintf(page, sizeof page, "<title>Privacy Policy - Harbourline</title><body><p>Skip "
             "Navigation</p><h2>What we collect</h2>%s</body>", prose);
    p = open_page(f->tax, page);
    assert_string_equal(p->name, "page: Privacy Policy - Harbourline");
    assert_string_equal(p->label, "Harbourline");
    pc_policy_free(p);
    snprintf(page, sizeof page, "<title>Privacy Policy</title><body><h1>Tidewell</h1>"
             "<h2>What we collect</h2>%s</body>", prose);
    p = open_page(f->tax, page);
    assert_string_equal(p->name, "page: Privacy Policy");
    assert_string_equal(p->label, "Tidewell");
    pc_policy_free(p);
    static const char *const naming[] = {"Datenschutzerkl\xc3\xa4rung", "Politique de "
                                         "confidentialit\xc3\xa9", "\xe9\x9a\x90\xe7\xa7\x81"
                                         "\xe6\x94\xbf\xe7\xad\x96", "COOKIE POLICY"};
    for (size_t i = 0; i < sizeof naming / sizeof naming[0]; i++)
        assert_true(pc_title_names_policy(naming[i], strlen(naming[i])));
    assert_false(pc_title_names_policy("All Contracts", 13));
}

static void test_matrix(void **state)
{
    fixture *f = *state;
    int security = pc_tax_find_category(f->tax, "security");
    int sharing = pc_tax_find_category(f->tax, "sharing");
    assert_false(pc_comparison_cell(f->cmp, security, 0)->covered);
    assert_true(pc_comparison_cell(f->cmp, security, 1)->covered);
    assert_int_equal(pc_comparison_cell(f->cmp, security, 0)->peers, 2);
    /* a: sell, share (x2) and sell again: four clauses on sharing. */
    assert_int_equal(pc_comparison_cell(f->cmp, sharing, 0)->nclauses, 4);
}

static void test_gap(void **state)
{
    fixture *f = *state;
    const pc_finding *g = find_kind(f->cmp, PC_FIND_GAP, 0);
    assert_non_null(g);
    assert_int_equal(g->category, pc_tax_find_category(f->tax, "security"));
    assert_int_equal(g->policies, 1ul); /* about a only */
    assert_int_equal(g->nrefs, 3);      /* a itself, and b's and c's covering clauses */
    char buf[200];
    assert_string_equal(clause_of(f, &g->refs[1], buf, sizeof buf),
                        "We encrypt data in transit with TLS.");
    assert_int_equal(count_kind(f->cmp, PC_FIND_GAP, -1), 1);
    assert_int_equal(count_kind(f->cmp, PC_FIND_MISSING, -1), 0); /* no regime selected */
}

static void test_contradiction(void **state)
{
    fixture *f = *state;
    assert_int_equal(count_kind(f->cmp, PC_FIND_CONTRADICTION, -1), 1);
    const pc_finding *c = find_kind(f->cmp, PC_FIND_CONTRADICTION, 0);
    assert_non_null(c);
    assert_int_equal(c->severity, PC_SEV_HIGH);
    char x[200], y[200];
    assert_string_equal(clause_of(f, &c->refs[0], x, sizeof x),
                        "We never sell your personal information.");
    assert_string_equal(clause_of(f, &c->refs[1], y, sizeof y),
                        "We may sell customer lists to selected partners.");
    assert_non_null(strstr(c->message, "Sells personal information"));
}

static void test_value_disagreement(void **state)
{
    fixture *f = *state;
    const pc_finding *d = NULL;
    for (size_t i = 0; i < f->cmp->nfindings; i++)
        if (f->cmp->findings[i].attribute == 0)
            d = &f->cmp->findings[i];
    assert_non_null(d);
    assert_int_equal(d->kind, PC_FIND_DISAGREEMENT);
    assert_int_equal(d->policies, 7ul);
    assert_non_null(strstr(d->message, "a: 90 days; b: 730 days; c: 90 days"));
    /* The measure (TLS) is stated by b alone and is not a value to disagree on. */
    for (size_t i = 0; i < f->cmp->nfindings; i++)
        assert_int_not_equal(f->cmp->findings[i].attribute, 1);
}

static void test_stance_disagreement(void **state)
{
    fixture *f = *state;
    /* b only says it does not sell, c only that it sells; a contradicts itself, so it is left
     * out of the cross-policy comparison. */
    size_t n = 0;
    for (size_t i = 0; i < f->cmp->nfindings; i++) {
        const pc_finding *d = &f->cmp->findings[i];
        if (d->kind != PC_FIND_DISAGREEMENT || d->attribute >= 0)
            continue;
        n++;
        assert_int_equal(d->policies, 6ul);
        assert_non_null(strstr(d->message, "c says it does; b says it does not"));
    }
    assert_int_equal(n, 1);
}

static void test_missing_required(void **state)
{
    fixture *f = *state;
    /* Nobody names a DPO: missing for all three, once each; the finding on the DPO category
     * also carries the article of its uncovered subcategory (DPO contact details). Everyone
     * keeps data: nothing else. */
    assert_int_equal(count_kind(f->cmp, PC_FIND_MISSING, -1), 3);
    const pc_finding *m = find_kind(f->cmp, PC_FIND_MISSING, 1);
    assert_non_null(m);
    assert_int_equal(m->severity, PC_SEV_HIGH);
    assert_int_equal(m->category, pc_tax_find_category(f->tax, "dpo"));
    assert_non_null(strstr(m->message, "GDPR Art. 13(1)(b); GDPR Art. 37(7)"));
    /* High findings come first. */
    assert_int_equal(f->cmp->findings[0].severity, PC_SEV_HIGH);
    for (size_t i = 1; i < f->cmp->nfindings; i++)
        assert_true(f->cmp->findings[i - 1].severity >= f->cmp->findings[i].severity);
}

static void test_report_and_json(void **state)
{
    fixture *f = *state;
    pc_report *r = pc_present_report(f->cmp, NULL);
    assert_non_null(r);
    assert_int_equal(r->ntables, 3);
    const pc_table *m = &r->tables[0];
    assert_int_equal(m->ncols, 4);
    int found_gap = 0;
    for (size_t row = 1; row < m->nrows; row++)
        if (!strcmp(pc_table_cell(m, row, 0)->text, "Security")) {
            assert_int_equal(pc_table_cell(m, row, 1)->mark, PC_MARK_GAP);
            assert_int_equal(pc_table_cell(m, row, 2)->mark, PC_MARK_COVERED);
            found_gap = 1;
        }
    assert_true(found_gap);
    pc_report_free(r);

    char *out = NULL;
    size_t n = 0;
    FILE *mf = open_memstream(&out, &n);
    pc_error err = {{0}};
    assert_int_equal(pc_present_json(f->cmp, NULL, mf, &err), 0);
    fclose(mf);
    assert_non_null(strstr(out, "\"status\": \"gap\""));
    assert_non_null(strstr(out, "\"kind\": \"contradiction\""));
    free(out);
}

/* A policy that states the opposite of its restriction forty times: one finding citing the
 * restriction and thirty-two of them, its message counting all forty. */
static void test_contradiction_cites_a_bounded_number(void **state)
{
    (void)state;
    pc_error err = {{0}};
    pc_taxonomy *tax = pc_tax_load(POLCMP_TEST_DATA "/compare/taxonomy.yaml", &err);
    assert_non_null(tax);
    pc_buf text = {0};
    pc_buf_adds(&text, "We never sell your personal information.\n");
    for (int i = 1; i <= 40; i++)
        pc_buf_printf(&text, "We may sell customer list number %d to partners.\n", i);
    pc_policy *p = test_open_text(tax, "repeats", text.data);
    pc_comparison *c = pc_compare(tax, &p, 1, 0, &err);
    assert_non_null(c);
    assert_int_equal(count_kind(c, PC_FIND_CONTRADICTION, -1), 1);
    const pc_finding *f = find_kind(c, PC_FIND_CONTRADICTION, 0);
    assert_int_equal(f->nrefs, 33);
    assert_non_null(strstr(f->message, "and 39 more clauses"));
    pc_comparison_free(c);
    pc_policy_free(p);
    pc_buf_free(&text);
    pc_tax_free(tax);
}

/* Whether policy text, under the default taxonomy, is reported as not disclosing the GDPR
 * requirement whose id is in parentheses in `tag` ("(G1)"). */
static int gdpr_missing(const char *text, const char *tag)
{
    return test_findings_of(POLCMP_TAXONOMY, text, PC_REGIME_GDPR, PC_FIND_MISSING, tag) > 0;
}

/* The controller is named by a brand written with a small first letter ("iWidget processes")
 * and reached at an address written out against harvesting or an international number with
 * no spaces; a policy that names neither is still reported. */
static void test_controller_identity_and_contact(void **state)
{
    (void)state;
    static const char *const met[] = {
        "iWidget processes your personal data to run the app.\n"
        "Write to privacy(at)widgetworks(dot)org with any question.\n",
        "eSample collects your email address to send receipts.\n"
        "Call us on +4930123456789 with any question.\n",
    };
    for (size_t i = 0; i < sizeof met / sizeof met[0]; i++)
        assert_false(gdpr_missing(met[i], "(G1)"));
    assert_true(gdpr_missing("The app processes your personal data to run the app.\n"
                             "Write to us at any time with any question.\n",
                             "(G1)"));
    assert_true(gdpr_missing("iWidget processes your personal data to run the app.\n"
                             "Ask at the front desk with any question.\n",
                             "(G1)"));
}

/* Consent the person gives to what the policy describes is a legal basis; a right to withdraw
 * consent alone names none. */
static void test_legal_basis_consent_given(void **state)
{
    (void)state;
    static const char purpose[] = "We use your email address to send you receipts.\n";
    static const struct {
        const char *text;
        int missing;
    } cases[] = {
        {"By using the app you expressly consent to the practices described here.\n", 0},
        {"When you sign up you give your consent to share your profile with members.\n", 0},
        {"You may withdraw consent at any time.\n", 1},
    };
    char text[300];
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        snprintf(text, sizeof text, "%s%s", purpose, cases[i].text);
        assert_int_equal(gdpr_missing(text, "(G3)"), cases[i].missing);
    }
}

/* Each GDPR item is met by what a notice says in plain words, without the article's terms,
 * and the same text without that statement is still reported. */
static void test_gdpr_plain_wordings(void **state)
{
    (void)state;
    static const struct {
        const char *tag, *met, *missing;
    } cases[] = {
        {"(G2)", "You can reach our data protection department at dp@example.org.\n",
         "You can reach our support department at help@example.org.\n"},
        {"(G3)",
         "When you visit, we receive your IP address in order to show the page in your "
         "language. We rely on your consent for this.\n",
         "When you visit, we receive your IP address. We rely on your consent for this.\n"},
        {"(G4)", "We keep server logs to protect our rights and interests.\n",
         "We keep server logs to find faults in the app.\n"},
        {"(G6)", "Advertising partners shown in the app may place cookies on your device.\n",
         "The app may place cookies on your device.\n"},
        {"(G8)", "We keep order records as described in this privacy policy.\n",
         "We keep order records in a database in Dublin.\n"},
        {"(G9)",
         "You may: access and correct your personal information; delete your account; restrict "
         "the processing of your data; object to direct marketing; request transfer of your "
         "personal data to you or to a third party.\n",
         "You may: correct your personal information; delete your account; restrict the "
         "processing of your data; object to direct marketing; request transfer of your "
         "personal data to you or to a third party.\n"},
        {"(G10)",
         "If you agreed to receive our newsletter, you can change your mind at any time by "
         "writing to us.\n",
         "If you agreed to receive our newsletter, we send it every month.\n"},
        {"(G12)", "You can browse the catalogue without creating an account.\n",
         "You can browse the catalogue from any browser.\n"},
        {"(G13)", "We may receive some information about you from the shops that sell our "
                  "devices.\n",
         "We may receive some information from you when you write to us.\n"},
        {"(G14)", "Uploaded photos are checked by automated fraud screening.\n",
         "Uploaded photos are checked by our staff.\n"},
    };
    /* the same words about something else disclose nothing */
    assert_true(gdpr_missing("If you change your mind about a purchase, return it within 14 "
                             "days.\n",
                             "(G10)"));
    assert_true(gdpr_missing("We never use your information without giving you notice.\n",
                             "(G12)"));
    assert_true(gdpr_missing("We collect information about you from your device when you open "
                             "the app.\n",
                             "(G13)"));
    /* an opt-out the person is denied is no way to withdraw */
    assert_true(gdpr_missing("Account notices matter, so you cannot opt out of them.\n", "(G10)"));
    /* words of keeping that name no period */
    assert_true(gdpr_missing("Your messages are kept confidential for your safety.\n", "(G8)"));
    assert_true(gdpr_missing("Nobody here can be held responsible while you use other sites.\n",
                             "(G8)"));
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        if (gdpr_missing(cases[i].met, cases[i].tag))
            fail_msg("%s reported missing in: %s", cases[i].tag, cases[i].met);
        if (!gdpr_missing(cases[i].missing, cases[i].tag))
            fail_msg("%s not reported in: %s", cases[i].tag, cases[i].missing);
    }
}

/* A line that is only a date under the title dates the policy (CCPA's last-updated date);
 * other lines that start with "date" or carry a date do not. */
static void test_policy_date_line(void **state)
{
    (void)state;
    static const char body[] = "We collect your email address to send you receipts.\n";
    static const struct {
        const char *head;
        int missing;
    } cases[] = {
        {"Date: 2024/03/15\n", 0},
        {"Dated 15 March 2024.\n", 0},
        {"Date: March 15, 2024\n", 0},
        {"Date of birth: 2024/03/15\n", 1},
        {"Date: to be announced\n", 1},
        {"Orders placed before 2024/03/15 ship free.\n", 1},
    };
    char text[300];
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        snprintf(text, sizeof text, "Privacy Policy\n%s%s", cases[i].head, body);
        size_t n = test_findings_of(POLCMP_TAXONOMY, text, PC_REGIME_CCPA, PC_FIND_MISSING, "(C9)");
        if ((n > 0) != cases[i].missing)
            fail_msg("C9 %s for: %s", n ? "reported" : "not reported", cases[i].head);
    }
}

static void test_parsers(void **state)
{
    (void)state;
    unsigned bits;
    pc_error err = {{0}};
    assert_int_equal(pc_regimes_parse("gdpr,COPPA", &bits, &err), 0);
    assert_int_equal(bits, PC_REGIME_GDPR | PC_REGIME_COPPA);
    assert_int_equal(pc_regimes_parse("gdpr,hipaa", &bits, &err), -1);
    assert_non_null(strstr(err.msg, "'hipaa'"));
    assert_int_equal(pc_finding_kinds_parse("gap,contradiction", &bits, &err), 0);
    assert_int_equal(bits, (1u << PC_FIND_GAP) | (1u << PC_FIND_CONTRADICTION));
    assert_int_equal(pc_finding_kinds_parse("gaps", &bits, &err), -1);
    assert_int_equal(pc_regime_of("CCPA 1798.100(a)(3)"), PC_REGIME_CCPA);
    assert_int_equal(pc_regime_of("Art. 5"), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_matrix, setup_plain, teardown),
        cmocka_unit_test_setup_teardown(test_policy_title_and_label, setup_plain, teardown),
        cmocka_unit_test_setup_teardown(test_gap, setup_plain, teardown),
        cmocka_unit_test_setup_teardown(test_contradiction, setup_plain, teardown),
        cmocka_unit_test_setup_teardown(test_value_disagreement, setup_plain, teardown),
        cmocka_unit_test_setup_teardown(test_stance_disagreement, setup_plain, teardown),
        cmocka_unit_test_setup_teardown(test_missing_required, setup_gdpr, teardown),
        cmocka_unit_test_setup_teardown(test_report_and_json, setup_plain, teardown),
        cmocka_unit_test(test_parsers),
        cmocka_unit_test(test_gdpr_plain_wordings),
        cmocka_unit_test(test_contradiction_cites_a_bounded_number),
        cmocka_unit_test(test_controller_identity_and_contact),
        cmocka_unit_test(test_legal_basis_consent_given),
        cmocka_unit_test(test_policy_date_line),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

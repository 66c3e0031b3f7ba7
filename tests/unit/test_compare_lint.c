/* test_compare_lint.c: the comparison's findings inside one policy (placeholder,
 * empty-section, duplicate, vague): each found where planted, with the clauses or section it
 * rests on, and the near misses left alone. Fixtures are written here; the examples/ plants
 * listed in examples/README.md are checked too, and 100,000 clauses must stay fast. */
#include "testutil.h"

#include "compare/compare_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static pc_taxonomy *tax;

static int setup(void **state)
{
    (void)state;
    pc_error err = {{0}};
    tax = pc_tax_load(POLCMP_TAXONOMY, &err);
    if (!tax)
        print_error("%s\n", err.msg);
    return tax ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    pc_tax_free(tax);
    return 0;
}

/* One policy compared on its own. Owns p and c. */
typedef struct run {
    pc_policy *p;
    pc_comparison *c;
} run;

static void run_text(run *r, const char *text, pc_format fmt)
{
    pc_error err = {{0}};
    pc_doc *doc = pc_doc_from_memory("fixture", text, strlen(text), fmt, &err);
    if (!doc)
        fail_msg("%s", err.msg);
    r->p = pc_policy_from_doc(doc, tax, &err);
    if (!r->p)
        fail_msg("%s", err.msg);
    r->c = pc_compare(tax, &r->p, 1, 0, &err);
    if (!r->c)
        fail_msg("%s", err.msg);
}

static void run_free(run *r)
{
    pc_comparison_free(r->c);
    pc_policy_free(r->p);
}

/* The findings of kind k: how many, and the i-th of them (NULL when fewer). */
static const pc_finding *nth_kind(const pc_comparison *c, pc_finding_kind k, size_t i,
                                  size_t *count)
{
    const pc_finding *hit = NULL;
    size_t n = 0;
    for (size_t j = 0; j < c->nfindings; j++)
        if (c->findings[j].kind == k && n++ == i)
            hit = &c->findings[j];
    if (count)
        *count = n;
    return hit;
}

/* The finding of kind k whose message contains needle, or NULL. */
static const pc_finding *find_msg(const pc_comparison *c, pc_finding_kind k, const char *needle)
{
    for (size_t j = 0; j < c->nfindings; j++)
        if (c->findings[j].kind == k && strstr(c->findings[j].message, needle))
            return &c->findings[j];
    return NULL;
}

/* The first clause from `from` on whose text contains needle; fails when none does. */
static size_t clause_with(const pc_policy *p, const char *needle, size_t from)
{
    size_t nl = strlen(needle);
    for (size_t k = from; k < p->outline->nclauses; k++) {
        size_t len;
        const char *s = pc_policy_clause_text(p, k, &len);
        for (size_t i = 0; i + nl <= len; i++)
            if (!memcmp(s + i, needle, nl))
                return k;
    }
    fail_msg("no clause holds \"%s\"", needle);
    return 0;
}

static int section_titled(const pc_policy *p, const char *title)
{
    for (size_t s = 0; s < p->outline->nsections; s++) {
        const pc_section *sec = &p->outline->sections[s];
        if (sec->title_end - sec->title_start == strlen(title) &&
            !memcmp(p->doc->text + sec->title_start, title, strlen(title)))
            return (int)s;
    }
    fail_msg("no section is titled \"%s\"", title);
    return -1;
}

#define LEAD "This notice explains how the Example shop handles personal data. "

/* A sentence, and the placeholder text quoted in its finding (NULL: no finding). */
static const struct {
    const char *text, *want;
} placeholder_rows[] = {
    {"Last updated: [insert date here].", "[insert date here]"},
    {"This policy is issued by [Company Name].", "[Company Name]"},
    {"Write to [Your company name, address, email address, and contact information].",
     "[Your company name, address, email address, and contact information]"},
    {"The controller is [LEGAL ENTITY] in the country of registration.", "[LEGAL ENTITY]"},
    {"[Add the list of processors] is published on request.", "[Add the list of processors]"},
    {"Our representative in the Union is [\xe2\x97\x8f].", "[\xe2\x97\x8f]"},
    {"Our office address is {{company_address}}.", "{{company_address}}"},
    {"This notice is signed by <<NAME>> for the board.", "<<NAME>>"},
    {"Call our hotline on XXX-XXX-XXXX during office hours.", "XXX-XXX-XXXX"},
    {"We keep server logs for XXXX days.", "XXXX"},
    {"The retention period for invoices is TBD.", "TBD"},
    {"TODO describe the cookies the checkout sets.", "TODO"},
    {"Name of the data protection officer: ________.", "________"},
    {"Lorem ipsum dolor sit amet, consectetur adipiscing elit.", "Lorem ipsum"},
    /* near misses */
    {"As the survey [1] shows, most people skim privacy notices.", NULL},
    {"Option [a] applies to customers in the Union.", NULL},
    {"The form was \"recieved [sic] in full\" by the office.", NULL},
    {"The notice can be downloaded as a file [PDF] from the help pages.", NULL},
    {"Read more [here](https://shop.example/cookies) about cookies.", NULL},
    {"Our staff [citation needed] are trained every year.", NULL},
    {"We stock shirts from size S to XXL and XXXL.", NULL},
    {"The warehouse keeps a todo list for staff, not for customers.", NULL},
    {"Customers rated the shop [5/5] in the last survey.", NULL},
};

static void test_placeholder_table(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof placeholder_rows / sizeof placeholder_rows[0]; i++) {
        char text[512], want[256];
        snprintf(text, sizeof text, LEAD "%s\n", placeholder_rows[i].text);
        run r;
        run_text(&r, text, PC_FORMAT_TEXT);
        size_t n;
        const pc_finding *f = nth_kind(r.c, PC_FIND_PLACEHOLDER, 0, &n);
        if (!placeholder_rows[i].want) {
            if (n != 0)
                fail_msg("'%s': unexpected finding: %s", placeholder_rows[i].text, f->message);
            run_free(&r);
            continue;
        }
        if (n != 1)
            fail_msg("'%s': %zu placeholder findings, want 1", placeholder_rows[i].text, n);
        snprintf(want, sizeof want, "unfilled template text \"%s\"", placeholder_rows[i].want);
        assert_string_equal(f->message, want);
        assert_int_equal(f->severity, PC_SEV_MEDIUM);
        assert_int_equal(f->category, -1);
        assert_int_equal(f->nrefs, 1);
        assert_int_equal(f->refs[0].policy, 0);
        assert_int_equal(f->refs[0].clause, clause_with(r.p, placeholder_rows[i].want, 0));
        run_free(&r);
    }
}

/* One finding per distinct text, resting on every clause that holds it, counting each use. */
static void test_placeholder_grouped(void **state)
{
    (void)state;
    const char *md = "# About [Company Name]\n\n"
                     "[Company Name] runs the Example app for hikers.\n\n"
                     "## Contact\n\n"
                     "Write to [Company Name] or call the office of [Company Name].\n\n"
                     "Our address is [insert address].\n\n"
                     "The legal owner of the app is [Company Name] of Springfield.\n";
    run r;
    run_text(&r, md, PC_FORMAT_MARKDOWN);
    size_t n;
    nth_kind(r.c, PC_FIND_PLACEHOLDER, 0, &n);
    assert_int_equal(n, 2);
    const pc_finding *f = find_msg(r.c, PC_FIND_PLACEHOLDER, "\"[Company Name]\"");
    assert_non_null(f);
    /* once in the heading, once, twice, once in clauses */
    assert_string_equal(f->message,
                        "unfilled template text \"[Company Name]\" (5 times in this policy)");
    assert_int_equal(f->nrefs, 4);
    size_t k1 = clause_with(r.p, "runs the Example app", 0);
    size_t k2 = clause_with(r.p, "Write to [Company Name]", 0);
    size_t k3 = clause_with(r.p, "legal owner", 0);
    assert_int_equal(f->refs[0].clause, k1);
    assert_int_equal(f->refs[1].clause, k2);
    assert_int_equal(f->refs[2].clause, k3);
    assert_int_equal(f->refs[3].clause, PC_NO_CLAUSE);
    assert_int_equal(f->refs[3].section, section_titled(r.p, "About [Company Name]"));
    f = find_msg(r.c, PC_FIND_PLACEHOLDER, "\"[insert address]\"");
    assert_non_null(f);
    assert_int_equal(f->nrefs, 1);
    assert_int_equal(f->refs[0].clause, clause_with(r.p, "Our address is", 0));
    run_free(&r);
}

static void test_empty_section(void **state)
{
    (void)state;
    const char *md = "# Example Privacy Policy\n\n"
                     "This policy explains what the Example shop does with personal data.\n\n"
                     "## Advertising\n\n"
                     "## Your Rights\n\n"
                     "You may ask for a copy of your data at any time.\n\n"
                     "## Sharing\n\n"
                     "### With couriers\n\n"
                     "We give your postal address to the courier who delivers your parcel.\n\n"
                     "## Cookies\n";
    run r;
    run_text(&r, md, PC_FORMAT_MARKDOWN);
    size_t n;
    nth_kind(r.c, PC_FIND_EMPTY_SECTION, 0, &n);
    assert_int_equal(n, 2); /* not "Sharing" (its text is in a subsection), not the title */
    const char *titles[] = {"Advertising", "Cookies"};
    for (size_t i = 0; i < 2; i++) {
        char want[128];
        snprintf(want, sizeof want,
                 "section \"%s\" has no text under its heading and no subsections", titles[i]);
        const pc_finding *f = find_msg(r.c, PC_FIND_EMPTY_SECTION, want);
        assert_non_null(f);
        assert_string_equal(f->message, want);
        assert_int_equal(f->severity, PC_SEV_LOW);
        assert_int_equal(f->nrefs, 1);
        assert_int_equal(f->refs[0].clause, PC_NO_CLAUSE);
        assert_int_equal(f->refs[0].section, section_titled(r.p, titles[i]));
    }
    run_free(&r);
    /* a document title right above the first section is not an empty section */
    const char *titled[] = {
        "# Privacy Policy\n\n## Who we are\n\nWe are the Acme shop in Springfield.\n",
        "ACME PRIVACY POLICY\n\n1. Who we are\n\nWe are the Acme shop in "
        "Springfield.\n\n2. Contact\n\nWrite to privacy@acme.example.\n"};
    for (size_t i = 0; i < 2; i++) {
        run_text(&r, titled[i], i == 0 ? PC_FORMAT_MARKDOWN : PC_FORMAT_TEXT);
        const pc_finding *f = nth_kind(r.c, PC_FIND_EMPTY_SECTION, 0, &n);
        if (n)
            fail_msg("%s", f->message);
        run_free(&r);
    }
}

static void test_duplicate(void **state)
{
    (void)state;
    /* the same sentence three times (case, spacing, a line break, end punctuation differ);
     * short sentences repeated; one list item under two different lead-ins */
    const char *txt =
        "We use Customer Data only to provide, maintain and improve the Services for our "
        "customers.\n\n"
        "Yes. Ask us anything. We never sell your data.\n\n"
        "We use customer data ONLY to provide, maintain and   improve the Services for our\n"
        "customers!\n\n"
        "Yes. Ask us anything. We never sell your data.\n\n"
        "We collect the following from every customer:\n\n"
        "- your full name, postal address and phone number\n\n"
        "We share the following with our courier:\n\n"
        "- your full name, postal address and phone number\n\n"
        "Thank you for reading. We use CUSTOMER data only to provide, maintain and improve the "
        "services for our customers\n";
    run r;
    run_text(&r, txt, PC_FORMAT_TEXT);
    size_t n;
    const pc_finding *f = nth_kind(r.c, PC_FIND_DUPLICATE, 0, &n);
    if (n != 1)
        fail_msg("%zu duplicate findings, want 1 (first: %s)", n, f ? f->message : "none");
    /* the quote is cut at a word within 80 bytes */
    assert_string_equal(f->message, "stated 3 times: \"We use Customer Data only to provide, "
                                    "maintain and improve the Services for our...\"");
    assert_int_equal(f->severity, PC_SEV_LOW);
    assert_int_equal(f->nrefs, 3);
    assert_int_equal(f->refs[0].clause, clause_with(r.p, "We use Customer Data", 0));
    assert_int_equal(f->refs[1].clause, clause_with(r.p, "ONLY to", 0));
    assert_int_equal(f->refs[2].clause, clause_with(r.p, "CUSTOMER data", 0));
    assert_int_equal(f->refs[2].section, r.p->outline->clauses[f->refs[2].clause].section);
    /* the repeated list item is not a duplicate because its lead-ins differ */
    size_t item = clause_with(r.p, "your full name", 0);
    assert_int_equal(r.p->outline->clauses[item].kind, PC_CLAUSE_ITEM);
    assert_true(r.p->outline->clauses[item].lead >= 0);
    assert_int_equal(clause_with(r.p, "your full name", item + 1), item + 2);
    run_free(&r);
}

/* A sentence and what its finding must mention (NULL: no finding). */
static const struct {
    const char *text, *want, *also;
} vague_rows[] = {
    {"We may revise this policy from time to time.", "\"from time to time\"", NULL},
    {"Aggregated statistics may be used and disclosed for any purpose.", "\"for any purpose\"",
     NULL},
    {"We use activity data for other purposes as we see fit.", "\"for other purposes\"",
     "\"as we see fit\""},
    {"Records may be disclosed as we deem appropriate.", "\"as we deem appropriate\"", NULL},
    {"We may close accounts at our sole discretion.", "\"at our sole discretion\"", NULL},
    {"We may change these settings without prior notice.", "\"without prior notice\"", NULL},
    {"We may pass contact details to certain third parties.", "\"certain third parties\"", NULL},
    {"By using this website, you agree to the collection of data described here.",
     "GDPR Art. 4(11) and 7", "\"By using this website, you agree\""},
    {"By visiting or using our shopping app, you agree to the terms in this notice.",
     "GDPR Art. 4(11) and 7", "\"By visiting or using our shopping app, you agree\""},
    {"By continuing to use the site you consent to our use of cookies.", "GDPR Art. 4(11)", NULL},
    {"We may revise this policy\nfrom time\nto time.", "\"from time to time\"", NULL},
    /* near misses: a promise, not a hedge */
    {"We will not use personal information for other purposes without your consent.", NULL, NULL},
    {"We use your data for other purposes only with your consent.", NULL, NULL},
    {"We will never change how we use your data without notice.", NULL, NULL},
    {"We do not use location data for any other purpose.", NULL, NULL},
    {"We send a newsletter every month if you subscribe to it.", NULL, NULL},
};

static void test_vague_table(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof vague_rows / sizeof vague_rows[0]; i++) {
        char text[512];
        snprintf(text, sizeof text, LEAD "%s\n", vague_rows[i].text);
        run r;
        run_text(&r, text, PC_FORMAT_TEXT);
        size_t n;
        const pc_finding *f = nth_kind(r.c, PC_FIND_VAGUE, 0, &n);
        if (!vague_rows[i].want) {
            if (n != 0)
                fail_msg("'%s': unexpected finding: %s", vague_rows[i].text, f->message);
            run_free(&r);
            continue;
        }
        if (n != 1)
            fail_msg("'%s': %zu vague findings, want 1", vague_rows[i].text, n);
        if (!strstr(f->message, vague_rows[i].want) ||
            (vague_rows[i].also && !strstr(f->message, vague_rows[i].also)))
            fail_msg("'%s': message '%s'", vague_rows[i].text, f->message);
        assert_int_equal(f->severity, PC_SEV_LOW);
        assert_int_equal(f->nrefs, 1);
        assert_int_equal(f->refs[0].clause, 1); /* LEAD is clause 0 */
        run_free(&r);
    }
}

/* The plants examples/README.md lists under "Findings inside one policy". */
static void test_examples(void **state)
{
    (void)state;
    const char *files[] = {"01-freshbox.txt",  "02-kidquest.md", "03-stridely.txt",
                           "04-buchhaus.html", "05-kamiya.txt",  "06-metricly.txt"};
    pc_policy *pol[6];
    pc_error err = {{0}};
    for (size_t i = 0; i < 6; i++) {
        char path[512];
        snprintf(path, sizeof path, "%s/%s", POLCMP_EXAMPLES, files[i]);
        pol[i] = pc_policy_open(path, NULL, tax, &err);
        if (!pol[i])
            fail_msg("%s", err.msg);
    }
    pc_comparison *c = pc_compare(tax, pol, 6, 0, &err);
    assert_non_null(c);
    const struct {
        pc_finding_kind kind;
        int policy;
        const char *msg;
    } want[] = {
        {PC_FIND_PLACEHOLDER, 2, "\"[insert date here]\""},
        {PC_FIND_PLACEHOLDER, 2, "\"[Company Name]\" (3 times in this policy)"},
        {PC_FIND_EMPTY_SECTION, 1, "section \"Advertising\""},
        {PC_FIND_DUPLICATE, 5, "stated 2 times: \"We use Customer Data only to provide"},
        {PC_FIND_VAGUE, 0, "\"from time to time\""},
        {PC_FIND_VAGUE, 2, "\"as we see fit\""},
        {PC_FIND_VAGUE, 5, "\"for any purpose\""},
    };
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
        const pc_finding *f = find_msg(c, want[i].kind, want[i].msg);
        if (!f)
            fail_msg("no %s finding with '%s'", pc_finding_kind_name(want[i].kind), want[i].msg);
        assert_int_equal(f->refs[0].policy, want[i].policy);
    }
    /* the [Company Name] finding rests on three clauses of 03 */
    assert_int_equal(find_msg(c, PC_FIND_PLACEHOLDER, "[Company Name]")->nrefs, 3);
    assert_int_equal(find_msg(c, PC_FIND_DUPLICATE, "Customer Data")->nrefs, 2);
    /* 05's "will not use ... for other purposes without your consent" is a promise */
    for (size_t j = 0; j < c->nfindings; j++)
        if (c->findings[j].kind == PC_FIND_VAGUE && c->findings[j].refs[0].policy == 4)
            fail_msg("05-kamiya: %s", c->findings[j].message);
    pc_comparison_free(c);
    for (size_t i = 0; i < 6; i++)
        pc_policy_free(pol[i]);
}

/* 100,000 clauses with two repeated sentences: found, and quickly (sorting, not pairs). */
static void test_many_clauses(void **state)
{
    (void)state;
    enum { N = 100000 };
    pc_buf b = {0};
    for (size_t i = 0; i < N; i++)
        assert_int_equal(pc_buf_printf(&b, "Record number %zu is kept for audit purposes. ",
                                       i % 50000 == 7 ? (size_t)7 : i),
                         0);
    pc_error err = {{0}};
    pc_doc *doc = pc_doc_from_memory("many", b.data, b.len, PC_FORMAT_TEXT, &err);
    pc_buf_free(&b);
    assert_non_null(doc);
    pc_outline *o = pc_segment(doc, &err);
    assert_non_null(o);
    assert_int_equal(o->nclauses, N);
    /* the detector reads only the text and the outline: no need to classify */
    pc_policy p = {.doc = doc, .outline = o};
    pc_policy *pp = &p;
    pc_comparison c = {.tax = tax, .policies = &pp, .npolicies = 1};
    /* near-linear: a quadratic pass over 100,000 clauses runs into ctest's TIMEOUT */
    clock_t t0 = clock();
    assert_int_equal(pc_cmp_lint(&c, 0), 0);
    print_message("lint over 100,000 clauses: %.3f s\n", (double)(clock() - t0) / CLOCKS_PER_SEC);
    assert_int_equal(c.nfindings, 1);
    assert_int_equal(c.findings[0].kind, PC_FIND_DUPLICATE);
    assert_int_equal(c.findings[0].nrefs, 2);
    assert_int_equal(c.findings[0].refs[0].clause, 7);
    assert_int_equal(c.findings[0].refs[1].clause, 50007);
    for (size_t i = 0; i < c.nfindings; i++) {
        free(c.findings[i].refs);
        free(c.findings[i].message);
    }
    free(c.findings);
    pc_outline_free(o);
    pc_doc_free(doc);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_placeholder_table), cmocka_unit_test(test_placeholder_grouped),
        cmocka_unit_test(test_empty_section),     cmocka_unit_test(test_duplicate),
        cmocka_unit_test(test_vague_table),       cmocka_unit_test(test_examples),
        cmocka_unit_test(test_many_clauses),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}

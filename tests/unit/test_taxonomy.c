/* test_taxonomy.c: the taxonomy loader: a good file and every error case. Each broken fixture
 * in tests/data/taxonomy/ names the exact FILE:LINE:COL and the key words of its message. */
#include "testutil.h"

#include "taxonomy/ontology.h"
#include "taxonomy/taxonomy.h"
#include "util/util.h"

#include <stdio.h>
#include <string.h>

#define TAXDIR POLCMP_TEST_DATA "/taxonomy/"

static void test_good(void **state)
{
    (void)state;
    pc_error err = {{0}};
    pc_taxonomy *t = pc_tax_load(TAXDIR "tiny.yaml", &err);
    assert_non_null(t);
    assert_string_equal(t->id, "tiny-test");
    assert_string_equal(t->version, "1");
    assert_int_equal(t->ncats, 4);
    /* 5 + 2 + 1 + 1 category rules, 3 + 1 + 1 attribute rules... counted below */
    assert_int_equal(t->cats[0].nrules, 5);
    assert_int_equal(t->cats[0].nexcludes, 1);
    assert_int_equal(t->nrules, 5 + 1 + 2 + 1 + 1 + 2 + 1 + 1 + 1 + 3);
    assert_int_equal(t->cats[0].opp10, PC_OPP_RETENTION);
    assert_int_equal(t->cats[1].opp10, PC_OPP_THIRD_PARTY);
    assert_int_equal(t->cats[2].opp10, PC_OPP_OTHER);
    assert_int_equal(t->cats[2].parent, -1);
    assert_int_equal(t->cats[3].parent, 2);
    assert_int_equal(t->cats[3].nrequired, 2);
    assert_string_equal(t->cats[3].required_by[1], "CCPA 1798.100");
    assert_string_equal(t->cats[3].rules[0].literal, "hi");
    assert_true(t->cats[1].threshold == 2.0);
    assert_true(t->cats[0].threshold == 1.0);
    /* weights: default 1, heading default from defaults.heading_weight, negative kept */
    assert_true(t->cats[0].rules[0].weight == 1.0);
    assert_int_equal(t->cats[0].rules[2].scope, PC_SCOPE_HEADING);
    assert_true(t->cats[0].rules[2].weight == 0.5);
    assert_true(t->cats[0].rules[4].weight == -0.5);
    assert_non_null(t->cats[0].rules[3].exclude);
    assert_int_equal(t->cats[2].rules[0].caseless, 0);
    assert_int_equal(t->nattrs, 3);
    assert_int_equal(t->attrs[0].kind, PC_ATTR_PERIOD);
    assert_int_equal(t->attrs[0].category, 0);
    assert_int_equal(t->attrs[1].category, -1);
    assert_string_equal(t->attrs[0].rules[1].value, "indefinite");
    assert_int_equal(t->ntopics, 1);
    assert_int_equal(t->topics[0].category, 1);
    assert_int_equal(t->nscopes[PC_DIM_RECIPIENT], 1);
    assert_string_equal(t->scopes[PC_DIM_DATA][0].id, "contact");
    assert_int_equal(pc_tax_find_category(t, "sell"), 1);
    assert_int_equal(pc_tax_find_category(t, "nope"), -1);
    pc_tax_free(t);
}

static void test_opp10_names(void **state)
{
    (void)state;
    assert_int_equal(pc_opp10_index("Data Retention"), PC_OPP_RETENTION);
    assert_int_equal(pc_opp10_index("User Access, Edit and Deletion"), PC_OPP_ACCESS);
    assert_int_equal(pc_opp10_index("Other: Introductory/Generic"), PC_OPP_OTHER);
    assert_int_equal(pc_opp10_index("Privacy contact information"), PC_OPP_OTHER);
    assert_int_equal(pc_opp10_index("Other: Something else"), -1);
    assert_int_equal(pc_opp10_index("data retention"), -1);
    assert_string_equal(pc_opp10_name(PC_OPP_DNT), "Do Not Track");
    assert_null(pc_opp10_name(PC_OPP_COUNT));
}

/* One broken fixture: the message must start with "PATH:LINE:COL: " and contain the words. */
typedef struct bad_case {
    const char *file;
    int line, col; /* 0: the message has no position */
    const char *words[3];
} bad_case;

static const bad_case bad_cases[] = {
    {"bad_pattern.yaml", 11, 18, {"rule 'a.one'", "bad pattern at offset 6", "parenthesis"}},
    {"unknown_key_rule.yaml", 12, 9, {"unknown key 'weigth' in rule", NULL, NULL}},
    {"unknown_key_category.yaml", 12, 5, {"unknown key 'descripton' in category", NULL, NULL}},
    {"duplicate_category.yaml", 12, 9, {"duplicate category id 'a'", NULL, NULL}},
    {"duplicate_rule.yaml", 12, 13, {"duplicate rule id 'a.one'", NULL, NULL}},
    {"bad_scope.yaml", 12, 16, {"rule 'a.one'", "'clause' or 'heading'", "section"}},
    {"negative_threshold.yaml", 12, 16, {"negative threshold", "category 'a'", NULL}},
    {"late_parent.yaml", 12, 13, {"parent 'b'", "not defined earlier", NULL}},
    {"missing_pattern.yaml", 10, 9, {"rule 'a.one'", "missing required field 'pattern'", NULL}},
    {"missing_description.yaml", 4, 5, {"category 'a'", "missing required field 'description'",
                                        NULL}},
    {"bad_opp115.yaml", 6, 13, {"bad opp115 value 'Data Storage'", "Data Retention", NULL}},
    {"yaml_error.yaml", 3, 10, {"YAML error", "mapping values are not allowed", NULL}},
    {"bad_attribute.yaml", 13, 9, {"rule 'age.no-num'", "kind age", "num"}},
    {"empty.yaml", 0, 0, {"empty", NULL, NULL}},
};

static void test_errors(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof bad_cases / sizeof bad_cases[0]; i++) {
        const bad_case *bc = &bad_cases[i];
        char path[512], prefix[600];
        snprintf(path, sizeof path, TAXDIR "%s", bc->file);
        pc_error err = {{0}};
        pc_taxonomy *t = pc_tax_load(path, &err);
        if (t)
            fail_msg("%s loaded without error", bc->file);
        if (bc->line)
            snprintf(prefix, sizeof prefix, "%s:%d:%d: ", path, bc->line, bc->col);
        else
            snprintf(prefix, sizeof prefix, "%s: ", path);
        if (strncmp(err.msg, prefix, strlen(prefix)))
            fail_msg("%s: expected prefix '%s', got '%s'", bc->file, prefix, err.msg);
        for (int w = 0; w < 3 && bc->words[w]; w++)
            if (!strstr(err.msg, bc->words[w]))
                fail_msg("%s: '%s' not in '%s'", bc->file, bc->words[w], err.msg);
        assert_null(strchr(err.msg, '\n'));
    }
}

static void test_missing_file(void **state)
{
    (void)state;
    pc_error err = {{0}};
    assert_null(pc_tax_load(TAXDIR "no-such-file.yaml", &err));
    assert_non_null(strstr(err.msg, "no-such-file.yaml: "));
}

static void test_from_memory(void **state)
{
    (void)state;
    static const char good[] = "taxonomy: {id: mem}\n"
                               "categories:\n"
                               "  - {id: c, name: C, opp115: Do Not Track, description: x,\n"
                               "     rules: [{id: c.r, pattern: 'track'}]}\n";
    pc_error err = {{0}};
    pc_taxonomy *t = pc_tax_load_mem("mem.yaml", good, sizeof good - 1, &err);
    assert_non_null(t);
    assert_int_equal(t->cats[0].opp10, PC_OPP_DNT);
    assert_true(t->threshold == 1.0);
    pc_tax_free(t);
    static const char nocats[] = "taxonomy: {id: mem}\ncategories: []\n";
    assert_null(pc_tax_load_mem("mem.yaml", nocats, sizeof nocats - 1, &err));
    assert_non_null(strstr(err.msg, "mem.yaml:2:13: 'categories' must not be empty"));
    static const char badid[] = "taxonomy: {id: Has Space}\ncategories: []\n";
    pc_error_clear(&err);
    assert_null(pc_tax_load_mem("mem.yaml", badid, sizeof badid - 1, &err));
    assert_non_null(strstr(err.msg, "mem.yaml:1:16: taxonomy id 'Has Space'"));
    static const char dupkey[] = "taxonomy: {id: a}\ntaxonomy: {id: b}\ncategories: []\n";
    pc_error_clear(&err);
    assert_null(pc_tax_load_mem("mem.yaml", dupkey, sizeof dupkey - 1, &err));
    assert_non_null(strstr(err.msg, "mem.yaml:2:1: duplicate key 'taxonomy'"));
}

/* A taxonomy for the ontology's term index: many first words, so that some share a slot of
 * the index. */
static pc_taxonomy *onto_fixture(void)
{
    pc_buf y = {0};
    pc_buf_adds(&y, "taxonomy: {id: mem}\n"
                   "categories:\n"
                   "  - {id: c, name: C, opp115: Do Not Track, description: x,\n"
                   "     rules: [{id: c.r, pattern: 'track'}]}\n"
                   "ontology:\n"
                   "  actions:\n"
                   "    - {id: share, terms: [share, shares, disclose]}\n"
                   "    - {id: sell, parent: share, terms: [sell, share for money]}\n"
                   "  data:\n"
                   "    - {id: contact, terms: [contact information, e-mail]}\n"
                   "    - {id: email, parent: contact, terms: [e-mail address, email address]}\n"
                   "    - {id: mail, terms: [e mail]}\n");
    for (int i = 0; i < 60; i++)
        pc_buf_printf(&y, "    - {id: w%d, terms: [word%d, word%d data]}\n", i, i, i);
    pc_buf_adds(&y, "  recipients:\n"
                   "    - {id: ads, terms: [advertis*, ad partners]}\n");
    pc_error err = {{0}};
    pc_taxonomy *t = pc_tax_load_mem("mem.yaml", y.data, y.len, &err);
    pc_buf_free(&y);
    assert_non_null(t);
    assert_non_null(t->onto);
    return t;
}

/* The longest term at a word, whole words only, no term across a stop, prefix terms. */
static void test_onto_terms(void **state)
{
    (void)state;
    pc_taxonomy *t = onto_fixture();
    const pc_ontology *o = t->onto;
    static pc_words ws;
    static const char text[] =
        "We share for money your E-mail address. Word7 data, word59; data advertisers emails word60";
    pc_words_split(text, sizeof text - 1, &ws);
    assert_int_equal(ws.n, 15);
    pc_onto_hit h;
    assert_true(pc_onto_match(o, &ws, 1, &h)); /* "share for money": the longest */
    assert_int_equal(h.dim, PC_ONTO_ACTION);
    assert_int_equal(h.entry, pc_onto_find(o, PC_ONTO_ACTION, "sell"));
    assert_int_equal(h.first, 1);
    assert_int_equal(h.nwords, 3);
    assert_true(pc_onto_match(o, &ws, 5, &h)); /* "e mail address" over "e mail" */
    assert_int_equal(h.dim, PC_ONTO_DATA);
    assert_int_equal(h.entry, pc_onto_find(o, PC_ONTO_DATA, "email"));
    assert_int_equal(h.nwords, 3);
    assert_false(pc_onto_match(o, &ws, 6, &h)); /* "mail" alone names nothing */
    assert_false(pc_onto_match(o, &ws, 7, &h));
    assert_true(pc_onto_match(o, &ws, 8, &h)); /* "word7 data" */
    assert_int_equal(h.entry, pc_onto_find(o, PC_ONTO_DATA, "w7"));
    assert_int_equal(h.nwords, 2);
    assert_true(pc_onto_match(o, &ws, 10, &h)); /* "word59", not across the ";" */
    assert_int_equal(h.entry, pc_onto_find(o, PC_ONTO_DATA, "w59"));
    assert_int_equal(h.nwords, 1);
    assert_false(pc_onto_match(o, &ws, 11, &h));
    assert_true(pc_onto_match(o, &ws, 12, &h)); /* "advertis*" */
    assert_int_equal(h.dim, PC_ONTO_RECIPIENT);
    assert_int_equal(h.nwords, 1);
    assert_false(pc_onto_match(o, &ws, 13, &h)); /* "emails": no term is a prefix */
    assert_false(pc_onto_match(o, &ws, 14, &h)); /* "word60": not defined */
    assert_false(pc_onto_match(o, &ws, 15, &h));
    pc_tax_free(t);
}

/* Two terms with the same words ("e-mail" and "e mail"): the first in file order. */
static void test_onto_terms_tie(void **state)
{
    (void)state;
    pc_taxonomy *t = onto_fixture();
    const pc_ontology *o = t->onto;
    static pc_words ws;
    pc_onto_hit h;
    static const char tie[] = "e-mail";
    pc_words_split(tie, sizeof tie - 1, &ws);
    assert_true(pc_onto_match(o, &ws, 0, &h));
    assert_int_equal(h.entry, pc_onto_find(o, PC_ONTO_DATA, "contact"));
    assert_int_equal(h.nwords, 2);
    pc_tax_free(t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_good),         cmocka_unit_test(test_opp10_names),
        cmocka_unit_test(test_errors),       cmocka_unit_test(test_missing_file),
        cmocka_unit_test(test_from_memory),  cmocka_unit_test(test_onto_terms),
        cmocka_unit_test(test_onto_terms_tie),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

/* test_frame_sieve.c: the sieve the statement frames pass over clauses naming no action with,
 * before splitting them into words (taxonomy/ontology_sieve.c). It may say "maybe" too often, never
 * "no" when the full match (pc_words_split and pc_onto_match) finds an action term; and the frames
 * of a policy whose clauses it passes over stay what they were. The sentences are written for these
 * tests. */
#include "testutil.h"

#include "classify/frame.h"
#include "classify/policy.h"
#include "taxonomy/taxonomy.h"

#include <stdio.h>
#include <string.h>

static pc_taxonomy *tax;
static pc_words ws;

static int setup(void **state)
{
    (void)state;
    tax = test_load_onto_taxonomy(POLCMP_TAXONOMY);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    pc_tax_free(tax);
    return 0;
}

/* Whether the full match finds an action term starting at some word of s. */
static int full_match_acts(const pc_ontology *o, const char *s)
{
    pc_words_split(s, strlen(s), &ws);
    for (size_t i = 0; i < ws.n; i++) {
        pc_onto_hit h;
        if (pc_onto_match(o, &ws, i, &h) && h.dim == PC_ONTO_ACTION)
            return 1;
    }
    return 0;
}

/* The sieve must pass s when the full match finds an action in it. */
static void check_implies(const pc_ontology *o, const char *s)
{
    if (full_match_acts(o, s) && !pc_onto_may_act(o, s, strlen(s)))
        fail_msg("the sieve passes over an action in: %s", s);
}

/* Term t's words with its "*" written as "ing", in upper case (upper) or as written. */
static void term_text(char *out, size_t cap, const char *t, int upper)
{
    size_t n = 0;
    for (; *t && n + 4 < cap; t++) {
        if (*t == '*') {
            memcpy(out + n, upper ? "ING" : "ing", 3);
            n += 3;
            continue;
        }
        out[n++] = upper && *t >= 'a' && *t <= 'z' ? (char)(*t - 32) : *t;
    }
    out[n] = '\0';
}

/* Every action term of the shipped ontology, as written, in capitals, hyphenated ("pass-on"),
 * first in the text, last, after a quotation mark beyond ASCII and before an apostrophe: the
 * full match finds each one plain, and the sieve passes none over. */
static void test_sieve_every_action_term(void **state)
{
    (void)state;
    const pc_ontology *o = tax->onto;
    assert_non_null(o->sieve);
    char t[128], text[512];
    size_t checked = 0;
    for (size_t j = 0; j < o->nterms; j++) {
        if (o->terms[j].dim != PC_ONTO_ACTION)
            continue;
        for (int upper = 0; upper < 2; upper++) {
            term_text(t, sizeof t, o->terms[j].words, upper);
            snprintf(text, sizeof text, "Sometimes we %s it.", t);
            if (!upper && !full_match_acts(o, text))
                fail_msg("no action found in: %s", text);
            check_implies(o, text);
            snprintf(text, sizeof text, "%s", t);
            check_implies(o, text);
            snprintf(text, sizeof text, "and then %s", t);
            check_implies(o, text);
            snprintf(text, sizeof text, "\xc2\xab%s\xc2\xbb them, (%s) them", t, t);
            check_implies(o, text);
            snprintf(text, sizeof text, "We %s\xe2\x80\x99 and %s' all", t, t);
            check_implies(o, text);
            for (char *p = t; *p; p++)
                *p = *p == ' ' ? '-' : *p;
            snprintf(text, sizeof text, "1.%s-2", t);
            check_implies(o, text);
            checked++;
        }
    }
    assert_true(checked > 50);
}

/* Clauses naming no action (words that only begin like one: "users", "storage", "recordings")
 * are passed over: the sieve is not simply off. The full match agrees. */
static void test_sieve_passes_over(void **state)
{
    (void)state;
    static const char *const none[] = {
        "Our users enjoy the storage rooms and their recordings.",
        "Offices are closed on public holidays, such as in May.",
        "TRACKING PIXELS AND USEFUL TOOLS",
        "Sellers\xe2\x80\x99 kiosks open at 9:00.",
        "",
    };
    for (size_t i = 0; i < sizeof none / sizeof none[0]; i++) {
        assert_false(full_match_acts(tax->onto, none[i]));
        if (pc_onto_may_act(tax->onto, none[i], strlen(none[i])))
            fail_msg("the sieve does not pass over: %s", none[i]);
    }
    assert_true(pc_onto_may_act(tax->onto, "We SELL it", 10));
    assert_true(pc_onto_may_act(tax->onto, "sold", 4));
}

/* A made ontology: a prefix term, a first word of one letter that begins only a longer term
 * (its second word must follow), a first word of digits, a first word longer than a folded
 * word keeps. */
static void test_sieve_made_terms(void **state)
{
    (void)state;
    pc_onto_term terms[] = {
        {PC_ONTO_DATA, 0, "sell", 1},         /* not an action: no word of the sieve */
        {PC_ONTO_ACTION, 0, "monetiz*", 1},   /* "monetized", "MONETIZATION" */
        {PC_ONTO_ACTION, 0, "e mail you", 3}, /* "e-mail you" */
        {PC_ONTO_ACTION, 0, "24x7 watch", 2}, /* digits first */
        {PC_ONTO_ACTION, 0, "superextraordinarilylongverb", 1}, /* cut to 23 when folded */
    };
    pc_ontology o = {.terms = terms, .nterms = sizeof terms / sizeof terms[0]};
    assert_int_equal(pc_onto_sieve_build(&o), 0);
    assert_non_null(o.sieve);
    static const struct {
        const char *text;
        int may;
    } cases[] = {
        {"we MONETIZATION", 1},
        {"monetiz", 1},
        {"Monetiz-ing", 1},
        {"monetised", 0},
        {"E-mail you", 1},
        {"e \xe2\x80\x94 MAIL", 1},
        {"e", 0},
        {"e.g. mailbox", 0},
        {"email you", 0},
        {"24X7 watch", 1},
        {"24x7 guard", 0},
        {"24x", 0},
        {"we sell", 0},
        {"superextraordinarilylongverbs", 1},
        {"superextraordinarily", 0},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        if (pc_onto_may_act(&o, cases[i].text, strlen(cases[i].text)) != cases[i].may)
            fail_msg("case %zu: expected %d for: %s", i, cases[i].may, cases[i].text);
    /* a first word the sieve cannot read from bytes turns it off: every clause may */
    terms[0] = (pc_onto_term){PC_ONTO_ACTION, 0, "don't sell", 2};
    assert_int_equal(pc_onto_sieve_build(&o), 0); /* frees the sieve before */
    assert_null(o.sieve);
    assert_true(pc_onto_may_act(&o, "nothing here", 12));
}

/* Texts of action words, near misses and separators in random order, case and glue: the
 * sieve passes over none in which the full match finds an action. */
static void test_sieve_random_texts(void **state)
{
    (void)state;
    static const char *const pieces[] = {
        "sell",
        "Sold",
        "USE",
        "users",
        "e",
        "mail",
        "you",
        "pass",
        "on",
        "made",
        "available",
        "provide",
        "your",
        "send",
        "push",
        "store",
        "storage",
        "don't",
        "\xe2\x80\x99",
        "\xc3\xa9",
        "\xe2\x80\x94",
        "-",
        "'",
        "9",
        ".",
        ",",
        "(",
        ")",
        "\n",
        "e.g.",
        "record",
        "recorded",
    };
    static const char *const glue[] = {" ", "", " ", "-", "\xc2\xa0"};
    unsigned long long x = 88172645463325252ull;
    char text[256];
    size_t acts = 0;
    for (int r = 0; r < 4000; r++) {
        size_t n = 0;
        for (int k = 0; k < 8; k++) {
            x ^= x << 13, x ^= x >> 7, x ^= x << 17;
            const char *p = pieces[x % (sizeof pieces / sizeof pieces[0])];
            const char *g = glue[(x >> 20) % (sizeof glue / sizeof glue[0])];
            n += (size_t)snprintf(text + n, sizeof text - n, "%s%s", p, g);
        }
        acts += full_match_acts(tax->onto, text);
        check_implies(tax->onto, text);
    }
    assert_true(acts > 100); /* the texts do name actions */
}

/* Clause k of policy p: its frames' count, whether all are inherited from a lead-in, and its
 * skip reason. */
static void clause_frames(const pc_policy *p, size_t k, size_t *n, int *inherited, int *skip)
{
    const pc_frames *fs = p->frames;
    *n = fs->first[k + 1] - fs->first[k];
    *inherited = *n > 0;
    for (size_t i = fs->first[k]; i < fs->first[k + 1]; i++)
        *inherited &= (fs->v[i].flags & PC_FRAME_INHERITED) != 0;
    *skip = fs->skip[k];
}

/* The clauses the sieve passes over: a list item naming no action still takes its lead-in's
 * frames, one under a lead-in without frames gets none; a title or a question naming no
 * action still says so; a sentence naming none gets no frame and no reason. */
static void test_sieve_policy_frames(void **state)
{
    (void)state;
    pc_policy *p = test_open_text(tax, "sieve",
                                  "We may share your email address with:\n\n"
                                  "- delivery partners;\n"
                                  "- Our Auditors\n"
                                  "- our advertisers.\n\n"
                                  "Where are our offices? They are closed on public holidays.\n\n"
                                  "Among our offices are the following:\n\n"
                                  "- one in the harbour;\n"
                                  "- One In The Old Town\n");
    static const struct {
        size_t frames;
        int inherited, skip;
    } want[] = {
        {1, 0, 0}, {1, 1, 0}, {0, 0, PC_SKIP_TITLE}, {1, 1, 0}, {0, 0, PC_SKIP_QUESTION}, {0, 0, 0},
        {0, 0, 0}, {0, 0, 0}, {0, 0, PC_SKIP_TITLE},
    };
    assert_int_equal(p->outline->nclauses, sizeof want / sizeof want[0]);
    for (size_t k = 0; k < p->outline->nclauses; k++) {
        size_t n;
        int inherited, skip;
        clause_frames(p, k, &n, &inherited, &skip);
        if (n != want[k].frames || inherited != want[k].inherited || skip != want[k].skip)
            fail_msg("clause %zu: %zu frames, inherited %d, skip %d", k, n, inherited, skip);
    }
    pc_policy_free(p);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_sieve_every_action_term), cmocka_unit_test(test_sieve_passes_over),
        cmocka_unit_test(test_sieve_made_terms),        cmocka_unit_test(test_sieve_random_texts),
        cmocka_unit_test(test_sieve_policy_frames),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}

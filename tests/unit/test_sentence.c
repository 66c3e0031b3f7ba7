/* test_sentence.c: pc_sentence_end on the cases that trip naive splitters: abbreviations,
 * initials, decimals, addresses, quotes, ellipses and CJK full stops; the ALL-CAPS line test. */
#include "segment/seg_internal.h"
#include "segment/segment.h"
#include "testutil.h"

#include <stdio.h>
#include <string.h>

/* The first sentence of s, as a string compared with `want`. */
static void expect_first(const char *s, const char *want)
{
    size_t end = pc_sentence_end(s, 0, strlen(s));
    char got[512];
    size_t n = end < sizeof got - 1 ? end : sizeof got - 1;
    memcpy(got, s, n);
    got[n] = '\0';
    assert_string_equal(got, want);
}

static void test_plain_breaks(void **state)
{
    (void)state;
    expect_first("We collect data. We share it.", "We collect data.");
    expect_first("Do we sell data? No, never.", "Do we sell data?");
    expect_first("Stop! Read this.", "Stop!");
    expect_first("Rule one applies. 2 rules follow.", "Rule one applies.");
    expect_first("No final stop here", "No final stop here");
    expect_first("This is fine. and this continues.", "This is fine. and this continues.");
}

static void test_latin_abbreviations(void **state)
{
    (void)state;
    expect_first("We collect data, e.g. Names and emails. We share it.",
                 "We collect data, e.g. Names and emails.");
    expect_first("We use logs, i.e. Server records. Next one.",
                 "We use logs, i.e. Server records.");
    expect_first("We keep names, addresses, etc. and more. Next.",
                 "We keep names, addresses, etc. and more.");
    expect_first("We keep names, addresses, etc. We delete the rest.",
                 "We keep names, addresses, etc.");
    expect_first("Compare plan A vs. Plan B here. Then choose.",
                 "Compare plan A vs. Plan B here.");
}

static void test_company_country(void **state)
{
    (void)state;
    expect_first("Acme Inc. (the Company) collects data. Next.",
                 "Acme Inc. (the Company) collects data.");
    expect_first("Acme Inc. We collect data.", "Acme Inc.");
    expect_first("Acme Ltd. Berlin is our office. Next.", "Acme Ltd. Berlin is our office.");
    expect_first("Data stays in the U.S. California law applies. Next.",
                 "Data stays in the U.S. California law applies.");
    expect_first("Data goes to the U.K. We protect it.", "Data goes to the U.K.");
    expect_first("Both the E.U. Commission and others agree. Next.",
                 "Both the E.U. Commission and others agree.");
    expect_first("Acme Corp. Group and Beta Co. Ltd share it. Next.",
                 "Acme Corp. Group and Beta Co. Ltd share it.");
}

static void test_references_and_titles(void **state)
{
    (void)state;
    expect_first("See No. 5 of the rules. Next.", "See No. 5 of the rules.");
    expect_first("Under Art. 6(1)(a) GDPR we ask. Next.", "Under Art. 6(1)(a) GDPR we ask.");
    expect_first("Read Sec. 3 first. Next.", "Read Sec. 3 first.");
    expect_first("The basis is Article 6(1). We rely on it.", "The basis is Article 6(1).");
    expect_first("Mr. Smith and Dr. Jones agree. Next.", "Mr. Smith and Dr. Jones agree.");
    expect_first("We are on St. James Street. Next.", "We are on St. James Street.");
    expect_first("J. R. Smith signed it. Next.", "J. R. Smith signed it.");
}

static void test_numbers_and_addresses(void **state)
{
    (void)state;
    expect_first("Version 1.5 of the policy applies. Next.", "Version 1.5 of the policy applies.");
    expect_first("Visit https://x.example/z?a=1.2 for details. Next.",
                 "Visit https://x.example/z?a=1.2 for details.");
    expect_first("Write to info@example.com for help. Next.",
                 "Write to info@example.com for help.");
    expect_first("Visit www.example.com. We answer there.", "Visit www.example.com.");
    expect_first("We may... share it later. Next.", "We may... share it later.");
}

static void test_quotes_and_brackets(void **state)
{
    (void)state;
    expect_first("He said \"stop.\" Then we left.", "He said \"stop.\"");
    expect_first("This is the term. \"Data\" means facts.", "This is the term.");
    expect_first("We ask first (always.) Then we act.", "We ask first (always.)");
    expect_first("Read it. (It is short.)", "Read it.");
    expect_first("It says \xE2\x80\x9Cno.\xE2\x80\x9D Then it ends.",
                 "It says \xE2\x80\x9Cno.\xE2\x80\x9D");
}

static void test_cjk(void **state)
{
    (void)state;
    /* 我们收集信息。我们分享信息。: six characters and a full stop, then the next sentence */
    const char *s = "\xE6\x88\x91\xE4\xBB\xAC\xE6\x94\xB6\xE9\x9B\x86\xE4\xBF\xA1\xE6\x81\xAF"
                    "\xE3\x80\x82\xE6\x88\x91\xE4\xBB\xAC\xE5\x88\x86\xE4\xBA\xAB\xE4\xBF\xA1"
                    "\xE6\x81\xAF\xE3\x80\x82";
    assert_int_equal(pc_sentence_end(s, 0, strlen(s)), 21);
    assert_int_equal(pc_sentence_end(s, 21, strlen(s)), strlen(s));
    /* ！ and ？ too */
    const char *q = "\xE5\xA5\xBD\xEF\xBC\x81\xE5\x90\x97\xEF\xBC\x9F";
    assert_int_equal(pc_sentence_end(q, 0, strlen(q)), 6);
    assert_int_equal(pc_sentence_end(q, 6, strlen(q)), 12);
}

static void test_offsets(void **state)
{
    (void)state;
    const char *s = "One. Two is here. Three.";
    assert_int_equal(pc_sentence_end(s, 0, strlen(s)), 4);
    assert_int_equal(pc_sentence_end(s, 5, strlen(s)), 17);
    assert_int_equal(pc_sentence_end(s, 18, strlen(s)), strlen(s));
    /* the end bound is respected */
    assert_int_equal(pc_sentence_end(s, 5, 10), 10);
}

/* The scan passes over runs that cannot end a sentence eight bytes at a time: the stop is
 * found wherever it falls in such a run, and the end bound is kept inside one. */
static void test_stop_at_every_alignment(void **state)
{
    (void)state;
    const char *stops[] = {".", "!", "?", "\xE3\x80\x82" /* 。 */};
    for (size_t k = 0; k < sizeof stops / sizeof stops[0]; k++)
        for (size_t pad = 0; pad < 24; pad++) {
            char s[128];
            size_t n = 0;
            for (size_t i = 0; i < pad; i++)
                s[n++] = (char)('a' + i % 26);
            size_t want = n + strlen(stops[k]);
            n += (size_t)snprintf(s + n, sizeof s - n, "%s Next words follow here", stops[k]);
            assert_int_equal(pc_sentence_end(s, 0, n), want);
            /* a start inside the run, and an end before the stop */
            if (pad > 3) {
                assert_int_equal(pc_sentence_end(s, 3, n), want);
                assert_int_equal(pc_sentence_end(s, 0, pad - 1), pad - 1);
            }
        }
    /* a byte beyond ASCII that is no stop (é) does not end the scan */
    const char *e = "Caf\xC3\xA9 caf\xC3\xA9 caf\xC3\xA9 ends here. More";
    assert_int_equal(pc_sentence_end(e, 0, strlen(e)), strlen(e) - 5);
}

/* Whether the whole of s is an ALL-CAPS line (pc_seg_caps_like). */
static bool caps(const char *s)
{
    return pc_seg_caps_like(s, 0, strlen(s));
}

/* An ALL-CAPS line: three capitals or more, no lowercase letter (ASCII or not, wherever it
 * stands), twelve tokens at most, no trailing comma or colon. */
static void test_caps_like(void **state)
{
    (void)state;
    assert_true(caps("DATA WE COLLECT"));
    assert_true(caps("\xC3\x89T\xC3\x89 DATA 2024")); /* ÉTÉ: capitals beyond ASCII */
    assert_false(caps("Data we collect"));
    assert_false(caps("DATA WE COLLECt"));               /* the last byte */
    assert_false(caps("DATA \xC3\xA9 COLLECT"));          /* é, lowercase beyond ASCII */
    assert_false(caps("DATA \xD0\xB4 COLLECT"));          /* д */
    assert_false(caps("AB 12"));                          /* two capitals */
    assert_false(caps("DATA WE COLLECT:"));
    assert_false(caps("A B C D E F G H I J K L M"));      /* thirteen tokens */
    assert_true(caps("A B C D E F G H I J K L"));
}

/* Non-blank bytes counted sixteen at a time: every start and end over a text with blanks,
 * other controls and UTF-8 at every place, and a text long enough to pass 255 blocks. */
static void test_nonblank(void **state)
{
    (void)state;
    static char t[5000];
    static const char bytes[] = " \t\nab\r\x0b\xc3\xa9.";
    unsigned r = 99;
    for (size_t i = 0; i < sizeof t; i++, r = r * 1103515245u + 12345u)
        t[i] = bytes[(r >> 16) % (sizeof bytes - 1)];
    for (size_t s = 0; s < 40; s++)
        for (size_t e = s; e < 120; e++) {
            size_t want = 0;
            for (size_t i = s; i < e; i++)
                want += t[i] != ' ' && t[i] != '\t' && t[i] != '\n';
            assert_int_equal(pc_seg_nonblank(t, s, e), want);
        }
    size_t want = 0;
    for (size_t i = 3; i < sizeof t; i++)
        want += t[i] != ' ' && t[i] != '\t' && t[i] != '\n';
    assert_int_equal(pc_seg_nonblank(t, 3, sizeof t), want);
    memset(t, ' ', sizeof t);
    assert_int_equal(pc_seg_nonblank(t, 0, sizeof t), 0);
    memset(t, 'x', sizeof t);
    assert_int_equal(pc_seg_nonblank(t, 1, sizeof t), sizeof t - 1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_nonblank),
        cmocka_unit_test(test_plain_breaks),
        cmocka_unit_test(test_latin_abbreviations),
        cmocka_unit_test(test_company_country),
        cmocka_unit_test(test_references_and_titles),
        cmocka_unit_test(test_numbers_and_addresses),
        cmocka_unit_test(test_quotes_and_brackets),
        cmocka_unit_test(test_cjk),
        cmocka_unit_test(test_offsets),
        cmocka_unit_test(test_stop_at_every_alignment),
        cmocka_unit_test(test_caps_like),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

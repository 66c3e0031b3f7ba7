/* test_stance.c: the stance polarity table: negation, consent and condition cues. */
#include "testutil.h"

#include "classify/stance.h"

#include <stdio.h>
#include <string.h>

/* text, the action word (its first occurrence is the action), expected polarity */
static const struct {
    const char *text, *action;
    pc_polarity want;
} rows[] = {
    {"We do not sell your personal information.", "sell", PC_POL_DOES_NOT},
    {"We never sell your data.", "sell", PC_POL_DOES_NOT},
    {"We don't sell your data.", "sell", PC_POL_DOES_NOT},
    {"We don\xe2\x80\x99t sell your data.", "sell", PC_POL_DOES_NOT},
    {"We will not sell your data without your consent.", "sell", PC_POL_WITH_CONSENT},
    {"We will not sell it without your prior written consent.", "sell", PC_POL_WITH_CONSENT},
    {"We may sell your data to partners.", "sell", PC_POL_DOES},
    {"We sell your data only if you agree.", "sell", PC_POL_WITH_CONSENT},
    {"We share data with partners only with your consent.", "share", PC_POL_WITH_CONSENT},
    {"We do not share your data unless required by law.", "share", PC_POL_CONDITIONAL},
    {"We share your data except as described here.", "share", PC_POL_CONDITIONAL},
    {"No personal information is sold.", "sold", PC_POL_DOES_NOT},
    {"We neither sell nor rent your data.", "rent", PC_POL_DOES_NOT},
    {"We sell no personal data.", "sell", PC_POL_DOES_NOT},
    /* the negation belongs to an "if" clause: it does not govern the action */
    {"If you do not opt out, we sell your data.", "sell", PC_POL_DOES},
    /* a negation in an earlier part of the sentence does not carry over */
    {"We do not know you; we sell data.", "sell", PC_POL_DOES},
    {"We are not a bank, but we sell data.", "sell", PC_POL_DOES},
    /* too far before the action (more than six words) */
    {"Not every one of the partners that we have chosen will sell data.", "sell",
     PC_POL_DOES},
};

static void test_polarity_table(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        const char *t = rows[i].text;
        const char *a = strstr(t, rows[i].action);
        assert_non_null(a);
        size_t s = (size_t)(a - t);
        pc_polarity got = pc_stance_polarity(t, strlen(t), s, s + strlen(rows[i].action));
        if (got != rows[i].want)
            fail_msg("'%s': got %s, want %s", t, pc_polarity_name(got),
                     pc_polarity_name(rows[i].want));
    }
}

static void test_names(void **state)
{
    (void)state;
    assert_string_equal(pc_polarity_name(PC_POL_DOES), "does");
    assert_string_equal(pc_polarity_name(PC_POL_DOES_NOT), "does-not");
    assert_string_equal(pc_polarity_name(PC_POL_WITH_CONSENT), "with-consent");
    assert_string_equal(pc_polarity_name(PC_POL_CONDITIONAL), "conditional");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_polarity_table),
        cmocka_unit_test(test_names),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

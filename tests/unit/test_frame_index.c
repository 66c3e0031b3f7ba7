/* test_frame_index.c: the per-clause index of the frames' cue tables (frame_index.c): every
 * first word of every indexed table carries its table's bit, other words carry none, and the
 * cues it gates still shape frames. The sentences are written for these tests. */
#include "testutil.h"

#include "classify/frame_internal.h"
#include "taxonomy/taxonomy.h"

#include <string.h>

static pc_words ws;
static uint32_t cue[PC_WORDS_MAX];

/* Each phrase of each table, split as a clause: its first word must have the table's bit. */
static void check_tables(const pc_fr_cue_table *t, size_t n)
{
    assert_true(n > 0);
    for (size_t i = 0; i < n; i++)
        for (size_t k = 0; k < t[i].n; k++) {
            const char *p = *(const char *const *)(const void *)((const char *)t[i].first +
                                                                 k * t[i].stride);
            pc_words_split(p, strlen(p), &ws);
            assert_true(ws.n > 0);
            assert_int_equal(pc_fr_cues_mark(&ws, cue), 0);
            if (!(cue[0] & t[i].bit))
                fail_msg("table %zu (bit %#x): \"%s\" not indexed", i, t[i].bit, p);
        }
}

static void test_index_holds_every_table(void **state)
{
    (void)state;
    size_t n;
    const pc_fr_cue_table *t = pc_fr_cues_tables(&n);
    check_tables(t, n);
    t = pc_fr_modality_tables(&n);
    check_tables(t, n);
    const char *b = "Fine, however odd";
    pc_words_split(b, strlen(b), &ws);
    assert_int_equal(pc_fr_cues_mark(&ws, cue), 0);
    assert_true(cue[1] & FR_CUE_BOUNDARY);
    assert_true(pc_fr_boundary(&ws.v[1]));
}

/* Words no table starts with carry no bit; a word is compared whole, not by prefix or case. */
static void test_index_other_words(void **state)
{
    (void)state;
    const char *s = "Zebras graze quietly; MY Mine myself";
    pc_words_split(s, strlen(s), &ws);
    assert_int_equal(ws.n, 6);
    assert_int_equal(pc_fr_cues_mark(&ws, cue), 0);
    for (size_t i = 0; i < 3; i++)
        assert_int_equal(cue[i], 0);
    assert_true(cue[3] & FR_CUE_MINE); /* folded: "my" */
    assert_true(cue[4] & FR_CUE_MINE);
    assert_false(cue[5] & FR_CUE_MINE); /* "myself" is no entry */
}

/* Frames of sentences whose readings rest on gated tables: the index must not hide them. */
static void test_index_cues_still_read(void **state)
{
    (void)state;
    pc_error err;
    pc_taxonomy *tax = test_load_onto_taxonomy(POLCMP_TAXONOMY);
    static const struct {
        const char *text;
        unsigned flags, conds, skip;
        int nparts_split; /* 1: two frames of one action, split by a boundary word */
    } cases[] = {
        {"We generally do not sell your email address.", PC_FRAME_SOFTENED, 0, 0, 0},
        {"We share your email address only with our couriers.", PC_FRAME_EXCLUSIVE, 0, 0, 0},
        {"We do not sell your email address without your consent.", 0, PC_COND_CONSENT, 0, 0},
        {"We do not sell your email address, as that term is defined in the CCPA.",
         PC_FRAME_LEGAL_SENSE, 0, 0, 0},
        {"Your email address is protected so that it is not lost or disclosed.", 0, 0,
         PC_SKIP_PROTECTION, 0},
        {"You have the right to ask us to stop selling your email address.", 0, 0,
         PC_SKIP_RIGHT, 0},
        {"We collect your email address, but we collect your phone number.", 0, 0, 0, 1},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const char *s = cases[i].text;
        pc_frames *fs = pc_frames_of_text(tax->onto, s, strlen(s), &err);
        assert_non_null(fs);
        unsigned flags = 0, conds = 0;
        for (size_t k = 0; k < fs->n; k++) {
            flags |= fs->v[k].flags;
            conds |= fs->v[k].conditions;
        }
        if ((flags & cases[i].flags) != cases[i].flags ||
            (conds & cases[i].conds) != cases[i].conds || fs->skip[0] != cases[i].skip ||
            (cases[i].nparts_split && fs->n != 2) || (!cases[i].skip && fs->n == 0))
            fail_msg("case %zu: flags %#x conditions %#x skip %d frames %zu: %s", i, flags, conds,
                     fs->skip[0], fs->n, s);
        pc_frames_free(fs);
    }
    pc_tax_free(tax);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_index_holds_every_table),
        cmocka_unit_test(test_index_other_words),
        cmocka_unit_test(test_index_cues_still_read),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

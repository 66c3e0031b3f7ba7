/* test_frame_index.c: the per-clause index of the frames' tables (frame_index.c): every
 * first word of every indexed cue table carries its table's bit, every word of every word table
 * its table's bit and no other word table's, other words carry none, and the cues it gates
 * still shape frames. The sentences are written for these tests. */
#include "testutil.h"

#include "classify/frame_internal.h"
#include "taxonomy/taxonomy.h"

#include <string.h>

static pc_words ws;

static const char *entry(const pc_fr_cue_table *t, size_t k)
{
    return *(const char *const *)(const void *)((const char *)t->first + k * t->stride);
}

static void mark(const char *s)
{
    pc_words_split(s, strlen(s), &ws);
    uint64_t all, u = 0;
    assert_int_equal(pc_fr_words_mark(&ws, &all), 0);
    for (size_t i = 0; i < ws.n; i++) {
        assert_true(ws.v[i].tag & FR_TAGGED);
        u |= ws.v[i].tag;
    }
    assert_true(all == (u | FR_TAGGED)); /* the clause's union, read before its words */
}

/* Each phrase of each table, split as a clause: its first word must have the table's bit. */
static void check_tables(const pc_fr_cue_table *t, size_t n)
{
    assert_true(n > 0);
    for (size_t i = 0; i < n; i++)
        for (size_t k = 0; k < t[i].n; k++) {
            mark(entry(&t[i], k));
            assert_true(ws.n > 0);
            if (!(ws.v[0].tag & t[i].bit))
                fail_msg("table %zu (bit %#llx): \"%s\" not indexed", i,
                         (unsigned long long)t[i].bit, entry(&t[i], k));
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
    t = pc_fr_index_tables(&n);
    check_tables(t, n);
    mark("Fine, however odd");
    assert_true(ws.v[1].tag & FR_CUE_BOUNDARY);
    assert_true(pc_fr_boundary(&ws.v[1]));
}

/* Words no table starts with carry no bit; a word is compared whole, not by prefix or case. */
static void test_index_other_words(void **state)
{
    (void)state;
    mark("Zebras graze quietly; MY Mine myself");
    assert_int_equal(ws.n, 6);
    for (size_t i = 0; i < 3; i++)
        assert_true(ws.v[i].tag == FR_TAGGED);
    assert_true(ws.v[3].tag & FR_CUE_MINE); /* folded: "my" */
    assert_true(ws.v[4].tag & FR_CUE_MINE);
    assert_false(ws.v[5].tag & FR_CUE_MINE); /* "myself" is no entry */
}

/* A word's tag answers each word table's question as the table itself does (pc_word_is), for
 * every word of every table (each also a non-member of most other tables), their folded and
 * cut variants, and words of no table; every FRW_ bit belongs to a listed table. */
static void check_word_bits(const pc_fr_cue_table *all[3], const size_t nall[3], const char *s)
{
    mark(s);
    for (size_t w = 0; w < ws.n; w++)
        for (size_t l = 0; l < 3; l++)
            for (size_t i = 0; i < nall[l]; i++) {
                const pc_fr_cue_table *t = &all[l][i];
                if (t->bit < FR_WORD_BIT(0))
                    continue;
                int want = pc_word_is(&ws.v[w], t->first, t->n);
                if (!!(ws.v[w].tag & t->bit) != want ||
                    pc_fr_in(&ws.v[w], t->first, t->n, t->bit) != want)
                    fail_msg("\"%s\" in table %zu of list %zu: tag says %d, table %d", ws.v[w].w,
                             i, l, !want, want);
            }
}

static void test_index_word_tables(void **state)
{
    (void)state;
    const pc_fr_cue_table *all[3];
    size_t nall[3];
    uint64_t seen = 0;
    all[0] = pc_fr_cues_tables(&nall[0]);
    all[1] = pc_fr_modality_tables(&nall[1]);
    all[2] = pc_fr_index_tables(&nall[2]);
    for (size_t l = 0; l < 3; l++)
        for (size_t i = 0; i < nall[l]; i++) {
            seen |= all[l][i].bit;
            for (size_t k = 0; k < all[l][i].n; k++)
                check_word_bits(all, nall, entry(&all[l][i], k));
        }
    for (size_t k = 0; k < FRW_COUNT; k++)
        if (!(seen & FR_WORD_BIT(k)))
            fail_msg("word table %zu is listed nowhere", k);
    check_word_bits(all, nall, "Zebras WE Their ourselvess usage lawful the-and or/nor "
                               "don\u2019t DON'T supercalifragilisticexpialidociouswe");
}

/* An untagged word (tables not indexed) is looked up in the table itself. */
static void test_index_untagged(void **state)
{
    (void)state;
    static const char *const table[] = {"alpha", "beta"};
    const char *s = "beta gamma";
    pc_words_split(s, strlen(s), &ws);
    assert_true(ws.v[0].tag == 0);
    assert_true(pc_fr_in(&ws.v[0], table, 2, FR_WORD_BIT(0)));
    assert_false(pc_fr_in(&ws.v[1], table, 2, FR_WORD_BIT(0)));
    ws.v[1].tag = FR_TAGGED | FR_WORD_BIT(0); /* a tag is believed over the table */
    assert_true(pc_fr_in(&ws.v[1], table, 2, FR_WORD_BIT(0)));
}

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
        cmocka_unit_test(test_index_word_tables),
        cmocka_unit_test(test_index_untagged),
        cmocka_unit_test(test_index_cues_still_read),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

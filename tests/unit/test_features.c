/* test_features.c: the learned model's tokenizer (classify/features.h). A scratch that read a
 * unit before keeps its leading fields (a clause's title and lead-in) and starts the next unit
 * with the same leading fields from them: what it then holds must be exactly what a fresh
 * scratch reading the unit whole holds (tokens, words and bigrams in the same order with the
 * same counts, the same lowercased bytes), also when the clause repeats the title's words,
 * when the title's bytes change in place, when its base moves, and when the table grows; and
 * the count of a clause's own words the model needs to give a class alone. */
#include "testutil.h"

#include "classify/features.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

/* Whether a and b hold the same unit, field by field of what the model reads. */
static void assert_same_unit(const pc_feat_scratch *a, const pc_feat_scratch *b)
{
    assert_int_equal(a->ntokens, b->ntokens);
    assert_int_equal(a->nwords, b->nwords);
    assert_int_equal(a->nbigrams, b->nbigrams);
    assert_int_equal(a->nlower, b->nlower);
    for (size_t i = 0; i < a->ntokens; i++) {
        assert_int_equal(a->tokens[i].span.start, b->tokens[i].span.start);
        assert_int_equal(a->tokens[i].span.end, b->tokens[i].span.end);
        assert_int_equal(a->tokens[i].heading, b->tokens[i].heading);
        assert_int_equal(a->tokens[i].word, b->tokens[i].word);
    }
    for (size_t i = 0; i < a->nwords; i++) {
        assert_true(a->words[i].hash == b->words[i].hash);
        assert_int_equal(a->words[i].key, b->words[i].key);
        assert_int_equal(a->words[i].tf, b->words[i].tf);
        assert_int_equal(a->words[i].first, b->words[i].first);
        assert_int_equal(a->words[i].off, b->words[i].off);
        assert_int_equal(a->words[i].len, b->words[i].len);
    }
    for (size_t i = 0; i < a->nbigrams; i++) {
        assert_true(a->bigrams[i].hash == b->bigrams[i].hash);
        assert_int_equal(a->bigrams[i].key, b->bigrams[i].key);
        assert_int_equal(a->bigrams[i].tf, b->bigrams[i].tf);
        assert_int_equal(a->bigrams[i].first, b->bigrams[i].first);
    }
    assert_memory_equal(a->lower, b->lower, a->nlower ? a->nlower : 1);
}

/* What any unit must hold, whichever way it was read: distinct words (by their bytes) each
 * counted once per token of it, distinct bigrams (by their pair of words). */
static void assert_unit_sound(const pc_feat_scratch *a)
{
    for (size_t i = 0; i < a->nwords; i++) {
        uint32_t tf = 0;
        for (size_t t = 0; t < a->ntokens; t++)
            tf += a->tokens[t].word == i;
        assert_int_equal(a->words[i].tf, tf);
        for (size_t j = 0; j < i; j++)
            assert_false(a->words[i].len == a->words[j].len &&
                         !memcmp(a->lower + a->words[i].off, a->lower + a->words[j].off,
                                 a->words[i].len));
    }
    for (size_t i = 0; i < a->nbigrams; i++)
        for (size_t j = 0; j < i; j++) {
            size_t ti = a->bigrams[i].first, tj = a->bigrams[j].first;
            assert_false(a->tokens[ti].word == a->tokens[tj].word &&
                         a->tokens[ti + 1].word == a->tokens[tj + 1].word);
        }
}

/* Tokenize f[0..n) with the reused scratch `kept` and with a fresh one; both must agree, and
 * the words and bigrams `kept` says it kept are those of the unit before at the same places.
 * Returns how many words it kept. */
static size_t check_unit(pc_feat_scratch *kept, const pc_feat_field *f, size_t n)
{
    uint64_t words[64], bigrams[64];
    size_t nw = kept->nwords < 64 ? kept->nwords : 64, nb = kept->nbigrams < 64 ? kept->nbigrams : 64;
    for (size_t i = 0; i < nw; i++)
        words[i] = kept->words[i].hash;
    for (size_t i = 0; i < nb; i++)
        bigrams[i] = kept->bigrams[i].hash;
    pc_feat_scratch fresh;
    pc_feat_scratch_init(&fresh);
    assert_int_equal(pc_feat_tokenize(kept, f, n), 0);
    assert_int_equal(pc_feat_tokenize(&fresh, f, n), 0);
    assert_same_unit(kept, &fresh);
    assert_unit_sound(kept);
    assert_true(fresh.kept_words == 0 && fresh.kept_bigrams == 0);
    assert_true(kept->kept_words <= nw && kept->kept_bigrams <= nb);
    for (size_t i = 0; i < kept->kept_words; i++)
        assert_true(kept->words[i].hash == words[i]);
    for (size_t i = 0; i < kept->kept_bigrams; i++)
        assert_true(kept->bigrams[i].hash == bigrams[i]);
    pc_feat_scratch_free(&fresh);
    return kept->kept_words;
}

static pc_feat_field field(const char *s, size_t base, int heading)
{
    return (pc_feat_field){s, strlen(s), base, heading};
}

/* Clauses of one list under one title and lead-in, repeating their words and pairs. */
static void test_same_title(void **state)
{
    (void)state;
    static const char *const clauses[] = {
        "Your contact details, such as your email address.",
        "Contact details we collect: email address, email address and phone number.",
        "Information we collect from partners we collect from.",
        "",
        "a",
        "We Collect Information we collect and your CONTACT details.",
    };
    pc_feat_scratch s;
    pc_feat_scratch_init(&s);
    for (size_t i = 0; i < sizeof clauses / sizeof clauses[0]; i++) {
        pc_feat_field f[3] = {field("Information we collect", 10, 1),
                              field("We collect your contact details:", 40, 1),
                              field(clauses[i], 80 + 100 * i, 0)};
        check_unit(&s, f, 3);
        check_unit(&s, f + 1, 2); /* a unit with other leading fields in between */
        check_unit(&s, f, 3);
        assert_int_equal(check_unit(&s, f, 3), 6); /* information we collect your contact details */
    }
    pc_feat_scratch_free(&s);
}

/* The same title's bytes changed in place, or at another base: read again. */
static void test_title_changes(void **state)
{
    (void)state;
    char title[] = "Data we keep for thirty days";
    pc_feat_scratch s;
    pc_feat_scratch_init(&s);
    pc_feat_field f[2] = {{title, strlen(title), 0, 1}, field("We keep data we keep.", 40, 0)};
    check_unit(&s, f, 2);
    memcpy(title, "Data we sell", 12); /* the same length, other words */
    check_unit(&s, f, 2);
    f[0].base = 7;
    check_unit(&s, f, 2);
    f[0].heading = 0;
    check_unit(&s, f, 2);
    f[0].len = 4;
    check_unit(&s, f, 2);
    check_unit(&s, f + 1, 1);
    check_unit(&s, f, 2);
    pc_feat_scratch_free(&s);
}

/* A clause long enough to grow the table after the title was kept, then the title again. */
static void test_table_grows(void **state)
{
    (void)state;
    char big[16384];
    size_t n = 0;
    for (int i = 0; i < 1200 && n + 16 < sizeof big; i++)
        n += (size_t)snprintf(big + n, sizeof big - n, "w%d x%d ", i, i % 7);
    pc_feat_scratch s;
    pc_feat_scratch_init(&s);
    pc_feat_field f[2] = {field("How we share your data", 0, 1), field("We share it.", 30, 0)};
    check_unit(&s, f, 2);
    f[1] = (pc_feat_field){big, n, 30, 0};
    check_unit(&s, f, 2);
    f[1] = field("We share your data with your data processors.", 30, 0);
    check_unit(&s, f, 2);
    check_unit(&s, f, 2);
    pc_feat_scratch_free(&s);
}

/* Tokens are maximal runs of ASCII letters and digits and bytes beyond ASCII, lowercased, of
 * two bytes or more, however their ends fall against the sixteen bytes the tokenizer reads at
 * once: tokens of 1..40 bytes (mixed case, digits, UTF-8) after 0..17 bytes of other text,
 * ended by a space, a hyphen, an apostrophe, a "[" or "@" (beside the letters' range) or the
 * end, checked against a byte-by-byte reading written here. */
static void check_tokens(const char *text, size_t len)
{
    pc_feat_scratch s;
    pc_feat_scratch_init(&s);
    pc_feat_field f = {text, len, 5, 0};
    assert_int_equal(pc_feat_tokenize(&s, &f, 1), 0);
    size_t t = 0;
    for (size_t i = 0; i < len;) {
        unsigned char c = (unsigned char)text[i];
        if (!(isalnum(c) && c < 0x80) && c < 0x80) {
            i++;
            continue;
        }
        size_t j = i;
        while (j < len && (((unsigned char)text[j] < 0x80 && isalnum((unsigned char)text[j])) ||
                           (unsigned char)text[j] >= 0x80))
            j++;
        if (j - i >= 2) {
            assert_true(t < s.ntokens);
            assert_int_equal(s.tokens[t].span.start, 5 + i);
            assert_int_equal(s.tokens[t].span.end, 5 + j);
            const pc_feat_word *w = &s.words[s.tokens[t].word];
            assert_int_equal(w->len, j - i);
            for (size_t k = i; k < j; k++)
                assert_int_equal((unsigned char)s.lower[w->off + k - i],
                                 (unsigned char)text[k] < 0x80 ? tolower((unsigned char)text[k])
                                                               : (unsigned char)text[k]);
            t++;
        }
        i = j;
    }
    assert_int_equal(s.ntokens, t);
    assert_unit_sound(&s);
    pc_feat_scratch_free(&s);
}

static void test_token_ends(void **state)
{
    (void)state;
    static const char *const ends[] = {" ", "-", "'", "[", "@", "`", "{", "/", ":", ""};
    char text[128];
    for (size_t pad = 0; pad < 18; pad++)
        for (size_t n = 1; n <= 40; n++)
            for (size_t e = 0; e < sizeof ends / sizeof ends[0]; e++)
                check_tokens(text, test_word_at(text, sizeof text, pad, n, "AbZz09Yay\xC3\xA9Mq",
                                                ends[e], e % 2 ? "Tail words, after" : ""));
}

/* A clause's own words: tokens of two bytes or more holding a letter (digits alone are no
 * word), in the fields that are not titles, counted up to the bound asked for. */
static size_t own(const char *title, const char *clause, size_t most)
{
    pc_feat_field f[2] = {{title, strlen(title), 0, 1}, {clause, strlen(clause), 100, 0}};
    return pc_feat_own_words(f, 2, most);
}

static void test_own_words(void **state)
{
    (void)state;
    const char *title = "Categories of personal information we collect";
    assert_int_equal(own(title, "N/A", 2), 0);
    assert_int_equal(own(title, "0", 2), 0);
    assert_int_equal(own(title, "2024 - 37", 2), 0);
    assert_int_equal(own(title, "Italian", 2), 1);
    assert_int_equal(own(title, "I agree", 2), 1);
    assert_int_equal(own(title, "30 days", 2), 1);
    assert_int_equal(own(title, "v2 email", 2), 2);
    assert_int_equal(own(title, "email address", 2), 2);
    assert_int_equal(own(title, "\xD0\xA0\xD1\x83\xD1\x81 \xD1\x8F\xD0\xB7", 2), 2);
    assert_int_equal(own(title, "one two three four", 3), 3);
    assert_int_equal(own("", "", 2), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_same_title),
        cmocka_unit_test(test_title_changes),
        cmocka_unit_test(test_table_grows),
        cmocka_unit_test(test_token_ends),
        cmocka_unit_test(test_own_words),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

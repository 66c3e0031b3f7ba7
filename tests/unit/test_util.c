/* test_util.c: the shared base: errors (the first one wins), the word tokenizer, layout tokens,
 * word sets and the whole-file reader. */
#include "testutil.h"

#include "util/ascii16.h"
#include "util/file.h"
#include "util/hash.h"
#include "util/util.h"
#include "util/word_index.h"
#include "util/wordset.h"
#include "util/words.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

static void test_first_error_wins(void **state)
{
    (void)state;
    pc_error err = {{0}};
    pc_error_set(&err, "%s: line %d: bad", "a.yaml", 3);
    pc_error_set(&err, "out of memory");
    assert_string_equal(err.msg, "a.yaml: line 3: bad");
    pc_error_clear(&err);
    pc_error_set(&err, "second");
    assert_string_equal(err.msg, "second");
    pc_error_set(NULL, "ignored");
}

/* The words of s joined by "|", each folded. */
static char *words_of(const char *s)
{
    static char out[512];
    size_t pos = 0, n = 0, words = 0, len = strlen(s);
    pc_span w;
    out[0] = '\0';
    while (pc_word_next(s, len, &pos, &w)) {
        char word[64];
        pc_word_fold(word, sizeof word, s, w);
        n += (size_t)snprintf(out + n, sizeof out - n, "%s%s", n ? "|" : "", word);
        words++;
    }
    assert_int_equal(pc_word_count(s, len), words);
    return out;
}

static void test_words(void **state)
{
    (void)state;
    assert_string_equal(words_of("We don't sell."), "we|don't|sell");
    assert_string_equal(words_of("the company\xE2\x80\x99s data"), "the|company's|data");
    assert_string_equal(words_of("opt-out, e-mail"), "opt|out|e|mail");
    assert_string_equal(words_of("'quoted' -- 90 days"), "quoted|90|days");
    assert_string_equal(words_of("Caf\xC3\xA9 \xC3\xA9t\xC3\xA9"), "caf\xC3\xA9|\xC3\xA9t\xC3\xA9");
    assert_string_equal(words_of("data\xE2\x80\x94we"), "data|we"); /* an em dash separates */
    assert_string_equal(words_of("\xE6\x97\xA5\xE6\x9C\xAC"), "\xE6\x97\xA5|\xE6\x9C\xAC");
    assert_string_equal(words_of("\xFF\xFE cookies"), "cookies"); /* invalid bytes separate */
    assert_string_equal(words_of(" ... "), "");
}

/* pc_keyed_cmp sorts by key, and equal keys by place, whatever order they came in. */
static void test_keyed_sort(void **state)
{
    (void)state;
    pc_keyed v[] = {{7, 4}, {3, 9}, {7, 1}, {UINT64_MAX, 0}, {3, 2}, {7, 3}};
    const pc_keyed want[] = {{3, 2}, {3, 9}, {7, 1}, {7, 3}, {7, 4}, {UINT64_MAX, 0}};
    qsort(v, sizeof v / sizeof *v, sizeof *v, pc_keyed_cmp);
    for (size_t i = 0; i < sizeof v / sizeof *v; i++) {
        assert_true(v[i].key == want[i].key);
        assert_int_equal(v[i].at, want[i].at);
    }
}

/* The split of s[0..len) against pc_word_next's words folded by pc_word_fold. */
static void check_split(const char *s, size_t len)
{
    static pc_words ws;
    size_t pos = 0, n = 0;
    pc_span sp;
    pc_words_split(s, len, &ws);
    while (pc_word_next(s, len, &pos, &sp)) {
        char word[PC_WORD_MAX];
        size_t k = pc_word_fold(word, sizeof word, s, sp);
        assert_true(n < ws.n);
        assert_int_equal(ws.v[n].start, sp.start);
        assert_int_equal(ws.v[n].end, sp.end);
        assert_string_equal(ws.v[n].w, word);
        assert_int_equal(ws.v[n].len, k);
        assert_int_equal(ws.v[n].hash, pc_word_hash(word, k));
        n++;
    }
    assert_int_equal(ws.n, n);
}

/* pc_words_split reads most words in one pass of its own: its words are pc_word_next's, folded
 * and hashed as pc_word_fold and pc_word_hash do, wherever a word ends (an apostrophe, a byte
 * beyond ASCII, the end of the text) and however long it is. */
static void test_split_agrees(void **state)
{
    (void)state;
    static const char *const texts[] = {
        "We don't sell; it's ours' and 'theirs",
        "company\xE2\x80\x99s data\xE2\x80\x99 \xE2\x80\x99quoted Caf\xC3\xA9s na\xC3\xAFve",
        "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 and Supercalifragilisticexpialidocious'tail",
        "ab\xFF\xFE cd\xC3 x'y x' 'y A'B end'",
        "data\xE2\x80\x94we opt-out e.g. example.com 3.5 \xE6\x97\xA5\xE6\x9C\xAC words",
        "LastWordAtTheEnd",
    };
    for (size_t t = 0; t < sizeof texts / sizeof *texts; t++)
        check_split(texts[t], strlen(texts[t]));
}

/* The same with words of 1..30 bytes ending at every place against the sixteen bytes the split
 * reads at once, ended by a byte beside the letters' and digits' ranges, an apostrophe, a byte
 * beyond ASCII or the end. */
static void test_split_lengths(void **state)
{
    (void)state;
    static const char *const ends[] = {" ", "'s", "\xC3\xA9t\xC3\xA9", "@", "[", "`", "{",
                                       "/", ":", "\xE2\x80\x99s", ""};
    char text[96];
    for (size_t pad = 0; pad < 18; pad++)
        for (size_t n = 1; n <= 30; n++)
            for (size_t e = 0; e < sizeof ends / sizeof ends[0]; e++)
                check_split(text, test_word_at(text, sizeof text, pad, n, "AbZz09Yaym", ends[e],
                                               e % 2 ? " and More words" : ""));
}

/* pc_ascii16_fold: every byte value at every one of the sixteen places, against the byte rules
 * (ASCII letters and digits, with `high` the bytes beyond ASCII; 'A'..'Z' lowercased). */
static void test_ascii16(void **state)
{
    (void)state;
    unsigned char in[16], out[16];
    for (int high = 0; high < 2; high++)
        for (unsigned c = 0; c < 256; c++)
            for (unsigned at = 0; at < 16; at++) {
                memset(in, 'Q', sizeof in);
                in[at] = (unsigned char)c;
                unsigned m = pc_ascii16_fold(in, out, high);
                int tok = (c < 0x80 && isalnum((int)c)) || (high && c >= 0x80);
                assert_int_equal(m, (0xFFFFu & ~(1u << at)) | ((unsigned)tok << at));
                assert_int_equal(out[at], c >= 'A' && c <= 'Z' ? c + 32 : c);
                assert_int_equal(out[(at + 1) % 16], 'q');
                assert_int_equal(pc_ascii16_run(m), tok ? 16 : at);
            }
}

static void test_word_count(void **state)
{
    (void)state;
    assert_int_equal(pc_word_count("We keep order records for 90 days.", 34), 7);
    assert_int_equal(pc_word_count("\xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E", 9), 3);
    assert_int_equal(pc_word_count("", 0), 0);
}

static void test_tokens(void **state)
{
    (void)state;
    const char *s = "  English | Deutsch/\xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E (US)\t";
    size_t len = strlen(s), pos = 0, n = 0;
    const char *want[] = {"English", "Deutsch", "\xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E", "US"};
    pc_span t;
    while (pc_token_next(s, len, &pos, &t, "|/,()")) {
        assert_true(n < 4);
        assert_int_equal(t.end - t.start, strlen(want[n]));
        assert_memory_equal(s + t.start, want[n], t.end - t.start);
        n++;
    }
    assert_int_equal(n, 4);
    /* without separators only white space splits: "|", "Deutsch/日本語" and "(US)" are one each */
    assert_int_equal(pc_token_count(s, len), 4);
    assert_int_equal(pc_token_count("opt-out\n\n of  it", 17), 3);
    assert_int_equal(pc_token_count("   ", 3), 0);
    pos = 0;
    assert_int_equal(pc_token_next(" \t", 2, &pos, &t, NULL), 0);
    /* with separators a NUL byte separates too; without, only white space does */
    static const char nul[] = "ab,c\0d)";
    pos = 0;
    assert_int_equal(pc_token_next(nul, 7, &pos, &t, ",)"), 1);
    assert_int_equal(t.start, 0);
    assert_int_equal(t.end, 2);
    assert_int_equal(pc_token_next(nul, 7, &pos, &t, ",)"), 1);
    assert_int_equal(t.start, 3);
    assert_int_equal(t.end, 4);
    assert_int_equal(pc_token_next(nul, 7, &pos, &t, ",)"), 1);
    assert_int_equal(t.start, 5);
    assert_int_equal(t.end, 6);
    assert_int_equal(pc_token_next(nul, 7, &pos, &t, ",)"), 0);
    pos = 0;
    assert_int_equal(pc_token_next(nul, 7, &pos, &t, NULL), 1);
    assert_int_equal(t.end, 7);
    /* separators may be letters too */
    pos = 0;
    assert_int_equal(pc_token_next("abxcd", 5, &pos, &t, "x"), 1);
    assert_int_equal(t.end, 2);
    assert_int_equal(pc_token_next("abxcd", 5, &pos, &t, "x"), 1);
    assert_int_equal(t.start, 3);
    assert_int_equal(t.end, 5);
}

static const char *const test_set_words[] = {"top", "back to top", "e.g", "\xC3\xA9t\xC3\xA9", "us"};
static const char *const test_case_words[] = {"We", "Our"};

static void test_wordset(void **state)
{
    (void)state;
    static pc_wordset folded = PC_WORDSET(test_set_words, true);
    static pc_wordset exact = PC_WORDSET(test_case_words, false);
    assert_true(pc_wordset_has(&folded, "Top", 3));
    assert_true(pc_wordset_has(&folded, "BACK TO TOP", 11));
    assert_true(pc_wordset_has(&folded, "E.G", 3));
    assert_true(pc_wordset_has(&folded, "\xC3\xA9t\xC3\xA9", 5));
    assert_true(pc_wordset_has(&folded, "us", 2));
    assert_false(pc_wordset_has(&folded, "to", 2));
    assert_false(pc_wordset_has(&folded, "tops", 4));
    assert_false(pc_wordset_has(&folded, "", 0));
    assert_false(pc_wordset_has(&folded, "back to top ", 12));
    assert_true(pc_wordset_has(&exact, "We", 2));
    assert_false(pc_wordset_has(&exact, "we", 2));
    assert_false(pc_wordset_has(&exact, "OUR", 3));
    assert_true(pc_wordset_has(&exact, "Our", 3));
}

/* 120 words of 1..40 bytes, letters of both cases, digits, punctuation and UTF-8 bytes. */
static char many_buf[120][48];
static const char *many_words[120];

static bool ws_linear(const char *const *words, size_t n, const char *s, size_t len)
{
    for (size_t k = 0; k < n; k++)
        if (strlen(words[k]) == len && strncasecmp(words[k], s, len) == 0)
            return true;
    return false;
}

/* The filter in front of the table (length, first and last byte) never turns a word away:
 * every word, in either case and with any byte changed, answers as a linear search does. */
static void test_wordset_filter(void **state)
{
    (void)state;
    static const char alpha[] = "abcXYZ09-_.Ã© mnopQRSTuvw";
    static pc_wordset many = PC_WORDSET(many_words, true);
    unsigned r = 12345;
    for (size_t k = 0; k < 120; k++) {
        size_t n = 1 + k % 40;
        for (size_t i = 0; i < n; i++, r = r * 1103515245u + 12345u)
            many_buf[k][i] = alpha[(r >> 16) % (sizeof alpha - 1)];
        many_buf[k][n] = '\0';
        many_words[k] = many_buf[k];
    }
    size_t found = 0;
    for (size_t k = 0; k < 120; k++) {
        char v[48];
        size_t n = strlen(many_words[k]);
        for (size_t i = 0; i <= n; i++)
            v[i] = (char)toupper((unsigned char)many_words[k][i]);
        assert_true(pc_wordset_has(&many, many_words[k], n));
        assert_true(pc_wordset_has(&many, v, n));
        for (size_t i = 0; i < n; i++, r = r * 1103515245u + 12345u) {
            memcpy(v, many_words[k], n + 1);
            v[i] = alpha[(r >> 16) % (sizeof alpha - 1)];
            bool want = ws_linear(many_words, 120, v, n);
            found += want;
            assert_int_equal(pc_wordset_has(&many, v, n), want);
            assert_int_equal(pc_wordset_has(&many, v, n - 1), ws_linear(many_words, 120, v, n - 1));
        }
    }
    assert_true(found > 40); /* the changed byte was now and then the same */
}

/* Phrases matched word by word: whole words only, "*" for up to PC_PHRASE_GAP words. */
static void test_phrases(void **state)
{
    (void)state;
    static pc_words ws;
    static const char text[] = "We never share it without your prior written consent, or emails.";
    pc_words_split(text, sizeof text - 1, &ws);
    assert_true(pc_words_match_at(&ws, 4, "without * consent"));
    assert_true(pc_words_match_at(&ws, 4, "without your prior written consent"));
    assert_true(pc_words_match_at(&ws, 5, "your"));
    assert_false(pc_words_match_at(&ws, 5, "you"));
    assert_false(pc_words_match_at(&ws, 5, "yours"));
    assert_false(pc_words_match_at(&ws, 4, "without consent"));
    assert_false(pc_words_match_at(&ws, 0, "we * consent")); /* more than the gap between */
    assert_int_equal(ws.n, 11);
    assert_true(pc_words_match_at(&ws, 9, "or emails"));
    assert_false(pc_words_match_at(&ws, 10, "emails or")); /* past the last word */
    assert_false(pc_words_match_at(&ws, 10, "email"));
    assert_true(pc_words_match_at(&ws, 10, "emails *")); /* a gap of none at the end */
    assert_false(pc_words_match_at(&ws, 11, "emails"));
    assert_int_equal(pc_words_find(&ws, (const char *const[]){"prior * consent", "never"}, 2, 0), 1);
    assert_int_equal(pc_words_find(&ws, (const char *const[]){"prior * consent"}, 1, 0), 6);
    assert_int_equal(pc_words_find(&ws, (const char *const[]){"consents"}, 1, 0), -1);
    static const char *const table[] = {"it", "our", "share", "emails"};
    assert_true(PC_WORD_IN(ws.v[2].w, table));
    assert_true(PC_WORD_IN(ws.v[10].w, table));
    assert_false(PC_WORD_IN(ws.v[5].w, table)); /* "your": a longer word than "our" */
    assert_false(PC_WORD_IN("s", table));
    assert_false(PC_WORD_IN("", table));
}

/* Tables longer than a few entries are found through their index by first word: every entry
 * is still found, in table order, and only whole words match. */
static const char *const test_cue_words[] = {"alpha", "beta",  "gamma", "delta", "epsilon",
                                             "zeta",  "eta",   "theta", "iota",  "kappa",
                                             "lambda", "mu"};
static const struct {
    const char *phrase;
    int id;
} test_cue_phrases[] = {
    {"with * consent", 1}, {"your consent", 2}, {"with your", 3}, {"opt out", 4},
    {"consent", 5},        {"with", 6},         {"a", 7},         {"b", 8},
    {"c", 9},              {"d", 10},
};

static void test_word_index(void **state)
{
    (void)state;
    for (size_t k = 0; k < sizeof test_cue_words / sizeof *test_cue_words; k++)
        assert_true(PC_WORD_IN(test_cue_words[k], test_cue_words));
    assert_false(PC_WORD_IN("alph", test_cue_words));
    assert_false(PC_WORD_IN("alphas", test_cue_words));
    assert_false(PC_WORD_IN("", test_cue_words));
    assert_false(PC_WORD_IN("Alpha", test_cue_words));
    static pc_words ws;
    static const char text[] = "Shared with your consent, then mu; or opt-out.";
    pc_words_split(text, sizeof text - 1, &ws);
    assert_int_equal(ws.n, 9);
    assert_int_equal(pc_words_find(&ws, test_cue_words, 12, 0), 5); /* "mu" */
    assert_int_equal(pc_words_find(&ws, test_cue_words, 12, 6), -1);
    int ids[8], n = 0; /* every phrase matching at "with", in table order */
    for (long t = -1; (t = PC_WORDS_MATCH_NEXT(&ws, 1, test_cue_phrases, phrase, t)) >= 0;)
        ids[n++] = test_cue_phrases[t].id;
    assert_int_equal(n, 3);
    assert_int_equal(ids[0], 1);
    assert_int_equal(ids[1], 3);
    assert_int_equal(ids[2], 6);
    assert_int_equal(PC_WORDS_MATCH_NEXT(&ws, 2, test_cue_phrases, phrase, -1), 1);
    assert_int_equal(PC_WORDS_MATCH_NEXT(&ws, 7, test_cue_phrases, phrase, -1), 3);
    assert_int_equal(PC_WORDS_MATCH_NEXT(&ws, 4, test_cue_phrases, phrase, -1), -1);
    assert_int_equal(PC_WORDS_MATCH_NEXT(&ws, 9, test_cue_phrases, phrase, -1), -1);
    assert_true(pc_words_match_any(&ws, 3, test_cue_words, 12) == 0);
}

/* The index passes over a phrase whose second word differs from the next word of the text:
 * a gap ("*"), a phrase of one word, spaces doubled and the last word of a text are still
 * read as pc_words_match_at reads them. */
static const char *const test_pair_phrases[] = {
    "we  share", "we *", "we * data", "we", "we sell", "share data", "share", "data",
    "data *",    "data more", "x", "y"};

static void test_word_index_pairs(void **state)
{
    (void)state;
    static pc_words ws;
    static const char text[] = "We share, data";
    pc_words_split(text, sizeof text - 1, &ws);
    assert_int_equal(ws.n, 3);
    static const long want[3][6] = {{0, 1, 2, 3, -1}, {5, 6, -1}, {7, 8, -1}};
    for (size_t i = 0; i < 3; i++) {
        long t = -1;
        for (size_t k = 0;; k++) {
            t = pc_words_match_next(&ws, i, test_pair_phrases, 12, sizeof *test_pair_phrases, t);
            assert_int_equal(t, want[i][k]);
            if (t < 0)
                break;
            assert_true(pc_words_match_at(&ws, i, test_pair_phrases[t]));
        }
    }
}

/* Valid text of every length around the eight-byte step, and one bad byte at each place. */
static void test_utf8_valid(void **state)
{
    (void)state;
    char buf[40];
    const char *good = "abcdefgh\xc3\xa9ijklmnopq\xe2\x82\xacrstuvwxyz01234";
    size_t n = strlen(good);
    assert_true(pc_utf8_valid("", 0));
    for (size_t len = 0; len <= n; len++) {
        /* a prefix that ends inside a multi-byte sequence is not valid */
        int cut = len < n && ((unsigned char)good[len] & 0xC0) == 0x80;
        assert_int_equal(pc_utf8_valid(good, len), !cut);
    }
    for (size_t at = 0; at < n; at++) {
        memcpy(buf, good, n);
        buf[at] = (char)0xff;
        assert_false(pc_utf8_valid(buf, n));
    }
    const char *overlong = "abcdefgh\xc0\xafxyz", *surrogate = "\xed\xa0\x80" "abcdefgh";
    assert_false(pc_utf8_valid(overlong, strlen(overlong)));
    assert_false(pc_utf8_valid(surrogate, strlen(surrogate)));
    /* ASCII only, until the first non-ASCII byte (at 8) is inside */
    assert_int_equal(pc_utf8_check("", 0), PC_UTF8_ASCII);
    for (size_t len = 0; len <= n; len++) {
        int cut = len < n && ((unsigned char)good[len] & 0xC0) == 0x80;
        assert_int_equal(pc_utf8_check(good, len),
                         len <= 8 ? PC_UTF8_ASCII : cut ? PC_UTF8_INVALID : PC_UTF8_VALID);
    }
    assert_int_equal(pc_utf8_check("abcdefghijklmno\x7f", 16), PC_UTF8_ASCII);
    assert_int_equal(pc_utf8_check(overlong, strlen(overlong)), PC_UTF8_INVALID);
}

static void test_file_read(void **state)
{
    (void)state;
    const char *path = test_write_temp("read.txt", "abc\0def", 7);
    size_t len = 0;
    pc_error err = {{0}};
    char *data = pc_file_read(path, 0, NULL, &len, &err);
    assert_non_null(data);
    assert_int_equal(len, 7);
    assert_memory_equal(data, "abc\0def", 8); /* and NUL-terminated */
    free(data);
    assert_null(pc_file_read(path, 6, "raise it", &len, &err));
    assert_non_null(strstr(err.msg, "read.txt: 7 bytes is over the 6 bytes limit (raise it)"));
    pc_error_clear(&err);
    assert_null(pc_file_read("/nonexistent/x", 0, NULL, &len, &err));
    assert_string_equal(err.msg, "/nonexistent/x: no such file");
    pc_error_clear(&err);
    assert_null(pc_file_read(test_temp_dir(), 0, NULL, &len, &err));
    assert_non_null(strstr(err.msg, ": is a directory"));
}

/* A regular file is mapped and holds its bytes; what cannot be mapped is read; the errors are
 * pc_file_read's. */
static void test_file_map(void **state)
{
    (void)state;
    const char *path = test_write_temp("map.bin", "ab\0cd\nef", 8);
    pc_error err = {{0}};
    pc_file_map f;
    assert_int_equal(pc_file_map_open(&f, path, 0, NULL, &err), 0);
    assert_true(f.mapped);
    assert_int_equal(f.len, 8);
    assert_memory_equal(f.p, "ab\0cd\nef", 8);
    pc_file_unmap(&f);
    assert_null(f.p);
    pc_file_unmap(&f); /* twice is harmless */
    assert_int_equal(pc_file_map_open(&f, test_write_temp("empty", "", 0), 0, NULL, &err), 0);
    assert_false(f.mapped);
    assert_int_equal(f.len, 0);
    assert_string_equal(f.p, "");
    pc_file_unmap(&f);
    path = test_write_temp("map.bin", "ab\0cd\nef", 8);
    assert_int_equal(pc_file_map_open(&f, path, 7, "raise it", &err), -1);
    assert_non_null(strstr(err.msg, "map.bin: 8 bytes is over the 7 bytes limit (raise it)"));
    pc_error_clear(&err);
    assert_int_equal(pc_file_map_open(&f, "/nonexistent/x", 0, NULL, &err), -1);
    assert_string_equal(err.msg, "/nonexistent/x: no such file");
    pc_error_clear(&err);
    assert_int_equal(pc_file_map_open(&f, test_temp_dir(), 0, NULL, &err), -1);
    assert_non_null(strstr(err.msg, ": is a directory"));
    assert_null(f.p);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_first_error_wins),
        cmocka_unit_test(test_words),
        cmocka_unit_test(test_split_agrees),
        cmocka_unit_test(test_split_lengths),
        cmocka_unit_test(test_ascii16),
        cmocka_unit_test(test_word_count),
        cmocka_unit_test(test_tokens),
        cmocka_unit_test(test_wordset),
        cmocka_unit_test(test_wordset_filter),
        cmocka_unit_test(test_phrases),
        cmocka_unit_test(test_word_index),
        cmocka_unit_test(test_word_index_pairs),
        cmocka_unit_test(test_utf8_valid),
        cmocka_unit_test(test_keyed_sort),
        cmocka_unit_test(test_file_read),
        cmocka_unit_test(test_file_map),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

/* test_prefilter_cache.c: the compiled literal database and the parsed YAML document kept
 * beside a taxonomy (taxonomy/prefilter_cache.h, taxonomy/doccache.h): written on the first
 * load, read on the next with the same literals, the same reading of the YAML and the same
 * scan results, and ignored and rebuilt when it is stale, truncated, corrupt or not a cache at
 * all; kept in the user's cache directory when the taxonomy's takes no files;
 * POLCMP_NO_CACHE turns it off. */
#define _GNU_SOURCE /* memmem */
#include "testutil.h"

#include "taxonomy/prefilter.h"
#include "taxonomy/prefilter_cache.h"
#include "taxonomy/taxonomy.h"

#include <yaml.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char *const texts[] = {
    "We retain your data for 30 days and keep backups.",
    "We never sell personal information to anyone.",
    "Cookies help us remember you.",
    "Nothing here.",
};

/* The taxonomy file in the temporary directory and the cache beside it. */
static char tax_path[512], cache_path[600];

static void write_taxonomy(const char *replace, const char *with)
{
    size_t len;
    char *yaml = test_read_file(POLCMP_TEST_DATA "/taxonomy/tiny.yaml", &len);
    assert_non_null(yaml);
    char *at = replace ? strstr(yaml, replace) : NULL;
    if (replace)
        assert_non_null(at);
    FILE *f = fopen(tax_path, "wb");
    assert_non_null(f);
    if (at) {
        fwrite(yaml, 1, (size_t)(at - yaml), f);
        fputs(with, f);
        fputs(at + strlen(replace), f);
    } else {
        fwrite(yaml, 1, len, f);
    }
    fclose(f);
    free(yaml);
}

static pc_taxonomy *load(int want_cached)
{
    pc_error err = {{0}};
    pc_taxonomy *tax = pc_tax_load(tax_path, &err);
    assert_non_null(tax);
    assert_int_equal(pc_prefilter_cached(tax->prefilter), want_cached);
    assert_int_equal(access(cache_path, R_OK), 0); /* written when it was not read */
    return tax;
}

/* Rule i's pattern (and its exclusion) on every text: the same matches in a and b. */
static void assert_same_match(const pc_prefilter *pa, const pc_prefilter *pb, size_t i)
{
    const pc_rule *ra = pc_prefilter_rule(pa, i), *rb = pc_prefilter_rule(pb, i);
    assert_string_equal(ra->pattern, rb->pattern);
    pcre2_match_data *ma = pcre2_match_data_create(16, NULL), *mb = pcre2_match_data_create(16, NULL);
    for (size_t t = 0; t < sizeof texts / sizeof texts[0]; t++) {
        const pcre2_code *ca[2] = {ra->code, pc_prefilter_code(pa, ra)};
        const pcre2_code *cb[2] = {rb->code, pc_prefilter_code(pb, rb)};
        for (int k = 0; k < 2; k++) { /* the interpreter, then the JIT copy */
            PCRE2_SPTR s = (PCRE2_SPTR)texts[t];
            int x = pcre2_match(ca[k], s, strlen(texts[t]), 0, 0, ma, NULL);
            int y = pcre2_match(cb[k], s, strlen(texts[t]), 0, 0, mb, NULL);
            assert_int_equal(x, y);
            if (x > 0)
                assert_memory_equal(pcre2_get_ovector_pointer(ma), pcre2_get_ovector_pointer(mb),
                                    2 * (size_t)x * sizeof(PCRE2_SIZE));
        }
        if (ra->exclude)
            assert_int_equal(pcre2_match(ra->exclude, (PCRE2_SPTR)texts[t], strlen(texts[t]), 0, 0, ma, NULL),
                             pcre2_match(rb->exclude, (PCRE2_SPTR)texts[t], strlen(texts[t]), 0, 0, mb, NULL));
    }
    pcre2_match_data_free(ma);
    pcre2_match_data_free(mb);
}

/* Two taxonomies from the same file agree on every rule's literals, every scan and every
 * rule's matches. */
static void assert_same(const pc_taxonomy *a, const pc_taxonomy *b)
{
    const pc_prefilter *pa = a->prefilter, *pb = b->prefilter;
    assert_int_equal(pc_prefilter_nrules(pa), pc_prefilter_nrules(pb));
    for (size_t i = 0; i < pc_prefilter_nrules(pa); i++)
        assert_same_match(pa, pb, i);
    for (size_t i = 0; i < pc_prefilter_nrules(pa); i++) {
        const pc_rule_lits *x = pc_prefilter_lits(pa, i), *y = pc_prefilter_lits(pb, i);
        assert_int_equal(x->nlits, y->nlits);
        assert_int_equal(x->caseless, y->caseless);
        assert_int_equal(x->source, y->source);
        assert_int_equal(x->form.nlits, y->form.nlits);
        assert_int_equal(x->form.nterms, y->form.nterms);
        for (size_t k = 0; k < x->nlits; k++)
            assert_string_equal(x->lits[k], y->lits[k]);
        for (size_t k = 0; k < x->form.nlits; k++)
            assert_string_equal(x->form.lits[k], y->form.lits[k]);
    }
    pc_error err = {{0}};
    pc_prefilter_scratch *sa = pc_prefilter_scratch_new(pa, &err), *sb = pc_prefilter_scratch_new(pb, &err);
    assert_non_null(sa);
    assert_non_null(sb);
    size_t words = pc_prefilter_words(pa);
    uint64_t *ba = calloc(words, 8), *bb = calloc(words, 8);
    for (size_t t = 0; t < sizeof texts / sizeof texts[0]; t++) {
        assert_int_equal(pc_prefilter_scan(pa, sa, texts[t], strlen(texts[t]), ba), 0);
        assert_int_equal(pc_prefilter_scan(pb, sb, texts[t], strlen(texts[t]), bb), 0);
        assert_memory_equal(ba, bb, words * 8);
    }
    free(ba);
    free(bb);
    pc_prefilter_scratch_free(sa);
    pc_prefilter_scratch_free(sb);
}

static int setup(void **state)
{
    (void)state;
    unsetenv("POLCMP_NO_CACHE");
    snprintf(tax_path, sizeof tax_path, "%s/tiny.yaml", test_temp_dir());
    snprintf(cache_path, sizeof cache_path, "%s/.tiny.yaml.cache", test_temp_dir());
    unlink(cache_path);
    write_taxonomy(NULL, NULL);
    return 0;
}

static void test_written_then_read(void **state)
{
    (void)state;
    char *p[PC_PFCACHE_PLACES];
    assert_int_equal(pc_pfcache_paths(tax_path, p), 0);
    assert_string_equal(p[0], cache_path);
    assert_null(p[2]);
    for (size_t i = 0; i < PC_PFCACHE_PLACES; i++)
        free(p[i]);
    assert_int_equal(pc_pfcache_paths("privacy.yaml", p), 0);
    assert_string_equal(p[0], ".privacy.yaml.cache");
    for (size_t i = 0; i < PC_PFCACHE_PLACES; i++)
        free(p[i]);
    pc_taxonomy *fresh = load(0);
    pc_taxonomy *cached = load(1);
    assert_int_equal(fresh->patterns_cached, 0);
    assert_true(cached->patterns_cached >= pc_prefilter_nrules(cached->prefilter));
    assert_same(fresh, cached);
    pc_tax_free(fresh);
    pc_tax_free(cached);
}

static void write_bytes(const char *data, size_t len)
{
    FILE *f = fopen(cache_path, "wb");
    assert_non_null(f);
    fwrite(data, 1, len, f);
    fclose(f);
}

/* Each damaged cache is ignored (the literals are derived again, the same), then replaced. */
static void test_damaged(void **state)
{
    (void)state;
    pc_taxonomy *ref = load(0);
    size_t len;
    char *good = test_read_file(cache_path, &len);
    assert_non_null(good);
    assert_true(len > 64);
    char *bad = malloc(len);
    for (int kind = 0; kind < 6; kind++) {
        memcpy(bad, good, len);
        size_t n = len;
        switch (kind) {
        case 0: n = len / 2; break;               /* truncated */
        case 1: bad[len / 2] ^= 0x40; break;      /* a byte flipped in the payload */
        case 2: bad[9] ^= 1; break;               /* another key */
        case 3: n = 0; break;                     /* empty */
        case 4: memset(bad, 'x', len); break;     /* not a cache */
        case 5: bad[0] = 'Q'; break;              /* another magic */
        }
        write_bytes(bad, n);
        pc_taxonomy *t = load(0);
        assert_same(ref, t);
        pc_tax_free(t);
        t = load(1); /* rewritten */
        pc_tax_free(t);
    }
    free(bad);
    free(good);
    pc_tax_free(ref);
}

/* Every rule's literals scanned as texts of their own: the same rule bits in a and b. */
static void assert_same_on_literals(const pc_taxonomy *a, const pc_taxonomy *b)
{
    const pc_prefilter *pa = a->prefilter, *pb = b->prefilter;
    pc_error err = {{0}};
    pc_prefilter_scratch *sa = pc_prefilter_scratch_new(pa, &err), *sb = pc_prefilter_scratch_new(pb, &err);
    size_t words = pc_prefilter_words(pa);
    uint64_t *ba = calloc(words, 8), *bb = calloc(words, 8);
    for (size_t i = 0; i < pc_prefilter_nrules(pa); i++) {
        const pc_rule_lits *l = pc_prefilter_lits(pa, i);
        for (size_t k = 0; k < l->nlits + l->form.nlits; k++) {
            char text[512];
            snprintf(text, sizeof text, "x %s y", k < l->nlits ? l->lits[k] : l->form.lits[k - l->nlits]);
            assert_int_equal(pc_prefilter_scan(pa, sa, text, strlen(text), ba), 0);
            assert_int_equal(pc_prefilter_scan(pb, sb, text, strlen(text), bb), 0);
            assert_memory_equal(ba, bb, words * 8);
        }
    }
    free(ba);
    free(bb);
    pc_prefilter_scratch_free(sa);
    pc_prefilter_scratch_free(sb);
}

/* Cache file bytes good[0..len) of nrules rules, decoded: its parts (pointing into good). */
static pc_pfcache_parts parts_of(const char *good, size_t len, size_t nrules)
{
    uint64_t key;
    memcpy(&key, good + 8, 8);
    pc_rule_lits *lits = calloc(nrules, sizeof *lits);
    pc_pfcache_parts parts;
    assert_int_equal(pc_pfcache_decode(good, len, key, nrules, lits, &parts, 1), 0);
    for (size_t i = 0; i < nrules; i++)
        pc_lit_free(&lits[i]);
    free(lits);
    return parts;
}

/* The cache file with its prefilter tables (or, when `doc`, its document section) replaced by
 * p[0..n) and its checksum made to hold again: a file some other build could have written. */
static void write_with(const char *good, size_t len, size_t nrules, int doc, const char *p,
                       size_t n)
{
    uint64_t key;
    memcpy(&key, good + 8, 8);
    pc_rule_lits *lits = calloc(nrules, sizeof *lits);
    pc_pfcache_parts parts;
    assert_int_equal(pc_pfcache_decode(good, len, key, nrules, lits, &parts, 1), 0);
    *(doc ? &parts.doc : &parts.tables) = (pc_pfcache_blob){p, n};
    size_t blen;
    char *bytes = pc_pfcache_encode(key, nrules, lits, &parts, &blen);
    assert_non_null(bytes);
    write_bytes(bytes, blen);
    free(bytes);
    for (size_t i = 0; i < nrules; i++)
        pc_lit_free(&lits[i]);
    free(lits);
}

/* Tables that do not fit the literals (an order that is not sorted, a root that does not occur
 * in the literal built on it, a cut-off section) are not trusted: the order and the roots are
 * worked out again, and every scan and match is the same. */
static void test_bad_tables(void **state)
{
    (void)state;
    pc_taxonomy *ref = load(0);
    size_t nrules = pc_prefilter_nrules(ref->prefilter), len;
    char *good = test_read_file(cache_path, &len);
    pc_pfcache_parts parts = parts_of(good, len, nrules);
    size_t tlen = parts.tables.len;
    assert_true(tlen > 16);
    char *tab = malloc(tlen);
    for (int kind = 0; kind < 4; kind++) {
        memcpy(tab, parts.tables.p, tlen);
        uint32_t n, v;
        memcpy(&n, tab, 4);
        switch (kind) {
        case 0: /* the first two places swapped: not sorted */
            memcpy(&v, tab + 4, 4);
            memmove(tab + 4, tab + 8, 4);
            memcpy(tab + 8, &v, 4);
            break;
        case 1: /* a place out of range */
            v = n + 7;
            memcpy(tab + 4, &v, 4);
            break;
        case 2: { /* every literal built on the first root that carries one */
            const size_t roots = 8 + 4 * (size_t)n, nu = (tlen - roots) / 4;
            uint32_t r = UINT32_MAX;
            for (size_t u = 0; u < nu && r == UINT32_MAX; u++)
                memcpy(&r, tab + roots + 4 * u, 4);
            assert_true(r < nu); /* the taxonomy has a literal built on another */
            for (size_t u = 0; u < nu; u++)
                if (u != r)
                    memcpy(tab + roots + 4 * u, &r, 4);
            break;
        }
        case 3: /* cut off */
            break;
        }
        write_with(good, len, nrules, 0, tab, kind == 3 ? tlen / 2 : tlen);
        pc_taxonomy *t = load(1);
        assert_same(ref, t);
        assert_same_on_literals(ref, t);
        pc_tax_free(t);
    }
    free(tab);
    free(good);
    pc_tax_free(ref);
}

/* A changed rule makes the cache stale: the new pattern's literal is derived. */
static void test_stale(void **state)
{
    (void)state;
    pc_taxonomy *t = load(0);
    pc_tax_free(t);
    write_taxonomy("pattern: '\\bsell\\b'", "pattern: '\\bvend\\b'");
    t = load(0);
    int seen = 0;
    for (size_t i = 0; i < pc_prefilter_nrules(t->prefilter); i++) {
        const pc_rule_lits *l = pc_prefilter_lits(t->prefilter, i);
        for (size_t k = 0; k < l->nlits; k++)
            seen |= !strcmp(l->lits[k], "vend");
    }
    assert_true(seen);
    size_t all = t->patterns_cached;
    assert_true(all > 0); /* the patterns before the changed one were taken */
    pc_tax_free(t);
    /* Taken and compiled codes cannot be written together: the next load compiles all of
     * them (its literals are cached) and the one after takes all of them. */
    t = load(1);
    assert_int_equal(t->patterns_cached, 0);
    pc_tax_free(t);
    t = load(1);
    assert_true(t->patterns_cached > all);
    size_t len;
    char *yaml = test_read_file(tax_path, &len);
    pc_error err = {{0}};
    pc_taxonomy *plain = pc_tax_load_mem(tax_path, yaml, len, &err); /* no cache at all */
    assert_non_null(plain);
    assert_same(plain, t);
    pc_tax_free(plain);
    free(yaml);
    pc_tax_free(t);
}

static void assert_same_str(const char *a, const char *b)
{
    if (!a || !b)
        assert_ptr_equal(a, b);
    else
        assert_string_equal(a, b);
}

/* Two taxonomies read from the same YAML agree on every category and on every field and
 * position of every rule. */
static void assert_same_reading(const pc_taxonomy *a, const pc_taxonomy *b)
{
    assert_string_equal(a->id, b->id);
    assert_int_equal(a->ncats, b->ncats);
    assert_int_equal(a->nattrs, b->nattrs);
    assert_int_equal(a->ntopics, b->ntopics);
    assert_int_equal(a->nreqs, b->nreqs);
    assert_int_equal(a->nrules, b->nrules);
    for (size_t i = 0; i < a->ncats; i++) {
        const pc_category *x = &a->cats[i], *y = &b->cats[i];
        assert_string_equal(x->id, y->id);
        assert_string_equal(x->name, y->name);
        assert_string_equal(x->description, y->description);
        assert_int_equal(x->parent, y->parent);
        assert_true(x->threshold == y->threshold);
    }
    const pc_prefilter *pa = a->prefilter, *pb = b->prefilter;
    assert_int_equal(pc_prefilter_nrules(pa), pc_prefilter_nrules(pb));
    for (size_t i = 0; i < pc_prefilter_nrules(pa); i++) {
        const pc_rule *x = pc_prefilter_rule(pa, i), *y = pc_prefilter_rule(pb, i);
        assert_string_equal(x->id, y->id);
        assert_string_equal(x->pattern, y->pattern);
        assert_same_str(x->exclude_pattern, y->exclude_pattern);
        assert_same_str(x->literal, y->literal);
        assert_same_str(x->value, y->value);
        assert_true(x->weight == y->weight);
        assert_int_equal(x->caseless, y->caseless);
        assert_int_equal(x->scope, y->scope);
        assert_int_equal(x->strong, y->strong);
        assert_int_equal(x->line, y->line);
        assert_int_equal(x->col, y->col);
    }
}

/* The parsed document is kept in the cache file: the next load reads the same taxonomy
 * without parsing the YAML. */
static void test_document(void **state)
{
    (void)state;
    pc_taxonomy *fresh = load(0);
    assert_int_equal(fresh->document_cached, 0);
    pc_taxonomy *cached = load(1);
    assert_int_equal(cached->document_cached, 1);
    assert_same_reading(fresh, cached);
    assert_same(fresh, cached);
    pc_tax_free(fresh);
    pc_tax_free(cached);
}

/* Any change to the YAML, a comment included, parses it again (the rules' lines move with
 * it) while the literals stay cached; the load after takes the new document. */
static void test_document_stale(void **state)
{
    (void)state;
    pc_taxonomy *before = load(0);
    pc_tax_free(load(1));
    write_taxonomy("taxonomy:\n", "# one more line\ntaxonomy:\n");
    pc_taxonomy *t = load(1);
    assert_int_equal(t->document_cached, 0);
    assert_int_equal(pc_prefilter_rule(t->prefilter, 0)->line,
                     pc_prefilter_rule(before->prefilter, 0)->line + 1);
    pc_taxonomy *again = load(1);
    assert_int_equal(again->document_cached, 1);
    assert_same_reading(t, again);
    pc_tax_free(again);
    pc_tax_free(t);
    pc_tax_free(before);
}

/* A document section that does not hold (cut short, a node id past the last node, a scalar
 * without its NUL, another key) is not trusted: the YAML is parsed, the taxonomy is the
 * same, and the file is rewritten with a good section. */
static void test_document_damaged(void **state)
{
    (void)state;
    pc_taxonomy *ref = load(0);
    size_t nrules = pc_prefilter_nrules(ref->prefilter), len;
    pc_tax_free(load(1));
    char *good = test_read_file(cache_path, &len);
    pc_pfcache_parts parts = parts_of(good, len, nrules);
    size_t dlen = parts.doc.len;
    assert_true(dlen > 64);
    char *doc = malloc(dlen);
    for (int kind = 0; kind < 4; kind++) {
        memcpy(doc, parts.doc.p, dlen);
        size_t n = dlen;
        uint32_t count;
        memcpy(&count, doc + 8, 4);
        char *nul = memmem(doc, dlen, "tiny-test", 10); /* the id's text and its NUL */
        assert_non_null(nul);
        count++;
        switch (kind) {
        case 0: n = dlen / 2; break;                    /* cut short */
        case 1: memcpy(doc + 26, &count, 4); break;     /* the root's first key: no such node */
        case 2: nul[9] = 'x'; break;                    /* a scalar without its NUL */
        case 3: doc[0] ^= 1; break;                     /* another key */
        }
        write_with(good, len, nrules, 1, doc, n);
        pc_taxonomy *t = load(1);
        assert_int_equal(t->document_cached, 0);
        assert_same_reading(ref, t);
        pc_tax_free(t);
        t = load(1); /* rewritten */
        assert_int_equal(t->document_cached, 1);
        pc_tax_free(t);
    }
    free(doc);
    free(good);
    pc_tax_free(ref);
}

/* A taxonomy whose directory takes no files (here /proc/self/fd, where not even root can
 * create one) keeps its cache in the user's cache directory, made on the first load, and
 * reads it from there on the next. */
static void test_user_dir(void **state)
{
    (void)state;
    char xdg[600], fdpath[64], *p[PC_PFCACHE_PLACES];
    snprintf(xdg, sizeof xdg, "%s/xdg-cache", test_temp_dir());
    setenv("XDG_CACHE_HOME", xdg, 1);
    FILE *f = fopen(tax_path, "rb");
    assert_non_null(f);
    snprintf(fdpath, sizeof fdpath, "/proc/self/fd/%d", fileno(f));
    assert_int_equal(pc_pfcache_paths(fdpath, p), 0);
    assert_non_null(p[1]);
    assert_int_equal(strncmp(p[1], xdg, strlen(xdg)), 0);
    unlink(p[1]);
    pc_error err = {{0}};
    pc_taxonomy *fresh = pc_tax_load(fdpath, &err), *cached = NULL;
    assert_non_null(fresh);
    assert_int_equal(pc_prefilter_cached(fresh->prefilter), 0);
    assert_int_equal(access(p[0], F_OK), -1);
    assert_int_equal(access(p[1], R_OK), 0);
    cached = pc_tax_load(fdpath, &err);
    assert_non_null(cached);
    assert_int_equal(pc_prefilter_cached(cached->prefilter), 1);
    assert_same(fresh, cached);
    pc_tax_free(fresh);
    pc_tax_free(cached);
    fclose(f);
    unlink(p[1]);
    for (size_t i = 0; i < PC_PFCACHE_PLACES; i++)
        free(p[i]);
    unsetenv("XDG_CACHE_HOME");
}

static void test_off(void **state)
{
    (void)state;
    setenv("POLCMP_NO_CACHE", "1", 1);
    pc_error err = {{0}};
    pc_taxonomy *t = pc_tax_load(tax_path, &err);
    assert_non_null(t);
    assert_int_equal(pc_prefilter_cached(t->prefilter), 0);
    assert_int_equal(access(cache_path, F_OK), -1);
    pc_tax_free(t);
    unsetenv("POLCMP_NO_CACHE");
}

/* The decoder's field checks, without the checksum: out-of-range ends, an over-long count,
 * a wrong number of rules, a literal with a NUL are refused; nothing leaks. */
static void test_decode_fields(void **state)
{
    (void)state;
    char *lit[] = {"retain", "keep"};
    size_t gend[] = {1, 2}, tend[] = {2};
    pc_rule_lits l = {.lits = lit, .nlits = 2, .caseless = 1, .source = PC_LIT_DERIVED,
                      .form = {.lits = lit, .nlits = 2, .gend = gend, .ngroups = 2, .tend = tend, .nterms = 1}};
    size_t len;
    pc_pfcache_parts in = {{"CODES", 5}, {"TAB", 3}, {"DB", 2}, {"DOCUMENT", 8}}, got;
    char *bytes = pc_pfcache_encode(42, 1, &l, &in, &len);
    assert_non_null(bytes);
    pc_rule_lits out = {0};
    assert_int_equal(pc_pfcache_decode(bytes, len, 42, 1, &out, &got, 1), 0);
    assert_int_equal(out.nlits, 2);
    assert_string_equal(out.form.lits[1], "keep");
    assert_int_equal(out.form.tend[0], 2);
    assert_int_equal(got.db.len, 2);
    assert_memory_equal(got.db.p, "DB", 2);
    assert_int_equal(got.tables.len, 3);
    assert_memory_equal(got.tables.p, "TAB", 3);
    assert_int_equal(got.doc.len, 8);
    assert_memory_equal(got.doc.p, "DOCUMENT", 8);
    pc_pfcache_blob codes, doc;
    assert_int_equal(pc_pfcache_codes(bytes, len, &codes, &doc, 1), 0);
    assert_int_equal(codes.len, 5);
    assert_memory_equal(codes.p, "CODES", 5);
    assert_int_equal(doc.len, 8);
    assert_memory_equal(doc.p, "DOCUMENT", 8);
    pc_lit_free(&out);
    memset(&out, 0, sizeof out);
    assert_int_equal(pc_pfcache_decode(bytes, len, 43, 1, &out, &got, 1), -1);
    pc_rule_lits two[2] = {{0}};
    assert_int_equal(pc_pfcache_decode(bytes, len, 42, 2, two, &got, 0), -1);
    assert_null(two[0].lits);
    free(bytes);
    gend[1] = 3; /* past the conjunction's literals */
    bytes = pc_pfcache_encode(42, 1, &l, &in, &len);
    assert_int_equal(pc_pfcache_decode(bytes, len, 42, 1, &out, &got, 1), -1);
    assert_null(out.lits);
    free(bytes);
    gend[1] = 2;
    tend[0] = 3; /* past the groups */
    bytes = pc_pfcache_encode(42, 1, &l, &in, &len);
    assert_int_equal(pc_pfcache_decode(bytes, len, 42, 1, &out, &got, 1), -1);
    free(bytes);
    tend[0] = 2;
    bytes = pc_pfcache_encode(42, 1, &l, &in, &len);
    char *nul = memmem(bytes, len, "keep", 4);
    assert_non_null(nul);
    nul[1] = '\0';
    assert_int_equal(pc_pfcache_decode(bytes, len, 42, 1, &out, &got, 0), -1);
    assert_null(out.lits);
    free(bytes);
}

/* A rule's strings come back in one block, each whole and NUL-terminated (an empty one too),
 * the key's and the conjunction's apart, whatever their lengths. */
static void test_decode_block(void **state)
{
    (void)state;
    char *key[] = {"", "x", "sharing"}, *conj[] = {"sell", "", "opt out"};
    size_t gend[] = {3}, tend[] = {1};
    pc_rule_lits l = {.lits = key, .nlits = 3, .source = PC_LIT_DERIVED,
                      .form = {.lits = conj, .nlits = 3, .gend = gend, .ngroups = 1, .tend = tend, .nterms = 1}};
    pc_pfcache_parts in = {{"C", 1}, {"T", 1}, {"D", 1}, {"", 0}}, got;
    size_t len;
    char *bytes = pc_pfcache_encode(7, 1, &l, &in, &len);
    assert_non_null(bytes);
    pc_rule_lits out = {0};
    assert_int_equal(pc_pfcache_decode(bytes, len, 7, 1, &out, &got, 1), 0);
    assert_non_null(out.block);
    assert_int_equal(out.nlits, 3);
    assert_int_equal(out.form.nlits, 3);
    for (size_t i = 0; i < 3; i++) {
        assert_string_equal(out.lits[i], key[i]);
        assert_string_equal(out.form.lits[i], conj[i]);
    }
    assert_true(out.form.lits[0] > out.lits[2]); /* laid out one after another */
    pc_lit_free(&out);
    assert_null(out.block);
    free(bytes);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup(test_written_then_read, setup),
        cmocka_unit_test_setup(test_damaged, setup),
        cmocka_unit_test_setup(test_bad_tables, setup),
        cmocka_unit_test_setup(test_stale, setup),
        cmocka_unit_test_setup(test_document, setup),
        cmocka_unit_test_setup(test_document_stale, setup),
        cmocka_unit_test_setup(test_document_damaged, setup),
        cmocka_unit_test_setup(test_user_dir, setup),
        cmocka_unit_test_setup(test_off, setup),
        cmocka_unit_test(test_decode_fields),
        cmocka_unit_test(test_decode_block),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

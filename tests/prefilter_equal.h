/* prefilter_equal.h: what the prefilter tests share (header-only, for tests/unit/test_prefilter*.c):
 * classifying a text with both engines and asserting every result is identical. */
#ifndef POLCMP_PREFILTER_EQUAL_H
#define POLCMP_PREFILTER_EQUAL_H

#include "classify/classify.h"
#include "text/load.h"
#include "segment/segment.h"
#include "taxonomy/prefilter.h"
#include "testutil.h"

#include <string.h>

static inline void same_results(const pc_classified *a, const pc_classified *b)
{
    assert_int_equal(a->nclauses, b->nclauses);
    assert_int_equal(a->nlabels, b->nlabels);
    assert_int_equal(a->nevidence, b->nevidence);
    assert_int_equal(a->nattrs, b->nattrs);
    assert_int_equal(a->nstances, b->nstances);
    assert_int_equal(a->nscopes, b->nscopes);
    assert_int_equal(a->nwarnings, b->nwarnings);
    for (size_t i = 0; i < a->nclauses; i++)
        assert_memory_equal(&a->clauses[i], &b->clauses[i], sizeof a->clauses[i]);
    for (size_t i = 0; i < a->nlabels; i++) {
        assert_int_equal(a->labels[i].category, b->labels[i].category);
        assert_true(a->labels[i].score == b->labels[i].score);
        assert_int_equal(a->labels[i].ev_first, b->labels[i].ev_first);
        assert_int_equal(a->labels[i].nev, b->labels[i].nev);
    }
    for (size_t i = 0; i < a->nevidence; i++) {
        assert_ptr_equal(a->evidence[i].rule, b->evidence[i].rule);
        assert_int_equal(a->evidence[i].span.start, b->evidence[i].span.start);
        assert_int_equal(a->evidence[i].span.end, b->evidence[i].span.end);
        assert_int_equal(a->evidence[i].heading, b->evidence[i].heading);
    }
    for (size_t i = 0; i < a->nattrs; i++) {
        assert_int_equal(a->attrs[i].attribute, b->attrs[i].attribute);
        assert_ptr_equal(a->attrs[i].rule, b->attrs[i].rule);
        assert_memory_equal(&a->attrs[i].span, &b->attrs[i].span, sizeof(pc_span));
        assert_string_equal(a->attrs[i].norm.text, b->attrs[i].norm.text);
    }
    for (size_t i = 0; i < a->nstances; i++) {
        assert_int_equal(a->stances[i].topic, b->stances[i].topic);
        assert_ptr_equal(a->stances[i].rule, b->stances[i].rule);
        assert_int_equal(a->stances[i].polarity, b->stances[i].polarity);
        assert_memory_equal(&a->stances[i].span, &b->stances[i].span, sizeof(pc_span));
        assert_int_equal(a->stances[i].scope_first, b->stances[i].scope_first);
        assert_int_equal(a->stances[i].nscopes, b->stances[i].nscopes);
    }
    for (size_t i = 0; i < a->nscopes; i++)
        assert_memory_equal(&a->scopes[i], &b->scopes[i], sizeof a->scopes[i]);
    for (size_t i = 0; i < a->nwarnings; i++) {
        assert_ptr_equal(a->warnings[i].rule, b->warnings[i].rule);
        assert_int_equal(a->warnings[i].offset, b->warnings[i].offset);
    }
}

static const pc_classify_opts ref_opts = {.engine = PC_ENGINE_REFERENCE};
static const pc_classify_opts pf_opts = {.engine = PC_ENGINE_PREFILTER};

/* Classify text both ways, as one clause with a heading and as a segmented document;
 * returns the number of labels found (so callers can check the case did something). */
static inline size_t check_text(const pc_taxonomy *tax, const char *text, size_t len,
                         const char *heading)
{
    pc_error err = {{0}};
    pc_classified *a = pc_classify_text_with(tax, text, len, heading, &ref_opts, &err);
    pc_classified *b = pc_classify_text_with(tax, text, len, heading, &pf_opts, &err);
    assert_non_null(a);
    assert_non_null(b);
    same_results(a, b);
    size_t labels = a->nlabels;
    pc_classified_free(a);
    pc_classified_free(b);
    pc_doc *doc = pc_doc_from_memory("mem.txt", text, len, PC_FORMAT_TEXT, &err);
    if (!doc)
        return labels; /* e.g. empty or not UTF-8: the loader refuses it, as it should */
    pc_outline *ol = pc_segment(doc, &err);
    assert_non_null(ol);
    a = pc_classify_with(tax, ol, &ref_opts, &err);
    b = pc_classify_with(tax, ol, &pf_opts, &err);
    assert_non_null(a);
    assert_non_null(b);
    same_results(a, b);
    pc_classified_free(a);
    pc_classified_free(b);
    pc_outline_free(ol);
    pc_doc_free(doc);
    return labels;
}

/* 3,997 'z', then "xy": backtracking a rule like "(?:zz|z)+(?:a|b)*(?:zz|z)+y" over it hits
 * the match limit. Both engines must warn once, for rule `id`. */
static inline void check_limit_warning(const pc_taxonomy *tax, const char *id)
{
    static char zs[4000];
    memset(zs, 'z', sizeof zs - 3);
    zs[sizeof zs - 3] = 'x';
    zs[sizeof zs - 2] = 'y';
    zs[sizeof zs - 1] = '\0';
    check_text(tax, zs, strlen(zs), NULL);
    pc_error err = {{0}};
    pc_classified *c = pc_classify_text(tax, zs, strlen(zs), NULL, &err);
    assert_non_null(c);
    assert_int_equal(c->nwarnings, 1);
    assert_string_equal(c->warnings[0].rule->id, id);
    pc_classified_free(c);
}

/* The taxonomy of a YAML text (fails the test when it does not load). */
static inline pc_taxonomy *load_yaml(const char *name, const char *yaml, size_t len)
{
    pc_error err = {{0}};
    pc_taxonomy *tax = pc_tax_load_mem(name, yaml, len, &err);
    if (!tax)
        fail_msg("%s", err.msg);
    return tax;
}

/* Scan text with sc and check the candidate bits of rules 0..n-1 against want[0..n). */
static inline void check_scan(const pc_prefilter *pf, pc_prefilter_scratch *sc, const char *text,
                              const int *want, size_t n)
{
    uint64_t bits[4];
    assert_true(pc_prefilter_words(pf) <= 4);
    assert_int_equal(pc_prefilter_scan(pf, sc, text, strlen(text), bits), 0);
    for (size_t r = 0; r < n; r++)
        if (pc_prefilter_bit(bits, r) != want[r])
            fail_msg("'%s': rule %zu: got %d", text, r, pc_prefilter_bit(bits, r));
}

static inline pc_taxonomy *load_default(void)
{
    pc_error err = {{0}};
    pc_taxonomy *tax = pc_tax_load(POLCMP_TAXONOMY, &err);
    if (!tax)
        fail_msg("%s", err.msg);
    return tax;
}

#endif

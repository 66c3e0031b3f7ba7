/* testutil.h: helpers for the cmocka unit tests. */
#ifndef POLCMP_TESTUTIL_H
#define POLCMP_TESTUTIL_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "compare/compare.h"

/* The exit status that tells ctest a test was skipped (SKIP_RETURN_CODE). */
#define TEST_SKIP_EXIT 77

/* The shared material's directory ($POLCMP_SHARED or the configured ../shared), or NULL when
 * it is absent: tests that need it exit TEST_SKIP_EXIT with a message. */
const char *test_shared_dir(void);

/* Read a whole file (NUL-terminated); NULL when unreadable. Caller frees. */
char *test_read_file(const char *path, size_t *len);

/* Write data to a fresh file in a per-process temporary directory; returns its path
 * (static storage, valid until the next call). */
const char *test_write_temp(const char *name, const void *data, size_t len);

/* A fresh per-process temporary directory (created once, removed at exit). */
const char *test_temp_dir(void);

/* Into buf (cap bytes, enough for all of it): `pad` bytes of other text (letters and spaces), a
 * word of n bytes taken round `alphabet` from place pad, then `end` and `tail`. Returns the
 * length. For the tokenizers that read sixteen bytes at once: words ending at every place. */
size_t test_word_at(char *buf, size_t cap, size_t pad, size_t n, const char *alphabet,
                    const char *end, const char *tail);

/* The taxonomy file taxfile with its ontology; fails the test when it cannot be loaded or has
 * no ontology. Caller frees (pc_tax_free). */
pc_taxonomy *test_load_onto_taxonomy(const char *taxfile);

/* The policy of `text` (plain text) named `name` under tax; fails the test when it cannot be
 * read. Caller frees (pc_policy_free). */
pc_policy *test_open_text(const pc_taxonomy *tax, const char *name, const char *text);

/* The findings of `kind` of one policy text under the taxonomy file taxfile with `regimes`,
 * whose message holds tag (any message when tag is NULL). */
size_t test_findings_of(const char *taxfile, const char *text, unsigned regimes,
                        pc_finding_kind kind, const char *tag);

/* A restriction and a practice, and how many contradiction findings the two make together. */
typedef struct test_contra_case {
    const char *restriction, *practice;
    size_t found;
} test_contra_case;

/* Each case read as one policy (the restriction's line, then the practice's) under the
 * taxonomy file taxfile; every failing case is named, then the test fails. */
void test_check_contra_cases(const char *taxfile, const test_contra_case *cases, size_t n);

#endif

/* testutil.h: helpers for the cmocka unit tests. */
#ifndef POLCMP_TESTUTIL_H
#define POLCMP_TESTUTIL_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

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

#endif

/* util.h: errors, growable buffers and UTF-8 primitives shared by every core module.
 *
 * Conventions for all of core/:
 * - Functions that can fail take a `pc_error *err` last and return NULL or -1 on failure, after
 *   filling err with one human-readable line ("FILE:LINE:COL: what is wrong", or "FILE: ...").
 *   err may be NULL when the caller does not want the message. The first error wins: once err
 *   holds a message, pc_error_set leaves it, so the most precise cause (set where the failure
 *   happened) is the one reported, not a caller's vaguer one. Start from a cleared pc_error
 *   (`pc_error err = {{0}};`) and clear it (pc_error_clear) before reusing it after a failure
 *   that was handled.
 * - Library code never aborts on out-of-memory: it reports "out of memory" and fails.
 * - Spans are byte offsets into a document's normalized text: [start, end).
 */
#ifndef POLCMP_UTIL_H
#define POLCMP_UTIL_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#define PC_ERROR_MAX 512

/* pc_error: the one-line message of the first failure. Plain value, owns nothing. */
typedef struct pc_error {
    char msg[PC_ERROR_MAX];
} pc_error;

void pc_error_set(pc_error *err, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void pc_error_setv(pc_error *err, const char *fmt, va_list ap);
void pc_error_clear(pc_error *err);

/* A byte range [start, end) in a document's normalized text. */
typedef struct pc_span {
    size_t start, end;
} pc_span;

/* A document's normalized text is shorter than PC_TEXT_MAX bytes (a longer one is refused when
 * it is loaded, text/load.h), so the records a large policy holds by the million (clauses,
 * evidence, frames) keep their offsets in 32 bits: pc_span32, widened with pc_span_wide. */
#define PC_TEXT_MAX ((size_t)UINT32_MAX)

typedef struct pc_span32 {
    uint32_t start, end;
} pc_span32;

static inline pc_span pc_span_wide(pc_span32 s)
{
    return (pc_span){s.start, s.end};
}

/* s narrowed; its offsets must be under PC_TEXT_MAX. */
static inline pc_span32 pc_span_narrow(pc_span s)
{
    return (pc_span32){(uint32_t)s.start, (uint32_t)s.end};
}

/* pc_buf: a growable byte buffer. Owns `data`, which is always NUL-terminated once non-NULL.
 * Append functions return 0, or -1 when memory runs out (the buffer is then unchanged). */
typedef struct pc_buf {
    char *data;
    size_t len, cap;
} pc_buf;

int pc_buf_reserve(pc_buf *b, size_t extra);
int pc_buf_add(pc_buf *b, const void *p, size_t n);
int pc_buf_addc(pc_buf *b, char c);
int pc_buf_adds(pc_buf *b, const char *s);
int pc_buf_printf(pc_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Hand the data to the caller (who frees it) and reset the buffer. Never NULL unless OOM. */
char *pc_buf_steal(pc_buf *b);
void pc_buf_free(pc_buf *b);

/* pc_rd: a bounded reader over borrowed bytes [p, end), for the cache files read back at load.
 * ok drops to 0 at the first read past the end, and every later read then fails too, so a caller
 * checks ok once after a run of reads. Owns nothing. */
typedef struct pc_rd {
    const char *p, *end;
    int ok;
} pc_rd;

/* The next n bytes (a pointer into the borrowed bytes), or NULL when fewer are left. Inline:
 * a load's decoders call these about 50,000 times. */
static inline const char *pc_rd_take(pc_rd *in, size_t n)
{
    if (!in->ok || (size_t)(in->end - in->p) < n) {
        in->ok = 0;
        return NULL;
    }
    const char *p = in->p;
    in->p += n;
    return p;
}

/* The next unsigned integer of n = 1, 4 or 8 bytes in host order; 0 when fewer are left. */
static inline uint64_t pc_rd_u(pc_rd *in, size_t n)
{
    const char *p = pc_rd_take(in, n);
    uint64_t v = 0;
    if (p && n == 8)
        __builtin_memcpy(&v, p, 8);
    else if (p && n == 4) {
        uint32_t w;
        __builtin_memcpy(&w, p, 4);
        v = w;
    } else if (p)
        v = (unsigned char)*p;
    return v;
}

/* Grow an array *p of *cap elements of `size` bytes so it holds at least `need`.
 * Returns 0, or -1 on overflow or out of memory (the array is then unchanged). */
int pc_grow(void *p, size_t *cap, size_t need, size_t size);
/* Map the whole pages inside p[0..n) now, in one call, rather than faulting them in one at a
 * time as they are first written: for a large fresh buffer about to be filled (a file read, a
 * table built at load time), where the faults cost more than the filling. Only buffers of at
 * least PC_PREFAULT_MIN bytes; nothing when the kernel cannot (before Linux 5.14). */
#define PC_PREFAULT_MIN (64u << 10)
void pc_prefault(void *p, size_t n);
/* calloc(n, size) for a table built at load time: a block of at least PC_PREFAULT_MIN bytes
 * has its pages mapped in one call (pc_prefault) before it is zeroed. NULL on overflow or out
 * of memory; free() it. */
void *pc_calloc_big(size_t n, size_t size);

char *pc_strdup(const char *s);
char *pc_strndup(const char *s, size_t n);
/* The last path component, without directories (points into path). */
const char *pc_basename(const char *path);

/* UTF-8. pc_utf8_decode reads one well-formed sequence (no overlongs, no surrogates, at most
 * U+10FFFF) and returns its length, or 0 if s[0..n) does not start with one. */
size_t pc_utf8_decode(const char *s, size_t n, uint32_t *cp);
/* 1 when all of s[0..n) is well-formed UTF-8 in pc_utf8_decode's sense, else 0. */
int pc_utf8_valid(const char *s, size_t n);
/* What s[0..n) is: not well-formed UTF-8, well-formed with a byte of 0x80 or more, or ASCII
 * only (every byte below 0x80). */
enum { PC_UTF8_INVALID = 0, PC_UTF8_VALID = 1, PC_UTF8_ASCII = 2 };
int pc_utf8_check(const char *s, size_t n);
/* Writes cp as UTF-8 into out (4 bytes room) and returns the length. */
size_t pc_utf8_encode(uint32_t cp, char *out);
/* Display columns of a code point in a terminal: 0, 1 or 2 (CJK wide). Locale-independent. */
int pc_cp_width(uint32_t cp);
/* Display columns of a UTF-8 string (invalid bytes count as one column each). */
size_t pc_utf8_width(const char *s, size_t n);

#endif

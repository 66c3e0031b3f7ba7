/* util.c: see util.h. */
#include "util/util.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdint.h>
#include <sys/mman.h>

void pc_error_setv(pc_error *err, const char *fmt, va_list ap)
{
    if (!err || err->msg[0])
        return; /* the first error wins */
    vsnprintf(err->msg, sizeof err->msg, fmt, ap);
}

void pc_error_set(pc_error *err, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    pc_error_setv(err, fmt, ap);
    va_end(ap);
}

void pc_error_clear(pc_error *err)
{
    if (err)
        err->msg[0] = '\0';
}

int pc_grow(void *p, size_t *cap, size_t need, size_t size)
{
    void **arr = p;
    if (need <= *cap)
        return 0;
    size_t ncap = *cap ? *cap : 8;
    while (ncap < need) {
        if (ncap > SIZE_MAX / 2)
            return -1;
        ncap *= 2;
    }
    if (ncap > SIZE_MAX / size)
        return -1;
    void *n = realloc(*arr, ncap * size);
    if (!n)
        return -1;
    *arr = n;
    *cap = ncap;
    return 0;
}

int pc_buf_reserve(pc_buf *b, size_t extra)
{
    if (extra > SIZE_MAX - b->len - 1)
        return -1;
    return pc_grow(&b->data, &b->cap, b->len + extra + 1, 1);
}

int pc_buf_add(pc_buf *b, const void *p, size_t n)
{
    if ((!b->data || b->cap - b->len <= n) && pc_buf_reserve(b, n) < 0)
        return -1;
    if (n)
        memcpy(b->data + b->len, p, n);
    b->len += n;
    b->data[b->len] = '\0';
    return 0;
}

int pc_buf_addc(pc_buf *b, char c)
{
    if ((!b->data || b->cap - b->len <= 1) && pc_buf_reserve(b, 1) < 0)
        return -1;
    b->data[b->len++] = c;
    b->data[b->len] = '\0';
    return 0;
}

int pc_buf_adds(pc_buf *b, const char *s)
{
    return pc_buf_add(b, s, strlen(s));
}

/* Formatted into the room the buffer has, when it fits (one pass); else grown and formatted
 * again. */
int pc_buf_printf(pc_buf *b, const char *fmt, ...)
{
    va_list ap;
    size_t room = b->data ? b->cap - b->len : 0;
    va_start(ap, fmt);
    int n = vsnprintf(room ? b->data + b->len : NULL, room, fmt, ap);
    va_end(ap);
    if (n >= 0 && (size_t)n < room) {
        b->len += (size_t)n;
        return 0;
    }
    if (room)
        b->data[b->len] = '\0'; /* what did not fit is not kept */
    if (n < 0 || pc_buf_reserve(b, (size_t)n) < 0)
        return -1;
    va_start(ap, fmt);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
    return 0;
}

char *pc_buf_steal(pc_buf *b)
{
    if (!b->data && pc_buf_reserve(b, 0) < 0)
        return NULL;
    char *d = b->data;
    b->data = NULL;
    b->len = b->cap = 0;
    return d;
}

void pc_buf_free(pc_buf *b)
{
    free(b->data);
    b->data = NULL;
    b->len = b->cap = 0;
}

char *pc_strndup(const char *s, size_t n)
{
    char *d = malloc(n + 1);
    if (!d)
        return NULL;
    memcpy(d, s, n);
    d[n] = '\0';
    return d;
}

char *pc_strdup(const char *s)
{
    return s ? pc_strndup(s, strlen(s)) : NULL;
}

const char *pc_basename(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash ? slash + 1 : path;
}

size_t pc_utf8_decode(const char *s, size_t n, uint32_t *cp)
{
    const unsigned char *u = (const unsigned char *)s;
    if (n == 0)
        return 0;
    if (u[0] < 0x80) {
        *cp = u[0];
        return 1;
    }
    size_t len;
    uint32_t c, min;
    if ((u[0] & 0xE0) == 0xC0) {
        len = 2, c = u[0] & 0x1F, min = 0x80;
    } else if ((u[0] & 0xF0) == 0xE0) {
        len = 3, c = u[0] & 0x0F, min = 0x800;
    } else if ((u[0] & 0xF8) == 0xF0) {
        len = 4, c = u[0] & 0x07, min = 0x10000;
    } else {
        return 0;
    }
    if (n < len)
        return 0;
    for (size_t i = 1; i < len; i++) {
        if ((u[i] & 0xC0) != 0x80)
            return 0;
        c = (c << 6) | (u[i] & 0x3F);
    }
    if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
        return 0;
    *cp = c;
    return len;
}

/* Runs of ASCII are skipped eight bytes at a time. */
int pc_utf8_check(const char *s, size_t n)
{
    uint32_t cp;
    int ascii = 1;
    for (size_t i = 0; i < n;) {
        uint64_t x;
        if (i + 8 <= n && (memcpy(&x, s + i, 8), !(x & 0x8080808080808080ull))) {
            i += 8;
            continue;
        }
        if (!(s[i] & 0x80)) {
            i++;
            continue;
        }
        size_t k = pc_utf8_decode(s + i, n - i, &cp);
        if (!k)
            return PC_UTF8_INVALID;
        i += k;
        ascii = 0;
    }
    return ascii ? PC_UTF8_ASCII : PC_UTF8_VALID;
}

int pc_utf8_valid(const char *s, size_t n)
{
    return pc_utf8_check(s, n) != PC_UTF8_INVALID;
}

size_t pc_utf8_encode(uint32_t cp, char *out)
{
    unsigned char *o = (unsigned char *)out;
    if (cp < 0x80) {
        o[0] = (unsigned char)cp;
        return 1;
    }
    if (cp < 0x800) {
        o[0] = (unsigned char)(0xC0 | (cp >> 6));
        o[1] = (unsigned char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        o[0] = (unsigned char)(0xE0 | (cp >> 12));
        o[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
        o[2] = (unsigned char)(0x80 | (cp & 0x3F));
        return 3;
    }
    o[0] = (unsigned char)(0xF0 | (cp >> 18));
    o[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
    o[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
    o[3] = (unsigned char)(0x80 | (cp & 0x3F));
    return 4;
}

/* East Asian Wide and Fullwidth ranges (Unicode 15, EastAsianWidth.txt, W and F), plus the
 * common emoji block; combining marks and zero-width characters have width 0. */
static const uint32_t pc_wide[][2] = {
    {0x1100, 0x115F},   {0x231A, 0x231B},   {0x2329, 0x232A},   {0x23E9, 0x23EC},
    {0x23F0, 0x23F0},   {0x23F3, 0x23F3},   {0x25FD, 0x25FE},   {0x2614, 0x2615},
    {0x2648, 0x2653},   {0x267F, 0x267F},   {0x2693, 0x2693},   {0x26A1, 0x26A1},
    {0x26AA, 0x26AB},   {0x26BD, 0x26BE},   {0x26C4, 0x26C5},   {0x26CE, 0x26CE},
    {0x26D4, 0x26D4},   {0x26EA, 0x26EA},   {0x26F2, 0x26F3},   {0x26F5, 0x26F5},
    {0x26FA, 0x26FA},   {0x26FD, 0x26FD},   {0x2705, 0x2705},   {0x270A, 0x270B},
    {0x2728, 0x2728},   {0x274C, 0x274C},   {0x274E, 0x274E},   {0x2753, 0x2755},
    {0x2757, 0x2757},   {0x2795, 0x2797},   {0x27B0, 0x27B0},   {0x27BF, 0x27BF},
    {0x2B1B, 0x2B1C},   {0x2B50, 0x2B50},   {0x2B55, 0x2B55},   {0x2E80, 0x303E},
    {0x3041, 0x33FF},   {0x3400, 0x4DBF},   {0x4E00, 0x9FFF},   {0xA000, 0xA4CF},
    {0xA960, 0xA97F},   {0xAC00, 0xD7A3},   {0xF900, 0xFAFF},   {0xFE10, 0xFE19},
    {0xFE30, 0xFE6F},   {0xFF00, 0xFF60},   {0xFFE0, 0xFFE6},   {0x16FE0, 0x16FE4},
    {0x17000, 0x18CFF}, {0x1B000, 0x1B2FF}, {0x1F004, 0x1F004}, {0x1F0CF, 0x1F0CF},
    {0x1F18E, 0x1F18E}, {0x1F191, 0x1F19A}, {0x1F200, 0x1F251}, {0x1F300, 0x1F64F},
    {0x1F680, 0x1F6FF}, {0x1F900, 0x1F9FF}, {0x1FA70, 0x1FAFF}, {0x20000, 0x2FFFD},
    {0x30000, 0x3FFFD},
};

static int pc_in_table(uint32_t cp, const uint32_t (*t)[2], size_t n)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (cp < t[mid][0])
            hi = mid;
        else if (cp > t[mid][1])
            lo = mid + 1;
        else
            return 1;
    }
    return 0;
}

static int pc_is_zero_width(uint32_t cp)
{
    return (cp >= 0x0300 && cp <= 0x036F) || (cp >= 0x200B && cp <= 0x200F) ||
           (cp >= 0x20D0 && cp <= 0x20FF) || (cp >= 0xFE00 && cp <= 0xFE0F) ||
           (cp >= 0xFE20 && cp <= 0xFE2F) || cp == 0xFEFF || cp == 0x00AD;
}

int pc_cp_width(uint32_t cp)
{
    if (cp == 0)
        return 0;
    if (pc_is_zero_width(cp))
        return 0;
    if (pc_in_table(cp, pc_wide, sizeof pc_wide / sizeof pc_wide[0]))
        return 2;
    return 1;
}

size_t pc_utf8_width(const char *s, size_t n)
{
    size_t w = 0, i = 0;
    while (i < n) {
        uint32_t cp;
        size_t k = pc_utf8_decode(s + i, n - i, &cp);
        if (k == 0) {
            w += 1;
            i += 1;
            continue;
        }
        w += (size_t)pc_cp_width(cp);
        i += k;
    }
    return w;
}

void pc_prefault(void *p, size_t n)
{
#ifdef MADV_POPULATE_WRITE
    uintptr_t page = 4096, from = ((uintptr_t)p + page - 1) & ~(page - 1);
    uintptr_t to = ((uintptr_t)p + n) & ~(page - 1);
    if (p && n >= PC_PREFAULT_MIN && to > from)
        madvise((void *)from, to - from, MADV_POPULATE_WRITE); /* a hint: failing is harmless */
#else
    (void)p;
    (void)n;
#endif
}

void *pc_calloc_big(size_t n, size_t size)
{
    if (size && n > SIZE_MAX / size)
        return NULL;
    size_t bytes = n * size;
    if (bytes < PC_PREFAULT_MIN)
        return calloc(n ? n : 1, size ? size : 1);
    void *p = malloc(bytes);
    if (p) {
        pc_prefault(p, bytes);
        memset(p, 0, bytes);
    }
    return p;
}


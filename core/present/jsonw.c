/* jsonw.c: the streaming JSON writer (jsonw.h). */
#include "present/jsonw.h"
#include "util/ascii16.h"

#include <locale.h>
#include <math.h>
#include <stdint.h>
#include <string.h>

/* ---- the two value encoders ---------------------------------------------------------- */

/* The escape of one code point below 0x20 or '"' / '\\', as jansson writes it. */
static int pc_json_escape_cp(pc_buf *b, uint32_t c)
{
    switch (c) {
    case '\\': return pc_buf_add(b, "\\\\", 2);
    case '"': return pc_buf_add(b, "\\\"", 2);
    case '\b': return pc_buf_add(b, "\\b", 2);
    case '\f': return pc_buf_add(b, "\\f", 2);
    case '\n': return pc_buf_add(b, "\\n", 2);
    case '\r': return pc_buf_add(b, "\\r", 2);
    case '\t': return pc_buf_add(b, "\\t", 2);
    default: return pc_buf_printf(b, "\\u%04X", (unsigned)c);
    }
}

/* Whether none of the 8 bytes at s is below 0x20, beyond ASCII, '"' or '\\' (they are written
 * as they are). */
static int pc_json_plain8(const char *s)
{
    uint64_t x;
    memcpy(&x, s, sizeof x);
    const uint64_t ones = 0x0101010101010101ull, high = 0x8080808080808080ull;
    uint64_t q = x ^ (ones * '"'), bs = x ^ (ones * '\\');
    /* a byte is flagged when it is below 0x20, or zero after the xor (the byte was '"' or
     * '\\'), or has its high bit set */
    uint64_t bad = ((x - ones * 0x20) | (q - ones) | (bs - ones) | x) & high;
    return bad == 0;
}

int pc_json_escape(pc_buf *b, const char *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        size_t run = i; /* bytes written as they are: printable ASCII and valid UTF-8 */
        while (run + 8 <= n && pc_json_plain8(s + run))
            run += 8;
        while (run < n) {
            unsigned char c = (unsigned char)s[run];
            if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') {
                run++;
                continue;
            }
            uint32_t cp;
            size_t len = c >= 0x80 ? pc_utf8_decode(s + run, n - run, &cp) : 0;
            if (!len)
                break;
            run += len;
        }
        if (run > i && pc_buf_add(b, s + i, run - i) < 0)
            return -1;
        if (run == n)
            return 0;
        unsigned char c = (unsigned char)s[run];
        /* a byte that starts no valid sequence stands for U+FFFD */
        int rc = c < 0x80 ? pc_json_escape_cp(b, c) : pc_buf_add(b, "\xEF\xBF\xBD", 3);
        if (rc < 0)
            return -1;
        i = run + 1;
    }
    return 0;
}

/* jansson's real through printf: "%.6g" in the C locale, ".0" added when there is neither '.'
 * nor 'e', and the exponent without '+' or leading zeros ("1e+06" -> "1e6", "1e-07" ->
 * "1e-7"). For the values pc_json_real cannot round exactly itself. */
static int pc_json_real_printf(pc_buf *b, double v)
{
    char s[64];
    int len = snprintf(s, sizeof s - 3, "%.6g", v);
    if (len < 0 || (size_t)len >= sizeof s - 3)
        return -1;
    const char *dp = localeconv()->decimal_point;
    char *p;
    if (dp && dp[0] && dp[0] != '.' && (p = strchr(s, dp[0])) != NULL)
        *p = '.';
    if (!strchr(s, '.') && !strchr(s, 'e')) {
        memcpy(s + len, ".0", 3);
        len += 2;
    }
    char *e = strchr(s, 'e');
    if (e) {
        char *digits = e + 1 + (e[1] == '-'), *from = e + 2;
        while (*from == '0')
            from++;
        memmove(digits, from, strlen(from) + 1);
        len = (int)strlen(s);
    }
    return pc_buf_add(b, s, (size_t)len);
}

typedef unsigned __int128 pc_json_u128;

/* m * 2^e * 10^k rounded to an integer as printf rounds (to nearest, ties to even), exactly;
 * -1 when the operands would not fit in 128 bits. */
static int pc_json_scaled(uint64_t m, int e, int k, uint64_t *out)
{
    if (k > 22 || k < -22 || e > 70 || e < -126)
        return -1;
    pc_json_u128 p10 = 1, num = m, den = 1;
    for (int i = 0; i < (k < 0 ? -k : k); i++)
        p10 *= 10;
    if (k >= 0)
        num *= p10; /* < 2^53 * 10^22 < 2^127 */
    else
        den = p10;
    if (e >= 0)
        num <<= e;
    else if (den == 1) {
        pc_json_u128 q = num >> -e, half = (pc_json_u128)1 << (-e - 1), r = num & ((half << 1) - 1);
        q += r > half || (r == half && (q & 1));
        *out = q > UINT64_MAX ? UINT64_MAX : (uint64_t)q;
        return 0;
    } else if (den > ((pc_json_u128)-1 >> -e))
        return -1;
    else
        den <<= -e;
    pc_json_u128 q = num / den, r = num % den;
    q += r > den - r || (r == den - r && (q & 1));
    *out = q > UINT64_MAX ? UINT64_MAX : (uint64_t)q;
    return 0;
}

/* v * 10^k rounded to an integer, from one double multiplication or division (by an exact
 * power of ten, so within half an ulp of the exact value: under 1e-7 for results below 1e9);
 * -1 when k is out of that range, the result is larger, or it lies within 1e-6 of a tie,
 * where pc_json_scaled must decide. */
static int pc_json_scaled_fast(double v, int k, uint64_t *out)
{
    static const double p10[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                 1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
                                 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
    if (k > 22 || k < -22)
        return -1;
    double y = k >= 0 ? v * p10[k] : v / p10[-k];
    if (!(y < 1e9))
        return -1;
    uint64_t fl = (uint64_t)y; /* floor(y): y is not negative */
    double frac = y - (double)fl;
    if (fabs(frac - 0.5) < 1e-6)
        return -1;
    *out = fl + (frac > 0.5);
    return 0;
}

/* v's six significant digits (100000..999999) and its decimal exponent as printf's "%.6e"
 * gives them; -1 for a value out of pc_json_scaled's range or not normal. */
static int pc_json_digits(double v, uint64_t *digits, int *exp10)
{
    uint64_t bits;
    memcpy(&bits, &v, sizeof bits);
    int be = (int)((bits >> 52) & 0x7ff);
    if (be == 0 || be == 0x7ff)
        return -1;
    uint64_t m = (bits & ((1ull << 52) - 1)) | (1ull << 52);
    /* d: floor(log10(v)) or one less, never more (v >= 2^(be - 1023)); floor((be - 1023) *
     * log10(2)) as 78913 / 2^18 gives it for every exponent (the shift rounds down) */
    int e = be - 1075, d = ((be - 1023) * 78913) >> 18;
    for (int tries = 0; tries < 2; tries++) {
        uint64_t n;
        if (pc_json_scaled_fast(v, 5 - d, &n) < 0 && pc_json_scaled(m, e, 5 - d, &n) < 0)
            return -1;
        if (n > 1000000)
            d++;
        else { /* 1000000: v rounds up into the next decade */
            *digits = n == 1000000 ? 100000 : n;
            *exp10 = n == 1000000 ? d + 1 : d;
            return 0;
        }
    }
    return -1;
}

/* jansson's real: what pc_json_real_printf writes, formatted here from the exact digits (the
 * output of a policy holds tens of thousands of scores) into s (room for 16 bytes). Returns
 * its length, or 0 for a value left to pc_json_real_printf. */
static size_t pc_json_real_fmt(char *s, double v)
{
    char dg[6];
    size_t len = 0;
    uint64_t n;
    int x;
    if (v == 0) {
        if (signbit(v))
            s[len++] = '-';
        memcpy(s + len, "0.0", 3);
        return len + 3;
    }
    if (pc_json_digits(fabs(v), &n, &x) < 0)
        return 0;
    uint32_t u = (uint32_t)n; /* 100000..999999: 32-bit divisions */
    for (int i = 5; i >= 0; i--, u /= 10)
        dg[i] = (char)('0' + u % 10);
    int nd = 6; /* the digits but trailing zeros */
    while (nd > 1 && dg[nd - 1] == '0')
        nd--;
    if (v < 0)
        s[len++] = '-';
    if (x < -4 || x >= 6) { /* d[.ddddd]e[-]x */
        s[len++] = dg[0];
        if (nd > 1)
            s[len++] = '.';
        for (int i = 1; i < nd; i++)
            s[len++] = dg[i];
        s[len++] = 'e';
        if (x < 0)
            s[len++] = '-';
        int ax = x < 0 ? -x : x;
        if (ax >= 100)
            s[len++] = (char)('0' + ax / 100);
        if (ax >= 10)
            s[len++] = (char)('0' + ax / 10 % 10);
        s[len++] = (char)('0' + ax % 10);
    } else if (x >= 0) { /* ddd.ddd, at least one digit after the point */
        for (int i = 0; i <= x; i++)
            s[len++] = dg[i];
        s[len++] = '.';
        for (int i = x + 1; i < (nd > x + 1 ? nd : x + 2); i++)
            s[len++] = i < nd ? dg[i] : '0';
    } else { /* 0.000ddd */
        s[len++] = '0';
        s[len++] = '.';
        for (int i = 0; i < -x - 1; i++)
            s[len++] = '0';
        for (int i = 0; i < nd; i++)
            s[len++] = dg[i];
    }
    return len;
}

#define PC_JSON_REAL_MAX 16 /* "-d.ddddde-308" and "-0.000dddddd" are the longest */

int pc_json_real(pc_buf *b, double v)
{
    char s[PC_JSON_REAL_MAX];
    size_t len = pc_json_real_fmt(s, v);
    return len ? pc_buf_add(b, s, len) : pc_json_real_printf(b, v);
}

/* ---- the writer ---------------------------------------------------------------------- */

void pc_jsonw_init(pc_jsonw *w, pc_buf *b)
{
    memset(w, 0, sizeof *w);
    w->out = b;
}

void pc_jsonw_init_stream(pc_jsonw *w, FILE *f)
{
    memset(w, 0, sizeof *w);
    w->out = &w->own;
    w->f = f;
}

int pc_jsonw_flush(pc_jsonw *w)
{
    if (w->f && w->out->len) {
        if (fwrite(w->out->data, 1, w->out->len, w->f) != w->out->len)
            w->failed = 1;
        w->out->len = 0;
        w->out->data[0] = '\0';
    }
    return w->failed ? -1 : 0;
}

int pc_jsonw_done(pc_jsonw *w)
{
    int rc = pc_jsonw_flush(w);
    pc_buf_free(&w->own);
    return rc;
}

void pc_jsonw_indent(pc_jsonw *w, int n)
{
    w->indent = n > 0 ? n : 0;
}

/* Room for n more bytes and the NUL at the end of the output: where they go, or NULL (the
 * writer failed) when out of memory. */
static inline char *pc_jsonw_room(pc_jsonw *w, size_t n)
{
    pc_buf *b = w->out;
    if ((!b->data || b->cap - b->len <= n) && pc_buf_reserve(b, n) < 0) {
        w->failed = 1;
        return NULL;
    }
    return b->data + b->len;
}

/* n bytes written at the room pc_jsonw_room() gave. */
static inline void pc_jsonw_wrote(pc_jsonw *w, size_t n)
{
    w->out->len += n;
    w->out->data[w->out->len] = '\0';
}

/* n bytes copied without a call to memcpy when n <= 32 (keys, ids, numbers): two overlapping
 * copies of the widest size that fits, which read and write only s[0..n) and d[0..n).
 * pc_json_copy_small takes n <= 32 only. */
static inline void pc_json_copy_small(char *d, const char *s, size_t n)
{
    if (n >= 16) {
        memcpy(d, s, 16);
        memcpy(d + n - 16, s + n - 16, 16);
    } else if (n >= 8) {
        memcpy(d, s, 8);
        memcpy(d + n - 8, s + n - 8, 8);
    } else if (n >= 4) {
        memcpy(d, s, 4);
        memcpy(d + n - 4, s + n - 4, 4);
    } else if (n) {
        d[0] = s[0];
        d[n / 2] = s[n / 2];
        d[n - 1] = s[n - 1];
    }
}

static inline void pc_json_copy(char *d, const char *s, size_t n)
{
    if (n > 32)
        memcpy(d, s, n);
    else
        pc_json_copy_small(d, s, n);
}

static inline void pc_jsonw_put(pc_jsonw *w, const char *s, size_t n)
{
    char *p = pc_jsonw_room(w, n);
    if (p) {
        pc_json_copy(p, s, n);
        pc_jsonw_wrote(w, n);
    }
}

/* With indenting, a line break and the indent of nesting level `depth`. */
static void pc_jsonw_line(pc_jsonw *w, int depth)
{
    if (!w->indent)
        return;
    pc_jsonw_put(w, "\n", 1);
    for (int i = 0; i < depth * w->indent; i++)
        pc_jsonw_put(w, " ", 1);
}

/* The comma before a value (none after a key or first in its container), and with indenting
 * the line it starts inside a container. */
static void pc_jsonw_sep(pc_jsonw *w)
{
    if (w->after_key) {
        w->after_key = 0;
        return;
    }
    if (w->more[w->depth])
        pc_jsonw_put(w, ",", 1);
    if (w->depth > 0)
        pc_jsonw_line(w, w->depth);
    w->more[w->depth] = 1;
}

/* The separator before a value of n bytes and room for the value: where the value goes (the
 * comma, if any, is counted in the output already; the value's writer adds n at most with
 * pc_jsonw_wrote), or NULL (the writer failed). Compact output takes one reservation for both. */
static inline char *pc_jsonw_value_room(pc_jsonw *w, size_t n)
{
    if (w->indent) {
        pc_jsonw_sep(w);
        return pc_jsonw_room(w, n);
    }
    size_t k = 0;
    if (w->after_key)
        w->after_key = 0;
    else {
        k = w->more[w->depth];
        w->more[w->depth] = 1;
    }
    char *p = pc_jsonw_room(w, n + 1);
    if (!p)
        return NULL;
    p[0] = ',';
    w->out->len += k; /* the NUL comes with the value */
    return p + k;
}

static void pc_jsonw_open(pc_jsonw *w, char c)
{
    char *p = pc_jsonw_value_room(w, 1);
    if (p) {
        p[0] = c;
        pc_jsonw_wrote(w, 1);
    }
    if (w->depth + 1 >= PC_JSONW_DEPTH) {
        w->failed = 1;
        return;
    }
    w->more[++w->depth] = 0;
}

static void pc_jsonw_close(pc_jsonw *w, char c)
{
    if (w->depth > 0) {
        if (w->more[w->depth])
            pc_jsonw_line(w, w->depth - 1);
        w->depth--;
    }
    pc_jsonw_put(w, &c, 1);
    if (w->f && w->out->len >= PC_JSONW_FLUSH)
        pc_jsonw_flush(w);
}

void pc_jsonw_obj(pc_jsonw *w) { pc_jsonw_open(w, '{'); }
void pc_jsonw_obj_end(pc_jsonw *w) { pc_jsonw_close(w, '}'); }
void pc_jsonw_arr(pc_jsonw *w) { pc_jsonw_open(w, '['); }
void pc_jsonw_arr_end(pc_jsonw *w) { pc_jsonw_close(w, ']'); }

/* The length of s's first bytes that are written as they are and are ASCII: sixteen bytes at
 * a test with SSE2 (a byte below 0x20 or beyond ASCII is below 0x20 as a signed byte). */
static size_t pc_json_plain_ascii(const char *s, size_t n)
{
    size_t i = pc_ascii16_plain((const unsigned char *)s, n, '"', '\\');
    /* 0x20..0x7F but '"' (0x22) and '\\' (0x5C), a byte a lookup */
    static const unsigned char plain[256] = {
        [0x20] = 1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, /* 0x20 */
        1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,          /* 0x30 */
        1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,          /* 0x40 */
        1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1,          /* 0x50 */
        1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,          /* 0x60 */
        1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1};         /* 0x70 */
    while (i + 8 <= n && pc_json_plain8(s + i))
        i += 8;
    while (i < n && plain[(unsigned char)s[i]])
        i++;
    return i;
}

/* The output ends at p: its length set and the NUL written. */
static inline void pc_jsonw_wrote_to(pc_jsonw *w, const char *p)
{
    pc_jsonw_wrote(w, (size_t)(p - (w->out->data + w->out->len)));
}

/* A quoted string followed by `tail` (tn bytes: a key's colon), written at p, which has room
 * for its n + 2 + tn bytes and the NUL: its plain ASCII start copied as it is, the rest (if
 * any) escaped. */
static void pc_jsonw_quoted_at(pc_jsonw *w, char *p, const char *s, size_t n, const char *tail,
                               size_t tn)
{
    size_t k = pc_json_plain_ascii(s, n);
    p[0] = '"';
    pc_json_copy(p + 1, s, k);
    if (k == n) {
        p[n + 1] = '"';
        pc_json_copy(p + n + 2, tail, tn);
        pc_jsonw_wrote_to(w, p + n + 2 + tn);
        return;
    }
    pc_jsonw_wrote_to(w, p + k + 1);
    if (pc_json_escape(w->out, s + k, n - k) < 0)
        w->failed = 1;
    pc_jsonw_put(w, "\"", 1);
    pc_jsonw_put(w, tail, tn);
}

void pc_jsonw_key(pc_jsonw *w, const char *key)
{
    pc_jsonw_sep(w);
    size_t n = strlen(key), tn = w->indent ? 2 : 1;
    char *p = pc_jsonw_room(w, n + 2 + tn);
    if (p)
        pc_jsonw_quoted_at(w, p, key, n, ": ", tn);
    w->after_key = 1;
}

void pc_jsonw_key_quoted(pc_jsonw *w, const char *quoted, size_t n)
{
    if (w->indent) {
        pc_jsonw_sep(w);
        pc_jsonw_put(w, quoted, n);
        pc_jsonw_put(w, " ", 1);
    } else {
        char *p = pc_jsonw_value_room(w, n); /* the comma and the key in one reservation */
        if (p) {
            pc_json_copy(p, quoted, n);
            pc_jsonw_wrote_to(w, p + n);
        }
    }
    w->after_key = 1;
}

void pc_jsonw_strn(pc_jsonw *w, const char *s, size_t n)
{
    char *p = pc_jsonw_value_room(w, n + 2);
    if (p)
        pc_jsonw_quoted_at(w, p, s, n, "", 0);
}

void pc_jsonw_str(pc_jsonw *w, const char *s)
{
    if (!s)
        pc_jsonw_null(w);
    else
        pc_jsonw_strn(w, s, strlen(s));
}

void pc_jsonw_member_strn(pc_jsonw *w, const char *quoted, size_t qn, const char *s, size_t n)
{
    if (w->indent) {
        pc_jsonw_key_quoted(w, quoted, qn);
        pc_jsonw_strn(w, s, n);
        return;
    }
    char *p = pc_jsonw_value_room(w, qn + n + 2); /* comma, key and string: one reservation */
    if (p) {
        pc_json_copy(p, quoted, qn);
        pc_jsonw_quoted_at(w, p + qn, s, n, "", 0);
    }
}

void pc_jsonw_members_raw(pc_jsonw *w, const char *members, size_t n)
{
    if (w->indent)
        w->failed = 1; /* the members would need their lines */
    if (!n || w->indent)
        return;
    char *p = pc_jsonw_value_room(w, n);
    if (p) {
        pc_json_copy(p, members, n);
        pc_jsonw_wrote_to(w, p + n);
    }
}

void pc_jsonw_member_str(pc_jsonw *w, const char *quoted, size_t qn, const char *s)
{
    if (s)
        pc_jsonw_member_strn(w, quoted, qn, s, strlen(s));
    else {
        pc_jsonw_key_quoted(w, quoted, qn);
        pc_jsonw_null(w);
    }
}

void pc_jsonw_key_str(pc_jsonw *w, const char *key, const char *s)
{
    pc_jsonw_key(w, key);
    pc_jsonw_str(w, s);
}

void pc_jsonw_key_int(pc_jsonw *w, const char *key, long long v)
{
    pc_jsonw_key(w, key);
    pc_jsonw_int(w, v);
}

#define PC_JSON_INT_MAX 20 /* "-9223372036854775808" */

/* v in decimal written at d (room for PC_JSON_INT_MAX bytes): its length. */
static inline size_t pc_json_int_fmt(char *d, long long v)
{
    static const char pairs[] = "00010203040506070809101112131415161718192021222324252627282930313233"
                                "34353637383940414243444546474849505152535455565758596061626364656667"
                                "6869707172737475767778798081828384858687888990919293949596979899";
    char s[24];
    size_t k = sizeof s;
    unsigned long long u = v < 0 ? 0ull - (unsigned long long)v : (unsigned long long)v;
    for (; u > UINT32_MAX; u /= 100) { /* two digits a division */
        k -= 2;
        memcpy(s + k, pairs + 2 * (u % 100), 2);
    }
    uint32_t u32 = (uint32_t)u; /* offsets and counts: 32-bit divisions */
    for (; u32 >= 100; u32 /= 100) {
        k -= 2;
        memcpy(s + k, pairs + 2 * (u32 % 100), 2);
    }
    u = u32;
    if (u >= 10) {
        k -= 2;
        memcpy(s + k, pairs + 2 * u, 2);
    } else
        s[--k] = (char)('0' + u);
    if (v < 0)
        s[--k] = '-';
    pc_json_copy_small(d, s + k, sizeof s - k); /* 20 bytes at most */
    return sizeof s - k;
}

void pc_jsonw_int(pc_jsonw *w, long long v)
{
    char *p = pc_jsonw_value_room(w, PC_JSON_INT_MAX);
    if (p)
        pc_jsonw_wrote_to(w, p + pc_json_int_fmt(p, v));
}

void pc_jsonw_member_int(pc_jsonw *w, const char *quoted, size_t qn, long long v)
{
    if (w->indent) {
        pc_jsonw_key_quoted(w, quoted, qn);
        pc_jsonw_int(w, v);
        return;
    }
    char *p = pc_jsonw_value_room(w, qn + PC_JSON_INT_MAX);
    if (p) {
        pc_json_copy(p, quoted, qn);
        pc_jsonw_wrote_to(w, p + qn + pc_json_int_fmt(p + qn, v));
    }
}

void pc_jsonw_span(pc_jsonw *w, long long a, long long b)
{
    if (w->indent) {
        pc_jsonw_arr(w);
        pc_jsonw_int(w, a);
        pc_jsonw_int(w, b);
        pc_jsonw_arr_end(w);
        return;
    }
    char *p = pc_jsonw_value_room(w, 3 + 2 * PC_JSON_INT_MAX);
    if (!p)
        return;
    p[0] = '[';
    p += 1 + pc_json_int_fmt(p + 1, a);
    *p++ = ',';
    p += pc_json_int_fmt(p, b);
    *p++ = ']';
    pc_jsonw_wrote_to(w, p);
}

void pc_jsonw_real(pc_jsonw *w, double v)
{
    if (!isfinite(v)) {
        pc_jsonw_null(w);
        return;
    }
    char *p = pc_jsonw_value_room(w, PC_JSON_REAL_MAX); /* formatted in place */
    size_t len = p ? pc_json_real_fmt(p, v) : 0;
    if (len)
        pc_jsonw_wrote(w, len);
    else if (p && pc_json_real_printf(w->out, v) < 0)
        w->failed = 1;
}

void pc_jsonw_member_real(pc_jsonw *w, const char *quoted, size_t qn, double v)
{
    if (w->indent || !isfinite(v)) {
        pc_jsonw_key_quoted(w, quoted, qn);
        pc_jsonw_real(w, v);
        return;
    }
    char *p = pc_jsonw_value_room(w, qn + PC_JSON_REAL_MAX);
    if (!p)
        return;
    pc_json_copy(p, quoted, qn);
    size_t len = pc_json_real_fmt(p + qn, v);
    if (len)
        pc_jsonw_wrote_to(w, p + qn + len);
    else {
        pc_jsonw_wrote_to(w, p + qn);
        if (pc_json_real_printf(w->out, v) < 0)
            w->failed = 1;
    }
}

void pc_jsonw_bool(pc_jsonw *w, int v)
{
    char *p = pc_jsonw_value_room(w, 5);
    if (p) {
        memcpy(p, v ? "true" : "false", 5); /* "true" and its NUL */
        pc_jsonw_wrote_to(w, p + (v ? 4 : 5));
    }
}

void pc_jsonw_null(pc_jsonw *w)
{
    char *p = pc_jsonw_value_room(w, 4);
    if (p) {
        memcpy(p, "null", 4);
        pc_jsonw_wrote_to(w, p + 4);
    }
}

void pc_jsonw_value(pc_jsonw *w, const json_t *v)
{
    const char *key;
    json_t *item;
    size_t i;
    switch (v ? json_typeof(v) : JSON_NULL) {
    case JSON_OBJECT:
        pc_jsonw_obj(w);
        json_object_foreach((json_t *)v, key, item) {
            pc_jsonw_key(w, key);
            pc_jsonw_value(w, item);
        }
        pc_jsonw_obj_end(w);
        break;
    case JSON_ARRAY:
        pc_jsonw_arr(w);
        json_array_foreach(v, i, item)
            pc_jsonw_value(w, item);
        pc_jsonw_arr_end(w);
        break;
    case JSON_STRING: pc_jsonw_strn(w, json_string_value(v), json_string_length(v)); break;
    case JSON_INTEGER: pc_jsonw_int(w, (long long)json_integer_value(v)); break;
    case JSON_REAL: pc_jsonw_real(w, json_real_value(v)); break;
    case JSON_TRUE: pc_jsonw_bool(w, 1); break;
    case JSON_FALSE: pc_jsonw_bool(w, 0); break;
    default: pc_jsonw_null(w); break;
    }
}

void pc_jsonw_newline(pc_jsonw *w)
{
    pc_jsonw_put(w, "\n", 1);
    w->more[w->depth] = 0;
    if (w->f && w->out->len >= PC_JSONW_FLUSH)
        pc_jsonw_flush(w);
}

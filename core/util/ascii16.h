/* ascii16.h: sixteen bytes of text classified and lowercased at once, for the tokenizers that
 * read words byte by byte (util/words.h, classify/features.h), and plain ASCII runs measured
 * sixteen bytes at a test (the HTML reader's text runs, the JSON writer's strings).
 *
 * pc_ascii16_fold(p, out, high) reads p[0..16) (all sixteen must be readable) and writes them
 * to out[0..16) with the ASCII letters 'A'..'Z' lowercased and every other byte as it was. It
 * returns one bit per byte (bit i for p[i]) set for an ASCII letter or digit, and with `high`
 * also for a byte beyond ASCII (0x80..0xFF). With SSE2 that is a few vector operations; other
 * targets get the same result a byte at a time.
 */
#ifndef POLCMP_ASCII16_H
#define POLCMP_ASCII16_H

#include <stddef.h>
#include <stdint.h>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

/* The length of the run of set bits from bit 0 of a pc_ascii16_fold mask: 16 when all are set. */
static inline unsigned pc_ascii16_run(unsigned mask)
{
    return (unsigned)__builtin_ctz(~mask | 0x10000u);
}

#ifdef __SSE2__
/* 0xFF in each byte of v in lo..hi, else 0: the bytes are turned so that lo becomes -128, and
 * one signed compare tells the range from all the others. */
static inline __m128i pc_ascii16_in(__m128i v, int lo, int hi)
{
    __m128i t = _mm_add_epi8(v, _mm_set1_epi8((char)(0x80 - lo)));
    return _mm_cmplt_epi8(t, _mm_set1_epi8((char)(-128 + (hi - lo + 1))));
}
#endif

static inline unsigned pc_ascii16_fold(const unsigned char *p, unsigned char *out, int high)
{
#ifdef __SSE2__
    __m128i v = _mm_loadu_si128((const __m128i *)(const void *)p);
    __m128i x = _mm_or_si128(v, _mm_set1_epi8(0x20)); /* 'A'..'Z' onto 'a'..'z' */
    __m128i alnum = _mm_or_si128(pc_ascii16_in(x, 'a', 'z'), pc_ascii16_in(v, '0', '9'));
    __m128i upper = pc_ascii16_in(v, 'A', 'Z');
    _mm_storeu_si128((__m128i *)(void *)out,
                     _mm_add_epi8(v, _mm_and_si128(upper, _mm_set1_epi8(0x20))));
    unsigned m = (unsigned)_mm_movemask_epi8(alnum);
    return high ? m | (unsigned)_mm_movemask_epi8(v) : m;
#else
    unsigned m = 0;
    for (unsigned i = 0; i < 16; i++) {
        unsigned char c = p[i];
        int alnum = (unsigned)((c | 0x20) - 'a') < 26u || (unsigned)(c - '0') < 10u;
        out[i] = c >= 'A' && c <= 'Z' ? (unsigned char)(c + 32) : c;
        m |= (unsigned)(alnum || (high && c >= 0x80)) << i;
    }
    return m;
#endif
}

/* How many of the first bytes of p[0..n) are 0x20..0x7F and neither `a` nor `b`, counted
 * sixteen at a test with SSE2 and stopping at the first block that holds another byte (a byte
 * below 0x20 or beyond ASCII is below 0x20 as a signed byte): a multiple of 16 up to the block
 * that stops, then the place in it. The caller finishes the last bytes (fewer than sixteen, or
 * all of them without SSE2, where this returns 0). */
static inline size_t pc_ascii16_plain(const unsigned char *p, size_t n, char a, char b)
{
    size_t k = 0;
#ifdef __SSE2__
    const __m128i lo = _mm_set1_epi8(0x20), va = _mm_set1_epi8(a), vb = _mm_set1_epi8(b);
    for (; n - k >= 16; k += 16) {
        __m128i x = _mm_loadu_si128((const __m128i *)(const void *)(p + k));
        __m128i bad = _mm_or_si128(_mm_cmplt_epi8(x, lo),
                                   _mm_or_si128(_mm_cmpeq_epi8(x, va), _mm_cmpeq_epi8(x, vb)));
        unsigned m = (unsigned)_mm_movemask_epi8(bad);
        if (m)
            return k + (size_t)__builtin_ctz(m);
    }
#else
    (void)p;
    (void)n;
    (void)a;
    (void)b;
#endif
    return k;
}

#endif

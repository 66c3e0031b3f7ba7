/* frame_sieve.c: whether a clause may name an action of the ontology, told from its bytes
 * before it is split into words (frame_internal.h: pc_fr_sieve_may). Most clauses name none,
 * and a clause without an action term builds no frame of its own; splitting it and matching
 * every word against the ontology only to learn that cost more than the frames of the clauses
 * that do name one.
 *
 * The test errs one way only: it answers "no" only when no action term can start at any word
 * the tokenizer (util/words.h) would find. A word starts with an ASCII letter or digit after a
 * byte that is no ASCII letter or digit (or at the start), and, folded, is its bytes with ASCII
 * letters lower-cased; so a folded word equal to a first word of only ASCII letters and digits
 * is that run of bytes (in any case), ending where the run does, and one beginning with a
 * prefix ("advertis*") starts with it. Each run of ASCII letters and digits after such a byte
 * is compared with the first words; whether the words after it match too is left to the full
 * match. A first word of other bytes (an apostrophe, beyond ASCII, "*") turns the sieve off. */
#include "classify/frame_internal.h"

#include <string.h>

/* ASCII letters and digits: their bucket, 1 + 0..35 (letters folded); 0 for any other byte. */
static unsigned fr_sv_class(unsigned char c)
{
    if ((unsigned)((c | 0x20) - 'a') < 26u)
        return 1u + (unsigned)((c | 0x20) - 'a');
    if ((unsigned)(c - '0') < 10u)
        return 27u + (unsigned)(c - '0');
    return 0;
}

/* An ASCII letter or digit: two compares, as util/words.c reads them. */
static int fr_sv_alnum(unsigned char c)
{
    return (unsigned)((c | 0x20) - 'a') < 26u || (unsigned)(c - '0') < 10u;
}

/* The bit of what follows the first byte of a word: its class (0..35), or FR_SV_END when the
 * word is one byte long. */
#define FR_SV_END 36u

static int fr_sv_word_ok(const char *w, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!fr_sv_class((unsigned char)w[i]) || (w[i] >= 'A' && w[i] <= 'Z'))
            return 0;
    return n > 0;
}

/* Adds first word w[0..n) (prefix: it begins the words it names) unless held already; -1 when
 * the sieve is full. */
static int fr_sv_add(pc_fr_sieve *sv, const char *w, size_t n, int prefix)
{
    if (n >= PC_WORD_MAX - 1)
        prefix = 1; /* a longer word is cut there when folded: it matches by its start */
    if (n >= PC_WORD_MAX)
        n = PC_WORD_MAX - 1;
    for (size_t i = 0; i < sv->n; i++)
        if (sv->w[i].len == n && sv->w[i].prefix == prefix && !memcmp(sv->w[i].w, w, n))
            return 0;
    if (sv->n == PC_FR_SIEVE_MAX)
        return -1;
    pc_fr_sieve_word *e = &sv->w[sv->n++];
    memcpy(e->w, w, n);
    e->len = (unsigned char)n;
    e->prefix = (unsigned char)prefix;
    unsigned c0 = fr_sv_class((unsigned char)w[0]) - 1;
    if (prefix && n == 1)
        sv->second[c0] = ~0ull;
    else
        sv->second[c0] |= 1ull << (n == 1 ? FR_SV_END : fr_sv_class((unsigned char)w[1]) - 1);
    return 0;
}

/* The entries in order of their first byte's class, with each class's range. */
static void fr_sv_order(pc_fr_sieve *sv)
{
    pc_fr_sieve_word tmp[PC_FR_SIEVE_MAX];
    size_t k = 0;
    for (unsigned c = 0; c < PC_FR_SIEVE_CLASSES; c++) {
        sv->start[c] = (unsigned short)k;
        for (size_t i = 0; i < sv->n; i++)
            if (fr_sv_class((unsigned char)sv->w[i].w[0]) - 1 == c)
                tmp[k++] = sv->w[i];
    }
    sv->start[PC_FR_SIEVE_CLASSES] = (unsigned short)k;
    memcpy(sv->w, tmp, k * sizeof *tmp);
}

void pc_fr_sieve_init(pc_fr_sieve *sv, const pc_ontology *o)
{
    memset(sv, 0, sizeof *sv);
    sv->off = 1;
    for (size_t j = 0; o && j < o->nterms; j++) {
        const pc_onto_term *t = &o->terms[j];
        if (t->dim != PC_ONTO_ACTION)
            continue;
        size_t n = strcspn(t->words, " ");
        int prefix = n > 0 && t->words[n - 1] == '*';
        if (!fr_sv_word_ok(t->words, n - (size_t)prefix) ||
            fr_sv_add(sv, t->words, n - (size_t)prefix, prefix) < 0)
            return; /* off: every clause may name an action */
    }
    fr_sv_order(sv);
    sv->off = 0;
}

/* Whether the run w[0..n) of ASCII letters and digits (n > 0) is or begins with (prefix) one
 * of the first words, in any case. */
static int fr_sv_run(const pc_fr_sieve *sv, const unsigned char *w, size_t n)
{
    unsigned c0 = fr_sv_class(w[0]) - 1u;
    unsigned c1 = n > 1 ? fr_sv_class(w[1]) - 1u : FR_SV_END;
    if (!((sv->second[c0] >> c1) & 1))
        return 0;
    for (size_t i = sv->start[c0]; i < sv->start[c0 + 1]; i++) {
        const pc_fr_sieve_word *e = &sv->w[i];
        if (e->prefix ? n < e->len : n != e->len)
            continue;
        size_t k = 1;
        while (k < e->len && (unsigned char)(w[k] | ((w[k] >= 'A' && w[k] <= 'Z') << 5)) ==
                                 (unsigned char)e->w[k])
            k++;
        if (k == e->len)
            return 1;
    }
    return 0;
}

int pc_fr_sieve_may(const pc_fr_sieve *sv, const char *s, size_t len)
{
    if (sv->off)
        return 1;
    const unsigned char *p = (const unsigned char *)s, *end = p + len;
    while (p < end) {
        while (p < end && !fr_sv_alnum(*p))
            p++;
        const unsigned char *w = p;
        while (p < end && fr_sv_alnum(*p))
            p++;
        if (p > w && fr_sv_run(sv, w, (size_t)(p - w)))
            return 1;
    }
    return 0;
}

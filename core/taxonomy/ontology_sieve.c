/* ontology_sieve.c: whether a text may name an action of the ontology, told from its bytes
 * before it is split into words (ontology.h: pc_onto_may_act). Most clauses of a policy name
 * none, and the statement frames build nothing of their own from such a clause; splitting it
 * and matching every word against every term only to learn that costs more than the frames of
 * the clauses that do name one.
 *
 * The test errs one way only: it answers "no" only when no action term can match at any word
 * util/words.h would find. A word starts with an ASCII letter or digit after a byte that is no
 * ASCII letter or digit (or at the start), and, folded, is its bytes with ASCII letters
 * lower-cased; so a folded word equal to a term word of ASCII letters and digits is that run
 * of bytes in any case, ending where the run ends, and one beginning with a prefix
 * ("advertis*") starts with it. The word after it is the next such run: what lies between is
 * no ASCII letter or digit (a byte beyond ASCII there may begin a word of its own, which then
 * differs from the term's). Each run is compared with the terms' first words; a first word
 * that only begins terms of several words must be followed by one of their second words.
 * Third words, stops between words and longer terms found first are left to the full match.
 * A term word of other bytes (an apostrophe, beyond ASCII, "*" alone) leaves no sieve. */
#include "taxonomy/ontology.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define ON_SV_FIRST_MAX 256 /* distinct first words */
#define ON_SV_NEXT_MAX  512 /* second words, over all first words */
#define ON_SV_CLASSES   36  /* ASCII letters (folded) and digits */
#define ON_SV_END       36  /* the bit of a word of one byte in pc_onto_sieve.second */

/* A term word: lower case, not NUL-terminated; prefix: it begins the words it names. Plain
 * value. */
typedef struct on_sv_word {
    char w[PC_WORD_MAX];
    unsigned char len, prefix;
} on_sv_word;

/* A first word: alone when a term of one word is it, else the second words of its terms,
 * next[at .. at + n). Plain value. */
typedef struct on_sv_first {
    on_sv_word word;
    unsigned char alone;
    unsigned short at, n;
} on_sv_first;

/* The sieve: one allocation, owned by its ontology. cls: 1 + the class of each byte (0: no
 * ASCII letter or digit); first[] in order of class, class c's at [start[c], start[c + 1]);
 * second[c]: a bit per class of byte following the first byte of a first word of class c
 * (ON_SV_END: a word of one byte; all: a prefix of one byte); lens[c]: a bit per length (31: 31
 * or more) a first word of class c may have. */
struct pc_onto_sieve {
    unsigned char cls[256];
    on_sv_first first[ON_SV_FIRST_MAX];
    size_t nfirst;
    on_sv_word next[ON_SV_NEXT_MAX];
    size_t nnext;
    unsigned short start[ON_SV_CLASSES + 1];
    uint64_t second[ON_SV_CLASSES];
    uint32_t lens[ON_SV_CLASSES];
};

static unsigned on_sv_class(unsigned char c)
{
    if (c >= 'a' && c <= 'z')
        return 1u + (unsigned)(c - 'a');
    if (c >= 'A' && c <= 'Z')
        return 1u + (unsigned)(c - 'A');
    if (c >= '0' && c <= '9')
        return 27u + (unsigned)(c - '0');
    return 0;
}

/* Word k of term t (0 or 1) into *w; 0 when the term has no such word, -1 when it has bytes
 * the sieve cannot read. */
static int on_sv_term_word(const char *t, size_t k, on_sv_word *w)
{
    for (; k > 0; k--) {
        t = strchr(t, ' ');
        if (!t)
            return 0;
        t++;
    }
    size_t n = strcspn(t, " ");
    int prefix = n > 0 && t[n - 1] == '*';
    n -= (size_t)prefix;
    if (n == 0)
        return -1;
    for (size_t i = 0; i < n; i++)
        if (!on_sv_class((unsigned char)t[i]) || (t[i] >= 'A' && t[i] <= 'Z'))
            return -1;
    if (n >= PC_WORD_MAX - 1)
        prefix = 1; /* a longer word is cut there when folded: it matches by its start */
    if (n >= PC_WORD_MAX)
        n = PC_WORD_MAX - 1;
    memset(w, 0, sizeof *w);
    memcpy(w->w, t, n);
    w->len = (unsigned char)n;
    w->prefix = (unsigned char)prefix;
    return 1;
}

static int on_sv_same(const on_sv_word *a, const on_sv_word *b)
{
    return a->len == b->len && a->prefix == b->prefix && !memcmp(a->w, b->w, a->len);
}

/* The entry of first word w, added when new; -1 when the sieve is full. */
static long on_sv_first_of(pc_onto_sieve *sv, const on_sv_word *w)
{
    for (size_t i = 0; i < sv->nfirst; i++)
        if (on_sv_same(&sv->first[i].word, w))
            return (long)i;
    if (sv->nfirst == ON_SV_FIRST_MAX)
        return -1;
    sv->first[sv->nfirst] = (on_sv_first){.word = *w};
    return (long)sv->nfirst++;
}

/* The masks of first word w. */
static void on_sv_mask(pc_onto_sieve *sv, const on_sv_word *w)
{
    unsigned c0 = on_sv_class((unsigned char)w->w[0]) - 1;
    if (w->prefix && w->len == 1)
        sv->second[c0] = ~0ull;
    else
        sv->second[c0] |=
            1ull << (w->len == 1 ? ON_SV_END : on_sv_class((unsigned char)w->w[1]) - 1);
    sv->lens[c0] |= w->prefix ? ~0u << w->len : 1u << w->len;
}

/* The second words of entry e's terms (over the action terms' entries at[0 .. n): -1 for a
 * term of another dimension) into sv->next; -1 when full. */
static int on_sv_seconds(pc_onto_sieve *sv, const pc_ontology *o, const long *at, size_t e)
{
    on_sv_first *f = &sv->first[e];
    f->at = (unsigned short)sv->nnext;
    for (size_t j = 0; j < o->nterms && !f->alone; j++) {
        on_sv_word w;
        if (at[j] != (long)e || on_sv_term_word(o->terms[j].words, 1, &w) <= 0)
            continue;
        size_t k = f->at;
        while (k < sv->nnext && !on_sv_same(&sv->next[k], &w))
            k++;
        if (k < sv->nnext)
            continue;
        if (sv->nnext == ON_SV_NEXT_MAX)
            return -1;
        sv->next[sv->nnext++] = w;
    }
    f->n = (unsigned short)(sv->nnext - f->at);
    return 0;
}

/* The first words of the action terms into sv (at[j]: term j's entry, or -1); -1 when a word
 * cannot be read or the sieve is full. */
static int on_sv_fill(pc_onto_sieve *sv, const pc_ontology *o, long *at)
{
    for (size_t j = 0; j < o->nterms; j++) {
        on_sv_word w, w2;
        at[j] = -1;
        if (o->terms[j].dim != PC_ONTO_ACTION)
            continue;
        int two = on_sv_term_word(o->terms[j].words, 1, &w2);
        if (on_sv_term_word(o->terms[j].words, 0, &w) < 0 || two < 0 ||
            (at[j] = on_sv_first_of(sv, &w)) < 0)
            return -1;
        sv->first[at[j]].alone |= two == 0;
    }
    for (size_t e = 0; e < sv->nfirst; e++)
        if (on_sv_seconds(sv, o, at, e) < 0)
            return -1;
    return 0;
}

/* The first words in order of their class, with the classes' ranges and masks. */
static void on_sv_order(pc_onto_sieve *sv)
{
    on_sv_first tmp[ON_SV_FIRST_MAX];
    size_t k = 0;
    for (unsigned c = 0; c < ON_SV_CLASSES; c++) {
        sv->start[c] = (unsigned short)k;
        for (size_t i = 0; i < sv->nfirst; i++)
            if (on_sv_class((unsigned char)sv->first[i].word.w[0]) - 1 == c)
                tmp[k++] = sv->first[i];
    }
    sv->start[ON_SV_CLASSES] = (unsigned short)k;
    memcpy(sv->first, tmp, k * sizeof *tmp);
    for (size_t i = 0; i < sv->nfirst; i++)
        on_sv_mask(sv, &sv->first[i].word);
    for (unsigned c = 0; c < 256; c++)
        sv->cls[c] = (unsigned char)on_sv_class((unsigned char)c);
}

int pc_onto_sieve_build(pc_ontology *o)
{
    free(o->sieve);
    o->sieve = NULL;
    pc_onto_sieve *sv = calloc(1, sizeof *sv);
    long *at = malloc((o->nterms ? o->nterms : 1) * sizeof *at);
    if (!sv || !at) {
        free(sv);
        free(at);
        return -1;
    }
    if (on_sv_fill(sv, o, at) == 0) {
        on_sv_order(sv);
        o->sieve = sv;
    } else {
        free(sv); /* a word the sieve cannot read: every text may name an action */
    }
    free(at);
    return 0;
}

/* Whether the run w[0..n) of ASCII letters and digits is, or begins (prefix), word e. */
static int on_sv_run_is(const on_sv_word *e, const unsigned char *w, size_t n)
{
    if (e->prefix ? n < e->len : n != e->len)
        return 0;
    for (size_t k = 0; k < e->len; k++) {
        unsigned char c = w[k];
        if ((unsigned char)(c >= 'A' && c <= 'Z' ? c + 32 : c) != (unsigned char)e->w[k])
            return 0;
    }
    return 1;
}

/* Whether first word f, matched by the run ending at p, is followed as a term of f needs: by
 * anything when f is a term alone, else by the next run being one of its second words. */
static int on_sv_followed(const pc_onto_sieve *sv, const on_sv_first *f, const unsigned char *p,
                          const unsigned char *end)
{
    if (f->alone || (f->word.prefix && p < end && (*p == '\'' || *p >= 0x80)))
        return 1; /* a prefix's word may go on past the run: the next run need not follow it */
    while (p < end && !sv->cls[*p])
        p++;
    const unsigned char *w = p;
    while (p < end && sv->cls[*p])
        p++;
    for (size_t i = f->at; p > w && i < (size_t)f->at + f->n; i++)
        if (on_sv_run_is(&sv->next[i], w, (size_t)(p - w)))
            return 1;
    return 0;
}

/* Whether the run w[0..n) (ending at p) is a first word followed as its terms need. */
static int on_sv_run(const pc_onto_sieve *sv, const unsigned char *w, size_t n,
                     const unsigned char *end)
{
    unsigned c0 = sv->cls[w[0]] - 1u, c1 = n > 1 ? sv->cls[w[1]] - 1u : ON_SV_END;
    if (!((sv->second[c0] >> c1) & 1) || !((sv->lens[c0] >> (n < 31 ? n : 31)) & 1))
        return 0;
    for (size_t i = sv->start[c0]; i < sv->start[c0 + 1]; i++)
        if (on_sv_run_is(&sv->first[i].word, w, n) && on_sv_followed(sv, &sv->first[i], w + n, end))
            return 1;
    return 0;
}

int pc_onto_may_act(const pc_ontology *o, const char *s, size_t len)
{
    const pc_onto_sieve *sv = o->sieve;
    if (!sv)
        return 1;
    const unsigned char *p = (const unsigned char *)s, *end = p + len;
    while (p < end) {
        if (!sv->cls[*p]) {
            p++;
            continue;
        }
        const unsigned char *w = p++;
        while (p < end && sv->cls[*p])
            p++;
        if (on_sv_run(sv, w, (size_t)(p - w), end))
            return 1;
    }
    return 0;
}

/* features.c: tokens, words, bigrams and n-gram keys (see features.h).
 *
 * Words and bigrams are found again through one open-addressing table of (stamp, hash, index)
 * slots: a slot whose stamp is not the current unit's counts as empty, so the table is never
 * cleared between units. */
#include "classify/features.h"
#include "util/ascii16.h"

#include <stdlib.h>
#include <string.h>

#define FNV_PRIME 0x100000001b3ull

/* A slot of the table: the unit it belongs to, the 64-bit hash, the word or bigram index with
 * the top bit set for bigrams. Plain value. */
typedef struct pc_feat_slot {
    uint32_t gen;
    uint32_t index;
    uint64_t hash;
} pc_feat_slot;

#define FEAT_BIGRAM_BIT 0x80000000u


static uint32_t feat_fold(uint64_t h)
{
    return (uint32_t)(h ^ (h >> 32));
}

/* The seed of a kind: the hash of its one-byte name, so kinds never share a key by design. */
static uint64_t feat_seed(pc_feat_kind k)
{
    unsigned char c = (unsigned char)('0' + k);
    return pc_fnv64(PC_FNV_SEED, &c, 1);
}

uint32_t pc_feat_rule_key(const char *prefix, const char *id)
{
    uint64_t h = pc_fnv64(feat_seed(PC_FEAT_RULE), prefix, strlen(prefix));
    h = pc_fnv64(h, ":", 1);
    return feat_fold(pc_fnv64(h, id, strlen(id)));
}

size_t pc_feat_char_keys(const char *word, size_t len, int nmin, int nmax, uint32_t *out)
{
    unsigned char b[PC_FEAT_MAX_WORD + 2];
    if (len > PC_FEAT_MAX_WORD)
        len = PC_FEAT_MAX_WORD;
    if (nmax > PC_FEAT_MAX_CHAR)
        nmax = PC_FEAT_MAX_CHAR;
    if (nmin < 1 || nmax < nmin)
        return 0;
    b[0] = '<';
    memcpy(b + 1, word, len);
    b[len + 1] = '>';
    size_t n = len + 2, k = 0;
    uint64_t seed = feat_seed(PC_FEAT_CHAR);
    for (size_t i = 0; i < n; i++) {
        uint64_t h = seed;
        for (size_t j = i; j < n && (int)(j - i) < nmax; j++) {
            h = (h ^ b[j]) * FNV_PRIME;
            if ((int)(j - i) + 1 >= nmin)
                out[k++] = feat_fold(h);
        }
    }
    return k;
}

void pc_feat_scratch_init(pc_feat_scratch *s)
{
    memset(s, 0, sizeof *s);
}

void pc_feat_scratch_free(pc_feat_scratch *s)
{
    free(s->tokens);
    free(s->words);
    free(s->bigrams);
    free(s->lower);
    free(s->slots);
    free(s->pre_text);
    free(s->pre_tf);
    memset(s, 0, sizeof *s);
}

/* A byte of a token, lowercased (ASCII letters and digits, and every non-ASCII byte); 0 for a
 * byte that separates tokens. */
static const unsigned char feat_byte[256] = {
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 0, 0, 0, 0, 0, 0,
    0, 97, 98, 99, 100, 101, 102, 103, 104, 105, 106, 107, 108, 109, 110, 111,
    112, 113, 114, 115, 116, 117, 118, 119, 120, 121, 122, 0, 0, 0, 0, 0,
    0, 97, 98, 99, 100, 101, 102, 103, 104, 105, 106, 107, 108, 109, 110, 111,
    112, 113, 114, 115, 116, 117, 118, 119, 120, 121, 122, 0, 0, 0, 0, 0,
    128, 129, 130, 131, 132, 133, 134, 135, 136, 137, 138, 139, 140, 141, 142, 143,
    144, 145, 146, 147, 148, 149, 150, 151, 152, 153, 154, 155, 156, 157, 158, 159,
    160, 161, 162, 163, 164, 165, 166, 167, 168, 169, 170, 171, 172, 173, 174, 175,
    176, 177, 178, 179, 180, 181, 182, 183, 184, 185, 186, 187, 188, 189, 190, 191,
    192, 193, 194, 195, 196, 197, 198, 199, 200, 201, 202, 203, 204, 205, 206, 207,
    208, 209, 210, 211, 212, 213, 214, 215, 216, 217, 218, 219, 220, 221, 222, 223,
    224, 225, 226, 227, 228, 229, 230, 231, 232, 233, 234, 235, 236, 237, 238, 239,
    240, 241, 242, 243, 244, 245, 246, 247, 248, 249, 250, 251, 252, 253, 254, 255,
};

/* A 64-bit mixer (the finaliser of splitmix64). */
static uint64_t feat_mix(uint64_t x)
{
    x ^= x >> 30;
    x *= 0xbf58476d1ce4e5b9ull;
    x ^= x >> 27;
    x *= 0x94d049bb133111ebull;
    return x ^ (x >> 31);
}

/* Eight bytes as a little-endian number, whatever the host's order. */
static uint64_t feat_le64(const unsigned char *p)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    uint64_t v;
    memcpy(&v, p, 8);
    return v;
#else
    uint64_t v = 0;
    for (int i = 7; i >= 0; i--)
        v = v << 8 | p[i];
    return v;
#endif
}

/* Bytes of room kept after the lowercased tokens, so that a token's last bytes are read as
 * one eight-byte load. */
#define FEAT_PAD 8

/* The hash of a token's lowercased bytes, eight at a time (little-endian order on any host);
 * the last one to seven bytes are one load masked to them (FEAT_PAD bytes follow p + n). */
static uint64_t feat_hash(uint64_t seed, const unsigned char *p, size_t n)
{
    uint64_t h = seed ^ ((uint64_t)n * 0x9e3779b97f4a7c15ull);
    for (; n >= 8; p += 8, n -= 8)
        h = feat_mix(h ^ feat_le64(p));
    if (n)
        h = feat_mix(h ^ (feat_le64(p) & (~0ull >> (64 - 8 * n))));
    return h;
}

/* Whether a slot belongs to this unit (its own fields' or the kept leading fields'). */
static inline int feat_live(const pc_feat_scratch *s, const pc_feat_slot *sl)
{
    return sl->gen == s->gen || sl->gen == s->pgen;
}

/* The slot for (hash, bigram?) in this unit: the one holding it, or the empty one to fill. */
static pc_feat_slot *feat_slot(pc_feat_scratch *s, uint64_t hash, int bigram)
{
    size_t mask = s->cap_slots - 1, i = (size_t)(hash ^ (hash >> 29)) & mask;
    for (;; i = (i + 1) & mask) {
        pc_feat_slot *sl = &s->slots[i];
        if (!feat_live(s, sl))
            return sl;
        if (sl->hash == hash && !(sl->index & FEAT_BIGRAM_BIT) == !bigram)
            return sl;
    }
}

/* Keep the table under half full with one more entry: a larger table gets this unit's words
 * and bigrams again, all stamped with one gen (so the kept leading fields are dropped). */
static int feat_slots_grow(pc_feat_scratch *s);

static inline int feat_slots_reserve(pc_feat_scratch *s)
{
    return (s->nwords + s->nbigrams + 1) * 2 <= s->cap_slots ? 0 : feat_slots_grow(s);
}

static int feat_slots_grow(pc_feat_scratch *s)
{
    size_t cap = s->cap_slots ? s->cap_slots * 2 : 256;
    pc_feat_slot *t = calloc(cap, sizeof *t);
    if (!t)
        return -1;
    free(s->slots);
    s->slots = t;
    s->cap_slots = cap;
    s->gen = s->pgen = 1;
    s->pre_ok = 0;
    for (size_t i = 0; i < s->nwords; i++)
        *feat_slot(s, s->words[i].hash, 0) = (pc_feat_slot){1, (uint32_t)i, s->words[i].hash};
    for (size_t i = 0; i < s->nbigrams; i++)
        *feat_slot(s, s->bigrams[i].hash, 1) =
            (pc_feat_slot){1, (uint32_t)i | FEAT_BIGRAM_BIT, s->bigrams[i].hash};
    return 0;
}

/* A token of n bytes, lowercased already at lower + nlower (room reserved by the caller). */
static int feat_add_token(pc_feat_scratch *s, size_t n, size_t at, int heading)
{
    if (s->ntokens + 1 > s->cap_tokens &&
        pc_grow(&s->tokens, &s->cap_tokens, s->ntokens + 1, sizeof *s->tokens) < 0)
        return -1;
    uint64_t h = feat_hash(s->seed_unigram, (const unsigned char *)s->lower + s->nlower, n);
    if (feat_slots_reserve(s) < 0)
        return -1;
    pc_feat_slot *sl = feat_slot(s, h, 0);
    if (!feat_live(s, sl)) {
        if (s->nwords + 1 > s->cap_words &&
            pc_grow(&s->words, &s->cap_words, s->nwords + 1, sizeof *s->words) < 0)
            return -1;
        s->words[s->nwords] = (pc_feat_word){h, feat_fold(h), 0, (uint32_t)s->ntokens,
                                             (uint32_t)s->nlower, (uint32_t)n};
        *sl = (pc_feat_slot){s->gen, (uint32_t)s->nwords++, h};
        s->nlower += n;
    }
    s->words[sl->index].tf++;
    s->tokens[s->ntokens++] = (pc_feat_token){{at, at + n}, heading, sl->index};
    return 0;
}

/* The bigram of tokens t and t + 1: its hash mixes the two words' hashes. */
static int feat_add_bigram(pc_feat_scratch *s, size_t t)
{
    const pc_feat_word *a = &s->words[s->tokens[t].word], *b = &s->words[s->tokens[t + 1].word];
    uint64_t h = (s->seed_bigram ^ a->hash) * FNV_PRIME;
    h = ((h ^ (h >> 32)) ^ b->hash) * FNV_PRIME;
    h ^= h >> 29;
    if (feat_slots_reserve(s) < 0)
        return -1;
    pc_feat_slot *sl = feat_slot(s, h, 1);
    if (!feat_live(s, sl)) {
        if (s->nbigrams + 1 > s->cap_bigrams &&
            pc_grow(&s->bigrams, &s->cap_bigrams, s->nbigrams + 1, sizeof *s->bigrams) < 0)
            return -1;
        s->bigrams[s->nbigrams] = (pc_feat_bigram){h, feat_fold(h), 0, (uint32_t)t};
        *sl = (pc_feat_slot){s->gen, (uint32_t)s->nbigrams++ | FEAT_BIGRAM_BIT, h};
    }
    s->bigrams[sl->index & ~FEAT_BIGRAM_BIT].tf++;
    return 0;
}

/* The token starting at p[i] (a byte of a token), lowercased into low: sixteen bytes at a time
 * while sixteen are left (low has room for them: it holds len - i bytes and FEAT_PAD more), then
 * byte by byte. Returns where it ends. */
static size_t feat_run(const unsigned char *p, size_t len, size_t i, unsigned char *low)
{
    size_t j = i;
    for (; len - j >= 16; j += 16) {
        unsigned run = pc_ascii16_run(pc_ascii16_fold(p + j, low + (j - i), 1));
        if (run < 16)
            return j + run;
    }
    for (unsigned char c; j < len && (c = feat_byte[p[j]]) != 0; j++)
        low[j - i] = c;
    return j;
}

static int feat_field(pc_feat_scratch *s, const pc_feat_field *f)
{
    size_t first = s->ntokens;
    const unsigned char *p = (const unsigned char *)f->s;
    if (s->nlower + f->len + FEAT_PAD > s->cap_lower &&
        pc_grow(&s->lower, &s->cap_lower, s->nlower + f->len + FEAT_PAD, 1) < 0)
        return -1;
    for (size_t i = 0; i < f->len;) {
        if (!feat_byte[p[i]]) {
            i++;
            continue;
        }
        size_t j = feat_run(p, f->len, i, (unsigned char *)s->lower + s->nlower);
        if (j - i >= 2 && feat_add_token(s, j - i, f->base + i, f->heading) < 0)
            return -1;
        i = j;
    }
    for (size_t t = first; t + 1 < s->ntokens; t++)
        if (feat_add_bigram(s, t) < 0)
            return -1;
    return 0;
}

size_t pc_feat_own_words(const pc_feat_field *fields, size_t nfields, size_t most)
{
    size_t n = 0;
    for (size_t f = 0; f < nfields && n < most; f++) {
        const unsigned char *p = (const unsigned char *)fields[f].s;
        size_t len = fields[f].heading ? 0 : fields[f].len;
        for (size_t i = 0; i < len && n < most;) {
            size_t j = i, letters = 0;
            for (; j < len && feat_byte[p[j]]; j++)
                letters += feat_byte[p[j]] >= 'a';
            n += j - i >= 2 && letters > 0;
            i = j + (j == i);
        }
    }
    return n;
}

/* A new stamp for a unit read from its first field: every earlier slot then reads as empty
 * (the stamp wrapping clears the table), and no leading fields are kept. */
static void feat_new_unit(pc_feat_scratch *s)
{
    s->pre_ok = 0;
    if (++s->gen == 0) {
        memset(s->slots, 0, s->cap_slots * sizeof *s->slots);
        s->gen = 1;
    }
    s->pgen = s->gen;
}

/* Whether fields[0..n) are the kept leading fields. */
static int feat_pre_same(const pc_feat_scratch *s, const pc_feat_field *f, size_t n)
{
    if (!s->pre_ok || n != s->npre)
        return 0;
    for (size_t i = 0, off = 0; i < n; off += f[i++].len)
        if (f[i].len != s->pre_len[i] || f[i].base != s->pre_base[i] ||
            f[i].heading != s->pre_heading[i] ||
            (f[i].len && memcmp(f[i].s, s->pre_text + off, f[i].len)))
            return 0;
    return 1;
}

/* Keep the n fields just read as the leading fields (n in 1..PC_FEAT_MAX_PRE): their bytes,
 * what they gave and the stamp of their slots; the rest of the unit gets a new stamp. Out of
 * memory keeps none (the unit is read all the same). */
static void feat_pre_keep(pc_feat_scratch *s, const pc_feat_field *f, size_t n)
{
    size_t bytes = 0;
    for (size_t i = 0; i < n; i++)
        bytes += f[i].len;
    s->pre_ok = 0;
    if (pc_grow(&s->pre_text, &s->cap_pre_text, bytes + 1, 1) < 0 ||
        pc_grow(&s->pre_tf, &s->cap_pre_tf, s->nwords + s->nbigrams + 1, sizeof *s->pre_tf) < 0)
        return;
    for (size_t i = 0, off = 0; i < n; off += f[i++].len) {
        if (f[i].len)
            memcpy(s->pre_text + off, f[i].s, f[i].len);
        s->pre_len[i] = f[i].len;
        s->pre_base[i] = f[i].base;
        s->pre_heading[i] = f[i].heading;
    }
    for (size_t i = 0; i < s->nwords; i++)
        s->pre_tf[i] = s->words[i].tf;
    for (size_t i = 0; i < s->nbigrams; i++)
        s->pre_tf[s->nwords + i] = s->bigrams[i].tf;
    s->npre = n;
    s->pre_tokens = s->ntokens;
    s->pre_words = s->nwords;
    s->pre_bigrams = s->nbigrams;
    s->pre_lower = s->nlower;
    s->pgen = s->gen;
    s->pre_ok = 1;
}

/* Start the unit from the kept leading fields. */
static void feat_pre_restore(pc_feat_scratch *s)
{
    s->ntokens = s->pre_tokens;
    s->nwords = s->pre_words;
    s->nbigrams = s->pre_bigrams;
    s->nlower = s->pre_lower;
    for (size_t i = 0; i < s->nwords; i++)
        s->words[i].tf = s->pre_tf[i];
    for (size_t i = 0; i < s->nbigrams; i++)
        s->bigrams[i].tf = s->pre_tf[s->nwords + i];
}

int pc_feat_tokenize(pc_feat_scratch *s, const pc_feat_field *fields, size_t nfields)
{
    size_t np = nfields ? nfields - 1 : 0;
    s->seed_unigram = feat_seed(PC_FEAT_UNIGRAM);
    s->seed_bigram = feat_seed(PC_FEAT_BIGRAM);
    if (np && s->gen != UINT32_MAX && feat_pre_same(s, fields, np)) {
        s->gen++; /* the last field's slots; the kept ones stay stamped pgen */
        feat_pre_restore(s);
        s->kept_words = s->pre_words;
        s->kept_bigrams = s->pre_bigrams;
        return feat_field(s, &fields[np]);
    }
    s->kept_words = s->kept_bigrams = 0;
    s->ntokens = s->nwords = s->nbigrams = s->nlower = 0;
    if (feat_slots_reserve(s) < 0)
        return -1;
    feat_new_unit(s);
    for (size_t i = 0; i < nfields; i++) {
        if (i == np && np && np <= PC_FEAT_MAX_PRE && s->gen != UINT32_MAX) {
            feat_pre_keep(s, fields, np);
            s->gen += (uint32_t)s->pre_ok;
        }
        if (feat_field(s, &fields[i]) < 0)
            return -1;
    }
    return 0;
}

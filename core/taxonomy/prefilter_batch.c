/* prefilter_batch.c: the first pass over a batch of texts (see prefilter.h): scan each text
 * for the rules' literals, then confirm every candidate rule with PCRE2, rule by rule over its
 * candidate texts, and index the hits by text.
 */
#include "taxonomy/prefilter_internal.h"

#include "util/hash.h"

#include <stdlib.h>
#include <string.h>

/* ---- the first pass over a batch -------------------------------------------------------- */

int pc_prefilter_batch_add(pc_prefilter_batch *b, const char *s, size_t len, uint32_t utf,
                           int ascii)
{
    if (pc_grow(&b->texts, &b->cap_texts, b->n + 1, sizeof *b->texts) < 0)
        return -1;
    b->texts[b->n++] = (pc_prefilter_text){s, len, utf, ascii};
    return 0;
}

/* Whether texts x and y have the same bytes and options (then the same results). */
static int pf_same_text(const pc_prefilter_text *x, const pc_prefilter_text *y)
{
    return x->len == y->len && x->utf == y->utf && x->ascii == y->ascii &&
           !memcmp(x->s, y->s, x->len);
}

/* Per text, the first text of the batch it repeats, or itself (b->same). -1: out of memory. */
static int pf_same(pc_prefilter_batch *b)
{
    size_t mask = 15;
    while (mask < 2 * b->n)
        mask = mask * 2 + 1;
    if (pc_grow(&b->same, &b->cap_same, b->n + 1, sizeof *b->same) < 0 ||
        pc_grow(&b->hash, &b->cap_hash, b->n + 1, sizeof *b->hash) < 0 ||
        pc_grow(&b->slot, &b->cap_slot, mask + 1, sizeof *b->slot) < 0)
        return -1;
    memset(b->slot, 0, (mask + 1) * sizeof *b->slot);
    for (size_t t = 0; t < b->n; t++) {
        uint64_t h = b->hash[t] = pc_sum64(b->texts[t].s, b->texts[t].len);
        size_t s = (size_t)(h ^ h >> 29) & mask;
        b->same[t] = (uint32_t)t;
        for (; b->slot[s] && b->same[t] == t; s = (s + 1) & mask) {
            size_t u = b->slot[s] - 1;
            if (b->hash[u] == h && pf_same_text(&b->texts[u], &b->texts[t]))
                b->same[t] = (uint32_t)u;
        }
        if (b->same[t] == t)
            b->slot[s] = (uint32_t)t + 1;
    }
    return 0;
}

/* Per rule in `rules`, the texts whose bits say it may match, of those repeating no earlier
 * one (counting, then filling). */
static int pf_candidates(pc_prefilter_batch *b, const pc_prefilter *pf, const uint64_t *rules)
{
    size_t nrules = pc_prefilter_nrules(pf);
    if (pc_grow(&b->cand_first, &b->cap_first, nrules + 1, sizeof *b->cand_first) < 0)
        return -1;
    memset(b->cand_first, 0, (nrules + 1) * sizeof *b->cand_first);
    for (size_t t = 0; t < b->n; t++)
        for (size_t w = 0; b->same[t] == t && w < b->words; w++) {
            uint64_t x = b->bits[t * b->words + w] & rules[w];
            for (; x; x &= x - 1)
                b->cand_first[w * 64 + (size_t)__builtin_ctzll(x) + 1]++;
        }
    for (size_t r = 0; r < nrules; r++)
        b->cand_first[r + 1] += b->cand_first[r];
    if (pc_grow(&b->cand, &b->cap_cand, b->cand_first[nrules] + 1, sizeof *b->cand) < 0)
        return -1;
    for (size_t t = 0; t < b->n; t++)
        for (size_t w = 0; b->same[t] == t && w < b->words; w++) {
            uint64_t x = b->bits[t * b->words + w] & rules[w];
            for (; x; x &= x - 1)
                b->cand[b->cand_first[w * 64 + (size_t)__builtin_ctzll(x)]++] = (uint32_t)t;
        }
    for (size_t r = nrules; r > 0; r--) /* shift the ends back into starts */
        b->cand_first[r] = b->cand_first[r - 1];
    b->cand_first[0] = 0;
    return 0;
}

static int pf_hit(pc_prefilter_batch *b, uint32_t text, uint32_t rule, int status, pc_span span)
{
    if (pc_grow(&b->hits, &b->cap_hits, b->nhits + 1, sizeof *b->hits) < 0)
        return -1;
    b->hits[b->nhits++] = (pc_prefilter_hit){text, rule, status, span};
    return 0;
}

/* Rule r's whole pattern on text t: a status (pc_pf_status) and the match's span. Its code
 * is JIT-compiled unless it is the rule's own (pc_prefilter_code). */
static int pf_match_whole(const pc_prefilter *pf, size_t r, const pc_prefilter_text *t,
                          pcre2_match_data *md, pcre2_match_context *mctx, pc_span *span)
{
    const pc_rule *rule = pc_prefilter_rule(pf, r);
    const pcre2_code *code =
        t->ascii ? pc_prefilter_code_ascii(pf, rule) : pc_prefilter_code(pf, rule);
    int st = pc_pf_status(pc_pf_match(code, code != rule->code, t, md, mctx));
    PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
    *span = (pc_span){st > 0 ? ov[0] : 0, st > 0 ? ov[1] : 0};
    return st;
}

/* Candidates of one rule in one batch from which its branches are worth making. */
#define PF_SPLIT_MIN_CANDIDATES 32

/* Each rule over its candidate texts: the pattern stays hot in the instruction cache. */
static int pf_confirm(pc_prefilter_batch *b, const pc_prefilter *pf, pcre2_match_data *md,
                      pcre2_match_context *mctx)
{
    size_t nrules = pc_prefilter_nrules(pf), sw = pc_pf_seen_words(pf);
    for (size_t r = 0; r < nrules; r++) {
        int make = b->cand_first[r + 1] - b->cand_first[r] >= PF_SPLIT_MIN_CANDIDATES;
        for (size_t k = b->cand_first[r]; k < b->cand_first[r + 1]; k++) {
            uint32_t t = b->cand[k];
            pc_span sp;
            int status =
                pc_pf_confirm(pf, r, make, b->seen + t * sw, &b->texts[t], md, mctx, &sp);
            if (status == PC_PF_WHOLE)
                status = pf_match_whole(pf, r, &b->texts[t], md, mctx, &sp);
            if (status && pf_hit(b, t, (uint32_t)r, status, sp) < 0)
                return -1;
        }
    }
    return 0;
}

/* Group the hits by text, keeping rule order within a text (a stable counting sort). */
static int pf_sort_hits(pc_prefilter_batch *b)
{
    if (pc_grow(&b->sorted, &b->cap_sorted, b->nhits + 1, sizeof *b->sorted) < 0 ||
        pc_grow(&b->first, &b->cap_first_hits, b->n + 1, sizeof *b->first) < 0 ||
        pc_grow(&b->pos, &b->cap_pos, b->n + 1, sizeof *b->pos) < 0)
        return -1;
    memset(b->first, 0, (b->n + 1) * sizeof *b->first);
    for (size_t i = 0; i < b->nhits; i++)
        b->first[b->hits[i].text + 1]++;
    for (size_t t = 0; t < b->n; t++)
        b->first[t + 1] += b->first[t];
    memcpy(b->pos, b->first, b->n * sizeof *b->pos);
    for (size_t i = 0; i < b->nhits; i++)
        b->sorted[b->pos[b->hits[i].text]++] = b->hits[i];
    return 0;
}

int pc_prefilter_batch_run(pc_prefilter_batch *b, const pc_prefilter *pf, pc_prefilter_scratch *sc,
                           const uint64_t *rules, pcre2_match_data *md, pcre2_match_context *mctx)
{
    size_t nrules = pc_prefilter_nrules(pf);
    const unsigned *canon = pc_prefilter_canon(pf);
    b->words = pc_prefilter_words(pf);
    b->nhits = 0;
    b->canon = canon;
    if (pc_grow(&b->bits, &b->cap_bits, (b->n ? b->n : 1) * b->words, sizeof *b->bits) < 0 ||
        pc_grow(&b->run, &b->cap_run, b->words, sizeof *b->run) < 0 ||
        pc_grow(&b->seen, &b->cap_seen, (b->n ? b->n : 1) * pc_pf_seen_words(pf),
                sizeof *b->seen) < 0)
        return -1;
    memset(b->run, 0, b->words * sizeof *b->run);
    for (size_t r = 0; r < nrules; r++)
        if (pc_prefilter_bit(rules, r))
            b->run[canon[r] >> 6] |= 1ull << (canon[r] & 63);
    if (pf_same(b) < 0)
        return -1;
    for (size_t t = 0; t < b->n; t++)
        if (b->same[t] == t)
            pc_pf_scan(pf, sc, b->texts[t].s, b->texts[t].len, b->bits + t * b->words,
                       b->seen + t * pc_pf_seen_words(pf));
    if (pf_candidates(b, pf, b->run) < 0 || pf_confirm(b, pf, md, mctx) < 0)
        return -1;
    return pf_sort_hits(b);
}

const uint64_t *pc_prefilter_batch_bits(const pc_prefilter_batch *b, size_t i)
{
    return b->bits + b->same[i] * b->words;
}

const pc_prefilter_hit *pc_prefilter_batch_find(const pc_prefilter_batch *b, size_t i, size_t rule)
{
    rule = b->canon[rule];
    i = b->same[i];
    size_t lo = b->first[i], hi = b->first[i + 1];
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (b->sorted[mid].rule < rule)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < b->first[i + 1] && b->sorted[lo].rule == rule ? &b->sorted[lo] : NULL;
}

void pc_prefilter_batch_reset(pc_prefilter_batch *b)
{
    b->n = 0;
    b->nhits = 0;
}

void pc_prefilter_batch_free(pc_prefilter_batch *b)
{
    free(b->texts);
    free(b->first);
    free(b->pos);
    free(b->bits);
    free(b->cand);
    free(b->cand_first);
    free(b->hits);
    free(b->sorted);
    free(b->run);
    free(b->seen);
    free(b->same);
    free(b->hash);
    free(b->slot);
}

size_t pc_prefilter_batch_bytes(const pc_prefilter_batch *b)
{
    return sizeof *b + b->cap_texts * sizeof *b->texts + b->cap_bits * sizeof *b->bits +
           b->cap_cand * sizeof *b->cand + b->cap_first * sizeof *b->cand_first +
           (b->cap_hits + b->cap_sorted) * sizeof *b->hits +
           (b->cap_first_hits + b->cap_pos) * sizeof *b->first + b->cap_run * sizeof *b->run +
           b->cap_seen * sizeof *b->seen + b->cap_same * sizeof *b->same +
           b->cap_hash * sizeof *b->hash + b->cap_slot * sizeof *b->slot;
}

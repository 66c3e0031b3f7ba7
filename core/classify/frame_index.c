/* frame_index.c: what the frames learn of each word of a clause, found in one pass
 * (frame_internal.h: pc_fr_words_mark). The first words of the indexed cue tables' phrases
 * and the words of the word tables are kept in one hash with the bits of the tables that hold
 * them, so each word of a clause is looked up once instead of once per table and per question;
 * the cue readers then search a cue table only at the words carrying its bit, and a word
 * table's question (FR_IN) is a test of the word's bit. */
#include "classify/frame_internal.h"
#include "classify/frame_words.h"
#include "util/word_index.h"

#include <pthread.h>
#include <string.h>

/* Words that start a new part of a sentence: what follows is a statement of its own. */
static const char *const fr_boundaries[] = {"but",     "however", "although", "though",
                                            "whereas", "yet",     "rather",   "instead"};
static const pc_fr_cue_table fr_indexed[] = {
    {fr_boundaries, FR_N(fr_boundaries), sizeof *fr_boundaries, FR_CUE_BOUNDARY},
    /* frame.c's word tables */
    FR_WORDS(fr_determiners), FR_WORDS(fr_coordinators), FR_WORDS(fr_no_object),
    FR_WORDS(fr_plain_before), FR_WORDS(fr_receive), FR_WORDS(fr_verb_particles),
    FR_WORDS(fr_relative_openers),
};

const pc_fr_cue_table *pc_fr_index_tables(size_t *n)
{
    *n = FR_N(fr_indexed);
    return fr_indexed;
}

int pc_fr_boundary(const pc_word *w)
{
    return PC_WORD_IS(w, fr_boundaries);
}

#define FR_IX_SLOTS 2048 /* a power of two, well above the first words of all the tables */

/* One first word and the bits of the tables whose phrases start with it (mask 0: empty).
 * Plain value. */
typedef struct fr_ix_slot {
    uint64_t mask;
    uint32_t hash, len;
    char w[PC_WORD_MAX];
} fr_ix_slot;

/* The process-wide index: built once (fr_ix_once), read-only after. */
static fr_ix_slot fr_ix[FR_IX_SLOTS];
static int fr_ix_ok;
static size_t fr_ix_used; /* slots filled: at most half, so a lookup always meets an empty one */
static pthread_once_t fr_ix_once = PTHREAD_ONCE_INIT;

/* The first word of phrase p (up to a space) under bit; -1 when it is no word that can be
 * compared whole (empty, "*", too long) or the hash is full. */
static int fr_ix_add(const char *p, uint64_t bit)
{
    size_t n = strcspn(p, " ");
    if (n == 0 || n >= PC_WORD_MAX || (p[0] == '*' && n == 1))
        return -1;
    uint32_t h = pc_word_hash(p, n);
    for (size_t k = h & (FR_IX_SLOTS - 1), probes = 0; probes < FR_IX_SLOTS / 2;
         k = (k + 1) & (FR_IX_SLOTS - 1), probes++) {
        fr_ix_slot *s = &fr_ix[k];
        if (s->mask && (s->hash != h || s->len != n || memcmp(s->w, p, n)))
            continue;
        if (!s->mask) {
            if (++fr_ix_used > FR_IX_SLOTS / 2)
                return -1;
            s->hash = h;
            s->len = (uint32_t)n;
            memcpy(s->w, p, n);
            s->w[n] = '\0';
        }
        s->mask |= bit;
        return 0;
    }
    return -1;
}

/* The tables t[0..n) into the hash, their bits added to *seen. The entries of a word table
 * must be single words (pc_word_is never finds one with a space). */
static int fr_ix_add_tables(const pc_fr_cue_table *t, size_t n, uint64_t *seen)
{
    for (size_t i = 0; i < n; i++) {
        int words = t[i].bit >= FR_WORD_BIT(0);
        for (size_t k = 0; k < t[i].n; k++) {
            const char *p = pc_word_index_entry(t[i].first, t[i].stride, k);
            if ((words && strchr(p, ' ')) || fr_ix_add(p, t[i].bit) < 0)
                return -1;
        }
        *seen |= t[i].bit;
    }
    return 0;
}

static void fr_ix_build(void)
{
    const pc_fr_cue_table *(*const lists[])(size_t *) = {pc_fr_index_tables, pc_fr_cues_tables,
                                                         pc_fr_modality_tables};
    uint64_t seen = 0;
    for (size_t l = 0; l < sizeof lists / sizeof *lists; l++) {
        size_t n;
        const pc_fr_cue_table *t = lists[l](&n);
        if (fr_ix_add_tables(t, n, &seen) < 0)
            return;
    }
    /* a word table without its words would answer "no" for every word: none may be missing */
    uint64_t all = (FR_WORD_BIT(FRW_COUNT) - 1) & ~(FR_WORD_BIT(0) - 1);
    fr_ix_ok = (seen & all) == all;
}

/* The bits of word w: those of its slot, 0 when no table holds it or a phrase starting with
 * it. */
static uint64_t fr_ix_bits(const pc_word *w)
{
    for (size_t k = w->hash & (FR_IX_SLOTS - 1);; k = (k + 1) & (FR_IX_SLOTS - 1)) {
        const fr_ix_slot *s = &fr_ix[k];
        if (!s->mask)
            return 0;
        if (s->hash == w->hash && s->len == w->len && !memcmp(s->w, w->w, w->len))
            return s->mask;
    }
}

int pc_fr_words_mark(pc_words *ws, uint64_t *all)
{
    pthread_once(&fr_ix_once, fr_ix_build);
    *all = ~0ull;
    if (!fr_ix_ok)
        return -1;
    uint64_t u = FR_TAGGED;
    for (size_t i = 0; i < ws->n; i++)
        u |= ws->v[i].tag = fr_ix_bits(&ws->v[i]) | FR_TAGGED;
    *all = u;
    return 0;
}

/* frame_internal.h: what frame.c and frame_cues.c share while reading one clause. Not a
 * public API. */
#ifndef POLCMP_FRAME_INTERNAL_H
#define POLCMP_FRAME_INTERNAL_H

#include "classify/frame.h"
#include "util/words.h"

#include <stdint.h>

/* One clause being read: its text, its words and the ontology terms found in them (in word
 * order, not overlapping). Borrows everything. */
typedef struct fr_clause {
    const char *s;
    size_t len;
    const pc_words *ws;
    const pc_onto_hit *hits;
    size_t nhits;
    pc_actor lead_actor; /* the actor of a clause that names none (a list item's lead-in's) */
    unsigned long long lead_name;
    int has_lead; /* it is a list item with a lead-in */
    pc_frame_skip lead_skip; /* why the lead-in states no practice ("you have the right to ask
                                us to stop:"), PC_SKIP_NONE when it does or there is none */
    uint16_t *instrument; /* per word, pc_fr_instrument's answer + 2 once read (0: not yet),
                             written through the const clause; NULL: not kept */
    uint64_t tags; /* the union of its words' tags (pc_fr_words_mark); all bits when untagged */
    const int16_t *hit_of; /* per word, the hit covering it or -1; NULL: not kept (the hits
                              are searched) */
} fr_clause;

/* What the frames learn of each word of a clause once (pc_fr_words_mark), in pc_word.tag:
 * FR_TAGGED, the FR_CUE_* bits of the cue tables a phrase of which may start at the word, and
 * the FR_WORD_BIT of each word table holding it. A word without FR_TAGGED (not marked: the
 * tables could not be indexed) is looked up in the tables themselves. */
#define FR_TAGGED (1ull << 63)

/* The cue tables, one bit each: a phrase of a table can match at word i only when word i has
 * its bit (the phrases start with a word, compared whole), so a word without the bit is passed
 * over unsearched. */
enum {
    FR_CUE_BOUNDARY = 1u << 0,   /* words that start a part of a sentence (pc_fr_boundary) */
    FR_CUE_MINE = 1u << 1,       /* frame_cues.c's tables: the person's voice ("my"), */
    FR_CUE_PROTECTION = 1u << 2, /* protection, definition, right, intent, overview */
    FR_CUE_DEFINITION = 1u << 3,
    FR_CUE_RIGHT = 1u << 4,
    FR_CUE_INTENT = 1u << 5,
    FR_CUE_OVERVIEW = 1u << 6,
    FR_CUE_CONDITIONS = 1u << 7, /* frame_modality.c's: conditions, softeners, law, only */
    FR_CUE_SOFTENERS = 1u << 8,
    FR_CUE_LEGAL = 1u << 9,
    FR_CUE_EXCLUSIVE = 1u << 10,
    FR_CUE_COUNT = 11,
};

/* The word tables the cue readers ask of single words (FR_IN), one bit each above the cue
 * tables': FRW_<table name>. Tables of the same name in two files hold the same words. */
enum {
    /* frame.c's (frame_words.h) */
    FRW_fr_determiners, FRW_fr_coordinators, FRW_fr_no_object, FRW_fr_plain_before,
    FRW_fr_receive, FRW_fr_verb_particles, FRW_fr_relative_openers,
    /* frame_cues.c */
    FRW_fr_we, FRW_fr_user, FRW_fr_them, FRW_fr_between, FRW_fr_imperative, FRW_fr_be,
    FRW_fr_subject_edges, FRW_fr_relatives, FRW_fr_prepositions, FRW_fr_determiner_words,
    FRW_fr_enablers, FRW_fr_via, FRW_fr_visits, FRW_fr_our_the, FRW_fr_instrument_verbs,
    FRW_fr_infinitive_edges, FRW_fr_if_words, FRW_fr_noun_det, FRW_fr_subject_pronouns,
    FRW_fr_complementizers,
    /* frame_modality.c */
    FRW_fr_except_consent, FRW_fr_except_when, FRW_fr_wh_objects, FRW_fr_wh_subjects,
    FRW_fr_hedges, FRW_fr_only_words, FRW_fr_only_openers, FRW_fr_only_choices,
    FRW_fr_purpose_not, FRW_fr_purpose_determiners, FRW_fr_clause_openers, FRW_fr_not_negating,
    FRW_fr_conj_adverbs, FRW_fr_conj_auxiliaries, FRW_fr_clause_subjects, FRW_fr_law_words,
    FRW_fr_narrow_laws,
    FRW_COUNT
};
_Static_assert(FR_CUE_COUNT + FRW_COUNT < 63, "a word's tag holds every table's bit");
#define FR_WORD_BIT(k) (1ull << (FR_CUE_COUNT + (k)))

#define FR_N(table) (sizeof(table) / sizeof((table)[0]))
/* Whether word w is in the word table `table` (a file-level table with an FRW_ bit). */
#define FR_IN(w, table) pc_fr_in((w), (table), FR_N(table), FR_WORD_BIT(FRW_##table))
static inline int pc_fr_in(const pc_word *w, const char *const *table, size_t n, uint64_t bit)
{
    if (w->tag & FR_TAGGED)
        return (w->tag & bit) != 0;
    return pc_word_is(w, table, n);
}

/* One indexed table: n phrases (a cue table's) or words (a word table's) at first, stride
 * bytes apart, with its bit (FR_CUE_*, FR_WORD_BIT). Plain value; the table is static. */
typedef struct pc_fr_cue_table {
    const char *const *first;
    size_t n, stride;
    uint64_t bit;
} pc_fr_cue_table;
#define FR_WORDS(t) {(t), FR_N(t), sizeof *(t), FR_WORD_BIT(FRW_##t)}

/* Each file's indexed cue tables and word tables: *n of them. */
const pc_fr_cue_table *pc_fr_cues_tables(size_t *n);
const pc_fr_cue_table *pc_fr_modality_tables(size_t *n);
const pc_fr_cue_table *pc_fr_index_tables(size_t *n); /* frame_index.c's, frame.c's words */

/* The tag of each word of ws, and their union in *all (frame_index.c). Returns 0, or -1 when
 * the tables could not be indexed (then the tags stay 0: every table is searched; *all has
 * every bit). */
int pc_fr_words_mark(pc_words *ws, uint64_t *all);

/* Whether word w starts a new part of a sentence ("but", "however"): what follows is a
 * statement of its own. */
int pc_fr_boundary(const pc_word *w);

/* Whether some word of c carries one of `bits`: a phrase of a cue table (FR_CUE_*) may start
 * there, or it is in a word table (FR_WORD_BIT). */
static inline int pc_fr_clause_may(const fr_clause *c, uint64_t bits)
{
    return (c->tags & bits) != 0;
}

/* Whether a phrase of the table with FR_CUE_* bit `bit` may start at word i of c. */
static inline int pc_fr_cue_may(const fr_clause *c, size_t i, unsigned bit)
{
    uint64_t tag = c->ws->v[i].tag;
    return !(tag & FR_TAGGED) || (tag & bit);
}

/* The actor of the action at word a (frame_cues.c); *hit is the index of the recipient hit
 * naming a third-party actor, or -1; *name the hash of a name (PC_ACTOR_NAMED); *implicit
 * is set when the clause names no subject (the lead-in's or the company is taken). */
pc_actor pc_fr_actor(const fr_clause *c, size_t a, long *hit, unsigned long long *name,
                     int *implicit);
/* The verb an infinitive at word a states the purpose of: one that takes an instrument ("we may
 * use cookies on our site to collect": "use") or an action of the ontology ("we collect your
 * number to send you alerts": "collect"), looked back for past its object but not past another
 * clause or party; (size_t)-1 when a is no such infinitive. */
size_t pc_fr_instrument(const fr_clause *c, size_t a);
/* Whether the third party's action at word a (in the part ending at hi) happens by the
 * company's leave: "we permit advertisers to collect", "partners collect data through our
 * app" (or "on the Services", "through use of our site", "when you visit our site"). */
int pc_fr_by_our_leave(const fr_clause *c, size_t a, size_t hi);
/* Whether a law is named from word j (within a few words, before hi): "the CCPA", "applicable
 * law". */
int pc_fr_law_at(const fr_clause *c, size_t j, size_t hi);
/* The actor a whole clause names first (for a list's lead-in), PC_ACTOR_WE when none. */
pc_actor pc_fr_subject(const fr_clause *c, unsigned long long *name);
/* Whether the action at word a is a passive ("is sold"). */
int pc_fr_passive(const fr_clause *c, size_t a);
/* Whether the action at word a sits in a relative clause ("the data that we do not process"):
 * its object is the noun before, named elsewhere. */
int pc_fr_relative(const fr_clause *c, size_t a);
/* Whether the action sits in a relative clause without a pronoun: after a data type
 * ("information we receive by e-mail is disclosed": it presupposes, it does not state), or
 * after a noun phrase that is not data and is the action's object ("the products we sell":
 * the sale is of products; with an object of its own, "the time we collect your address", the
 * action is not about its head, and its own terms say what it is about). */
int pc_fr_zero_relative(const fr_clause *c, size_t a, int names_data);
/* Why the action at word a (in the part [lo, hi)) is not a statement of practice, or
 * PC_SKIP_NONE. */
pc_frame_skip pc_fr_not_practice(const fr_clause *c, size_t a, size_t lo, size_t hi);
/* Why a list's lead-in that names no action states no practice: a right ("you have the right
 * to ask us to stop the following:") or a hypothetical; PC_SKIP_NONE otherwise. */
pc_frame_skip pc_fr_lead_in_skip(const fr_clause *c);
/* The ontology hit covering word i, or -1. */
static inline long pc_fr_hit_at(const fr_clause *c, size_t i)
{
    if (c->hit_of)
        return i < c->ws->n ? c->hit_of[i] : -1;
    for (size_t h = 0; h < c->nhits; h++)
        if (c->hits[h].first <= i && i < c->hits[h].first + c->hits[h].nwords)
            return (long)h;
    return -1;
}
/* Whether word w is a list marker inside a sentence: "(a)", "(ii)", "(3)". */
int pc_fr_marker(const pc_word *w);
/* The word of the action that the action at word a is coordinated with, the verb before it in
 * the same clause ("we do not sell, rent or otherwise disclose it", "we will not (a) sell it and
 * (b) disclose it"), or (size_t)-1; *aux is set when the action has auxiliaries of its own
 * ("and will share"). */
size_t pc_fr_conjunct(const fr_clause *c, size_t a, int *aux);
/* Whether word i, right after an action, opens a clause that is the action's object ("we do
 * not track where you go"), not a condition ("where required by law"). */
int pc_fr_wh_object(const fr_clause *c, size_t i);
/* The conditions stated in words [lo, hi): a clause that is an action's object
 * (pc_fr_wh_object) states none. */
unsigned pc_fr_conditions(const fr_clause *c, size_t lo, size_t hi);
/* The flags the words [lo, hi) give every action in them: softened, in a law's sense,
 * exclusive; and PC_FR_ONLY_CONDITION, which pc_fr_modality reads and clears. */
unsigned pc_fr_part_flags(const fr_clause *c, size_t lo, size_t hi);
/* A part's "only" that limits the action to the person's consent or request ("we share it
 * only with your consent"), not its object to what it names: never in a frame's flags. */
#define PC_FR_ONLY_CONDITION (1u << 31)
/* The modality of the action at word a in a part from lo, whose flags (pc_fr_part_flags) are in
 * *flags, with conditions *conds (adjusted: "without your consent" is consent after a
 * negation, none otherwise); adds to *flags. An infinitive of purpose takes the modality of
 * `verb`, the verb whose instrument it is for (pc_fr_instrument; (size_t)-1: none): "we may
 * use cookies to collect" may collect, "we do not use cookies on this page to track" does
 * not. */
pc_modality pc_fr_modality(const fr_clause *c, size_t a, size_t verb, size_t lo, unsigned *conds,
                           unsigned *flags);

/* Data named by a reference ("this information") in each frame of fs that names no other:
 * those of the clause before, in the same section (frame_refer.c). -1 on out of memory. */
int pc_fr_resolve_references(pc_frames *fs);
/* The frames of the name the policy uses most for itself become the company's (frame_refer.c).
 * -1 on out of memory. */
int pc_fr_own_name(pc_frames *fs);

#endif

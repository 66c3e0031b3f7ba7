/* frame.c: building statement frames clause by clause (frame.h): the words, the ontology
 * terms, the parts of each sentence, and for each action its frame with the terms of its part
 * and what else narrows it. The cues (actor, not a practice, conditions, modality) are in
 * frame_cues.c. */
#include "classify/frame_internal.h"
#include "classify/frame_words.h"
#include "classify/stance.h"

#include <stdlib.h>
#include <string.h>

/* After an action, these make it no practice of the company toward others: "provided to us",
 * "disclosed to you" (that is collecting, or informing). */
static const char *const fr_toward_us[] = {"to us", "with us", "to you", "with you"};

/* fr_builder: one build in progress. Owns ws, hits, part and the lead-in's words; fills fs.
 * lead is the clause whose subject lead_actor holds (-1: none yet). */
typedef struct fr_builder {
    pc_frames *fs;
    pc_words *ws;
    pc_onto_hit *hits;
    size_t nhits, cap_hits;
    unsigned short part[PC_WORDS_MAX];
    uint16_t instrument[PC_WORDS_MAX]; /* fr_clause.instrument of a clause naming an action */
    int16_t hit_of[PC_WORDS_MAX];      /* fr_clause.hit_of of a clause naming an action */
    pc_words *lws;
    pc_onto_hit *lhits;
    size_t nlhits, cap_lhits;
    long lead;
    pc_actor lead_actor, cached_actor;
    unsigned long long lead_name, cached_name;
    pc_frame_skip cached_skip; /* the lead-in's pc_fr_lead_in_skip */
    size_t cue_lo, cue_hi;     /* the part of this clause whose cues follow (none: lo > hi) */
    unsigned cue_conds, cue_flags;
} fr_builder;

/* ---- the words of a clause ------------------------------------------------------------ */

/* A question, or a title standing alone (no final stop, short, mostly capitalized words). */
static pc_frame_skip fr_clause_skip(const char *s, size_t len)
{
    size_t e = len, n = 0, caps = 0, pos = 0;
    while (e > 0 && (s[e - 1] == ' ' || s[e - 1] == '\n' || s[e - 1] == '"' || s[e - 1] == ')'))
        e--;
    if (e > 0 && s[e - 1] == '?')
        return PC_SKIP_QUESTION;
    if (e == 0 || strchr(".;:!", s[e - 1]))
        return PC_SKIP_NONE;
    for (pc_span w; n <= 12 && pc_word_next(s, len, &pos, &w); n++)
        caps += s[w.start] >= 'A' && s[w.start] <= 'Z';
    if (n > 12 || n < 2)
        return PC_SKIP_NONE;
    return 10 * caps >= 6 * n ? PC_SKIP_TITLE : PC_SKIP_NONE;
}

/* The ontology terms of the words ws, longest first, not overlapping, into *hits. */
static int fr_find_terms(const pc_ontology *o, const pc_words *ws, pc_onto_hit **hits, size_t *n,
                         size_t *cap)
{
    *n = 0;
    for (size_t i = 0; i < ws->n;) {
        pc_onto_hit h;
        if (!pc_onto_match(o, ws, i, &h)) {
            i++;
            continue;
        }
        if (pc_grow(hits, cap, *n + 1, sizeof **hits) < 0)
            return -1;
        (*hits)[(*n)++] = h;
        i += h.nwords;
    }
    return 0;
}

/* Number the parts of the sentence: a stop or a boundary word starts a new one. */
static void fr_parts(fr_builder *b)
{
    unsigned short p = 0;
    for (size_t i = 0; i < b->ws->n; i++) {
        if (i > 0 && (b->ws->v[i].stop_before ||
                      (((b->ws->v[i].tag & (FR_TAGGED | FR_CUE_BOUNDARY)) != FR_TAGGED) &&
                       pc_fr_boundary(&b->ws->v[i]))))
            p++;
        b->part[i] = p;
    }
}

/* The hit covering each word, -1 for none (the hits are in word order, not overlapping). */
static void fr_hit_map(fr_builder *b)
{
    memset(b->hit_of, 0xff, b->ws->n * sizeof *b->hit_of);
    for (size_t h = 0; h < b->nhits; h++)
        for (size_t i = 0; i < b->hits[h].nwords; i++)
            b->hit_of[b->hits[h].first + i] = (int16_t)h;
}

/* The words of the part holding word a; a part that ends with a colon takes in the next one
 * (its list: "we share it with the following parties: advertisers, ..."). */
static void fr_part_range(const fr_builder *b, const char *s, size_t a, size_t *lo, size_t *hi)
{
    *lo = *hi = a;
    while (*lo > 0 && b->part[*lo - 1] == b->part[a])
        (*lo)--;
    while (*hi < b->ws->n && b->part[*hi] == b->part[a])
        (*hi)++;
    if (*hi < b->ws->n &&
        memchr(s + b->ws->v[*hi - 1].end, ':', b->ws->v[*hi].start - b->ws->v[*hi - 1].end)) {
        unsigned short next = b->part[*hi];
        while (*hi < b->ws->n && b->part[*hi] == next)
            (*hi)++;
    }
}

static int fr_hit_starts(const fr_clause *c, size_t i)
{
    long h = pc_fr_hit_at(c, i);
    return h >= 0 && c->hits[h].first == i;
}

/* The first word from i (before hi) that is not a determiner or starts a term, or hi. */
static size_t fr_skip_det(const fr_clause *c, size_t i, size_t hi)
{
    while (i < hi && FR_IN(&c->ws->v[i], fr_determiners) && !fr_hit_starts(c, i))
        i++;
    return i;
}

/* ---- what narrows a frame ------------------------------------------------------------- */

/* Whether a data term of the ontology starts at word j. */
static int fr_data_at(const fr_clause *c, size_t j)
{
    long h = pc_fr_hit_at(c, j);
    return h >= 0 && c->hits[h].first == j && c->hits[h].dim == PC_ONTO_DATA;
}

/* Whether word j (in [.., hi)) names the people the policy is about, perhaps by where they
 * live ("users", "California residents", "EEA consumers"): data "from" them is everyone's, not
 * data of a narrower kind or from another source. Children are a narrower group. */
static int fr_population(const fr_clause *c, size_t j, size_t hi)
{
    static const char *const people[] = {"users",       "user",      "customers", "consumers",
                                         "individuals", "residents", "visitors",  "members",
                                         "subscribers", "people"};
    for (size_t k = 0; j < hi && k < 3; k++, j++) {
        if (PC_WORD_IS(&c->ws->v[j], people))
            return 1;
        unsigned char ch = (unsigned char)c->s[c->ws->v[j].start];
        if (ch < 'A' || ch > 'Z' || pc_fr_hit_at(c, j) >= 0)
            return 0; /* only a name of a place stands before them */
    }
    return 0;
}

/* Whether the term hit h is narrowed by a word the ontology does not know before it ("secret
 * chats", "that identified third party") or by what follows it: a phrase of unknown words
 * ("data from those associated browsers", "content which contains a virus") or a relative
 * clause ("data you are tracking in the app"). */
static int fr_qualified(const fr_clause *c, const pc_onto_hit *h, size_t lo, size_t hi)
{
    static const char *const after_words[] = {"from",       "of",      "on",        "in",
                                              "associated", "related", "regarding", "concerning",
                                              "which",      "that"};
    static const char *const people[] = {"you", "your", "children", "us", "our"};
    static const char *const subjects[] = {"you", "we", "they", "i"};
    size_t i = h->first, e = h->first + h->nwords;
    if (i > lo && !c->ws->v[i].comma_before && !c->ws->v[i].stop_before) {
        const pc_word *w = &c->ws->v[i - 1];
        if (!FR_IN(w, fr_plain_before) && pc_fr_hit_at(c, i - 1) < 0 &&
            !(w->w[0] >= '0' && w->w[0] <= '9'))
            return 1;
    }
    if (e >= hi || c->ws->v[e].comma_before || c->ws->v[e].stop_before)
        return 0;
    const pc_word *next = &c->ws->v[e];
    size_t n = next->len;
    if (PC_WORD_IS(next, subjects) || /* "data identified in the above categories" */
        (n > 3 && PC_WORD_ENDS(next, "ed") && pc_fr_hit_at(c, e) < 0))
        return 1;
    if (!PC_WORD_IS(&c->ws->v[e], after_words))
        return 0;
    size_t j = fr_skip_det(c, e + 1, hi);
    return j < hi && pc_fr_hit_at(c, j) < 0 && !PC_WORD_IS(&c->ws->v[j], people) &&
           !fr_population(c, j, hi);
}

/* Scopes after the action (from word `after` in [.., hi)) that the ontology does not know:
 * "with such data centers", "to identify you", "for the purposes of profiling". */
/* Whether consent words follow at word j ("your consent", "user authorization"). */
static int fr_consent_words(const fr_builder *b, size_t j, size_t hi)
{
    static const char *const words[] = {"consent",  "authorization", "authorisation", "permission",
                                        "approval", "agreement",     "instructions",  "request"};
    for (size_t k = j; k < hi && k < j + 2; k++)
        if (PC_WORD_IS(&b->ws->v[k], words))
            return 1;
    return 0;
}

static unsigned fr_unknown_scopes(const fr_clause *c, const fr_builder *b, size_t after, size_t hi)
{
    unsigned flags = 0;
    for (size_t i = after; i < hi; i++) {
        const pc_word *w = &b->ws->v[i];
        int to = PC_WORD_EQ(w, "to"), with = PC_WORD_EQ(w, "with"), fr = PC_WORD_EQ(w, "for");
        size_t j = fr_skip_det(c, i + 1, hi);
        /* "from third parties", "from anyone under 13"; not "profit from your data" */
        if (PC_WORD_EQ(w, "from") && j < hi && !PC_WORD_EQ(&b->ws->v[j], "you") &&
            !fr_population(c, j, hi) && !fr_data_at(c, j))
            flags |= PC_FRAME_SOURCE;
        if (!to && !with && !fr)
            continue;
        if (fr_consent_words(b, j, hi))
            continue; /* "with user authorization" is a condition */
        /* "for (the) purposes of X", "for purposes such as X": X decides */
        if (fr && j < hi &&
            (PC_WORD_EQ(&b->ws->v[j], "purpose") || PC_WORD_EQ(&b->ws->v[j], "purposes")))
            j = fr_skip_det(c, j + 1 < hi && PC_WORD_EQ(&b->ws->v[j + 1], "of") ? j + 2 : j + 1, hi);
        if (fr && j < hi && pc_fr_law_at(c, j, j + 2 < hi ? j + 2 : hi))
            continue; /* "for purposes of the CCPA": a law's sense (PC_FRAME_LEGAL_SENSE) */
        if (j >= hi || b->ws->v[j].stop_before || FR_IN(&b->ws->v[j], fr_no_object))
            continue;
        long h = pc_fr_hit_at(c, j);
        pc_onto_dim want = fr || (to && j == i + 1) ? PC_ONTO_PURPOSE : PC_ONTO_RECIPIENT;
        if (h >= 0 && c->hits[h].first == j &&
            (c->hits[h].dim == want || c->hits[h].dim == PC_ONTO_RECIPIENT))
            continue;
        flags |= want == PC_ONTO_PURPOSE ? PC_FRAME_PURPOSE_UNKNOWN : PC_FRAME_RECIPIENT_UNKNOWN;
    }
    return flags;
}

static int fr_gerund(const pc_word *w)
{
    size_t n = w->len;
    return n > 4 && PC_WORD_ENDS(w, "ing");
}


/* Whether word i follows a coordinator, directly or after "otherwise" ("or otherwise
 * profit"), at or after word `after`. */
static int fr_coordinated(const fr_builder *b, size_t i, size_t after)
{
    size_t k = i - 1;
    if (k > after && PC_WORD_EQ(&b->ws->v[k], "otherwise"))
        k--;
    return k >= after && FR_IN(&b->ws->v[k], fr_coordinators);
}

/* Whether the action (its term ends before word `after`) has an object the ontology does not
 * know: a pronoun ("we do not sell it"), another thing ("we do not store your camera
 * sessions or any information", "we do not use these widgets") or a clause ("we do not track
 * where you go"). */
static int fr_object_unknown(const fr_clause *c, const fr_builder *b, size_t after, size_t hi)
{
    static const char *const kinds[] = {"categories", "category", "types", "type", "kinds", "kind",
                                        "pieces",     "piece",    "forms", "any",  "some"};
    size_t i = fr_skip_det(c, after, hi);
    if (i + 1 < hi && PC_WORD_IS(&b->ws->v[i], kinds) && PC_WORD_EQ(&b->ws->v[i + 1], "of"))
        i = fr_skip_det(c, i + 2, hi); /* "categories of personal information" */
    else if (after > 0 && i + 1 < hi && i == after && PC_WORD_EQ(&b->ws->v[i], "of") &&
             fr_gerund(&b->ws->v[after - 1])) {
        /* "sharing of your IP address with ... may be a sale" states it; "sharing of your
         * address is not permitted" does not, and the negation is not the action's */
        for (size_t k = i; k < hi; k++)
            if (pc_stance_is_negation(&b->ws->v[k]) || PC_WORD_EQ(&b->ws->v[k], "prohibited"))
                return 1;
        i = fr_skip_det(c, i + 1, hi);
    }
    long h; /* "record or store your camera sessions": past the coordinated verbs */
    while (i < hi && (h = pc_fr_hit_at(c, i)) >= 0 && c->hits[h].dim == PC_ONTO_ACTION &&
           c->hits[h].first == i)
        i = fr_skip_det(c, i + c->hits[h].nwords, hi);
    /* "sell or license your data", "sell or otherwise profit from your data": a coordinated
     * verb the ontology does not know */
    if (i > after && i + 1 < hi && fr_coordinated(b, i, after)) {
        size_t j = i + 1 + (i + 2 < hi && FR_IN(&b->ws->v[i + 1], fr_verb_particles));
        if (FR_IN(&b->ws->v[j], fr_determiners) || fr_hit_starts(c, j))
            i = fr_skip_det(c, j, hi);
    }
    if (i < hi && i == after && pc_fr_wh_object(c, i)) /* "track where you go" */
        return !fr_hit_starts(c, i);
    if (i >= hi || b->ws->v[i].comma_before || FR_IN(&b->ws->v[i], fr_no_object))
        return 0;
    return !fr_hit_starts(c, i);
}

static int fr_push_term(fr_builder *b, const pc_onto_hit *h, size_t base)
{
    pc_frames *fs = b->fs;
    if (pc_grow(&fs->terms, &fs->cap_terms, fs->nterms + 1, sizeof *fs->terms) < 0)
        return -1;
    const pc_word *w0 = &b->ws->v[h->first], *w1 = &b->ws->v[h->first + h->nwords - 1];
    fs->terms[fs->nterms++] = (pc_frame_term){
        h->dim, h->entry, pc_span_narrow((pc_span){w0->start + base, w1->end + base})};
    return 0;
}

static const char *const fr_source_words[] = {"from"};
static const char *const fr_place_words[] = {"on", "at", "across", "through", "via", "within"};

/* Whether word i follows a word of table[0..n), directly or after determiners ("from our
 * partners"). */
static int fr_after_word(const fr_builder *b, size_t i, const char *const *table, size_t n)
{
    for (size_t k = 1; k <= 3 && k <= i; k++) {
        const pc_word *w = &b->ws->v[i - k];
        if (pc_word_is(w, table, n))
            return 1;
        if (!FR_IN(w, fr_determiners))
            return 0;
    }
    return 0;
}

/* Whether hit x is a head of a subject coordinating the company with others, between its "we"
 * and the head the actor was read from ("we, our couriers, or partners with whom we work may
 * sell": the couriers act with the company, they receive nothing). */
static int fr_in_subject(const fr_builder *b, const pc_frame *f, const pc_onto_hit *x,
                         long actor_hit)
{
    if (x->dim != PC_ONTO_RECIPIENT || f->actor != PC_ACTOR_WE || actor_hit < 0 ||
        x->first >= b->hits[actor_hit].first)
        return 0;
    for (size_t j = x->first; j > 0 && !b->ws->v[j].stop_before; j--)
        if (PC_WORD_EQ(&b->ws->v[j - 1], "we"))
            return 1;
    return 0;
}

/* The data, recipient and purpose terms of the part [lo, hi) into frame f (not the actor's
 * own term, not a source after "from"), and the flags they give. */
static int fr_terms(fr_builder *b, const fr_clause *c, pc_frame *f, size_t lo, size_t hi,
                    long actor_hit, size_t base)
{
    const pc_ontology *o = b->fs->onto;
    int not_personal = 0, specific = 0, object_seen = 0, object_qualified = 0, all_qualified = 1;
    size_t ndata = 0, a = (size_t)f->span.start; /* the action's word (see fr_action) */
    f->term_first = b->fs->nterms;
    for (size_t h = 0; h < b->nhits; h++) {
        const pc_onto_hit *x = &b->hits[h];
        if (x->first < lo || x->first >= hi || x->dim == PC_ONTO_ACTION || (long)h == actor_hit ||
            fr_in_subject(b, f, x, actor_hit))
            continue;
        if (x->dim == PC_ONTO_RECIPIENT && fr_after_word(b, x->first, fr_source_words, 1)) {
            f->flags |= PC_FRAME_SOURCE;
            continue;
        }
        if (x->dim == PC_ONTO_RECIPIENT &&
            fr_after_word(b, x->first, fr_place_words,
                          sizeof fr_place_words / sizeof fr_place_words[0]))
            continue; /* "advertise on third-party websites": a place, not a recipient */
        const pc_onto_entry *e = &o->e[x->dim][x->entry];
        if (x->dim == PC_ONTO_DATA && e->not_personal)
            not_personal = 1;
        else if (x->dim == PC_ONTO_DATA && e->nparents > 0)
            specific = 1;
        if (x->dim == PC_ONTO_DATA && !e->not_personal) {
            int q = fr_qualified(c, x, lo, hi);
            if (x->first >= a && !object_seen)
                object_qualified = q;
            object_seen |= x->first >= a;
            all_qualified &= q;
            ndata++;
        }
        if (x->dim == PC_ONTO_RECIPIENT && fr_qualified(c, x, lo, hi))
            f->flags |= PC_FRAME_RECIPIENT_UNKNOWN;
        if (x->dim == PC_ONTO_DATA && e->anaphoric)
            f->flags |= PC_FRAME_OBJECT_UNKNOWN;
        if (fr_push_term(b, x, base) < 0)
            return -1;
    }
    f->nterms = b->fs->nterms - f->term_first;
    /* "aggregated information" is not personal; "aggregated data or your location" is */
    if (not_personal && !specific)
        f->flags |= PC_FRAME_NOT_PERSONAL;
    /* the data the action is about is narrowed: its object, or every data type it names */
    if (object_qualified || (ndata && all_qualified))
        f->flags |= PC_FRAME_DATA_QUALIFIED;
    return 0;
}

/* ---- one action ----------------------------------------------------------------------- */

/* Whether the clause already has a frame of this action, actor and modality in the same part
 * (span.start holds the word index until the clause is done). */
static int fr_seen(const fr_builder *b, size_t first, const pc_frame *f, unsigned short part)
{
    for (size_t i = first; i < b->fs->n; i++) {
        const pc_frame *g = &b->fs->v[i];
        if (g->action == f->action && g->actor == f->actor && g->modality == f->modality &&
            b->part[g->span.start] == part &&
            (!(g->flags & PC_FRAME_BY_OTHERS) || (f->flags & PC_FRAME_BY_OTHERS)))
            return 1;
    }
    return 0;
}

/* Whether "to us", "with you"... follows the action closely. */
static int fr_toward_the_parties(const fr_builder *b, size_t after, size_t hi)
{
    for (size_t i = after; i < hi && i < after + 4; i++)
        for (size_t t = 0; t < sizeof fr_toward_us / sizeof fr_toward_us[0]; t++)
            if (b->ws->v[i].w[0] == fr_toward_us[t][0] && /* the first byte, before the call */
                pc_words_match_at(b->ws, i, fr_toward_us[t]))
                return 1;
    return 0;
}


/* Where the terms of the action ending before word `after` stop: at a relative clause about
 * a thing that is not data, whose own action states what that thing does ("we use third-party
 * libraries that use cookies": the cookies are the libraries', not ours), else hi. */
static size_t fr_own_terms_end(const fr_builder *b, const fr_clause *c, size_t after, size_t hi)
{
    for (size_t i = after + 1; i + 1 < hi; i++) {
        if (!FR_IN(&b->ws->v[i], fr_relative_openers) || b->ws->v[i].comma_before)
            continue;
        long before = pc_fr_hit_at(c, i - 1);
        if (before >= 0 && c->hits[before].dim == PC_ONTO_DATA)
            continue; /* "information that identifies you" is still the object */
        size_t j = i + 1;
        while (j < hi && j < i + 3 && FR_IN(&b->ws->v[j], fr_determiners))
            j++;
        long h = j < hi ? pc_fr_hit_at(c, j) : -1;
        if (h >= 0 && c->hits[h].dim == PC_ONTO_ACTION && c->hits[h].first == j)
            return i;
    }
    return hi;
}

/* A third party's action done through the company's service is also the company's own
 * (the ontology's through_us: "partners collect data through our app", "we and our partners
 * collect data through our app" are us sharing it with them): a frame of that action by the
 * company, with the third party as its recipient when the ontology knows it ("they" names
 * none). f is the frame just added; the company's own
 * statement of it in the same part, before or after, is kept over this one (fr_seen). */
static int fr_through_us(fr_builder *b, const fr_clause *c, const pc_frame *f, long actor_hit,
                         size_t hi, size_t first, size_t base)
{
    pc_frames *fs = b->fs;
    int to = fs->onto->e[PC_ONTO_ACTION][f->action].through_us;
    /* a subject coordinating the company with another party (actor_hit) states both */
    int others = f->actor == PC_ACTOR_THIRD_PARTY || (f->actor == PC_ACTOR_WE && actor_hit >= 0);
    if (to < 0 || !others || f->modality == PC_MOD_DOES_NOT ||
        f->modality == PC_MOD_NOT_UNLESS || !pc_fr_by_our_leave(c, (size_t)f->span.start, hi))
        return 0;
    pc_frame g = *f;
    g.actor = PC_ACTOR_WE;
    g.action = to;
    g.flags |= PC_FRAME_BY_OTHERS;
    if (fr_seen(b, first, &g, b->part[f->span.start]))
        return 0;
    g.term_first = fs->nterms;
    for (size_t t = 0; t < f->nterms; t++) {
        if (pc_grow(&fs->terms, &fs->cap_terms, fs->nterms + 1, sizeof *fs->terms) < 0)
            return -1;
        fs->terms[fs->nterms++] = fs->terms[f->term_first + t];
    }
    if (actor_hit >= 0 && fr_push_term(b, &b->hits[actor_hit], base) < 0)
        return -1;
    g.nterms = fs->nterms - g.term_first;
    if (pc_grow(&fs->v, &fs->cap, fs->n + 1, sizeof *fs->v) < 0)
        return -1;
    fs->v[fs->n++] = g;
    return 0;
}

/* The conditions and flags of the part [lo, hi) into b->cue_*, read once for all the actions
 * of a part. */
static void fr_part_cues(fr_builder *b, const fr_clause *c, size_t lo, size_t hi)
{
    if (b->cue_lo == lo && b->cue_hi == hi)
        return;
    b->cue_lo = lo;
    b->cue_hi = hi;
    b->cue_conds = pc_fr_conditions(c, lo, hi);
    b->cue_flags = pc_fr_part_flags(c, lo, hi);
}

/* The frame of the action hit h in the part [lo, hi), appended unless it repeats one. */
static int fr_action(fr_builder *b, const fr_clause *c, size_t h, size_t lo, size_t hi, size_t k,
                     size_t first, size_t base)
{
    const pc_onto_hit *x = &b->hits[h];
    size_t a = x->first, after = a + x->nwords;
    if (fr_toward_the_parties(b, after, hi))
        return 0;
    long actor_hit;
    pc_frame f = {.clause = k, .action = x->entry};
    int implicit;
    f.actor = pc_fr_actor(c, a, &actor_hit, &f.name, &implicit);
    if (implicit && !c->has_lead)
        f.flags |= PC_FRAME_NO_SUBJECT;
    if (f.actor == PC_ACTOR_USER && FR_IN(&b->ws->v[a], fr_receive))
        f.actor = PC_ACTOR_WE;
    fr_part_cues(b, c, lo, hi);
    f.conditions = b->cue_conds;
    f.flags |= b->cue_flags;
    f.modality = pc_fr_modality(c, a, pc_fr_instrument(c, a), lo, &f.conditions, &f.flags);
    f.span = (pc_span32){(uint32_t)a, (uint32_t)a}; /* a word index until fr_clause_frames */
    if (fr_seen(b, first, &f, b->part[a]))
        return 0;
    size_t own = fr_own_terms_end(b, c, after, hi);
    if (fr_terms(b, c, &f, lo, own, actor_hit, base) < 0)
        return -1;
    f.flags |= fr_unknown_scopes(c, b, after, own);
    /* a passive's object is its subject: "your text is not stored" names no known data */
    int names_data = pc_frame_names(b->fs, &f, PC_ONTO_DATA);
    if (fr_object_unknown(c, b, after, own) || pc_fr_relative(c, a) ||
        pc_fr_zero_relative(c, a, names_data) || (pc_fr_passive(c, a) && !names_data))
        f.flags |= PC_FRAME_OBJECT_UNKNOWN;
    pc_frames *fs = b->fs;
    if (pc_grow(&fs->v, &fs->cap, fs->n + 1, sizeof *fs->v) < 0)
        return -1;
    fs->v[fs->n++] = f;
    return fr_through_us(b, c, &f, actor_hit, hi, first, base);
}

/* A list item that names no action states its lead-in's ("We share it with: - advertisers"):
 * each frame of the lead-in is copied to item k, with the data, recipients and purposes the
 * item names in place of the lead-in's of the same kind. */
static int fr_inherit(fr_builder *b, const fr_clause *c, size_t k, size_t lead, size_t base)
{
    pc_frames *fs = b->fs;
    unsigned named = 0, scoped = PC_FRAME_RECIPIENT_UNKNOWN | PC_FRAME_PURPOSE_UNKNOWN |
                                 PC_FRAME_OBJECT_UNKNOWN | PC_FRAME_DATA_QUALIFIED |
                                 PC_FRAME_NOT_PERSONAL | PC_FRAME_LEAD_IN;
    for (size_t h = 0; h < b->nhits; h++)
        named |= 1u << b->hits[h].dim;
    if (!(named & ((1u << PC_ONTO_DATA) | (1u << PC_ONTO_RECIPIENT) | (1u << PC_ONTO_PURPOSE))))
        return 0;
    for (size_t i = fs->first[lead]; i < fs->first[lead + 1]; i++) {
        pc_frame f = fs->v[i];
        f.clause = k;
        f.flags = 0;
        f.span.start = 0; /* the item's first word stands for the action (fr_terms) */
        if (fr_terms(b, c, &f, 0, b->ws->n, -1, base) < 0)
            return -1;
        if (fr_object_unknown(c, b, 0, b->ws->n)) /* "Pictures from your camera" */
            f.flags |= PC_FRAME_OBJECT_UNKNOWN;
        else if (!(named & (1u << PC_ONTO_DATA)))
            f.flags |= fs->v[i].flags & PC_FRAME_OBJECT_UNKNOWN;
        f.flags |= (fs->v[i].flags & ~scoped) | PC_FRAME_INHERITED;
        for (size_t t = 0; t < fs->v[i].nterms; t++) {
            pc_frame_term term = fs->terms[fs->v[i].term_first + t];
            if ((named >> term.dim) & 1)
                continue;
            if (pc_grow(&fs->terms, &fs->cap_terms, fs->nterms + 1, sizeof *fs->terms) < 0)
                return -1;
            fs->terms[fs->nterms++] = term;
        }
        f.nterms = fs->nterms - f.term_first;
        f.span = fs->v[i].span;
        if (pc_grow(&fs->v, &fs->cap, fs->n + 1, sizeof *fs->v) < 0)
            return -1;
        fs->v[fs->n++] = f;
    }
    return 0;
}

/* Why list item k's lead-in states no practice, when that carries to an item without a
 * subject of its own: a right ("you may ask us to stop: - selling your data"), a
 * hypothetical, a question or a definition. */
static pc_frame_skip fr_lead_skip(const fr_builder *b, long lead, size_t k)
{
    const pc_frames *fs = b->fs;
    if (lead < 0 || (size_t)lead >= k || fs->first[lead] != fs->first[lead + 1])
        return PC_SKIP_NONE;
    pc_frame_skip s = fs->skip[lead] ? (pc_frame_skip)fs->skip[lead] : b->cached_skip;
    return s == PC_SKIP_RIGHT || s == PC_SKIP_HYPOTHETICAL || s == PC_SKIP_QUESTION ||
                   s == PC_SKIP_DEFINITION
               ? s
               : PC_SKIP_NONE;
}

/* Whether the action hit h names no subject of its own (it would take its lead-in's). */
static int fr_subjectless(const fr_clause *c, size_t h)
{
    long hit;
    unsigned long long name;
    int implicit;
    pc_fr_actor(c, c->hits[h].first, &hit, &name, &implicit);
    return implicit;
}

/* The frames of clause k, text s[0..len) at offset base in the document; lead is a list item's
 * lead-in clause, or -1. */
static int fr_clause_frames(fr_builder *b, const char *s, size_t len, size_t base, size_t k,
                            long lead)
{
    pc_frames *fs = b->fs;
    size_t first = fs->n;
    pc_frame_skip skip = fr_clause_skip(s, len), why = PC_SKIP_NONE;
    /* a question or a title, and a clause naming no action that inherits no frame, builds none
     * (fr_inherit: a lead-in without frames gives none) */
    int inherits = lead >= 0 && (size_t)lead < k && fs->first[lead] != fs->first[lead + 1];
    if (skip != PC_SKIP_NONE || (!inherits && !pc_onto_may_act(fs->onto, s, len))) {
        fs->skip[k] = (unsigned char)skip;
        return 0;
    }
    pc_words_split(s, len, b->ws);
    uint64_t tags;
    pc_fr_words_mark(b->ws, &tags); /* -1: the words stay untagged, every table is searched */
    b->cue_lo = 1;
    b->cue_hi = 0;
    if (fr_find_terms(fs->onto, b->ws, &b->hits, &b->nhits, &b->cap_hits) < 0)
        return -1;
    int acts = 0;
    for (size_t h = 0; h < b->nhits; h++)
        acts |= b->hits[h].dim == PC_ONTO_ACTION;
    if (acts) { /* the parts and cues are read for the actions only */
        fr_parts(b);
        memset(b->instrument, 0, b->ws->n * sizeof *b->instrument);
        fr_hit_map(b);
    }
    fr_clause c = {s, len, b->ws, b->hits, b->nhits, b->lead_actor, b->lead_name, lead >= 0,
                   fr_lead_skip(b, lead, k),
                   acts ? b->instrument : NULL, tags, acts ? b->hit_of : NULL};
    for (size_t h = 0; acts && h < b->nhits; h++) {
        if (b->hits[h].dim != PC_ONTO_ACTION)
            continue;
        size_t lo, hi;
        fr_part_range(b, s, b->hits[h].first, &lo, &hi);
        pc_frame_skip r = pc_fr_not_practice(&c, b->hits[h].first, lo, hi);
        if (r == PC_SKIP_NONE && c.lead_skip != PC_SKIP_NONE && fr_subjectless(&c, h))
            r = c.lead_skip;
        if (r != PC_SKIP_NONE && why == PC_SKIP_NONE)
            why = r;
        if (r == PC_SKIP_NONE && fr_action(b, &c, h, lo, hi, k, first, base) < 0)
            return -1;
    }
    for (size_t i = first; i < fs->n; i++) { /* word index -> the action's bytes */
        const pc_word *w = &b->ws->v[fs->v[i].span.start];
        fs->v[i].span = pc_span_narrow((pc_span){w->start + base, w->end + base});
    }
    size_t e = len;
    while (e > 0 && (s[e - 1] == ' ' || s[e - 1] == '\n'))
        e--;
    for (size_t i = first; e > 0 && s[e - 1] == ':' && i < fs->n; i++)
        fs->v[i].flags |= PC_FRAME_LEAD_IN;
    if (!acts && inherits && fr_inherit(b, &c, k, (size_t)lead, base) < 0)
        return -1;
    fs->skip[k] = (unsigned char)(fs->n == first ? why : 0);
    return 0;
}

/* ---- building ------------------------------------------------------------------------- */

static pc_frames *fr_new(const pc_ontology *onto, const pc_outline *ol, size_t nclauses)
{
    pc_frames *fs = calloc(1, sizeof *fs);
    if (!fs)
        return NULL;
    fs->onto = onto;
    fs->outline = ol;
    fs->first = calloc(nclauses + 1, sizeof *fs->first);
    fs->skip = calloc(nclauses + 1, 1);
    if (!fs->first || !fs->skip) {
        pc_frames_free(fs);
        return NULL;
    }
    return fs;
}

/* The subject of clause k's lead-in (for a list item) into b->lead_actor; the last lead-in's is
 * kept for the items that follow it. */
static int fr_lead(fr_builder *b, const pc_outline *ol, size_t k)
{
    const pc_clause *cl = &ol->clauses[k];
    b->lead_actor = PC_ACTOR_WE;
    b->lead_name = 0;
    if (cl->kind != PC_CLAUSE_ITEM || cl->lead < 0 || (size_t)cl->lead >= ol->nclauses)
        return 0;
    if (b->lead != cl->lead) {
        const pc_clause *l = &ol->clauses[cl->lead];
        const char *s = ol->doc->text + l->start;
        pc_words_split(s, l->end - l->start, b->lws);
        uint64_t tags;
        pc_fr_words_mark(b->lws, &tags);
        if (fr_find_terms(b->fs->onto, b->lws, &b->lhits, &b->nlhits, &b->cap_lhits) < 0)
            return -1;
        fr_clause c = {s, l->end - l->start, b->lws, b->lhits, b->nlhits, PC_ACTOR_WE, 0, 0,
                       PC_SKIP_NONE, NULL, tags, NULL};
        b->lead = cl->lead;
        b->cached_actor = pc_fr_subject(&c, &b->cached_name);
        b->cached_skip = pc_fr_lead_in_skip(&c);
    }
    b->lead_actor = b->cached_actor;
    b->lead_name = b->cached_name;
    return 0;
}

/* The frames of the outline's clauses, or of one text taken as one clause. */
static pc_frames *fr_build(const pc_ontology *onto, const pc_outline *ol, const char *text,
                           size_t len, pc_error *err)
{
    size_t n = ol ? ol->nclauses : 1;
    fr_builder b = {.lead = -1, .lead_actor = PC_ACTOR_WE};
    b.fs = fr_new(onto, ol, n);
    b.ws = malloc(sizeof *b.ws);
    b.lws = malloc(sizeof *b.lws);
    int rc = b.fs && b.ws && b.lws ? 0 : -1;
    for (size_t k = 0; rc == 0 && onto && k < n; k++) {
        b.fs->first[k] = (uint32_t)b.fs->n;
        const pc_clause *cl = ol ? &ol->clauses[k] : NULL;
        if (cl)
            rc = fr_lead(&b, ol, k);
        if (rc == 0)
            rc = cl ? fr_clause_frames(&b, ol->doc->text + cl->start, cl->end - cl->start,
                                       cl->start, k, cl->kind == PC_CLAUSE_ITEM ? cl->lead : -1)
                    : fr_clause_frames(&b, text, len, 0, k, -1);
        if (rc == 0 &&
            (b.fs->n >= UINT32_MAX || b.fs->nterms >= UINT32_MAX || len >= PC_TEXT_MAX))
            rc = -1; /* past pc_frame's 32-bit indexes and offsets: refused as out of memory */
    }
    if (rc == 0) {
        b.fs->first[n] = (uint32_t)b.fs->n;
        rc = pc_fr_own_name(b.fs);
    }
    if (rc == 0)
        rc = pc_fr_resolve_references(b.fs);
    free(b.ws);
    free(b.lws);
    free(b.hits);
    free(b.lhits);
    if (rc < 0) {
        pc_error_set(err, "out of memory while reading statement frames");
        pc_frames_free(b.fs);
        return NULL;
    }
    return b.fs;
}

pc_frames *pc_frames_build(const pc_ontology *onto, const pc_outline *outline, pc_error *err)
{
    return fr_build(onto, outline, NULL, 0, err);
}

pc_frames *pc_frames_of_text(const pc_ontology *onto, const char *text, size_t len, pc_error *err)
{
    return fr_build(onto, NULL, text, len, err);
}

void pc_frames_free(pc_frames *f)
{
    if (!f)
        return;
    free(f->v);
    free(f->terms);
    free(f->first);
    free(f->skip);
    free(f);
}

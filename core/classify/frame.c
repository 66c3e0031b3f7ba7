/* frame.c: building statement frames clause by clause (frame.h): the words, the ontology
 * terms, the parts of each sentence, and for each action its frame with the terms of its part
 * and what else narrows it. The cues (actor, not a practice, conditions, modality) are in
 * frame_cues.c. */
#include "classify/frame_internal.h"

#include <stdlib.h>
#include <string.h>

#define FR_IN(w, table) PC_WORD_IN((w), (table))

/* Words that start a new part of a sentence: what follows is a statement of its own. */
static const char *const fr_boundaries[] = {"but",    "however", "although",
                                            "though", "whereas", "yet"};
/* Words between a verb or a preposition and the noun that follows. */
static const char *const fr_determiners[] = {
    "your",          "our",  "the",   "any",   "all",     "such", "this",      "these",
    "those",         "a",    "an",    "their", "its",     "his",  "her",       "my",
    "certain",       "some", "other", "more",  "limited", "also", "ever",      "directly",
    "automatically", "only", "not",   "never", "or",      "and",  "otherwise", "own"};
/* What may follow a verb without an object: it then concerns everything ("we never sell to
 * anyone"). "you": the person addressed ("we will not contact you"). */
static const char *const fr_no_object[] = {
    "to",     "with",    "for",    "from",    "in",      "on",      "about", "without",
    "unless", "except",  "by",     "through", "via",     "at",      "as",    "under",
    "you",    "us",      "if",     "when",    "where",   "because", "so",    "that",
    "which",  "whether", "anyone", "anybody", "outside", "within",  "beyond"};
/* Words that may stand before a data type without narrowing it. */
static const char *const fr_plain_before[] = {
    "of",        "about",     "from",   "to",      "with",     "for",       "in",      "on",
    "and",       "or",        "nor",    "no",      "not",      "never",     "any",     "all",
    "your",      "our",       "the",    "such",    "this",     "these",     "those",   "their",
    "its",       "his",       "her",    "a",       "an",       "certain",   "some",    "other",
    "more",      "including", "e",      "g",       "i",        "like",      "as",      "collect",
    "including", "both",      "either", "neither", "personal", "sensitive", "limited", "also"};
/* Verbs of receiving: "you will receive our newsletter" is the company sending it. */
static const char *const fr_receive[] = {"receive", "receives", "get", "gets"};
/* After an action, these make it no practice of the company toward others: "provided to us",
 * "disclosed to you" (that is collecting, or informing). */
static const char *const fr_toward_us[] = {"to us", "with us", "to you", "with you"};

/* fr_builder: one build in progress. Owns ws, hits and part; fills fs. */
typedef struct fr_builder {
    pc_frames *fs;
    pc_words *ws;
    pc_onto_hit *hits;
    size_t nhits, cap_hits;
    unsigned short part[PC_WORDS_MAX];
} fr_builder;

/* ---- names ---------------------------------------------------------------------------- */

static const char *const fr_actor_names[] = {"we", "third party", "user"};
static const char *const fr_mod_names[] = {"does", "may", "does-not", "not-unless"};
static const char *const fr_cond_names[PC_COND_COUNT] = {
    "consent",           "request",   "opt-out",   "law",
    "business-transfer", "exception", "automatic", "circumstance"};
static const char *const fr_skip_names[] = {
    "", "question", "title", "right", "hypothetical", "definition", "overview", "protection"};
static const char *const fr_flag_names[PC_FRAME_FLAGS] = {
    "not-personal",   "object-unknown",    "softened",       "exclusive",
    "data-qualified", "recipient-unknown", "purpose-unknown"};

const char *pc_actor_name(pc_actor a)
{
    return (unsigned)a < 3 ? fr_actor_names[a] : "?";
}

const char *pc_modality_name(pc_modality m)
{
    return (unsigned)m < 4 ? fr_mod_names[m] : "?";
}

static const char *fr_bit_name(unsigned bit, const char *const *names, int n)
{
    for (int i = 0; i < n; i++)
        if (bit == 1u << i)
            return names[i];
    return "?";
}

const char *pc_condition_name(unsigned bit)
{
    return fr_bit_name(bit, fr_cond_names, PC_COND_COUNT);
}

const char *pc_frame_flag_name(unsigned bit)
{
    return fr_bit_name(bit, fr_flag_names, PC_FRAME_FLAGS);
}

const char *pc_frame_skip_name(pc_frame_skip s)
{
    return (unsigned)s < sizeof fr_skip_names / sizeof fr_skip_names[0] ? fr_skip_names[s] : "?";
}

int pc_frame_names(const pc_frames *fs, const pc_frame *f, pc_onto_dim d)
{
    for (size_t i = 0; i < f->nterms; i++)
        if (fs->terms[f->term_first + i].dim == d)
            return 1;
    return 0;
}

int pc_frame_has_under(const pc_frames *fs, const pc_frame *f, pc_onto_dim d, int e)
{
    for (size_t i = 0; i < f->nterms; i++) {
        const pc_frame_term *t = &fs->terms[f->term_first + i];
        if (t->dim == d && pc_onto_under(fs->onto, d, t->entry, e))
            return 1;
    }
    return 0;
}

/* ---- the words of a clause ------------------------------------------------------------ */

/* A question, or a title standing alone (no final stop, short, mostly capitalized words). */
static pc_frame_skip fr_clause_skip(const char *s, size_t len, const pc_words *ws)
{
    while (len > 0 &&
           (s[len - 1] == ' ' || s[len - 1] == '\n' || s[len - 1] == '"' || s[len - 1] == ')'))
        len--;
    if (len > 0 && s[len - 1] == '?')
        return PC_SKIP_QUESTION;
    if (len == 0 || strchr(".;:!", s[len - 1]) || ws->n > 12 || ws->n < 2)
        return PC_SKIP_NONE;
    size_t caps = 0;
    for (size_t i = 0; i < ws->n; i++) {
        unsigned char ch = (unsigned char)s[ws->v[i].start];
        caps += ch >= 'A' && ch <= 'Z';
    }
    return 10 * caps >= 6 * ws->n ? PC_SKIP_TITLE : PC_SKIP_NONE;
}

/* The ontology terms of the words, longest first, not overlapping. */
static int fr_find_terms(fr_builder *b)
{
    b->nhits = 0;
    for (size_t i = 0; i < b->ws->n;) {
        pc_onto_hit h;
        if (!pc_onto_match(b->fs->onto, b->ws, i, &h)) {
            i++;
            continue;
        }
        if (pc_grow(&b->hits, &b->cap_hits, b->nhits + 1, sizeof *b->hits) < 0)
            return -1;
        b->hits[b->nhits++] = h;
        i += h.nwords;
    }
    return 0;
}

/* Number the parts of the sentence: a stop or a boundary word starts a new one. */
static void fr_parts(fr_builder *b)
{
    unsigned short p = 0;
    for (size_t i = 0; i < b->ws->n; i++) {
        if (i > 0 && (b->ws->v[i].stop_before || FR_IN(b->ws->v[i].w, fr_boundaries)))
            p++;
        b->part[i] = p;
    }
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
    while (i < hi && FR_IN(c->ws->v[i].w, fr_determiners) && !fr_hit_starts(c, i))
        i++;
    return i;
}

/* ---- what narrows a frame ------------------------------------------------------------- */

/* Whether a data term (starting at word i) is narrowed by the word before it. */
static int fr_qualified(const fr_clause *c, size_t i, size_t lo)
{
    if (i == lo || i == 0 || c->ws->v[i].comma_before || c->ws->v[i].stop_before)
        return 0;
    const char *w = c->ws->v[i - 1].w;
    return !FR_IN(w, fr_plain_before) && pc_fr_hit_at(c, i - 1) < 0 &&
           !(w[0] >= '0' && w[0] <= '9');
}

/* Scopes after the action (from word `after` in [.., hi)) that the ontology does not know:
 * "with such data centers", "to identify you", "for the purposes of profiling". */
static unsigned fr_unknown_scopes(const fr_clause *c, const fr_builder *b, size_t after, size_t hi)
{
    unsigned flags = 0;
    for (size_t i = after; i < hi; i++) {
        const char *w = b->ws->v[i].w;
        int to = !strcmp(w, "to"), with = !strcmp(w, "with"), fr = !strcmp(w, "for");
        if (!to && !with && !fr)
            continue;
        size_t j = fr_skip_det(c, i + 1, hi);
        if (j >= hi || fr_hit_starts(c, j) || FR_IN(b->ws->v[j].w, fr_no_object))
            continue;
        if (!strcmp(b->ws->v[j].w, "purpose") || !strcmp(b->ws->v[j].w, "purposes"))
            continue; /* "for purposes such as advertising": the next word decides */
        if (fr)
            flags |= PC_FRAME_PURPOSE_UNKNOWN;
        else if (to && j == i + 1)
            flags |= PC_FRAME_PURPOSE_UNKNOWN; /* "to identify you" */
        else
            flags |= PC_FRAME_RECIPIENT_UNKNOWN;
    }
    return flags;
}

/* Whether the action (its term ends before word `after`) has an object the ontology does not
 * know: a pronoun ("we do not sell it") or another thing ("we do not use these widgets").
 * Asked only when the part names no data. */
static int fr_object_unknown(const fr_clause *c, const fr_builder *b, size_t after, size_t hi)
{
    size_t i = fr_skip_det(c, after, hi);
    if (i >= hi || b->ws->v[i].comma_before || FR_IN(b->ws->v[i].w, fr_no_object))
        return 0;
    return !fr_hit_starts(c, i);
}

static int fr_push_term(fr_builder *b, const pc_onto_hit *h, size_t base)
{
    pc_frames *fs = b->fs;
    if (pc_grow(&fs->terms, &fs->cap_terms, fs->nterms + 1, sizeof *fs->terms) < 0)
        return -1;
    const pc_word *w0 = &b->ws->v[h->first], *w1 = &b->ws->v[h->first + h->nwords - 1];
    fs->terms[fs->nterms++] = (pc_frame_term){h->dim, h->entry, {w0->start + base, w1->end + base}};
    return 0;
}

/* The data, recipient and purpose terms of the part [lo, hi) into frame f (not the actor's
 * own term, not a source after "from"), and the flags they give. */
static int fr_terms(fr_builder *b, const fr_clause *c, pc_frame *f, size_t lo, size_t hi,
                    long actor_hit, size_t base)
{
    const pc_ontology *o = b->fs->onto;
    int not_personal = 0, specific = 0;
    f->term_first = b->fs->nterms;
    for (size_t h = 0; h < b->nhits; h++) {
        const pc_onto_hit *x = &b->hits[h];
        if (x->first < lo || x->first >= hi || x->dim == PC_ONTO_ACTION || (long)h == actor_hit)
            continue;
        if (x->dim == PC_ONTO_RECIPIENT && x->first > 0 &&
            (!strcmp(b->ws->v[x->first - 1].w, "from") ||
             (x->first > 1 && !strcmp(b->ws->v[x->first - 2].w, "from"))))
            continue;
        const pc_onto_entry *e = &o->e[x->dim][x->entry];
        if (x->dim == PC_ONTO_DATA && e->not_personal)
            not_personal = 1;
        else if (x->dim == PC_ONTO_DATA && e->nparents > 0)
            specific = 1;
        if (x->dim == PC_ONTO_DATA && !e->not_personal && fr_qualified(c, x->first, lo))
            f->flags |= PC_FRAME_DATA_QUALIFIED;
        if (fr_push_term(b, x, base) < 0)
            return -1;
    }
    f->nterms = b->fs->nterms - f->term_first;
    /* "aggregated information" is not personal; "aggregated data or your location" is */
    if (not_personal && !specific)
        f->flags |= PC_FRAME_NOT_PERSONAL;
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
            b->part[g->span.start] == part)
            return 1;
    }
    return 0;
}

/* Whether "to us", "with you"... follows the action closely. */
static int fr_toward_the_parties(const fr_builder *b, size_t after, size_t hi)
{
    for (size_t i = after; i < hi && i < after + 4; i++)
        for (size_t t = 0; t < sizeof fr_toward_us / sizeof fr_toward_us[0]; t++)
            if (pc_words_match_at(b->ws, i, fr_toward_us[t]))
                return 1;
    return 0;
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
    f.actor = pc_fr_actor(c, a, &actor_hit);
    if (f.actor == PC_ACTOR_USER && FR_IN(b->ws->v[a].w, fr_receive))
        f.actor = PC_ACTOR_WE;
    f.conditions = pc_fr_conditions(c, lo, hi);
    f.modality = pc_fr_modality(c, a, lo, hi, &f.conditions, &f.flags);
    f.span = (pc_span){a, a};
    if (fr_seen(b, first, &f, b->part[a]))
        return 0;
    if (fr_terms(b, c, &f, lo, hi, actor_hit, base) < 0)
        return -1;
    f.flags |= fr_unknown_scopes(c, b, after, hi);
    if (!pc_frame_names(b->fs, &f, PC_ONTO_DATA) && fr_object_unknown(c, b, after, hi))
        f.flags |= PC_FRAME_OBJECT_UNKNOWN;
    pc_frames *fs = b->fs;
    if (pc_grow(&fs->v, &fs->cap, fs->n + 1, sizeof *fs->v) < 0)
        return -1;
    fs->v[fs->n++] = f;
    return 0;
}

/* The frames of clause k, text s[0..len) at offset base in the document. */
static int fr_clause_frames(fr_builder *b, const char *s, size_t len, size_t base, size_t k)
{
    pc_frames *fs = b->fs;
    size_t first = fs->n;
    pc_words_split(s, len, b->ws);
    pc_frame_skip skip = fr_clause_skip(s, len, b->ws), why = PC_SKIP_NONE;
    if (skip == PC_SKIP_NONE && fr_find_terms(b) < 0)
        return -1;
    fr_parts(b);
    fr_clause c = {s, len, b->ws, b->hits, b->nhits};
    for (size_t h = 0; skip == PC_SKIP_NONE && h < b->nhits; h++) {
        if (b->hits[h].dim != PC_ONTO_ACTION)
            continue;
        size_t lo, hi;
        fr_part_range(b, s, b->hits[h].first, &lo, &hi);
        pc_frame_skip r = pc_fr_not_practice(&c, b->hits[h].first, lo, hi);
        if (r != PC_SKIP_NONE && why == PC_SKIP_NONE)
            why = r;
        if (r == PC_SKIP_NONE && fr_action(b, &c, h, lo, hi, k, first, base) < 0)
            return -1;
    }
    for (size_t i = first; i < fs->n; i++) { /* word index -> the action's bytes */
        const pc_word *w = &b->ws->v[fs->v[i].span.start];
        fs->v[i].span = (pc_span){w->start + base, w->end + base};
    }
    fs->skip[k] = (unsigned char)(skip != PC_SKIP_NONE ? skip : fs->n == first ? why : 0);
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

/* The frames of the outline's clauses, or of one text taken as one clause. */
static pc_frames *fr_build(const pc_ontology *onto, const pc_outline *ol, const char *text,
                           size_t len, pc_error *err)
{
    size_t n = ol ? ol->nclauses : 1;
    fr_builder b = {0};
    b.fs = fr_new(onto, ol, n);
    b.ws = malloc(sizeof *b.ws);
    int rc = b.fs && b.ws ? 0 : -1;
    for (size_t k = 0; rc == 0 && onto && k < n; k++) {
        b.fs->first[k] = b.fs->n;
        const pc_clause *cl = ol ? &ol->clauses[k] : NULL;
        rc = cl ? fr_clause_frames(&b, ol->doc->text + cl->start, cl->end - cl->start, cl->start, k)
                : fr_clause_frames(&b, text, len, 0, k);
    }
    if (rc == 0)
        b.fs->first[n] = b.fs->n;
    free(b.ws);
    free(b.hits);
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

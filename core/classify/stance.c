/* stance.c: stance polarity from cue words.
 *
 * The clause is split into lower-case words (util/words.h: letters and digits, an apostrophe
 * inside a word; "-" separates, so "opt-in" is "opt in"; a typographic apostrophe counts as
 * "'"). Then:
 * 1. negation: a NEGATION word (or a word ending in "n't") among the NEG_WINDOW words before
 *    the action, in the same part of the sentence (no ";", ":" or BOUNDARY word in between),
 *    or "no"/"nothing" right after it ("we sell no data"). A negation inside an "if"/"unless"
 *    clause that a comma separates from the action does not govern it ("if you do not opt
 *    out, we sell").
 * 2. with-consent: negated and a CONSENT_AFTER_NEGATION phrase in the clause ("without your
 *    consent"), or a CONSENT phrase ("only with your consent", "if you agree").
 * 3. conditional: a CONDITION phrase ("unless", "except", "required by law").
 * 4. otherwise does-not when negated, does when not.
 * Phrases are word sequences; "*" stands for up to PHRASE_GAP words.
 */
#include "classify/stance.h"

#include "util/words.h"

#include <string.h>

#define NEG_WINDOW 6
#define PHRASE_GAP 5
#define MAX_WORDS 1024
#define WORD_MAX 24

static const char *const negation_words[] = {
    "not", "never", "no", "neither", "nor", "cannot", "none", "nothing", "nobody", "without",
};

/* Words that start a new part of the sentence: a negation before them does not carry over. */
static const char *const boundary_words[] = {
    "but", "however", "although", "though", "whereas", "while", "yet",
};

/* Words that open a subordinate clause (see rule 1). */
static const char *const subordinators[] = {
    "if", "unless", "when", "whether", "until", "where",
};

static const char *const consent_after_negation[] = {
    "without * consent",     "without * permission", "without * authorization",
    "without * agreement",   "without * approval",   "without * opt in",
    "without * authorisation", "unless * consent",   "unless * consented",
    "unless you * agree",    "unless * opt in",      "unless * permission",
    "unless * authorize",    "unless * authorized",  "except with * consent",
};

static const char *const consent_phrases[] = {
    "only with * consent",  "only with * permission", "only if you * agree",
    "only if you * consent", "only * opt in",        "if you agree",
    "if you consent",       "if you * opt in",       "once you * opt in",
    "when you * opt in",    "with your * consent",   "with your * permission",
    "subject to your * consent", "where you * consented", "you * agree to",
    "upon your * consent",  "your * express consent", "your * prior consent",
};

static const char *const condition_phrases[] = {
    "unless", "except", "excepting", "only if", "only when", "only where", "provided that",
    "required by law", "required by * law", "if required", "where required", "when required",
    "as permitted by law", "in the event", "in response to",
};

/* One word of the clause: lower-cased copy and its byte offsets. */
typedef struct st_word {
    char w[WORD_MAX];
    size_t start, end;
    int stop_before; /* a ";", ":" or sentence end lies between the previous word and this */
    int comma_before;
} st_word;

/* st_words: the clause's words. Fixed-size storage; a clause longer than MAX_WORDS is cut. */
typedef struct st_words {
    st_word v[MAX_WORDS];
    size_t n;
} st_words;

/* Whether s[a, b) (the text between two words) holds one of chars. */
static int st_between(const char *s, size_t a, size_t b, const char *chars)
{
    for (size_t i = a; i < b; i++)
        if (strchr(chars, s[i]))
            return 1;
    return 0;
}

/* The clause's words (util/words.h), lower-cased, each with what separates it from the one
 * before. */
static void st_split(const char *s, size_t len, st_words *ws)
{
    size_t pos = 0, prev = 0;
    pc_span sp;
    ws->n = 0;
    while (ws->n < MAX_WORDS && pc_word_next(s, len, &pos, &sp)) {
        st_word *w = &ws->v[ws->n++];
        pc_word_fold(w->w, WORD_MAX, s, sp);
        w->start = sp.start;
        w->end = sp.end;
        w->stop_before = st_between(s, prev, sp.start, ";:.?!");
        w->comma_before = st_between(s, prev, sp.start, ",()");
        prev = sp.end;
    }
}

static int st_in(const char *w, const char *const *table, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!strcmp(w, table[i]))
            return 1;
    return 0;
}

#define ST_IN(w, table) st_in((w), (table), sizeof(table) / sizeof((table)[0]))

static int st_is_negation(const char *w)
{
    size_t n = strlen(w);
    return ST_IN(w, negation_words) || (n > 3 && !strcmp(w + n - 3, "n't"));
}

/* Does a subordinator open the part of the sentence that holds word k? */
static int st_in_subordinate(const st_words *ws, size_t k)
{
    for (size_t i = k + 1; i-- > 0;) {
        if (ST_IN(ws->v[i].w, subordinators))
            return 1;
        if (ws->v[i].stop_before)
            break;
    }
    return 0;
}

static int st_negated(const st_words *ws, size_t a)
{
    int comma_between = 0;
    for (size_t i = a, steps = 0; i > 0 && steps < NEG_WINDOW; steps++) {
        if (ws->v[i].stop_before)
            break;
        comma_between |= ws->v[i].comma_before;
        i--;
        if (ST_IN(ws->v[i].w, boundary_words))
            break;
        /* "without" negates only what follows it closely: "without selling" */
        if (!strcmp(ws->v[i].w, "without") && a - i > 1)
            continue;
        if (st_is_negation(ws->v[i].w))
            return !(comma_between && st_in_subordinate(ws, i));
    }
    return a + 1 < ws->n && !ws->v[a + 1].stop_before &&
           (!strcmp(ws->v[a + 1].w, "no") || !strcmp(ws->v[a + 1].w, "nothing"));
}

/* Does pattern (space-separated words, "*" a gap) match the words starting at i? */
static int st_match_at(const st_words *ws, size_t i, const char *p)
{
    while (*p == ' ')
        p++;
    if (!*p)
        return 1;
    size_t k = strcspn(p, " ");
    if (k == 1 && *p == '*') {
        for (size_t gap = 0; gap <= PHRASE_GAP && i + gap <= ws->n; gap++)
            if (st_match_at(ws, i + gap, p + 1))
                return 1;
        return 0;
    }
    if (i >= ws->n || strlen(ws->v[i].w) != k || strncmp(ws->v[i].w, p, k))
        return 0;
    return st_match_at(ws, i + 1, p + k);
}

static int st_has_phrase(const st_words *ws, const char *const *table, size_t n)
{
    for (size_t t = 0; t < n; t++)
        for (size_t i = 0; i < ws->n; i++)
            if (ws->v[i].w[0] == table[t][0] && st_match_at(ws, i, table[t]))
                return 1; /* (every phrase starts with a word, never with "*") */
    return 0;
}

#define ST_HAS(ws, table) st_has_phrase((ws), (table), sizeof(table) / sizeof((table)[0]))

const char *pc_polarity_name(pc_polarity p)
{
    switch (p) {
    case PC_POL_DOES_NOT: return "does-not";
    case PC_POL_WITH_CONSENT: return "with-consent";
    case PC_POL_CONDITIONAL: return "conditional";
    default: return "does";
    }
}

/* Clause-wide cues of pc_stance_clause. */
enum { ST_CUE_CONSENT_NEG = 1u, ST_CUE_CONSENT = 2u, ST_CUE_CONDITION = 4u };

/* The thread's current split and its generation (pc_stance_clause.gen). */
static _Thread_local st_words st_ws;
static _Thread_local unsigned long st_gen;

void pc_stance_clause_init(pc_stance_clause *c, const char *text, size_t len)
{
    *c = (pc_stance_clause){text, len, 0, 0, 0};
}

static const st_words *st_clause_words(pc_stance_clause *c)
{
    if (!c->gen || c->gen != st_gen) {
        st_split(c->text, c->len, &st_ws);
        if (++st_gen == 0)
            st_gen = 1;
        c->gen = st_gen;
    }
    return &st_ws;
}

/* Does the clause hold cue (one ST_CUE_*)? Looked up once per clause. */
static int st_cue(pc_stance_clause *c, const st_words *ws, unsigned cue)
{
    if (!(c->known & cue)) {
        int has = cue == ST_CUE_CONSENT_NEG ? ST_HAS(ws, consent_after_negation)
                  : cue == ST_CUE_CONSENT   ? ST_HAS(ws, consent_phrases)
                                            : ST_HAS(ws, condition_phrases);
        c->known |= cue;
        c->cues |= has ? cue : 0u;
    }
    return (c->cues & cue) != 0;
}

pc_polarity pc_stance_clause_polarity(pc_stance_clause *c, size_t action_start,
                                      size_t action_end)
{
    (void)action_end;
    const st_words *ws = st_clause_words(c);
    size_t a = 0;
    while (a < ws->n && ws->v[a].end <= action_start)
        a++;
    int neg = a < ws->n && st_negated(ws, a);
    if ((neg && st_cue(c, ws, ST_CUE_CONSENT_NEG)) || st_cue(c, ws, ST_CUE_CONSENT))
        return PC_POL_WITH_CONSENT;
    if (st_cue(c, ws, ST_CUE_CONDITION))
        return PC_POL_CONDITIONAL;
    return neg ? PC_POL_DOES_NOT : PC_POL_DOES;
}

pc_polarity pc_stance_polarity(const char *text, size_t len, size_t action_start,
                               size_t action_end)
{
    pc_stance_clause c;
    pc_stance_clause_init(&c, text, len);
    return pc_stance_clause_polarity(&c, action_start, action_end);
}

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
 * Phrases are word sequences; "*" stands for a few words (util/words.h).
 */
#include "classify/stance.h"
#include "util/words.h"

#include <string.h>

#define NEG_WINDOW 6

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
    "without * consent",  "without * permission", "without * authorization", "without * agreement",
    "without * approval", "without * opt in",     "without * authorisation", "unless * consent",
    "unless * consented", "unless you * agree",   "unless * opt in",         "unless * permission",
    "unless * authorize", "unless * authorized",  "except with * consent",
};

static const char *const consent_phrases[] = {
    "only with * consent",
    "only with * permission",
    "only if you * agree",
    "only if you * consent",
    "only * opt in",
    "if you agree",
    "if you consent",
    "if you * opt in",
    "once you * opt in",
    "when you * opt in",
    "with your * consent",
    "with your * permission",
    "subject to your * consent",
    "where you * consented",
    "you * agree to",
    "upon your * consent",
    "your * express consent",
    "your * prior consent",
};

static const char *const condition_phrases[] = {
    "unless",         "except",        "excepting",           "only if",           "only when",
    "only where",     "provided that", "required by law",     "required by * law", "if required",
    "where required", "when required", "as permitted by law", "in the event",      "in response to",
};

int pc_stance_is_negation(const pc_word *w)
{
    size_t n = w->len;
    return PC_WORD_IS(w, negation_words) || (n > 3 && PC_WORD_ENDS(w, "n't"));
}

int pc_stance_subordinate(const pc_words *ws, size_t k)
{
    for (size_t i = k + 1; i-- > 0;) {
        if (PC_WORD_IS(&ws->v[i], subordinators))
            return 1;
        if (ws->v[i].stop_before)
            break;
    }
    return 0;
}

long pc_stance_negation(const pc_words *ws, size_t a)
{
    int comma_between = 0;
    for (size_t i = a, steps = 0; i > 0 && steps < NEG_WINDOW; steps++) {
        if (ws->v[i].stop_before)
            break;
        comma_between |= ws->v[i].comma_before;
        i--;
        if (PC_WORD_IS(&ws->v[i], boundary_words))
            break;
        /* "without" negates only what follows it closely: "without selling" */
        if (PC_WORD_EQ(&ws->v[i], "without") && a - i > 1)
            continue;
        if (pc_stance_is_negation(&ws->v[i]))
            return comma_between && pc_stance_subordinate(ws, i) ? -1 : (long)i;
    }
    if (a + 1 < ws->n && !ws->v[a + 1].stop_before &&
        (PC_WORD_EQ(&ws->v[a + 1], "no") || PC_WORD_EQ(&ws->v[a + 1], "nothing")))
        return (long)a + 1;
    return -1;
}

int pc_stance_negated(const pc_words *ws, size_t a)
{
    return pc_stance_negation(ws, a) >= 0;
}

#define ST_HAS(ws, table) (pc_words_find((ws), (table), sizeof(table) / sizeof((table)[0]), 0) >= 0)

const char *pc_polarity_name(pc_polarity p)
{
    switch (p) {
    case PC_POL_DOES_NOT:
        return "does-not";
    case PC_POL_WITH_CONSENT:
        return "with-consent";
    case PC_POL_CONDITIONAL:
        return "conditional";
    default:
        return "does";
    }
}

/* Clause-wide cues of pc_stance_clause. */
enum { ST_CUE_CONSENT_NEG = 1u, ST_CUE_CONSENT = 2u, ST_CUE_CONDITION = 4u };

/* The thread's current split and its generation (pc_stance_clause.gen). */
static _Thread_local pc_words st_ws;
static _Thread_local unsigned long st_gen;

void pc_stance_clause_init(pc_stance_clause *c, const char *text, size_t len)
{
    *c = (pc_stance_clause){text, len, 0, 0, 0};
}

static const pc_words *st_clause_words(pc_stance_clause *c)
{
    if (!c->gen || c->gen != st_gen) {
        pc_words_split(c->text, c->len, &st_ws);
        if (++st_gen == 0)
            st_gen = 1;
        c->gen = st_gen;
    }
    return &st_ws;
}

/* Does the clause hold cue (one ST_CUE_*)? Looked up once per clause. */
static int st_cue(pc_stance_clause *c, const pc_words *ws, unsigned cue)
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

pc_polarity pc_stance_clause_polarity(pc_stance_clause *c, size_t action_start, size_t action_end)
{
    (void)action_end;
    const pc_words *ws = st_clause_words(c);
    size_t a = 0;
    while (a < ws->n && ws->v[a].end <= action_start)
        a++;
    int neg = a < ws->n && pc_stance_negated(ws, a);
    if ((neg && st_cue(c, ws, ST_CUE_CONSENT_NEG)) || st_cue(c, ws, ST_CUE_CONSENT))
        return PC_POL_WITH_CONSENT;
    if (st_cue(c, ws, ST_CUE_CONDITION))
        return PC_POL_CONDITIONAL;
    return neg ? PC_POL_DOES_NOT : PC_POL_DOES;
}

pc_polarity pc_stance_polarity(const char *text, size_t len, size_t action_start, size_t action_end)
{
    pc_stance_clause c;
    pc_stance_clause_init(&c, text, len);
    return pc_stance_clause_polarity(&c, action_start, action_end);
}

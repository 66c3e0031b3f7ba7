/* frame_modality.c: the cues of a statement's conditions and modality (frame_internal.h):
 * consent, a request, an opt-out, a legal duty, an exception or a circumstance that limits an
 * action; whether it is negated, hedged, softened, exclusive or meant in a law's sense. The
 * cue words are data tables; a phrase is a word sequence in which "*" stands for a few words
 * (util/words.h). */
#include "classify/frame_internal.h"
#include "classify/stance.h"

#include <string.h>

#define FR_MATCH(ws, i, table) pc_words_match_any((ws), (i), (table), FR_N(table))

/* ---- conditions and modality ---------------------------------------------------------- */

static const struct {
    const char *phrase;
    unsigned cond;
} fr_conditions[] = {
    {"with * consent", PC_COND_CONSENT},
    {"with * permission", PC_COND_CONSENT},
    {"with * authorization", PC_COND_CONSENT},
    {"with * authorisation", PC_COND_CONSENT},
    {"with * approval", PC_COND_CONSENT},
    {"upon * consent", PC_COND_CONSENT},
    {"without * consent", PC_COND_CONSENT},
    {"without * permission", PC_COND_CONSENT},
    {"without * authorization", PC_COND_CONSENT},
    {"your consent", PC_COND_CONSENT},
    {"your permission", PC_COND_CONSENT},
    {"your authorization", PC_COND_CONSENT},
    {"user authorization", PC_COND_CONSENT},
    {"user consent", PC_COND_CONSENT},
    {"parental consent", PC_COND_CONSENT},
    {"prior consent", PC_COND_CONSENT},
    {"express consent", PC_COND_CONSENT},
    {"explicit consent", PC_COND_CONSENT},
    {"if you agree", PC_COND_CONSENT},
    {"if you consent", PC_COND_CONSENT},
    {"where you consent", PC_COND_CONSENT},
    {"once you consent", PC_COND_CONSENT},
    {"you have consented", PC_COND_CONSENT},
    {"you expressly consent", PC_COND_CONSENT},
    {"opt in", PC_COND_CONSENT},
    {"opted in", PC_COND_CONSENT},
    {"at your request", PC_COND_REQUEST},
    {"at your direction", PC_COND_REQUEST},
    {"your instructions", PC_COND_REQUEST},
    {"you request", PC_COND_REQUEST},
    {"you ask", PC_COND_REQUEST},
    {"you choose", PC_COND_REQUEST},
    {"you direct", PC_COND_REQUEST},
    {"you instruct", PC_COND_REQUEST},
    {"you initiate", PC_COND_REQUEST},
    {"you elect", PC_COND_REQUEST},
    {"you decide", PC_COND_REQUEST},
    {"your request", PC_COND_REQUEST},
    {"your choice", PC_COND_REQUEST},
    {"direct us", PC_COND_REQUEST},
    {"tell us", PC_COND_REQUEST},
    {"opt out", PC_COND_OPT_OUT},
    {"opted out", PC_COND_OPT_OUT},
    {"unsubscribe", PC_COND_OPT_OUT},
    {"required by", PC_COND_LAW},
    {"required to", PC_COND_LAW},
    {"comply with", PC_COND_LAW},
    {"legal obligation", PC_COND_LAW},
    {"legal obligations", PC_COND_LAW},
    {"legal process", PC_COND_LAW},
    {"law enforcement", PC_COND_LAW},
    {"court order", PC_COND_LAW},
    {"subpoena", PC_COND_LAW},
    {"applicable law", PC_COND_LAW},
    {"permitted by", PC_COND_LAW},
    {"law permits", PC_COND_LAW},
    {"law allows", PC_COND_LAW},
    {"law requires", PC_COND_LAW},
    {"where permitted", PC_COND_LAW},
    {"as permitted", PC_COND_LAW},
    {"protect * rights", PC_COND_LAW},
    {"good faith", PC_COND_LAW},
    {"merger", PC_COND_TRANSFER},
    {"acquisition", PC_COND_TRANSFER},
    {"acquired", PC_COND_TRANSFER},
    {"bankruptcy", PC_COND_TRANSFER},
    {"reorganization", PC_COND_TRANSFER},
    {"sale of * business", PC_COND_TRANSFER},
    {"sale of * assets", PC_COND_TRANSFER},
    {"business * sold", PC_COND_TRANSFER},
    {"company * sold", PC_COND_TRANSFER},
    {"automatically", PC_COND_AUTOMATIC},
    {"by default", PC_COND_AUTOMATIC},
    {"without asking", PC_COND_AUTOMATIC},
    {"regardless of", PC_COND_AUTOMATIC},
    {"except", PC_COND_EXCEPTION},
    {"excepting", PC_COND_EXCEPTION},
    {"other than", PC_COND_EXCEPTION},
    {"unless otherwise", PC_COND_EXCEPTION},
    {"apart from", PC_COND_EXCEPTION},
    {"save as", PC_COND_EXCEPTION},
    {"as described", PC_COND_EXCEPTION},
    {"as set forth", PC_COND_EXCEPTION},
    {"as set out", PC_COND_EXCEPTION},
    {"as outlined", PC_COND_EXCEPTION},
    {"as explained", PC_COND_EXCEPTION},
    {"as provided", PC_COND_EXCEPTION},
    {"as stated", PC_COND_EXCEPTION},
    {"as disclosed", PC_COND_EXCEPTION},
    {"as noted", PC_COND_EXCEPTION},
    {"in accordance with this", PC_COND_EXCEPTION},
    {"described in this", PC_COND_EXCEPTION},
    {"if", PC_COND_CIRCUMSTANCE},
    {"when", PC_COND_CIRCUMSTANCE},
    {"where", PC_COND_CIRCUMSTANCE},
    {"once", PC_COND_CIRCUMSTANCE},
    {"until", PC_COND_CIRCUMSTANCE},
    {"in case", PC_COND_CIRCUMSTANCE},
    {"provided that", PC_COND_CIRCUMSTANCE},
    {"as long as", PC_COND_CIRCUMSTANCE},
    {"to the extent", PC_COND_CIRCUMSTANCE},
    {"in the event", PC_COND_CIRCUMSTANCE},
    {"in this case", PC_COND_CIRCUMSTANCE},
    {"in such cases", PC_COND_CIRCUMSTANCE},
    {"in such a case", PC_COND_CIRCUMSTANCE},
    {"in these cases", PC_COND_CIRCUMSTANCE},
    {"in certain cases", PC_COND_CIRCUMSTANCE},
    {"in some cases", PC_COND_CIRCUMSTANCE},
    {"in certain circumstances", PC_COND_CIRCUMSTANCE},
    {"in this process", PC_COND_CIRCUMSTANCE},
    {"as part of this", PC_COND_CIRCUMSTANCE},
    {"as part of that", PC_COND_CIRCUMSTANCE},
    {"as part of such", PC_COND_CIRCUMSTANCE},
    {"in this way", PC_COND_CIRCUMSTANCE},
    {"in doing so", PC_COND_CIRCUMSTANCE},
    {"in that case", PC_COND_CIRCUMSTANCE},
    {"in such event", PC_COND_CIRCUMSTANCE},
    {"subject to", PC_COND_CIRCUMSTANCE},
    {"depending on", PC_COND_CIRCUMSTANCE},
    {"after", PC_COND_CIRCUMSTANCE},
    {"before", PC_COND_CIRCUMSTANCE},
};

/* Words after "except" that introduce the person's consent or request ("except with your
 * consent", "except where you ask us"), not an exception. */
static const char *const fr_except_consent[] = {"with", "upon", "at"};
static const char *const fr_except_when[] = {"where", "when", "if"};

/* What the person does after "unless you", within a few words: consenting ("unless you have
 * given your consent") or asking ("unless you ask us to"); opting is read by the phrases
 * ("opt out", "opt in"), so it states nothing here. */
static const struct {
    const char *word;
    unsigned cond;
} fr_unless_choices[] = {
    {"consent", PC_COND_CONSENT},      {"consents", PC_COND_CONSENT},
    {"consented", PC_COND_CONSENT},    {"agree", PC_COND_CONSENT},
    {"agreed", PC_COND_CONSENT},       {"authorize", PC_COND_CONSENT},
    {"authorized", PC_COND_CONSENT},   {"authorise", PC_COND_CONSENT},
    {"authorised", PC_COND_CONSENT},   {"permit", PC_COND_CONSENT},
    {"permission", PC_COND_CONSENT},   {"allow", PC_COND_CONSENT},
    {"authorization", PC_COND_CONSENT}, {"ask", PC_COND_REQUEST},
    {"asked", PC_COND_REQUEST},        {"request", PC_COND_REQUEST},
    {"requested", PC_COND_REQUEST},    {"direct", PC_COND_REQUEST},
    {"instruct", PC_COND_REQUEST},     {"choose", PC_COND_REQUEST},
    {"chose", PC_COND_REQUEST},        {"elect", PC_COND_REQUEST},
    {"tell", PC_COND_REQUEST},         {"opt", 0},
    {"opted", 0},
};

/* The condition "unless you" at word i states: consent or a request when the person's choice
 * follows within a few words ("unless you have provided consent"), a circumstance when they
 * do something else ("never collected unless you fill out an application"), 0 when i opens no
 * "unless you". */
static unsigned fr_unless_you(const fr_clause *c, size_t i, size_t hi)
{
    if (!PC_WORD_EQ(&c->ws->v[i], "unless") || i + 2 >= hi || !PC_WORD_EQ(&c->ws->v[i + 1], "you"))
        return 0;
    for (size_t j = i + 2; j < hi && j < i + 6; j++)
        for (size_t t = 0; t < FR_N(fr_unless_choices); t++)
            if (!strcmp(c->ws->v[j].w, fr_unless_choices[t].word))
                return fr_unless_choices[t].cond;
    return PC_COND_CIRCUMSTANCE;
}

/* Words that open a clause naming what is done rather than when ("track where you go", "record
 * when you open the app", "see how users move"), right after the verb, and the subjects that
 * follow them there. */
static const char *const fr_wh_objects[] = {"where", "when", "how"};
static const char *const fr_wh_subjects[] = {"you",   "your",     "we",     "they",
                                             "users", "visitors", "people", "customers"};

/* The first word of the term of dimension d covering word i, or (size_t)-1 (frame_cues.c reads
 * this file's cues, so the hits are looked at here rather than through pc_fr_hit_at). */
static size_t fr_term_at(const fr_clause *c, size_t i, pc_onto_dim d)
{
    if (c->hit_of) {
        long h = i < c->ws->n ? c->hit_of[i] : -1;
        return h >= 0 && c->hits[h].dim == d ? c->hits[h].first : (size_t)-1;
    }
    for (size_t h = 0; h < c->nhits; h++)
        if (c->hits[h].dim == d && c->hits[h].first <= i &&
            i < c->hits[h].first + c->hits[h].nwords)
            return c->hits[h].first;
    return (size_t)-1;
}

static size_t fr_action_at(const fr_clause *c, size_t i)
{
    return fr_term_at(c, i, PC_ONTO_ACTION);
}

int pc_fr_wh_object(const fr_clause *c, size_t i)
{
    const pc_words *ws = c->ws;
    if (i == 0 || i + 1 >= ws->n || ws->v[i].stop_before || ws->v[i].comma_before ||
        ws->v[i + 1].stop_before || !FR_IN(&ws->v[i], fr_wh_objects) ||
        !FR_IN(&ws->v[i + 1], fr_wh_subjects))
        return 0;
    return fr_action_at(c, i - 1) != (size_t)-1;
}

unsigned pc_fr_conditions(const fr_clause *c, size_t lo, size_t hi)
{
    unsigned bits = 0;
    for (size_t i = lo; i < hi; i++)
        bits |= fr_unless_you(c, i, hi);
    for (size_t i = lo; pc_fr_clause_may(c, FR_CUE_CONDITIONS) && i < hi; i++)
        for (long t = -1; pc_fr_cue_may(c, i, FR_CUE_CONDITIONS) &&
                          (t = PC_WORDS_MATCH_NEXT(c->ws, i, fr_conditions, phrase, t)) >= 0;) {
            if (fr_conditions[t].cond == PC_COND_CIRCUMSTANCE && pc_fr_wh_object(c, i))
                continue;
            if (PC_WORD_EQ(&c->ws->v[i], "except") && i + 1 < hi &&
                (FR_IN(&c->ws->v[i + 1], fr_except_consent) ||
                 (FR_IN(&c->ws->v[i + 1], fr_except_when) && i + 2 < hi &&
                  PC_WORD_EQ(&c->ws->v[i + 2], "you"))))
                continue;
            bits |= fr_conditions[t].cond;
        }
    return bits;
}

static const char *const fr_hedges[] = {"may", "might", "can", "could"};
/* Words that keep a restriction from being absolute. */
static const char *const fr_softeners[] = {
    "generally",     "typically",    "usually",   "normally",          "knowingly",
    "intentionally", "deliberately", "currently", "routinely",         "ordinarily",
    "primarily",     "mostly",       "directly",  "conventional sense"};
/* Words that tie an action to a legal term's meaning ("we do not sell personal information as
 * that term is defined in the CCPA", "for purposes of the CCPA"). */
static const char *const fr_legal_sense[] = {
    "as * defined",        "term is defined",         "within the meaning",
    "for purposes of the", "for the purposes of the", "as * term is used",
    "definitions"};
/* Words that make a restriction exclusive: only what it names is done ("no other data"). */
static const char *const fr_exclusive[] = {"only",          "solely",         "exclusively",
                                           "no other",      "any other",      "nothing else",
                                           "anything else", "other purposes", "other purpose"};
/* "only" right before the person's consent or request ("only with your consent", "solely
 * upon your request"): it limits when the action is done, not to what. */
static const char *const fr_only_words[] = {"only", "solely", "exclusively"};
static const char *const fr_only_openers[] = {"with", "upon", "at", "on"};
static const char *const fr_only_choices[] = {
    "consent",   "permission", "authorization", "authorisation", "approval",
    "agreement", "request",    "direction",     "instruction",   "instructions"};

/* Whether the exclusive cue at word i is an "only" of fr_only_words that governs a condition
 * of the person's choosing within the next few words of the part [.., hi). */
static int fr_only_condition(const fr_clause *c, size_t i, size_t hi)
{
    const pc_words *ws = c->ws;
    if (!FR_IN(&ws->v[i], fr_only_words) || i + 2 >= hi || ws->v[i + 1].stop_before ||
        !FR_IN(&ws->v[i + 1], fr_only_openers))
        return 0;
    for (size_t j = i + 2; j < hi && j < i + 6 && !ws->v[j].stop_before; j++)
        if (FR_IN(&ws->v[j], fr_only_choices))
            return 1;
    return 0;
}

/* Words after "only for" or "only to" that open a duration or an extent, not a purpose ("only
 * for as long as necessary", "only to the extent permitted"). */
static const char *const fr_purpose_not[] = {"as", "extent", "long", "so", "while"};
/* Words between "only to" and what it opens ("only to our couriers", "only for the purpose"). */
static const char *const fr_purpose_determiners[] = {"the", "our", "a", "an", "your", "its",
                                                     "their", "those", "these", "such"};

/* Whether the exclusive cue at word i is an "only" of fr_only_words right before "to" or "for"
 * that opens a purpose ("we use it only to deliver your order", "solely for security"), not
 * a recipient ("only to our couriers"). */
static int fr_only_purpose(const fr_clause *c, size_t i, size_t hi)
{
    const pc_words *ws = c->ws;
    if (!FR_IN(&ws->v[i], fr_only_words) || i + 2 >= hi || ws->v[i + 1].stop_before ||
        ws->v[i + 2].stop_before ||
        !(PC_WORD_EQ(&ws->v[i + 1], "to") || PC_WORD_EQ(&ws->v[i + 1], "for")))
        return 0;
    size_t j = i + 2;
    while (j + 1 < hi && FR_IN(&ws->v[j], fr_purpose_determiners) && !ws->v[j + 1].stop_before)
        j++;
    return !FR_IN(&ws->v[j], fr_purpose_not) && fr_term_at(c, j, PC_ONTO_RECIPIENT) == (size_t)-1;
}

/* Between a negation and the action, these start another clause: the negation is not the
 * action's ("emails may not be hashed when they are shared"). */
static const char *const fr_clause_openers[] = {
    "but",  "however", "although", "though",  "whereas", "yet",    "rather", "instead",
    "when", "if",      "where",    "because", "since",   "that",   "which",  "who",
    "whom", "as",      "while",    "so",      "after",   "before", "whose"};

/* Words after "not" that keep it from negating what follows. */
static const char *const fr_not_negating[] = {"limited", "only", "necessarily", "just"};

int pc_fr_marker(const pc_word *w)
{
    static const char *const marks[] = {"a", "b", "c", "d", "i", "ii", "iii", "iv", "v"};
    return w->comma_before && (PC_WORD_IS(w, marks) || (w->w[0] >= '0' && w->w[0] <= '9'));
}

/* Words that may stand between a coordinator and the verb it joins ("or otherwise disclose");
 * auxiliaries there give the verb a modality of its own ("and will share"). */
static const char *const fr_conj_adverbs[] = {"otherwise", "also",     "then",
                                              "further",   "directly", "indirectly"};
static const char *const fr_conj_auxiliaries[] = {"will",  "may",   "might",  "can",  "could",
                                                  "would", "shall", "should", "do",   "does",
                                                  "did",   "must",  "not",    "never"};
/* Subjects that open a clause of their own between two verbs ("we do not sell it and we
 * share it"). */
static const char *const fr_clause_subjects[] = {"we", "they", "i", "he", "she"};
static const char *const fr_coordinators[] = {"and", "or", "nor"};

#define FR_CONJ_WINDOW 25 /* words looked back from a coordinator for the verb it joins */

size_t pc_fr_conjunct(const fr_clause *c, size_t a, int *aux)
{
    const pc_words *ws = c->ws;
    size_t i = a;
    *aux = 0;
    while (i > 0 && !ws->v[i].stop_before) {
        const pc_word *p = &ws->v[i - 1];
        if (!pc_fr_marker(p) && (ws->v[i].comma_before || !(FR_IN(p, fr_conj_adverbs) ||
                                                            FR_IN(p, fr_conj_auxiliaries))))
            break;
        *aux |= FR_IN(p, fr_conj_auxiliaries);
        i--;
    }
    if (i == 0 || ws->v[i].stop_before)
        return (size_t)-1;
    if (!ws->v[i].comma_before || pc_fr_marker(&ws->v[i])) { /* else a list: "sell, rent or" */
        if (!FR_IN(&ws->v[i - 1], fr_coordinators))
            return (size_t)-1;
        i--;
    }
    for (size_t k = 0; i > 0 && k < FR_CONJ_WINDOW && !ws->v[i].stop_before; k++) {
        i--;
        if (FR_IN(&ws->v[i], fr_clause_subjects) || FR_IN(&ws->v[i], fr_clause_openers))
            return (size_t)-1;
        size_t first = fr_action_at(c, i);
        if (first != (size_t)-1)
            return first;
    }
    return (size_t)-1;
}

/* Whether the action at a is negated: a negation among the eight words before it in the same
 * part (list markers do not count), with no other clause opening in between ("emails may not
 * be hashed when they are shared" does not negate sharing) and no subject of its own ("we do
 * not sell it and we share it") or after the verb it joins; or "no" right after it; or the
 * verb it joins is negated, with no auxiliary of its own ("we will not (a) sell it or (b)
 * disclose it", not "we do not sell it and will share it"). */
static int fr_negated(const fr_clause *c, size_t a)
{
    int aux;
    size_t head = pc_fr_conjunct(c, a, &aux);
    if (head != (size_t)-1 && !aux && fr_negated(c, head))
        return 1;
    const pc_words *ws = c->ws;
    size_t floor = head != (size_t)-1 ? head + 1 : 0; /* "we do not sell it and will share it" */
    for (size_t i = a, k = 0; i > floor && k < 8;) {
        if (ws->v[i].stop_before)
            break;
        i--;
        const pc_word *w = &ws->v[i];
        if (pc_fr_marker(&ws->v[i]))
            continue;
        k++;
        if (FR_IN(w, fr_clause_openers) || (PC_WORD_EQ(w, "without") && a - i > 1) ||
            (FR_IN(w, fr_clause_subjects) &&
             !(i > 0 && FR_IN(&ws->v[i - 1], fr_conj_auxiliaries))))
            break; /* "and we share it", not "under no circumstances will we sell it" */
        /* "including but not limited to", "not only ... but also" */
        if (pc_stance_is_negation(w) && !(i + 1 < a && FR_IN(&ws->v[i + 1], fr_not_negating)))
            return 1;
    }
    return a + 1 < ws->n && !ws->v[a + 1].stop_before &&
           (PC_WORD_EQ(&ws->v[a + 1], "no") || PC_WORD_EQ(&ws->v[a + 1], "nothing"));
}

/* Words that name a law ("the CCPA", "California law", "applicable privacy laws"). */
static const char *const fr_law_words[] = {"law",         "laws",    "act", "regulation",
                                           "regulations", "statute", "code"};

int pc_fr_law_at(const fr_clause *c, size_t j, size_t hi)
{
    for (size_t k = j; k < hi && k < j + 5; k++) {
        const pc_word *w = &c->ws->v[k];
        if (k > j && c->ws->v[k].stop_before)
            return 0;
        if (FR_IN(w, fr_law_words))
            return 1;
        size_t caps = 0, n = w->len;
        for (size_t i = 0; i < n; i++)
            caps += c->s[c->ws->v[k].start + i] >= 'A' && c->s[c->ws->v[k].start + i] <= 'Z';
        if (n >= 3 && caps == n) /* an acronym: "CCPA", "GDPR" */
            return 1;
    }
    return 0;
}

/* Laws whose sale is narrower than the word: Nevada's is an exchange for money (NRS 603A.333). */
static const char *const fr_narrow_laws[] = {"nevada", "nrs"};

/* The flag of a legal-sense cue at word i: PC_FRAME_LEGAL_SENSE when a law is named within a
 * few words after it, PC_FRAME_LEGAL_NARROW when that law is one of fr_narrow_laws, else 0. */
static unsigned fr_law_near(const fr_clause *c, size_t i, size_t hi)
{
    size_t end = hi < i + 12 ? hi : i + 12;
    if (!pc_fr_law_at(c, i + 1, end))
        return 0;
    for (size_t k = i + 1; k < end && !(k > i + 1 && c->ws->v[k].stop_before); k++)
        if (FR_IN(&c->ws->v[k], fr_narrow_laws))
            return PC_FRAME_LEGAL_NARROW;
    return PC_FRAME_LEGAL_SENSE;
}

static const pc_fr_cue_table fr_indexed[] = {
    {&fr_conditions[0].phrase, FR_N(fr_conditions), sizeof fr_conditions[0], FR_CUE_CONDITIONS},
    {fr_softeners, FR_N(fr_softeners), sizeof *fr_softeners, FR_CUE_SOFTENERS},
    {fr_legal_sense, FR_N(fr_legal_sense), sizeof *fr_legal_sense, FR_CUE_LEGAL},
    {fr_exclusive, FR_N(fr_exclusive), sizeof *fr_exclusive, FR_CUE_EXCLUSIVE},
    /* word tables */
    FR_WORDS(fr_except_consent), FR_WORDS(fr_except_when),      FR_WORDS(fr_wh_objects),
    FR_WORDS(fr_wh_subjects),    FR_WORDS(fr_hedges),           FR_WORDS(fr_only_words),
    FR_WORDS(fr_only_openers),   FR_WORDS(fr_only_choices),     FR_WORDS(fr_purpose_not),
    FR_WORDS(fr_purpose_determiners), FR_WORDS(fr_clause_openers), FR_WORDS(fr_not_negating),
    FR_WORDS(fr_conj_adverbs),   FR_WORDS(fr_conj_auxiliaries), FR_WORDS(fr_clause_subjects),
    FR_WORDS(fr_coordinators),   FR_WORDS(fr_law_words),        FR_WORDS(fr_narrow_laws),
};

const pc_fr_cue_table *pc_fr_modality_tables(size_t *n)
{
    *n = FR_N(fr_indexed);
    return fr_indexed;
}

unsigned pc_fr_part_flags(const fr_clause *c, size_t lo, size_t hi)
{
    unsigned flags = 0;
    if (!pc_fr_clause_may(c, FR_CUE_SOFTENERS | FR_CUE_LEGAL | FR_CUE_EXCLUSIVE))
        return 0;
    for (size_t i = lo; i < hi; i++) {
        if (!pc_fr_cue_may(c, i, FR_CUE_SOFTENERS | FR_CUE_LEGAL | FR_CUE_EXCLUSIVE))
            continue;
        if (pc_fr_cue_may(c, i, FR_CUE_SOFTENERS) && FR_MATCH(c->ws, i, fr_softeners))
            flags |= PC_FRAME_SOFTENED;
        if (pc_fr_cue_may(c, i, FR_CUE_LEGAL) && FR_MATCH(c->ws, i, fr_legal_sense))
            flags |= fr_law_near(c, i, hi);
        if (pc_fr_cue_may(c, i, FR_CUE_EXCLUSIVE) && FR_MATCH(c->ws, i, fr_exclusive))
            flags |= fr_only_condition(c, i, hi) ? PC_FR_ONLY_CONDITION
                     : fr_only_purpose(c, i, hi) ? PC_FRAME_EXCLUSIVE | PC_FRAME_ONLY_PURPOSE
                                                 : PC_FRAME_EXCLUSIVE;
    }
    return flags;
}

pc_modality pc_fr_modality(const fr_clause *c, size_t a, size_t verb, size_t lo, unsigned *conds,
                           unsigned *flags)
{
    int neg = fr_negated(c, a) || (verb != (size_t)-1 && fr_negated(c, verb));
    int hedge = 0;
    unsigned only = *flags & (PC_FRAME_EXCLUSIVE | PC_FR_ONLY_CONDITION);
    *flags &= ~PC_FR_ONLY_CONDITION;
    for (size_t i = a, k = 0; i > lo && k < 3; k++) {
        i--;
        hedge |= FR_IN(&c->ws->v[i], fr_hedges);
    }
    for (size_t i = verb, k = 0; verb != (size_t)-1 && i > lo && k < 3; k++) {
        i--;
        hedge |= FR_IN(&c->ws->v[i], fr_hedges);
    }
    /* "we never share it without your consent" asks for consent; "we collect it automatically"
     * does not */
    if (neg)
        *conds &= ~PC_COND_AUTOMATIC;
    else if (*conds & PC_COND_AUTOMATIC)
        *conds &= ~PC_COND_CONSENT;
    unsigned limits = *conds & (PC_COND_CONSENT | PC_COND_REQUEST | PC_COND_LAW | PC_COND_TRANSFER |
                                PC_COND_EXCEPTION | PC_COND_CIRCUMSTANCE);
    if (neg && limits)
        return PC_MOD_NOT_UNLESS;
    if (neg)
        return PC_MOD_DOES_NOT;
    if (only && (*conds & (PC_COND_CONSENT | PC_COND_REQUEST)))
        return PC_MOD_NOT_UNLESS;
    return hedge ? PC_MOD_MAY : PC_MOD_DOES;
}

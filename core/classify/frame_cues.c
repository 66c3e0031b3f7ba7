/* frame_cues.c: the word-level cues statement frames are read with (frame_internal.h): who
 * the actor is and what makes an action a right, a hypothetical, a definition or a description
 * rather than a practice (conditions and modality: frame_modality.c). The cue words are data
 * tables; a phrase is a word sequence in which "*" stands for a few words (util/words.h). */
#include "classify/frame_internal.h"
#include "classify/stance.h"
#include "util/hash.h"

#include <string.h>

#define FR_CUE_WINDOW   8  /* words between a right or definition cue and the action */
#define FR_ACTOR_WINDOW 12 /* words looked back for the actor */

/* ---- the actor ------------------------------------------------------------------------ */

static const char *const fr_we[] = {"we",           "us",           "i",
                                    "ourselves",    "company",      "app",
                                    "application",  "apps",         "applications",
                                    "service",      "services",     "website",
                                    "site",         "platform",     "software",
                                    "game",         "games",        "product",
                                    "products",     "developer",    "operator",
                                    "organization", "organisation", "business",
                                    "team",         "extension",    "tool"};
static const char *const fr_user[] = {
    "you",       "user",       "users",       "customer",   "customers",   "visitor",
    "visitors",  "member",     "members",     "parent",     "parents",     "consumer",
    "consumers", "individual", "individuals", "subscriber", "subscribers", "player",
    "players",   "he",         "she",         "yourself",   "someone",     "anyone"};
static const char *const fr_them[] = {"they",     "them",      "these",    "those",   "such",
                                      "others",   "companies", "entities", "sdk",     "sdks",
                                      "provider", "providers", "networks", "network", "platforms"};
/* Words between a subject and its verb: auxiliaries, negations, adverbs, relatives. */
static const char *const fr_between[] = {
    "do",        "does",         "did",       "will",       "would",         "shall",
    "should",    "may",          "might",     "can",        "could",         "must",
    "not",       "never",        "also",      "only",       "automatically", "generally",
    "currently", "routinely",    "knowingly", "otherwise",  "ever",          "to",
    "and",       "or",           "don't",     "doesn't",    "won't",         "cannot",
    "can't",     "wouldn't",     "shouldn't", "who",        "which",         "that",
    "hereby",    "further",      "directly",  "indirectly", "intentionally", "voluntarily",
    "regularly", "occasionally", "sometimes", "then",       "additionally",  "thus",
    "therefore", "neither",      "nor",       "no",         "longer",        "typically",
    "usually",   "need",         "is",        "are",        "have",          "has",
    "been",      "be",           "allowed",   "able",       "permitted",     "required",
    "in",        "any",          "way",       "event",      "case",          "circumstances",
    "under",
};
static const char *const fr_imperative[] = {"do", "don't", "never", "please"};
static const char *const fr_be[] = {"is",   "are",   "was", "were", "be",
                                    "been", "being", "get", "gets"};

/* Whether word i of the clause is written with a capital letter in the text. */
static int fr_capital(const fr_clause *c, size_t i)
{
    unsigned char ch = (unsigned char)c->s[c->ws->v[i].start];
    return ch >= 'A' && ch <= 'Z';
}

/* A passive ("is sold", "will not be shared"): the actor follows "by", else the company. */
static int fr_participle(const pc_word *w)
{
    size_t n = w->len;
    return (n > 2 && PC_WORD_ENDS(w, "ed")) || PC_WORD_EQ(w, "sold") || PC_WORD_EQ(w, "kept") ||
           PC_WORD_EQ(w, "sent") || PC_WORD_EQ(w, "held") || PC_WORD_EQ(w, "made");
}

/* "is sold", "will not be shared", "is not sold, rented or shared". */
int pc_fr_passive(const fr_clause *c, size_t a)
{
    if (!fr_participle(&c->ws->v[a]))
        return 0;
    for (size_t i = a, k = 0; i > 0 && k < 8; k++) {
        if (c->ws->v[i].stop_before)
            break;
        i--;
        const pc_word *w = &c->ws->v[i];
        if (FR_IN(w, fr_be))
            return 1;
        if (!FR_IN(w, fr_between) && !fr_participle(w))
            break;
    }
    return 0;
}

static pc_actor fr_passive_actor(const fr_clause *c, size_t a, long *hit)
{
    for (size_t i = a + 1; i + 1 < c->ws->n && i < a + 8 && !c->ws->v[i].stop_before; i++) {
        if (!PC_WORD_EQ(&c->ws->v[i], "by"))
            continue;
        const pc_word *w = &c->ws->v[i + 1];
        long h = pc_fr_hit_at(c, i + 1);
        if (h < 0 && i + 2 < c->ws->n)
            h = pc_fr_hit_at(c, i + 2); /* "by our partners", "by these companies" */
        int others = h >= 0 && c->hits[h].dim == PC_ONTO_RECIPIENT;
        if (FR_IN(w, fr_we) || (PC_WORD_EQ(w, "our") && !others)) /* "by us", "by our app" */
            return PC_ACTOR_WE;
        if (others) {
            *hit = h;
            return PC_ACTOR_THIRD_PARTY;
        }
        if (FR_IN(w, fr_user))
            return PC_ACTOR_USER;
        if (FR_IN(w, fr_them))
            return PC_ACTOR_THIRD_PARTY;
    }
    return PC_ACTOR_WE;
}

/* Words that end the subject's phrase when looking back from the verb. */
static const char *const fr_subject_edges[] = {
    "that",   "if",      "when", "where",    "because", "since", "while", "whereas",
    "unless", "whether", "once", "although", "though",  "so",    "and",   "or"};
static const char *const fr_relatives[] = {"who", "which", "whom", "whose"};
static const char *const fr_prepositions[] = {
    "on",   "in",     "at", "through", "via",    "from", "of",    "for", "by",
    "with", "within", "to", "into",    "across", "over", "about", "as",  "under"};
static const char *const fr_determiner_words[] = {
    "the", "a",    "an",  "this", "these", "those", "our",     "your", "their",
    "its", "such", "any", "all",  "each",  "some",  "certain", "other"};

/* The start of the subject's phrase of the verb at a: after the last stop, comma, clause
 * edge or relative pronoun before it ("Users who complete a purchase receive": the phrase after
 * "who" holds no actor, so the phrase before it is taken). */
static size_t fr_subject_start(const fr_clause *c, size_t a, size_t *rel)
{
    *rel = (size_t)-1;
    size_t i = a;
    for (size_t k = 0; i > 0 && k < FR_ACTOR_WINDOW; k++) {
        if (c->ws->v[i].stop_before ||
            (c->ws->v[i].comma_before && i < a && !pc_fr_marker(&c->ws->v[i])))
            return i; /* "we will not (a) sell": a list marker ends no phrase */
        const pc_word *w = &c->ws->v[i - 1];
        if (FR_IN(w, fr_relatives)) {
            *rel = i - 1;
            return i;
        }
        if (FR_IN(w, fr_subject_edges) && i < a) {
            if (PC_WORD_EQ(w, "that")) /* "browsers that do not send": the subject is before */
                *rel = i - 1;
            return i;
        }
        i--;
    }
    return i;
}

/* A 64-bit hash of the capitalized words around word i (a name: "Sirius XM"). */
static unsigned long long fr_name(const fr_clause *c, size_t i, size_t lo, size_t hi)
{
    size_t s = i, e = i + 1;
    while (s > lo && fr_capital(c, s - 1) && !FR_IN(&c->ws->v[s - 1], fr_determiner_words))
        s--;
    while (e < hi && fr_capital(c, e))
        e++;
    uint64_t h = PC_FNV_SEED;
    for (size_t k = s; k < e; k++)
        h = pc_fnv64(h, c->ws->v[k].w, c->ws->v[k].len);
    return h | 1u;
}

/* Whether word i is the object of a preposition ("on our apps", "in the mobile app"). */
static int fr_pp_object(const fr_clause *c, size_t i, size_t lo)
{
    for (size_t j = i, k = 0; j > lo && k < 3; k++) {
        j--;
        const pc_word *w = &c->ws->v[j];
        if (FR_IN(w, fr_prepositions))
            return 1;
        if (c->ws->v[j + 1].comma_before || FR_IN(w, fr_between) || FR_IN(w, fr_we) ||
            FR_IN(w, fr_user) || FR_IN(w, fr_them) || pc_fr_hit_at(c, j) >= 0)
            return 0;
    }
    return 0;
}

static const char *const fr_coordinators[] = {"and", "or", "nor"};

/* Whether "we" is one of the heads coordinated in the subject before word i: "we and our
 * partners", "neither we nor they", "we, our providers, or third parties" (the subject's
 * phrase from lo starts at or after a conjunction: the list before it, back to the sentence's
 * start, is looked at too). */
static int fr_we_coordinated(const fr_clause *c, size_t lo, size_t i)
{
    const pc_words *ws = c->ws;
    size_t from = lo;
    if ((lo > 0 && FR_IN(&ws->v[lo - 1], fr_coordinators) && !ws->v[lo].stop_before) ||
        (lo > 0 && ws->v[lo].comma_before && FR_IN(&ws->v[lo], fr_coordinators)))
        for (size_t k = 0; from > 0 && k < FR_ACTOR_WINDOW && !ws->v[from].stop_before; k++)
            from--;
    for (size_t j = from; j + 1 < i; j++)
        if (PC_WORD_EQ(&ws->v[j], "we") &&
            (FR_IN(&ws->v[j + 1], fr_coordinators) || ws->v[j + 1].comma_before))
            return 1;
    return 0;
}

/* The actor of the subject's phrase in words [lo, hi), nearest the verb first, objects of
 * prepositions left out; PC_ACTOR_COUNT when it names nothing. With `coordinated`, a subject
 * that coordinates the company with others is the company's statement ("we and our partners
 * collect"; not the antecedent of a relative clause: "we and others who use the app"); *hit
 * still names the other head, which is then no term of the frame. */
static pc_actor fr_actor_in(const fr_clause *c, size_t lo, size_t hi, long *hit,
                            unsigned long long *name, int coordinated)
{
    for (size_t i = hi; i > lo;) {
        i--;
        const pc_word *w = &c->ws->v[i];
        if (FR_IN(w, fr_between) || FR_IN(w, fr_determiner_words) || FR_IN(w, fr_prepositions) ||
            fr_pp_object(c, i, lo))
            continue;
        long h = pc_fr_hit_at(c, i);
        if (h >= 0 && c->hits[h].dim == PC_ONTO_RECIPIENT) {
            *hit = h;
            return coordinated && fr_we_coordinated(c, lo, i) ? PC_ACTOR_WE : PC_ACTOR_THIRD_PARTY;
        }
        if (FR_IN(w, fr_user))
            return PC_ACTOR_USER;
        if (FR_IN(w, fr_we))
            return PC_ACTOR_WE;
        if (FR_IN(w, fr_them))
            return coordinated && fr_we_coordinated(c, lo, i) ? PC_ACTOR_WE : PC_ACTOR_THIRD_PARTY;
        if (fr_capital(c, i) && (h < 0 || c->hits[h].dim != PC_ONTO_DATA)) {
            *name = fr_name(c, i, lo, hi);
            return PC_ACTOR_NAMED;
        }
        size_t n = w->len;
        if (n > 3 && (PC_WORD_ENDS(w, "ing") || PC_WORD_ENDS(w, "ed")))
            continue; /* "processors acting on our sites": a modifier, not the head */
        /* the head of the subject is a thing: "cookies", "this disclosure", "all pro
         * editions of the app" */
        return PC_ACTOR_OTHER;
    }
    return PC_ACTOR_COUNT;
}

pc_actor pc_fr_subject(const fr_clause *c, unsigned long long *name)
{
    long hit;
    *name = 0;
    pc_actor who = fr_actor_in(c, 0, c->ws->n, &hit, name, 1);
    return who == PC_ACTOR_COUNT || who == PC_ACTOR_OTHER ? PC_ACTOR_WE : who;
}

/* Verbs by which a thing lets the company act: "cookies help us count visits", "these tools
 * allow us to collect". */
static const char *const fr_enablers[] = {"help",   "helps",  "helped", "allow",  "allows",
                                          "enable", "enables", "let",   "lets",   "permit",
                                          "permits", "assist", "assists"};

/* The word before the action at a (in its sentence) that is an enabler followed by "us" (us
 * set) or by another object (us clear), or -1. */
static long fr_enabler_at(const fr_clause *c, size_t a, int us)
{
    if (!pc_fr_clause_may(c, FR_WORD_BIT(FRW_fr_enablers)))
        return -1;
    for (size_t i = a, k = 0; i > 0 && k < FR_ACTOR_WINDOW; k++) {
        if (c->ws->v[i].stop_before)
            break;
        i--;
        if (i + 1 < a && FR_IN(&c->ws->v[i], fr_enablers) &&
            (PC_WORD_EQ(&c->ws->v[i + 1], "us")) == us)
            return (long)i;
    }
    return -1;
}

/* Whether the action at a is the company's, enabled by a thing or another party: "cookies
 * help us and our partners track" is the company tracking; "you allow us to collect" is the
 * person's grant (a right), not this. */
static int fr_enabled(const fr_clause *c, size_t a)
{
    long j = fr_enabler_at(c, a, 1);
    if (j < 0)
        return 0;
    long hit;
    unsigned long long name;
    size_t rel, lo = fr_subject_start(c, (size_t)j, &rel);
    pc_actor who = fr_actor_in(c, lo, (size_t)j, &hit, &name, 1);
    return who != PC_ACTOR_USER && !(j == 0 || FR_IN(&c->ws->v[0], fr_imperative));
}

/* Words before the company's own service that put an action on it ("through our app", "on the
 * Services", "through use of our site"), and the person's uses of it ("when you visit our
 * site"). */
static const char *const fr_via[] = {"through", "via", "on", "in", "using", "within", "across"};
static const char *const fr_visits[] = {"use",    "uses",   "using",    "visit",     "visits",
                                        "access", "browse", "interact", "interacts", "open",
                                        "opens",  "play",   "plays"};
static const char *const fr_our_the[] = {"our", "the"};

/* Whether the company's own service is named from word i, within a few words, by "our" or
 * "the" and a word of fr_we ("our mobile app", "the Services"), before hi. */
static int fr_our_service(const fr_clause *c, size_t i, size_t hi)
{
    for (size_t j = i; j + 1 < hi && j < i + 3; j++) {
        if (j > i && c->ws->v[j].stop_before)
            return 0;
        if (!FR_IN(&c->ws->v[j], fr_our_the))
            continue;
        for (size_t k = j + 1; k < hi && k < j + 3; k++)
            if (FR_IN(&c->ws->v[k], fr_we) && !PC_WORD_EQ(&c->ws->v[k], "we"))
                return 1;
    }
    return 0;
}

/* Whether the person's use of the company's service is named from word i: "visit our site",
 * "access or use the Services", "visit or interact with our app". */
static int fr_you_visit(const fr_clause *c, size_t i, size_t hi)
{
    static const char *const joins[] = {"or", "and", "otherwise", "with"};
    if (i >= hi || !FR_IN(&c->ws->v[i], fr_visits))
        return 0;
    while (i < hi && (FR_IN(&c->ws->v[i], fr_visits) || PC_WORD_IS(&c->ws->v[i], joins)) &&
           !(i > 0 && c->ws->v[i].stop_before))
        i++;
    return fr_our_service(c, i, hi);
}

int pc_fr_by_our_leave(const fr_clause *c, size_t a, size_t hi)
{
    /* an infinitive of purpose is read from its verb ("we permit advertisers to place pixels on
     * our site to track") */
    size_t verb = pc_fr_instrument(c, a), from = verb != (size_t)-1 ? verb : a;
    long j = fr_enabler_at(c, from, 0);
    if (j > 0) { /* "we may permit advertisers to collect" */
        long hit;
        unsigned long long name;
        size_t rel, lo = fr_subject_start(c, (size_t)j, &rel);
        if (fr_actor_in(c, lo, (size_t)j, &hit, &name, 1) == PC_ACTOR_WE)
            return 1;
    }
    for (size_t i = from + 1; i + 2 < hi && i < from + 16; i++) {
        const pc_words *ws = c->ws;
        if (ws->v[i].stop_before)
            break;
        /* "through our Services", "on the mobile app", "through use of our site", "when you
         * visit our site" */
        if ((FR_IN(&ws->v[i], fr_via) && fr_our_service(c, i + 1, hi)) ||
            (PC_WORD_EQ(&ws->v[i], "you") && fr_you_visit(c, i + 1, hi)))
            return 1;
    }
    return 0;
}

/* Whether the action at a, after a relative pronoun ending at lo, is the relative clause's
 * own verb ("partners who may sell"), not the main verb after a relative clause inside the
 * subject ("we or partners with whom we work may collect": the subject is the coordination
 * before the pronoun). */
static int fr_relative_verb(const fr_clause *c, size_t lo, size_t a)
{
    for (size_t i = lo; i < a; i++)
        if (!FR_IN(&c->ws->v[i], fr_between))
            return 0;
    return 1;
}

/* Verbs that take an instrument whose purpose an infinitive states ("we use cookies to
 * collect", "advertisers may place pixels on our site to track"); an action of the ontology
 * is read the same way ("we collect your email address to send you offers"). */
static const char *const fr_instrument_verbs[] = {
    "use",       "uses",     "used",     "place",    "places",   "placed",   "set",
    "sets",      "employ",   "employs",  "employed", "deploy",   "deploys",  "deployed",
    "utilize",   "utilizes", "utilized", "utilise",  "utilises", "utilised", "leverage",
    "leverages", "embed",    "embeds",   "install",  "installs"};
/* Words that end the look-back for an infinitive's verb: another clause opens. */
static const char *const fr_infinitive_edges[] = {
    "that",     "which",  "who",     "whom",    "if",   "when", "where",
    "because",  "while",  "unless",  "whether", "so",   "but",  "however",
    "although", "though", "whereas", "once",    "since"};

#define FR_INSTRUMENT_WINDOW 24 /* words looked back from "to" for the instrument's verb */

static size_t fr_instrument_find(const fr_clause *c, size_t a)
{
    static const char *const subjects[] = {"we", "you", "they", "i"};
    const pc_words *ws = c->ws;
    if (a == 0 || ws->v[a].stop_before || !PC_WORD_EQ(&ws->v[a - 1], "to"))
        return (size_t)-1;
    size_t to = a - 1;
    for (size_t i = to, k = 0; i > 0 && k < FR_INSTRUMENT_WINDOW; k++) {
        if (ws->v[i].stop_before)
            break;
        i--;
        const pc_word *w = &ws->v[i];
        if (FR_IN(w, fr_instrument_verbs))
            /* "use to" names no instrument, unless the thing is its subject ("cookies are
             * used to collect") */
            return i + 1 < to || pc_fr_passive(c, i) ? i : (size_t)-1;
        /* another action before is the one whose purpose it states ("we collect your email
         * address to send"); another clause or subject ends the search */
        long h = pc_fr_hit_at(c, i);
        if (h >= 0 && c->hits[h].dim == PC_ONTO_ACTION && c->hits[h].first == i)
            return i + 1 < to ? i : (size_t)-1;
        /* a party that is no preposition's object subjects a clause of its own ("we use your
         * location, and advertisers may read it to send") */
        int party = (h >= 0 && c->hits[h].dim == PC_ONTO_RECIPIENT) || FR_IN(w, fr_user);
        if (FR_IN(w, fr_infinitive_edges) || PC_WORD_IS(w, subjects) ||
            (party && !fr_pp_object(c, i, 0)))
            break;
    }
    return (size_t)-1;
}

size_t pc_fr_instrument(const fr_clause *c, size_t a)
{
    if (!c->instrument)
        return fr_instrument_find(c, a);
    if (!c->instrument[a]) /* read once per action: its actor, modality and leave ask */
        c->instrument[a] = (uint16_t)(fr_instrument_find(c, a) + 2);
    return (size_t)c->instrument[a] - 2;
}

pc_actor pc_fr_actor(const fr_clause *c, size_t a, long *hit, unsigned long long *name,
                     int *implicit)
{
    *hit = -1;
    *name = 0;
    *implicit = 0;
    if (pc_fr_passive(c, a))
        return fr_passive_actor(c, a, hit);
    if (fr_enabled(c, a))
        return PC_ACTOR_WE;
    int aux;
    size_t head = pc_fr_conjunct(c, a, &aux);
    if (head != (size_t)-1) /* "we collect and use it": the verb before names the subject */
        return pc_fr_actor(c, head, hit, name, implicit);
    size_t rel, lo = fr_subject_start(c, a, &rel);
    pc_actor who = fr_actor_in(c, lo, a, hit, name, 1);
    size_t verb =
        who == PC_ACTOR_OTHER || who == PC_ACTOR_COUNT ? pc_fr_instrument(c, a) : (size_t)-1;
    if (verb != (size_t)-1) /* "we use cookies to collect": the user of the thing acts */
        return pc_fr_actor(c, verb, hit, name, implicit);
    if ((who == PC_ACTOR_COUNT || who == PC_ACTOR_OTHER) && rel != (size_t)-1) {
        size_t rel2, lo2 = fr_subject_start(c, rel, &rel2);
        who = fr_actor_in(c, lo2, rel, hit, name, !fr_relative_verb(c, lo, a));
    }
    if (who != PC_ACTOR_COUNT)
        return who;
    /* "Do not share your password", "Please send us...": an imperative speaks to the person;
     * a clause that starts with its verb takes the subject of its lead-in ("We may: - send you
     * offers"), else the company's */
    size_t first = 0;
    while (first < a && FR_IN(&c->ws->v[first], fr_between))
        first++;
    if (first == a && a < 3 && FR_IN(&c->ws->v[0], fr_imperative))
        return PC_ACTOR_USER;
    *implicit = 1;
    *name = c->lead_name;
    return c->lead_actor;
}

/* ---- not a practice ------------------------------------------------------------------- */

/* The person's rights, choices and grants: the action is what they may ask for, refuse or
 * allow ("you have the right to ask us not to sell", "you authorize us to collect"). */
static const char *const fr_right_cues[] = {
    "right",          "rights",          "request that",   "request us",     "request to",
    "ask us",         "ask that",        "direct us",      "instruct us",    "opt out of",
    "opt out from",   "object to",       "choose whether", "choose not to",  "choose to",
    "elect not to",   "elect to",        "tell us not to", "prevent",        "prohibit",
    "stop us",        "ability to",      "option to",      "decide whether", "want us to",
    "wish us to",     "limit our",       "restrict our",   "opting out of",  "to limit",
    "request the",    "you may request", "authorize us",   "authorise us",   "allow us to",
    "allowing us to", "permit us to",    "consent to",     "agree to",       "you acknowledge",
    "by using",       "by visiting",     "by submitting",  "by accessing",   "by continuing",
    "by providing",   "by clicking",     "by registering", "by downloading", "by installing",
};

/* A definition of the action's word ('"Sale" means ...', "sale is broadly defined"). */
static const char *const fr_definition_cues[] = {
    "means",         "refers to",   "is defined",     "are defined",       "broadly defined",
    "defined as",    "definition",  "shall mean",     "includes any",      "the term",
    "is considered", "encompasses", "may constitute", "may be considered", "qualifies as",
};

/* A description of the policy or of a topic rather than a statement of practice: "this policy
 * describes what we collect", "how we use it", "the categories of data we share". */
static const char *const fr_overview_cues[] = {
    "what",
    "how",
    "why",
    "whether",
    "types of",
    "categories of",
    "kinds of",
    "describes",
    "explains",
    "let you know",
    "tell you",
    "inform you",
    "this policy",
    "this privacy",
    "this notice",
    "this statement",
    "privacy policy",
    "privacy notice",
    "learn more",
    "more information",
    "section",
    "table",
    "sets out",
    "set out",
    "outlines",
    "summary",
};

/* An intention, a wish or an audience rather than a practice. */
static const char *const fr_intent_cues[] = {
    "want to",     "wish to",      "intend to",    "plan to",    "aim to",        "try to",
    "strive to",   "endeavor to",  "endeavour to", "seek to",    "intended for",  "directed to",
    "directed at", "designed for", "meant for",    "attempt to", "attempting to", "trying to",
    "seeking to",  "intending to", "planning to",
};

/* Protection against misuse: "make sure it is not lost, misused or disclosed". */
static const char *const fr_protection_cues[] = {
    "unauthorized", "unauthorised", "misuse",          "misused",
    "lost",         "loss",         "alteration",      "altered",
    "destroyed",    "destruction",  "inappropriately", "improperly",
    "unlawful",     "unlawfully",   "accidental",      "accidentally",
    "theft",        "breach",
};

/* Openers of a hypothetical: the action is what might happen. */
static const char *const fr_if_words[] = {"if", "whether", "should", "were", "unless", "once"};
/* Determiners that make the action word a noun ("the use of", "any sale of"). */
static const char *const fr_noun_det[] = {"the",   "any", "such", "this", "that", "its",
                                          "their", "our", "your", "no",   "a",    "of"};

/* Whether a phrase of table starts within FR_CUE_WINDOW words before word a (and before a), in
 * the same sentence. */
static int fr_cue_before(const fr_clause *c, size_t a, const char *const *table, size_t n,
                         size_t window, unsigned bit)
{
    if (!pc_fr_clause_may(c, bit))
        return 0; /* no phrase of the table starts anywhere in the clause */
    size_t lo = a;
    for (size_t k = 0; lo > 0 && k < window && !c->ws->v[lo].stop_before; k++)
        lo--;
    for (size_t i = lo; i < a; i++)
        if (pc_fr_cue_may(c, i, bit) && pc_words_match_any(c->ws, i, table, n))
            return 1;
    return 0;
}

/* Whether a word of table (FR_CUE_* bit `bit`) occurs anywhere in words [lo, hi). */
static int fr_any(const fr_clause *c, size_t lo, size_t hi, const char *const *table, size_t n,
                  unsigned bit)
{
    for (size_t i = lo; pc_fr_clause_may(c, bit) && i < hi; i++)
        if (pc_fr_cue_may(c, i, bit) && pc_word_is(&c->ws->v[i], table, n))
            return 1;
    return 0;
}

/* The person's voice ("Do not sell my personal information"). */
static const char *const fr_mine[] = {"my", "mine"};

/* The hypothetical: an "if", "in the event", "in case" opens the clause part of word a and no
 * comma closes it before a. */
static int fr_hypothetical(const fr_clause *c, size_t a)
{
    for (size_t i = a; i > 0;) {
        if (c->ws->v[i].stop_before || c->ws->v[i].comma_before)
            return 0;
        i--;
        const pc_word *w = &c->ws->v[i];
        if (FR_IN(w, fr_if_words) ||
            (PC_WORD_EQ(w, "event") && i > 0 && PC_WORD_EQ(&c->ws->v[i - 1], "the")) ||
            (PC_WORD_EQ(w, "case") && i > 0 && PC_WORD_EQ(&c->ws->v[i - 1], "in")))
            return 1;
    }
    return 0;
}

/* A link or button title inside a sentence: the action word and the words around it are
 * capitalized ('click "Do Not Sell My Personal Information"'); or words in the person's voice
 * ("Do not sell or share my personal information"). */
static int fr_in_title(const fr_clause *c, size_t a, size_t lo, size_t hi)
{
    if (fr_any(c, lo, hi, fr_mine, FR_N(fr_mine), FR_CUE_MINE))
        return 1;
    if (a == 0 || !fr_capital(c, a))
        return 0;
    int caps = 0;
    for (size_t i = a > 3 ? a - 3 : 0; i < c->ws->n && i <= a + 3; i++)
        caps += i != a && fr_capital(c, i);
    return caps >= 3;
}

/* Words before a participle that make it a verb of the clause, not a modifier. */
static const char *const fr_subject_pronouns[] = {"we",  "i",   "you",   "they", "it",  "he",
                                                  "she", "who", "which", "that", "not", "never",
                                                  "and", "or",  "also",  "then"};

/* The action word used as a noun ("any use of", "the sale of"), as a means ("by sending"), or
 * as a participle modifying a noun ("information collected through cookies"). */
static int fr_not_verb(const fr_clause *c, size_t a)
{
    const pc_words *ws = c->ws;
    if (a == 0 || ws->v[a].stop_before)
        return 0;
    const pc_word *prev = &ws->v[a - 1], *w = &ws->v[a];
    size_t n = w->len;
    if (PC_WORD_EQ(prev, "by") && n > 3 && PC_WORD_ENDS(w, "ing"))
        return 1;
    if (FR_IN(prev, fr_noun_det) && a + 1 < ws->n && PC_WORD_EQ(&ws->v[a + 1], "of"))
        return 1;
    if (PC_WORD_EQ(prev, "of")) /* "terms of use", "right of access" */
        return 1;
    /* "your browsing, sharing, downloading": a list of activities */
    if (n > 3 && PC_WORD_ENDS(w, "ing") &&
        (ws->v[a].comma_before || (a + 1 < ws->n && ws->v[a + 1].comma_before)))
        return 1;
    int participle = (n > 2 && PC_WORD_ENDS(w, "ed")) || PC_WORD_EQ(w, "sold") ||
                     PC_WORD_EQ(w, "kept") || PC_WORD_EQ(w, "held");
    return participle && !ws->v[a].comma_before && !FR_IN(prev, fr_be) &&
           !FR_IN(prev, fr_between) && !FR_IN(prev, fr_subject_pronouns) && !FR_IN(prev, fr_we) &&
           !FR_IN(prev, fr_user) && !FR_IN(prev, fr_them);
}

/* Words before "that" that make it open a complement ("note that we do not sell"), not a
 * relative clause ("the data that we do not process"). */
static const char *const fr_complementizers[] = {
    "note",    "ensure",  "means",  "mean",      "agree",    "acknowledge", "understand", "confirm",
    "believe", "state",   "states", "represent", "warrant",  "aware",       "clear",      "sure",
    "mindful", "fact",    "so",     "such",      "provided", "given",       "is",         "was",
    "are",     "know",    "notice", "informed",  "inform",   "assure",      "guarantee",  "promise",
    "certify", "declare", "say",    "says",      "remember", "hope"};

int pc_fr_relative(const fr_clause *c, size_t a)
{
    for (size_t i = a, k = 0; i > 0 && k < 6; k++) {
        if (c->ws->v[i].stop_before || c->ws->v[i].comma_before)
            return 0;
        i--;
        const pc_word *w = &c->ws->v[i];
        if (PC_WORD_EQ(w, "which") || PC_WORD_EQ(w, "whom"))
            return 1;
        if (PC_WORD_EQ(w, "that"))
            return i > 0 && !c->ws->v[i].comma_before &&
                   !FR_IN(&c->ws->v[i - 1], fr_complementizers);
        if (!FR_IN(w, fr_between) && !FR_IN(w, fr_we) && !FR_IN(w, fr_user) && !FR_IN(w, fr_them))
            return 0;
    }
    return 0;
}

/* Whether word i is the head of a noun phrase a determiner opens ("the products", "any
 * physical goods"): a determiner one or two words before it, in the same sentence, and no
 * ontology term or comma in between. */
static int fr_noun_head(const fr_clause *c, size_t i)
{
    if (FR_IN(&c->ws->v[i], fr_determiner_words) || FR_IN(&c->ws->v[i], fr_coordinators))
        return 0; /* "the app and we sell": "and" heads nothing */
    for (size_t k = 1; k <= 2 && k <= i; k++) {
        const pc_word *w = &c->ws->v[i - k + 1];
        if (w->stop_before || w->comma_before || pc_fr_hit_at(c, i - k + 1) >= 0)
            return 0;
        if (FR_IN(&c->ws->v[i - k], fr_determiner_words))
            return 1;
    }
    return 0;
}

int pc_fr_zero_relative(const fr_clause *c, size_t a, int names_data)
{
    static const char *const subjects[] = {"we", "you", "they", "i"};
    static const char *const aux[] = {"may", "might", "will", "would", "can",  "could",
                                      "do",  "does",  "have", "has",   "also", "automatically"};
    size_t j = a;
    while (j > 0 && PC_WORD_IS(&c->ws->v[j - 1], aux))
        j--;
    if (j < 2 || !PC_WORD_IS(&c->ws->v[j - 1], subjects) || c->ws->v[j - 1].comma_before)
        return 0;
    long h = pc_fr_hit_at(c, j - 2);
    if (h >= 0)
        return c->hits[h].dim == PC_ONTO_DATA;
    return !names_data && fr_noun_head(c, j - 2);
}

/* Whether the action at a is a word in quotes that a definition follows ('"Sell" means
 * selling, renting...'): a mention of the word, not a use ('We "sell" data' is a use). */
static int fr_defined_word(const fr_clause *c, size_t a)
{
    size_t at = c->ws->v[a].start;
    unsigned char before = at > 0 ? (unsigned char)c->s[at - 1] : 0;
    int quoted = before == '"' || before == '\'' || (at >= 3 && before >= 0x98 && before <= 0x9d &&
                                                    (unsigned char)c->s[at - 3] == 0xe2 &&
                                                    (unsigned char)c->s[at - 2] == 0x80);
    if (!quoted)
        return 0;
    for (size_t i = a + 1; i < c->ws->n && i < a + 3 * FR_CUE_WINDOW; i++) {
        if (c->ws->v[i].stop_before)
            return 0;
        if (pc_fr_cue_may(c, i, FR_CUE_DEFINITION) &&
            pc_words_match_any(c->ws, i, fr_definition_cues, FR_N(fr_definition_cues)))
            return 1;
    }
    return 0;
}

/* A fragment that opens with gerunds ("Selling or sharing your data with advertisers;",
 * "o Tracking you across apps") names an activity, as a topic or a list item whose lead-in was
 * not found; it states no practice unless a lead-in gives it a subject. "Sharing of ..." is
 * the subject of a statement instead (fr_object_unknown in frame.c reads it). */
static int fr_activity_name(const fr_clause *c, size_t a)
{
    static const char *const joins[] = {"or", "and", "otherwise", "and/or"};
    if (c->has_lead)
        return 0;
    size_t i = 0;
    if (c->ws->n > 1 && c->ws->v[0].len == 1) /* a list marker: "o", "l", "a" */
        i = 1;
    for (; i <= a; i++) {
        const pc_word *w = &c->ws->v[i];
        size_t n = w->len;
        long h = pc_fr_hit_at(c, i);
        int gerund = n > 4 && PC_WORD_ENDS(w, "ing") && h >= 0 &&
                     c->hits[h].dim == PC_ONTO_ACTION;
        if (!gerund && !(i < a && PC_WORD_IS(w, joins)))
            return 0;
    }
    /* "Sharing of your address with advertisers may be a sale": the subject of a statement */
    return !(a + 1 < c->ws->n && PC_WORD_EQ(&c->ws->v[a + 1], "of"));
}

pc_frame_skip pc_fr_lead_in_skip(const fr_clause *c)
{
    if (c->ws->n == 0)
        return PC_SKIP_NONE;
    size_t end = c->ws->n - 1;
    if (fr_cue_before(c, end, fr_right_cues, FR_N(fr_right_cues), 2 * FR_CUE_WINDOW,
                      FR_CUE_RIGHT))
        return PC_SKIP_RIGHT;
    return fr_hypothetical(c, end) ? PC_SKIP_HYPOTHETICAL : PC_SKIP_NONE;
}

pc_frame_skip pc_fr_not_practice(const fr_clause *c, size_t a, size_t lo, size_t hi)
{
    if (fr_in_title(c, a, lo, hi))
        return PC_SKIP_TITLE;
    if (fr_cue_before(c, a, fr_definition_cues, FR_N(fr_definition_cues), FR_CUE_WINDOW,
                      FR_CUE_DEFINITION) ||
        fr_defined_word(c, a))
        return PC_SKIP_DEFINITION;
    /* "your decision not to receive", "ask us not to sell": a choice, not a practice; what a
     * thing lets the company do is its practice ("cookies allow us to collect") */
    if ((!fr_enabled(c, a) &&
         fr_cue_before(c, a, fr_right_cues, FR_N(fr_right_cues), 2 * FR_CUE_WINDOW,
                       FR_CUE_RIGHT)) ||
        (a >= 2 && PC_WORD_EQ(&c->ws->v[a - 1], "to") && PC_WORD_EQ(&c->ws->v[a - 2], "not")) ||
        (a >= 3 && PC_WORD_EQ(&c->ws->v[a - 1], "be") && PC_WORD_EQ(&c->ws->v[a - 2], "to") &&
         PC_WORD_EQ(&c->ws->v[a - 3], "not")))
        return PC_SKIP_RIGHT;
    if (fr_hypothetical(c, a) ||
        fr_cue_before(c, a, fr_intent_cues, FR_N(fr_intent_cues), 4, FR_CUE_INTENT))
        return PC_SKIP_HYPOTHETICAL;
    if (fr_not_verb(c, a) || fr_activity_name(c, a) ||
        fr_cue_before(c, a, fr_overview_cues, FR_N(fr_overview_cues), 4 * FR_CUE_WINDOW,
                      FR_CUE_OVERVIEW))
        return PC_SKIP_OVERVIEW;
    if (fr_any(c, lo, hi, fr_protection_cues, FR_N(fr_protection_cues), FR_CUE_PROTECTION))
        return PC_SKIP_PROTECTION;
    return PC_SKIP_NONE;
}

#define FR_TABLE(t, bit) {(t), FR_N(t), sizeof *(t), (bit)}
static const pc_fr_cue_table fr_indexed[] = {
    FR_TABLE(fr_mine, FR_CUE_MINE),
    FR_TABLE(fr_protection_cues, FR_CUE_PROTECTION),
    FR_TABLE(fr_definition_cues, FR_CUE_DEFINITION),
    FR_TABLE(fr_right_cues, FR_CUE_RIGHT),
    FR_TABLE(fr_intent_cues, FR_CUE_INTENT),
    FR_TABLE(fr_overview_cues, FR_CUE_OVERVIEW),
    /* word tables */
    FR_WORDS(fr_we),          FR_WORDS(fr_user),           FR_WORDS(fr_them),
    FR_WORDS(fr_between),     FR_WORDS(fr_imperative),     FR_WORDS(fr_be),
    FR_WORDS(fr_subject_edges), FR_WORDS(fr_relatives),    FR_WORDS(fr_prepositions),
    FR_WORDS(fr_determiner_words), FR_WORDS(fr_coordinators), FR_WORDS(fr_enablers),
    FR_WORDS(fr_via),         FR_WORDS(fr_visits),         FR_WORDS(fr_our_the),
    FR_WORDS(fr_instrument_verbs), FR_WORDS(fr_infinitive_edges), FR_WORDS(fr_if_words),
    FR_WORDS(fr_noun_det),    FR_WORDS(fr_subject_pronouns), FR_WORDS(fr_complementizers),
};

const pc_fr_cue_table *pc_fr_cues_tables(size_t *n)
{
    *n = FR_N(fr_indexed);
    return fr_indexed;
}

/* frame_words.h: the word tables frame.c reads single words with (FR_IN), here so that the
 * frames' word index (frame_index.c) holds them too. Not a public API: only frame.c and
 * frame_index.c include it, each with its own copy of these small constant tables. */
#ifndef POLCMP_FRAME_WORDS_H
#define POLCMP_FRAME_WORDS_H

/* Words between a verb or a preposition and the noun that follows. */
static const char *const fr_determiners[] = {
    "your",          "our",  "the",   "any",   "all",     "such", "this",      "these",
    "those",         "a",    "an",    "their", "its",     "his",  "her",       "my",
    "certain",       "some", "other", "more",  "limited", "also", "ever",      "directly",
    "automatically", "only", "not",   "never", "or",      "and",  "otherwise", "own"};
static const char *const fr_coordinators[] = {"or", "and", "nor"};
/* What may follow a verb without an object: it then concerns everything ("we never sell to
 * anyone"). "you": the person addressed ("we will not contact you"). */
static const char *const fr_no_object[] = {
    "to",     "with",    "for",    "from",    "in",      "on",      "about", "without",
    "unless", "except",  "by",     "through", "via",     "at",      "as",    "under",
    "you",    "us",      "if",     "when",    "where",   "because", "so",    "that",
    "which",  "whether", "anyone", "anybody", "outside", "within",  "beyond"};
/* Words that may stand before a data type without narrowing it. */
static const char *const fr_plain_before[] = {
    "of",        "about",  "from",    "to",       "with",      "for",     "in",      "on",
    "and",       "or",     "nor",     "no",       "not",       "never",   "any",     "all",
    "your",      "our",    "the",     "this",     "these",     "those",   "their",   "its",
    "his",       "her",    "a",       "an",       "certain",   "some",    "other",   "more",
    "including", "e",      "g",       "i",        "like",      "as",      "collect", "including",
    "both",      "either", "neither", "personal", "sensitive", "limited", "also"};
/* Verbs of receiving: "you will receive our newsletter" is the company sending it. */
static const char *const fr_receive[] = {"receive", "receives", "get", "gets"};
/* Prepositions a verb takes before its object ("profit from your data"). */
static const char *const fr_verb_particles[] = {"from", "with", "on", "off"};
/* Words that open a relative clause after a noun ("libraries that use cookies"). */
static const char *const fr_relative_openers[] = {"that", "which", "who"};

#endif

/* stance.h: the polarity of a stance: given a clause and the span of the action a stance rule
 * found in it ("sell"), decide whether the clause says the company does it, does not, does it
 * only with consent, or does it under another condition. The cue words are data tables in
 * stance.c.
 */
#ifndef POLCMP_STANCE_H
#define POLCMP_STANCE_H

#include "util/words.h"

#include <stddef.h>

typedef enum pc_polarity {
    PC_POL_DOES = 0,
    PC_POL_DOES_NOT,
    PC_POL_WITH_CONSENT,
    PC_POL_CONDITIONAL,
} pc_polarity;

/* "does", "does-not", "with-consent", "conditional". */
const char *pc_polarity_name(pc_polarity p);

/* The polarity of the action at text[action_start..action_end) in the clause text[0..len). */
pc_polarity pc_stance_polarity(const char *text, size_t len, size_t action_start,
                               size_t action_end);

/* pc_stance_clause: one clause for any number of stances found in it. Its words are split on
 * first use and its clause-wide cues (consent, condition) found once, so a clause with several
 * stances is read once. The words live in thread-local storage: a pc_stance_clause is used by
 * the thread that initialized it, and splitting another clause in between only costs a second
 * split. Plain value; borrows text. */
typedef struct pc_stance_clause {
    const char *text;
    size_t len;
    unsigned long gen; /* the split it refers to; 0: not split yet */
    unsigned cues;     /* ST_CUE_* found (see stance.c) */
    unsigned known;    /* ST_CUE_* looked for */
} pc_stance_clause;

void pc_stance_clause_init(pc_stance_clause *c, const char *text, size_t len);
/* As pc_stance_polarity, on c's clause. */
pc_polarity pc_stance_clause_polarity(pc_stance_clause *c, size_t action_start, size_t action_end);

/* The word-level cues, for other readers of clauses (statement frames): whether an "if",
 * "unless", "when"... opens the part of the sentence holding word k; whether a negation
 * governs word a (rule 1 above). */
int pc_stance_subordinate(const pc_words *ws, size_t k);
int pc_stance_negated(const pc_words *ws, size_t a);
/* The index of the negation word that governs word a ("no" after it in "we sell no data"),
 * or -1. */
long pc_stance_negation(const pc_words *ws, size_t a);
/* Whether w is a negation word ("not", "never", "no", "without", "...n't"). */
int pc_stance_is_negation(const pc_word *w);

#endif

/* stance.h: the polarity of a stance: given a clause and the span of the action a stance rule
 * found in it ("sell"), decide whether the clause says the company does it, does not, does it
 * only with consent, or does it under another condition. The cue words are data tables in
 * stance.c.
 */
#ifndef POLCMP_STANCE_H
#define POLCMP_STANCE_H

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

#endif
